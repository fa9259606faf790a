"""Finding the actors of an article: names merged across variants, with role, affiliation and side.

The `Cast` is built while reading the article from start to end, so that a pronoun or a
descriptor ("the Chinese diplomat") can be resolved against what came before it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.analysis.knowledge import knowledge, name_key
from generator.analysis.lexicon import (
    ABBREVIATED_TITLES,
    FEMALE_TITLES,
    GOVERNMENT_NOUNS,
    MALE_TITLES,
    MEDIA_NAME_WORDS,
    SPELLED_OUT_TITLES,
    TITLES,
)
from generator.analysis.places import gazetteer
from generator.analysis.roles import party_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_POSSESSIVE = re.compile(r"(’s|'s|’|')$")


@dataclass
class Entity:
    """An actor while the article is being read; frozen into `model.Actor` at the end."""

    key: int
    kind: str
    names: list[str] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    nationality: str | None = None
    party: str | None = None
    gender: str | None = None
    members: list[int] = field(default_factory=list)
    positions: list[tuple[int, int]] = field(default_factory=list)
    """(paragraph, token) of every mention, in reading order."""
    speaks: int = 0
    """How many claims the actor is the source of."""
    party_named: bool = False
    """Whether the article's own description of the person names their party ("the Conservative
    MP", "the SNP's Holyrood leader"): the article presents them as a party's voice."""
    office: str | None = None
    """For a known political figure, the kind of office they hold (`knowledge.OFFICES`)."""
    institution: str | None = None
    """For a known body, its kind (`knowledge.INSTITUTION_KINDS`)."""
    known_names: list[str] = field(default_factory=list)
    """Names the knowledge files give the actor, shown as aliases but never as its name: the
    article's own name for it stays its name ("FBI", "No 10")."""
    uses: dict[str, int] = field(default_factory=dict)
    """How often each of its names is written, for naming a body by the name readers meet most."""
    role_words: set[str] = field(default_factory=set)
    """Every word of every role and affiliation the article gives the actor ("home", "secretary"),
    for matching a later description ("the home secretary")."""

    @property
    def tokens(self) -> set[str]:
        return {word.lower() for name in self.names for word in name.split()}

    @property
    def last_seen(self) -> tuple[int, int]:
        return self.positions[-1] if self.positions else (-1, -1)


def fold(text: str) -> str:
    """Lowercase without accents, for comparing names."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def near(a: str, b: str) -> bool:
    """Two spellings of one name: equal, or one letter apart in a word of four or more letters."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or abs(len(a) - len(b)) > 1 or a[:2] != b[:2]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1 and len(a) >= 4
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|an|ar|bin|ibn|abu)[-‐]", re.IGNORECASE)


def name_parts(word: str) -> list[str]:
    """The ways a word of a name is written alone: itself, without a particle ("al-Adnani" is
    "Adnani"), and the capitalised last part of a double name ("Coronel-Ferrer" is "Ferrer")."""
    parts = [word]
    bare = _PARTICLE.sub("", word)
    if bare != word and bare[:1].isupper():
        parts.append(bare)
    pieces = bare.split("-")
    if len(pieces) > 1 and len(pieces[-1]) >= 3 and all(p[:1].isupper() for p in pieces):
        parts.append(pieces[-1])
    return parts


def near_part(word: str, name_word: str) -> bool:
    """Whether a word written alone names a word of a name, in any of its forms."""
    return any(near(a, b) for a in name_parts(word) for b in name_parts(name_word))


def clean_name(tokens: list[Token]) -> tuple[str, list[str]]:
    """The name without titles, possessives and punctuation; and the titles removed.

    Hyphens and apostrophes inside a name stay as written ("Shanklin-Hawkins", "O’Malley").
    """
    kept, titles = [], []
    for i, token in enumerate(tokens):
        text = token.text.strip()
        low = text.lower().rstrip(".")
        if not text or low in ("’s", "'s", "’", "'") or (token.is_punct and text not in ("-", "‐")):
            continue
        followed_by_stop = text.endswith(".") or (i + 1 < len(tokens) and tokens[i + 1].text == ".")
        if (
            not kept
            and (low in TITLES or (low in ABBREVIATED_TITLES and followed_by_stop))
            and len(tokens) - i > 1
        ):
            titles.append(low)
            continue
        kept.append(token)
    parts: list[str] = []
    for j, token in enumerate(kept):
        text = _POSSESSIVE.sub("", token.text.strip()) if token.text not in ("-", "‐") else "-"
        joined = j > 0 and (kept[j - 1].i == token.i - 1 and not kept[j - 1].whitespace_)
        if joined and parts:
            parts[-1] += text
        else:
            parts.append(text)
    name = " ".join(p.strip("-") if p in ("-",) else p for p in parts if p and p != "-")
    return name, titles


