"""Small text helpers shared by the stages: slugs, stable ids, sentences and word overlap."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_NON_SLUG = re.compile(r"[^a-z0-9]+")

# Names a generated page must not take: the index pages of a folder and their later pages
# (with "page" itself, whose numbered variants would be those pages), the site's own folders,
# and the device names Windows refuses as file names (sites are checked out and served there).
RESERVED_SLUGS = frozenset(
    {"index", "assets", "search", "404", "sitemap", "con", "prn", "aux", "nul"}
    | {f"{device}{n}" for device in ("com", "lpt") for n in range(1, 10)}
)
_PAGE = re.compile(r"page(-\d+)?")


def slugify(text: str, max_length: int = 80) -> str:
    """ASCII, lowercase, hyphen-separated; look-alike letters folded; never a path."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    slug = _NON_SLUG.sub("-", text.lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")


def is_reserved(slug: str) -> bool:
    """Whether a page of this name would replace an index page or trouble a file system."""
    return slug in RESERVED_SLUGS or bool(_PAGE.fullmatch(slug))


def unique_slug(text: str, taken: set[str], kind: str) -> str:
    """A page name for `text` that no other page in `taken` has, and that is never reserved.

    `kind` ("briefing", "actor") names the page when the text has no letters, and prefixes
    a reserved name ("Index" becomes `actor-index`). The result is added to `taken`.
    """
    base = slugify(text) or kind
    if is_reserved(base):
        base = f"{kind}-{base}"
    slug, n = base, 2
    while slug in taken or is_reserved(slug):
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def place(paragraph: int) -> str:
    """Where in the article an item is: "¶ 3", or "headline" for paragraph 0."""
    return "headline" if paragraph == 0 else f"¶ {paragraph}"


def stable_id(prefix: str, text: str, seen: dict[str, int]) -> str:
    """An id from the words of the text, so edits elsewhere in the article leave it alone."""
    words = " ".join(re.findall(r"\w+", text.casefold()))
    digest = hashlib.sha1(words.encode("utf-8")).hexdigest()[:8]
    key = f"{prefix}-{digest}"
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}-{seen[key]}"


def token_starts(doc: Doc) -> list[int]:
    """The character offset of each token, kept on the parse: found by bisection, so that
    looking a character up once a claim is not a scan of the paragraph each time."""
    starts = doc.user_data.get("briefings.token_starts")
    if starts is None:
        starts = doc.user_data["briefings.token_starts"] = [t.idx for t in doc]
    return starts


def sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """The first and last characters of each sentence, kept on the parse (`Doc.sents` walks
    every token at each call)."""
    bounds = doc.user_data.get("briefings.sentences")
    if bounds is None:
        sentences = list(doc.sents)
        bounds = ([s.start_char for s in sentences], [s.end_char for s in sentences])
        doc.user_data["briefings.sentences"] = bounds
    return bounds


def sentence_around(doc: Doc, start: int, end: int, text: str | None = None) -> str:
    """The sentence or sentences that hold the characters start..end, from `text` (the words as
    written, when the parse was of another casing) or the parse's own."""
    text = doc.text if text is None else text
    starts, ends = sentence_bounds(doc)
    first = bisect_right(ends, start)  # the first sentence that ends after `start`
    last = bisect_left(starts, end) - 1  # the last that begins before `end`
    if first >= len(ends) or last < 0:
        return text.strip()
    return text[starts[first] : ends[last]].strip()


_WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str | None) -> list[str]:
    """The words of a text, case-folded, as the scorer counts them."""
    return _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold())


def overlap(a: str, b: str) -> float:
    """Word-level F1 of two texts (the scorer's measure of two claims being one)."""
    wa, wb = Counter(words(a)), Counter(words(b))
    total = sum(wa.values()) + sum(wb.values())
    return 2 * sum((wa & wb).values()) / total if total else 0.0
