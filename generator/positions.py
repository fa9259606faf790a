"""Sides and positions: which camp each actor speaks for, and what each camp holds."""

from __future__ import annotations

from collections import Counter, defaultdict

from .actors import Entity
from .model import Actor, Claim, Position

_GIST_WORDS = 18


def choose_sides(entities: list[Entity]) -> dict[int, str | None]:
    """Side of each entity: by country when actors of several countries speak, else by party."""
    speakers = [e for e in entities if e.speaks]
    countries = {e.nationality for e in speakers if e.nationality}
    parties = {e.party for e in speakers if e.party}
    by_party = len(countries) <= 1 and len(parties) >= 2
    sides: dict[int, str | None] = {}
    for entity in entities:
        side = (entity.party or entity.nationality) if by_party else (entity.nationality or entity.party)
        sides[entity.key] = side
    # A group speaks for the side its members share.
    for entity in entities:
        if sides.get(entity.key) is None and entity.members:
            member_sides = {sides.get(m) for m in entity.members} - {None}
            if len(member_sides) == 1:
                sides[entity.key] = member_sides.pop()
    return sides


def find_positions(actors: tuple[Actor, ...], claims: tuple[Claim, ...]) -> tuple[Position, ...]:
    """One position per side that has claims, with the claims and actors behind it."""
    side_of = {a.id: a.side for a in actors}
    by_side: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        side = side_of.get(claim.speaker) if claim.speaker else None
        if side and not claim.optional:
            by_side[side].append(claim)
    positions = []
    for side, side_claims in by_side.items():
        speakers = sorted({c.speaker for c in side_claims if c.speaker})
        positions.append(
            Position(
                side=side,
                gist=gist(side_claims),
                claims=tuple(c.id for c in side_claims),
                actors=tuple(speakers),
                stance=stance(side_claims),
            )
        )
    positions.sort(key=lambda p: (-len(p.claims), p.side))
    return tuple(positions)


def gist(claims: list[Claim]) -> str:
    """The side's main claims, each cut to its first words, joined by semicolons."""
    parts = []
    ranked = sorted(claims, key=lambda c: (-c.confidence, c.paragraph))[:3]
    for claim in sorted(ranked, key=lambda c: c.paragraph):
        words = claim.text.strip(" .,“”\"").split()
        text = " ".join(words[:_GIST_WORDS]) + ("…" if len(words) > _GIST_WORDS else "")
        if text and text not in parts:
            parts.append(text)
    return "; ".join(parts)


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
