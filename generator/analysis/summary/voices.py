"""Who stands where, in few words: each side with the actors who speak for it, then the other
actors the story is about."""

from __future__ import annotations

import re
from collections import Counter

from generator.analysis.lexicon import TITLES
from generator.analysis.places import gazetteer
from generator.analysis.summary.lead import story
from generator.model import Actor, Article, Claim, Position
from generator.text import words

_SIDES = 3
_VOICES = 2
"""Actors named for a side: the two it is most about."""
_OTHERS = 3
_MENTIONED = 3
"""How much a story must be about an actor who never speaks before it counts as one the story is
about ("Kim Jong-un" in a story of his summit)."""
_EARLY = 3
_DWELT = 3
"""Paragraphs that name a country or a party that does not speak before it is one the story is
about ("Iran" in a story of a letter to its leaders)."""
_SHARE = 8
_NAMES = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
"""The paragraphs after the headline that name the story's subjects."""
_CONNECTORS = frozenset(
    {"of", "the", "and", "for", "de", "du", "da", "di", "del", "der", "van", "von", "la", "le"}
    | {"el", "al", "bin", "y", "on", "in"}
)


def who_stands_where(
    lead: str,
    article: Article,
    actors: tuple[Actor, ...],
    claims: tuple[Claim, ...],
    positions: tuple[Position, ...],
    budget: int,
) -> list[str]:
    """ "Sides: A (voice, voice); B (voice)." for the main sides, then "Also involved: …" for the
    actors of no side that the story is about and the lead does not name, in `budget` words.

    Only what the story says counts: an actor who speaks or is named only in a caption, a credit
    or a label is left out.
    """
    paragraphs = story(article)
    numbers = {0} | {n for n, _ in paragraphs}
    speaking = {s for c in claims if c.paragraph in numbers for s in c.speakers}
    texts = [article.title, *(t for _, t in paragraphs)]
    weight = salience(texts, actors, claims, numbers)
    named: list[Actor] = []
    main = _main_sides(positions, weight)
    sides = _sides(main, [a for a in actors if a.id in speaking], weight, named, budget)
    # An actor of a side left out ("Yesh Atid" fourth of four) may still be one the story is about.
    sided = {i for p in main for i in p.actors}
    text = " ".join(t for _, t in paragraphs)
    shown = {p.side for p in main} | sides_named(lead, by_adjective=False)
    others = [
        a
        for a in actors
        if a.id not in sided
        and _main(a, weight[a.id], a.id in speaking, text)
        and not mentions(lead, a)
        and _display(a) not in shown
    ]
    places = _places(texts, weight)
    others += [place for place in places if place.name not in shown]
    chosen: list[str] = []
    # Of two named as often, one who speaks for a side is more a party to the story than an analyst.
    ranked = sorted(others, key=lambda a: (-weight[a.id], a.side is None, a.name))
    for actor in _distinct(ranked, named)[:_OTHERS]:
        if len(words(f"{sides} Also involved: {', '.join([*chosen, _display(actor)])}.")) <= budget:
            chosen.append(_display(actor))
    involved = f"Also involved: {', '.join(chosen)}." if chosen else ""
    return [part for part in (sides, involved) if part]


def sides_named(text: str, by_adjective: bool = True) -> set[str]:
    """The countries, blocs and parties a text names ("Tehran" names Iran, "Tories" the
    Conservative Party); without `by_adjective`, not by an adjective alone ("Iranian leaders" are
    named, not Iran as a party to the story)."""
    return set(_side_names(text, by_adjective))


def _side_names(text: str, by_adjective: bool = True) -> list[str]:
    """The side of each name in a text that names one, in reading order."""
    places = gazetteer()
    found = (places.side_of(m.group(), adjectives=by_adjective) for m in _NAMES.finditer(text))
    return [side for side in found if side]


def _main_sides(positions: tuple[Position, ...], weight: Counter) -> tuple[Position, ...]:
    """The sides a bottom line names: those that say most and whose main voice the story is most
    about (the party of a minister the story follows before one quoted once more), in the order
    given on a tie."""

    def rank(position: Position) -> int:
        return 2 * len(position.claims) + max((weight[a] for a in position.actors), default=0)

    return tuple(sorted(positions, key=lambda p: -rank(p))[:_SIDES])


def _places(texts: list[str], weight: Counter) -> list[Actor]:
    """The sides a story dwells on (named in `_DWELT` paragraphs past the headline, and in one in
    `_SHARE` of a long story's, or twice as often in fewer paragraphs), as actors of their own,
    their weight counted as an actor's is."""
    counts: Counter = Counter()
    times: Counter = Counter()
    for i, text in enumerate(texts):
        named = _side_names(text)
        for side in set(named):
            counts[side] += i > 0
            times[side] += named.count(side) if i > 0 else 0
            weight[f"side:{side}"] += 2 if i <= _EARLY else 1
    least = max(_DWELT, (len(texts) - 1) / _SHARE)
    return [
        Actor(f"side:{side}", side, "organization")
        for side, n in sorted(counts.items())
        if n >= least or (n > 1 and times[side] >= 2 * least)
    ]


