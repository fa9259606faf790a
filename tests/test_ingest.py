"""Reading articles: formats, decoding, cleaning, boilerplate, datelines, front matter."""

import pytest

from generator.errors import ArticleError
from generator.ingest.clean import is_boilerplate, normalize, split_paragraphs, take_dateline
from generator.ingest.read import decode, level_one_heading, parse_article


def article(data: bytes | str, name: str = "a.txt"):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return parse_article(data, name, slug="a")


def test_plain_text_first_line_is_headline():
    a = article("Headline here\n\nFirst paragraph.\n\nSecond\nparagraph continues.\n")
    assert a.title == "Headline here"
    assert a.paragraphs == ("First paragraph.", "Second paragraph continues.")
    assert a.format == "text"


def test_reference_article_is_cleaned(reference_article):
    assert reference_article.dateline == "BEIJING"
    assert reference_article.paragraphs[0].startswith("The Chinese government defended")
    text = " ".join(reference_article.paragraphs)
    for line in ("Advertisement", "Subscribe to our newsletter", "Sign up here"):
        assert line not in text
    assert len(reference_article.removed) == 3


@pytest.mark.parametrize(
    "line",
    [
        "- Advertisement -",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Story Continued Below",
        "Subscribe to our newsletter",
        "Sign up for Daily Newsletters Manage Newsletters",
        "Share this article",
        "Media playback is unsupported on your device",
        "Copyright © 2019 The Washington Times, LLC. Click here for reprint permission.",
        "Photo: Reuters/John Smith",
        "(Photo by Jane Doe/Getty Images)",
        "AP Photo/Susan Walsh",
        "Read the rest here.",
    ],
)
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the advertisement campaign would continue.",
        "Share prices fell sharply on Monday.",
        "Read more about the plan, the senator urged voters.",
    ],
)
def test_article_text_is_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_one_paragraph_a_line_as_copied_from_a_web_page():
    long_line = "The minister said on Monday that the new budget would cut spending on roads by a fifth over two years."
    assert len(long_line) > 100
    paragraphs, _ = split_paragraphs(
        f"Live: the budget debate\n{long_line}\nThe opposition called it reckless."
    )
    assert paragraphs == ["Live: the budget debate", long_line, "The opposition called it reckless."]


def test_list_items_stay_apart_and_wrapped_lines_are_joined():
    paragraphs, _ = split_paragraphs(
        "- lower stamp duty\n- a freeze on fuel duty\n\nA paragraph wrapped at\nseventy characters."
    )
    assert paragraphs == [
        "- lower stamp duty",
        "- a freeze on fuel duty",
        "A paragraph wrapped at seventy characters.",
    ]


def test_boilerplate_glued_under_text_is_removed_line_by_line():
    paragraphs, removed = split_paragraphs("Real text here.\nSubscribe to our newsletter\n\nMore text.")
    assert paragraphs == ["Real text here.", "More text."]
    assert removed == ["Subscribe to our newsletter"]


@pytest.mark.parametrize(
    "paragraph, place",
    [
        ("BEIJING, China – The government said so.", "BEIJING"),
        ("WASHINGTON (Reuters) - Officials said so.", "WASHINGTON"),
        ("NEW YORK — A judge ruled.", "NEW YORK"),
        ("New York (AFP) – Vice President Joe Biden spoke.", "New York"),
        ("Biden (AP) - a note on style.", None),
        ("The UN said so.", None),
        ("US officials - some of them - disagreed.", None),
    ],
)
def test_dateline(paragraph, place):
    found, rest = take_dateline(paragraph)
    assert found == place
    if place:
        assert rest[0].isupper()


def test_normalize_quotes_dashes_spaces():
    text = normalize("„Hello“ ― «yes»\u00a0and\u200b ``so'' ''here''")
    assert text == '“Hello“ — “yes” and “so" "here"'


def test_doubled_single_curly_marks_are_double_marks():
    assert (
        normalize("‘‘We will,’’ he said. It’s the countries’ call.")
        == "“We will,” he said. It’s the countries’ call."
    )


def test_a_quotation_mark_glued_to_the_word_before_gets_its_space():
    assert (
        normalize("Ryan said,“Look.” End.“Next.” It’s ‘fine’.")
        == "Ryan said, “Look.” End. “Next.” It’s ‘fine’."
    )


