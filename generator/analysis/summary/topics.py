"""The topics of a briefing: the analyst's tags, the countries it dwells on, and its themes."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.analysis.places import gazetteer
from generator.model import Actor, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Themes found by keywords in the text; a briefing is tagged with the ones it dwells on.
THEMES: dict[str, tuple[str, ...]] = {
    "Diplomacy": (
        "diplomat",
        "diplomatic",
        "foreign minist",
        "ambassador",
        "summit",
        "bilateral",
        "relations",
        "treaty",
        "alliance",
        "talks",
    ),
    "Defence and security": (
        "military",
        "troops",
        "army",
        "defence",
        "defense",
        "weapon",
        "missile",
        "nuclear",
        "war",
        "attack",
        "security",
        "arms",
    ),
    "Economy and trade": (
        "economy",
        "economic",
        "trade",
        "tariff",
        "currency",
        "market",
        "investment",
        "growth",
        "inflation",
        "budget",
        "tax",
        "sanction",
    ),
    "Elections and parties": (
        "election",
        "vote",
        "voter",
        "campaign",
        "poll",
        "candidate",
        "primary",
        "ballot",
        "nominee",
        "party",
    ),
    "Migration": ("migrant", "migration", "refugee", "asylum", "border", "immigra"),
    "Health": ("health", "hospital", "virus", "vaccine", "disease", "ebola", "pandemic", "medical", "nhs"),
    "Climate and energy": ("climate", "emission", "carbon", "energy", "oil", "gas", "renewable", "warming"),
    "Law and justice": (
        "court",
        "judge",
        "law",
        "legal",
        "trial",
        "prosecut",
        "lawsuit",
        "justice",
        "police",
        "crime",
    ),
    "Rights and society": ("rights", "protest", "freedom", "discrimination", "equality", "abuse"),
    "Technology": ("technology", "cyber", "internet", "digital", "hack", "data", "artificial intelligence"),
}


def find_topics(article: Article, docs: list[Doc], actors: tuple[Actor, ...]) -> tuple[str, ...]:
    """Tags from the analyst, the countries and bodies the article dwells on, and its themes."""
    topics: list[str] = list(article.tags)
    sides = Counter()
    places = gazetteer()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                side = places.side_of(ent.text, parties=False)
                if side:
                    sides[side] += 1
    for side, count in sides.most_common(4):
        if count >= 2 and side not in topics:
            topics.append(side)
    text = " ".join(article.paragraphs).lower()
    scored = []
    for theme, keys in THEMES.items():
        hits = sum(text.count(k) for k in keys)
        if hits >= 3:
            scored.append((hits, theme))
    for _, theme in sorted(scored, reverse=True)[:3]:
        if theme not in topics:
            topics.append(theme)
    return tuple(topics)
