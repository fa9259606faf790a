"""The word lists come from the files in generator/data/lexicon, and the loader refuses
files that contradict themselves."""

from __future__ import annotations

import json

import pytest

from generator.analysis.lexicon import LexiconError, load, package_file, read_lexicon
from tests.conftest import CASES


def plain(value):
    """A word list as JSON holds it: sets sorted, tuples as lists."""
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in sorted(value.items())}
    if isinstance(value, tuple):
        return list(value)
    return value


def lexicon_as_json() -> str:
    return (
        json.dumps({k: plain(v) for k, v in load().items()}, indent=1, ensure_ascii=False, sort_keys=True)
        + "\n"
    )


def test_the_word_lists_are_those_of_the_golden_file():
    """The lists the code sees, pinned: the files were made from the code's own sets, which
    this file held when they moved (`make golden` rewrites it; read the diff)."""
    expected = (CASES / "lexicon" / "expected.json").read_text(encoding="utf-8")
    assert json.loads(lexicon_as_json()) == json.loads(expected)


def with_file(name: str, text: str):
    return lambda wanted: text if wanted == name else package_file(wanted)


@pytest.mark.parametrize(
    "name, text, problem",
    [
        ("verbs.tsv", "say\tspeech\nsay\tspeech\n", r"verbs.tsv, line 2: 'say' is listed already, at line 1"),
        (
            "verbs.tsv",
            "call\tspeech|object|no_object\n",
            r"line 1: 'call' cannot have both object and no_object",
        ),
        ("verbs.tsv", "say\tspeach\n", r"line 1: unknown speach"),
        ("verbs.tsv", "deny\tobject\tdenial\n", r"line 1: modality 'denial' needs the speech frame"),
        ("nouns.tsv", "diplomat\t\tdiplomatt\n", r"nouns.tsv, line 1: unknown diplomatt"),
        (
            "words.tsv",
            "pronoun\the\tmale\npronoun\the\tmale\n",
            r"words.tsv, line 2: 'pronoun he' is listed already",
        ),
        ("words.tsv", "abbreviation\tno\tfigure\n", r"words.tsv, line 1: unknown figure"),
        ("titles.tsv", "mr\ttitle\tx\textra\n", r"titles.tsv, line 1: 4 columns, at most 3"),
    ],
)
def test_an_inconsistent_file_is_refused_with_its_line(name, text, problem):
    with pytest.raises(LexiconError, match=problem):
        read_lexicon(with_file(name, text))


def test_a_quoted_cell_keeps_its_edge_spaces():
    assert "will " in load()["PREDICTION_MARKERS"]
