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
    ROLE_NOUNS,
    SPELLED_OUT_TITLES,
    TITLES,
)
from generator.analysis.places import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

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
    office: str | None = None
    """For a known political figure, the kind of office they hold (`knowledge.OFFICES`)."""
    institution: str | None = None
    """For a known body, its kind (`knowledge.INSTITUTION_KINDS`)."""
    known_names: list[str] = field(default_factory=list)
    """Names the knowledge files give the actor, shown as aliases but never as its name: the
    article's own name for it stays its name ("FBI", "No 10")."""
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
        keep.positions = sorted(set(keep.positions + gone.positions))
        keep.speaks += gone.speaks
        for attr in ("role", "affiliation", "nationality", "party", "gender", "office", "institution"):
            if getattr(keep, attr) is None:
                setattr(keep, attr, getattr(gone, attr))
        keep.role_words |= gone.role_words
        keep.known_names.extend(n for n in gone.known_names if n not in keep.known_names)
        keep.members.extend(m for m in gone.members if m not in keep.members)

    def live(self) -> list[Entity]:
        return [e for e in self.entities if self.find(e.key) is e]

    def new(self, kind: str, name: str, position: tuple[int, int]) -> Entity:
        entity = Entity(key=len(self.entities), kind=kind, names=[name], positions=[position])
        self.entities.append(entity)
        return entity

    # -- named mentions -------------------------------------------------------------------

    def person(self, name: str, position: tuple[int, int], titles: list[str] = ()) -> Entity | None:
        """The person a name refers to, creating one for a new name."""
        words = name.split()
        if not words:
            return None
        if not titles and knowledge().party_in(name) and fold(name) in knowledge().parties:
            return self.organization(name, position)  # "Labour said", "Plaid Cymru", tagged as a person
        # A name in capitals ("FALLIN:" in a transcript) is matched as it would be written.
        match = self._match_person([w.title() if w.isupper() and len(w) > 2 else w for w in words])
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

    def _match_person(self, words: list[str]) -> Entity | None:
        candidates = sorted(
            (e for e in self.live() if e.kind == "person"), key=lambda e: e.last_seen, reverse=True
        )
        last = words[-1]
        for entity in candidates:
            names = [n.split() for n in entity.names]
            if len(words) == 1:
                if any(near(words[0], part) for n in names for part in n):
                    return entity
                continue
            for other in names:
                if len(other) == 1:
                    if near(last, other[0]) or near(words[0], other[0]):
                        return entity
                    continue
                first_ok = near(words[0], other[0]) or (
                    words[0][0].lower() == other[0][0].lower()
                    and (len(words[0].rstrip(".")) == 1 or len(other[0].rstrip(".")) == 1)
                )
                if near(last, other[-1]) and first_ok:
                    return entity
        return None

    def organization(self, name: str, position: tuple[int, int], kind: str | None = None) -> Entity:
        """The organisation (or outlet, or government body) of this name."""
        key = fold(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))
        kind = kind or org_kind(name)
        for entity in self.live():
            if entity.kind in ("organization", "media", "government") and any(
                fold(re.sub(r"^the\s+", "", n, flags=re.IGNORECASE)) == key for n in entity.names
            ):
                entity.positions.append(position)
                return entity
        known = knowledge().institution(name)
        if known is None and (knowledge().figure(name) or self._surname_of_known(name)):
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
            if entity.party is None:
                party = _party_of(text)
                if party:
                    entity.party = party
        low = (role or "").lower()
        if entity.gender is None:
            if any(w in low.split() for w in ("spokeswoman", "chairwoman", "congresswoman", "businesswoman")):
                entity.gender = "female"
            elif any(w in low.split() for w in ("spokesman", "chairman", "congressman", "businessman")):
                entity.gender = "male"


def _party_of(text: str) -> str | None:
    parties = [p for p in knowledge().parties_in(text) if p != "Independent"]
    if len(parties) > 1:
        return None  # "an adviser to Democratic and Republican administrations": neither
    if parties:
        return parties[0]
    match = re.search(r"\(([RDI])[-–]", text)
    if match:
        return {"R": "Republican Party", "D": "Democratic Party", "I": "Independent"}[match.group(1)]
    return None


