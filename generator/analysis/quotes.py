"""Finding quotations by their marks, tolerant of a missing opening or closing mark.

Works on the characters of each paragraph, before and independently of the parse, so that
a quotation of several sentences (or several paragraphs) is one span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[.!?…][”\"’']?\s+(?=[“\"‘'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Quote:
    """A quotation inside one paragraph; offsets are those of the content, marks excluded."""

    paragraph: int
    """0-based paragraph index."""
    start: int
    end: int
    opened: bool = True
    """False when the opening mark is missing and the start was inferred."""
    closed: bool = True
    """False when the closing mark is missing (paragraph end or a new quote was taken as the end)."""
    continues: bool = False
    """The quotation runs on into the next paragraph (which reopens it)."""
    single: bool = False
    """Marked with single quotation marks."""


def find_quotes(paragraphs: list[str] | tuple[str, ...]) -> list[Quote]:
    """All quotations in the article, in reading order."""
    found: list[Quote] = []
    for index, text in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        double = _double_quotes(index, text, following)
        found.extend(double)
        found.extend(_single_quotes(index, text, double))
    return sorted(found, key=lambda q: (q.paragraph, q.start))


def _direction(text: str, i: int) -> str:
    """'open', 'close' or '?' for the double mark at position i."""
    mark = text[i]
    if mark == "“":
        return "open"
    if mark == "”":
        return "close"
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isdigit():
        return "inch"
    space_before = before.isspace() or before in "([{—–-/"
    space_after = after.isspace() or after in ",.;:!?)]}—–"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "?"


def _double_quotes(index: int, text: str, following: str) -> list[Quote]:
    quotes: list[Quote] = []
    open_at: int | None = None
    last_end = 0
    marks = [(i, _direction(text, i)) for i, char in enumerate(text) if char in '“”"']
    marks = [(i, direction) for i, direction in marks if direction != "inch"]
    skip: set[int] = set()
    for n, (i, direction) in enumerate(marks):
        if i in skip:
            continue
        if direction == "?":
            direction = "close" if open_at is not None else "open"
        if direction == "open":
            if open_at is not None:
                if text[open_at:i].strip() and _nested(marks, n):
                    # “… what he calls “hell” than …”: a quotation inside the quotation.
                    skip.add(marks[n + 1][0])
                    continue
                # A new opening before the old one closed: paragraphs run together,
                # or a mark was lost; end the old quotation where the new one begins.
                quotes.append(_make(index, text, open_at, i, closed=False))
            open_at = i + 1
        else:
            if open_at is None:
                start = _orphan_start(text, last_end, i)
                quotes.append(_make(index, text, start, i, opened=False))
            else:
                quotes.append(_make(index, text, open_at, i))
                open_at = None
            last_end = i + 1
    if open_at is not None:
        continues = _starts_with_opener(following)
        quotes.append(_make(index, text, open_at, len(text), closed=False, continues=continues))
    return [quote for quote in quotes if quote.end > quote.start]


def _nested(marks: list[tuple[int, str]], n: int) -> bool:
    """An opening mark inside an open quotation, followed by two closing marks in a row
    (a doubled opening mark, `"“You …,”`, is a slip, not nesting)."""
    after = [direction for _, direction in marks[n + 1 : n + 3]]
    return after == ["close", "close"]


def _orphan_start(text: str, last_end: int, close: int) -> int:
    """Where a quotation whose opening mark is missing most likely began."""
    if last_end == 0:
        return 0
    match = _SENTENCE_END.search(text, last_end, close)
    return match.end() if match else last_end


def _starts_with_opener(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (
        stripped[0] == "“" or (stripped[0] == '"' and len(stripped) > 1 and not stripped[1].isspace())
    )


def _make(index: int, text: str, start: int, end: int, **flags) -> Quote:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return Quote(index, start, end, **flags)


_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(\[—–:]))[‘'](?=[^\s’'])(.{2,300}?)(?<=[^\s])[’'](?=$|[\s,.;:!?)\]—–])"
)


def _single_quotes(index: int, text: str, double: list[Quote]) -> list[Quote]:
    """Quotations in single marks that are not nested in a double-quoted span."""
    quotes = []
    # The double quotations are disjoint and in order: the one that may hold a match is the
    # last to start at or before it (a bisection, not a scan of every quotation per match).
    starts = [q.start - 1 for q in double]
    for match in _SINGLE.finditer(text):
        start, end = match.span(1)
        at = bisect_right(starts, start) - 1
        if at >= 0 and end <= double[at].end + 1:
            continue
        inner = match.group(1)
        # An apostrophe (“the countries’ leaders”) is not a closing mark: require the
        # content to read as a phrase, not a run of words ending in a possessive.
        if inner.count(" ") == 0 and len(inner) < 4:
            continue
        quotes.append(_make(index, text, start, end, single=True))
    return quotes
