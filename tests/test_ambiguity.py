"""How close the choice of a speaker was: the features `ambiguity` gives a claim's confidence."""

import pytest

from generator.analysis.extract import extract_explained
from tests.conftest import parse_text


def features_of(text, words):
    """The confidence features of the claim of `text` that holds `words`, and its speaker's name."""
    briefing, features = extract_explained(parse_text("Headline\n\n" + text))
    names = {a.id: a.name for a in briefing.actors}
    claim = next(c for c in briefing.claims if words in c.text)
    return features[claim.id], names.get(claim.speaker)


@pytest.mark.parametrize(
    "rival, same",
    [("Barack Obama", 1), ("Ms Theresa May", 0)],
)
def test_a_pronoun_is_rivalled_only_by_people_of_its_gender(rival, same):
    features, who = features_of(
        f"Benjamin Netanyahu met {rival} in London on Monday.\n\n“It is a very bad deal,” he said.",
        "bad deal",
    )
    assert who is not None
    # Obama's gender is not known ("he" may mean him); Ms May's is, and "he" cannot mean her.
    rivals = features["pronoun:log_rivals_same_gender"] + features["pronoun:log_rivals_gender_unknown"]
    assert rivals == pytest.approx(0.693 * same, abs=0.01)


def test_a_speaker_who_is_also_the_one_spoken_to_is_marked():
    features, who = features_of(
        "Barack Obama arrived on Monday.\n\n“You are welcome,” he told Obama.", "welcome"
    )
    assert who == "Barack Obama"
    assert features.get("speaker_is_listener") == 1.0


def test_someone_spoken_to_is_not_the_speaker():
    features, _ = features_of("Jane Fox told Ms Maria Lopez that the border would stay closed.", "border")
    assert features.get("listener_named") == 1.0 and "speaker_is_listener" not in features


def test_an_unattributed_quotation_is_known_to_carry_on_the_last_speaker():
    features, who = features_of(
        "“We will not accept it,” Benjamin Netanyahu said of the deal.\n\n"
        "“The deal would leave Iran free to build a bomb within a decade.”",
        "build a bomb",
    )
    assert who == "Benjamin Netanyahu"
    assert features.get("inherited:inherited_continues") == 1.0


def test_voices_around_a_claim_are_counted():
    alone, _ = features_of("“The talks failed,” Jane Fox said.", "talks failed")
    crowded, _ = features_of(
        "“We tried,” Maria Lopez said.\n\n“The talks failed,” Jane Fox said, as Tom Reed said nothing.",
        "talks failed",
    )
    assert alone["log_other_voices_near"] == 0
    assert crowded["log_other_voices_near"] > 0