def role_and_affiliation(name_span: Span) -> tuple[str | None, str | None, str]:
    """Role and affiliation written around a name, and the words they were read from.

    Reads the words before the name in its noun phrase ("Chinese Foreign Ministry
    spokesman Gen Shuang") and an apposition after or around it ("Dimitri Simes, president
    of the Center for National Interest"; "the Russian ambassador in Beijing, Andrei Denisov").
    """
    left = _words_before(name_span)
    role_words, affiliation_words = _role_before(left)
    context_tokens = list(left)
    appositive = _appositive_of(name_span.root)
    if appositive is not None:
        context_tokens.extend(appositive.subtree)
        role_words, affiliation_words = _role_in_appositive(appositive, role_words, affiliation_words)
    if _former_before(name_span) and "former" not in role_words:
        role_words = ["former", *role_words]
    role = " ".join(role_words).strip() or None
    if role and role.lower() not in ROLE_NOUNS and not any(w.lower() in ROLE_NOUNS for w in role.split()):
        role = role if len(role.split()) <= 4 else None
    affiliation = " ".join(affiliation_words).strip(" ,") or None
    if affiliation and affiliation.lower().startswith("the "):
        affiliation = affiliation[4:]
    context = " ".join(t.text for t in context_tokens)
    return role, affiliation, context


_MODIFIERS = ("compound", "amod", "nmod", "poss", "case", "det", "nummod", "punct")
_FORMER = ("former", "ex", "retired", "onetime", "one-time", "erstwhile")


def _former_before(name_span: Span) -> bool:
    """Whether the title just before a name is a past one ("former Director of National
    Intelligence James Clapper"), which the parse often leaves outside the name's phrase."""
    doc = name_span.doc
    for i in range(name_span.start - 1, max(name_span.start - 7, name_span.sent.start - 1), -1):
        token = doc[i]
        if token.lower_ in _FORMER:
            return True
        if (token.is_punct and token.text != "-") or token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _words_before(name_span: Span) -> list[Token]:
    """The words before a name inside its own phrase ("Chinese Foreign Ministry spokesman")."""
    doc = name_span.doc
    left: list[Token] = []
    inside = set(range(name_span.start, name_span.end))
    i = name_span.start - 1
    while i >= 0:
        token = doc[i]
        if (
            token.head.i not in inside
            or token.dep_ not in _MODIFIERS
            or (token.is_punct and token.text != "-")
        ):
            break
        left.insert(0, token)
        inside.add(i)
        i -= 1
    return left


def _role_before(left: list[Token]) -> tuple[list[str], list[str]]:
    """Role words and affiliation words among the words before a name: a title or role noun
    is a role ("Sen. Lindsey Graham", "President Obama"), a capitalised word before it a body."""
    role_words: list[str] = []
    affiliation_words: list[str] = []
    for token in left:
        if token.dep_ == "det" or token.tag_ == "POS" or token.text in ("’s", "'s"):
            continue
        title = token.lower_.rstrip(".")
        if title in SPELLED_OUT_TITLES or (
            title in ROLE_NOUNS and token.text[:1].isupper() and not token.ent_type_
        ):
            role_words.append(SPELLED_OUT_TITLES.get(title, token.text))
        elif token.text[:1].isupper() or token.ent_type_:
            if role_words:
                affiliation_words.extend(role_words)
                role_words = []
            affiliation_words.append(token.text)
        else:
            role_words.append(token.text)
    return role_words, affiliation_words


def _appositive_of(head: Token) -> Token | None:
    """An apposition on the name ("Simes, president of …"), or the role noun the name is the
    apposition of ("the Russian ambassador in Beijing, Andrei Denisov")."""
    doc = head.doc
    for child in head.children:
        bracketed = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text in ("(", "[")
        if (
            child.dep_ == "appos"
            and child.pos_ in ("NOUN", "PROPN")
            and child.ent_type_ != "PERSON"
            and not bracketed
        ):
            return child
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        return head.head
    return None


def _role_in_appositive(
    appositive: Token, role_words: list[str], affiliation_words: list[str]
) -> tuple[list[str], list[str]]:
    """The role an apposition names, and the body after "of", "for", "at" or "with"."""
    if not role_words:
        modifiers = [
            t.text for t in appositive.lefts if t.dep_ in ("compound", "amod") and not t.text[:1].isupper()
        ]
        role_words = [*modifiers, appositive.text]
    for child in appositive.children:
        if (
            child.dep_ == "prep"
            and child.text.lower() in ("of", "for", "at", "with")
            and not affiliation_words
        ):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                first = objects[0].left_edge.i
                affiliation_words = [t.text for t in objects[0].subtree if t.dep_ != "det" or t.i != first]
        if child.dep_ in ("amod", "compound") and child.text[:1].isupper() and not affiliation_words:
            affiliation_words = [child.text]
    return role_words, affiliation_words
