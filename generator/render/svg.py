"""Pictures drawn at build time as inline SVG: who speaks for which side, and claims per month.

Nothing is loaded from another host and no script runs; every label is XML-escaped.
"""

from __future__ import annotations

import html

from markupsafe import Markup

from generator.ingest.clean import strip_controls
from generator.model import Briefing, Position


def escape(text: str) -> str:
    """XML-escaped, without the control characters XML cannot hold (a corrections file's ESC)."""
    return html.escape(strip_controls(text))


STANCE_COLOURS = {
    "opposes": "#c62828",
    "warns": "#ef6c00",
    "urges": "#6a1b9a",
    "supports": "#2e7d32",
    "states": "#1565c0",
}
_FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'


def _lines(text: str, width: int, count: int) -> list[str]:
    """Wrap text into at most `count` lines of about `width` characters, with an ellipsis."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
        if len(lines) == count:
            break
    if line and len(lines) < count:
        lines.append(line)
    if len(lines) == count and " ".join(lines) != " ".join(words):
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return lines or [""]


def _text(
    x: float,
    y: float,
    lines: list[str],
    size: int = 13,
    anchor: str = "start",
    weight: str = "normal",
    colour: str = "currentColor",
) -> str:
    spans = "".join(
        f'<tspan x="{x:.0f}" dy="{0 if i == 0 else size + 3}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<text x="{x:.0f}" y="{y:.0f}" font-size="{size}" text-anchor="{anchor}" '
        f'font-weight="{weight}" fill="{colour}" {_FONT}>{spans}</text>'
    )


_ARROW = (
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
    'orient="auto"><path d="M0 0 L10 5 L0 10 z" fill="#607d8b"/></marker></defs>'
)
_ROW = 46
_X_ACTOR, _X_SIDE, _X_POSITION = 20, 330, 560


def actor_map(briefing: Briefing, max_actors: int = 12) -> Markup:
    """Actors → the sides they speak for → each side's position, coloured by stance."""
    speakers = [a for a in briefing.actors if any(c.speaker == a.id for c in briefing.claims)][:max_actors]
    sides = list(briefing.positions)
    if not speakers:
        return Markup("")
    height = max(len(speakers), len(sides), 1) * _ROW + 40
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="actor-map" viewBox="0 0 900 {height}" '
        'width="100%" role="img" aria-labelledby="map-title map-desc">',
        '<title id="map-title">Who speaks for which side</title>',
        f'<desc id="map-desc">{escape(_describe(briefing, speakers))}</desc>',
        _ARROW,
    ]
    actor_y = {a.id: 30 + i * _ROW for i, a in enumerate(speakers)}
    side_y = {p.side: 30 + i * _ROW for i, p in enumerate(sides)}
    parts += _links(briefing, actor_y, side_y)
    for actor in speakers:
        label = actor.name + (f" ({actor.role})" if actor.role else "")
        parts.append(_text(_X_ACTOR, actor_y[actor.id] + 4, _lines(label, 34, 1)))
    for position in sides:
        parts += _side_box(position, side_y[position.side])
    parts += _contradictions(sides, side_y)
    parts.append("</svg>")
    return Markup(f'<div class="briefing-diagram">{"".join(parts)}</div>')


def _links(briefing: Briefing, actor_y: dict[str, int], side_y: dict[str, int]) -> list[str]:
    """A curve from each actor to the side it speaks for, as thick as its claims are many."""
    counts: dict[tuple[str, str], int] = {}
    for claim in briefing.claims:
        actor = briefing.actor(claim.speaker)
        if actor and actor.side and actor.id in actor_y and actor.side in side_y:
            counts[(actor.id, actor.side)] = counts.get((actor.id, actor.side), 0) + 1
    links = []
    for (actor_id, side), n in sorted(counts.items()):
        y1, y2 = actor_y[actor_id], side_y[side]
        curve = f"M{_X_ACTOR + 250} {y1} C{_X_ACTOR + 290} {y1} {_X_SIDE - 40} {y2} {_X_SIDE} {y2}"
        links.append(
            f'<path d="{curve}" stroke="#90a4ae" stroke-width="{min(1 + n, 6)}" fill="none">'
            f"<title>{escape(f'{n} claim(s)')}</title></path>"
        )
    return links


