"""A side the rest of the site agrees on is lent to the briefings that give none."""

from __future__ import annotations

from dataclasses import replace

from generator.model import Actor
from generator.site.shared import share_sides
from tests.conftest import briefing_of


def _with(briefing, *actors):
    return replace(
        briefing,
        actors=tuple(actors),
        article=replace(briefing.article, path=f"{actors[0].id}-{id(actors)}.txt"),
    )


def test_an_actor_without_a_side_takes_the_one_the_site_agrees_on():
    base = briefing_of("Talks\n\nThe talks went on.")
    obama = Actor("barack-obama", "Barack Obama", "person", side="United States")
    briefings = [
        _with(base, obama),
        _with(
            base, replace(obama, id="obama", name="Obama", side=None), Actor("ann-lee", "Ann Lee", "person")
        ),
        _with(base, replace(obama, side="United States")),
    ]
    shared = share_sides(briefings)
    learned = {a.name: (a.side, a.side_learned) for a in shared[1].actors}
    assert learned == {"Obama": ("United States", True), "Ann Lee": (None, False)}
    assert shared[0] is briefings[0]


def test_no_side_is_lent_when_the_site_disagrees_or_mostly_says_none():
    base = briefing_of("Talks\n\nThe talks went on.")
    blair = Actor("tony-blair", "Tony Blair", "person", side="Labour Party")
    disputed = [
        _with(base, blair),
        _with(base, replace(blair, side="United Kingdom")),
        _with(base, replace(blair, side=None)),
    ]
    assert share_sides(disputed)[2].actors[0].side is None
    expert = Actor("tong-zhao", "Tong Zhao", "person")
    mostly_none = [_with(base, replace(expert, side="China")), _with(base, expert), _with(base, expert)]
    assert share_sides(mostly_none)[1].actors[0].side is None
