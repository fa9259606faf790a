"""Finding claims in a parsed paragraph: quotations, reported speech, "according to", colon
attributions, and nouns and adjectives of speech or stance.

Each extractor proposes `Candidate`s with the words of the claim and of its speaker; the
candidates of all extractors are then merged, so a quotation that is also the object of a
reporting verb becomes one claim. Speakers are resolved to actors later, in `speakers`.
"""

from generator.analysis.claims.base import Candidate, Extractor, Paragraph, Registry, in_quote
from generator.analysis.claims.pipeline import EXTRACTORS, build_extractors, check_extractors, find_candidates

__all__ = [
    "EXTRACTORS",
    "Candidate",
    "Extractor",
    "Paragraph",
    "Registry",
    "build_extractors",
    "check_extractors",
    "find_candidates",
    "in_quote",
]
