"""What the tool knows before it reads an article: institutions and the side they speak for,
political figures with their country and party, parties with their country, and titles of
office that name one country. Read once, on first use, from `generator/data/knowledge/`.

The files hold public knowledge (which body is whose, who leads which party), so that a side
does not depend only on the sentence: "the State Department said" speaks for the United States
however the sentence is worded, and Mr Blair is Labour's in a story that never says so.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

INSTITUTION_KINDS = (
    "government", "legislature", "military", "intelligence", "court", "police", "state_media",
    "international", "armed_group",
)  # fmt: skip
OFFICES = ("head", "minister", "legislator", "party", "official", "candidate")


class KnowledgeError(Exception):
    """A knowledge file is inconsistent; the message names the file and line."""


@dataclass(frozen=True)
class Institution:
    """A body that speaks for a side: a ministry, a legislature, state media, an international
    organisation or an armed group."""

    name: str
    side: str
    kind: str
    """One of `INSTITUTION_KINDS`."""

    @property
    def actor_kind(self) -> str:
        """The kind of actor it is on a briefing page."""
        if self.kind == "state_media":
            return "media"
        if self.kind in ("international", "armed_group"):
            return "organization"
        return "government"


@dataclass(frozen=True)
class Figure:
    """A political figure: the country (or organisation) they speak for, their party, office."""

    name: str
    country: str
    party: str | None
    office: str
    """One of `OFFICES`: head (of state or government), minister, legislator, party, official, candidate."""


@dataclass(frozen=True)
class Knowledge:
    institutions: dict[str, Institution]
    """By `name_key` of every name and alias; acronyms by their exact spelling."""
    figures: dict[str, Figure]
    """By `name_key` of every name and alias."""
    parties: dict[str, str]
    """A party's names and adjectives, lower-cased → its side ("tories" → "Conservative Party")."""
    party_country: dict[str, str]
    """A party's side → its country."""
    offices: dict[str, str]
    """A title of office, lower-cased → the country it names."""
    surnames: dict[str, tuple[Figure, ...]]
    """By `name_key` of a figure's last name (without "al-"): every figure who bears it."""

    def institution(self, text: str) -> Institution | None:
        """The institution a name or phrase names, if it is one ("the State Department", "No 10")."""
        cleaned = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE).strip(" ,.;:’'")
        cleaned = re.sub(r"(’s|'s)$", "", cleaned)
        return self.institutions.get(cleaned) or self.institutions.get(name_key(cleaned))

    def figure(self, name: str) -> Figure | None:
        return self.figures.get(name_key(name))

    def figure_by_surname(self, surname: str, countries: set[str]) -> Figure | None:
        """The one figure of this surname who speaks for a country the article names ("Mr Trump"
        in a story of the United States), if exactly one does; of several, the one head of state
        or government ("Trump" is the president, not his son); or, when all speak for one
        country and party, that side."""
        bearers = [f for f in self.surnames.get(surname_key(surname), ()) if f.country in countries]
        heads = [f for f in bearers if f.office == "head"]
        if len(bearers) > 1 and len(heads) == 1:
            return heads[0]
        if len({(f.country, f.party) for f in bearers}) == 1:
            # Two Labour ministers called Brown speak for the same side: that is all it takes.
            office = bearers[0].office if len({f.office for f in bearers}) == 1 else "legislator"
            return Figure(surname, bearers[0].country, bearers[0].party, office)
        return None

    def party_in(self, text: str) -> str | None:
        """The party a phrase names, its longest name first ("Liberal Democrats" before
        "Democrats"), written with capitals as parties are; single letters ("D", "R") only in a
        party label, never here."""
        found = self.parties_in(text)
        return found[0] if found else None

    def parties_in(self, text: str) -> list[str]:
        """Every party a phrase names, in order, each by its longest name."""
        words = [w.strip(".,;:()") for w in text.replace("’s", "").replace("'s", "").split()]
        found: list[str] = []
        start = 0
        while start < len(words):
            for size in (4, 3, 2, 1):
                window = words[start : start + size]
                phrase = " ".join(window).lower()
                capitalised = window[0][:1].isupper() and window[-1][:1].isupper()
                if len(window) == size and capitalised and len(phrase) > 1 and phrase in self.parties:
                    found.append(self.parties[phrase])
                    start += size - 1
                    break
            start += 1
        return list(dict.fromkeys(found))

    def office_country(self, text: str) -> str | None:
        """The country a title of office in the text names ("Home Secretary" → United Kingdom)."""
        low = " " + " ".join(re.findall(r"[\w-]+", text.lower())) + " "
        for title in sorted(self.offices, key=len, reverse=True):
            if f" {title} " in low:
                return self.offices[title]
        return None


