"""Golden files: the rendered page and JSON of each case, regenerated with `make golden`."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


def case_articles() -> dict[str, Path]:
    """Case name → article file: the reference briefing, plus every tests/cases/*/article.*."""
    cases = {"reference": ROOT / "briefings" / "000_ad573051a1971b14.txt"}
    for folder in sorted(CASES.iterdir()) if CASES.is_dir() else []:
        for article in sorted(folder.glob("article.*")):
            cases[folder.name] = article
    return cases


def render_case(article_path: Path) -> dict[str, str]:
    """The page Markdown and JSON that a case's article renders to."""
    from generator.analysis.extract import extract
    from generator.export import to_json
    from generator.ingest.read import read_article
    from generator.render.environment import environment
    from generator.render.pages import render_briefing

    article = read_article(article_path, article_path.parent, slug="case")
    briefing = extract(article)
    page = render_briefing(environment(), briefing, "Policy briefings")
    return {"expected.md": page, "expected.json": to_json(briefing)}
