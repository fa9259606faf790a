"""A throwaway MkDocs project of N briefings made from the real articles in ../shared/corpus.

The articles are read from ../shared and written to a temporary folder, never into the
repository. To reach N, the corpus is repeated; each repetition gets a distinct headline
(so a distinct cache entry and page) and a distinct date, as an archive would have.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("bbc_politics", "allsides_world")


def corpus_articles() -> list[tuple[str, str, dict]]:
    """(file name, text, metadata) of every corpus article, in a fixed order."""
    meta = {}
    listing = CORPUS / "allsides_world.jsonl"
    if listing.exists():
        for line in listing.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            meta[record["file"]] = {"outlet": record.get("source"), "published": record.get("date")}
    articles = []
    for folder in FOLDERS:
        for path in sorted((CORPUS / folder).glob("*.txt")):
            articles.append(
                (
                    f"{folder}-{path.stem}",
                    path.read_text(encoding="utf-8"),
                    meta.get(path.name, {"outlet": "BBC News"}),
                )
            )
    if not articles:
        raise SystemExit(f"no articles in {CORPUS}")
    return articles


def article_markdown(text: str, meta: dict, copy: int, index: int) -> str:
    """One briefing file: front matter (a distinct title and date), then the article's body."""
    headline, _, body = text.strip().partition("\n")
    title = headline.strip() if copy == 0 else f"{headline.strip()} ({copy + 1})"
    published = (
        meta.get("published")
        or (datetime.date(2004, 1, 1) + datetime.timedelta(days=index % 700)).isoformat()
    )
    published = (datetime.date.fromisoformat(published) + datetime.timedelta(days=copy * 3)).isoformat()
    front = {"title": title, "published": published}
    if meta.get("outlet"):
        front["outlet"] = meta["outlet"]
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in front.items())
    return f"---\n{lines}---\n\n{body.strip()}\n"


def write_articles(folder: Path, count: int) -> list[Path]:
    """`count` briefing files in `folder`, the corpus repeated as often as needed."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = corpus_articles()
    paths = []
    for index in range(count):
        name, text, meta = articles[index % len(articles)]
        copy = index // len(articles)
        path = folder / f"{name}-{copy + 1}.md"
        path.write_text(article_markdown(text, meta, copy, index), encoding="utf-8")
        paths.append(path)
    return paths


def mkdocs_yml(project: Path, plugin: bool, jobs: int = 0) -> str:
    """The repository's mkdocs.yml made to work from `project`; without the plugin, for plain
    MkDocs over the Markdown the generator produced (same theme, nav and extensions)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("custom_dir: templates/theme", f"custom_dir: {ROOT / 'templates' / 'theme'}")
    if plugin:
        return text.replace(
            "      templates: templates\n",
            f"      templates: {ROOT / 'templates'}\n"
            f"      cache_dir: {project / '.cache'}\n      jobs: {jobs}\n",
        )
    start = text.index("  - briefings:\n")
    end = text.index("\n\n", start)
    text = text[:start] + text[end + 1 :]
    return text.replace(
        "markdown_extensions:", "extra_css:\n  - assets/briefings.css\n\nmarkdown_extensions:"
    )


def make_project(project: Path, count: int, jobs: int = 0) -> Path:
    """A project of `count` briefings; returns its mkdocs.yml."""
    (project / "docs").mkdir(parents=True, exist_ok=True)
    (project / "docs" / "about.md").write_text("# About\n\nA benchmark site.\n", encoding="utf-8")
    write_articles(project / "briefings", count)
    config = project / "mkdocs.yml"
    config.write_text(mkdocs_yml(project, plugin=True, jobs=jobs), encoding="utf-8")
    return config
