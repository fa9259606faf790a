"""One actor under one name: name variants resolve to one actor, and the cast merges the
entities that name the same person or body."""

import pytest

from generator.analysis.actors import Cast
from generator.analysis.identity import consolidate
from tests.conftest import briefing_of


def speakers_of(text):
    b = briefing_of("Headline\n\n" + text)
    names = {a.id: a.name for a in b.actors}
    return [(names.get(c.speaker), c.text) for c in b.claims], b.actors


def test_a_name_with_a_particle_is_one_person_however_it_is_capitalised():
    claims, _ = speakers_of(
        "Islamic State spokesman Abu Bakr al-Nasiri said the fighters were ready to battle. "
        "“We will not stop,” al-Nasiri said.\n\nAl-Nasiri called on people to join the fight."
    )
    assert {name for name, _ in claims} == {"Abu Bakr al-Nasiri"}


def test_the_last_part_of_a_double_surname_names_the_person():
    claims, _ = speakers_of(
        "Government negotiator Teresa Delgado-Ferrer said the rebels had broken the truce.\n\n"
        "“They want momentum,” Ferrer told reporters."
    )
    assert {name for name, _ in claims} == {"Teresa Delgado-Ferrer"}


def test_a_shared_surname_is_the_person_who_speaks_not_the_one_named_last():
    claims, actors = speakers_of(
        "Hillary Clinton said the plan was sound. Her husband Bill Clinton was in Ohio on Monday.\n\n"
        "Clinton said the vote would be close."
    )
    assert ("Hillary Clinton", "the vote would be close") in claims
    assert "Bill Clinton" in [a.name for a in actors]


def cast_of(*entities):
    cast = Cast()
    for i, (kind, name) in enumerate(entities):
        cast.new(kind, name, (0, i))
    return cast


@pytest.mark.parametrize(
    "entities, merged",
    [
        ([("organization", "Damian Green"), ("person", "Green")], {"Damian Green", "Green"}),
        ([("person", "Green"), ("person", "Damian Green")], {"Damian Green", "Green"}),
        (
            [("organization", "Centers for Disease Control"), ("organization", "CDC")],
            {"Centers for Disease Control", "CDC"},
        ),
        ([("media", "CNN"), ("organization", "CNN.com")], {"CNN", "CNN.com"}),
        ([("government", "State Department"), ("organization", "State")], {"State Department", "State"}),
        ([("group", "Lib Dems"), ("group", "Liberal Democrats")], {"Lib Dems", "Liberal Democrats"}),
    ],
)
def test_two_names_of_one_actor_are_merged(entities, merged):
    cast = cast_of(*entities)
    consolidate(cast)
    assert [set(e.names) for e in cast.live()] == [merged]


@pytest.mark.parametrize(
    "entities",
    [
        [("person", "Green"), ("person", "Damian Green"), ("person", "Sarah Green")],
        [("organization", "House"), ("organization", "House Judiciary Committee")],
        [("organization", "CIA"), ("organization", "Central Bank of Ireland")],
        [("person", "Trump"), ("organization", "Trump administration")],
    ],
)
def test_names_that_may_be_two_actors_stay_apart(entities):
    cast = cast_of(*entities)
    consolidate(cast)
    assert len(cast.live()) == len(entities)


def test_a_party_taken_for_a_person_is_the_party():
    cast = Cast()
    entity = cast.person("Lib Dems", (0, 0))
    assert entity.kind == "organization"


def test_a_party_that_is_also_a_known_surname_is_the_party_and_never_loops():
    # "Tory" names the Conservatives, and is one letter from the "Tony" of a person met.
    cast = Cast()
    cast.person("Tony Blair", (0, 0))
    assert cast.person("Tory", (1, 0)).kind == "organization"
