"""What the evidence finder takes for a statistic, a document or an event, and what it must leave
alone: quotations, reported speech, questions, plans, negations, opinions and page furniture.

Each case is an article of a few sentences written for the test; the headline is the first line.
"""

from __future__ import annotations

import pytest

from tests.conftest import briefing_of

HEADLINE = "Harbour talks end without a deal\n\n"


def evidence_of(body: str):
    return briefing_of(HEADLINE + body).evidence


def item(body: str, words: str):
    """The one item whose text holds `words`, or None."""
    found = [e for e in evidence_of(body) if words in e.text]
    assert len(found) <= 1, found
    return found[0] if found else None


@pytest.mark.parametrize(
    "body, words, kind",
    [
        # Statistics: a figure with what it measures.
        (
            "Exports of timber fell by 12% last year, the customs office said.",
            "Exports of timber fell by 12%",
            "statistic",
        ),
        ("The storm destroyed 340 fishing boats along the northern coast.", "340 fishing boats", "statistic"),
        (
            "The port handled 18 of the 25 grain ships that reached the region in March.",
            "18 of the 25",
            "statistic",
        ),
        ("The two prisoners were held in a military camp for 19 months.", "for 19 months", "statistic"),
        # Documents: cited, with where they came from or what they say.
        (
            "A report published on Monday by the Coastal Survey Office found that the dunes had retreated.",
            "A report published on Monday by the Coastal Survey Office",
            "document",
        ),
        (
            "The ministry said in a statement that the ferry had been seized on Friday.",
            "a statement that the ferry had been seized on Friday",
            "document",
        ),
        (
            "Senators received a letter from the Danish harbour authority on Tuesday.",
            "a letter from the Danish",
            "document",
        ),
        # Events: done, in the past, in the narrator's voice.
        ("Coast guard officers seized the tanker near the island on Friday.", "seized the tanker", "event"),
        ("The two delegations held talks in Oslo for most of the week.", "held talks in Oslo", "event"),
        ("The mayor of Tromsø was dismissed by the regional council on Tuesday.", "was dismissed", "fact"),
        ("Fishing companies no longer avoid the northern grounds in winter.", "no longer avoid", "event"),
        (
            "Mr Halvorsen called off the meeting after the minister fell ill.",
            "called off the meeting",
            "event",
        ),
        ("The captain pleaded guilty to two counts of illegal fishing.", "pleaded guilty", "event"),
        # A clause that dates another by an event is part of it, or an item of its own when what
        # it dates is something said.
        (
            "After the ferry was detained in Bergen, the owners changed its flag.",
            "After the ferry was detained in Bergen, the owners changed its flag",
            "event",
        ),
        (
            'After the ferry was detained in Bergen, the owners said: "We will appeal."',
            "the ferry was detained in Bergen",
            "fact",
        ),
        # An event keeps when and where it happened, and not what might follow from it.
        (
            "On Monday night, the council sacked the harbour master.",
            "On Monday night, the council sacked the harbour master",
            "event",
        ),
        (
            "The mayor stayed away from the vote over fears it would split the council.",
            "The mayor stayed away from the vote",
            "event",
        ),
        # An object clause that reports speech is part of the event.
        (
            "Earlier this month, the navy tested what officials say was a new torpedo.",
            "the navy tested what officials say was a new torpedo",
            "event",
        ),
        # A document cited in front of its author keeps the author.
        (
            "In a report published on Monday, the Coastal Survey Office said the dunes had moved.",
            "a report published on Monday, the Coastal Survey Office",
            "document",
        ),
    ],
)
def test_what_becomes_evidence(body, words, kind):
    found = item(body, words)
    assert found is not None, [e.text for e in evidence_of(body)]
    assert found.kind == kind
    assert found.text in body  # words of the article, nothing added


