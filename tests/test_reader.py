"""The site as a reader uses it, in a real headless Chromium: browse, search, stay on the site.

Builds the bundled briefings with the project's own mkdocs.yml, serves them on 127.0.0.1 and
drives Debian's chromium through Playwright.
"""

from __future__ import annotations

import pytest

from tests.browser import chromium, serve
from tests.conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def heading(page) -> str:
    """The page's h1 without the permalink sign the toc extension adds."""
    return page.locator("h1").first.inner_text().rstrip("¶ ")


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    folder = tmp_path_factory.mktemp("reader")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(folder / "site"))
    config.plugins["briefings"].config["cache_dir"] = str(folder / "cache")
    build(config)
    with serve(folder / "site") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, site_url):
    """A fresh page that records every request and console error."""
    context = browser.new_context()
    page = context.new_page()
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    foreign = [
        url
        for url in page.requests
        if not url.startswith(site_url) and not url.startswith(("data:", "blob:", "about:"))
    ]
    assert not foreign, f"requests left the site: {foreign}"
    assert not page.errors, f"console errors: {page.errors}"
    context.close()


def test_home_to_briefing_to_actor_to_side(page, site_url):
    page.goto(site_url + "/")
    assert "Policy briefings" in page.title()
    page.get_by_role("link", name="China stresses its cooperation with Russia", exact=False).first.click()
    page.wait_for_load_state()
    assert heading(page).startswith("China stresses")
    assert page.locator("svg.actor-map").count() == 1
    page.get_by_role("link", name="Dimitri Simes", exact=True).first.click()
    page.wait_for_load_state()
    assert heading(page) == "Dimitri Simes"
    assert "Center for National Interest" in page.content()
    page.go_back()
    page.get_by_role("link", name="Daniel Coats", exact=True).first.click()
    page.wait_for_load_state()
    assert heading(page) == "Daniel Coats"
    page.get_by_role("link", name="United States", exact=True).first.click()
    page.wait_for_load_state()
    assert heading(page) == "United States"
    assert "Who speaks for United States" in page.content()


def test_claim_links_land_on_the_source_paragraph(page, site_url):
    page.goto(site_url + "/briefings/000-ad573051a1971b14/")
    link = page.locator("a[href='#p-6']").first
    link.click()
    assert page.evaluate("location.hash") == "#p-6"
    target = page.locator("#p-6")
    assert "do not admit confrontation" in target.inner_text()


def test_search_finds_a_speaker(page, site_url):
    page.goto(site_url + "/")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Denisov", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert "Denisov" in page.locator(".md-search-result").inner_text()


def test_multi_source_briefing_compares_outlets(page, site_url):
    page.goto(site_url + "/briefings/story-arctic-shipping-talks/")
    text = page.locator("article").inner_text()
    for outlet in ("Northern Ledger", "Polar Times", "Frontier Post"):
        assert outlet in text
    assert "Where the outlets disagree" in text
    assert "25%" in text and "37%" in text


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/briefings/",
        "/briefings/000-ad573051a1971b14/",
        "/actors/dimitri-simes/",
        "/sides/united-states/",
        "/briefings/story-arctic-shipping-talks/",
        "/timeline/",
    ],
)
def test_no_serious_accessibility_violations(page, site_url, path):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + path)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, "\n".join(
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes) e.g. {v['nodes'][0]['html'][:150]}"
        for v in serious
    )