def name_key(text: str) -> str:
    """A name as names are compared: case, accents, punctuation and spacing folded."""
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    return " ".join(re.findall(r"\w+", folded))


def surname_key(name: str) -> str:
    """A last name as surnames are compared: "al-Adnani", "Adnani" and "ADNANI" alike."""
    return (name_key(name).split() or [""])[-1]


def _exact(alias: str) -> bool:
    """Acronyms and short names ("WHO", "ICE", "RT") match only as written: in lower case they
    are ordinary words."""
    return alias.isupper() or len(alias) <= 4


def _rows(name: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    text = (resources.files("generator") / "data" / "knowledge" / name).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > columns:
            raise KnowledgeError(f"{name}, line {number}: {len(cells)} columns, at most {columns}")
        yield number, cells + [""] * (columns - len(cells))


def _add(table: dict, key: str, value: object, name: str, number: int, seen: dict[str, int]) -> None:
    if key in seen and table[key] != value:
        raise KnowledgeError(f"{name}, line {number}: {key!r} is listed already, at line {seen[key]}")
    seen.setdefault(key, number)
    table[key] = value


def _institutions() -> dict[str, Institution]:
    table: dict[str, Institution] = {}
    seen: dict[str, int] = {}
    for number, (name, aliases, side, kind) in _rows("institutions.tsv", 4):
        if kind not in INSTITUTION_KINDS:
            raise KnowledgeError(f"institutions.tsv, line {number}: unknown kind {kind!r}")
        institution = Institution(name, side, kind)
        for alias in [name, *filter(None, aliases.split("|"))]:
            _add(
                table,
                alias if _exact(alias) else name_key(alias),
                institution,
                "institutions.tsv",
                number,
                seen,
            )
    return table


def _figures() -> dict[str, Figure]:
    table: dict[str, Figure] = {}
    seen: dict[str, int] = {}
    for number, (name, aliases, country, party, office) in _rows("people.tsv", 5):
        if office not in OFFICES:
            raise KnowledgeError(f"people.tsv, line {number}: unknown office {office!r}")
        figure = Figure(name, country, party or None, office)
        for alias in [name, *filter(None, aliases.split("|"))]:
            _add(table, name_key(alias), figure, "people.tsv", number, seen)
    return table


def _parties() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    countries: dict[str, str] = {}
    for _number, (side, words, country) in _rows("parties.tsv", 3):
        for word in filter(None, words.split("|")):
            names.setdefault(word.lower(), side)
        if country:
            countries[side] = country
    return names, countries


@cache
def knowledge() -> Knowledge:
    """Everything the knowledge files hold, read and checked once.

    Raises:
        KnowledgeError: a file is inconsistent; names the file and line.
    """
    parties, party_country = _parties()
    offices = {title.lower(): country for _, (title, country) in _rows("offices.tsv", 2)}
    figures = _figures()
    surnames: dict[str, tuple[Figure, ...]] = {}
    for figure in dict.fromkeys(figures.values()):
        key = surname_key(figure.name)
        surnames[key] = (*surnames.get(key, ()), figure)
    return Knowledge(_institutions(), figures, parties, party_country, offices, surnames)
