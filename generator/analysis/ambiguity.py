"""How close the choice of a claim's speaker was, for its confidence: the voices around the
claim, the rivals of a pronoun's gender, how far back its antecedent was last met, a speaker
who is also the one spoken to ("he told Ms Lopez"), and what an unattributed quotation was
taken to continue. Read from the resolver once the whole article is read; nothing here
changes who the speaker is."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from generator.analysis.lexicon import PRONOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from generator.analysis.actors import Entity
    from generator.analysis.claims import Candidate
    from generator.analysis.speakers import Resolver

Features = dict[str, float]

WINDOW = 3
"""Paragraphs back in which an antecedent competes, as the resolver's own window for pronouns."""
LISTENER_DEPS = ("dobj", "dative", "iobj")


def voice_features(candidate: Candidate, speaker: Entity, resolver: Resolver) -> Features:
    """How many others speak around the claim (its paragraph and the one before) and in the
    whole article: a single voice reported with "X said" is seldom given to the wrong person."""
    mine = resolver.cast.find(speaker.key).key
    near: set[int] = set()
    everywhere: set[int] = set()
    people: set[int] = set()
    for event in resolver.events:
        key = resolver.cast.find(event.key).key
        if event.speaker:
            everywhere.add(key)
            if 0 <= candidate.paragraph - event.paragraph <= 1:
                near.add(key)
        elif (
            not event.quoted
            and 0 <= candidate.paragraph - event.paragraph <= 1
            and (event.paragraph, event.token) < (candidate.paragraph, candidate.anchor)
            and resolver.cast.find(key).kind == "person"
        ):
            people.add(key)
    return {
        "log_other_voices_near": math.log1p(len(near - {mine})),
        "log_other_voices": math.log1p(len(everywhere - {mine})),
        "log_other_people_near": math.log1p(len(people - {mine})),
    }


def antecedent_features(
    how: str, candidate: Candidate, speaker: Entity, where: int, word: str | None, resolver: Resolver
) -> Features:
    """For a speaker that names no one itself (a pronoun, a description, a quotation carried
    over): how far back the actor it was resolved to was last met, whether someone who fits as
    well was met since, and how many others of a pronoun's gender are about."""
    if how == "pronoun" and PRONOUNS.get(word or "") in ("speaker", "speaker-plural", "addressee"):
        return {}  # "I" outside quotation marks is the byline's, not a choice among antecedents
    entity = resolver.cast.find(speaker.key)
    anchor = (where, candidate.anchor if where == candidate.paragraph else 10**6)
    gender = PRONOUNS.get(word or "") if how == "pronoun" else None
    last: tuple[int, int] | None = None
    same, unknown, nearer = set(), set(), False
    for event in reversed(resolver.events):
        if (event.paragraph, event.token) >= anchor or event.quoted:
            continue
        if where - event.paragraph > WINDOW:
            break
        other = resolver.cast.find(event.key)
        if other.key == entity.key:
            last = last or (event.paragraph, event.token)
            continue
        if other.kind != "person" or entity.kind != "person":
            continue
        if gender in ("male", "female") and other.gender not in (None, gender):
            continue  # "she" cannot mean him
        (same if other.gender is not None else unknown).add(other.key)
        if last is None:
            nearer = True
    voices = voice_features(candidate, speaker, resolver)
    features: Features = {
        "log_antecedent_back": math.log1p(where - last[0] if last else WINDOW + 1),
        # Others speaking around it matter more where the words do not say who speaks.
        "log_other_voices_near": voices["log_other_voices_near"],
        "log_other_people_near": voices["log_other_people_near"],
    }
    if nearer:
        features["rival_nearer"] = 1.0
    if gender in ("male", "female"):
        features["log_rivals_same_gender"] = math.log1p(len(same))
        features["log_rivals_gender_unknown"] = math.log1p(len(unknown))
    if how == "inherited":
        features[
            "inherited_continues" if _continues(candidate, entity, resolver) else "inherited_subject"
        ] = 1.0
    return features


def _continues(candidate: Candidate, entity: Entity, resolver: Resolver) -> bool:
    """Whether the last claim attributed before this one (by its words) was this actor's, in
    this paragraph or the one before: a quotation carried on, not one given to the subject."""
    for event in reversed(resolver.events):
        if not event.speaker or (event.paragraph, event.token) >= (candidate.paragraph, candidate.anchor):
            continue
        return candidate.paragraph - event.paragraph <= 1 and resolver.cast.find(event.key).key == entity.key
    return False


def listener_features(candidate: Candidate, speaker: Entity, doc: Doc, resolver: Resolver) -> Features:
    """Whether the cue has a person spoken to ("told Ms Lopez", "said to Obama"), and whether
    that is the speaker itself: one person cannot be both ends of a "told"."""
    if not 0 <= candidate.anchor < len(doc):
        return {}
    cue = doc[candidate.anchor]
    if candidate.speaker is not None and candidate.speaker_paragraph is None:
        cue = doc[candidate.speaker[0] : candidate.speaker[1]].root
    if cue.dep_ in ("nsubj", "nsubjpass"):
        cue = cue.head  # the anchor is the speaker's words: the verb they are the subject of
    listeners = [c for c in cue.children if c.dep_ in LISTENER_DEPS]
    for prep in cue.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            listeners += [c for c in prep.children if c.dep_ == "pobj"]
    keys = set()
    for listener in listeners:
        # The listener's own name, not the words under it ("told his aides").
        key = resolver.at.get((candidate.paragraph, listener.i))
        if key is not None:
            keys.add(resolver.cast.find(key).key)
        if listener.lower_ in PRONOUNS and PRONOUNS[listener.lower_] in ("male", "female"):
            keys.add(-1)  # "told him": someone spoken to, not named
    if not keys:
        return {}
    mine = resolver.cast.find(speaker.key).key
    return {"speaker_is_listener" if mine in keys else "listener_named": 1.0}
