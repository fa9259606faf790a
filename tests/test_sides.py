"""Which side an actor speaks for, from what the article says of it and what the tool knows."""

from __future__ import annotations

from generator.analysis.actors import Entity
from generator.analysis.sides import choose_sides
from tests.conftest import briefing_of


def person(key, name, speaks=1, **fields) -> Entity:
    return Entity(key, "person", [name], speaks=speaks, **fields)


def test_in_a_domestic_contest_politicians_speak_for_their_party():
    people = [
        person(0, "Ann Lee", nationality="United States", party="Democratic Party", role_words={"senator"}),
        person(1, "Bob Ray", nationality="United States", party="Republican Party", role_words={"senator"}),
    ]
    assert choose_sides(people) == {0: "Democratic Party", 1: "Republican Party"}


def test_with_one_party_in_play_a_politician_speaks_for_the_country():
    people = [
        person(0, "Ann Lee", nationality="United States", party="Democratic Party", role_words={"senator"}),
        person(1, "Ivan Orlov", nationality="Russia", role_words={"minister"}),
    ]
    assert choose_sides(people) == {0: "United States", 1: "Russia"}


def test_heads_of_government_speak_for_their_country_when_other_countries_speak():
    people = [
        person(0, "Ann Lee", nationality="United States", party="Democratic Party", office="head"),
        person(1, "Bob Ray", nationality="United States", party="Republican Party", role_words={"senator"}),
        person(2, "Cal Dunn", nationality="United States", party="Democratic Party", role_words={"senator"}),
        person(3, "Kim Sun", nationality="North Korea", office="head"),
    ]
    sides = choose_sides(people)
    assert (sides[0], sides[3]) == ("United States", "North Korea")
    assert (sides[1], sides[2]) == ("Republican Party", "Democratic Party")


def test_experts_journalists_and_companies_speak_for_no_side():
    cast = [
        person(0, "Tong Zhao", nationality="China", role_words={"analyst"}),
        person(1, "Ann Lee", nationality="United States", role_words={"correspondent"}),
        Entity(2, "organization", ["Acme Shipping"], speaks=1, nationality="Norway"),
        Entity(3, "media", ["The Daily Ledger"], speaks=1, nationality="United Kingdom"),
    ]
    assert set(choose_sides(cast).values()) == {None}


def test_state_media_institutions_parties_and_groups():
    cast = [
        Entity(0, "media", ["KCNA"], speaks=1, nationality="North Korea", institution="state_media"),
        Entity(
            1,
            "government",
            ["State Department"],
            speaks=1,
            nationality="United States",
            institution="government",
        ),
        Entity(2, "organization", ["IAEA"], speaks=1, nationality="IAEA", institution="international"),
        Entity(3, "organization", ["Liberal Democrats"], speaks=1),
        Entity(4, "group", ["US officials"], speaks=1, nationality="United States"),
        Entity(5, "group", ["critics"], speaks=1),
    ]
    assert choose_sides(cast) == {
        0: "North Korea",
        1: "United States",
        2: "IAEA",
        3: "Liberal Democrats",
        4: "United States",
        5: None,
    }


def test_an_official_the_article_gives_no_country_speaks_for_the_country_it_is_about():
    cast = [person(0, "Ali Danjuma", role_words={"police", "commissioner"})]
    assert choose_sides(cast, home="Nigeria") == {0: "Nigeria"}


def test_knowledge_gives_sides_the_sentence_does_not():
    abroad = briefing_of(
        "Talks on trade\n\nThe State Department said the talks would resume. "
        "Analyst Ruth Kahn said the talks would fail."
    )
    assert {a.name: a.side for a in abroad.actors} == {"State Department": "United States", "Ruth Kahn": None}
    at_home = briefing_of(
        "Election row\n\nTony Blair said Britain was ready. Michael Howard said the plan was poor."
    )
    sides = {a.name: a.side for a in at_home.actors}
    assert (sides["Tony Blair"], sides["Michael Howard"]) == ("Labour Party", "Conservative Party")


def test_second_rank_figures_and_bodies_are_known():
    from generator.analysis.knowledge import knowledge

    known = knowledge()
    goldsmith = known.figure("Lord Goldsmith")
    assert goldsmith.name == "Peter Goldsmith"
    assert (goldsmith.country, goldsmith.party) == ("United Kingdom", "Labour Party")
    assert known.figure("Bob Casey Jr.").party == "Democratic Party"
    assert known.figure("Ismet Yilmaz") == known.figure("İsmet Yılmaz")
    assert known.institution("the Centers for Disease Control").side == "United States"
    assert known.institution("Office of Special Counsel").side == "United States"
    assert known.institution("Rossiya Segodnya").kind == "state_media"
    assert known.institution("Yonhap") is None  # a news agency, not a state-owned outlet
    story = briefing_of("Budget row\n\nBob Casey said the bill would fail. Pat Toomey said it was sound.")
    sides = {a.name: a.side for a in story.actors}
    assert (sides["Bob Casey"], sides["Pat Toomey"]) == ("Democratic Party", "Republican Party")


def test_every_known_figure_speaks_for_a_known_side_and_party():
    from generator.analysis.knowledge import knowledge
    from generator.analysis.places import gazetteer

    sides = set(gazetteer().countries.values()) | {i.side for i in knowledge().institutions.values()}
    parties = set(knowledge().parties.values())
    for figure in set(knowledge().figures.values()):
        assert figure.country in sides, figure
        assert figure.party is None or figure.party in parties, figure


