"""How sure a claim is: what the parse and the rules that found it tell of its words and its
speaker (`claim_features`), weighed by a logistic model (`confidence`).

A confidence of 0.8 means that four claims in five shown at 0.8 have the right words and the
right speaker. The claim model says how likely the claim's words and its speaker, as PolNeAR
checks it, are right (learned from PolNeAR train, `generator/data/confidence.tsv`); for a
speaker named by a pronoun or a description, which PolNeAR marks as "he" and cannot check,
the resolution model takes off what a choice harder than usual costs: the antecedent met
paragraphs back, others about and speaking (`ambiguity`; learned from the gold coreference of
GUM, `generator/data/speaker_confidence.tsv`). `bench/train_calibration.py`
and `bench/train_speakers.py` fit them; `bench/calibration.py` measures them on PolNeAR dev and
briefing-dev. The features are the rules that fired, the shape of the parse and how the
speaker was resolved, never the words of an article, so that the model carries no text.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from generator.analysis.ambiguity import antecedent_features, listener_features, voice_features
from generator.analysis.claims import Candidate
from generator.analysis.lexicon import (
    ATTITUDE_VERBS,
    COGNITION_VERBS,
    PERSON_DESCRIPTORS,
    PRONOUNS,
    SPEECH_VERBS,
    WEAK_CUES,
)
from generator.analysis.syntax import doc_text, holds_views
from generator.text import token_starts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from generator.analysis.actors import Entity
    from generator.analysis.speakers import Resolver

Features = dict[str, float]
"""Named feature values of one claim: `name=value` flags are 1, counts are on a log scale."""

FINITE = ("VBD", "VBZ", "VBP", "MD")
WEIGHTS = "confidence.tsv"
SPEAKER_WEIGHTS = "speaker_confidence.tsv"
SPEAKER_FEATURES = ("log_rivals_", "log_distance", "pronoun:", "description:")
"""What the resolution model weighs: how many others a pronoun or a description might have
meant, how far it is from the claim, and how its antecedent was met (`ambiguity`)."""
RESOLVED = ("pronoun:", "description:")
"""The features only the resolution model weighs (the claim model leaves them out: PolNeAR
cannot check the speaker they are about)."""
INTERCEPT = "(intercept)"
AVERAGE = "(average)"
"""In the resolution model's file: the weighed features' mean over GUM's examples."""
UNCERTAIN = ("pronoun", "description", "other")
"""Speaker words that name no one themselves, resolved to an actor met before."""
UNCERTAINTIES = ("log_rivals_pronoun", "log_rivals_description", "log_paragraphs_back", "log_distance")
AMBIGUITIES = ("rival_nearer", "log_rivals_same_gender", "log_rivals_gender_unknown", "log_antecedent_back")
"""What `ambiguity.antecedent_features` finds of a close choice; never makes a speaker surer."""
RIVAL_WINDOW = 3
"""Paragraphs back in which other actors of the speaker's kind compete for a pronoun or a
description (as the resolver's own window for pronouns)."""


class WeightsError(Exception):
    """The weights file is not a table of feature names and numbers; says which line."""


def parse_weights(text: str) -> tuple[float, dict[str, float]]:
    """The intercept and the weight of each feature, from rows `feature<TAB>weight` (lines
    starting with # are the header)."""
    weights: dict[str, float] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, value = line.partition("\t")
        try:
            weights[name] = float(value)
        except ValueError:
            raise WeightsError(f"{WEIGHTS}, line {number}: {value!r} is not a number") from None
    if INTERCEPT not in weights:
        raise WeightsError(f"{WEIGHTS}: no {INTERCEPT} row")
    return weights.pop(INTERCEPT), weights


@cache
def model() -> tuple[float, dict[str, float]]:
    """The intercept and weights, read once from `generator/data/confidence.tsv`."""
    return parse_weights((resources.files("generator") / "data" / WEIGHTS).read_text(encoding="utf-8"))


