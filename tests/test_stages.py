"""Unit tests of the smaller stages: places, stance, positions, catalog, comparison, pictures."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.analysis.places import gazetteer
from generator.analysis.positions import find_positions, short
from generator.analysis.stance import hedges_in, modality
from generator.model import Actor, Article, Briefing, Claim, Evidence, Story
from generator.render.svg import actor_map, monthly_bars
from generator.site.catalog import build_catalog
from generator.site.compare import compare
from tests.conftest import briefing_of


def article(slug: str, published: str | None = None, outlet: str | None = None, tags=()) -> Article:
    return Article(
        path=f"{slug}.txt",
        slug=slug,
        title=f"Title {slug}",
        paragraphs=("One.", "Two."),
        published=published,
        outlet=outlet,
        tags=tuple(tags),
    )


def claim(
    cid: str, speaker: str | None, text: str, modality_: str = "assertion", paragraph: int = 1
) -> Claim:
    return Claim(
        id=cid,
        speaker=speaker,
        kind="indirect",
        cue="said",
        text=text,
        paragraph=paragraph,
        sentence=text,
        modality=modality_,
    )


def briefing(slug: str, actors, claims, published=None, outlet=None, evidence=(), tags=()) -> Briefing:
    positions = find_positions(tuple(actors), tuple(claims))
    return Briefing(
        article(slug, published, outlet, tags),
        tuple(actors),
        tuple(claims),
        tuple(evidence),
        positions,
        "bluf",
        topics=tuple(tags),
    )


@pytest.mark.parametrize(
    "phrase, side",
    [
        ("Chinese Foreign Ministry", "China"),
        ("the Kremlin", "Russia"),
        ("Washington", "United States"),
        ("U.S. officials", "United States"),
        ("us", None),
        ("Downing Street", "United Kingdom"),
        ("Republican nominee", "Republican Party"),
        ("Tories", "Conservative Party"),
        ("the weather", None),
    ],
)
def test_side_of(phrase, side):
    assert gazetteer().side_of(phrase) == side


def test_a_capital_speaks_for_its_government_named_by_the_country():
    b = briefing_of(
        "Headline\n\nBeijing said the talks would resume. Washington warned that tariffs would rise."
    )
    governments = {a.name: a.side for a in b.actors if a.kind == "government"}
    assert governments == {"China": "China", "United States": "United States"}


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        ("the allegations are groundless", "denied", "denial"),
        ("the figure will continue to increase", "said", "prediction"),
        ("member states should ratify the treaty", "said", "recommendation"),
        ("the talks were useful", "said", "assertion"),
        ("the plan", "urged", "recommendation"),
    ],
)
def test_modality(text, cue, expected):
    assert modality(text, cue) == expected


def test_hedges_are_kept_as_written():
    assert hedges_in("it is unlikely that an alliance will be signed, but it could happen") == (
        "unlikely",
        "could",
    )
    assert hedges_in("this figure will continue to increase") == ("will continue to",)
    assert hedges_in("the river rose") == ()


def test_short_gist_cuts_at_a_clause():
    text = "the cooperation between China and Russia poses a major strategic challenge for the US, and if left unchecked could have very negative consequences"
    assert (
        short(text)
        == "the cooperation between China and Russia poses a major strategic challenge for the US…"
    )
    assert short("a short claim.") == "a short claim"


def test_positions_group_claims_by_side():
    actors = (
        Actor("a", "Ann Lee", "person", side="Norway"),
        Actor("b", "Boris Ivanov", "person", side="Russia"),
        Actor("c", "Cara", "person"),
    )
    claims = (
        claim("1", "a", "routes must be safe"),
        claim("2", "b", "the route is ours", "denial"),
        claim("3", "c", "no side here"),
        claim("4", "a", "we will report ships", "prediction"),
    )
    positions = {p.side: p for p in find_positions(actors, claims)}
    assert set(positions) == {"Norway", "Russia"}
    assert positions["Norway"].claims == ("1", "4")
    assert positions["Russia"].stance == "opposes"


def test_catalog_merges_an_actor_across_briefings_and_finds_contradictions():
    geng_1 = Actor("geng-shuang", "Geng Shuang", "person", role="spokesman", side="China")
    geng_2 = Actor("geng", "Geng", "person", side="China")
    geng_full = Actor("geng-shuang", "Geng Shuang", "person", side="China", aliases=("Geng",))
    coats = Actor("daniel-coats", "Daniel Coats", "person", side="United States")
    first = briefing(
        "one",
        [geng_1, coats],
        [
            claim("c1", "geng-shuang", "cooperation with Russia is not directed against third countries"),
            claim(
                "c2",
                "daniel-coats",
                "cooperation with Russia is directed against third countries and Washington",
            ),
        ],
        published="2024-01-02",
    )
    second = briefing(
        "two", [geng_2], [claim("c3", "geng", "relations are at their best")], published="2024-02-01"
    )
    third = briefing(
        "three", [geng_full], [claim("c4", "geng-shuang", "no confrontation")], published="2023-12-01"
    )
    catalog = build_catalog([first, second, third])
    geng = next(a for a in catalog.actors if a.name == "Geng Shuang")
    assert {m.briefing.article.slug for m in geng.mentions} == {"one", "two", "three"}
    assert [v.claim.id for v in geng.voices] == ["c3", "c1", "c4"]  # newest first
    china = next(s for s in catalog.sides if s.name == "China")
    assert china.per_month == (("2023-12", 1), ("2024-01", 1), ("2024-02", 1))
    assert [c.second.claim.id for c in china.contradictions] == ["c2"]


def test_compare_sources_of_a_story():
    dahl_a = Actor("dahl", "Ingrid Dahl", "person", side="Norway")
    dahl_b = Actor("ingrid-dahl", "Ingrid Dahl", "person", side="Norway")
    orlov = Actor("orlov", "Pavel Orlov", "person", side="Russia")
    a = briefing(
        "a",
        [dahl_a],
        [
            claim("a1", "dahl", "we cannot accept routes that put our coastline at risk"),
            claim("a2", "dahl", "only here"),
        ],
        outlet="Ledger",
        evidence=[
            Evidence(
                "e1",
                "statistic",
                "traffic through the region rose by 37%",
                1,
                "s",
                value="37%",
                measure="traffic through the region",
            )
        ],
    )
    b = briefing(
        "b",
        [dahl_b, orlov],
        [claim("b1", "orlov", "we cannot accept routes that put our coastline at risk")],
        outlet="Times",
        evidence=[
            Evidence(
                "e2",
                "statistic",
                "traffic in the region rose by 25%",
                1,
                "s",
                value="25%",
                measure="traffic in the region",
            )
        ],
    )
    result = compare(Story("story-x", "Story", "x", (a, b)))
    assert len(result.shared) == 1 and result.shared[0].outlets == ("Ledger", "Times")
    assert result.attribution_clashes == result.shared
    assert [c.reports[0].claim.id for c in result.unique] == ["a2"]
    assert len(result.figure_clashes) == 1
    assert {s.side for s in result.sides} == {"Norway", "Russia"}


def test_pictures_are_well_formed_svg_with_escaped_labels():
    actors = (Actor("x", "<script>alert(1)</script>", "person", side="A & B"),)
    b = briefing("svg", actors, [claim("1", "x", "text with <tags> & ampersands")])
    markup = str(actor_map(b))
    svg = markup[markup.index("<svg") : markup.rindex("</svg>") + 6]
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and "<script>" not in markup
    chart = str(monthly_bars((("2024-01", 2), ("2024-03", 1)), "Claims <per> month"))
    root = ET.fromstring(chart[chart.index("<svg") : chart.rindex("</svg>") + 6])
    labels = [t.text for t in root.iter() if t.tag.endswith("text") and t.text]
    assert "2024-02" in labels  # months without claims are shown too


def test_the_schemas_allow_exactly_the_values_of_the_model():
    """The JSON schemas list the kinds, origins, modalities and stances the model declares."""
    import json
    from importlib import resources
    from typing import get_args

    from generator.model import ActorKind, ClaimKind, EvidenceKind, Modality, Origin, Stance

    schema = json.loads((resources.files("generator") / "data" / "briefing.schema.json").read_text())
    items = {
        name: schema["properties"][name]["items"]["properties"] for name in ("actors", "claims", "evidence")
    }
    assert items["actors"]["kind"]["enum"] == list(get_args(ActorKind))
    assert items["claims"]["kind"]["enum"] == list(get_args(ClaimKind))
    assert items["evidence"]["kind"]["enum"] == list(get_args(EvidenceKind))
    assert items["claims"]["modality"]["enum"] == list(get_args(Modality))
    assert schema["properties"]["positions"]["items"]["properties"]["stance"]["enum"] == list(
        get_args(Stance)
    )
    for name in ("actors", "claims", "evidence"):
        assert items[name]["origin"]["enum"] == list(get_args(Origin))
    review = json.loads((resources.files("generator") / "data" / "review.schema.json").read_text())
    text = json.dumps(review)
    for kinds in (ActorKind, ClaimKind, EvidenceKind):
        assert json.dumps(list(get_args(kinds))) in text
