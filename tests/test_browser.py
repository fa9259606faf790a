"""Hostile articles in a real headless Chromium: nothing they hold runs, injects an element or
loads from another host; it all reads as the text it is.

Every payload sets `window.pwned` or opens a dialog if it ever runs. They are put in titles,
bodies, front matter, quotations, speaker names, a saved web page and a multi-source
`briefing.yml`; the site is built with the project's own mkdocs.yml, served on 127.0.0.1 and
every page is opened in Debian's chromium through Playwright.
"""

from __future__ import annotations

import pytest
import yaml

from tests.browser import chromium, serve
from tests.helpers import make_project, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.slow]


PAYLOADS = [
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=2">',
    "<svg/onload=window.pwned=3>",
    "[click me](javascript:window.pwned=4)",
    "![picture](javascript:window.pwned=5)",
    '<a href="javascript:window.pwned=6">link</a>',
    "</title><script>window.pwned=7</script>",
    '<iframe src="javascript:window.pwned=8"></iframe>',
    '{: onclick="window.pwned=9" }',
    '" onmouseover="window.pwned=10" x="',
    "<details open ontoggle=window.pwned=11>",
    '<form action="javascript:window.pwned=12"><button>go</button></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.pwned=13>",
    "<style>body{display:none}</style>",
    '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
    '<base href="http://evil.example/">',
    "<img src=http://evil.example/pixel.png>",
    "{{ 7*7 }} {% if true %}jinja ran{% endif %}",
    '!!! danger "Injected admonition"',
    "[TOC]",
    "*[HTML]: Injected abbreviation",
    '<div markdown="1">**raw html block**</div>',
    "<!-- comment --> javascript:alert(14)",
]

FRONT_MATTER = {
    "title": f"Ministers {PAYLOADS[6]} {PAYLOADS[1]} {PAYLOADS[17]}",
    "outlet": PAYLOADS[0],
    "author": PAYLOADS[9],
    "url": "javascript:window.pwned=15",
    "tags": [PAYLOADS[2], PAYLOADS[3], "{{ 7*7 }}"],
}
MARKDOWN_ARTICLE = (
    "---\n"
    + yaml.safe_dump(FRONT_MATTER, allow_unicode=True)
    + "---\n\n"
    + "\n\n".join(f"The minister said {payload} on Monday, officials confirmed." for payload in PAYLOADS)
)

QUOTED_TITLE = f"Talks {PAYLOADS[0]} resume"
TEXT_ARTICLE = "\n\n".join(
    [
        QUOTED_TITLE,
        "GENEVA — Foreign ministers met in Geneva on Tuesday to discuss the ceasefire, officials said.",
    ]
    + [f"“{payload} is our policy,” said Foreign Minister Anna Keller." for payload in PAYLOADS]
    + [
        "“We will not accept this,” said Jean-<i>Luc</i> Picard, the trade envoy.",
        "Anna &lt;b&gt;Keller added that the talks would resume on Friday.",
        "The ministry spokesman, Karl <img src=x onerror=window.pwned=16> Berg, said that 40% of the aid had arrived.",
    ]
)

WEB_PAGE = """<!doctype html><html><head><title>&lt;script&gt;window.pwned=17&lt;/script&gt; Ministers report</title>
<meta property="og:site_name" content="&lt;img src=x onerror=window.pwned=18&gt;"></head>
<body><article><h1>&lt;script&gt;window.pwned=17&lt;/script&gt; Ministers report</h1>
<p>The ministry said &lt;img src=x onerror=window.pwned=19&gt; that the water agreement would be signed on Friday in Geneva.</p>
<p>“We welcome &lt;script&gt;window.pwned=20&lt;/script&gt; the agreement,” said the deputy minister, Maria Lopez, after the talks.</p>
</article></body></html>"""