@pytest.mark.parametrize(
    "body, words, kind",
    [
        # Quotations, and what a person is reported to have said or thought.
        ('"The fleet was sold to a company in Panama," the harbour master said.', "fleet was sold", None),
        ("Ms Berg said the fleet had been sold to a company in Panama.", "fleet had been sold", None),
        ("Ms Berg believed the fleet had been sold to a company in Panama.", "fleet had been sold", None),
        ("Ms Berg insisted the fleet had been sold to a company in Panama.", "fleet had been sold", None),
        # The question under investigation is not an event.
        (
            "Prosecutors are investigating whether the company bribed port officials.",
            "bribed port officials",
            None,
        ),
        ("It was not clear how long the sailors had been held on the ship.", "had been held", None),
        # Plans, hypotheses, predictions and negations.
        ("The government would spend 40 million euros on new patrol boats.", "40 million euros", None),
        ("The council did not approve the new harbour fees on Monday.", "approve the new harbour fees", None),
        ("No vessel was inspected at the border crossing that week.", "was inspected", None),
        ("The minister declined to answer questions about the ferry.", "declined to answer", None),
        # Speech acts are claims, not events.
        ("The opposition rejected calls for an inquiry into the port contract.", "rejected calls", None),
        ("Ms Berg told reporters that the ship had left the port.", "told reporters", None),
        # States and habits of mind.
        ("The harbour needed new cranes and better roads by then.", "needed new cranes", None),
        # Numbers that are not figures: ages, times, labels, a video's length.
        ("Nils Berg, 52, had worked at the harbour since he left school.", "52", "statistic"),
        ("Play Video 1:10 The harbour master explains the new rules - video", "1:10", None),
        ("Witness 3 described the fire to the court in detail.", "Witness 3", "statistic"),
        ("The port adopted a zero tolerance policy towards oil spills in 2019.", "zero", "statistic"),
        # A feeling or a mood does nothing: its doings are figures of speech.
        ("Frustration with the harbour master has come into the open this month.", "Frustration", None),
        # Page furniture, and a post embedded from a social network.
        ("Ferry strike ends at last! — Harbour News (@harbournews) May 3, 2021", "Ferry strike", None),
        ("The Associated Press contributed to this report.", "contributed to this report", None),
        ("Additional reporting by Kari Lund in Oslo.", "reporting by", None),
        # A document only named, not cited.
        ("The letter caused anger among the fishermen of the northern coast.", "The letter", "document"),
    ],
)
def test_what_is_not_evidence(body, words, kind):
    # After a paragraph of story, so that an article of page furniture alone is not refused.
    story = "The harbour council met on Monday to discuss the new rules for the northern quay.\n\n"
    found = [e.text for e in evidence_of(story + body) if words in e.text and kind in (None, e.kind)]
    assert not found


def test_an_official_body_reports_events_that_are_facts():
    """ "Police said" is how a wire story gives its facts: the event is evidence, the cue is not."""
    body = "Seven crew members were arrested on the trawler on Thursday, police said."
    found = item(body, "were arrested on the trawler")
    assert found is not None
    assert "police said" not in found.text
    body = "The trawler sank off the cape on Thursday, according to a spokesman for the coast guard."
    assert item(body, "The trawler sank off the cape") is not None


@pytest.mark.parametrize(
    "body",
    [
        "Ola Berg, a former adviser to the council, said the trawler had sunk off the cape.",
        "Officials said the trawler had sunk off the cape on Thursday.",
        "A new book on the fishing industry claims the trawler had sunk off the cape.",
    ],
)
def test_what_a_person_an_unnamed_official_or_a_book_says_happened_is_a_claim(body):
    assert item(body, "sunk off the cape") is None


def test_a_spokesman_named_once_stays_on_the_record_as_she():
    body = (
        "Coast guard spokeswoman Anna Lie said the search had ended.\n\n"
        "Five fishermen were rescued from the water on Friday, she said."
    )
    assert item(body, "Five fishermen were rescued") is not None


def test_a_small_count_in_what_a_person_says_is_not_a_statistic():
    body = "Ola Berg said he had sold two boats to a buyer in Bergen."
    assert not any("two boats" in e.text for e in evidence_of(body))


def test_a_figure_in_a_relative_clause_is_told_by_its_sentence():
    body = "The island is home to a naval base, which has 18 patrol boats."
    found = item(body, "18 patrol boats")
    assert found is not None and found.text.startswith("The island is home")


@pytest.mark.parametrize(
    "body, words",
    [
        ("The navy plans to buy 18 patrol boats for the northern coast.", "18 patrol boats"),
        ("Officials wanted to train up to 5,000 new recruits this year.", "5,000"),
    ],
)
def test_a_figure_in_a_plan_or_a_purpose_is_not_a_statistic(body, words):
    assert not any(words in e.text and e.kind == "statistic" for e in evidence_of(body))


def test_a_figure_keeps_what_it_measures_and_never_a_pronoun():
    found = item("Traffic through the strait rose by 37% between 2015 and 2023.", "37%")
    assert found.value == "37%"
    assert found.measure == "Traffic through the strait"
    assert not any(e.measure in ("who", "he", "it", "they") for e in evidence_of("He said 40% of them left."))


def test_items_are_short_and_not_repeated():
    body = (
        "Coast guard officers seized the tanker near the island on Friday, after it had sailed "
        "for three days without its transponder and had ignored repeated radio calls from the "
        "harbour, and the crew of twenty-two was taken ashore in Bergen for questioning by police. "
        "Coast guard officers seized the tanker near the island on Friday."
    )
    items = evidence_of(body)
    assert all(len(e.text.split()) <= 40 for e in items)
    assert len({e.text for e in items}) == len(items)
    assert not any(e.text.endswith("…") for e in items)


def test_each_item_keeps_its_sentence_and_the_claims_of_its_paragraph():
    briefing = briefing_of(
        HEADLINE + "Coast guard officers seized the tanker on Friday. Ms Berg said the crew was safe."
    )
    seized = next(e for e in briefing.evidence if "seized the tanker" in e.text)
    assert seized.sentence == "Coast guard officers seized the tanker on Friday."
    assert seized.claims == tuple(c.id for c in briefing.claims if c.paragraph == 1)
