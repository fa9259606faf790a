"""The claim extractors a build runs, in priority order, and the merging of what they find."""

from __future__ import annotations

from collections.abc import Iterable

from generator.analysis.claims.according_to import ACCORDING_TO_EXTRACTOR, FINDINGS_EXTRACTOR
from generator.analysis.claims.base import Candidate, Paragraph, Registry
from generator.analysis.claims.broad import LEARNED_EXTRACTOR
from generator.analysis.claims.colon import COLON_EXTRACTOR
from generator.analysis.claims.learned import judge
from generator.analysis.claims.merge import merge
from generator.analysis.claims.quotations import QUOTATIONS_EXTRACTOR
from generator.analysis.claims.reported import REPORTED_SPEECH_EXTRACTOR
from generator.analysis.claims.stance_words import SPEECH_NOUNS_EXTRACTOR, STANCE_ADJECTIVES_EXTRACTOR
from generator.analysis.claims.unsaid import unsaid

EXTRACTORS = (
    QUOTATIONS_EXTRACTOR,
    ACCORDING_TO_EXTRACTOR,
    FINDINGS_EXTRACTOR,
    COLON_EXTRACTOR,
    REPORTED_SPEECH_EXTRACTOR,
    SPEECH_NOUNS_EXTRACTOR,
    STANCE_ADJECTIVES_EXTRACTOR,
    LEARNED_EXTRACTOR,
)


def build_extractors(disabled: Iterable[str] = ()) -> Registry:
    """The claim extractors a build uses, minus those the configuration switches off.

    Raises:
        ConfigError: a name in `disabled` is not an extractor's; the message lists them.
    """
    registry = Registry(EXTRACTORS)
    for name in disabled:
        registry.deregister(name)
    return registry


def check_extractors(names: Iterable[str]) -> None:
    """Raise `ConfigError` for a name that is not an extractor's, listing the known ones."""
    build_extractors(names)


def find_candidates(paragraph: Paragraph, registry: Registry) -> list[Candidate]:
    """Candidates of every extractor, merged so each claim appears once, without speech that
    did not happen (`unsaid`) and, while the `learned` extractor is on, without what its
    model judges no claim (`learned.judge`)."""
    found: list[Candidate] = []
    later = [e for e in registry if e.after_others]
    for extractor in registry:
        if not extractor.after_others:
            found.extend(extractor.find(paragraph))
    for extractor in later:
        found.extend(extractor.find(paragraph, tuple(found)))
    candidates = [c for c in merge(found, paragraph) if not unsaid(c, paragraph)]
    return judge(candidates, paragraph) if "learned" in registry else candidates
