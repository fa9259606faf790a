"""Fixtures shared by the tests; the network guard itself is pytest-socket (see pyproject)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "briefings" / "000_ad573051a1971b14.txt"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Keep every derived file of the test run (NLTK dictionary, caches) out of the home folder."""
    folder = tmp_path_factory.mktemp("cache")
    old = os.environ.get("BRIEFINGS_CACHE")
    os.environ["BRIEFINGS_CACHE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("BRIEFINGS_CACHE", None)
    else:
        os.environ["BRIEFINGS_CACHE"] = old


@pytest.fixture(scope="session")
def reference_article():
    from generator.ingest.read import read_article

    return read_article(REFERENCE, REFERENCE.parent, slug="000-ad573051a1971b14")


@pytest.fixture(scope="session")
def reference_briefing(reference_article):
    from generator.analysis.extract import extract

    return extract(reference_article)


def parse_text(text: str):
    """Article from plain text written in a test (first line the headline)."""
    from generator.ingest.read import parse_article

    return parse_article(text.encode("utf-8"), "test.txt", slug="test")


def briefing_of(text: str):
    """Extract a briefing from a test's own text."""
    from generator.analysis.extract import extract

    return extract(parse_text(text))
