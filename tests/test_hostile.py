"""Hostile and broken articles: each one is reported by name, and the rest of the site is built.

`HOSTILE` states each input beside the warning it must get. The same table is then built as one
MkDocs site: without --strict the good briefing is published and the folder of articles is left
byte for byte as it was; with --strict the build fails with the same messages and no traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.build import build
from generator.config import BuildConfig as Config
from tests.conftest import ROOT
from tests.test_site import make_project, mkdocs_build

MAX_SIZE = 20_000

GOOD = """Ministers split over shipping lanes

OSLO — Arctic ministers failed to agree on new shipping rules on Monday.

“We cannot accept routes that put our coastline at risk,” said Norwegian Foreign Minister Ingrid Dahl.
"""

BROKEN_UTF8 = "Café owners protest\n\nThe café owners said the naïve plan would fail, officials confirmed.\n".encode().replace(
    b"would", b"wo\xffuld"
)
BAD_BYTE = BROKEN_UTF8.index(b"\xff")

# Every level holds nine of the one before: str() of the last would be 9**7 items long.
ALIAS_BOMB = (
    "published: ["
    + ", ".join(f"&l{n} [" + ", ".join([f"*l{n - 1}" if n else '"lol"'] * 9) + "]" for n in range(7))
    + "]"
)


def fifo(path: Path) -> None:
    os.mkfifo(path)


def link_to(target: str):
    def make(path: Path) -> None:
        path.symlink_to(target)

    return make


def markdown(front: str, heading: str) -> str:
    return f"---\n{front}\n---\n\n# {heading}\n\nThe talks stalled on Tuesday, officials said.\n"


KNOWN_KEYS = "author, bias, date, outlet, published, source, tags, title, url"
NOT_TEXT = "not text; save the article as .txt, .md or .html"

# (file name, content — or a function that makes it, the warning it gets or None when it must be built without one)
HOSTILE = [
    ("empty.txt", b"", "file is empty"),
    ("blank.txt", b"  \n\t\r\n  \n", "file holds only whitespace"),
    (
        "scan.txt",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>",
        f"file is a PDF document, {NOT_TEXT}",
    ),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", f"file is a PNG image, {NOT_TEXT}"),
    ("photo.md", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", f"file is a JPEG image, {NOT_TEXT}"),
    (
        "report.html",
        b"PK\x03\x04\x14\x00\x06\x00word/document.xml",
        f"file is a ZIP archive (or a Word/OpenDocument file), {NOT_TEXT}",
    ),
    ("noise.txt", bytes(range(256)) * 4, f"file is binary data, {NOT_TEXT}"),
    (
        "windows-1252.txt",
        "“Smart” quotes in Zürich\n\nThe mayor of Zürich said the “plan” would go ahead.\n".encode("cp1252"),
        "not UTF-8; decoded as Windows-1252",
    ),
    ("broken-utf8.txt", BROKEN_UTF8, f"invalid UTF-8 at byte {BAD_BYTE}; 1 bad byte(s) replaced with U+FFFD"),
    (
        "huge.txt",
        b"Big\n\n" + b"word " * 5000,
        f"file is 25,005 bytes, over the {MAX_SIZE:,}-byte limit for an article (option max_size)",
    ),
    (
        "bad-yaml.md",
        markdown("title: [unclosed", "Unclosed"),
        "front matter is not valid YAML at line 2; it was ignored",
    ),
    (
        "list-front-matter.md",
        markdown("- a\n- b", "A list"),
        "front matter must be a mapping of keys to values, not a list; it was ignored",
    ),
    (
        "unknown-key.md",
        markdown("colour: red", "Talks stall"),
        f"front matter key 'colour' is not known (known: {KNOWN_KEYS}); it was ignored",
    ),
    (
        "bad-date.md",
        markdown("published: next tuesday", "Talks stall again"),
        "front matter 'published': date 'next tuesday' does not parse (write it as YYYY-MM-DD); the date was ignored",
    ),
    (
        "alias-bomb.md",
        markdown(ALIAS_BOMB, "Talks stall once more"),
        "front matter 'published': a date must be written as YYYY-MM-DD, not as a list; the date was ignored",
    ),
    (
        "never-closed.md",
        "---\ntitle: Open\n\nThe talks stalled on Tuesday, officials said.\n",
        "front matter opened with '---' is never closed; it was read as article text",
    ),
    (
        "menu.html",
        "<html><body><nav>Home | World | Sport</nav><footer>© Example</footer></body></html>",
        "HTML page has no article text that could be extracted",
    ),
    (
        "boilerplate.txt",
        "Title\n\n- Advertisement -\n\nSubscribe to our newsletter\n\nShare this article\n",
        "holds nothing but boilerplate",
    ),
    ("headline-only.txt", "Just a headline\n", "has a headline but no article text"),
    ("duplicate.txt", GOOD, "has the same title as arctic.txt: 'Ministers split over shipping lanes'"),
    (
        "notes.docx",
        b"PK\x03\x04",
        "not an article: only .htm, .html, .markdown, .md, .text, .txt files are read",
    ),
    ("pipe.txt", fifo, "is not a regular file (a pipe, socket or device); skipped"),
    (
        "passwords.txt",
        link_to("/etc/passwd"),
        "is a symbolic link to a place outside the briefings folder; not followed",
    ),
    ("system", link_to("/etc"), "is a symbolic link to a place outside the briefings folder; not followed"),
    ("dangling.txt", link_to("/nonexistent/article.txt"), "is a broken symbolic link; skipped"),
    ("story-yaml/briefing.yml", "title: [unclosed\n", "briefing.yml is not valid YAML at line 2"),
    ("story-list/briefing.yml", "- a\n- b\n", "briefing.yml must be a mapping with at least a 'title'"),
    (
        "story-empty/briefing.yml",
        "title: A story without articles\n",
        "a multi-source briefing needs at least two readable articles; it has 0",
    ),
]

# Built as briefings with no warning at all: odd names and text that is only odd.
QUIET = [
    ("bad\udcff\nname.txt", "Odd file name\n\nThe minister said on Monday that the plan would go ahead.\n"),
    (
        "\u202eexe.txt.md",
        "# Right to left override\n\nThe minister said on Monday that the plan would go ahead.\n",
    ),
    (
        "long-name-" * 24 + ".txt",
        "A headline of five hundred characters " * 13
        + "\n\nThe minister said on Monday that the plan would go ahead.\n",
    ),
    (
        "controls.txt",
        "Bell \x07 and escape \x1b[31m red\n\nThe minister said \x1b[2J on Monday that the plan would go ahead, and the opposition leader said it would not.\n",
    ),
]


def write_articles(folder: Path, cases) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "arctic.txt").write_text(GOOD, encoding="utf-8")
    for name, content, *_ in cases:
        path = folder / name
        path.parent.mkdir(exist_ok=True)
        if callable(content):
            content(path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8", "surrogateescape"))


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory):
    """One extraction cache for the module, so the good article is parsed once."""
    return tmp_path_factory.mktemp("cache")


@pytest.mark.parametrize("name, content, message", HOSTILE, ids=[case[0] for case in HOSTILE])
def test_each_hostile_input_gets_one_warning_naming_it(tmp_path, shared_cache, name, content, message):
    write_articles(tmp_path / "briefings", [(name, content)])
    site = build(Config(source=tmp_path / "briefings", cache_dir=shared_cache, jobs=1, max_bytes=MAX_SIZE))
    assert [str(p) for p in site.problems] == [f"{name}: {message}"]
    assert "briefings/arctic.md" in dict(site.files)


@pytest.mark.parametrize(
    "name, text",
    QUIET,
    ids=["undecodable-name", "rtl-override-name", "long-name-and-title", "control-characters"],
)
def test_odd_names_and_characters_still_make_a_briefing(tmp_path, shared_cache, name, text):
    write_articles(tmp_path / "briefings", [(name, text)])
    site = build(Config(source=tmp_path / "briefings", cache_dir=shared_cache, jobs=1))
    assert site.problems == ()
    assert len(site.briefings) == 2
    for path, content in site.files:
        assert len(path) <= 100
        content.encode("utf-8")  # no lone surrogate reaches a page
        assert "\x1b" not in content and "\x07" not in content, path


def test_the_default_limit_is_five_megabytes(tmp_path, shared_cache):
    write_articles(tmp_path / "briefings", [])
    with open(tmp_path / "briefings" / "dump.txt", "wb") as handle:
        handle.truncate(5_000_001)  # sparse: refused from its size, never read
    site = build(Config(source=tmp_path / "briefings", cache_dir=shared_cache, jobs=1))
    assert [str(p) for p in site.problems] == [
        "dump.txt: file is 5,000,001 bytes, over the 5,000,000-byte limit for an article (option max_size)"
    ]


def test_a_file_name_cannot_forge_a_log_line_or_drive_the_terminal(tmp_path, shared_cache):
    write_articles(tmp_path / "briefings", [("x\nINFO    -  all good \x1b[2J.txt", b"")])
    site = build(Config(source=tmp_path / "briefings", cache_dir=shared_cache, jobs=1))
    assert [str(p) for p in site.problems] == ["x\\nINFO    -  all good \\x1b[2J.txt: file is empty"]


def test_decoded_text_is_kept_not_dropped(tmp_path, shared_cache):
    cases = [case for case in HOSTILE if case[0] in ("windows-1252.txt", "broken-utf8.txt")]
    write_articles(tmp_path / "briefings", cases)
    site = build(Config(source=tmp_path / "briefings", cache_dir=shared_cache, jobs=1))
    pages = dict(site.files)
    assert "The mayor of Zürich said the “plan” would go ahead." in pages["briefings/windows-1252.md"]
    assert "The café owners said the naïve plan wo\ufffduld fail" in pages["briefings/broken-utf8.md"]


def snapshot(folder: Path) -> dict[str, object]:
    """Every entry under `folder`: file bytes, link targets, and the kind of anything else."""
    found: dict[str, object] = {}
    for dirpath, dirnames, filenames in os.walk(folder):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            key = path.relative_to(folder).as_posix()
            if path.is_symlink():
                found[key] = ("link", os.readlink(path))
            elif path.is_file():
                found[key] = path.read_bytes()
            else:
                found[key] = ("kind", os.stat(path).st_mode >> 12)
    return found


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory, shared_cache):
    """A project whose briefings folder holds every hostile input next to one good article."""
    folder = tmp_path_factory.mktemp("hostile")
    config = make_project(
        folder, {}, extra_plugin=f"      max_size: {MAX_SIZE}\n      cache_dir: {shared_cache}\n"
    )
    write_articles(folder / "briefings", HOSTILE + [(name, text) for name, text in QUIET])
    return config


def test_non_strict_build_publishes_the_rest_and_leaves_the_articles_alone(hostile_project, caplog):
    source = hostile_project.parent / "briefings"
    before = snapshot(source)
    site = mkdocs_build(hostile_project, strict=False)
    assert snapshot(source) == before
    assert "Ministers split over shipping lanes" in (site / "briefings" / "arctic" / "index.html").read_text(
        encoding="utf-8"
    )
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    for name, _, message in HOSTILE:
        assert f"briefings: {name}: {message}" in warnings
    assert len(warnings) == len(HOSTILE), warnings
    assert "Traceback" not in caplog.text


def test_strict_build_fails_with_the_same_messages_and_no_traceback(hostile_project):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(hostile_project)],
        capture_output=True,
        text=True,
        cwd=hostile_project.parent,
        timeout=300,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},  # the code under test
    )
    assert result.returncode == 1
    for name, _, message in HOSTILE:
        assert f"WARNING -  briefings: {name}: {message}\n" in result.stderr
    assert f"Aborted with {len(HOSTILE)} warnings in strict mode!" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_render_warns_and_writes_the_rest(hostile_project, tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["render", str(tmp_path / "out"), "--config", str(hostile_project)])
    assert result.exit_code == 0, result.output
    for name, _, message in HOSTILE:
        assert f"Warning: {name}: {message}\n" in result.output
    assert (tmp_path / "out" / "briefings" / "arctic.md").exists()
    assert "Traceback" not in result.output


def test_cli_extract_of_a_binary_file_is_one_line(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.4 binary")
    result = CliRunner().invoke(main, ["extract", str(tmp_path / "scan.txt")])
    assert result.exit_code == 1
    assert result.output == f"Error: scan.txt: file is a PDF document, {NOT_TEXT}\n"


def test_front_matter_that_is_not_text_never_becomes_text():
    from generator.ingest.read import parse_article

    front = yaml.safe_dump({"title": ["a", "list"], "outlet": {"a": 1}, "tags": "x, y", "author": True})
    article = parse_article(markdown(front, "Heading").encode(), "odd.md", slug="odd")
    assert article.title == "Heading" and article.outlet is None and article.author is None
    assert article.tags == ("x", "y")
    assert sorted(article.warnings) == [
        "front matter 'author' must be text, not a bool; it was ignored",
        "front matter 'outlet' must be text, not a dict; it was ignored",
        "front matter 'title' must be text, not a list; it was ignored",
    ]
