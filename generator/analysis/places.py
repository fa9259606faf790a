"""Which side a word stands for: countries, their adjectives and capitals, blocs and parties."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from generator.analysis.knowledge import knowledge


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables from a lowercased word or phrase to a side."""

    countries: dict[str, str]
    """Country names and short forms ("us", "britain")."""
    demonyms: dict[str, str]
    """Adjectives and nationals ("chinese", "russians")."""
    capitals: dict[str, str]
    """Capitals and seats of government used for their governments ("beijing", "kremlin")."""
    parties: dict[str, str]
    """Political parties and their adjectives ("republican", "tories")."""
    adjectives: dict[str, str]
    """The usual adjective of each side, as written ("Chinese", "US")."""

    def side_of(self, phrase: str, *, parties: bool = True, adjectives: bool = True) -> str | None:
        """The side a word or phrase names, trying the longest known phrase inside it first (with
        `adjectives` false, by its name or capital only, not "Chinese")."""
        words = phrase.replace("’s", "").replace("'s", "").split()
        for size in range(min(len(words), 5), 0, -1):
            for start in range(len(words) - size + 1):
                raw = " ".join(words[start : start + size]).strip(",;:()").lower()
                key = raw.strip(".")
                if key in ("us", "u.s.") and words[start].strip(".,;:()") not in ("US", "U.S."):
                    continue
                tables = (
                    (self.countries, self.demonyms, self.capitals)
                    if adjectives
                    else (self.countries, self.capitals)
                )
                for table in tables:
                    for candidate in (raw, key):
                        if candidate in table:
                            return table[candidate]
                if (
                    parties
                    and key in self.parties
                    and key not in ("r", "d", "i")
                    and words[start][:1].isupper()
                ):
                    return self.parties[key]
        return None


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer, read once from the package's data files."""
    data = resources.files("generator") / "data"
    countries, demonyms, capitals, adjectives = {}, {}, {}, {}
    for line in (data / "places.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        side, names, nationals, seats = ([*line.split("\t"), "", "", ""])[:4]
        if nationals:
            adjectives[side] = nationals.split("|")[0]
        for table, cell in ((countries, names), (demonyms, nationals), (capitals, seats)):
            for word in filter(None, cell.split("|")):
                table.setdefault(word.lower(), side)
    parties = dict(knowledge().parties)
    return Gazetteer(countries, demonyms, capitals, parties, adjectives)
