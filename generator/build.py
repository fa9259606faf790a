"""The one build function: find the articles, read and extract them, then render every page.

Both shells (the MkDocs plugin and the CLI) call `build`; nothing here knows about either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.analysis.claims import check_extractors
from generator.analysis.runner import ExtractBatch, extract_batch, run_extraction
from generator.config import BuildConfig
from generator.corrections.apply import check_unused_corrections, correct_briefing, corrections_path
from generator.errors import ArticleError, Problem
from generator.export import article_from_dict, article_to_dict, from_dict
from generator.ingest.discover import assign_slugs, check_titles, discover
from generator.ingest.read import article_name, parse_article, read_bytes
from generator.ingest.stories import STORY_FILE, make_story, read_specs, with_source_details
from generator.model import Article, Briefing, Story
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
    config: BuildConfig, progress: Progress | None = None, batch_function: ExtractBatch = extract_batch
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
    story_paths = {folder: discover(folder, problems, [], base=config.source) for folder in specs}
    everything = paths + [p for folder in specs for p in story_paths[folder]]
    cache = Cache(config.cache_dir)
    articles, known = read_all(everything, config, problems, cache)
    check_titles([a for a in articles if not _in_story(a.path, specs, config.source)], problems)
    briefings, parsed, cached = extract_all(
        articles, config, problems, progress, cache, known, batch_function
    )
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
        tuple(briefings), tuple(sorted(files.items())), tuple(problems), parsed, cached, tuple(stories)
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
) -> tuple[list[Article], dict[str, dict]]:
    """Every readable article, and (by article path) the cached extraction of those that have one."""
    slugs = assign_slugs(paths, config.source)
    articles, known = [], {}
    for path in paths:
        try:
            article, body = read_cached(path, config, slugs[path], cache)
        except ArticleError as error:
            problems.append(Problem(error.path, error.problem))
            continue
        except Exception as error:
            problems.append(
                Problem(
                    path.relative_to(config.source).as_posix(),
                    f"could not be read: {type(error).__name__}: {error}",
                )
            )
            continue
        problems.extend(Problem(article.path, warning) for warning in article.warnings)
        articles.append(article)
        if body is not None:
            known[article.path] = body
    return articles, known


def read_cached(path: Path, config: BuildConfig, slug: str, cache: Cache) -> tuple[Article, dict | None]:
    """An article and its cached extraction, if any.

    The file is always read (its bytes are the key) but parsed only when the cache entry does
    not hold it as read under this name: on a warm build of a large site, parsing Markdown and
    front matter would cost more than everything else the build does before rendering.
    """
    name = article_name(path, config.source)
    data = read_bytes(path, name, config.max_bytes)
    body = cache.get(cache.key(hashlib.sha256(data).hexdigest(), config.extraction))
    if body is not None:
        try:
            if body["article"]["path"] == name:
                return article_from_dict(body["article"], slug), body
        except (KeyError, TypeError, ValueError):
            pass
    return parse_article(data, name, slug=slug), body


def extract_all(
    articles: list[Article],
    config: BuildConfig,
    problems: list[Problem],
    progress: Progress | None,
    cache: Cache,
    known: dict[str, dict],
    batch_function: ExtractBatch = extract_batch,
) -> tuple[list[Briefing], int, int]:
    """Briefings for all articles: from the cache where `known` has them, else parsed in parallel.

    Each new entry also keeps the article as read, so that the next build need not parse it.
    """
    results: dict[str, Briefing] = {}
    missing: list[tuple[str, Article]] = []
    for article in articles:
        key = cache.key(article.digest, config.extraction)
        body = known.get(article.path)
        if body is not None:
            try:
                results[article.path] = from_dict(body, article)
                continue
            except (KeyError, TypeError, ValueError):
                pass
        missing.append((key, article))
    total = len(missing)
    if progress and total:
        progress(0, total)
    done = 0
    failed: dict[str, str] = {}
    for batch, outcome in run_extraction(missing, config.extraction, config.jobs, batch_function):
        for (key, article), result in zip(batch, outcome, strict=True):
            if isinstance(result, str):
                failed[article.path] = result
                continue
            # The article as read, warnings and removed lines included, in place of its summary.
            cache.put(key, {**result, "article": article_to_dict(article)})
            results[article.path] = from_dict(result, article)
        done += len(batch)
        if progress:
            progress(done, total)
    problems.extend(
        Problem(a.path, f"extraction failed: {failed[a.path]}") for a in articles if a.path in failed
    )
    briefings = [results[a.path] for a in articles if a.path in results]
    return briefings, total, len(articles) - total


def correct_all(briefings: list[Briefing], source: Path, problems: list[Problem]) -> list[Briefing]:
    """Apply each analyst's corrections file; after the cache, so editing one never re-parses."""
    corrected = []
    for briefing in briefings:
        briefing, found = correct_briefing(briefing, source)
        problems.extend(found)
        corrected.append(briefing)
    check_unused_corrections(source, {corrections_path(source, b.article) for b in briefings}, problems)
    return corrected


def _in_story(path: str, specs: dict, source: Path) -> bool:
    return any(path.startswith(folder.relative_to(source).as_posix() + "/") for folder in specs)
