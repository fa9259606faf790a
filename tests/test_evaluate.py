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


SHARED = ROOT.parent / "shared"


def floors_of(section: str) -> dict:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[section]
    return {k: v for k, v in floors.items() if not k.startswith("_")}


def assert_above_floors(pooled: dict, section: str, ceilings: str | None = None) -> None:
    for metric, floor in floors_of(section).items():
        assert pooled[metric] >= floor, f"{section} {metric} fell to {pooled[metric]} (floor {floor})"
    for metric, ceiling in floors_of(ceilings).items() if ceilings else ():
        assert pooled[metric] <= ceiling, f"{section} {metric} rose to {pooled[metric]} (ceiling {ceiling})"


def test_the_readers_layer_agrees_with_the_shared_scorer():
    module = shared_scorer()
    from generator.commands.layer import score_layer

    for gold_path in sorted((GOLD / "briefing" / "allsides_world").glob("*.json"))[:3]:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = SHARED / "corpus" / "allsides_world" / gold["article"]
        from generator.analysis.extract import extract
        from generator.ingest.read import read_article

        predicted = to_dict(extract(read_article(text, text.parent, slug=text.stem)))
        theirs = module.micro_layer([module.score_layer(gold, predicted)])
        assert score_layer(gold, predicted).figures() == theirs, gold_path.name


@pytest.mark.slow
def test_quality_gate_on_the_briefing_gold():
    """The reader's layer on tests/gold/briefing (articles read from ../shared/corpus)."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    _, pooled = evaluate(GOLD / "briefing", SHARED / "corpus", jobs=2)
    assert_above_floors(pooled, "briefing_gold", "briefing_gold_ceilings")


@pytest.mark.slow
def test_quality_gate_on_the_shared_briefing_dev_gold():
    """The reader's layer on ../shared/gold/briefing-dev, the team's own annotations."""
    base = SHARED / "gold" / "briefing-dev"
    if not base.is_dir():
        pytest.skip("../shared/gold/briefing-dev is not beside this checkout")
    _, pooled = evaluate(base / "gold", base / "text", jobs=2)
    assert_above_floors(pooled, "briefing_dev", "briefing_dev_ceilings")


@pytest.mark.slow
def test_quality_gate_on_polnear_dev():
    base = SHARED / "gold" / "polnear-dev"
    if not base.is_dir():
        pytest.skip("../shared/gold/polnear-dev is not beside this checkout")
    _, pooled = evaluate(base / "gold", base / "text", jobs=2)
    assert_above_floors(pooled, "polnear_dev")
