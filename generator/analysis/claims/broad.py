"""Attributions whose cue no rule reads: any verb whose subject can hold a view (a person, a
body, a group, a poll) and which has content, kept when the learned model (`learned`) judges
it an attribution.

Runs after the other extractors and leaves alone every verb they took as a cue and every
word they took as a claim's, so it only adds, never displaces; what it proposes is what the
lexicon misses ("cited sharp differences …", "praised the crowd").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.analysis.claims import calibration
from generator.analysis.claims.base import Candidate, Extractor, Paragraph, in_quote
from generator.analysis.claims.content import find_content
from generator.analysis.claims.learned import candidate_features, claim_model
from generator.analysis.claims.reported import content_span
from generator.analysis.claims.speaker import subject_of
from generator.analysis.syntax import holds_views, phrase

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Proposal:
    """A broad candidate with the features the model judges it by."""

    candidate: Candidate
    features: tuple[str, ...]


def _may_report(verb: Token, paragraph: Paragraph, taken: set[int]) -> bool:
    return (
        verb.pos_ == "VERB"
        and verb.i not in taken
        and verb.dep_ not in ("aux", "auxpass", "amod", "compound", "nmod")
        and not any(c.dep_ == "neg" for c in verb.children)
        and not in_quote(paragraph, verb.idx)
    )


def _overlaps(candidate: Candidate, start: int, end: int) -> bool:
    return min(candidate.end, end) > max(candidate.start, start)


def proposals(paragraph: Paragraph, found: Iterable[Candidate] = ()) -> Iterator[Proposal]:
    """Every broad candidate of a paragraph, judged or not, with its features."""
    found = list(found)
    taken = {c.cue_at for c in found if c.cue_at is not None}
    doc = paragraph.doc
    for verb in doc:
        if not _may_report(verb, paragraph, taken):
            continue
        speaker = subject_of(verb)
        if not holds_views(speaker) or in_quote(paragraph, speaker.idx):
            continue
        content = find_content(verb, broad=True)
        if content is None:
            continue
        span = content_span(paragraph, verb, speaker, content, True)
        if span is None:
            continue
        start, end = span
        if any(_overlaps(c, start, end) or c.start <= verb.idx < c.end for c in found):
            continue
        candidate = Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            content.cue,
            phrase(speaker),
            speaker.i,
            "learned",
            prior=calibration.LEARNED,
            rule=content.rule,
            cue_at=verb.i,
        )
        yield Proposal(candidate, candidate_features(paragraph, candidate))


def learned_claims(paragraph: Paragraph, found: tuple[Candidate, ...]) -> Iterable[Candidate]:
    """The broad candidates the model keeps."""
    model = claim_model()
    for proposal in proposals(paragraph, found):
        if model.probability(proposal.features) >= model.keep:
            yield proposal.candidate


LEARNED_EXTRACTOR = Extractor("learned", 5, learned_claims, after_others=True)
