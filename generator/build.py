"""The one build function: find the articles, read and extract them, then render every page.

Both shells (the MkDocs plugin and the CLI) call `build`; nothing here knows about either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from generator.analysis.claims import check_extractors
from generator.analysis.runner import ExtractBatch, Task, TimeBudget, run_tasks
from generator.config import BuildConfig
from generator.corrections.apply import check_unused_corrections, correct_briefing, corrections_path
from generator.errors import ArticleError, Problem
from generator.export import article_from_dict, article_to_dict, from_dict
from generator.ingest.discover import assign_slugs, check_titles, discover
from generator.ingest.read import article_name, parse_article, read_bytes
from generator.ingest.stories import STORY_FILE, make_story, read_specs, with_source_details
from generator.model import Briefing, Story
from generator.render.pages import render_site
from generator.site.cache import Cache
from generator.site.model import SiteModel
from generator.site.shared import share_sides
from generator.text import unique_slug

Progress = Callable[[int, int], None]
"""Called with (done, total) as extraction advances."""


def configure(options: dict, base: Path, site_name: str = "Policy briefings") -> BuildConfig:
    """The build configuration from the `briefings` section of mkdocs.yml (paths from `base`).

    Raises:
        ConfigError: an unknown option, an invalid value or an unknown extractor name.
    """
    config = BuildConfig.from_options(options, base, site_name)
    check_extractors(config.extraction.disabled)
    return config


@dataclass(frozen=True)
class Site:
    """What a build produces: the briefings, the generated files and the problems met."""

    briefings: tuple[Briefing, ...]
    """Every briefing, including each source of a multi-source story."""
    files: tuple[tuple[str, str], ...]
    """(path relative to the site's docs folder, content), sorted by path."""
    problems: tuple[Problem, ...]
    parsed: int = 0
    """Articles that had to be parsed (cache misses)."""
    cached: int = 0
    stories: tuple[Story, ...] = ()


def build(
    config: BuildConfig, progress: Progress | None = None, batch_function: ExtractBatch | None = None
) -> Site:
    """Build every page from the articles in `config.source`.

    Gather, then write: every article is read, extracted and corrected, and the stories are
    assembled, before any page is rendered. `batch_function` extracts a batch of articles
    (a seam for tests).
    """
    problems: list[Problem] = []
    folders: list[Path] = []
    paths = discover(config.source, problems, folders)
    specs = read_specs(folders, config.source, problems)
    nested: list[Path] = []
    story_paths = {folder: discover(folder, problems, nested, base=config.source) for folder in specs}
    problems.extend(_nested(nested, config.source))
    everything = paths + [p for folder in specs for p in story_paths[folder]]
    cache = Cache(config.cache_dir)
    found, tasks = read_all(everything, config, problems, cache)
    parsed = extract_all(tasks, config, problems, progress, cache, batch_function)
    if cache.failure:
        problems.append(
            Problem(
                str(config.cache_dir),
                f"the extraction cache cannot be written ({cache.failure}); "
                "nothing is kept for the next build",
            )
        )
    order = [article_name(path, config.source) for path in everything]
    briefings = [b for name in order for b in (found.get(name) or parsed.get(name),) if b is not None]
    articles = [b.article for b in briefings]
    for article in articles:
        problems.extend(Problem(article.path, warning) for warning in article.warnings)
    check_titles([a for a in articles if not _in_story(a.path, specs, config.source)], problems)
    cached = len(found)
    # Outlet, date and bias from briefing.yml are not read by extraction: the cache entry of an
    # article holds it as its file has it, and editing briefing.yml never re-parses.
    details = {
        path.relative_to(config.source).as_posix(): spec
        for folder, spec in specs.items()
        for path in story_paths[folder]
    }
    briefings = [
        replace(b, article=with_source_details(b.article, details[b.article.path]))
        if b.article.path in details
        else b
        for b in briefings
    ]
    briefings = correct_all(share_sides(briefings), config.source, problems)
    stories = assemble_stories(specs, briefings, config.source, problems, taken={a.slug for a in articles})
    pages = Cache(config.cache_dir / "pages" if config.cache_dir is not None else None)
    model = SiteModel(tuple(briefings), tuple(stories))
    files = render_site(model, config, pages)
    if articles:  # an empty or missing folder is more likely a mistake than a site to prune
        cache.prune()
        pages.prune()
    return Site(
        tuple(briefings), tuple(sorted(files.items())), tuple(problems), len(parsed), cached, tuple(stories)
    )


def assemble_stories(
    specs: dict, briefings: list[Briefing], source: Path, problems: list[Problem], taken: set[str]
) -> list[Story]:
    """One `Story` per multi-source folder, its sources in file order.

    Story pages share the briefings folder with the article pages named in `taken`.
    """
    stories = []
    for folder, spec in sorted(specs.items()):
        prefix = folder.relative_to(source).as_posix() + "/"
        sources = sorted(
            (b for b in briefings if b.article.path.startswith(prefix)), key=lambda b: b.article.path
        )
        if len(sources) < 2:
            problems.append(
                Problem(
                    prefix + STORY_FILE,
                    f"a multi-source briefing needs at least two readable articles; it has {len(sources)}",
                )
            )
        if sources:
            slug = unique_slug("story-" + prefix.rstrip("/").replace("/", "-"), taken, "story")
            stories.append(make_story(spec, slug, prefix.rstrip("/"), sources))
    return stories


def read_all(
    paths: list[Path], config: BuildConfig, problems: list[Problem], cache: Cache
) -> tuple[dict[str, Briefing], list[Task]]:
    """The briefings the cache holds whole (article as read and extraction), by article path,
    and a task for every other readable file."""
    slugs = assign_slugs(paths, config.source)
    found, tasks = {}, []
    budget = TimeBudget(config.time_limit)
    for path in paths:
        name = article_name(path, config.source)
        try:
            data = read_bytes(path, name, config.max_bytes)
        except ArticleError as error:
            problems.append(Problem(error.path, error.problem))
            continue
        body = cache.get(cache.key(hashlib.sha256(data).hexdigest(), config.extraction, name))
        try:
            if body is not None and body["article"]["path"] == name:
                article = article_from_dict(body["article"], slugs[path])
                found[name] = from_dict(body, article)
                continue
        except (KeyError, TypeError, ValueError):
            pass
        tasks.append(Task(data, name, slugs[path], config.extraction, budget))
    return found, tasks


def extract_all(
    tasks: list[Task],
    config: BuildConfig,
    problems: list[Problem],
    progress: Progress | None,
    cache: Cache,
    batch_function: ExtractBatch | None = None,
) -> dict[str, Briefing]:
    """Briefings for the files of `tasks`, read and extracted in workers under a time budget
    (in this process through `batch_function`, a seam for tests), by article path.

    Each new cache entry also keeps the article as read, so that the next build need not
    parse it.
    """
    results: dict[str, Briefing] = {}
    if progress and tasks:
        progress(0, len(tasks))
    outcomes = run_tasks(tasks, config.jobs) if batch_function is None else _here(tasks, batch_function)
    for done, (task, outcome) in enumerate(outcomes, 1):
        if outcome[0] == "done":
            article = article_from_dict(outcome[1], task.slug)
            key = cache.key(article.digest, config.extraction, task.name)
            cache.put(key, {**outcome[2], "article": outcome[1]})
            results[task.name] = from_dict(outcome[2], article)
        else:
            problems.append(Problem(task.name, _failure(outcome)))
        if progress:
            progress(done, len(tasks))
    return results


def _failure(outcome: tuple) -> str:
    """The one line that says why a file was skipped."""
    kind, detail = outcome[0], outcome[1]
    if kind == "unreadable":
        return detail
    if kind == "timed out":
        return (
            f"reading and extracting it took longer than {detail:.0f} s "
            "(option time_limit, seconds per 100 KB); skipped"
        )
    if kind == "died":
        return "the process extracting it died twice (out of memory, or killed); skipped"
    return f"extraction failed: {detail}"


def _here(tasks: list[Task], batch_function: ExtractBatch) -> Iterator[tuple[Task, tuple]]:
    """What `run_tasks` yields, read and extracted in this process, without a time budget."""
    for task in tasks:
        try:
            article = parse_article(task.data, task.name, slug=task.slug)
        except ArticleError as error:
            yield task, ("unreadable", error.problem)
            continue
        result = batch_function([article], task.settings)[0]
        if isinstance(result, str):
            yield task, ("failed", result)
        else:
            yield task, ("done", article_to_dict(article), result)


def correct_all(briefings: list[Briefing], source: Path, problems: list[Problem]) -> list[Briefing]:
    """Apply each analyst's corrections file; after the cache, so editing one never re-parses."""
    corrected = []
    for briefing in briefings:
        briefing, found = correct_briefing(briefing, source)
        problems.extend(found)
        corrected.append(briefing)
    check_unused_corrections(source, {corrections_path(source, b.article) for b in briefings}, problems)
    return corrected


def _nested(folders: list[Path], source: Path) -> list[Problem]:
    """A story folder inside another is not read; say so rather than lose its articles."""
    return [
        Problem(
            (inner / STORY_FILE).relative_to(source).as_posix(),
            "a multi-source briefing inside another is not read; move its folder out of "
            + inner.parent.relative_to(source).as_posix(),
        )
        for inner in folders
    ]


def _in_story(path: str, specs: dict, source: Path) -> bool:
    return any(path.startswith(folder.relative_to(source).as_posix() + "/") for folder in specs)