def test_a_public_figure_named_only_by_surname_is_recognised_where_their_country_is_in_play():
    cast = [
        person(0, "Trump", role_words={"mr"}),
        Entity(1, "government", ["North Korea"], speaks=1, nationality="North Korea"),
        person(2, "Adnani"),
    ]
    assert choose_sides(cast, home="United States") == {0: "United States", 1: "North Korea", 2: None}


def test_a_person_known_by_a_description_is_read_by_its_words():
    cast = [
        person(0, "a senior Iraqi official", nationality="Iraq"),
        person(1, "Iraqi analysts", nationality="Iraq"),
    ]
    assert choose_sides(cast) == {0: "Iraq", 1: None}


def test_a_party_is_named_by_its_longest_name():
    from generator.analysis.knowledge import knowledge

    assert knowledge().party_in("the Liberal Democrats") == "Liberal Democrats"
    assert knowledge().party_in("Senior Conservative MPs") == "Conservative Party"
    assert knowledge().party_in("liberal activists") is None
    assert knowledge().party_in("D") is None


def test_a_party_or_a_known_figure_the_tagger_misreads_is_still_what_it_is():
    sides = {
        a.name: (a.kind, a.side)
        for a in briefing_of(
            "Reshuffle\n\nBoth Plaid Cymru and Labour said the plan would fail. "
            "Labour said the plan was late. Damian Green said the plan was sound."
        ).actors
    }
    assert sides["Labour"] == ("organization", "Labour Party")
    assert sides["Damian Green"][0] == "person"


def test_a_former_official_speaks_for_no_government_and_a_former_minister_for_the_party():
    cast = [
        person(0, "James Clapper", nationality="United States", office="official", role_words={"former"}),
        person(
            1,
            "Clare Short",
            nationality="United Kingdom",
            party="Labour Party",
            role_words={"former", "minister"},
        ),
        person(2, "Tim Lee", nationality="United Kingdom", party="Conservative Party", role_words={"mp"}),
    ]
    assert choose_sides(cast) == {0: None, 1: "Labour Party", 2: "Conservative Party"}


def test_a_title_that_could_be_anyone_s_is_an_office_only_at_a_government_body():
    cast = [
        person(
            0,
            "Jack Law",
            nationality="United Kingdom",
            role_words={"chief", "executive"},
            affiliation="Alcohol Focus Scotland",
        ),
        person(
            1, "Ann Ray", nationality="United Kingdom", role_words={"director"}, affiliation="Home Office"
        ),
        person(2, "a British government source", nationality="United Kingdom"),
        Entity(3, "group", ["Obama administration officials"], speaks=1),
    ]
    assert choose_sides(cast) == {0: None, 1: "United Kingdom", 2: "United Kingdom", 3: "United States"}


def test_a_head_of_government_speaks_for_the_party_only_when_another_party_answers():
    alone = [person(0, "Donald Trump", nationality="United States", party="Republican Party", office="head")]
    assert choose_sides(alone, named=["Democratic Party"]) == {0: "United States"}
    answered = [
        *alone,
        person(1, "Nancy Pelosi", nationality="United States", party="Democratic Party", office="legislator"),
    ]
    assert choose_sides(answered) == {0: "Republican Party", 1: "Democratic Party"}


def test_every_party_a_phrase_names_is_found_by_its_longest_name():
    from generator.analysis.knowledge import knowledge

    assert knowledge().parties_in("Liberal Democrats and Labour MPs") == ["Liberal Democrats", "Labour Party"]
    assert knowledge().parties_in("an adviser to Democratic and Republican administrations") == [
        "Democratic Party",
        "Republican Party",
    ]


def test_a_politician_the_article_names_by_party_speaks_for_the_party():
    b = briefing_of(
        "Headline\n\nThe Scottish National Party's Holyrood leader Nicola Sturgeon said the first "
        "minister should apologise. The Conservative MP Sir Patrick McLoughlin said the remark was "
        "unedifying. The government said the remarks had been taken out of context."
    )
    sides = {a.name: a.side for a in b.actors}
    assert sides["Nicola Sturgeon"] == "Scottish National Party"
    assert sides["Patrick McLoughlin"] == "Conservative Party"


def test_the_owner_of_a_title_is_part_of_the_description():
    from generator.analysis.nlp import parse
    from generator.analysis.roles import role_and_affiliation

    doc = parse(["China's Foreign Ministry spokesman Geng Shuang said so."])[0]
    name = next(e for e in doc.ents if e.text == "Geng Shuang")
    role, affiliation, context = role_and_affiliation(name)
    assert role == "spokesman" and "China" in affiliation and context.startswith("China")


def test_the_government_of_a_story_is_the_country_whose_officials_do_all_the_talking():
    b = briefing_of(
        "Headline\n\nIraq was invaded in 2003. Iraq's oil fields were seized and Iraq's army was "
        "disbanded, and Baghdad fell. Prime Minister Tony Blair said the advice had been published. "
        "Lord Goldsmith said the war was legal. The government said such papers were always kept "
        "confidential."
    )
    assert {a.name: a.side for a in b.actors}["government"] == "United Kingdom"
    assert "Iraq" not in {a.side for a in b.actors}


def test_a_person_the_sentence_says_speaks_for_a_party_speaks_for_it():
    b = briefing_of(
        "Headline\n\nLabour said schools were improving. For the Conservatives, shadow education "
        'secretary Tim Collins said: "The government is all talk."'
    )
    assert {a.name: a.side for a in b.actors}["Tim Collins"] == "Conservative Party"


def test_a_title_at_an_international_organisation_is_an_office():
    b = briefing_of(
        "Headline\n\n'This is a global issue,' Michael Moller, director of the U.N. office in Geneva, "
        "said on Monday."
    )
    assert {a.name: a.side for a in b.actors}["Michael Moller"] == "United Nations"
