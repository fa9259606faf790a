"""The confidence a claim shows: the weights read and checked, and the order they give."""

import pytest

from generator.analysis import confidence as model
from tests.conftest import briefing_of


def confidence_of(text, words):
    """The confidence of the claim of `text` that holds `words`, and its speaker's name."""
    b = briefing_of("Headline\n\n" + text)
    names = {a.id: a.name for a in b.actors}
    claim = next(c for c in b.claims if words in c.text)
    return claim.confidence, names.get(claim.speaker)


def test_the_shipped_weights_read_and_keep_their_constraints():
    intercept, weights = model.model()
    assert -10 < intercept < 10 and len(weights) > 20
    assert all(-10 < w < 10 for w in weights.values())
    # What makes a speaker uncertain never makes a claim surer.
    assert all(w <= 0 for name, w in weights.items() if model.never_surer(name))
    intercept, weights = model.speaker_model()
    assert model.AVERAGE in weights
    assert all(name.startswith(model.SPEAKER_FEATURES) for name in weights if name != model.AVERAGE)
    assert all(w <= 0 for name, w in weights.items() if name != model.AVERAGE)


@pytest.mark.parametrize(
    "text, error",
    [
        ("# header\nfeature\t0.5\n", "no (intercept) row"),
        ("(intercept)\t0.1\nfeature\thigh\n", "line 2: 'high' is not a number"),
    ],
)
def test_a_broken_weights_file_is_refused_with_its_line(text, error):
    with pytest.raises(model.WeightsError, match=error.replace("(", r"\(").replace(")", r"\)")):
        model.parse_weights(text)


def test_confidence_is_the_logistic_of_the_weights():
    weights = (0.0, {"a": 1.0, "b": -2.0})
    assert model.confidence({}, weights) == pytest.approx(0.5)
    assert model.confidence({"a": 1.0}, weights) == pytest.approx(1 / (1 + 2.718281828**-1))
    assert model.confidence({"a": 1.0, "unknown": 5.0}, weights) > model.confidence({"b": 1.0}, weights)


def test_a_named_speaker_is_surer_than_none():
    named, who = confidence_of("“The border will stay closed,” said Interior Minister Maria Lopez.", "border")
    unattributed, nobody = confidence_of("“The border will stay closed.”", "border")
    assert who == "Maria Lopez" and nobody is None
    assert named > unattributed


def test_a_pronoun_with_a_rival_is_less_sure_than_one_without():
    alone, first = confidence_of(
        "Benjamin Netanyahu arrived in Washington on Monday.\n\n“It is a very bad deal,” he said.", "bad deal"
    )
    rivalled, second = confidence_of(
        "Benjamin Netanyahu met Barack Obama in Washington on Monday.\n\n“It is a very bad deal,” he said.",
        "bad deal",
    )
    assert first == "Benjamin Netanyahu" and second is not None
    assert rivalled < alone


def test_in_a_two_person_exchange_a_pronoun_is_less_sure_than_a_name():
    # "he" could be either man: the last one named was met a paragraph back, with the other
    # man about; the same words under a name are surer, and so is "he" with no other man about.
    story = (
        "Benjamin Netanyahu met Barack Obama at the White House on Monday. Obama thanked him for coming.\n\n"
        "“It is a very bad deal,” he said.\n\n“It is a very bad plan,” Netanyahu said."
    )
    guessed, _ = confidence_of(story, "bad deal")
    named, who = confidence_of(story, "bad plan")
    alone, _ = confidence_of(
        "Barack Obama met the press at the White House on Monday. Obama thanked them for coming.\n\n"
        "“It is a very bad deal,” he said.",
        "bad deal",
    )
    assert who == "Benjamin Netanyahu"
    assert guessed < named
    assert guessed < alone
