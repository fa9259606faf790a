"""Evidence: figures with what they measure, the documents cited, and the events the article reports as fact.

Evidence is what the article offers in its own voice: `statistics`, `documents` and `events` find
candidates in a sentence, `voice` says whose words each stretch of a paragraph is, and this module
keeps the admissible ones. Nothing quoted is evidence, nor an event a claim reports or a clause
under a verb of saying, believing or asking, save what a wire story gives as fact: a figure a source
gives, with what it measures; a document a claim cites; an event an official body, an outlet or a
record reports with a verb that takes no side ("seven people were arrested, police said"); and what
a factive cue presents as true ("noted that …"). Each item keeps its sentence and the ids of the
claims of its paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.analysis.evidence.documents import document_words, find_documents, owner
from generator.analysis.evidence.events import find_events, reports_speech, said_of, says
from generator.analysis.evidence.spans import Candidate, token_span
from generator.analysis.evidence.statistics import find_statistics
from generator.analysis.evidence.voice import (
    Voice,
    furniture_paragraph,
    in_question,
    is_furniture,
    spokesman,
    under_saying,
)
from generator.analysis.quotes import find_quotes
from generator.model import Article, Claim, Evidence
from generator.text import stable_id, words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

STATISTIC_CONFIDENCE = 0.8
"""A figure is found by its form; what it measures is the uncertain part."""
OTHER_CONFIDENCE = 0.6
"""Events, facts and documents are read off the parse of a sentence."""
_PRIORITY = {"statistic": 0, "document": 1, "fact": 2, "event": 2}
"""Of near-duplicates the first in this order is kept; a small count ranks after an event."""
_SMALL_COUNT_RANK = 3
_QUOTED = 0.3
"""The share of an item's characters inside quotation marks that makes it someone's words."""
_REPORTED = 0.5
"""The share inside a claim that makes an event reported speech."""
_MIN_WORDS = 3
_MIN_EVENT_WORDS = 5
"""Fewer words than this do not tell an event ("the virus began replicating", "that line was crossed")."""


def find_evidence(article: Article, docs: list[Doc], claims: tuple[Claim, ...]) -> tuple[Evidence, ...]:
    """All evidence in the article, in reading order, without near-duplicates."""
    quotes = defaultdict(list)
    for quote in find_quotes(article.paragraphs[: len(docs)]):
        quotes[quote.paragraph].append(quote)
    claims_of = defaultdict(list)
    for claim in claims:
        claims_of[claim.paragraph].append(claim)
    officials = frozenset(c.speaker for c in claims if c.speaker is not None and spokesman(c.speaker_text))
    seen_ids: dict[str, int] = {}
    seen_texts: set[tuple[str, ...]] = set()
    evidence: list[Evidence] = []
    mentioned: defaultdict[str, set[str]] = defaultdict(set)
    """The words of the sentences that mention each document so far, by its noun: "Mr Sands' book"
    after "In a book published this week, Philippe Sands says …" is the same book."""
    for index, doc in enumerate(docs):
        voice = Voice(doc, quotes[index], claims_of[index + 1], _text(doc, article, index), officials)
        supports = tuple(c.id for c in voice.found)
        if furniture_paragraph(voice.text):
            continue
        # A sentence's entities, gathered once (a Span looks through all the Doc's for its own).
        entities = defaultdict(list)
        starts = [s.start for s in doc.sents]
        for ent in doc.ents:
            entities[starts[bisect_right(starts, ent.start) - 1]].append(ent)
        for sentence in doc.sents:
            whole = voice.text[sentence.start_char : sentence.end_char].strip()
            items = _sentence_items(sentence, whole, entities[sentence.start], voice, mentioned)
            for lemma in document_words(sentence):
                mentioned[lemma].update(t.lower_ for t in sentence)
            for candidate in items:
                text = _tidy(voice.text[candidate.start : candidate.end])
                key = tuple(words(text))
                if key in seen_texts:
                    continue
                seen_texts.add(key)
                evidence.append(
                    Evidence(
                        id=stable_id("e", text, seen_ids),
                        kind=candidate.kind,
                        text=text,
                        paragraph=index + 1,
                        sentence=whole,
                        value=candidate.value,
                        measure=candidate.measure,
                        claims=supports,
                        confidence=STATISTIC_CONFIDENCE
                        if candidate.kind == "statistic"
                        else OTHER_CONFIDENCE,
                    )
                )
    return tuple(evidence)


def _text(doc: Doc, article: Article, index: int) -> str | None:
    """The paragraph the Doc was parsed from, when it is (so that its text need not be rebuilt)."""
    if index >= len(article.paragraphs) or not len(doc):
        return None
    paragraph = article.paragraphs[index]
    return paragraph if len(paragraph) == doc[-1].idx + len(doc[-1].text_with_ws) else None


def _sentence_items(
    sentence: Span, text: str, entities: list[Span], voice: Voice, mentioned: dict[str, set[str]]
) -> list[Candidate]:
    """The evidence of one sentence in reading order; of near-duplicates, a figure is kept before
    a document, a document before the event that holds it, and an event before a small count. A
    document cited only by whose it is counts at its first mention (see `mentioned`)."""
    if text.rstrip(" ”\"’')").endswith("?") or is_furniture(text):
        return []
    found = [*find_statistics(entities), *find_documents(sentence), *find_events(sentence)]
    found.sort(key=lambda c: (_rank(c), c.start, -c.end))
    kept: list[tuple[Candidate, set[str]]] = []
    for candidate in found:
        candidate = _without_speech(candidate, voice.doc)
        if candidate is None or not _admissible(candidate, voice):
            continue
        if (
            candidate.kind == "document"
            and not candidate.firm
            and _mentioned(voice.doc[candidate.head], mentioned)
        ):
            continue
        bag = set(words(voice.text[candidate.start : candidate.end]))
        least = _MIN_EVENT_WORDS if candidate.kind in ("event", "fact") else _MIN_WORDS
        if len(bag) < least or any(_same(bag, other) for _, other in kept):
            continue
        kept.append((candidate, bag))
    return sorted((candidate for candidate, _ in kept), key=lambda c: c.start)


def _mentioned(noun: Token, mentioned: dict[str, set[str]]) -> bool:
    """Whether a document named by its owner was met before with that owner ("Mr Sands' book")."""
    name = owner(noun)
    return name is not None and name in mentioned.get(noun.lemma_.lower(), ())


def _rank(candidate: Candidate) -> int:
    """Which of two near-duplicates is kept: the lower rank."""
    if candidate.kind == "statistic" and not candidate.firm:
        return _SMALL_COUNT_RANK
    return _PRIORITY[candidate.kind]


def _admissible(candidate: Candidate, voice: Voice) -> bool:
    """Whether an item is in the narrator's voice, or a figure, or an event on the record."""
    start, end = candidate.start, candidate.end
    if is_furniture(voice.text[start:end]):
        return False
    if voice.quoted_share(start, end) > _QUOTED and not voice.vouched(start, end):
        return False
    head = voice.doc[candidate.head]
    if in_question(head):
        return False
    # A figure a source gives and a document a claim cites are evidence in any voice but a quotation;
    # a small count is no figure, and in a claim stands only as an event would.
    if candidate.kind == "document" or (candidate.kind == "statistic" and candidate.firm):
        return True
    # A verb of saying is the cue of a claim or a speech act, not an event, unless it is itself
    # inside what a claim reports.
    if candidate.kind != "statistic" and says(head) and not voice.is_claimed(head.idx) and not said_of(head):
        return False
    reported = voice.claimed_share(start, end) > _REPORTED or under_saying(head)
    if not reported:
        return True
    claim = voice.claim_at(start, end)
    return claim is not None and voice.on_record(claim)


