"""Every content finder and speaker step decides its own example, and the registry of extractors
refuses names it does not know."""

from __future__ import annotations

import pytest

from generator.analysis.claims import EXTRACTORS, build_extractors
from generator.analysis.claims.content import CONTENT_FINDERS, Content, decide_content
from generator.analysis.claims.speaker import OPENING_STEPS, WALK_STEPS, trace_speaker
from generator.analysis.syntax import trim
from generator.errors import ConfigError


@pytest.fixture(scope="module")
def nlp():
    from generator.analysis.nlp import pipeline

    return pipeline()


def cue_of(nlp, example):
    doc = nlp(example.sentence)
    cue = next((t for t in doc if t.text == example.cue), None)
    assert cue is not None, f"{example.cue!r} is not a word of {example.sentence!r}"
    return doc, cue


def words_of(doc, content: Content) -> str:
    tokens = sorted(content.tokens, key=lambda t: t.i)
    start, end = trim(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    return doc.text[start:end]


@pytest.mark.parametrize("finder", CONTENT_FINDERS, ids=lambda f: f.name)
def test_every_content_finder_decides_its_example(nlp, finder):
    doc, verb = cue_of(nlp, finder.example)
    decided, found = decide_content(verb, finder.example.broad)
    assert decided is finder, f"decided by {decided.name if decided else 'no finder'}"
    words = words_of(doc, found) if isinstance(found, Content) else None
    assert words == finder.example.words


@pytest.mark.parametrize("step", OPENING_STEPS + WALK_STEPS, ids=lambda s: s.name)
def test_every_speaker_step_finds_the_speaker_of_its_example(nlp, step):
    _, verb = cue_of(nlp, step.example)
    path, speaker = trace_speaker(verb)
    assert step in path, f"the steps taken were {[s.name for s in path]}"
    assert (speaker.text if speaker is not None else None) == step.example.words


def test_the_finders_and_steps_have_distinct_names():
    names = [f.name for f in CONTENT_FINDERS]
    steps = [s.name for s in OPENING_STEPS + WALK_STEPS]
    assert len(set(names)) == len(names) and len(set(steps)) == len(steps)


def test_extractors_run_by_priority_and_can_be_switched_off_by_name():
    registry = build_extractors()
    priorities = [e.priority for e in registry]
    assert priorities == sorted(priorities, reverse=True)
    assert set(registry.names()) == {e.name for e in EXTRACTORS}
    without = build_extractors(["speech_nouns"])
    assert "speech_nouns" not in without and "quotations" in without


def test_an_unknown_extractor_name_is_an_error_that_lists_the_known_ones():
    with pytest.raises(ConfigError, match=r"unknown extractor 'speech_noun' \(known: according_to, colon,"):
        build_extractors(["speech_noun"])


def claims_of(nlp, sentence: str, registry=None) -> list[str]:
    """The words of every claim the extractors find in one sentence (as a paragraph)."""
    from generator.analysis.claims import Paragraph, find_candidates
    from generator.analysis.quotes import find_quotes

    doc = nlp(sentence)
    paragraph = Paragraph(0, doc, tuple(find_quotes([sentence])))
    return [doc.text[c.start : c.end] for c in find_candidates(paragraph, registry or build_extractors())]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("Senator Reed did not say that the deal was dead.", []),
        ("The minister never claimed the border was closed.", []),
        ("Lopez declined to comment on the report.", []),
        ("Reporters asked the minister whether the talks had failed.", []),
        ("Senator Reed said that the deal was dead.", ["the deal was dead"]),
        ("Reed does not believe the deal is dead.", ["the deal is dead"]),
        ("Ruiz questioned whether the senator was ready to lead.", ["the senator was ready to lead"]),
    ],
)
def test_speech_that_did_not_happen_and_questions_put_to_someone_are_no_claims(nlp, sentence, words):
    assert claims_of(nlp, sentence) == words
