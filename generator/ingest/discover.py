"""Finding the articles of a site: files and story folders under the briefings folder, and page names."""

from __future__ import annotations

import os
from pathlib import Path

from generator.errors import Problem
from generator.ingest.read import SUFFIXES
from generator.ingest.stories import STORY_FILE
from generator.model import Article
from generator.text import unique_slug

SKIPPED_NAMES = {
    "readme.md",
    "readme.txt",
    "license",
    "license.md",
    "license.txt",
    "briefing.yml",
    ".gitkeep",
}


def discover(
    folder: Path, problems: list[Problem], stories: list[Path], base: Path | None = None
) -> list[Path]:
    """Article files under `folder`, sorted; links that lead outside `base` are not followed.

    `base` is the briefings folder (by default `folder` itself). A sub-folder holding
    `briefing.yml` is a multi-source briefing: it is added to `stories` and its files are
    not listed as briefings of their own.
    """
    source = base or folder
    if not folder.is_dir():
        problems.append(Problem(str(folder), "the briefings folder does not exist"))
        return []
    root = source.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and _inside(Path(dirpath) / d, root, problems, source)
        )
        if Path(dirpath) != folder and (Path(dirpath) / STORY_FILE).is_file():
            stories.append(Path(dirpath))
            dirnames[:] = []
            continue
        for name in sorted(filenames):
            path = Path(dirpath) / name
            relative = path.relative_to(source).as_posix()
            if (
                name.startswith(".")
                or name.lower() in SKIPPED_NAMES
                or name.endswith((".review.yml", ".review.yaml"))
            ):
                continue
            if not _inside(path, root, problems, source):
                continue
            if path.suffix.lower() not in SUFFIXES:
                problems.append(
                    Problem(relative, f"not an article: only {', '.join(sorted(SUFFIXES))} files are read")
                )
                continue
            found.append(path)
    return found


def _inside(path: Path, root: Path, problems: list[Problem], source: Path) -> bool:
    """Whether a path (after following links) stays inside the briefings folder."""
    if not path.is_symlink():
        return True
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        problems.append(Problem(path.relative_to(source).as_posix(), "is a broken symbolic link; skipped"))
        return False
    if target == root or root in target.parents:
        return True
    problems.append(
        Problem(
            path.relative_to(source).as_posix(),
            "is a symbolic link to a place outside the briefings folder; not followed",
        )
    )
    return False


def assign_slugs(paths: list[Path], source: Path) -> dict[Path, str]:
    """A unique, safe page name for each file, from its path (never from its title)."""
    taken: set[str] = set()
    return {
        path: unique_slug(
            path.relative_to(source).with_suffix("").as_posix().replace("/", "-"), taken, "briefing"
        )
        for path in paths
    }


def check_titles(articles: list[Article], problems: list[Problem]) -> None:
    """Two articles with one title confuse readers; both are kept, and the clash is named."""
    seen: dict[str, str] = {}
    for article in articles:
        key = " ".join(article.title.casefold().split())
        if key in seen:
            problems.append(
                Problem(article.path, f"has the same title as {seen[key]}: {article.title[:80]!r}")
            )
        else:
            seen[key] = article.path
