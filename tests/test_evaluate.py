"""The project's evaluation agrees with the team's scorer, and extraction stays above its floors."""

import importlib.util
import json

import pytest

from generator.commands.evaluate import evaluate, overlap, score
from generator.export import to_dict
from tests.conftest import ROOT

GOLD = ROOT / "tests" / "gold"
FLOORS = ROOT / "tests" / "quality_floors.json"
SHARED_SCORER = ROOT.parent / "shared" / "tools" / "score_briefing.py"


def shared_scorer():
    if not SHARED_SCORER.exists():
        pytest.skip("../shared/tools/score_briefing.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("score_briefing", SHARED_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_overlap_is_word_f1():
    assert overlap("the cat sat", "the cat sat") == 1.0
    assert overlap("a b", "c d") == 0.0
    assert overlap("Washington’s policy", "washington's policy") == 1.0


def test_agrees_with_the_shared_scorer(reference_briefing):
    module = shared_scorer()
    gold = json.loads((GOLD / "000_ad573051a1971b14.json").read_text(encoding="utf-8"))
    predicted = to_dict(reference_briefing)
    theirs = module.score(gold, predicted)
    mine = score(gold, predicted).figures()
    for key in (
        "claims_gold",
        "claims_pred",
        "claim_recall",
        "claim_precision",
        "speaker_accuracy",
        "kind_accuracy",
        "evidence_recall",
    ):
        assert mine[key] == theirs[key], key


def test_quality_gate_on_the_projects_own_gold():
    """Floors live in tests/quality_floors.json; raise them when extraction improves, never lower them quietly."""
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    scores, pooled = evaluate(GOLD, ROOT / "briefings", jobs=1)
    reference = scores["000_ad573051a1971b14"].figures()
    for metric, floor in floors["reference"].items():
        assert reference[metric] >= floor, f"reference {metric} fell to {reference[metric]} (floor {floor})"
    for metric, floor in floors["own_gold"].items():
        assert pooled[metric] >= floor, f"own gold {metric} fell to {pooled[metric]} (floor {floor})"