def test_a_closing_mark_typed_where_a_quotation_opens_is_turned():
    assert normalize("He says,” there is no one.” Then: “Yes.”") == "He says,“ there is no one.” Then: “Yes.”"
    # A true closing mark after a verb of speech stays: no second closing mark follows it.
    assert (
        normalize("“We will win,” he said. “Yes,” she said, “and the “resolve.”")
        == "“We will win,” he said. “Yes,” she said, “and the “resolve.”"
    )


def test_decode_utf8_bom_and_windows_1252():
    assert decode("café".encode("utf-8-sig")) == ("café", None)
    text, warning = decode("“smart” café".encode("cp1252"))
    assert text == "“smart” café"
    assert "Windows-1252" in warning


def test_decode_mostly_utf8_with_a_bad_byte_keeps_the_text():
    data = "naïve café ".encode() * 3 + b"\xff" + b" end"
    text, warning = decode(data)
    assert "naïve café" in text and text.endswith("end")
    assert "invalid UTF-8" in warning


def test_markdown_front_matter():
    a = article(
        "---\ntitle: Talks stall\noutlet: Example Times\npublished: 2024-03-05\ntags: [trade, EU]\n---\n\nThe talks *stalled*, officials said.\n",
        "talks.md",
    )
    assert a.title == "Talks stall"
    assert a.outlet == "Example Times"
    assert a.published == "2024-03-05"
    assert a.tags == ("EU", "trade")
    assert a.paragraphs == ("The talks stalled, officials said.",)
    assert a.warnings == ()


@pytest.mark.parametrize(
    "front, message",
    [
        ("title: [unclosed", "not valid YAML"),
        ("- a\n- b", "must be a mapping"),
        ("title: T\ncolour: red", "'colour' is not known"),
        ("title: T\npublished: next tuesday", "does not parse"),
    ],
)
def test_bad_front_matter_is_a_warning_not_a_failure(front, message):
    a = article(f"---\n{front}\n---\n\n# Heading\n\nBody text of the article.\n", "bad.md")
    assert any(message in w for w in a.warnings), a.warnings
    assert a.paragraphs == ("Body text of the article.",)


def test_markdown_heading_is_title():
    a = article("# The headline\n\nBody.\n", "x.md")
    assert a.title == "The headline" and a.paragraphs == ("Body.",)


def test_html_page_through_trafilatura():
    page = """<!doctype html><html><head><title>Ministers meet | Example News</title>
    <meta property="og:site_name" content="Example News"><meta name="date" content="2024-05-01"></head>
    <body><nav>Home | World | Subscribe</nav><article><h1>Ministers meet</h1>
    <p>Foreign ministers met in Geneva on Tuesday to discuss the ceasefire, officials said.</p>
    <p>“We are making progress,” said the Swiss foreign minister, Anna Keller, after the talks ended late.</p>
    </article><footer>Copyright Example News</footer></body></html>"""
    a = article(page, "page.html")
    assert a.format == "html"
    assert "Ministers meet" in a.title
    assert any("making progress" in p for p in a.paragraphs)
    assert not any("Subscribe" in p for p in a.paragraphs)


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty"),
        (b"   \n\t\n", "whitespace"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"Headline only\n", "no article text"),
        (b"Title\n\n- Advertisement -\n\nSubscribe to our newsletter\n", "boilerplate"),
    ],
)
def test_unusable_files_raise_article_error(data, problem):
    with pytest.raises(ArticleError) as error:
        article(data)
    assert problem in str(error.value)
    assert str(error.value).startswith("a.txt: ")


def test_html_without_article_text():
    with pytest.raises(ArticleError, match="no article text"):
        article("<html><body><nav>Home</nav></body></html>", "empty.html")


@pytest.mark.parametrize(
    "line, heading",
    [
        ("# Ministers split", "Ministers split"),
        ("#   Ministers split  ##", "Ministers split"),
        ("# Why C# matters", "Why C# matters"),
        ("# ", ""),
        ("## Second level", None),
        ("#hashtag", None),
        ("Plain line", None),
    ],
)
def test_level_one_heading(line, heading):
    assert level_one_heading(line) == heading