def _sides(
    positions: tuple[Position, ...], speakers: list[Actor], weight: Counter, named: list[Actor], budget: int
) -> str:
    """ "Sides: A (voice, voice); B." with as many sides and voices as fit; `named` gets the
    actors it names."""
    by_id = {a.id: a for a in speakers}
    items: list[str] = []

    def sentence(items: list[str]) -> str:
        return f"{'Sides' if len(items) > 1 else 'Side'}: {'; '.join(items)}." if items else ""

    for position in positions:
        shown = _distinct(_voices(position, by_id, weight), named)[:_VOICES]
        for count in range(len(shown), -1, -1):
            voices = ", ".join(_voice(a, position.side) for a in shown[:count])
            item = f"{position.side} ({voices})" if voices else position.side
            if len(words(sentence([*items, item]))) <= budget:
                items.append(item)
                named.extend(shown[:count])
                break
    return sentence(items)


def salience(
    texts: list[str], actors: tuple[Actor, ...], claims: tuple[Claim, ...], numbers: set[int]
) -> Counter:
    """How much a story is about each actor: its claims in the paragraphs `numbers`, and the
    `texts` (headline first, then the paragraphs) that name it, the headline and the first
    paragraphs counting twice (a story names its subjects first)."""
    weight: Counter = Counter(s for c in claims if c.paragraph in numbers for s in c.speakers)
    for actor in actors:
        weight[actor.id] += sum(
            2 if i <= _EARLY else 1 for i, text in enumerate(texts) if mentions(text, actor)
        )
    return weight


def mentions(text: str, actor: Actor) -> bool:
    """Whether the text names the actor: by its name, an alias, or a person's surname."""
    return any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) for form in _names(actor))


def _names(actor: Actor) -> set[str]:
    names = {actor.name, *actor.aliases}
    last = actor.name.split()[-1] if actor.name.split() else ""
    if actor.kind == "person" and len(actor.name.split()) > 1 and len(last) > 2 and last[0].isupper():
        names.add(last)
    return {n for n in names if n.strip()}


def _voices(position: Position, by_id: dict[str, Actor], weight: Counter) -> list[Actor]:
    """The actors who speak for a side, those the story is most about first: named ones before
    descriptions ("one senior official"), people and bodies before groups and outlets. The side
    itself ("Labour" for the Labour Party) is no voice of its own, but its government is."""
    voices = [
        actor
        for actor in (by_id[i] for i in position.actors if i in by_id)
        if actor.kind == "government" or not _is_side(actor.name, position.side)
    ]
    named = [a for a in voices if a.name[:1].isupper()]
    return sorted(named or voices, key=lambda a: (a.kind in ("group", "media"), -weight[a.id], a.name))


def _voice(actor: Actor, side: str) -> str:
    return "government" if actor.kind == "government" and _is_side(actor.name, side) else actor.name


def _is_side(name: str, side: str) -> bool:
    """Whether a name is the side's own ("Britain" for the United Kingdom, "Tories")."""
    places = gazetteer()
    key = name.casefold().removeprefix("the ")
    tables = (places.countries, places.demonyms, places.parties)
    return name == side or any(table.get(key) == side for table in tables)


def _display(actor: Actor) -> str:
    """The actor's name; a party by its own name ("Lib Dems" is the Liberal Democrats)."""
    return gazetteer().parties.get(actor.name.casefold().removeprefix("the "), actor.name)


def _distinct(candidates: list[Actor], named: list[Actor]) -> list[Actor]:
    """The candidates less those that name an actor already named: by a shared name or surname, or
    a name inside the other's ("Trump" and "Donald Trump", "Adnani" and "Al-Adnani")."""
    out: list[Actor] = []
    taken = list(named)
    for actor in candidates:
        mine, forms = set(words(_display(actor))), _forms(actor)
        if any(
            forms & _forms(o) or mine <= set(words(_display(o))) or set(words(_display(o))) <= mine
            for o in taken
        ):
            continue
        out.append(actor)
        taken.append(actor)
    return out


def _forms(actor: Actor) -> set[str]:
    return {" ".join(words(n)) for n in _names(actor)}


def _main(actor: Actor, weight: int, speaks: bool, text: str) -> bool:
    """Whether an actor of no side is one the story is about, and is named like one: a word the
    article also writes in lower case ("Police", "Department") or a title ("President") is not."""
    name = actor.name.split()
    if actor.kind in ("media", "group") or not _looks_like_a_name(name):
        return False
    word = name[0].casefold()
    if len(name) == 1 and (
        word in TITLES or word.rstrip("s") in TITLES or re.search(rf"\b{re.escape(word)}\b", text)
    ):
        return False
    return speaks or (actor.kind == "person" and len(name) > 1 and weight >= _MENTIONED)


def _looks_like_a_name(tokens: list[str]) -> bool:
    if not tokens or not tokens[0][:1].isupper() or tokens[-1].lower() in _CONNECTORS:
        return False
    return all(
        t[:1].isupper() or t[:1].isdigit() or t.lower() in _CONNECTORS or t[:3] == "al-" for t in tokens
    )
