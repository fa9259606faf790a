"""Golden files: every page and JSON of a site built from the cases, regenerated with `make golden`.

Each folder of tests/cases holds one case: an `article.*` (the reference article, an op-ed,
a transcript), or a multi-source story (`briefing.yml` and its articles). The site made of
all of them is pinned in tests/cases/site/expected/, so that briefing, story, actor, side,
topic and index pages are all compared.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

CASES = Path(__file__).resolve().parent / "cases"
EXPECTED = CASES / "site" / "expected"


def case_folders() -> list[Path]:
    """The folders of tests/cases that hold an article or a story."""
    return [
        folder
        for folder in sorted(CASES.iterdir())
        if folder.is_dir() and ((folder / "briefing.yml").exists() or any(folder.glob("article.*")))
    ]


def copy_cases(source: Path) -> None:
    """Every case into one briefings folder: a story as its folder, an article as `NAME.EXT`."""
    for folder in case_folders():
        if (folder / "briefing.yml").exists():
            shutil.copytree(folder, source / folder.name)
            continue
        for article in folder.glob("article.*"):
            shutil.copy(article, source / f"{folder.name}{article.suffix}")


def render_cases() -> dict[str, str]:
    """Path → content of every generated file of the site made of the cases."""
    from generator.build import build
    from generator.config import BuildConfig

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "briefings"
        source.mkdir()
        copy_cases(source)
        site = build(BuildConfig(source=source, cache_dir=None, jobs=1))
        assert not site.problems, site.problems
        return dict(site.files)


def expected_files() -> dict[str, str]:
    return {
        p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(EXPECTED.rglob("*"))
        if p.is_file()
    }
