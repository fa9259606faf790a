"""Which entities of the cast become the briefing's actors, under which names and ids: a group
of named actors is its members, a foreign ministry its government, a ministry named by its
country, a person by the fullest spelling of their name."""

from __future__ import annotations

import re

from generator.analysis.actors import Entity, near
from generator.analysis.places import gazetteer
from generator.analysis.speakers import Resolver
from generator.model import Actor
from generator.text import slugify


def share_voices(resolver: Resolver) -> None:
    """What a group of named actors says, each of them says: the group is no actor of its own."""
    for group in resolver.cast.live():
        if group.members and group.speaks:
            for key in {resolver.cast.find(m).key for m in group.members}:
                resolver.cast.find(key).speaks += group.speaks


_FOREIGN_MINISTRY = re.compile(
    r"(?:the )?(?:Foreign Ministry|Ministry of Foreign Affairs|Foreign Office)", re.I
)


def government_voices(entities: list[Entity], side_of: dict, resolver: Resolver) -> list[Entity]:
    """A country's foreign ministry speaks as its government, when the government speaks too
    ("China said …", "the Chinese Foreign Ministry said …"): one actor."""
    governments = {
        side_of.get(e.key): e
        for e in entities
        if e.kind == "government" and side_of.get(e.key) and e.names[0] == side_of.get(e.key)
    }
    for entity in entities:
        government = governments.get(side_of.get(entity.key))
        if government is None or government is entity:
            continue
        if _FOREIGN_MINISTRY.fullmatch(entity.names[0]):
            names = [n for n in entity.names if n not in government.names]
            resolver.cast.merge(government, entity)
            government.names = [n for n in government.names if n not in names]
            government.known_names.extend(names)
    return [e for e in entities if resolver.cast.find(e.key) is e]


def worth_listing(entity: Entity) -> bool:
    if entity.members:
        return False  # its members are listed, and speak for it
    if entity.speaks:
        return True
    if entity.kind == "person":
        return True
    return entity.kind in ("organization", "media", "government") and len(entity.positions) >= 1


def make_actors(
    entities: list[Entity], side_of: dict[int, str | None], resolver: Resolver
) -> tuple[tuple[Actor, ...], dict[int, str]]:
    """Frozen actors with unique ids, speakers first."""
    ids: dict[int, str] = {}
    taken: set[str] = set()
    ordered = sorted(entities, key=lambda e: (-e.speaks, e.positions[0] if e.positions else (0, 0)))
    names = {e.key: _of_country(canonical_name(e), e, side_of.get(e.key)) for e in ordered}
    for entity in ordered:
        base = slugify(names[entity.key]) or f"actor-{entity.key}"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        ids[entity.key] = slug
    actors = []
    for entity in ordered:
        name = names[entity.key]
        aliases = tuple(sorted({n for n in [*entity.names, *entity.known_names] if n != name}))
        members = tuple(
            ids[resolver.cast.find(m).key] for m in entity.members if resolver.cast.find(m).key in ids
        )
        actors.append(
            Actor(
                id=ids[entity.key],
                name=name,
                kind=entity.kind,
                role=entity.role,
                affiliation=entity.affiliation,
                side=side_of.get(entity.key),
                aliases=aliases,
                members=members,
            )
        )
    return tuple(actors), ids


_MINISTRY = re.compile(r"(?:[A-Z][a-z]+ )?(?:Ministry|Embassy)(?: of(?: the)? [A-Z][\w ]+)?|Ministry|Embassy")


def _of_country(name: str, entity: Entity, side: str | None) -> str:
    """A ministry or embassy named without its country takes the country's adjective ("the
    Foreign Ministry" of China is the "Chinese Foreign Ministry"): a site lists the ministries of
    many countries, and readers meet them by that name."""
    adjective = gazetteer().adjectives.get(side or "")
    if (
        entity.kind != "government"
        or not adjective
        or not _MINISTRY.fullmatch(name)
        or gazetteer().side_of(name)
    ):
        return name
    return f"{adjective} {name}"


def canonical_name(entity: Entity) -> str:
    """The fullest name, with each word in its most frequent spelling ("Geng Shuang")."""
    if entity.kind != "person":
        # The name readers meet most ("IMF" after one "International Monetary Fund").
        return max(
            entity.names,
            key=lambda n: (
                len(n.split()) <= 6,
                entity.uses.get(n, 0),
                len(n.split()) >= 2,
                -entity.names.index(n),
            ),
        )
    full = max(entity.names, key=lambda n: (min(len(n.split()), 3), -entity.names.index(n)))
    words = full.split()
    spellings: dict[int, dict[str, int]] = {}
    for name in entity.names:
        for word in name.split():
            for i, target in enumerate(words):
                if near(word, target):
                    counts = spellings.setdefault(i, {})
                    counts[word] = counts.get(word, 0) + 1
    fixed = []
    for i, word in enumerate(words):
        counts = spellings.get(i, {word: 1})
        fixed.append(max(counts, key=lambda w: (counts[w], len(w), not w.isupper())))
    # A name known only in capitals ("WALLACE:" in a transcript) is written as a name.
    return " ".join(w.title() if w.isupper() and len(w) > 2 else w for w in fixed)
