"""Reading one article file (plain text, Markdown with front matter, or saved HTML) into an `Article`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ArticleError
from generator.ingest.clean import drop_kicker, normalize, split_paragraphs, strip_controls, take_dateline
from generator.ingest.yamlfile import YamlError, kind, load
from generator.model import Article

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES

FRONT_MATTER_KEYS = {"title", "outlet", "url", "published", "author", "tags", "bias", "date", "source"}

_BINARY_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass
class Source:
    """What a reader of one format hands back before cleaning."""

    title: str | None
    body: str
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def read_article(path: Path, root: Path, *, slug: str = "", max_bytes: int = 5_000_000) -> Article:
    """Read, decode, clean and split one article.

    Raises:
        ArticleError: the file cannot become a briefing (empty, binary, too large, no text).
    """
    name = article_name(path, root)
    data = read_bytes(path, name, max_bytes)
    return parse_article(data, name, slug=slug or path.stem)


def article_name(path: Path, root: Path) -> str:
    """The name problems and pages give a file: its path under `root`, as text a page can hold."""
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
    # Bytes of a file name that are not UTF-8 arrive as lone surrogates, which no page can hold.
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    """The file's bytes, refusing what cannot be an article before reading it all."""
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A pipe or a device would block the build or never end.
            raise ArticleError(name, "is not a regular file (a pipe, socket or device); skipped")
        if status.st_size > max_bytes:
            raise ArticleError(name, _too_large(status.st_size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise ArticleError(name, f"cannot be read ({error.strerror or error})") from None
    if len(data) > max_bytes:  # it grew while we looked
        raise ArticleError(name, _too_large(len(data), max_bytes))
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for an article (option max_size)"


def parse_article(data: bytes, name: str, *, slug: str) -> Article:
    """Turn the bytes of a file called `name` into an `Article`."""
    if not data.strip():
        raise ArticleError(name, "file is empty" if not data else "file holds only whitespace")
    kind = binary_kind(data)
    if kind:
        raise ArticleError(name, f"file is {kind}, not text; save the article as .txt, .md or .html")
    text, decoding_warning = decode(data)
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in SUFFIXES and looks_like_html(text)):
        source = read_html(text, name)
        fmt = "html"
    elif suffix in MARKDOWN_SUFFIXES:
        source = read_markdown(text, name)
        fmt = "markdown"
    else:
        source = read_text(text)
        fmt = "text"
    if decoding_warning:
        source.warnings.insert(0, decoding_warning)
    return build_article(source, name, slug, fmt, hashlib.sha256(data).hexdigest())


def article_format(name: str) -> str:
    """The format a file's name gives it ("html", "markdown", "text"; "other" leaves it to
    its content), part of the cache key: renaming a file can change how it is read."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text" if suffix in TEXT_SUFFIXES else "other"


def binary_kind(data: bytes) -> str | None:
    """Name the kind of a binary file, or None for text."""
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return name
    sample = data[:4096]
    if b"\x00" in sample and not (sample.startswith((b"\xff\xfe", b"\xfe\xff"))):
        return "binary data"
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    if controls > len(sample) * 0.05:
        return "binary data"
    return None


def decode(data: bytes) -> tuple[str, str | None]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    Returns the text and a warning when the bytes were not clean UTF-8.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        position = error.start
    # Valid multi-byte sequences elsewhere mean UTF-8 with a few bad bytes, not another encoding.
    lenient = data.decode("utf-8-sig", errors="replace")
    bad = lenient.count("\ufffd")
    multibyte = sum(1 for char in lenient if ord(char) > 127 and char != "\ufffd")
    if multibyte > bad:
        return lenient, f"invalid UTF-8 at byte {position}; {bad} bad byte(s) replaced with U+FFFD"
    text = data.decode("cp1252", errors="replace")
    return text, "not UTF-8; decoded as Windows-1252"


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def read_text(text: str) -> Source:
    """Plain text: the first non-empty line is the headline."""
    text = normalize(text)
    lines = text.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    title = lines[0].strip() if lines else None
    return Source(title=title, body="\n".join(lines[1:]))


def read_markdown(text: str, name: str) -> Source:
    """Markdown with optional YAML front matter; the body is reduced to plain paragraphs."""
    text = strip_controls(normalize_newlines(text)).lstrip("\ufeff")
    meta, warnings = {}, []
    match = _FRONT_MATTER.match(text)
    if match:
        text = text[match.end() :]
        meta, warnings = parse_front_matter(match.group(1), name)
    elif text.startswith("---\n"):
        warnings.append("front matter opened with '---' is never closed; it was read as article text")
    lines = text.split("\n")
    title = meta.get("title")
    while lines and not lines[0].strip():
        lines.pop(0)
    heading = level_one_heading(lines[0]) if lines else None
    if heading is not None:
        # A leading level-one heading is the headline (or repeats the one in front matter).
        title = title or heading
        lines.pop(0)
    if not title and len(lines) > 1 and re.match(r"^=+\s*$", lines[1]):
        title = lines[0].strip()
        del lines[:2]
    body = markdown_to_text(bounded_brackets("\n".join(lines)))
    if not title:
        first, _, rest = body.strip().partition("\n")
        title, body = first, rest
    return Source(title=normalize(str(title)), body=normalize(body), meta=meta, warnings=warnings)


def level_one_heading(line: str) -> str | None:
    """The text of a Markdown "# Heading" line, closing hashes dropped; None for another line.

    String methods, not the pattern `^#\\s+(.*?)\\s*#*\\s*$`, which backtracked cubically on a
    long run of spaces (reliability review F-2)."""
    if line[:1] != "#" or not line[1:2].isspace():
        return None
    text = line[1:].strip()
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1].isspace()):
        text = closed.rstrip()
    return text


def read_html(text: str, name: str) -> Source:
    """A saved web page: main text and metadata through trafilatura."""
    import trafilatura

    document = trafilatura.bare_extraction(
        text,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        with_metadata=True,
        favor_precision=True,
        deduplicate=True,
        output_format="python",
    )
    # Menus and footers of a page without an article still yield a few words.
    if document is None or len((document.text or "").split()) < 15:
        raise ArticleError(name, "HTML page has no article text that could be extracted")
    meta = {
        "outlet": document.sitename,
        "url": document.url,
        "published": document.date,
        "author": document.author,
    }
    warnings: list[str] = []
    meta = {key: value for key, value in meta.items() if value}
    if "published" in meta:
        meta["published"], problem = parse_date(meta["published"])
        if problem:
            meta.pop("published")
    body = normalize(document.text)
    paragraphs = "\n\n".join(line for line in body.split("\n") if line.strip())
    return Source(title=normalize(document.title or ""), body=paragraphs, meta=meta, warnings=warnings)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


MAX_BRACKETS = 64
"""Opening brackets in one Markdown block before they stop opening links and images."""


def bounded_brackets(body: str) -> str:
    """The Markdown with every `[` written as `&#91;` in a block holding more than `MAX_BRACKETS` of them.

    Python-Markdown takes time quadratic in the unclosed brackets of a block (4,000 `![` took
    13 s, 20,000 minutes; a backslash escape after `!` is as slow); a character reference costs
    nothing, and shows as the bracket."""
    blocks = body.split("\n\n")
    return "\n\n".join(b.replace("[", "&#91;") if b.count("[") > MAX_BRACKETS else b for b in blocks)


def markdown_to_text(body: str) -> str:
    """Render Markdown and keep the text of its blocks, one paragraph each."""
    import markdown
    from lxml import html as lxml_html

    rendered = markdown.markdown(body, output_format="html")
    if not rendered.strip():
        return ""
    tree = lxml_html.fragment_fromstring(rendered, create_parent="div")
    return "\n\n".join(_blocks(tree))


_BLOCKS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td")


def _blocks(tree) -> list[str]:
    """The text of each block, in order. A top-level element that holds no block (raw HTML: a
    `<div>` an article wraps its paragraphs in) is a block of its own, never lost."""
    blocks = []
    for child in tree:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            continue
        inner = list(child.iter(*_BLOCKS))
        if not inner:
            inner = [child]
        for element in inner:
            if element.tag in ("blockquote", "li") and element.find("p") is not None:
                continue
            text = " ".join(element.text_content().split())
            if text:
                blocks.append(text)
    return blocks


def parse_front_matter(block: str, name: str) -> tuple[dict, list[str]]:
    """Validate front matter; every problem becomes a warning and the key is dropped."""
    try:
        data, repaired = load(block, first_line=2)
    except YamlError as error:
        where = f" at line {error.line}" if error.line else ""
        return {}, [f"front matter is not valid YAML{where}; it was ignored"]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [f"front matter must be a mapping of keys to values, not a {kind(data)}; it was ignored"]
    meta, warnings = {}, [f"front matter {message}" for message in repaired]
    for key in sorted(data, key=str):
        value = data[key]
        if key not in FRONT_MATTER_KEYS:
            warnings.append(
                f"front matter key {key!r} is not known (known: {', '.join(sorted(FRONT_MATTER_KEYS))}); "
                "it was ignored"
            )
            continue
        target = {"date": "published", "source": "outlet"}.get(key, key)
        if target == "published":
            parsed, problem = parse_date(value)
            if problem:
                warnings.append(f"front matter {key!r}: {problem}; the date was ignored")
            else:
                meta[target] = parsed
        elif target == "tags":
            if isinstance(value, str):
                value = [part.strip() for part in value.split(",")]
            if not isinstance(value, list) or not all(isinstance(tag, (str, int, float)) for tag in value):
                warnings.append("front matter 'tags' must be a list of words; it was ignored")
                continue
            meta[target] = tuple(sorted({str(tag).strip() for tag in value if str(tag).strip()}))
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            meta[target] = " ".join(str(value).split())
        elif value is not None:
            warnings.append(f"front matter {key!r} must be text, not a {kind(value)}; it was ignored")
    return meta, warnings


def parse_date(value) -> tuple[str | None, str | None]:
    """An ISO date from a YAML date, a datetime or a string; or a problem."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), None
    if isinstance(value, dt.date):
        return value.isoformat(), None
    if not isinstance(value, (str, int, float)):
        # Never str() a YAML list or mapping: aliases can make it billions of items long.
        return None, f"a date must be written as YYYY-MM-DD, not as a {kind(value)}"
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y-%m"):
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat(), None
        except ValueError:
            continue
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat(), None
    except ValueError:
        return None, f"date {text[:40]!r} does not parse (write it as YYYY-MM-DD)"


MAX_LINES = 10_000
"""Lines of one article's text; cleaning judges each line, so more would take a minute (a
long news article has a few hundred lines, 100 KB wrapped at 72 columns 1,400)."""


def build_article(source: Source, name: str, slug: str, fmt: str, digest: str) -> Article:
    """Clean the body, take the dateline and assemble the `Article`."""
    lines = source.body.count("\n")
    if lines > MAX_LINES:
        raise ArticleError(name, f"has {lines:,} lines, over the {MAX_LINES:,} an article may have")
    title = " ".join((source.title or "").split()).strip()
    paragraphs, removed = split_paragraphs(source.body)
    if title and paragraphs and paragraphs[0] == title:
        paragraphs.pop(0)
    paragraphs, kicker = drop_kicker(paragraphs, title)
    removed += kicker
    if not paragraphs:
        problem = "holds nothing but boilerplate" if removed else "has a headline but no article text"
        if not title:
            problem = "has no article text"
        raise ArticleError(name, problem)
    dateline, first = take_dateline(paragraphs[0])
    if dateline:
        paragraphs[0] = first
    if not title:
        title = Path(name).stem
    meta = source.meta
    return Article(
        path=name,
        slug=slug,
        title=title[:300],
        paragraphs=tuple(paragraphs),
        format=fmt,
        outlet=meta.get("outlet"),
        url=meta.get("url"),
        published=meta.get("published"),
        author=meta.get("author"),
        tags=tuple(meta.get("tags", ())),
        dateline=dateline,
        bias=meta.get("bias"),
        removed=tuple(removed),
        digest=digest,
        warnings=tuple(source.warnings),
    )
