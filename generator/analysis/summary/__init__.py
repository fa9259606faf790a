"""The bottom line up front and the topics of a briefing."""

from __future__ import annotations

from generator.analysis.summary.lead import lead
from generator.analysis.summary.topics import THEMES, find_topics
from generator.model import Actor, Article, Claim, Position

__all__ = ["THEMES", "bottom_line", "find_topics"]


def bottom_line(
    article: Article, actors: tuple[Actor, ...], claims: tuple[Claim, ...], positions: tuple[Position, ...]
) -> str:
    """The article's lead sentence, then one line for each side that speaks."""
    # A government is named by its country, which the line already names: "China (government, …)".
    names = {a.id: "government" if a.kind == "government" and a.name == a.side else a.name for a in actors}
    lines = [lead(article)]
    for position in positions[:3]:
        voices = ", ".join(names[a] for a in position.actors[:2] if a in names)
        point = position.gist.split("; ")[0].rstrip(" .…") + (
            "…" if position.gist.split("; ")[0].endswith("…") else "."
        )
        lines.append(f"{position.side} ({voices}): {point}")
    return " ".join(line.strip() for line in lines if line.strip())
