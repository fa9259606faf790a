"""Claims with their source in a prepositional phrase: `according to X, …`, and what a poll found."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.analysis.claims import calibration
from generator.analysis.claims.base import Candidate, Extractor, Paragraph, in_quote
from generator.analysis.lexicon import FINDING_NOUNS
from generator.analysis.syntax import contiguous, is_cue, phrase, trim, words_between

if TYPE_CHECKING:
    from spacy.tokens import Token


def according_to_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`According to X, …` and `…, according to X`."""
    doc = paragraph.doc
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        if in_quote(paragraph, token.idx):
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in token.children if c.dep_ == "pobj"
        ]
        # "according to show insiders", with "show" read as a verb: its object is the source.
        objects = objects or [
            o for c in to.children if c.dep_ == "pcomp" for o in c.children if o.dep_ == "dobj"
        ]
        if not objects:
            continue
        speaker = objects[0]
        content = contiguous(_reported(token, to, speaker), token)
        if not content:
            continue
        start, end = trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
        if words_between(doc, start, end) < calibration.MIN_SOURCE_WORDS:
            continue
        yield Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            "according to",
            phrase(speaker),
            speaker.i,
            "according_to",
            prior=calibration.ACCORDING_TO,
            rule="according_to",
        )


def _reported(according: Token, to: Token, speaker: Token) -> list[Token]:
    """The words of the sentence that "according to X" attributes: the clause it hangs from
    (with the clauses coordinated with it), else the rest of the sentence."""
    doc, sentence = according.doc, according.sent
    # A document as source ("according to a report by X") keeps the document as speaker.
    phrase_tokens = set(according.subtree) | set(to.subtree)
    comma = next((t for t in doc[to.i : sentence.end] if t.text == ","), None)
    if (
        according.i == sentence.start
        and comma is not None
        and comma.i < speaker.right_edge.i
        and not _appositive(speaker, comma)
    ):
        # "According to Rush Limbaugh, the move reeks …", with the clause read into the name.
        phrase_tokens = set(doc[according.i : comma.i + 1])
    span = range(min(t.i for t in phrase_tokens), max(t.i for t in phrase_tokens) + 1)
    content = [t for t in sentence if t not in phrase_tokens and t.i not in span]
    if according.head.pos_ in ("VERB", "AUX") and according.head.sent == sentence:
        top = according.head
        # "A received 37%, B had 36% and C snagged 13%, according to X": all three.
        while top.dep_ == "conj" and top.head.pos_ in ("VERB", "AUX") and top.head.sent == sentence:
            top = top.head
        head_tokens = [t for t in top.subtree if t.i not in {p.i for p in phrase_tokens}]
        content = [t for t in head_tokens if t.sent == sentence] or content
    return content


def _appositive(name: Token, comma: Token) -> bool:
    """Whether a comma after a name opens a description closed by a second comma
    ("According to Dimitri Simes, president of the Center, …")."""
    after = next((c for c in name.children if c.dep_ == "appos" and c.i > comma.i), None)
    return (
        after is not None
        and after.right_edge.i + 1 < len(name.doc)
        and name.doc[after.right_edge.i + 1].text == ","
    )


def _finding_in(paragraph: Paragraph, token: Token) -> Candidate | None:
    """ "In an NBC News poll released Monday, 50 percent chose Clinton": what a poll or study
    found, when no one in the sentence reports it."""
    verb = token.head
    if (
        token.lower_ != "in"
        or token.dep_ != "prep"
        or verb.dep_ != "ROOT"
        or verb.pos_ not in ("VERB", "AUX")
    ):
        return None
    source = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in FINDING_NOUNS), None)
    if source is None or in_quote(paragraph, token.idx) or any(is_cue(t) for t in verb.sent):
        return None
    content = contiguous([t for t in verb.subtree if not token.is_ancestor(t) and t.i != token.i], token)
    if not content:
        return None
    doc = paragraph.doc
    start, end = trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
    if words_between(doc, start, end) < calibration.MIN_SOURCE_WORDS:
        return None
    return Candidate(
        paragraph.index,
        start,
        end,
        "indirect",
        "in",
        phrase(source),
        source.i,
        "according_to",
        prior=calibration.FINDING,
        rule="finding",
    )


def finding_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`In a new poll, 50 percent chose …`: what a poll or study found."""
    for token in paragraph.doc:
        finding = _finding_in(paragraph, token)
        if finding is not None:
            yield finding


ACCORDING_TO_EXTRACTOR = Extractor("according_to", 25, according_to_claims)
FINDINGS_EXTRACTOR = Extractor("findings", 24, finding_claims)
