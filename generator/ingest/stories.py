"""Multi-source briefings: a folder of articles on one story with a small `briefing.yml`.

title: Hong Kong withdraws the extradition bill
question: What did the government concede, and how did each outlet frame it?
bias:                       # optional outlet bias labels
  Example Daily: left
sources:                    # optional metadata for files without front matter
  daily.txt: {outlet: Example Daily, published: 2019-09-04, url: https://example.org/a}
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import Problem
from generator.ingest.read import parse_date
from generator.ingest.yamlfile import YamlError, load, read_plain
from generator.model import Article, Briefing, Story

STORY_FILE = "briefing.yml"
KEYS = {"title", "question", "bias", "sources"}
SOURCE_KEYS = {"outlet", "bias", "published", "url", "author"}


@dataclass(frozen=True)
class StorySpec:
    """What `briefing.yml` says, validated."""

    folder: Path
    title: str
    question: str | None
    bias: tuple[tuple[str, str], ...]
    sources: dict
    """file name → {outlet, bias, published, url, author}."""


def read_spec(folder: Path, name: str, root: Path | None = None) -> tuple[StorySpec | None, list[str]]:
    """The story's description, or None with the reasons it cannot be used."""
    try:
        data, repaired = load(read_plain(folder / STORY_FILE, root or folder))
    except YamlError as error:
        problem = error.problem
        if problem.startswith("is not valid YAML") and "nested" not in problem:
            problem = "is not valid YAML"
        return None, [f"{STORY_FILE} {problem}{f' at line {error.line}' if error.line else ''}"]
    if not isinstance(data, dict):
        return None, [f"{STORY_FILE} must be a mapping with at least a 'title'"]
    warnings = [f"{STORY_FILE}: {message}" for message in repaired] + [
        f"{STORY_FILE}: key {key!r} is not known (known: {', '.join(sorted(KEYS))}); it was ignored"
        for key in sorted(map(str, data))
        if key not in KEYS
    ]
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        return None, [*warnings, f"{STORY_FILE} needs a 'title' (text)"]
    question = data.get("question")
    if question is not None and not isinstance(question, str):
        warnings.append(f"{STORY_FILE}: 'question' must be text; it was ignored")
        question = None
    bias = data.get("bias") or {}
    if not isinstance(bias, dict):
        warnings.append(f"{STORY_FILE}: 'bias' must map outlet names to labels; it was ignored")
        bias = {}
    sources = data.get("sources") or {}
    if not isinstance(sources, dict):
        warnings.append(f"{STORY_FILE}: 'sources' must map file names to their details; it was ignored")
        sources = {}
    clean_sources = _source_details(sources, warnings)
    pairs = tuple(
        sorted((" ".join(str(k).split()), " ".join(str(v).split())) for k, v in bias.items() if _scalar(v))
    )
    return StorySpec(
        folder,
        " ".join(title.split()),
        " ".join(question.split()) if question else None,
        pairs,
        clean_sources,
    ), warnings


def _source_details(sources: dict, warnings: list[str]) -> dict[str, dict[str, str]]:
    """The `sources:` of briefing.yml, file name → the details it gives, checked."""
    clean_sources = {}
    for file_name, meta in sources.items():
        if not isinstance(meta, dict):
            warnings.append(f"{STORY_FILE}: details of {file_name!r} must be a mapping; they were ignored")
            continue
        unknown = sorted(set(map(str, meta)) - SOURCE_KEYS)
        if unknown:
            warnings.append(
                f"{STORY_FILE}: {file_name!r} has unknown keys {', '.join(unknown)}; they were ignored"
            )
        entry = {
            k: " ".join(str(v).split())
            for k, v in meta.items()
            if k in SOURCE_KEYS and _scalar(v) and k != "published"
        }
        if "published" in meta:
            date, problem = parse_date(meta["published"])
            if problem:
                warnings.append(f"{STORY_FILE}: {file_name!r}: {problem}")
            else:
                entry["published"] = date
        clean_sources[str(file_name)] = entry
    return clean_sources


def _scalar(value) -> bool:
    """Text, a number or a date; never str() a YAML list or mapping, which aliases can make
    billions of items long."""
    return isinstance(value, (str, int, float, dt.date))


def with_source_details(article: Article, spec: StorySpec) -> Article:
    """Fill an article's outlet, date and bias from `briefing.yml` where its own file is silent."""
    details = spec.sources.get(Path(article.path).name, {})
    bias = dict(spec.bias)
    outlet = article.outlet or details.get("outlet")
    return replace(
        article,
        outlet=outlet,
        published=article.published or details.get("published"),
        url=article.url or details.get("url"),
        author=article.author or details.get("author"),
        bias=article.bias or details.get("bias") or (bias.get(outlet) if outlet else None),
    )


def make_story(spec: StorySpec, slug: str, path: str, sources: list[Briefing]) -> Story:
    return Story(
        slug=slug, title=spec.title, path=path, sources=tuple(sources), question=spec.question, bias=spec.bias
    )


def read_specs(folders: list[Path], source: Path, problems: list[Problem]) -> dict:
    """`briefing.yml` of each multi-source folder; a folder whose file is unusable is skipped."""
    specs = {}
    for folder in folders:
        name = folder.relative_to(source).as_posix()
        spec, warnings = read_spec(folder, name, source)
        problems.extend(Problem(f"{name}/{STORY_FILE}", w.removeprefix(f"{STORY_FILE}: ")) for w in warnings)
        if spec is not None:
            specs[folder] = spec
    return specs
