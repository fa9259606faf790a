"""The source text of a briefing page, with the sentence behind each claim and evidence item marked.

Every item links to its `<mark>`, so a reader can check it against the words it came from. Marks
nest but cannot cross: an item whose sentence would cross another's links to the mark around
it, or to its paragraph.
"""

from __future__ import annotations

import html
from collections import defaultdict

from markupsafe import Markup

from generator.model import Briefing
from generator.render.environment import light_escape


def mark_sentences(briefing: Briefing) -> tuple[tuple[tuple[int, Markup], ...], dict[str, str]]:
    """(number, Markdown) of each paragraph with the items' sentences marked, and the anchor
    of each item. The headline is paragraph 0, shown when some item comes from it."""
    anchors = {item.id: f"p-{item.paragraph}" for item in (*briefing.claims, *briefing.evidence)}
    items: dict[int, list] = defaultdict(list)
    for css, item in [("claim", c) for c in briefing.claims] + [("evidence", e) for e in briefing.evidence]:
        items[item.paragraph].append((css, item))
    paragraphs = []
    numbered = list(enumerate(briefing.article.paragraphs, start=1))
    if items[0]:
        numbered.insert(0, (0, briefing.article.title))
    for number, text in numbered:
        marks: dict[tuple[int, int], tuple[str, str]] = {}
        spans: dict[str, tuple[int, int]] = {}
        for css, item in items[number]:
            start = text.find(item.sentence) if item.sentence else -1
            if start >= 0:
                spans[item.id] = (start, start + len(item.sentence))
                marks.setdefault(spans[item.id], (css, item.id))
        kept = _nestable(sorted(marks, key=lambda span: (span[0], -span[1])))
        for item_id, span in spans.items():
            around = [k for k in kept if k[0] <= span[0] < k[1]]
            if span in kept or around:
                anchors[item_id] = marks[span if span in kept else max(around, key=lambda k: (k[0], -k[1]))][
                    1
                ]
        paragraphs.append((number, Markup(_marked(text, [(span, marks[span]) for span in kept]))))
    return tuple(paragraphs), anchors


def _nestable(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans (sorted by start, longest first) that nest in or stand apart from those before."""
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if all(end <= s or start >= e or (s <= start and end <= e) for s, e in kept):
            kept.append((start, end))
    return kept


def _marked(text: str, marks: list[tuple[tuple[int, int], tuple[str, str]]]) -> str:
    """The text escaped piece by piece, with a `<mark>` around each span."""
    out: list[str] = []
    position = 0
    open_ends: list[int] = []
    for (start, end), (css, item_id) in marks:
        while open_ends and open_ends[-1] <= start:
            out += [_piece(text[position : open_ends[-1]]), "</mark>"]
            position = open_ends.pop()
        out += [_piece(text[position:start]), f'<mark class="{css}" id="{html.escape(item_id, quote=True)}">']
        position = start
        open_ends.append(end)
    while open_ends:
        out += [_piece(text[position : open_ends[-1]]), "</mark>"]
        position = open_ends.pop()
    out.append(_piece(text[position:]))
    return "".join(out)


def _piece(text: str) -> str:
    """Escaped like any article text, keeping the space at either end that separates it from a mark."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return lead + light_escape(text.strip()) + trail