@cache
def speaker_model() -> tuple[float, dict[str, float]]:
    """The resolution model, read once from `generator/data/speaker_confidence.tsv`."""
    text = (resources.files("generator") / "data" / SPEAKER_WEIGHTS).read_text(encoding="utf-8")
    return parse_weights(text)


def logistic(features: Features, weights: tuple[float, dict[str, float]]) -> float:
    """1 / (1 + exp(-z)) of the weighed features; a feature without a weight counts for nothing."""
    intercept, table = weights
    z = intercept + sum(table.get(name, 0.0) * value for name, value in features.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def confidence(features: Features, weights: tuple[float, dict[str, float]] | None = None) -> float:
    """The probability that a claim with these features has the right words and speaker: the
    claim model's, times the resolution model's for a speaker resolved from a pronoun or a
    description (`resolution`). Given `weights`, only those (for tests)."""
    if weights is not None:
        return logistic(features, weights)
    intercept, table = model()
    return logistic(features, (intercept + resolution(features), table))


def resolution(features: Features) -> float:
    """What a close choice takes off the log-odds of a speaker named by a pronoun or a
    description ("he", "the minister"): each rival it might have meant, learned from GUM, where
    the resolver is checked against gold coreference; 0 for a speaker named outright. GUM's own
    intercept is its genres' base rate (fiction, conversation), not news's, and is not used; nor
    is its average difficulty (`AVERAGE`): a pronoun no harder to resolve than GUM's average
    keeps the claim model's confidence (news's own rate for pronouns, which PolNeAR cannot
    check), and one harder loses what GUM says the difference costs."""
    if not any(name.startswith(("uncertain=pronoun", "uncertain=description")) for name in features):
        return 0.0
    _, table = speaker_model()
    weighed = sum(table.get(name, 0.0) * value for name, value in features.items())
    return min(0.0, weighed - table.get(AVERAGE, 0.0))


def claim_features(
    candidate: Candidate, speaker: Entity | None, docs: list[Doc], resolver: Resolver, crowd: int
) -> Features:
    """What is known of one claim when it is made: the rules that found it, its shape, its cue,
    and how its speaker was named and resolved. `crowd` is the number of claims of its
    paragraph; the last of `docs` is the headline."""
    doc = docs[candidate.paragraph]
    features: Features = {
        f"extractor={candidate.extractor}": 1.0,
        f"kind={candidate.kind}": 1.0,
        f"rule={candidate.rule or candidate.extractor}": 1.0,
        f"cue={cue_class(candidate, doc)}": 1.0,
        "log_words": math.log1p(len(doc_text(doc)[candidate.start : candidate.end].split())),
        "log_crowd": math.log1p(crowd - 1),
    }
    if candidate.speaker_rule:
        features[f"speaker_step={candidate.speaker_rule}"] = 1.0
    for flag, on in (
        ("headline", candidate.paragraph == len(docs) - 1),
        ("optional", candidate.optional),
        ("split_quotation", candidate.gap is not None),
        ("introduced", candidate.speaker_paragraph is not None),
        ("by_label", candidate.by_label),
    ):
        if on:
            features[flag] = 1.0
    features["sentence_share"] = _sentence_share(doc, candidate)
    features["log_paragraph"] = math.log1p(candidate.paragraph)
    features.update(shape_features(doc, candidate))
    features.update(speaker_features(candidate, speaker, docs, resolver))
    # How the speaker was named tells more for some extractors and kinds of actor than others.
    entity = next((k for k in features if k.startswith("entity=")), None)
    for how in [k for k in features if k.startswith(("speaker=", "uncertain="))]:
        features[f"{how}&extractor={candidate.extractor}"] = 1.0
        if entity is not None:
            features[f"{how}&{entity}"] = 1.0
    return features


def never_surer(name: str) -> bool:
    """Whether a feature may only lower a claim's confidence (its weight is at most 0): what
    makes a speaker uncertain. A pronoun, a description or a speaker carried over from the
    last quotation reads as the name it was resolved to, less what these features take off;
    so no claim is surer for its speaker being "he" than it would be for "Senator Reed", nor
    for more actors the pronoun might mean, nor for a speaker further away. (PolNeAR seldom
    checks such a speaker, whose span it marks as "he", so its data alone would not say.)"""
    return (
        name.startswith(("uncertain=", "pronoun="))
        or name in UNCERTAINTIES
        or name.partition(":")[2] in AMBIGUITIES
        or name == "speaker_is_listener"
    )


def shape_features(doc: Doc, candidate: Candidate) -> Features:
    """What the parse says of the claim's words: whether they hold a verb (a proposition) or
    are a bare noun phrase ("her choice"), and how many sentences they run over."""
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None or not len(span):
        return {"no_tokens": 1.0}
    features: Features = {"log_sentences": math.log1p(len({t.sent.start for t in span}) - 1)}
    if any(t.tag_ in FINITE for t in span):
        features["finite_verb"] = 1.0
    elif any(t.pos_ in ("VERB", "AUX") for t in span):
        features["verb"] = 1.0
    if span[0].is_sent_start or (span[0].i > 0 and doc[span[0].i - 1].is_sent_start):
        features["starts_sentence"] = 1.0
    if span[-1].i + 1 >= len(doc) or doc[span[-1].i + 1].is_sent_start or doc[span[-1].i + 1].is_punct:
        features["ends_sentence"] = 1.0
    if span[0].i > 0 and doc[span[0].i - 1].lower_ == "that":
        features["after_that"] = 1.0
    return features


def cue_class(candidate: Candidate, doc: Doc) -> str:
    """What kind of word attributes the claim, by the lexicon's classes of its lemma."""
    cue = candidate.cue
    if cue is None:
        return "none"
    if candidate.extractor in ("speech_nouns", "stance_adjectives") or cue in (":", "–", "in"):
        return {"speech_nouns": "noun", "stance_adjectives": "adjective"}.get(candidate.extractor, cue)
    if cue == "according to":
        return "according_to"
    word = cue.split()[0]
    lemma = next((t.lemma_.lower() for t in doc if t.lower_ == word), word)
    if lemma in SPEECH_VERBS:
        if lemma in WEAK_CUES:
            return "weak"
        return SPEECH_VERBS[lemma] or "speech"
    if lemma in COGNITION_VERBS:
        return "cognition"
    return "attitude" if lemma in ATTITUDE_VERBS else "other"


def _sentence_share(doc: Doc, candidate: Candidate) -> float:
    """How much of its sentence the claim takes (a claim of a few words in a long sentence is
    more often cut wrongly)."""
    if not len(doc):
        return 1.0
    first = min(bisect_left(token_starts(doc), candidate.start), len(doc) - 1)
    sentence = doc[first].sent
    length = sentence.end_char - sentence.start_char
    return min(1.0, (candidate.end - candidate.start) / length) if length > 0 else 1.0


def speaker_features(
    candidate: Candidate, speaker: Entity | None, docs: list[Doc], resolver: Resolver
) -> Features:
    """How the speaker was named (a name, a pronoun, a description, nothing), what it was
    resolved to, how far from the claim, and how many others it might have been."""
    features: Features = {}
    where = candidate.speaker_paragraph if candidate.speaker_paragraph is not None else candidate.paragraph
    if speaker is None:
        features["speaker=unresolved" if candidate.speaker else "speaker=none"] = 1.0
        if candidate.speaker:
            words = docs[where][candidate.speaker[0] : candidate.speaker[1]]
            features[f"unresolved={speaker_words(words, where, resolver)}"] = 1.0
        return features
    features.update(voice_features(candidate, speaker, resolver))
    features.update(listener_features(candidate, speaker, docs[candidate.paragraph], resolver))
    entity = resolver.cast.find(speaker.key)
    features[f"entity={entity.kind}"] = 1.0
    features["log_speaks"] = math.log1p(entity.speaks)
    features["log_mentions"] = math.log1p(len(entity.positions))
    names = [n for n in entity.names if n.split()]
    if names and all(w[:1].isupper() or w[:1].isdigit() for w in names[0].split() if w.lower() != "the"):
        features["entity_name_like"] = 1.0
    if entity.kind == "person" and any(len(n.split()) >= 2 for n in names):
        features["full_name"] = 1.0
    if candidate.speaker is None:
        features["speaker=named"] = features["uncertain=inherited"] = 1.0
        before = [p for p, _ in entity.positions if p < candidate.paragraph]
        features["log_paragraphs_back"] = math.log1p(candidate.paragraph - max(before) if before else 3)
        for name, value in antecedent_features(
            "inherited", candidate, speaker, where, None, resolver
        ).items():
            features[f"inherited:{name}"] = value
        return features
    tokens = docs[where][candidate.speaker[0] : candidate.speaker[1]]
    how = speaker_words(tokens, where, resolver)
    if how in UNCERTAIN:
        features["speaker=named"] = features[f"uncertain={how}"] = 1.0
    else:
        features[f"speaker={how}"] = 1.0
    features["log_speaker_words"] = math.log1p(len(tokens) - 1)
    if not holds_views(tokens.root):
        features["speaker_holds_no_views"] = 1.0
    if any(t.like_num for t in tokens):
        features["speaker_counted"] = 1.0
    if how == "pronoun":
        features[f"pronoun={PRONOUNS[tokens.root.lower_]}"] = 1.0
    if how in ("pronoun", "description"):
        features[f"log_rivals_{how}"] = math.log1p(rivals(entity, where, candidate.anchor, resolver))
    if how in UNCERTAIN:
        word = tokens.root.lower_
        for name, value in antecedent_features(how, candidate, speaker, where, word, resolver).items():
            features[f"{how}:{name}"] = value
    if where == candidate.paragraph:
        features["log_distance"] = math.log1p(_distance(tokens, candidate))
        if tokens.start_char >= candidate.end:
            features["speaker_after"] = 1.0
    return features


def speaker_words(tokens: Span, paragraph: int, resolver: Resolver) -> str:
    """What the words naming the speaker are: a pronoun, a name the article met, a place, a
    name of its own, or a description."""
    head = tokens.root
    if head.lower_ in PRONOUNS and len(tokens) <= 2:
        return "pronoun"
    if any((paragraph, t.i) in resolver.at for t in tokens):
        return "named"
    if head.ent_type_ in ("GPE", "NORP"):
        return "place"
    if head.pos_ == "PROPN" or head.text[:1].isupper():
        return "proper"
    if head.lemma_.lower() in PERSON_DESCRIPTORS:
        return "description"
    return "other"


def rivals(entity: Entity, paragraph: int, anchor: int, resolver: Resolver) -> int:
    """Other actors of the speaker's kind (people, or bodies) mentioned outside quotations in
    the paragraphs before the claim: the ones a pronoun or a description might have meant."""
    person = entity.kind == "person"
    others: set[int] = set()
    for event in reversed(resolver.events):
        if paragraph - event.paragraph > RIVAL_WINDOW:
            break
        if event.quoted or (event.paragraph, event.token) >= (paragraph, anchor):
            continue
        other = resolver.cast.find(event.key)
        if other.key != entity.key and (other.kind == "person") == person:
            others.add(other.key)
    return len(others)


def _distance(tokens: Span, candidate: Candidate) -> int:
    """Characters between the speaker's words and the claim's, over six (about a word)."""
    if tokens.end_char <= candidate.start:
        return (candidate.start - tokens.end_char) // 6
    if tokens.start_char >= candidate.end:
        return (tokens.start_char - candidate.end) // 6
    return 0
