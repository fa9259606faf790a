"""Which side each actor speaks for: a country, an international body, an armed group, a party,
or no side at all.

Officials, ministries, legislatures, armed forces and state media speak for their country;
international organisations and armed groups for themselves; in a domestic contest (two or
more parties of one country speak) politicians speak for their party; private people, experts,
journalists, companies and NGOs speak for no side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from generator.analysis.actors import org_kind
from generator.analysis.knowledge import knowledge
from generator.analysis.lexicon import (
    LEGISLATOR_ROLES,
    OFFICIAL_GROUPS,
    OFFICIAL_ROLES,
    PRIVATE_ROLES,
    ROLE_CLASSES,
)
from generator.analysis.places import gazetteer

if TYPE_CHECKING:
    from generator.analysis.actors import Entity

# Roles of people who speak for no side, for a government, in a legislature.
_PRIVATE = (
    ROLE_CLASSES["expert"]
    | ROLE_CLASSES["lawyer"]
    | ROLE_CLASSES["activist"]
    | ROLE_CLASSES["witness"]
    | PRIVATE_ROLES
)
_OFFICIAL = (
    ROLE_CLASSES["official"] | ROLE_CLASSES["diplomat"] | ROLE_CLASSES["minister"] | ROLE_CLASSES["officer"]
) | OFFICIAL_ROLES
_LEGISLATOR = ROLE_CLASSES["lawmaker"] | LEGISLATOR_ROLES
_HEADS = ("head", "minister")
_AMBIGUOUS = {
    "chief", "director", "head", "chairman", "chairwoman", "chair", "president", "executive", "manager",
    "leader", "member", "deputy", "administrator", "officer", "adviser", "advisor",
}  # fmt: skip
_OFFICIAL_GROUPS = OFFICIAL_GROUPS


def choose_sides(
    entities: list[Entity], home: str | None = None, named: Iterable[str] = ()
) -> dict[int, str | None]:
    """The side of each entity (by key), read against the whole cast of the article. `home` is
    the country the article is about, for officials it does not give a country; `named` are
    the parties the article names, whoever speaks."""
    countries = {e.nationality for e in entities if e.nationality} | ({home} if home else set())
    for entity in entities:
        if entity.party is None:
            entity.party = _party_of_name(entity)
        if entity.kind == "person" and entity.office is None:
            _recognise(entity, countries)
        if entity.nationality is None and entity.kind in ("group", "person"):
            entity.nationality = _leader_named(entity)
    home = _home_of_voices(entities) or home
    for entity in entities:
        # Not "foreign ministers of the eight Arctic states": they are of many countries.
        of_many = entity.kind == "group" and any(" of " in n for n in entity.names)
        if (
            entity.nationality is None
            and home
            and not of_many
            and _standing(entity) in ("official", "government")
        ):
            entity.nationality = home
    story = _Story(
        named=_parties_by_country(entities, named),
        heard=_parties_by_country([e for e in entities if e.speaks], ()),
        international=_international(entities),
    )
    sides: dict[int, str | None] = {}
    for entity in entities:
        sides[entity.key] = _side(entity, story)
    for entity in entities:
        if sides.get(entity.key) is None and entity.members:
            member_sides = {sides.get(m) for m in entity.members} - {None}
            if len(member_sides) == 1:
                sides[entity.key] = member_sides.pop()
    return sides


def _home_of_voices(entities: list[Entity]) -> str | None:
    """The country whose officials and politicians do all the talking, when at least two of them
    speak: "the government" in a British story about Iraq is Britain's, however often Iraq is
    named."""
    voices = Counter(
        e.nationality
        for e in entities
        if e.speaks and e.nationality and e.kind == "person" and _standing(e) in ("official", "politician")
    )
    if not voices:
        return None
    country, count = voices.most_common(1)[0]
    return country if count >= 2 and len(voices) == 1 else None


def _recognise(person: Entity, countries: set[str]) -> None:
    """A public figure the article names only by surname ("Mr Trump", "Adnani"), when one figure
    of that name speaks for a country the article names."""
    if any(" " in name for name in person.names):
        return
    figure = knowledge().figure_by_surname(person.names[0], countries)
    if figure is not None:
        person.nationality, person.office = figure.country, figure.office
        person.party = person.party or figure.party


@dataclass(frozen=True)
class _Story:
    """What the whole article says about its sides."""

    named: dict[str, int]
    """Country → how many of its parties the article names or hears from."""
    heard: dict[str, int]
    """Country → how many of its parties speak (through a member, a group or the party itself)."""
    international: bool
    """Whether officials of two countries or more speak."""


def _leader_named(entity: Entity) -> str | None:
    """The country of a head of government a description names ("Obama administration
    officials", "a Putin aide")."""
    for name in entity.names:
        if not any(w[:1].islower() for w in name.split()):
            continue  # a name, not a description
        for word in name.split():
            heads = [f for f in knowledge().surnames.get(word.lower(), ()) if f.office == "head"]
            if word[:1].isupper() and len({f.country for f in heads}) == 1:
                return heads[0].country
    return None


def _parties_by_country(entities: list[Entity], named: Iterable[str]) -> dict[str, int]:
    countries = knowledge().party_country
    parties = {e.party for e in entities if e.party} | set(named)
    return dict(Counter(countries.get(p, "") for p in parties))


_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _international(entities: list[Entity]) -> bool:
    countries = {
        e.nationality
        for e in entities
        if e.nationality and e.speaks and _standing(e) in ("official", "government")
    }
    return len(countries) >= 2


def _side(entity: Entity, story: _Story) -> str | None:
    standing = _standing(entity)
    country = entity.nationality
    if standing == "party":
        return entity.party
    if standing in ("government", "body"):
        return country
    if standing == "private":
        return None
    if entity.party and standing in ("politician", "official", "group"):
        at_home = knowledge().party_country.get(entity.party, country) or ""
        # Where parties are in contest, their members and ministers speak for them; between
        # governments, a minister speaks for the country; an appointed official always does.
        # A head of government is the country's unless another party answers in the story.
        appointed = entity.office == "official"
        minister = "former" not in entity.role_words and (
            entity.office in _HEADS or bool(entity.role_words & (_OFFICIAL - _LEGISLATOR))
        )
        parties = story.heard if entity.office == "head" else story.named
        # An MP or leader the article names by party ("the Conservative MP") is a party's voice.
        partisan = (entity.party_named and not entity.role_words & (_OFFICIAL - _LEGISLATOR - _SPOKES)) or (
            "shadow" in entity.role_words  # a shadow minister is the opposition's
        )
        if partisan:
            minister = False
        contest = parties.get(at_home, 0) >= 2 or country is None or partisan
        if contest and not appointed and not (minister and story.international):
            return entity.party
    if standing in ("official", "politician", "group"):
        return country or entity.party
    return None


def _standing(entity: Entity) -> str:
    """What an entity is, for its side: government, body (an institution or international
    organisation), party, official, politician, group, private or unknown."""
    if entity.kind == "government":
        return "government"
    if entity.kind == "media":
        return "body" if entity.institution == "state_media" else "private"
    if entity.kind == "organization":
        if entity.institution:
            return "body"
        if entity.party and _is_party_name(entity):
            return "party"
        return "private"
    if entity.kind == "group":
        return _group_standing(entity)
    return _person_standing(entity)


def _person_standing(entity: Entity) -> str:
    # A person known by a description ("a senior Iraqi official") is described by its words.
    described = {w.lower() for name in entity.names for w in name.split() if w[:1].islower()}
    words = entity.role_words | set((entity.role or "").lower().split()) | described
    # "chief", "director", "head": of a ministry or of a newspaper; only other words tell.
    certain = (_OFFICIAL - _AMBIGUOUS) | (_LEGISLATOR - _AMBIGUOUS) | _OFFICIAL_GROUPS
    if "former" in words:
        # A former official speaks for no government; a former minister still for a party.
        return "politician" if entity.party else "private"
    if entity.office in ("head", "minister", "official"):
        return "official"
    if words & (_PRIVATE - _AMBIGUOUS) and not words & certain:
        return "private"
    if words & _OFFICIAL and not words & certain and not _governmental(entity.affiliation):
        return "private"  # the director of a charity, the chief executive of a firm
    if entity.office in ("legislator", "party", "candidate") or words & _LEGISLATOR:
        return "politician"
    if words & (_OFFICIAL | _OFFICIAL_GROUPS):
        return "official"  # "a British government source" too
    if entity.party:
        return "politician"
    return "unknown"


def _governmental(affiliation: str | None) -> bool:
    """Whether a body a person is with is a government's (a ministry, a country, a known
    institution); with no body named, the title is taken to be an office."""
    if not affiliation:
        return True
    if knowledge().institution(affiliation) or knowledge().office_country(affiliation):
        return True
    low = affiliation.lower()
    side = gazetteer().side_of(low, parties=False)
    if side in _international_sides():
        return True  # "the U.N. office in Geneva": an international organisation's
    return org_kind(affiliation) == "government" or (bool(side) and len(low.split()) <= 2)


@cache
def _international_sides() -> frozenset[str]:
    """The sides that are international organisations ("United Nations", "NATO")."""
    return frozenset(i.side for i in knowledge().institutions.values() if i.kind == "international")


def _group_standing(entity: Entity) -> str:
    words = {w.lower() for name in entity.names for w in name.split()}
    if entity.party and words & set(knowledge().parties) and not words & _OFFICIAL_GROUPS:
        return "party"
    if words & _OFFICIAL_GROUPS:
        return "official"  # "US officials", "government officials"
    if entity.party:
        return "group"
    return "unknown" if entity.members else "private"


def _is_party_name(entity: Entity) -> bool:
    """Whether a body's name is its party's ("the Conservatives", "Labour", "Plaid Cymru")."""
    return _party_of_name(entity) == entity.party


def _party_of_name(entity: Entity) -> str | None:
    """The party a body or group is named by ("the Tories", "Labour MPs"), if any."""
    if entity.kind not in ("organization", "group"):
        return None
    parties = knowledge().parties
    for name in entity.names:
        words = name.lower().removeprefix("the ").split()
        for size in (3, 2, 1):
            for start in range(len(words) - size + 1):
                party = parties.get(" ".join(words[start : start + size]))
                if party and " ".join(words[start : start + size]) not in ("r", "d", "i"):
                    return party
    return None
