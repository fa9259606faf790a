"""The one build function: find the articles, read and extract them, then render every page.

Both shells (the MkDocs plugin and the CLI) call `build`; nothing here knows about either.
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from .cache import Cache
from .corrections import correct_briefing, corrections_path
from .errors import ArticleError, Problem
from .export import article_from_dict, article_to_dict, from_dict, to_dict
from .extract import Settings
from .ingest import SUFFIXES, article_name, parse_article, read_bytes
from .model import Article, Briefing, Story
from .stories import STORY_FILE, make_story, read_spec, with_source_details
from .text import unique_slug

Progress = Callable[[int, int], None]
"""Called with (done, total) as extraction advances."""

SKIPPED_NAMES = {"readme.md", "readme.txt", "license", "license.md", "license.txt", "briefing.yml", ".gitkeep"}


@dataclass(frozen=True)
class Config:
    """Everything a build can be told; the plugin fills it from mkdocs.yml, the CLI from flags."""

    source: Path
    """The folder of articles."""
    templates: Path | None = None
    """A folder of templates that override the shipped ones."""
    cache_dir: Path | None = None
    """Where extraction results are kept between builds; None turns the cache off."""
    max_bytes: int = 5_000_000
    """Articles larger than this are refused."""
    jobs: int = 0
    """Processes for extraction; 0 means one per core."""
    per_page: int = 50
    """Entries on one page of an index before it is split."""
    extraction: Settings = field(default_factory=Settings)
    site_name: str = "Policy briefings"


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


def build(config: Config, progress: Progress | None = None) -> Site:
    """Build every page from the articles in `config.source`."""
    from .render_site import render_site

    problems: list[Problem] = []
    folders: list[Path] = []
    paths = discover(config.source, problems, folders)
    specs = read_specs(folders, config.source, problems)
    story_paths = {folder: discover(folder, problems, [], base=config.source) for folder in specs}
    everything = paths + [p for folder in specs for p in story_paths[folder]]
    cache = Cache(config.cache_dir)
    articles, known = read_all(everything, config, problems, cache)
    check_titles([a for a in articles if not _in_story(a.path, specs, config.source)], problems)
    briefings, parsed, cached = extract_all(articles, config, problems, progress, cache, known)
    # Outlet, date and bias from briefing.yml are not read by extraction: the cache entry of an
    # article holds it as its file has it, and editing briefing.yml never re-parses.
    details = {path.relative_to(config.source).as_posix(): spec for folder, spec in specs.items() for path in story_paths[folder]}
    briefings = [replace(b, article=with_source_details(b.article, details[b.article.path])) if b.article.path in details else b for b in briefings]
    briefings = correct_all(briefings, config.source, problems)
    stories = assemble_stories(specs, briefings, config.source, problems, taken={a.slug for a in articles})
    pages = Cache(config.cache_dir / "pages" if config.cache_dir is not None else None)
    files = render_site(briefings, config, stories, pages)
    if articles:  # an empty or missing folder is more likely a mistake than a site to prune
        cache.prune()
        pages.prune()
    return Site(tuple(briefings), tuple(sorted(files.items())), tuple(problems), parsed, cached, tuple(stories))


def _in_story(path: str, specs: dict, source: Path) -> bool:
    return any(path.startswith(folder.relative_to(source).as_posix() + "/") for folder in specs)


def read_specs(folders: list[Path], source: Path, problems: list[Problem]) -> dict:
    """`briefing.yml` of each multi-source folder; a folder whose file is unusable is skipped."""
    specs = {}
    for folder in folders:
        name = folder.relative_to(source).as_posix()
        spec, warnings = read_spec(folder, name)
        problems.extend(Problem(f"{name}/{STORY_FILE}", w.removeprefix(f"{STORY_FILE}: ")) for w in warnings)
        if spec is not None:
            specs[folder] = spec
    return specs


def assemble_stories(specs: dict, briefings: list[Briefing], source: Path, problems: list[Problem], taken: set[str]) -> list[Story]:
    """One `Story` per multi-source folder, its sources in file order.

    Story pages share the briefings folder with the article pages named in `taken`.
    """
    stories = []
    for folder, spec in sorted(specs.items()):
        prefix = folder.relative_to(source).as_posix() + "/"
        sources = sorted((b for b in briefings if b.article.path.startswith(prefix)), key=lambda b: b.article.path)
        if len(sources) < 2:
            problems.append(Problem(prefix + STORY_FILE, f"a multi-source briefing needs at least two readable articles; it has {len(sources)}"))
        if sources:
            slug = unique_slug("story-" + prefix.rstrip("/").replace("/", "-"), taken, "story")
            stories.append(make_story(spec, slug, prefix.rstrip("/"), sources))
    return stories


def discover(folder: Path, problems: list[Problem], stories: list[Path], base: Path | None = None) -> list[Path]:
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
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and _inside(Path(dirpath) / d, root, problems, source))
        if Path(dirpath) != folder and (Path(dirpath) / STORY_FILE).is_file():
            stories.append(Path(dirpath))
            dirnames[:] = []
            continue
        for name in sorted(filenames):
            path = Path(dirpath) / name
            relative = path.relative_to(source).as_posix()
            if name.startswith(".") or name.lower() in SKIPPED_NAMES or name.endswith((".review.yml", ".review.yaml")):
                continue
            if not _inside(path, root, problems, source):
                continue
            if path.suffix.lower() not in SUFFIXES:
                problems.append(Problem(relative, f"not an article: only {', '.join(sorted(SUFFIXES))} files are read"))
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
    problems.append(Problem(path.relative_to(source).as_posix(), "is a symbolic link to a place outside the briefings folder; not followed"))
    return False


def assign_slugs(paths: list[Path], source: Path) -> dict[Path, str]:
    """A unique, safe page name for each file, from its path (never from its title)."""
    taken: set[str] = set()
    return {path: unique_slug(path.relative_to(source).with_suffix("").as_posix().replace("/", "-"), taken, "briefing") for path in paths}


def read_all(paths: list[Path], config: Config, problems: list[Problem], cache: Cache) -> tuple[list[Article], dict[str, dict]]:
    """Every readable article, and (by article path) the cached extraction of those that have one."""
    slugs = assign_slugs(paths, config.source)
    articles, known = [], {}
    for path in paths:
        try:
            article, body = read_cached(path, config, slugs[path], cache)
        except ArticleError as error:
            problems.append(Problem(error.path, error.problem))
            continue
        except Exception as error:  # noqa: BLE001 - one strange file must not take the site down
            problems.append(Problem(path.relative_to(config.source).as_posix(), f"could not be read: {type(error).__name__}: {error}"))
            continue
        problems.extend(Problem(article.path, warning) for warning in article.warnings)
        articles.append(article)
        if body is not None:
            known[article.path] = body
    return articles, known


def read_cached(path: Path, config: Config, slug: str, cache: Cache) -> tuple[Article, dict | None]:
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


def check_titles(articles: list[Article], problems: list[Problem]) -> None:
    """Two articles with one title confuse readers; both are kept, and the clash is named."""
    seen: dict[str, str] = {}
    for article in articles:
        key = " ".join(article.title.casefold().split())
        if key in seen:
            problems.append(Problem(article.path, f"has the same title as {seen[key]}: {article.title[:80]!r}"))
        else:
            seen[key] = article.path


def extract_all(articles: list[Article], config: Config, problems: list[Problem], progress: Progress | None, cache: Cache, known: dict[str, dict]) -> tuple[list[Briefing], int, int]:
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
    for batch, outcome in run_extraction(missing, config.extraction, config.jobs):
        for (key, article), result in zip(batch, outcome):
            if isinstance(result, str):
                failed[article.path] = result
                continue
            # The article as read, warnings and removed lines included, in place of its summary.
            cache.put(key, {**result, "article": article_to_dict(article)})
            results[article.path] = from_dict(result, article)
        done += len(batch)
        if progress:
            progress(done, total)
    problems.extend(Problem(a.path, f"extraction failed: {failed[a.path]}") for a in articles if a.path in failed)
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


def check_unused_corrections(source: Path, used: set[Path], problems: list[Problem]) -> None:
    """Name every corrections file that no briefing read, so that none is ignored in silence."""
    for dirpath, dirnames, filenames in os.walk(source):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not name.endswith((".review.yml", ".review.yaml")) or path in used:
                continue
            twin = path.with_suffix(".yml")
            why = f"{twin.name} is read instead" if twin in used else "no article beside it was read (renamed or removed?)"
            problems.append(Problem(path.relative_to(source).as_posix(), f"corrections not applied: {why}"))


def run_extraction(missing: list[tuple[str, Article]], settings: Settings, jobs: int = 0):
    """Yield (batch, results) as batches finish, in any order; a result is `to_dict` output or
    an error text.

    Runs in this process when parallelism cannot pay; else in worker processes that each
    load the language model once.
    """
    jobs = jobs or os.cpu_count() or 1
    if not missing:
        return
    if jobs <= 1 or len(missing) < 4:
        for i in range(0, len(missing), 16):
            batch = missing[i:i + 16]
            yield batch, _extract_batch([a for _, a in batch], settings)
        return
    import multiprocessing

    # Longest articles first, in small batches: the last batches are short ones, so no worker
    # is left parsing a long batch while the others have nothing to do.
    ordered = sorted(missing, key=lambda item: -sum(len(p) for p in item[1].paragraphs))
    size = max(1, min(8, len(missing) // (jobs * 8)))
    batches = [ordered[i:i + size] for i in range(0, len(ordered), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=context) as pool:
        futures = {pool.submit(_extract_batch, [a for _, a in batch], settings): batch for batch in batches}
        for future in as_completed(futures):
            yield futures[future], future.result()


def _extract_batch(articles: list[Article], settings: Settings) -> list[dict | str]:
    """Extract a batch in a worker; a failure is returned as text, never raised."""
    from .extract import extract_many

    try:
        return [to_dict(b) for b in extract_many(articles, settings)]
    except Exception:  # noqa: BLE001 - fall back to one at a time to name the culprit
        pass
    from .extract import extract

    out: list[dict | str] = []
    for article in articles:
        try:
            out.append(to_dict(extract(article, settings)))
        except Exception as error:  # noqa: BLE001 - reported as a problem with this file
            out.append(f"{type(error).__name__}: {error}")
    return out