STORY = {
    "title": f"Story {PAYLOADS[0]} {PAYLOADS[6]}",
    "question": PAYLOADS[1],
    "bias": {PAYLOADS[2]: PAYLOADS[3]},
    "sources": {
        "one.txt": {"outlet": PAYLOADS[5], "url": "javascript:window.pwned=21"},
        "two.txt": {"outlet": "Two <b>Wire</b>"},
    },
}
STORY_SOURCE = (
    "Shipping {n}\n\n“We cannot accept {payload},” said Norwegian Foreign Minister Ingrid Dahl on Monday.\n"
)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The built hostile site, served on 127.0.0.1: (base URL, site folder)."""
    folder = tmp_path_factory.mktemp("browser")
    config = make_project(
        folder,
        {
            "injected.md": MARKDOWN_ARTICLE,
            "quoted.txt": TEXT_ARTICLE,
            "saved-page.html": WEB_PAGE,
            "talks/briefing.yml": yaml.safe_dump(STORY, allow_unicode=True),
            "talks/one.txt": STORY_SOURCE.format(n="one", payload=PAYLOADS[0]),
            "talks/two.txt": STORY_SOURCE.format(n="two", payload=PAYLOADS[1]),
        },
    )
    built = mkdocs_build(config, strict=False)
    with serve(built) as base:
        yield base, built


@pytest.fixture(scope="module")
def browser():
    with chromium() as browser:
        yield browser


@pytest.fixture
def page(browser, site):
    """A page that records dialogs, requests and script errors, and checks them when done."""
    base, _ = site
    context = browser.new_context()
    page = context.new_page()
    page.dialogs, page.requests, page.errors = [], [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    assert page.dialogs == [], "a payload opened a dialog"
    foreign = [
        url
        for url in page.requests
        if not url.startswith(base + "/") and not url.startswith(("data:", "blob:", "about:"))
    ]
    assert foreign == [], "requests left 127.0.0.1"
    assert page.errors == []
    context.close()


# Anything the payloads could have added to a page, and that the site itself never has.
INJECTED = """() => {
  const found = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith("on")) found.push(`${element.tagName} ${attribute.name}`);
      const link = /^(href|src|srcdoc|action|formaction|data|poster|xlink:href|style)$/.test(attribute.name);
      if (link && /javascript:|evil\\.example|window\\.pwned/i.test(attribute.value)) found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
    }
  }
  for (const element of document.querySelectorAll("iframe, object, embed, base, details:not(.md-search-result__more), mglyph, meta[http-equiv=refresh], abbr, .admonition.danger"))
    found.push(element.outerHTML.slice(0, 120));
  for (const script of document.querySelectorAll("script, style"))
    if (/pwned|display:\\s*none/.test(script.textContent)) found.push(script.outerHTML.slice(0, 120));
  if (getComputedStyle(document.body).display === "none") found.push("body hidden");
  if (window.pwned !== undefined) found.push(`window.pwned = ${window.pwned}`);
  return found;
}"""


def test_no_page_runs_or_injects_anything(page, site):
    base, built = site
    paths = sorted(p.relative_to(built).as_posix() for p in built.rglob("*.html"))
    assert len(paths) > 15
    for path in paths:
        page.goto(f"{base}/{path}", wait_until="load")  # after every image has loaded or failed
        assert page.evaluate(INJECTED) == [], path


@pytest.mark.parametrize("path", ["briefings/quoted/", "briefings/injected/"])
def test_payloads_read_as_the_text_they_are(page, site, path):
    base, _ = site
    page.goto(f"{base}/{path}")
    text = " ".join(page.locator("article").inner_text().split())
    assert "<script>window.pwned=1</script>" in text
    assert "{{ 7*7 }}" in text and "49" not in text


def test_a_headline_that_closes_the_title_stays_in_the_title(page, site):
    base, _ = site
    page.goto(f"{base}/briefings/injected/")
    assert page.title().replace("\u2060", "").startswith("Ministers </title><script>window.pwned=7</script>")
    heading = page.locator("h1").first.inner_text().rstrip("¶ ")
    assert heading.startswith("Ministers </title><script>window.pwned=7</script> <img src=x")
    assert page.evaluate("window.pwned") is None


def test_speaker_names_with_markup_are_text(page, site):
    base, _ = site
    page.goto(f"{base}/briefings/quoted/")
    text = page.locator("article").inner_text()
    assert "Luc</i" in text or "<i>Luc</i>" in text
    assert page.locator("article i").count() == 0


def test_searching_for_the_payloads_runs_nothing(page, site):
    base, _ = site
    page.goto(f"{base}/")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Ministers", delay=20)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    page.wait_for_timeout(200)
    assert "window.pwned" in page.locator(".md-search-result").inner_text()
    assert page.evaluate(INJECTED) == []
