"""Sides and positions: which camp each actor speaks for, and what each camp holds."""

from __future__ import annotations

from collections import Counter, defaultdict

from generator.analysis.stance import negative, opposed
from generator.model import Actor, Claim, Position

_GIST_WORDS = 16


def find_positions(actors: tuple[Actor, ...], claims: tuple[Claim, ...]) -> tuple[Position, ...]:
    """One position per side that has claims, with the claims and actors behind it."""
    side_of = {a.id: a.side for a in actors}
    by_id = {a.id: a for a in actors}
    by_side: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        # A claim made jointly counts for each side that makes it.
        sides = dict.fromkeys(side_of.get(s) for s in claim.speakers)
        for side in sides:
            if side and not claim.optional:
                by_side[side].append(claim)
    positions = []
    for side, side_claims in by_side.items():
        speakers = sorted({s for c in side_claims for s in c.speakers if side_of.get(s) == side})
        against, denying = contradicted(side, side_claims, by_side)
        positions.append(
            Position(
                side=side,
                gist=gist(side_claims, by_id),
                claims=tuple(c.id for c in side_claims),
                actors=tuple(speakers),
                stance="opposes" if denying else stance(side_claims),
                opposes=against,
            )
        )
    positions.sort(key=lambda p: (-len(p.claims), p.side))
    return tuple(positions)


def contradicted(
    side: str, claims: list[Claim], by_side: dict[str, list[Claim]]
) -> tuple[tuple[str, ...], bool]:
    """The other sides this side's claims contradict, and whether it is the one denying."""
    against: set[str] = set()
    denying = False
    for other, other_claims in by_side.items():
        if other == side:
            continue
        for mine in claims:
            for theirs in other_claims:
                if opposed(mine, theirs):
                    against.add(other)
                    denying = denying or negative(mine)
    return tuple(sorted(against)), denying


def gist(claims: list[Claim], actors: dict[str, Actor] | None = None) -> str:
    """The side's main points: its clearest claims, each cut to its first clause."""

    def rank(claim: Claim):
        speaker = (actors or {}).get(claim.speaker)
        by_media = speaker is not None and speaker.kind == "media"
        # A headline is the editor's wording: the body says it in the speaker's own.
        return (
            claim.optional,
            claim.paragraph == 0,
            by_media,
            claim.kind == "direct",
            -claim.confidence,
            claim.paragraph,
        )

    parts: list[str] = []
    for claim in sorted(sorted(claims, key=rank)[:3], key=lambda c: c.paragraph):
        text = short(claim.text)
        if text and text not in parts:
            parts.append(text)
    return "; ".join(parts)


def short(text: str, limit: int = _GIST_WORDS) -> str:
    """A claim cut at its first clause boundary after a few words, or at `limit` words."""
    words = text.strip(' .,“”"‘’').split()
    if len(words) <= limit:
        return " ".join(words)
    cut = limit
    for i in range(6, limit):
        if words[i - 1].endswith((",", ";", ":")):
            cut = i
            break
    return " ".join(words[:cut]).rstrip(",;:") + "…"


def stance(claims: list[Claim]) -> str:
    """How the side relates to the story: mostly denials oppose, predictions warn."""
    counts = Counter(c.modality for c in claims)
    if not counts:
        return "states"
    top, n = counts.most_common(1)[0]
    if top == "denial" and n * 2 >= len(claims):
        return "opposes"
    if top == "prediction" and n * 2 >= len(claims):
        return "warns"
    if top == "recommendation" and n * 2 >= len(claims):
        return "urges"
    return "states"