def _without_speech(candidate: Candidate, doc: Doc) -> Candidate | None:
    """An event's clause up to a clause of its own that reports speech ("…, leading analysts to say
    that …"), or None when the event is itself the report ("Moon said the test violates …",
    "McLoughlin agreed, saying …")."""
    if candidate.kind not in ("event", "fact"):
        return candidate
    head = doc[candidate.head]
    speech = [
        c
        for c in head.rights
        if c.dep_ in ("conj", "parataxis", "advcl", "ccomp")
        and says(c)
        and reports_speech(c)
        # "conducted what officials say was an engine test": the object, not a clause of its own.
        and c.left_edge.tag_ not in ("WP", "WDT")
    ]
    if says(head) and (reports_speech(head) or speech):
        return None
    if not speech:
        return candidate
    cut = speech[0].left_edge.i
    start, end = token_span([t for t in head.subtree if t.i < cut and t.idx >= candidate.start])
    return replace(candidate, start=start, end=end) if end > start else None


def _tidy(text: str) -> str:
    """Without the quotation marks and dashes at its edges, on one line."""
    text = text.strip(" ,;:—–-\"“”‘’'")
    return re.sub(r"\s+", " ", text)


def _same(a: set[str], b: set[str]) -> bool:
    """Near-duplicates: most words in common (a figure's clause is not the longer event holding it)."""
    return 2 * len(a & b) / max(1, len(a) + len(b)) >= 0.6
