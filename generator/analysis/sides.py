"""Which side each actor speaks for: a country, an international body, an armed group, a party,
or no side at all.

Officials, ministries, legislatures, armed forces and state media speak for their country;
international organisations and armed groups for themselves; in a domestic contest (two or
more parties of one country speak) politicians speak for their party; private people, experts,
journalists, companies and NGOs speak for no side.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.analysis.knowledge import knowledge
from generator.analysis.lexicon import (
    LEGISLATOR_ROLES,
    OFFICIAL_GROUPS,
    OFFICIAL_ROLES,
    PRIVATE_ROLES,
    ROLE_CLASSES,
)

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


def choose_sides(entities: list[Entity], home: str | None = None) -> dict[int, str | None]:
    """The side of each entity (by key), read against the whole cast of the article. `home` is
    the country the article is about, for officials it does not give a country."""
    countries = {e.nationality for e in entities if e.nationality} | ({home} if home else set())
    for entity in entities:
        if entity.party is None:
            entity.party = _party_of_name(entity)
        if entity.kind == "person" and entity.office is None:
            _recognise(entity, countries)
        if entity.nationality is None and home and _standing(entity) in ("official", "government"):
            entity.nationality = home
    speakers = [e for e in entities if e.speaks]
    in_play = _parties_in_play(speakers)
    governments = {
        e.nationality for e in speakers if e.nationality and _standing(e) in ("official", "government")
    }
    international = len(governments) >= 2
    sides: dict[int, str | None] = {}
    for entity in entities:
        sides[entity.key] = _side(entity, in_play, international)
    for entity in entities:
        if sides.get(entity.key) is None and entity.members:
            member_sides = {sides.get(m) for m in entity.members} - {None}
            if len(member_sides) == 1:
                sides[entity.key] = member_sides.pop()
    return sides


def _recognise(person: Entity, countries: set[str]) -> None:
    """A public figure the article names only by surname ("Mr Trump", "Adnani"), when one figure
    of that name speaks for a country the article names."""
    if any(" " in name for name in person.names):
        return
    figure = knowledge().figure_by_surname(person.names[0], countries)
    if figure is not None:
        person.nationality, person.office = figure.country, figure.office
        person.party = person.party or figure.party


def _parties_in_play(speakers: list[Entity]) -> dict[str, int]:
    """Country → how many of its parties speak (through a member, a group or the party itself)."""
    countries = knowledge().party_country
    parties = {e.party for e in speakers if e.party}
    counted = Counter(countries.get(p, "") for p in parties)
    return dict(counted)


def _side(entity: Entity, in_play: dict[str, int], international: bool) -> str | None:
    standing = _standing(entity)
    country = entity.nationality
    if standing == "party":
        return entity.party
    if standing in ("government", "body"):
        return country
    if standing == "private":
        return None
    if entity.party and standing in ("politician", "official", "group"):
        party_country = knowledge().party_country.get(entity.party, country)
        contest = in_play.get(party_country or "", 0) >= 2 or country is None
        executive = entity.office in _HEADS or bool(entity.role_words & (_OFFICIAL - _LEGISLATOR))
        if contest and not (executive and international):
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
    certain = (_OFFICIAL - _AMBIGUOUS) | _LEGISLATOR
    if words & (_PRIVATE - _AMBIGUOUS) and not words & certain:
        return "private"
    if "former" in words and not (entity.party or words & _LEGISLATOR):
        return "private"  # a former official speaks for no government
    if entity.office in ("head", "minister", "official"):
        return "official"
    if entity.office in ("legislator", "party", "candidate") or words & _LEGISLATOR:
        return "politician"
    if words & _OFFICIAL:
        return "official"
    if entity.party:
        return "politician"
    return "unknown"


def _group_standing(entity: Entity) -> str:
    words = {w.lower() for name in entity.names for w in name.split()}
    if entity.party and words & set(knowledge().parties) and not words & _OFFICIAL_GROUPS:
        return "party"
    if entity.nationality and words & _OFFICIAL_GROUPS:
        return "group"
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