def _side_box(position: Position, y: int) -> list[str]:
    colour = STANCE_COLOURS.get(position.stance, STANCE_COLOURS["states"])
    return [
        f'<rect x="{_X_SIDE}" y="{y - 14}" width="200" height="28" rx="6" fill="{colour}" opacity="0.12" '
        f'stroke="{colour}"/>',
        _text(_X_SIDE + 10, y + 4, _lines(position.side, 26, 1), weight="bold"),
        f'<path d="M{_X_SIDE + 200} {y} L{_X_POSITION - 6} {y}" stroke="{colour}" stroke-width="2" '
        'marker-end="url(#arrow)"/>',
        _text(_X_POSITION, y - 2, _lines(f"{position.stance}: {position.gist}", 52, 2), size=12),
    ]


def _contradictions(sides: list[Position], side_y: dict[str, int]) -> list[str]:
    """A dashed curve between two sides that contradict each other."""
    drawn: set[tuple[str, ...]] = set()
    paths = []
    for position in sides:
        for other in position.opposes:
            pair = tuple(sorted((position.side, other)))
            if other not in side_y or pair in drawn:
                continue
            drawn.add(pair)
            y1, y2 = sorted((side_y[position.side], side_y[other]))
            bend = _X_SIDE + 200 + 14 + 6 * len(drawn)
            curve = f"M{_X_SIDE + 170} {y1 + 14} C{bend} {y1 + 30} {bend} {y2 - 30} {_X_SIDE + 170} {y2 - 14}"
            paths.append(
                f'<path d="{curve}" stroke="{STANCE_COLOURS["opposes"]}" stroke-width="2" '
                'stroke-dasharray="5 3" fill="none">'
                f"<title>{escape(f'{pair[0]} and {pair[1]} contradict each other')}</title></path>"
            )
    return paths


def _describe(briefing: Briefing, speakers) -> str:
    pieces = []
    for actor in speakers:
        if actor.side:
            pieces.append(f"{actor.name} speaks for {actor.side}")
    for position in briefing.positions:
        pieces.append(f"{position.side} {position.stance}: {position.gist}")
        if position.opposes:
            pieces.append(f"{position.side} contradicts {', '.join(position.opposes)}")
    return ". ".join(pieces)[:1000]


def monthly_bars(per_month: tuple[tuple[str, int], ...] | list[tuple[str, int]], label: str) -> Markup:
    """A bar chart of claims per month (YYYY-MM → count), with every month in the range shown."""
    if not per_month:
        return Markup("")
    months = _month_range(per_month[0][0], per_month[-1][0])
    counts = dict(per_month)
    months = months[-36:]
    top = max(counts.get(m, 0) for m in months) or 1
    bar, gap, chart_h = 22, 6, 120
    width = max(len(months) * (bar + gap) + 60, 200)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="monthly-chart" viewBox="0 0 {width} {chart_h + 60}" '
        f'width="{width}" role="img" aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(label)}</title>',
    ]
    for i, month in enumerate(months):
        n = counts.get(month, 0)
        h = chart_h * n / top
        x = 40 + i * (bar + gap)
        parts.append(
            f'<rect x="{x}" y="{20 + chart_h - h:.1f}" width="{bar}" height="{h:.1f}" fill="#3f51b5">'
            f"<title>{escape(f'{month}: {n} claim(s)')}</title></rect>"
        )
        if n:
            parts.append(_text(x + bar / 2, 16 + chart_h - h, [str(n)], size=11, anchor="middle"))
        parts.append(
            f'<text x="{x + bar / 2:.0f}" y="{chart_h + 36}" font-size="10" text-anchor="end" '
            f'transform="rotate(-45 {x + bar / 2:.0f} {chart_h + 36})" fill="currentColor" {_FONT}>'
            f"{escape(month)}</text>"
        )
    parts.append(
        f'<line x1="36" y1="{20 + chart_h}" x2="{width - 10}" y2="{20 + chart_h}" stroke="#9e9e9e"/>'
    )
    parts.append("</svg>")
    return Markup(f'<div class="monthly-chart">{"".join(parts)}</div>')


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    months = []
    while (year, month) <= end and len(months) < 600:
        months.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return months
