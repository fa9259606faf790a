"""Modality and estimative language of a claim, kept as stated, never upgraded to fact."""

from __future__ import annotations

import functools
import re

from generator.analysis.lexicon import (
    DENIAL_MARKERS,
    HEDGES,
    PREDICTION_MARKERS,
    RECOMMENDATION_MARKERS,
    SPEECH_VERBS,
    STOP_WORDS,
)
from generator.analysis.places import gazetteer

_HEDGE_PATTERNS = [
    (hedge, re.compile(r"(?<!\w)" + re.escape(hedge) + r"(?!\w)", re.IGNORECASE))
    for hedge in sorted(HEDGES, key=len, reverse=True)
]


def hedges_in(text: str) -> tuple[str, ...]:
    """Hedging and estimative words in the text, longest phrase first, each once."""
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for hedge, pattern in _HEDGE_PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            if hedge not in found:
                found.append(hedge)
    order = {hedge: text.lower().find(hedge) for hedge in found}
    return tuple(sorted(found, key=lambda h: order[h]))


def modality(text: str, cue: str | None) -> str:
    """`denial`, `recommendation`, `prediction` or `assertion`."""
    lemma = _cue_lemma(cue)
    from_cue = SPEECH_VERBS.get(lemma) if lemma else None
    if from_cue == "denial":
        return "denial"
    low = " " + text.lower() + " "
    if from_cue == "recommendation" or any(marker in low for marker in RECOMMENDATION_MARKERS):
        return "recommendation"
    if from_cue == "prediction" or any(marker in low for marker in PREDICTION_MARKERS):
        return "prediction"
    if any(marker in low for marker in DENIAL_MARKERS):
        return "denial"
    return "assertion"


def _cue_lemma(cue: str | None) -> str | None:
    if not cue:
        return None
    word = cue.split()[0].lower()
    for suffix, replacement in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", ""),
        ("ing", ""),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if word.endswith(suffix):
            stem = word[: -len(suffix)] + replacement
            if stem in SPEECH_VERBS:
                return stem
            if stem + "e" in SPEECH_VERBS:
                return stem + "e"
    return word if word in SPEECH_VERBS else None


def is_forward_looking(text: str, cue: str | None) -> bool:
    """A prediction or stated intention: what a reader should watch for."""
    return modality(text, cue) == "prediction"


_NEGATION = re.compile(
    r"\b(not|no|never|nothing|deny|denies|denied|reject|rejects|rejected|false|untrue|groundless|baseless|otherwise|n't)\b",
    re.IGNORECASE,
)


def content_words(text: str) -> set[str]:
    """The words that carry a claim's subject, for telling whether two claims are about one thing."""
    return {w for w in re.findall(r"[a-z][a-z'-]{2,}", text.casefold()) if w not in STOP_WORDS}


def negative(claim) -> bool:
    """Whether a claim denies or negates what it is about."""
    return claim.modality == "denial" or bool(_NEGATION.search(claim.text))


def opposed(a, b) -> tuple[str, ...] | None:
    """The shared subject words when two claims say opposite things about one subject.

    Names of countries and capitals do not count towards the shared subject: in a story about
    China and Russia every claim names them.
    """
    known = _place_words()
    mine = content_words(a.text) - known
    theirs = content_words(b.text) - known
    shared = mine & theirs
    if len(shared) < 2 or len(shared) < 0.3 * min(len(mine), len(theirs)) or negative(a) == negative(b):
        return None
    return tuple(sorted(shared))


@functools.cache
def _place_words() -> frozenset[str]:
    """Country, demonym and capital words, built once: `opposed` runs for every pair of claims."""
    places = gazetteer()
    return frozenset(places.countries.keys() | places.demonyms.keys() | places.capitals.keys())
