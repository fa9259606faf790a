"""The bottom line up front: the lead sentence, cut properly and found past page furniture, then
who stands where, in at most 80 words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.summary import BLUF_WORDS, bottom_line
from generator.analysis.summary.lead import is_furniture, lead, split_sentences
from generator.model import Actor, Article, Claim, Position
from generator.text import words

COMPLETE = re.compile(r"[.!?][\"”’)]?$")


def article(*paragraphs: str, title: str = "Ministers split over shipping lanes") -> Article:
    return Article(path="a.txt", slug="a", title=title, paragraphs=tuple(paragraphs))


def claim(cid: str, speaker: str, paragraph: int = 2) -> Claim:
    return Claim(
        id=cid,
        speaker=speaker,
        kind="indirect",
        cue="said",
        text="the lanes would stay open",
        paragraph=paragraph,
        sentence="",
    )


@pytest.mark.parametrize(
    "text, sentences",
    [
        (
            "The U.S. Senate voted on Tuesday. Mr. Dahl said the talks in Jan. 2024 had failed.",
            ["The U.S. Senate voted on Tuesday.", "Mr. Dahl said the talks in Jan. 2024 had failed."],
        ),
        (
            "Envoys met at No. 10 Downing Street. No. The second meeting never happened.",
            ["Envoys met at No. 10 Downing Street.", "No.", "The second meeting never happened."],
        ),
        (
            "The fleet sailed to the U.S. The crews were told nothing.",
            ["The fleet sailed to the U.S.", "The crews were told nothing."],
        ),
        (
            "Talks were led by George W. Bush and Sen. Ann Roe of Ariz. until dawn.",
            ["Talks were led by George W. Bush and Sen. Ann Roe of Ariz. until dawn."],
        ),
        (
            "“The lanes stay open.” The minister left. “Why now?” she asked. “Because!”",
            ["“The lanes stay open.”", "The minister left.", "“Why now?” she asked.", "“Because!”"],
        ),
        (
            'Ports will close.The ministry said so."We regret it," an aide added.',
            ["Ports will close.", "The ministry said so.", '"We regret it," an aide added.'],
        ),
    ],
)
def test_sentences_end_at_a_stop_never_inside_an_abbreviation(text, sentences):
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    "paragraph",
    [
        "In this photo released by the coast guard, a trawler waits off Tromso, Norway, Friday, Feb. 9, 2024.",
        "A trawler waits off Tromso on Friday. (AP Photo/Kari Lund)",
        "Enlarge this image toggle caption Kari Lund/Getty Images Kari Lund/Getty Images",
        "Media playback is unsupported on your device Media caption The minister explains the rules.",
        "LISTEN TO ARTICLE 2:13 SHARE THIS ARTICLE Share Tweet Post Email",
        "Story highlights Norway wants the rules tightened",
        "By Jane Doe, Sample Wire",
        "Jane Doe",
        "Sample Wire",
        "Ministers are said to be weighing a second round of talks",
        "JUST WATCHED Ships cross the Barents Sea Replay More Videos",
        "• A daily digest of Arctic shipping news.",
        "Sign up for our Arctic newsletter.",
    ],
)
def test_captions_credits_bylines_and_labels_are_not_story(paragraph):
    assert is_furniture(paragraph)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Norway and Russia failed to agree on new shipping rules for the Arctic on Tuesday.",
        "“We will not sign,” the Russian envoy said.",
        "US, UK and EU officials met in Oslo.",
        "By late Friday, the two delegations had stopped talking to each other.",
        "The plan failed as Russia and other states refused to sign up to a binding regime.",
    ],
)
def test_story_is_story(paragraph):
    assert not is_furniture(paragraph)


def test_a_paragraph_that_introduces_a_list_still_leads():
    story = article("Norway has set out new rules for Arctic shipping. Here is what they say:", "- Ice class")
    assert lead(story) == "Norway has set out new rules for Arctic shipping."


def test_the_lead_is_the_first_real_sentence_past_the_furniture():
    story = article(
        "By Jane Doe, Sample Wire",
        "In this photo released by the coast guard, a trawler waits off Tromso, Norway, Friday, Feb. 9, 2024.",
        "OSLO, Norway — Norway and Russia failed to agree on Arctic shipping rules on Tuesday. "
        "The talks will resume in March.",
    )
    assert lead(story) == "Norway and Russia failed to agree on Arctic shipping rules on Tuesday."


@pytest.mark.parametrize(
    "opening",
    [
        "JERUSALEM—Ministers",
        "GAZA CITY, Gaza Strip (AP) - Ministers",
        "(CNN) Ministers",
        "Washington (CNN) Ministers",
        "Ministers split over shipping lanes Ministers",
    ],
)
def test_datelines_agencies_and_a_repeated_headline_are_left_out(opening):
    story = article(f"{opening} met in Oslo on Tuesday to settle the shipping rules.")
    assert lead(story) == "Ministers met in Oslo on Tuesday to settle the shipping rules."


def test_a_teaser_is_read_with_the_sentence_that_says_what_happened():
    story = article("The talks are on again. Norway and Russia agreed on Friday to meet in Oslo next week.")
    assert (
        lead(story) == "The talks are on again. Norway and Russia agreed on Friday to meet in Oslo next week."
    )


def test_a_long_single_sentence_is_cut_at_a_clause_and_ends_with_a_stop():
    main = "Norway and Russia failed on Tuesday to agree on the rules for shipping lanes in the Arctic"
    clauses = [
        "after three days of talks in Oslo between the coast guards, the fishing fleets and the shipping lines",
        "which had hoped for an agreement before the ice melts in the spring and the first ships sail",
        "while environmental groups from both countries protested outside the hall for most of the week",
    ]
    assert lead(article(", ".join([main, *clauses]) + ".")) == ", ".join([main, *clauses[:2]]) + "."


def test_an_opening_clause_alone_is_no_lead():
    sentence = (
        "In a sign that the talks may yet be saved, "
        + " ".join(["the ministers of both countries agreed to keep their envoys in Oslo"] * 6)
        + "."
    )
    assert not lead(article(sentence)).startswith("In a sign that the talks may yet be saved.")


def test_an_article_with_no_story_paragraph_falls_back_to_its_headline():
    assert lead(article("Jane Doe", "Sample Wire")) == "Ministers split over shipping lanes."


NORWAY = Actor("ingrid-dahl", "Ingrid Dahl", "person", side="Norway", aliases=("Dahl",))
NORWAY_GOVERNMENT = Actor("norway", "Norway", "government", side="Norway")
RUSSIA = Actor("pavel-orlov", "Pavel Orlov", "person", side="Russia", aliases=("Orlov",))
EXPERT = Actor("mia-berg", "Mia Berg", "person", aliases=("Berg",))
POLICE = Actor("police", "Police", "organization")
STORY = article(
    "Norway and Russia failed to agree on Arctic shipping rules on Tuesday.",
    "Ingrid Dahl said the lanes would stay open. Pavel Orlov said they would not.",
    "Mia Berg, an analyst, said the talks had been doomed. Mia Berg said police were called.",
)
ACTORS = (NORWAY, NORWAY_GOVERNMENT, RUSSIA, EXPERT, POLICE)
CLAIMS = (
    claim("c1", "ingrid-dahl"),
    claim("c2", "norway"),
    claim("c3", "pavel-orlov"),
    claim("c4", "mia-berg", 3),
    claim("c5", "police", 3),
)
POSITIONS = (
    Position("Norway", "the lanes would stay open", ("c1", "c2"), ("ingrid-dahl", "norway")),
    Position("Russia", "they would not", ("c3",), ("pavel-orlov",)),
)


def test_the_bottom_line_says_who_stands_where_after_the_lead():
    assert bottom_line(STORY, ACTORS, CLAIMS, POSITIONS) == (
        "Norway and Russia failed to agree on Arctic shipping rules on Tuesday. "
        "Sides: Norway (Ingrid Dahl, government); Russia (Pavel Orlov). Also involved: Mia Berg."
    )


def test_without_positions_the_actors_the_story_is_about_are_named():
    # Named as often, the two who speak for a side come before the one who speaks for none.
    assert bottom_line(STORY, ACTORS, CLAIMS, ()) == (
        "Norway and Russia failed to agree on Arctic shipping rules on Tuesday. "
        "Also involved: Ingrid Dahl, Pavel Orlov, Mia Berg."
    )


def test_without_actors_the_bottom_line_is_the_lead():
    assert bottom_line(STORY, (), (), ()) == STORY.paragraphs[0]


def test_an_actor_who_speaks_only_in_a_caption_is_not_named():
    captioned = article(
        "Ingrid Dahl speaks in Oslo. (AP Photo/Kari Lund)",
        "Norway and Russia failed to agree on Arctic shipping rules on Tuesday.",
    )
    assert bottom_line(captioned, (NORWAY,), (claim("c1", "ingrid-dahl", 1),), ()) == captioned.paragraphs[1]


def test_the_bottom_line_is_at_most_80_words_and_complete():
    long_lead = (
        " ".join(["Norway and Russia failed again to agree on the Arctic shipping rules,"] * 5) + " again."
    )
    many = tuple(Actor(f"a{i}", f"Person Number{i}", "person", side=f"Side{i}") for i in range(8))
    claims = tuple(claim(f"c{i}", f"a{i}") for i in range(8))
    positions = tuple(Position(f"Side{i}", "x", (f"c{i}",), (f"a{i}",)) for i in range(8))
    line = bottom_line(article(long_lead, "Filler."), many, claims, positions)
    assert 0 < len(words(line)) <= BLUF_WORDS
    assert COMPLETE.search(line)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=400), min_size=0, max_size=4), st.text(max_size=80))
def test_any_article_gets_a_short_bottom_line(paragraphs, title):
    line = bottom_line(article(*paragraphs, title=title), ACTORS, CLAIMS, POSITIONS)
    assert len(words(line)) <= BLUF_WORDS


def _sided(name: str, side: str) -> Actor:
    return Actor(name.lower().replace(" ", "-"), name, "person", side=side, aliases=(name.split()[-1],))


def test_the_sides_named_are_those_the_story_is_most_about_not_only_the_most_quoted():
    # Four sides, three shown: the minister the story follows outranks a side quoted once more.
    story = article(
        "Prime Minister Ola Vik fired Finance Minister Tor Lund on Monday.",
        "Vik said Lund had undermined him. Lund said he was proud of his record.",
        "Lund had clashed with Vik over the budget. Lund leads the Centre party.",
        "Ada Moe said the move was rash. Kari Holm said it was overdue. Eva Sand agreed with Moe.",
    )
    cast = (
        _sided("Ola Vik", "Labour"),
        _sided("Tor Lund", "Centre"),
        _sided("Ada Moe", "Greens"),
        _sided("Kari Holm", "Norway"),
        _sided("Eva Sand", "Norway"),
    )
    claims = (
        claim("c1", "ola-vik"),
        claim("c2", "ola-vik"),
        claim("c3", "tor-lund"),
        claim("c4", "ada-moe", 4),
        claim("c5", "kari-holm", 4),
        claim("c6", "eva-sand", 4),
    )
    positions = (
        Position("Labour", "x", ("c1", "c2"), ("ola-vik",)),
        Position("Norway", "x", ("c5", "c6"), ("kari-holm", "eva-sand")),
        Position("Greens", "x", ("c4",), ("ada-moe",)),
        Position("Centre", "x", ("c3",), ("tor-lund",)),
    )
    line = bottom_line(story, cast, claims, positions)
    assert "Centre (Tor Lund)" in line
    assert "Greens" not in line


def test_an_actor_of_a_side_left_out_may_still_be_named_as_involved():
    berg = Actor("jon-berg", "Jon Berg", "person", side="Finland", aliases=("Berg",))
    story = article(
        "Norway and Russia failed to agree on Arctic shipping rules on Tuesday.",
        "Ingrid Dahl said the lanes would stay open. Pavel Orlov said they would not.",
        "Jon Berg said Finland would mediate.",
    )
    claims = (
        claim("c1", "ingrid-dahl"),
        claim("c2", "ingrid-dahl"),
        claim("c3", "pavel-orlov"),
        claim("c4", "pavel-orlov"),
        claim("c9", "jon-berg", 3),
    )
    positions = (
        Position("Norway", "x", ("c1", "c2"), ("ingrid-dahl",)),
        Position("Russia", "x", ("c3", "c4"), ("pavel-orlov",)),
        Position("Sweden", "x", ("c1", "c2"), ("ingrid-dahl",)),
        Position("Finland", "x", ("c9",), ("jon-berg",)),
    )
    line = bottom_line(story, (NORWAY, RUSSIA, berg), claims, positions)
    assert "Finland" not in line.split("Also involved:")[0]
    assert "Also involved: Jon Berg." in line


def test_a_country_named_only_by_its_adjective_in_the_lead_is_named_as_involved():
    story = article(
        "Senators were caught off guard by the backlash to a letter warning Iranian leaders.",
        "The letter told Iran that a deal could be undone. Iran dismissed it.",
        "Iran said the letter was a propaganda ploy.",
        "Critics said the letter undermined talks with Iran.",
    )
    assert "Also involved: Iran." in bottom_line(story, (), (), ())


def test_a_country_named_again_and_again_in_a_few_paragraphs_is_one_the_story_is_about():
    story = article(
        "The president shifted his policy on settlements after a meeting on Thursday.",
        "He met the king of Jordan at a breakfast. The meeting lasted an hour.",
        "With Iran, he took a harder line. Iran, he said, was on notice. Iran had tested a missile.",
        "Iran had been thankful for a deal, he wrote, and Iran had been about to collapse. Iran denied it.",
        "The administration also sent its defence secretary to Asia.",
        "The shift coincided with the new secretary of state's first day.",
        "Officials said more changes would follow.",
        "Aides declined to comment.",
        "The president will meet the prime minister next month.",
    )
    assert "Iran" in bottom_line(story, (), (), ()).split("Also involved:")[-1]
