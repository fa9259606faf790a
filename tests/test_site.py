"""End to end: `mkdocs build --strict` on a temporary project, and the HTML it writes."""

from __future__ import annotations

import hashlib
import json
import re

import jsonschema
import pytest

from tests.conftest import REFERENCE, ROOT
from tests.helpers import make_project, mkdocs_build

pytestmark = pytest.mark.slow

MARKDOWN_ARTICLE = """---
title: Ministers split over shipping lanes
outlet: Sample Wire
published: 2024-02-11
tags: [Arctic, shipping]
---

OSLO — Arctic ministers failed to agree on new shipping rules on Monday.

“We cannot accept routes that put our coastline at risk,” said Norwegian Foreign Minister Ingrid Dahl.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("project")
    config = make_project(folder, {REFERENCE.name: REFERENCE.read_bytes(), "arctic.md": MARKDOWN_ARTICLE})
    return mkdocs_build(config)


def test_reference_briefing_page(built):
    page = (built / "briefings" / "000-ad573051a1971b14" / "index.html").read_text(encoding="utf-8")
    for name in ("Geng Shuang", "Daniel Coats", "Dimitri Simes", "Andrei Denisov"):
        assert name in page
    for line in ("Advertisement", "Subscribe to our newsletter", "Sign up here to get the latest news"):
        assert line not in page
    assert 'id="p-1"' in page and 'href="#p-2"' in page
    assert "Bottom line up front" in page


def test_json_next_to_each_page_validates(built):
    from generator.export import schema

    for slug in ("000-ad573051a1971b14", "arctic"):
        data = json.loads((built / "briefings" / f"{slug}.json").read_text(encoding="utf-8"))
        jsonschema.validate(data, schema())
    published = json.loads((built / "schema" / "briefing.schema.json").read_text(encoding="utf-8"))
    assert published == schema()


def test_home_lists_newest_first(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    assert home.index("Ministers split over shipping lanes") < home.index("China stresses its cooperation")


def test_pages_load_nothing_from_other_hosts(built):
    for page in built.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*?(?:src|href)="([^"]+)"', html):
            assert not re.match(r"^(https?:)?//", match.group(1)), (page, match.group(1))


def test_search_index_has_the_briefings(built):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("Geng Shuang" in doc["text"] for doc in index["docs"])


def test_search_index_holds_summaries_not_details_or_lists(built):
    index = json.loads((built / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {"briefings/000-ad573051a1971b14/", "briefings/000-ad573051a1971b14/#positions"} <= locations
    assert any(location.startswith("actors/") and location != "actors/" for location in locations)
    for section in ("claims-by-speaker", "evidence", "actors", "source-text"):
        assert f"briefings/000-ad573051a1971b14/#{section}" not in locations
    assert not locations & {"briefings/", "timeline/", "actors/", "sides/", "topics/"}


def test_generated_pages_lose_the_theme_indentation_and_nothing_else(built):
    page = (built / "briefings" / "000-ad573051a1971b14" / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"\n[ \t]|\n\n", page)
    assert "Bottom line up front" in page and 'id="p-1"' in page
    assert re.search(r"\n[ \t]+<", (built / "about" / "index.html").read_text(encoding="utf-8")), (
        "a page of the site's own is left as the theme wrote it"
    )


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    digests = []
    for run in ("a", "b"):
        config = make_project(
            tmp_path / run, {REFERENCE.name: REFERENCE.read_bytes(), "arctic.md": MARKDOWN_ARTICLE}
        )
        site = mkdocs_build(config)
        digest = hashlib.sha256()
        for path in sorted(site.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(site).as_posix().encode())
                digest.update(path.read_bytes())
        digests.append(digest.hexdigest())
    assert digests[0] == digests[1]


def test_strict_build_fails_on_a_bad_article_with_its_name(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    config = make_project(tmp_path, {REFERENCE.name: REFERENCE.read_bytes(), "empty.txt": b""})
    with pytest.raises(Abort):
        mkdocs_build(config, strict=True)
    assert "empty.txt: file is empty" in caplog.text


def test_non_strict_build_goes_on_without_the_bad_article(tmp_path, caplog):
    config = make_project(
        tmp_path, {REFERENCE.name: REFERENCE.read_bytes(), "broken.pdf.txt": b"%PDF-1.4 binary"}
    )
    site = mkdocs_build(config, strict=False)
    assert (site / "briefings" / "000-ad573051a1971b14" / "index.html").exists()
    assert "broken.pdf.txt: file is a PDF document" in caplog.text
    assert "Traceback" not in caplog.text


def test_generated_pages_never_replace_a_docs_file(tmp_path, caplog):
    config = make_project(tmp_path, {REFERENCE.name: REFERENCE.read_bytes()})
    (tmp_path / "docs" / "index.md").write_text("# Our own home page\n", encoding="utf-8")
    site = mkdocs_build(config, strict=False)
    assert "Our own home page" in (site / "index.html").read_text(encoding="utf-8")
    assert "index.md: a file of the site already has this name" in caplog.text


def test_serve_watches_articles_and_templates(tmp_path):
    """`mkdocs serve` rebuilds when an article or a template changes."""
    from mkdocs.config import load_config

    config_file = make_project(tmp_path, {REFERENCE.name: REFERENCE.read_bytes()})
    config = load_config(str(config_file))
    plugin = config.plugins["briefings"]
    plugin.on_config(config)

    class Server:
        def __init__(self):
            self.watched: list[str] = []

        def watch(self, path, *args, **kwargs):
            self.watched.append(path)

    server = plugin.on_serve(Server(), config=config, builder=None)
    assert str(tmp_path / "briefings") in server.watched
    assert str(ROOT / "templates") in server.watched
