"""What the whole site knows of an actor, lent to the briefings that say less.

An article that names Mr Obama without saying whose he is still has him speak for the United
States, when the site's other briefings say so: one side, given by at least half of the
briefings that have him and contradicted by none. What an article says wins; analysts'
corrections are applied after and win over both.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from generator.model import Briefing
from generator.site.catalog import group_actors

_SIDED_KINDS = ("person", "government", "organization", "media")


def share_sides(briefings: list[Briefing]) -> list[Briefing]:
    """The briefings, each actor without a side given the one the rest of the site agrees on."""
    learned: dict[tuple[str, str], str] = {}
    for mentions in group_actors(briefings):
        sides = Counter(m.actor.side for m in mentions if m.actor.side)
        if len(sides) != 1:
            continue
        side, count = sides.most_common(1)[0]
        if count * 2 < len(mentions):
            continue
        for m in mentions:
            if m.actor.side is None and m.actor.kind in _SIDED_KINDS:
                learned[(m.briefing.article.path, m.actor.id)] = side
    if not learned:
        return briefings
    return [_with_sides(b, learned) for b in briefings]


def _with_sides(briefing: Briefing, learned: dict[tuple[str, str], str]) -> Briefing:
    path = briefing.article.path
    if not any((path, a.id) in learned for a in briefing.actors):
        return briefing
    actors = tuple(
        replace(a, side=learned[(path, a.id)], side_learned=True) if (path, a.id) in learned else a
        for a in briefing.actors
    )
    return replace(briefing, actors=actors)
