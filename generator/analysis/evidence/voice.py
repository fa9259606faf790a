"""Whose voice a stretch of a paragraph is in: a quotation, what a claim reports someone saying, a
clause under a verb of saying or asking, page furniture, or the narrator's own."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from typing import TYPE_CHECKING

from generator.analysis.lexicon import (
    ABSTRACT_NOUNS,
    CITED_NOUNS,
    COGNITION_VERBS,
    FACTIVE_VERBS,
    FURNITURE,
    GOVERNMENT_NOUNS,
    INQUIRY_VERBS,
    MEDIA_NOUNS,
    OPINION_WORDS,
    ORGANIZATION_NOUNS,
    REPORTING_VERBS,
    ROLE_CLASSES,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_NOUNS,
)
from generator.analysis.syntax import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from generator.analysis.quotes import Quote
    from generator.model import Claim

_QUESTION_MARKS = frozenset({"whether", "if"})
_NOT_SOURCES = frozenset({"people", "person"})
_ARGUED = frozenset({"book", "blog", "op-ed", "editorial", "column", "tweet", "manifesto", "speech"})
"""Texts that argue: what they say happened is a claim, as a person's would be."""
_WORD = re.compile(r"[\w’'-]+")
_FURNITURE_WORDS = 40
_EMBEDDED_POST = re.compile(r"\(@\w+\)\s+\w+\.? \d{1,2}, \d{4}\s*$|pic\.twitter\.com/|https?://t\.co/")
_CUE_REACH = 200
"""How far from its claim (in characters) a cue is looked for."""


@cache
def saying_verbs() -> frozenset[str]:
    """Verbs whose complement is what someone said, thought or asked, not what happened."""
    return frozenset(SPEECH_VERBS) | COGNITION_VERBS | INQUIRY_VERBS | OPINION_WORDS


@cache
def official_words() -> frozenset[str]:
    """Words that make a speaker an official body, an outlet or a record: "police", "the ministry",
    "a spokesman", "the agency", "a report" (not a book or an op-ed, which argue)."""
    return (
        (
            GOVERNMENT_NOUNS
            | ORGANIZATION_NOUNS
            | MEDIA_NOUNS
            | ROLE_CLASSES["spokesman"]
            | (CITED_NOUNS - _ARGUED)
        )
        - SOURCE_NOUNS
        - _NOT_SOURCES
    )


class Voice:
    """The spoken parts of one paragraph, as masks over its characters (so that a check costs the
    length of the item, whatever the number of quotations and claims in the paragraph)."""

    def __init__(
        self,
        doc: Doc,
        quotes: list[Quote],
        claims: list[Claim],
        text: str | None = None,
        officials: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.officials = officials
        """Actors the article names, in some claim, as the spokesman of a body (so that "she said"
        counts when "the military spokeswoman" said before)."""
        self.text = doc_text(doc) if text is None else text
        """The paragraph's text (a Doc joins its tokens anew each time it is asked)."""
        size = len(self.text)
        self.quoted = bytearray(size)
        for quote in quotes:
            self.quoted[quote.start : quote.end] = b"\x01" * (quote.end - quote.start)
        self.claimed = bytearray(size)
        self.owner: dict[int, Claim] = {}
        """The claim that reports each stretch, by the stretch's first character."""
        self.places: dict[str, tuple[int, int]] = {}
        """Where each claim found in the paragraph begins and ends, by its id."""
        self._cues: dict[str, Token | None] = {}
        self.starts: list[int] = []
        self.found: list[Claim] = []
        """The paragraph's claims whose words are found in it."""
        cursor = 0
        for claim in claims:
            place = _locate(self.text, claim.text, cursor)
            if place is None:
                continue
            self.found.append(claim)
            self.places[claim.id] = (place[0][0], place[-1][1])
            for start, end in place:
                self.claimed[start:end] = b"\x01" * (end - start)
                self.owner[start] = claim
                self.starts.append(start)
            cursor = place[0][0]
        self.starts.sort()
        self._starts: list[int] | None = None

    def quoted_share(self, start: int, end: int) -> float:
        return self.quoted[start:end].count(1) / max(1, end - start)

    def claimed_share(self, start: int, end: int) -> float:
        return self.claimed[start:end].count(1) / max(1, end - start)

    def is_claimed(self, offset: int) -> bool:
        return bool(self.claimed[offset : offset + 1].count(1))

    def claim_at(self, start: int, end: int) -> Claim | None:
        """The claim whose words cover the middle of `start:end`, if any."""
        middle = (start + end) // 2
        if not self.claimed[middle : middle + 1].count(1):
            return None
        n = bisect_right(self.starts, middle)
        return self.owner[self.starts[n - 1]] if n else None

    def on_record(self, claim: Claim) -> bool:
        """Whether what a claim reports happened is the article's fact, as a wire story gives it:
        an official body, an outlet or a record tells it with a verb that takes no side ("police
        said", "according to a spokesman for the command"; an unnamed official only with
        "according to"), or a factive cue presents it as true ("noted that …"). "He insisted …",
        "a former adviser said …" and "officials said …" are claims."""
        lemma = self.cue_lemma(claim)
        if lemma in FACTIVE_VERBS:
            return True
        according = claim.cue in ("according to", "according")
        if not according and lemma not in REPORTING_VERBS:
            return False
        if claim.speaker is not None and claim.speaker in self.officials:
            return True
        return official(claim.speaker_text) or (according and anonymous(claim.speaker_text))

    def vouched(self, start: int, end: int) -> bool:
        """Whether a quotation is presented as true: the claim that holds it has a factive cue
        before it or in its own sentences ("Simes noted: “… the disputes have been resolved”"),
        not in a sentence after ("“…” A study shows …")."""
        claim = self.claim_at(start, end)
        if claim is None or self.cue_lemma(claim) not in FACTIVE_VERBS:
            return False
        cue = self._cue_token(claim)
        first, last = self.places[claim.id]
        closing = self.doc[self._token_at(max(first, last - 1))].sent.end
        return cue is not None and cue.i < closing

    def cue_lemma(self, claim: Claim) -> str | None:
        """The lemma of a claim's cue ("said" → "say"): that of the word of the cue nearest the claim."""
        cue = self._cue_token(claim)
        return cue.lemma_.lower() if cue is not None else None

    def _cue_token(self, claim: Claim) -> Token | None:
        if claim.id not in self._cues:
            self._cues[claim.id] = self._find_cue(claim)
        return self._cues[claim.id]

    def _find_cue(self, claim: Claim) -> Token | None:
        words = (claim.cue or "").split()
        if not words or claim.id not in self.places:
            return None
        first = words[0].lower()
        start, end = self.places[claim.id]
        window = self.doc[self._token_at(start - _CUE_REACH) : self._token_at(end + _CUE_REACH) + 1]
        near = [t for t in window if t.lower_ == first]
        if not near:
            return None
        return min(near, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))

    def _token_at(self, offset: int) -> int:
        if self._starts is None:
            self._starts = self.doc.to_array("IDX").tolist()
        return max(0, bisect_right(self._starts, offset) - 1)


