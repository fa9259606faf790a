"""Properties that hold on any input: reading never fails but with an `ArticleError`, extraction
never fails, page names are safe and distinct, and any text renders as itself — never as markup.

Examples are derandomized, so every run tries the same inputs.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlparse

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config import BuildConfig as Config
from generator.errors import ArticleError
from generator.ingest.clean import strip_controls
from generator.ingest.discover import assign_slugs
from generator.ingest.read import parse_article
from generator.model import Actor, Article, Briefing, Claim, Evidence, Judgment, Position, Readability
from generator.render.environment import escape, light_escape
from generator.site.model import SiteModel
from generator.text import is_reserved, unique_slug

EXTENSIONS = ["admonition", "attr_list", "tables", "toc"]
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")

fast = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
slow = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Words that steer the extractors (quotes, cues, titles, figures) mixed with anything at all.
WORDS = [
    '"',
    "“",
    "”",
    "'",
    "‘",
    "’",
    "said",
    "says",
    "according to",
    "told reporters",
    "Mr.",
    "Anna",
    "Keller",
    "minister",
    "the",
    "China",
    "U.S.",
    "15%",
    "$3bn",
    ",",
    ".",
    ":",
    "—",
    "(",
    ")",
    "?",
    "\n\n",
    "he",
    "they",
    "warned",
    "<b>",
    "{{",
    "*",
]
texts = st.lists(st.sampled_from(WORDS) | st.text(max_size=6), max_size=30).map(" ".join)
MARKUP = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "![i](http://evil.example/i.png)",
    "{{ 7*7 }}",
    "{% if 1 %}",
    "{: onclick=alert(1) }",
    "!!! danger",
    "*[HTML]: x",
    "[TOC]",
    "| a | b |",
    "&lt;b&gt;",
    "\x02wzxhzdk:0\x03",
    "1. ",
    "# ",
    "> ",
    "- ",
    "    code",
    "---",
    "===",
    "<!--",
    "]]>",
    "\\",
    "`",
    "**",
    "__",
    "~~",
    "==",
    "^^",
    "$$",
    ":material-x:",
]
anything = st.text(max_size=60) | st.lists(
    st.sampled_from(MARKUP) | st.text(max_size=4), min_size=1, max_size=8
).map("".join)


@fast
@given(
    data=st.binary(max_size=3000) | st.text(max_size=800).map(str.encode),
    prefix=st.sampled_from(
        [b"", b"---\n", b"---\ntitle: [\n---\n", b"# T\n\n", b"<html><body><p>", b"\xef\xbb\xbf", b"\xff\xfe"]
    ),
    name=st.sampled_from(["a.txt", "a.md", "a.html", "a"]),
)
def test_any_bytes_make_an_article_or_an_article_error(data, prefix, name):
    try:
        article = parse_article(prefix + data, name, slug="a")
    except ArticleError as error:
        assert error.path == name and error.problem
        return
    assert article.title and article.paragraphs and all(p.strip() for p in article.paragraphs)
    assert not CONTROL.search(article.title + "".join(article.paragraphs))


@slow
@given(headline=texts, text=texts)
def test_extraction_never_fails_and_links_what_it_finds(headline, text):
    """Whatever the text, every claim and evidence item points at the paragraph (0: the
    headline) whose words hold it, and every speaker is an actor of the briefing."""
    from generator.analysis.extract import extract

    try:
        article = parse_article(f"{headline}\n\n{text}".encode(), "a.txt", slug="a")
    except ArticleError:
        return
    briefing = extract(article)
    ids = {actor.id for actor in briefing.actors}
    assert all(claim.speaker in ids for claim in briefing.claims if claim.speaker)
    sources = [article.title, *article.paragraphs]
    for item in (*briefing.claims, *briefing.evidence):
        assert 0 <= item.paragraph <= len(article.paragraphs)
        assert item.sentence.strip() in sources[item.paragraph]


@fast
@given(
    st.lists(
        st.text(min_size=1, max_size=120).filter(
            lambda n: "/" not in n and "\x00" not in n and n not in (".", "..")
        ),
        max_size=25,
        unique=True,
    )
)
def test_page_names_from_any_file_names_are_safe_and_distinct(names):
    root = Path("/briefings")
    slugs = list(assign_slugs([root / name for name in names], root).values())
    assert len(set(slugs)) == len(slugs)
    assert all(SLUG.fullmatch(slug) and len(slug) <= 100 and not is_reserved(slug) for slug in slugs)


@fast
@given(
    st.text(), st.sets(st.sampled_from(["index", "page", "briefing", "briefing-index", "a", "a-2", "page-2"]))
)
def test_unique_slug_is_new_safe_and_never_reserved(text, taken):
    before = set(taken)
    slug = unique_slug(text, taken, "briefing")
    assert slug not in before and slug in taken
    assert SLUG.fullmatch(slug) and not is_reserved(slug)


def rendered(markdown_text: str) -> str:
    return markdown.markdown(markdown_text, extensions=EXTENSIONS)


@fast
@given(anything)
def test_escaped_text_is_one_paragraph_of_itself(text):
    expected = " ".join(strip_controls(text).split())
    for escaper in (escape, light_escape):
        page = rendered(escaper(text))
        if not expected:
            assert page == ""
            continue
        assert page.startswith("<p>") and page.endswith("</p>") and "<" not in page[3:-4]
        assert html.unescape(page[3:-4]).strip() == expected


class Shape(HTMLParser):
    """The elements and attributes of a page, and every URL in it."""

    def __init__(self, page: str):
        super().__init__()
        self.elements: Counter = Counter()
        self.urls: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
        self.urls += [
            value or ""
            for name, value in attrs
            if name in ("href", "src", "action", "formaction", "xlink:href")
        ]


def briefing_of(text: str) -> Briefing:
    """A briefing with `text` in every field a page shows."""
    article = Article(
        path=f"{text}.txt",
        slug="b",
        title=text,
        paragraphs=(text, text),
        outlet=text,
        url=f"https://example.org/{text}",
        published="2024-01-02",
        author=text,
        tags=(text,),
        dateline=text,
        bias=text,
        removed=(text,),
    )
    actor = Actor(id="a", name=text, kind="person", role=text, affiliation=text, side=text, aliases=(text,))
    claims = (
        Claim(
            id="c1",
            speaker="a",
            kind="direct",
            cue=text,
            text=text,
            paragraph=1,
            sentence=text,
            speaker_text=text,
            modality="prediction",
            hedges=(text,),
        ),
        Claim(id="c2", speaker=None, kind="indirect", cue=text, text=text, paragraph=2, sentence=text),
    )
    evidence = (
        Evidence(
            id="e",
            kind="statistic",
            text=text,
            paragraph=1,
            sentence=text,
            value=text,
            measure=text,
            claims=("c1",),
        ),
    )
    position = Position(side=text, gist=text, claims=("c1",), actors=("a",), stance="warns")
    return Briefing(
        article=article,
        actors=(actor,),
        claims=claims,
        evidence=evidence,
        positions=(position,),
        bluf=text,
        readability=Readability(50.0, 8.0, 1.0, 100, 5),
        topics=(text,),
        judgments=(Judgment(text, "likely", "low"),),
        notes=(text,),
    )


def site_shapes(text: str) -> dict[str, Shape]:
    """Each generated page as HTML, keyed by its kind (the folder, and index or item)."""
    from generator.render.pages import render_site

    shapes: dict[str, Shape] = {}
    for path, content in render_site(
        SiteModel((briefing_of(text),)), Config(source=Path("/nonexistent"))
    ).items():
        if path.endswith(".md"):
            parts = path.split("/")
            kind = (
                "/".join([*parts[:1], "index" if parts[-1] == "index.md" and len(parts) == 2 else "item"])
                if len(parts) > 1
                else path
            )
            shapes[kind] = Shape(rendered(content))
    return shapes


# Long enough that every label the pictures wrap takes all the lines it may have.
PLAIN = site_shapes(" ".join(["plain"] * 60))


@pytest.mark.slow
@settings(fast, max_examples=30)
@given(anything.filter(lambda t: t.strip()))
def test_any_text_on_every_page_adds_no_element_attribute_or_link(text):
    for kind, shape in site_shapes(text).items():
        extra = shape.elements - PLAIN[kind].elements
        assert not extra, f"{kind}: {extra}"
        assert all(urlparse(url).scheme in ("", "http", "https") for url in shape.urls), (kind, shape.urls)
