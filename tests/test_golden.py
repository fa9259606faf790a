"""Rendered briefing pages and JSON match the golden files (regenerate: `make golden`)."""

import pytest

from tests.golden import CASES, case_articles, render_case


@pytest.mark.parametrize("name", sorted(case_articles()))
def test_rendered_case_matches_golden(name):
    article = case_articles()[name]
    rendered = render_case(article)
    for filename, content in rendered.items():
        expected = CASES / name / filename
        assert expected.exists(), f"no golden file {expected}; run `make golden`"
        assert content == expected.read_text(encoding="utf-8"), (
            f"{name}/{filename} differs; run `make golden` and read the diff"
        )