def speaker_words(speaker_text: str | None) -> set[str]:
    """The speaker's own words, not an apposition's ("Jo Doe, a member of the committee"), with
    plurals also in the singular ("reports", "officials")."""
    words = {w.lower() for w in _WORD.findall((speaker_text or "").split(",")[0])}
    return words | {w[:-1] for w in words if w.endswith("s")}


def official(speaker_text: str | None) -> bool:
    """Whether the words naming a speaker name an official body, an outlet or a record."""
    return bool(speaker_words(speaker_text) & official_words())


def spokesman(speaker_text: str | None) -> bool:
    """Whether they name someone whose office is to speak for a body ("the military spokeswoman")."""
    return bool(speaker_words(speaker_text) & ROLE_CLASSES["spokesman"])


def anonymous(speaker_text: str | None) -> bool:
    """Whether they name an unnamed official or source ("U.S. officials", "a government source")."""
    return bool(speaker_words(speaker_text) & SOURCE_NOUNS)


def _locate(text: str, claim: str, cursor: int) -> list[tuple[int, int]] | None:
    """Where the words of a claim are in its paragraph (both parts of a split quotation)."""
    parts = [p.strip() for p in claim.split(" … ")]
    places = []
    at = cursor
    for part in parts:
        if not part:
            continue
        found = text.find(part, at)
        if found < 0:
            found = text.find(part)
        if found < 0:
            return None
        places.append((found, found + len(part)))
        at = found + len(part)
    return places or None


def under_saying(token: Token) -> bool:
    """Whether a word is in a clause of what someone said, believed or feared ("claims that the
    statement was drafted …", "he believed the picture had been obscured", "concerns he was moving
    against his rivals", "a consensus has emerged that his refusal had made …")."""
    saying = saying_verbs()
    node = token
    while node.head.i != node.i:
        head = node.head
        lemma = head.lemma_.lower()
        if node.dep_ in ("ccomp", "xcomp", "parataxis", "csubj") and lemma in saying:
            return True
        if node.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and lemma in content_nouns():
            return True
        if node.dep_ == "ccomp" and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in content_nouns() for c in head.children
        ):
            return True
        node = head
    return False


@cache
def content_nouns() -> frozenset[str]:
    """Nouns whose clause is what is said, held or felt, not what happened ("claims", "fears")."""
    return frozenset(SPEECH_NOUNS) | ABSTRACT_NOUNS | STANCE_NOUNS


def in_question(token: Token) -> bool:
    """Whether a word is in an open question: "investigating whether Russia tried …", "it was not
    clear how long they had been held"."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in ("ccomp", "csubj", "xcomp", "advcl", "conj") and any(
            c.lower_ in _QUESTION_MARKS and c.dep_ == "mark" for c in node.children
        ):
            return True
        if node.dep_ in ("ccomp", "csubj") and node.left_edge.tag_ in ("WRB", "WP", "WDT"):
            return True
        node = node.head
    return False


def is_furniture(text: str) -> bool:
    """A credit line, a caption or a video label, which is never evidence."""
    lowered = text.lower()
    return any(phrase in lowered for phrase in FURNITURE)


def furniture_paragraph(text: str) -> bool:
    """A short paragraph with a credit, a caption or a video label in it is page furniture whole
    ("Kim Darroch has resigned. Now Britain risks … | Martin Kettle Read more"), and so is an
    embedded post, signed with its author's handle and date ("— Jo Doe (@jodoe) May 1, 2019")."""
    if _EMBEDDED_POST.search(text):
        return True
    return len(text.split()) <= _FURNITURE_WORDS and is_furniture(text)
