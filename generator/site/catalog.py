"""Cross-briefing views: one actor, side and topic across all briefings, and the timeline.

Built after every briefing has been extracted (gather, then write), so that the same person
quoted in two articles gets one page listing both.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from generator.model import Actor, Briefing, Claim, Position
from generator.analysis.stance import opposed
from generator.text import unique_slug


@dataclass(frozen=True)
class Mention:
    """One appearance of an actor in one briefing."""

    briefing: Briefing
    actor: Actor


@dataclass(frozen=True)
class Voice:
    """A claim with the briefing it comes from, for cross-briefing pages."""

    briefing: Briefing
    claim: Claim
    speaker: Actor | None


@dataclass(frozen=True)
class GlobalActor:
    """One person or body across all briefings."""

    slug: str
    name: str
    kind: str
    roles: tuple[str, ...]
    affiliations: tuple[str, ...]
    sides: tuple[str, ...]
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    voices: tuple[Voice, ...]
    """Every claim the actor made (or made as part of a group), newest first."""


@dataclass(frozen=True)
class Contradiction:
    """Two claims of different sides that oppose each other on one subject."""

    first: Voice
    second: Voice
    subject: tuple[str, ...]
    """The shared content words that make it the same subject."""


@dataclass(frozen=True)
class Side:
    """A country or camp across all briefings."""

    slug: str
    name: str
    actors: tuple[GlobalActor, ...]
    positions: tuple[tuple[Briefing, Position], ...]
    """(briefing, Position), newest first."""
    voices: tuple[Voice, ...]
    contradictions: tuple[Contradiction, ...]
    per_month: tuple[tuple[str, int], ...]
    """(YYYY-MM, number of claims), oldest first; undated claims are left out."""


@dataclass(frozen=True)
class Topic:
    slug: str
    name: str
    briefings: tuple[Briefing, ...]


@dataclass(frozen=True)
class Catalog:
    actors: tuple[GlobalActor, ...]
    sides: tuple[Side, ...]
    topics: tuple[Topic, ...]
    actor_slug: dict[tuple[str, str], str]
    """(briefing slug, actor id) → global actor slug, for links from briefing pages."""


def newest_first(briefings) -> list[Briefing]:
    """By publication date, newest first; undated briefings last, by title."""
    dated = sorted((b for b in briefings if b.article.published), key=lambda b: (b.article.published, b.article.slug), reverse=True)
    undated = sorted((b for b in briefings if not b.article.published), key=lambda b: (b.article.title.casefold(), b.article.slug))
    return dated + undated


def build_catalog(briefings: list[Briefing]) -> Catalog:
    """Actors merged across briefings, sides with their positions and contradictions, topics."""
    ordered = newest_first(briefings)
    groups = group_actors(ordered)
    taken: set[str] = set()
    actors: list[GlobalActor] = []
    actor_slug: dict[tuple[str, str], str] = {}
    for mentions in groups:
        name = _best_name([m.actor for m in mentions])
        slug = unique_slug(name, taken, "actor")
        for m in mentions:
            actor_slug[(m.briefing.article.slug, m.actor.id)] = slug
        actors.append(_global_actor(slug, name, mentions))
    by_slug = {a.slug: a for a in actors}
    # A claim made jointly counts for each who makes it; a group's for each member as well.
    voices: dict[str, list[Voice]] = defaultdict(list)
    for briefing in ordered:
        local = {a.id: a for a in briefing.actors}
        for claim in briefing.claims:
            for speaker in (local[s] for s in claim.speakers if s in local):
                for actor_id in (speaker.id, *speaker.members):
                    key = actor_slug.get((briefing.article.slug, actor_id))
                    if key:
                        voices[key].append(Voice(briefing, claim, speaker))
    actors = [_with_voices(a, voices.get(a.slug, [])) for a in actors]
    actors.sort(key=lambda a: (-len(a.voices), a.name.casefold()))
    by_slug = {a.slug: a for a in actors}
    return Catalog(
        actors=tuple(actors),
        sides=tuple(_sides(ordered, by_slug, actor_slug)),
        topics=tuple(_topics(ordered)),
        actor_slug=actor_slug,
    )


def _names(actor: Actor) -> list[str]:
    return [actor.name, *actor.aliases]


def _fold(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


def _keys(actor: Actor) -> set[tuple[str, ...]]:
    """What identifies an actor across briefings: any of its names, within its kind."""
    keys = {(actor.kind, "name", _fold(n)) for n in _names(actor) if _fold(n)}
    if actor.kind == "person":
        for name in _names(actor):
            words = _fold(name).split()
            if len(words) >= 2:
                keys.add((actor.kind, "full", words[0], words[-1]))
    return keys


def group_actors(briefings: list[Briefing]) -> list[list[Mention]]:
    """Mentions grouped into one list per real-world actor, in time linear in the mentions.

    Two mentions are one actor when they share a name or an alias (of the same kind). A bare
    surname then joins the one full name that ends with it, when exactly one does.
    """
    mentions = [Mention(b, a) for b in briefings for a in b.actors if a.kind != "group"]
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, ...], int] = {}
    for i, mention in enumerate(mentions):
        for key in _keys(mention.actor):
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    surnames: dict[str, set[int]] = defaultdict(set)
    for i, mention in enumerate(mentions):
        if mention.actor.kind == "person":
            for name in _names(mention.actor):
                words = _fold(name).split()
                if len(words) >= 2:
                    surnames[words[-1]].add(find(i))
    for i, mention in enumerate(mentions):
        words = _fold(mention.actor.name).split()
        if mention.actor.kind == "person" and len(words) == 1:
            roots = {find(r) for r in surnames.get(words[0], set())}
            if len(roots) == 1:
                parent[find(i)] = roots.pop()
    groups: dict[int, list[Mention]] = defaultdict(list)
    for i, mention in enumerate(mentions):
        groups[find(i)].append(mention)
    return [groups[root] for root in sorted(groups)]


def _best_name(actors: list[Actor]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for actor in actors:
        counts[actor.name] += 1
    return max(counts, key=lambda n: (min(len(n.split()), 3), counts[n], -len(n)))


def _global_actor(slug: str, name: str, mentions: list[Mention]) -> GlobalActor:
    def values(attr: str) -> tuple[str, ...]:
        seen: dict[str, int] = defaultdict(int)
        for m in mentions:
            value = getattr(m.actor, attr)
            if value:
                seen[value] += 1
        return tuple(sorted(seen, key=lambda v: (-seen[v], v)))

    aliases = sorted({n for m in mentions for n in _names(m.actor)} - {name})
    return GlobalActor(
        slug=slug,
        name=name,
        kind=mentions[0].actor.kind,
        roles=values("role"),
        affiliations=values("affiliation"),
        sides=values("side"),
        aliases=tuple(aliases),
        mentions=tuple(mentions),
        voices=(),
    )


def _with_voices(actor: GlobalActor, voices: list[Voice]) -> GlobalActor:
    from dataclasses import replace

    order = {id(b): i for i, b in enumerate(newest_first([v.briefing for v in voices]))}
    voices = sorted(voices, key=lambda v: (order.get(id(v.briefing), 0), v.claim.paragraph))
    return replace(actor, voices=tuple(voices))


def _sides(briefings: list[Briefing], actors: dict[str, GlobalActor], actor_slug) -> list[Side]:
    """One `Side` per side named in a position, gathered in one pass over the briefings."""
    positions_of: dict[str, list] = defaultdict(list)
    voices_of: dict[str, list[Voice]] = defaultdict(list)
    for briefing in briefings:
        local = {a.id: a for a in briefing.actors}
        for position in briefing.positions:
            positions_of[position.side].append((briefing, position))
        for claim in (c for c in briefing.claims if not c.optional):
            heard: set[str] = set()
            for speaker in (local[s] for s in claim.speakers if s in local):
                if speaker.side and speaker.side not in heard:
                    heard.add(speaker.side)
                    voices_of[speaker.side].append(Voice(briefing, claim, speaker))
    sides = []
    taken: set[str] = set()
    for name in sorted(positions_of):
        positions, voices = positions_of[name], voices_of[name]
        speakers = {actor_slug.get((v.briefing.article.slug, v.speaker.id)) for v in voices if v.speaker}
        side_actors = sorted((actors[s] for s in speakers if s in actors), key=lambda a: (-len(a.voices), a.name))
        sides.append(
            Side(
                slug=unique_slug(name, taken, "side"),
                name=name,
                actors=tuple(side_actors),
                positions=tuple(positions),
                voices=tuple(voices),
                contradictions=tuple(_contradictions(name, voices, briefings)),
                per_month=tuple(_per_month(voices)),
            )
        )
    return sorted(sides, key=lambda s: (-len(s.voices), s.name))


def _contradictions(name: str, voices: list[Voice], briefings: list[Briefing]) -> list[Contradiction]:
    """Claims of other sides in the same briefings that oppose this side's claims."""
    found = []
    for voice in voices:
        local = {a.id: a for a in voice.briefing.actors}
        for claim in voice.briefing.claims:
            other = local.get(claim.speaker)
            if other is None or not other.side or other.side == name or claim.optional:
                continue
            subject = opposed(voice.claim, claim)
            if subject:
                found.append(Contradiction(voice, Voice(voice.briefing, claim, other), subject))
    return found


def _per_month(voices: list[Voice]) -> list[tuple[str, int]]:
    counts: dict[str, int] = defaultdict(int)
    for voice in voices:
        if voice.briefing.article.published:
            counts[voice.briefing.article.published[:7]] += 1
    return sorted(counts.items())


def _topics(briefings: list[Briefing]) -> list[Topic]:
    by_topic: dict[str, list[Briefing]] = defaultdict(list)
    for briefing in briefings:
        for topic in briefing.topics:
            by_topic[topic].append(briefing)
    taken: set[str] = set()
    topics = [Topic(unique_slug(name, taken, "topic"), name, tuple(items)) for name, items in sorted(by_topic.items(), key=lambda kv: kv[0].casefold())]
    return sorted(topics, key=lambda t: (-len(t.briefings), t.name.casefold()))
