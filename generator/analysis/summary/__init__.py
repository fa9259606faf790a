"""The bottom line up front and the topics of a briefing."""

from __future__ import annotations

from generator.analysis.summary.lead import lead
from generator.analysis.summary.topics import THEMES, find_topics
from generator.analysis.summary.voices import who_stands_where
from generator.model import Actor, Article, Claim, Position
from generator.text import words

BLUF_WORDS = 80
"""The most words a bottom line has."""

__all__ = ["BLUF_WORDS", "THEMES", "bottom_line", "find_topics"]


def bottom_line(
    article: Article, actors: tuple[Actor, ...], claims: tuple[Claim, ...], positions: tuple[Position, ...]
) -> str:
    """The story in one sentence (the lead, past captions, bylines and datelines), then who stands
    where: each side with its main voices, and the other actors the story is about."""
    first = lead(article)
    budget = BLUF_WORDS - len(words(first))
    return " ".join([first, *who_stands_where(first, article, actors, claims, positions, budget)])
