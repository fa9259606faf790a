"""Reported speech and stated stances: `X said (that) …`, `X urged Y to …`, `X denied the report`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.analysis.claims import calibration
from generator.analysis.claims.base import Candidate, Content, Extractor, Paragraph, in_quote
from generator.analysis.claims.content import find_content
from generator.analysis.claims.speaker import trace_speaker
from generator.analysis.lexicon import ATTITUDE_VERBS, COGNITION_VERBS
from generator.analysis.syntax import (
    contiguous,
    doc_text,
    holds_views,
    is_cue,
    phrase,
    trim,
    unattributed_verdict,
    without_aside,
    words_between,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def reported_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`X said (that) …`, `…, X said`, `X urged Y to …`, `X denied the report`, `X backs Y`."""
    doc = paragraph.doc
    for verb in doc:
        lemma = verb.lemma_.lower()
        speech = is_cue(verb)
        attitude = not speech and lemma in ATTITUDE_VERBS and verb.pos_ == "VERB"
        if not (speech or attitude) or in_quote(paragraph, verb.idx):
            continue
        steps, speaker = trace_speaker(verb)
        if unattributed_verdict(verb):
            speaker = None  # "has been accused of hurting civilians": by whom, the text does not say
        elif (
            (attitude or lemma in COGNITION_VERBS)
            and not holds_views(speaker)
            and not _believes_that(verb, speaker)
        ):
            continue
        if (attitude or lemma in COGNITION_VERBS) and speaker is not None and speaker.lower_ in ("you",):
            continue
        content = find_content(verb, broad=attitude)
        if content is None:
            continue
        span = content_span(paragraph, verb, speaker, content, attitude)
        if span is None:
            continue
        start, end = span
        prior = calibration.REPORTED[content.how]
        if attitude or lemma in COGNITION_VERBS:
            prior -= calibration.STANCE_PENALTY
        yield Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            content.cue,
            phrase(speaker) if speaker is not None else None,
            speaker.i if speaker is not None else verb.i,
            "reported_speech",
            prior=round(prior, 2),
            rule=content.rule,
            speaker_rule=steps[-1].name if steps and speaker is not None else "",
            cue_at=verb.i,
        )


def content_span(
    paragraph: Paragraph, verb: Token, speaker: Token | None, content: Content, attitude: bool
) -> tuple[int, int] | None:
    """The characters of the claim: the content's longest run of words on one side of the verb,
    without the speaker's words or the writer's closing aside; None when too little is left."""
    doc = paragraph.doc
    tokens = content.tokens
    if speaker is not None:
        if speaker.i in {t.i for t in tokens}:
            return None
        first, last = phrase(speaker)
        tokens = [t for t in tokens if not first <= t.i < last]
    tokens = without_aside(contiguous([t for t in tokens if t.i != verb.i], verb))
    if not tokens:
        return None
    start, end = trim(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":" and not paragraph.quotes:
        # "He added: It's typical of her. She knows nothing …": the rest of the paragraph.
        end = trim(doc, start, len(doc_text(doc)))[1]
    if end - start < 2:
        return None
    short = words_between(doc, start, end) < calibration.MIN_CLAUSE_WORDS
    if short and (
        content.how == "clause"
        or (content.how == "object" and not attitude and not in_quote(paragraph, start))
    ):
        return None
    return start, end


def _believes_that(verb: Token, speaker: Token | None) -> bool:
    """ "Wines believes that …", "Trump knows there are …": whoever is named believing a clause
    holds a view, even a name the tagger took for a common noun."""
    return (
        speaker is not None
        and verb.lemma_.lower() in COGNITION_VERBS
        and speaker.text[:1].isupper()
        and speaker.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


REPORTED_SPEECH_EXTRACTOR = Extractor("reported_speech", 20, reported_claims)