def _first_names_agree(a: str, b: str) -> bool:
    """Two first names of one person: near spellings, or an initial and a name ("J. Reed")."""
    return near(a, b) or (
        a[0].lower() == b[0].lower() and (len(a.rstrip(".")) == 1 or len(b.rstrip(".")) == 1)
    )


def org_kind(name: str) -> str:
    """`media`, `government` or `organization` from the words of an organisation's name."""
    words = {w.strip(".,").lower() for w in name.split()}
    low = name.lower()
    if words & MEDIA_NAME_WORDS and not words & {"ministry", "department", "party", "university", "bank"}:
        return "media"
    if any(noun in low for noun in GOVERNMENT_NOUNS if " " in noun) or words & {
        "ministry",
        "government",
        "administration",
        "department",
        "kremlin",
        "pentagon",
        "cabinet",
        "parliament",
        "congress",
        "senate",
        "duma",
        "embassy",
        "police",
        "army",
        "navy",
        "treasury",
    }:
        return "government"
    return "organization"


class Cast:
    """Every actor met so far, with the lookups that resolve new mentions to them."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._parent: dict[int, int] = {}

    # -- identity -------------------------------------------------------------------------

    def find(self, key: int) -> Entity:
        while self._parent.get(key, key) != key:
            key = self._parent[key]
        return self.entities[key]

    def merge(self, keep: Entity, gone: Entity) -> None:
        """Fold `gone` into `keep`; mentions and claims of either now resolve to `keep`."""
        if keep.key == gone.key:
            return
        self._parent[gone.key] = keep.key
        keep.names.extend(n for n in gone.names if n not in keep.names)
        for name, count in gone.uses.items():
            keep.uses[name] = keep.uses.get(name, 0) + count
        keep.positions = sorted(set(keep.positions + gone.positions))
        keep.speaks += gone.speaks
        for attr in ("role", "affiliation", "nationality", "party", "gender", "office", "institution"):
            if getattr(keep, attr) is None:
                setattr(keep, attr, getattr(gone, attr))
        keep.role_words |= gone.role_words
        keep.party_named = keep.party_named or gone.party_named
        keep.known_names.extend(n for n in gone.known_names if n not in keep.known_names)
        keep.members.extend(m for m in gone.members if m not in keep.members)

    def live(self) -> list[Entity]:
        return [e for e in self.entities if self.find(e.key) is e]

    def new(self, kind: str, name: str, position: tuple[int, int]) -> Entity:
        entity = Entity(key=len(self.entities), kind=kind, names=[name], positions=[position], uses={name: 1})
        self.entities.append(entity)
        return entity

    # -- named mentions -------------------------------------------------------------------

    def person(self, name: str, position: tuple[int, int], titles: list[str] = ()) -> Entity | None:
        """The person a name refers to, creating one for a new name (a party's name is the party)."""
        words = name.split()
        if not words:
            return None
        if not titles and knowledge().party_in(name) and fold(name) in knowledge().parties:
            return self.organization(name, position)  # "Labour said", "Plaid Cymru", tagged as a person
        # A name in capitals ("FALLIN:" in a transcript) is matched as it would be written.
        gender = next(
            (g for t in titles for g, ts in (("female", FEMALE_TITLES), ("male", MALE_TITLES)) if t in ts),
            None,
        )
        match = self._match_person([w.title() if w.isupper() and len(w) > 2 else w for w in words], gender)
        if match is None:
            match = self.new("person", name, position)
        else:
            if name not in match.names:
                match.names.append(name)
            match.positions.append(position)
        figure = knowledge().figure(name) if match.office is None else None
        if figure is not None:
            # What is known of a public figure outweighs what the sentence around a name suggests.
            match.nationality, match.office = figure.country, figure.office
            match.party = figure.party or match.party
        for title in titles:
            if title in FEMALE_TITLES:
                match.gender = match.gender or "female"
            elif title in MALE_TITLES:
                match.gender = match.gender or "male"
            elif title not in ABBREVIATED_TITLES or title in SPELLED_OUT_TITLES:
                match.role = match.role or SPELLED_OUT_TITLES.get(title, title)
                match.role_words.add(SPELLED_OUT_TITLES.get(title, title))
        return match

    def _match_person(self, words: list[str], gender: str | None = None) -> Entity | None:
        candidates = sorted(
            (e for e in self.live() if e.kind == "person" and e.gender in (None, gender or e.gender)),
            key=lambda e: e.last_seen,
            reverse=True,
        )
        last = words[-1]
        alone: list[Entity] = []
        for entity in candidates:
            names = [n.split() for n in entity.names]
            if len(words) == 1:
                if any(near_part(words[0], part) for n in names for part in n):
                    alone.append(entity)
                continue
            full = [n for n in names if len(n) > 1]
            if any(near(last, other[-1]) and _first_names_agree(words[0], other[0]) for other in full):
                return entity
            # "Clinton", then "Bill Clinton": the surname alone names whoever it named, unless the
            # full name met with it has another first name ("Hillary Clinton").
            single = any(near_part(last, o[0]) or near(words[0], o[0]) for o in names if len(o) == 1)
            if single and not any(near(last, other[-1]) for other in full):
                return entity
        # A surname two people share ("Clinton") is the one who speaks, or is named, more often.
        return max(alone, key=lambda e: (e.speaks, len(e.positions))) if alone else None

    def organization(self, name: str, position: tuple[int, int], kind: str | None = None) -> Entity:
        """The organisation (or outlet, or government body) of this name."""
        key = fold(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))
        kind = kind or org_kind(name)
        for entity in self.live():
            same = [n for n in entity.names if fold(re.sub(r"^the\s+", "", n, flags=re.IGNORECASE)) == key]
            if entity.kind in ("organization", "media", "government") and same:
                entity.positions.append(position)
                entity.uses[same[0]] = entity.uses.get(same[0], 0) + 1
                return entity
        known = knowledge().institution(name)
        party = fold(name) in knowledge().parties  # "Green" is a party before it is Damian Green
        if known is None and not party and (knowledge().figure(name) or self._surname_of_known(name)):
            return self.person(name, position)  # "Damian Green", "Trump", tagged as an organisation
        entity = self.new(
            known.actor_kind if known else kind, re.sub(r"^the\s+", "", name, flags=re.IGNORECASE), position
        )
        if known is not None:
            entity.nationality, entity.institution = known.side, known.kind
            entity.known_names.append(known.name)
            return entity
        side = gazetteer().side_of(name)
        if side:
            entity.nationality = side
        entity.party = knowledge().party_in(name)
        return entity

    def _surname_of_known(self, name: str) -> bool:
        """Whether a one-word name is the surname of a person met or of a head of government."""
        if " " in name.strip() or not name[:1].isupper() or name.isupper():
            return False
        if self._match_person([name]) is not None:
            return True
        return any(f.office == "head" for f in knowledge().surnames.get(name_key(name), ()))

    def government(self, side: str, position: tuple[int, int]) -> Entity:
        """The government of a country, named by the country as news names it ("China said")."""
        for entity in self.live():
            if entity.kind == "government" and entity.nationality == side and entity.names[0] == side:
                entity.positions.append(position)
                return entity
        entity = self.new("government", side, position)
        entity.nationality = side
        return entity

    def group(self, members: list[Entity], position: tuple[int, int]) -> Entity:
        """Several named actors speaking together ("Graham Allison and Dimitri Simes")."""
        keys = list(dict.fromkeys(m.key for m in members))
        for entity in self.live():
            if entity.kind == "group" and sorted(entity.members) == sorted(keys):
                entity.positions.append(position)
                return entity
        name = " and ".join([", ".join(m.names[0] for m in members[:-1]), members[-1].names[0]])
        entity = self.new("group", name, position)
        entity.members = keys
        sides = {m.nationality for m in members} - {None}
        if len(sides) == 1:
            entity.nationality = sides.pop()
        return entity

    def descriptor(self, kind: str, name: str, position: tuple[int, int], nationality: str | None) -> Entity:
        """An actor known only by a description ("US officials", "the newspaper")."""
        for entity in self.live():
            if entity.kind == kind and entity.names and fold(entity.names[0]) == fold(name):
                entity.positions.append(position)
                entity.uses[entity.names[0]] = entity.uses.get(entity.names[0], 0) + 1
                return entity
        entity = self.new(kind, name, position)
        entity.nationality = nationality
        return entity

    # -- descriptions ---------------------------------------------------------------------

    def describe(self, entity: Entity, role: str | None, affiliation: str | None, context: str) -> None:
        """Record a role and affiliation seen next to a mention, and the side they imply."""
        if role and not entity.role:
            entity.role = role
        for text in (role, affiliation):
            entity.role_words.update(w.lower().strip(".,’'") for w in (text or "").split())
        if affiliation and not entity.affiliation:
            # A bare nationality ("Russian ambassador") names the country, not a body.
            country = gazetteer().demonyms.get(affiliation.lower())
            entity.affiliation = country if country and " " not in affiliation else affiliation
        places = gazetteer()
        if entity.nationality is None:
            entity.nationality = knowledge().office_country(f"{affiliation or ''} {role or ''} {context}")
        for text in (affiliation or "", role or "", context):
            if not text:
                continue
            if entity.nationality is None:
                side = places.side_of(text, parties=False)
                if side:
                    entity.nationality = side
            party = party_of(text)
            if party and entity.party in (None, party):
                entity.party = party
                entity.party_named = entity.kind == "person"
        low = (role or "").lower()
        if entity.gender is None:
            if any(w in low.split() for w in ("spokeswoman", "chairwoman", "congresswoman", "businesswoman")):
                entity.gender = "female"
            elif any(w in low.split() for w in ("spokesman", "chairman", "congressman", "businessman")):
                entity.gender = "male"
