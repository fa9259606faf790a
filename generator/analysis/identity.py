"""One actor under one name: after the article is read, the entities of the cast that name the
same person or body are merged (a surname met before the full name, a person the tagger took
for a body, an acronym and its expansion, an outlet and its web address, a party by two of its
names)."""

from __future__ import annotations

import re

from generator.analysis.actors import Cast, Entity, fold, name_parts, near
from generator.analysis.knowledge import knowledge
from generator.analysis.lexicon import GOVERNMENT_NOUNS, MEDIA_NAME_WORDS, ORGANIZATION_NAME_WORDS
from generator.analysis.mentions import plausible_person

_BODIES = ("organization", "media", "government")
_WEB = re.compile(r"\.(com|org|net|co\.uk|gov)$", re.IGNORECASE)
_LINKS = {"of", "for", "and", "the", "on", "in", "&"}
_BODY_NOUNS = {"department", "party", "ministry", "office", "agency", "council", "organization",
               "organisation", "group", "movement", "institute"}  # fmt: skip


def consolidate(cast: Cast) -> None:
    """Merge the entities of `cast` that are one actor under two names."""
    _people_named_as_bodies(cast)
    _surnames_alone(cast)
    _bodies(cast)
    _parties(cast)


def _people_named_as_bodies(cast: Cast) -> None:
    """ "Damian Green" tagged as a body, then "Green said": the person."""
    for body in cast.live():
        if body.kind != "organization" or body.institution or len(body.names) != 1:
            continue
        words = body.names[0].split()
        if not 2 <= len(words) <= 3 or not plausible_person(body.names[0]) or _body_words(words):
            continue
        person = _one(
            e
            for e in cast.live()
            if e.kind == "person"
            and any(near(words[-1], p) for n in e.names for p in name_parts(n.split()[-1]))
        )
        if person is not None:
            cast.merge(person, body)


def _surnames_alone(cast: Cast) -> None:
    """A person named only by a surname, and the one person whose full name ends in it."""
    for alone in cast.live():
        if alone.kind != "person" or any(len(n.split()) > 1 for n in alone.names):
            continue
        word = alone.names[0]
        full = _one(
            e
            for e in cast.live()
            if e is not alone
            and e.kind == "person"
            and any(len(n.split()) > 1 and word in name_parts(n.split()[-1]) for n in e.names)
        )
        if full is not None and alone.gender in (None, full.gender or alone.gender):
            cast.merge(full, alone)


def _bodies(cast: Cast) -> None:
    """An acronym and the name it shortens ("CDC", "Centers for Disease Control"); an outlet and its
    web address ("CNN.com"); a body and its name without the noun ("State", "State Department")."""
    bodies = [e for e in cast.live() if e.kind in _BODIES]
    for short in bodies:
        for other in bodies:
            if other is short or cast.find(other.key) is not other or cast.find(short.key) is not short:
                continue
            if any(_shortens(a, b) for a in short.names for b in other.names):
                keep, gone = (
                    (other, short)
                    if other.kind != "organization" or short.kind == "organization"
                    else (short, other)
                )
                cast.merge(keep, gone)


def _shortens(short: str, full: str) -> bool:
    if fold(_WEB.sub("", short)) == fold(full) and short != full:
        return True
    words = [w for w in full.replace("-", " ").split() if w.lower() not in _LINKS]
    if short.isupper() and 2 <= len(short) <= 6 and len(words) >= len(short):
        initials = "".join(w[0] for w in words if w[:1].isupper())
        return (initials.startswith(short) and len(short) >= 3) or initials == short
    rest = full.split()[len(short.split()) :]
    return full.startswith(short + " ") and len(rest) == 1 and rest[0].lower() in _BODY_NOUNS


def _parties(cast: Cast) -> None:
    """ "Lib Dems" and "Liberal Democrats": a party by two of its names."""
    parties = knowledge().parties
    seen: dict[str, Entity] = {}
    for entity in cast.live():
        if entity.kind != "group" or entity.members:
            continue
        party = parties.get(entity.names[0].lower().removeprefix("the "))
        if party is None:
            continue
        if party in seen:
            cast.merge(seen[party], entity)
        else:
            seen[party] = entity


def _body_words(words: list[str]) -> bool:
    low = {w.lower() for w in words}
    return bool(low & (ORGANIZATION_NAME_WORDS | MEDIA_NAME_WORDS | GOVERNMENT_NOUNS | _BODY_NOUNS))


def _one(entities) -> Entity | None:
    found = list(entities)
    return found[0] if len(found) == 1 else None
