"""The learned judge of claim candidates: what the broad extractor may propose, what the model
keeps and drops, and the model file it reads."""

from __future__ import annotations

import re

import pytest

from generator.analysis.claims import Paragraph, broad, build_extractors, find_candidates, learned
from generator.analysis.quotes import find_quotes


@pytest.fixture(scope="module")
def nlp():
    from generator.analysis.nlp import pipeline

    return pipeline()


def paragraph_of(nlp, sentence: str) -> Paragraph:
    return Paragraph(0, nlp(sentence), tuple(find_quotes([sentence])))


def claims_of(paragraph: Paragraph, registry=None) -> list[tuple[str, str]]:
    doc = paragraph.doc
    return [
        (c.extractor, doc.text[c.start : c.end])
        for c in find_candidates(paragraph, registry or build_extractors())
    ]


def rule_candidates(paragraph: Paragraph):
    return [c for e in build_extractors(["learned"]) for c in e.find(paragraph)]


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "Senator Ann Lee fretted that the bridge would not open before winter.",
            "the bridge would not open before winter",
        ),
        (
            "Senator Ann Lee griped that the new rules were unfair to farmers.",
            "the new rules were unfair to farmers",
        ),
    ],
)
def test_a_verb_no_rule_reads_gives_a_claim_when_the_model_keeps_it(nlp, sentence, words):
    paragraph = paragraph_of(nlp, sentence)
    assert claims_of(paragraph) == [("learned", words)]
    assert claims_of(paragraph, build_extractors(["learned"])) == []


def test_a_broad_candidate_never_displaces_what_a_rule_found(nlp):
    paragraph = paragraph_of(nlp, "Mayor Karl Berg mocked the council's plan to close the library.")
    found = rule_candidates(paragraph)
    assert found, "the rules read 'mocked'"
    assert list(broad.proposals(paragraph, ())), "without the rules' candidates the verb is proposed"
    assert list(broad.proposals(paragraph, found)) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The storm proved that the harbour wall was far too low.",
        "The flood left the valley without power for a week.",
    ],
)
def test_a_broad_candidate_needs_a_subject_that_can_hold_a_view(nlp, sentence):
    assert list(broad.proposals(paragraph_of(nlp, sentence), ())) == []


def test_the_judge_drops_only_unquoted_candidates_of_the_rules(nlp, monkeypatch):
    sure_of_nothing = learned.Model({}, bias=-10.0, keep=1.0, drop=0.5)
    monkeypatch.setattr(learned, "claim_model", lambda: sure_of_nothing)
    quoted = paragraph_of(nlp, "“The border will stay closed,” said Interior Minister Maria Lopez.")
    reported = paragraph_of(nlp, "Senator Reed said that the deal was dead.")
    assert claims_of(quoted) == [("quotations", "The border will stay closed")]
    assert claims_of(reported) == []
    # Switched off with the extractor.
    assert claims_of(reported, build_extractors(["learned"])) == [("reported_speech", "the deal was dead")]


def test_a_model_file_gives_its_weights_bias_and_thresholds():
    model = learned.read_model("# a comment\n(bias)\t-1.0\n(keep)\t0.6\n(drop)\t0.2\nsp_source\t2.0\n")
    assert (model.bias, model.keep, model.drop, model.weights) == (-1.0, 0.6, 0.2, {"sp_source": 2.0})
    assert model.probability(()) == pytest.approx(1 / (1 + 2.718281828**1.0))
    assert model.probability(("sp_source", "unknown")) == pytest.approx(1 / (1 + 2.718281828**-1.0))


_FEATURE = re.compile(r"^[a-z_]+(:[A-Za-z_<=>0-9$'’-]+)?$")
_PREFIXES = {
    "frame", "lex", "pos", "tag", "dep", "head", "modal", "child", "xcomp_of", "sp", "sp_ent", "sp_views",
    "sp_pos", "sp_dep", "sp_pron", "sp_class", "sp_source", "sp_capital", "sp_before", "sp_after", "sp_gap",
    "words", "prep", "opener", "first", "root_pos", "root_ent", "roots", "has_subject", "tensed", "quoted",
    "marks", "question", "headline", "first_paragraph", "other_cues", "first_sentence", "sentence_question",
    "to_paragraph_end", "ex", "rule", "kind",
}  # fmt: skip


def test_the_shipped_model_names_no_word_of_a_text():
    model = learned.claim_model()
    assert 0.0 <= model.drop < model.keep <= 1.0
    for name in model.weights:
        for part in name.split("&"):
            assert _FEATURE.match(part) and part.split(":")[0] in _PREFIXES, name
