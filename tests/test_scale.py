"""What keeps a large site cheap to rebuild and small to serve: the caches do only the work a
change calls for, and no page grows with the number of briefings.

Extraction is replaced by a stand-in here: what is tested is which articles reach it. Speed
itself is measured by the scripts in bench/, never here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import build as build_module
from generator.build import build
from generator.config import BuildConfig as Config
from generator.export import to_dict
from generator.model import Actor, Article, Briefing, Claim, Evidence, Position
from generator.render import pages as render_module
from generator.render.pages import render_site
from generator.site.cache import Cache
from generator.site.model import SiteModel

ARTICLE = (
    "{title}\n\nThe talks on {topic} resumed on Monday in Oslo.\n\nThe minister said the talks would go on.\n"
)


class StandIn(list):
    """Paths of the articles that reached extraction, in order; it is the build's extractor."""

    def __call__(self, articles, settings):
        self.extend(a.path for a in articles)
        return [
            to_dict(
                Briefing(article=a, actors=(), claims=(), evidence=(), positions=(), bluf=a.paragraphs[0])
            )
            for a in articles
        ]


@pytest.fixture
def extracted():
    return StandIn()


def write_articles(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(
            ARTICLE.format(title=f"Talks on {name}", topic=name), encoding="utf-8"
        )
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def extraction_entries(cache: Path) -> set[str]:
    return {p.stem for p in cache.glob("??/*.json") if not p.name.startswith(".tmp-")}


def test_a_rebuild_parses_only_the_articles_that_changed(tmp_path, extracted):
    source = write_articles(tmp_path / "briefings", ["arctic", "trade", "water", "ports"])
    config = Config(source=source, cache_dir=tmp_path / "cache", jobs=1)
    cold = build(config, batch_function=extracted)
    assert (cold.parsed, cold.cached, len(extracted)) == (4, 0, 4)

    warm = build(config, batch_function=extracted)
    assert (warm.parsed, warm.cached, len(extracted)) == (0, 4, 4)
    assert warm.files == cold.files

    (source / "trade.txt").write_text(
        ARTICLE.format(title="Talks on trade", topic="tariffs"), encoding="utf-8"
    )
    before = snapshot(source)
    changed = build(config, batch_function=extracted)
    assert (changed.parsed, changed.cached) == (1, 3)
    assert extracted[4:] == ["trade.txt"]
    assert snapshot(source) == before, "the build never writes into briefings/"


def test_entries_nobody_uses_any_more_are_pruned(tmp_path, extracted):
    source = write_articles(tmp_path / "briefings", ["arctic", "trade", "water"])
    cache = tmp_path / "cache"
    config = Config(source=source, cache_dir=cache, jobs=1)
    build(config, batch_function=extracted)
    first = extraction_entries(cache)
    pages = set((cache / "pages").glob("??/*.json"))
    assert len(first) == 3 and len(pages) == 4  # a page per briefing, and the site's other pages together
    (source / "water.txt").unlink()
    (source / "trade.txt").write_text(
        ARTICLE.format(title="Talks on trade", topic="tariffs"), encoding="utf-8"
    )
    build(config, batch_function=extracted)
    second = extraction_entries(cache)
    assert len(second) == 2 and len(first & second) == 1
    assert len(set((cache / "pages").glob("??/*.json"))) == 3


def test_an_empty_briefings_folder_prunes_nothing(tmp_path, extracted):
    source = write_articles(tmp_path / "briefings", ["arctic", "trade"])
    cache = tmp_path / "cache"
    build(Config(source=source, cache_dir=cache, jobs=1), batch_function=extracted)
    for path in source.iterdir():
        path.unlink()
    build(Config(source=source, cache_dir=cache, jobs=1), batch_function=extracted)
    assert len(extraction_entries(cache)) == 2


def rendered_templates(monkeypatch) -> list[str]:
    """The names of the templates rendered from now on."""
    import jinja2

    names: list[str] = []
    real = jinja2.Template.render
    monkeypatch.setattr(
        jinja2.Template,
        "render",
        lambda self, *args, **kwargs: names.append(self.name) or real(self, *args, **kwargs),
    )
    return names


def test_a_warm_build_neither_parses_a_file_nor_renders_a_page(tmp_path, extracted, monkeypatch):
    source = write_articles(tmp_path / "briefings", ["arctic", "trade", "water"])
    (source / "ports.md").write_text(
        "---\ntitle: Port fees rise\npublished: 2024-03-01\ntags: [shipping]\n---\n\nFees rose.\n",
        encoding="utf-8",
    )
    config = Config(source=source, cache_dir=tmp_path / "cache", jobs=1)
    cold = build(config, batch_function=extracted)

    def refuse(*args, **kwargs):
        raise AssertionError("parsed or rendered again")

    monkeypatch.setattr(build_module, "parse_article", refuse)
    monkeypatch.setattr(render_module, "render_briefing", refuse)
    rendered = rendered_templates(monkeypatch)
    warm = build(config, batch_function=extracted)
    assert warm.files == cold.files and warm.problems == cold.problems
    assert set(rendered) <= {"briefings.css"}, "indexes, actor, side and topic pages come from the cache"


def test_one_changed_article_renders_one_briefing_page(tmp_path, extracted, monkeypatch):
    source = write_articles(tmp_path / "briefings", ["arctic", "trade", "water"])
    config = Config(source=source, cache_dir=tmp_path / "cache", jobs=1)
    build(config, batch_function=extracted)
    rendered: list[str] = []
    real = render_module.render_briefing
    monkeypatch.setattr(
        render_module,
        "render_briefing",
        lambda env, briefing, *rest: rendered.append(briefing.article.slug) or real(env, briefing, *rest),
    )
    (source / "water.txt").write_text(
        ARTICLE.format(title="Talks on water", topic="rivers"), encoding="utf-8"
    )
    build(config, batch_function=extracted)
    assert rendered == ["water"]


def test_a_changed_template_renders_every_page_again(tmp_path, extracted):
    source = write_articles(tmp_path / "briefings", ["arctic", "trade"])
    templates = tmp_path / "templates"
    templates.mkdir()
    config = Config(source=source, cache_dir=tmp_path / "cache", jobs=1, templates=templates)
    build(config, batch_function=extracted)
    (templates / "briefing.md.j2").write_text("# {{ b.article.title }}\n\nOur own page.\n", encoding="utf-8")
    pages = dict(build(config, batch_function=extracted).files)
    assert pages["briefings/arctic.md"] == "# Talks on arctic\n\nOur own page.\n"
    assert pages["briefings/trade.md"] == "# Talks on trade\n\nOur own page.\n"


def test_cached_and_uncached_builds_write_the_same_site(tmp_path, extracted):
    source = write_articles(tmp_path / "briefings", ["arctic", "trade", "water"])
    uncached = build(Config(source=source, cache_dir=None, jobs=1), batch_function=extracted)
    cached = Config(source=source, cache_dir=tmp_path / "cache", jobs=1)
    assert (
        build(cached, batch_function=extracted).files
        == build(cached, batch_function=extracted).files
        == uncached.files
    )


# Pages across briefings must not grow with the site: synthetic briefings, no language model.

ACTORS = [("Anna Keller", "Norway"), ("Ivan Petrov", "Russia"), ("Li Wei", "China"), ("Maria Lopez", "Spain")]


def synthetic(number: int) -> Briefing:
    """A briefing in which the same few actors and sides speak again, as in a real archive."""
    slug = f"briefing-{number}"
    month = 1 + number % 12
    article = Article(
        path=f"{slug}.txt",
        slug=slug,
        title=f"Talks on fisheries, round {number}",
        paragraphs=("Keller said the talks would go on.", "Petrov said they would not."),
        published=f"20{10 + number % 15}-{month:02d}-{1 + number % 28:02d}",
        tags=("Fisheries", f"Region {number % 7}"),
    )
    actors = tuple(
        Actor(id=f"a{i}", name=name, kind="person", role="minister", side=side)
        for i, (name, side) in enumerate(ACTORS)
    )
    claims = (
        Claim(
            id="c-1",
            speaker="a0",
            kind="indirect",
            cue="said",
            text="the talks on fishing quotas would go on",
            paragraph=1,
            sentence=article.paragraphs[0],
        ),
        Claim(
            id="c-2",
            speaker="a1",
            kind="indirect",
            cue="said",
            text="the talks on fishing quotas would not go on",
            paragraph=2,
            sentence=article.paragraphs[1],
        ),
        Claim(
            id="c-3",
            speaker=f"a{2 + number % 2}",
            kind="direct",
            cue="said",
            text="quotas must be shared fairly",
            paragraph=2,
            sentence=article.paragraphs[1],
        ),
    )
    positions = (
        Position(side="Norway", gist="the talks go on", claims=("c-1",), actors=("a0",)),
        Position(side="Russia", gist="the talks end", claims=("c-2",), actors=("a1",)),
    )
    evidence = (
        Evidence(
            id="e-1", kind="event", text="the talks resumed", paragraph=1, sentence=article.paragraphs[0]
        ),
    )
    return Briefing(
        article=article,
        actors=actors,
        claims=claims,
        evidence=evidence,
        positions=positions,
        bluf="Norway wants the talks to go on; Russia does not.",
        topics=article.tags,
    )


def largest_pages(count: int) -> tuple[dict[str, int], int]:
    """The size of the largest page of each kind (actor page, topic list, …) but a briefing's own,
    and the number of files, for a site of `count` briefings."""
    files = render_site(
        SiteModel(tuple([synthetic(n) for n in range(count)])),
        Config(source=Path("/nonexistent"), per_page=10),
    )
    largest: dict[str, int] = {}
    for path, content in files.items():
        if path.endswith(".md") and not re.fullmatch(r"briefings/briefing-\d+\.md", path):
            kind = re.sub(
                r"^topics/[^/]+/", "topics/*/", re.sub(r"/(?!index\.md$|page-\d+\.md$)[^/]+\.md$", "/*", path)
            )
            kind = re.sub(r"(index|page-\d+)\.md$", "index", kind)
            largest[kind] = max(largest.get(kind, 0), len(content))
    return largest, len(files)


def test_no_page_grows_with_the_number_of_briefings():
    (small, small_files), (large, large_files) = largest_pages(100), largest_pages(400)
    assert large_files > 3 * small_files
    assert set(large) == set(small) and len(small) > 8, sorted(small)
    assert all(large[kind] <= small[kind] * 1.05 for kind in small), {
        kind: (small[kind], large[kind]) for kind in small
    }


def test_the_search_index_holds_summaries_not_details(tmp_path):
    files = render_site(
        SiteModel(tuple([synthetic(n) for n in range(3)])), Config(source=Path("/nonexistent"))
    )
    page = files["briefings/briefing-1.md"]
    excluded = re.findall(r"^#+ (.+?) \{ data-search-exclude \}$", page, re.MULTILINE)
    assert {"Claims by speaker", "Evidence", "Actors", "Source text"} <= set(excluded)
    assert not any(title.startswith(("Positions", "Key judgments")) for title in excluded)
    for listing in (
        "briefings/index.md",
        "timeline/index.md",
        "actors/index.md",
        "sides/index.md",
        "topics/index.md",
    ):
        assert files[listing].startswith("---\nsearch:\n  exclude: true\n---\n"), listing
    assert not files["topics/fisheries/index.md"].startswith("---")


def test_unchanged_pages_come_from_the_page_cache(tmp_path):
    briefings = [synthetic(n) for n in range(3)]
    pages = Cache(tmp_path / "pages")
    first = render_site(SiteModel(tuple(briefings)), Config(source=Path("/nonexistent")), pages=pages)
    assert (pages.hits, pages.misses) == (0, 4)  # three briefings, and all the other pages together
    again = Cache(tmp_path / "pages")
    assert render_site(SiteModel(tuple(briefings)), Config(source=Path("/nonexistent")), pages=again) == first
    assert (again.hits, again.misses) == (4, 0)


@pytest.mark.slow  # starts worker processes that each load the language model
def test_parallel_extraction_writes_the_same_site_as_one_process(tmp_path):
    source = tmp_path / "briefings"
    source.mkdir()
    for name, speaker in (
        ("arctic", "Ingrid Dahl"),
        ("trade", "Maria Lopez"),
        ("water", "Karl Berg"),
        ("ports", "Anna Keller"),
        ("roads", "Ivan Petrov"),
    ):
        body = (
            f"“We will not accept this offer,” said {speaker}, the minister.\n\n{speaker} said the talks would resume.\n\n"
            * len(name)
        )
        (source / f"{name}.txt").write_text(f"Talks on {name} resume\n\n{body}", encoding="utf-8")
    serial = build(Config(source=source, jobs=1))
    parallel = build(Config(source=source, jobs=2))
    assert parallel.files == serial.files and parallel.problems == serial.problems


def test_every_claim_of_an_actor_is_on_one_of_its_pages():
    files = render_site(
        SiteModel(tuple([synthetic(n) for n in range(25)])), Config(source=Path("/nonexistent"), per_page=10)
    )
    pages = [
        files["actors/anna-keller.md"],
        files["actors/anna-keller/page-2.md"],
        files["actors/anna-keller/page-3.md"],
    ]
    assert "actors/anna-keller/page-4.md" not in files
    listed = [line for page in pages for line in page.splitlines() if line.startswith("- ")]
    assert len(listed) == 25 and all("fishing quotas would go on" in line for line in listed)
    assert "](anna-keller/page-2.md)" in pages[0]
    assert "](../anna-keller.md)" in pages[1] and "](page-3.md)" in pages[1]
    assert "](../../briefings/briefing-" in pages[2] and "](../briefings/briefing-" in pages[0]
