"""Page names and output paths: whatever a file, a title or front matter says, pages stay inside
the site, never replace one another, and the build never writes into the briefings folder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.config import BuildConfig as Config
from generator.errors import BriefingError, ConfigError
from generator.ingest.discover import assign_slugs
from generator.model import Actor, Article, Briefing, Claim, Position
from generator.site.model import SiteModel
from generator.text import unique_slug
from generator.write import safe_target, write_files

SAFE_PATH = re.compile(r"[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*")


@pytest.mark.parametrize(
    "text, slug",
    [
        ("../../etc/passwd", "etc-passwd"),
        ("/etc/cron.d/evil", "etc-cron-d-evil"),
        ("C:\\Windows\\System32", "c-windows-system32"),
        ("Index", "briefing-index"),
        ("INDEX", "briefing-index"),
        ("Ｉｎｄｅｘ", "briefing-index"),  # full-width look-alikes fold to ASCII
        ("page-2", "briefing-page-2"),
        ("Page 12", "briefing-page-12"),
        ("page-two", "page-two"),
        ("Page", "briefing-page"),
        ("CON", "briefing-con"),
        ("nul", "briefing-nul"),
        ("com1", "briefing-com1"),
        ("assets", "briefing-assets"),
        ("Ünïcödé Ärticle", "unicode-article"),
        ("Пресс-релиз", "briefing"),  # no Latin letters at all
        ("..", "briefing"),
        ("", "briefing"),
        ("a\x00b", "a-b"),
    ],
)
def test_unique_slug(text, slug):
    assert unique_slug(text, set(), "briefing") == slug


def test_long_names_are_cut_at_a_word():
    slug = unique_slug("word " * 100, set(), "briefing")
    assert len(slug) <= 80 and slug.endswith("word") and SAFE_PATH.fullmatch(slug)


def test_numbering_never_lands_on_a_reserved_name():
    taken: set[str] = set()
    assert [unique_slug("Page", taken, "actor") for _ in range(3)] == [
        "actor-page",
        "actor-page-2",
        "actor-page-3",
    ]


def test_file_names_that_differ_only_in_case_or_look_get_their_own_pages(tmp_path):
    names = [
        "Report.txt",
        "report.md",
        "REPORT.html",
        "Ｒｅｐｏｒｔ.txt",
        "a/b.txt",
        "a-b.txt",
        "index.txt",
        "briefing-index.txt",
    ]
    paths = [tmp_path / name for name in names]
    slugs = assign_slugs(paths, tmp_path)
    assert len(set(slugs.values())) == len(names)
    assert all(SAFE_PATH.fullmatch(slug) and slug != "index" for slug in slugs.values())


def briefing(slug: str, actor: str, side: str, topic: str) -> Briefing:
    article = Article(
        path=f"{slug}.txt", slug=slug, title=slug, paragraphs=("Text.",), published="2024-01-02"
    )
    speaker = Actor(id="a", name=actor, kind="person", side=side)
    claim = Claim(
        id="c", speaker="a", kind="indirect", cue="said", text="something", paragraph=1, sentence="Text."
    )
    position = Position(side=side, gist="something", claims=("c",), actors=("a",))
    return Briefing(
        article=article,
        actors=(speaker,),
        claims=(claim,),
        evidence=(),
        positions=(position,),
        bluf="Text.",
        topics=(topic,),
    )


def test_actor_side_and_topic_pages_never_replace_an_index_page():
    from generator.render.pages import render_site
    from generator.site.catalog import build_catalog

    names = ["Index", "Page 2", "page-2", "PAGE-2", "CON", "../../etc", "Ｉｎｄｅｘ"]
    briefings = [briefing(f"b{i}", name, name, name) for i, name in enumerate(names)]
    catalog = build_catalog(briefings)
    files = render_site(SiteModel(tuple(briefings)), Config(source=Path("/nonexistent"), per_page=1))
    for pattern, expected in (
        (r"actors/[^/]+\.md", catalog.actors),
        (r"sides/[^/]+\.md", catalog.sides),
        (r"topics/[^/]+/index\.md", catalog.topics),
    ):
        pages = {
            p for p in files if re.fullmatch(pattern, p) and not re.fullmatch(r"\w+/(index|page-\d+)\.md", p)
        }
        assert len(pages) == len(expected), pages
    assert len(catalog.sides) == len(catalog.topics) == len(names)
    assert "# All briefings" in files["briefings/index.md"]
    urls = [re.sub(r"(/index)?\.md$", "", path) for path in files if path.endswith(".md")]
    assert len(urls) == len(set(urls)), "two pages would be written to one URL"
    assert all(SAFE_PATH.fullmatch(path) for path in files)


def test_a_story_never_takes_the_page_of_an_article(tmp_path):
    from generator.build import build

    source = tmp_path / "briefings"
    (source / "talks").mkdir(parents=True)
    (source / "talks" / "briefing.yml").write_text("title: Talks\n", encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (source / "talks" / name).write_text(
            f"Talks {name}\n\nThe minister said the talks would resume on Friday.\n", encoding="utf-8"
        )
    (source / "story-talks.txt").write_text(
        "Story talks\n\nThe envoy said the offer was generous.\n", encoding="utf-8"
    )
    site = build(Config(source=source, jobs=1))
    assert [s.slug for s in site.stories] == ["story-talks-2"]
    assert "Story talks" in dict(site.files)["briefings/story-talks.md"]


@pytest.mark.parametrize("relative", ["../x.md", "/etc/x.md", "a/../../x.md", "a\\..\\x.md", "a/\x00.md", ""])
def test_write_refuses_paths_that_leave_the_folder(tmp_path, relative):
    with pytest.raises(BriefingError, match="leaves the output folder"):
        safe_target(tmp_path / "out", relative)


def test_write_refuses_a_link_inside_the_output_that_leads_out(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out" / "briefings").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(BriefingError, match="leaves the output folder"):
        write_files(tmp_path / "out", (("briefings/x.md", "x"),))
    assert list((tmp_path / "elsewhere").iterdir()) == []


@pytest.mark.parametrize("out", ["briefings", "briefings/generated", "."])
def test_render_refuses_to_write_into_the_briefings_folder(tmp_path, out):
    (tmp_path / "briefings").mkdir()
    with pytest.raises(BriefingError, match="overlaps the briefings folder"):
        write_files(tmp_path / out, (("x.md", "x"),), protect=tmp_path / "briefings")
    assert list((tmp_path / "briefings").iterdir()) == []


def test_cache_inside_the_briefings_folder_is_refused(tmp_path):
    from generator.config import BuildConfig

    with pytest.raises(ConfigError, match=r"option 'cache_dir'.*overlaps the briefings folder"):
        BuildConfig.from_options({"cache_dir": "briefings/.cache"}, tmp_path)


def test_site_dir_over_the_briefings_folder_is_refused(tmp_path, caplog):
    from mkdocs.exceptions import Abort, PluginError

    from tests.test_site import make_project, mkdocs_build

    config = make_project(tmp_path, {"a.txt": "A\n\nThe minister said so.\n"})
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_dir: site", "site_dir: briefings"), encoding="utf-8"
    )
    with pytest.raises((PluginError, Abort)):
        mkdocs_build(config)
    assert f"site_dir {tmp_path / 'briefings'} overlaps the briefings folder" in caplog.text
    assert (tmp_path / "briefings" / "a.txt").read_text(encoding="utf-8") == "A\n\nThe minister said so.\n"
