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


def test_a_document_named_again_by_its_owner_is_no_second_item():
    body = (
        "In a book published this week, Philippe Sands says the advice was rewritten.\n\n"
        "Mr Sands' book suggests it was drafted by an adviser."
    )
    assert [e.text for e in evidence_of(body) if "book" in e.text] == [
        "a book published this week, Philippe Sands"
    ]


def test_a_document_answered_is_not_cited_by_the_answer():
    body = (
        "Jo Lund spoke in a recorded statement on Monday.\n\n"
        "Responding to Lund's statement, the minister said the port was safe."
    )
    assert not any("Lund's statement" in e.text for e in evidence_of(body))


def test_a_name_in_apposition_says_which_document_it_is():
    found = item("Ola Berg described the raid in his new book, Cold Harbours.", "book")
    assert found is not None and found.text == "his new book, Cold Harbours"


def test_a_document_that_says_something_is_cited():
    body = "The backlash to a letter warning the fishermen against the new quotas grew on Monday."
    found = item(body, "letter")
    assert found is not None and found.kind == "document"
    assert found.text == "a letter warning the fishermen against the new quotas"


def test_a_document_put_out_is_cited_with_who_put_it_out_and_when():
    found = item("At a meeting in Oslo in June, the two ministers issued a joint statement.", "statement")
    assert found is not None and found.kind == "document"
    assert found.text == "At a meeting in Oslo in June, the two ministers issued a joint statement"
    assert not evidence_of("The two ministers will issue a joint statement on Friday.")


def test_a_figure_set_off_after_its_noun_is_a_statistic_with_that_noun():
    found = item("Officials noted the long crossing time -- 40 minutes -- of the new ferry.", "40 minutes")
    assert found is not None and found.text == "the long crossing time -- 40 minutes"
    assert found.measure == "crossing time"
    # A conversion of units is no figure of its own.
    assert len(evidence_of("The ferry sailed 310 miles (500 kilometers) from the coast.")) == 1


def test_what_a_person_says_in_a_statement_is_a_claim_and_no_document_of_the_story():
    assert not evidence_of("Ola Berg said in a statement that he was deeply saddened by the outcome.")
    found = item("The ministry said in a statement that the ferry had been seized on Friday.", "statement")
    assert found is not None and "the ferry had been seized" in found.text


def test_reports_that_name_no_source_and_earlier_recordings_are_no_documents():
    body = "Militias were positioned around the port on Sunday, according to multiple press reports."
    assert not any(e.kind == "document" for e in evidence_of(body))
    body = "The voice sounded like that of previous recordings attributed to the rebel leader."
    assert not any(e.kind == "document" for e in evidence_of(body))


@pytest.mark.parametrize(
    "body",
    [
        "A broad consensus has emerged that the minister's refusal had made the envoy's position untenable.",
        "The owners sold the trawler amid concerns that the harbour master had taken bribes.",
    ],
)
def test_what_a_consensus_or_a_fear_holds_is_no_event(body):
    assert not any("minister's refusal" in e.text or "taken bribes" in e.text for e in evidence_of(body))


def test_an_action_under_way_is_an_event_and_a_plan_is_not():
    found = item("Prosecutors are investigating the harbour master's role in the sale.", "investigating")
    assert found is not None and found.kind == "event"
    assert not evidence_of("The harbour master is going to sell the fleet to a buyer in Bergen.")


def test_a_quotation_is_vouched_for_only_by_a_cue_in_its_own_sentence():
    body = (
        "Port figures. According to the port office, “the harbour lost 40% of its traffic.” "
        "A study shows the decline began in 2019."
    )
    assert not any("40%" in e.text for e in evidence_of(body))


def test_an_action_under_way_told_of_a_pronoun_is_no_event():
    body = "The crews welcomed the rules, but they are sailing to the southern grounds in large numbers."
    assert not any("sailing" in e.text for e in evidence_of(body))


def test_a_verb_that_frames_speech_is_no_event():
    body = '"The port is safe," harbour master Ola Berg was quoted as saying in the local press.'
    assert not any("quoted" in e.text for e in evidence_of(body))


def test_a_clause_that_dates_a_count_is_part_of_it():
    body = "Before Sunday, the navy had attempted at least nine missile launches on six occasions since Berg was appointed in January."
    assert not any(e.text == "Berg was appointed in January" for e in evidence_of(body))
