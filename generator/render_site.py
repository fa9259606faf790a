"""Every generated file of the site, from all briefings at once (gather, then write)."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from typing import TYPE_CHECKING

from .export import schema, to_json
from .model import Briefing
from .render import environment

if TYPE_CHECKING:
    from .site import Config


def newest_first(briefings: list[Briefing] | tuple[Briefing, ...]) -> list[Briefing]:
    """By publication date, newest first; undated briefings last, by title."""
    dated = sorted((b for b in briefings if b.article.published), key=lambda b: (b.article.published, b.article.slug), reverse=True)
    undated = sorted((b for b in briefings if not b.article.published), key=lambda b: (b.article.title.casefold(), b.article.slug))
    return dated + undated


def pages_of(items: list, per_page: int) -> list[list]:
    """Split a list into pages of at most `per_page` items (at least one page)."""
    if not items:
        return [[]]
    count = math.ceil(len(items) / per_page)
    return [items[i * per_page:(i + 1) * per_page] for i in range(count)]


def page_name(number: int) -> str:
    return "index.md" if number == 1 else f"page-{number}.md"


def render_site(briefings: list[Briefing], config: "Config") -> dict[str, str]:
    """Path → content of every generated file."""
    env = environment(config.templates)
    ordered = newest_first(briefings)
    files: dict[str, str] = {}
    common = {"site_name": config.site_name}
    for briefing in ordered:
        slug = briefing.article.slug
        files[f"briefings/{slug}.md"] = env.get_template("briefing.md.j2").render(b=briefing, **common, **briefing_context(briefing))
        files[f"briefings/{slug}.json"] = to_json(briefing)
    pages = pages_of(ordered, config.per_page)
    for number, page in enumerate(pages, start=1):
        files[f"briefings/{page_name(number)}"] = env.get_template("briefings_index.md.j2").render(
            briefings=page, number=number, pages=len(pages), page_name=page_name, total=len(ordered), **common
        )
    files["index.md"] = env.get_template("home.md.j2").render(
        latest=ordered[:10], total=len(ordered), sides=side_counts(ordered), **common
    )
    files["schema/briefing.schema.json"] = json.dumps(schema(), indent=2, sort_keys=True) + "\n"
    files["assets/briefings.css"] = env.get_template("briefings.css").render()
    return files


def briefing_context(briefing: Briefing) -> dict:
    """Lookups the briefing template needs: actors by id, claims grouped by speaker."""
    actors = {a.id: a for a in briefing.actors}
    claims = {c.id: c for c in briefing.claims}
    groups: dict[str | None, list] = defaultdict(list)
    for claim in briefing.claims:
        groups[claim.speaker].append(claim)
    order = [a.id for a in briefing.actors if a.id in groups]
    by_speaker = [(actors[key], groups[key]) for key in order]
    unattributed = groups.get(None, [])
    return {"actors": actors, "claims": claims, "by_speaker": by_speaker, "unattributed": unattributed}


def side_counts(briefings: list[Briefing]) -> list[tuple[str, int]]:
    counts: dict[str, int] = defaultdict(int)
    for briefing in briefings:
        for position in briefing.positions:
            counts[position.side] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
