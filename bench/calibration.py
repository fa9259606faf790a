"""Whether the confidence a claim shows means what it says: the reliability table and the
expected calibration error (ECE, 10 equal-width bins), on PolNeAR and on briefing gold.

    python bench/calibration.py                   # PolNeAR dev and briefing-dev
    python bench/calibration.py --split train     # PolNeAR train (what the model learns from)

A claim is right when its words match a gold claim and, where the gold speaker is scorable,
its speaker is right (`generator.commands.evaluate.claim_outcomes`, the scorer's rules).
PolNeAR marks a speaker named by a pronoun as the pronoun ("he"), which the scorer cannot
check; briefing gold resolves every speaker, so there a wrong "he" counts wrong. Below each
table: the mean confidence against the share right (the ECE can be no smaller than their
gap), and the mean confidence by outcome, so that wrong speakers can be seen apart from right
ones. PolNeAR parses come from the cache of `eval_polnear.py`. Prints figures; never a test
(the gate is `tests/test_evaluate.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_polnear import ROOT, SHARED, one


def show(label: str, pooled) -> float:
    """Print the reliability table of pooled scores; returns the ECE."""
    from generator.commands.reliability import calibration_error, reliability, table_lines

    rightness = pooled.rightness
    print(f"\n{label}: {len(rightness)} claims")
    print("\n".join(table_lines(reliability(rightness))))
    ece = calibration_error(rightness)
    print(f"ECE {ece:.4f}")
    if rightness:
        mean = sum(c for c, _ in rightness) / len(rightness)
        right = sum(r for _, r in rightness) / len(rightness)
        # The ECE is at least this gap, whatever the bins: a shift of the whole split.
        print(f"mean confidence {mean:.3f}, right {right:.3f} (gap {right - mean:+.3f})")
    print("outcome          count  mean confidence")
    for outcome in ("speaker right", "words right", "speaker wrong", "unmatched"):
        shown = [c for c, o in pooled.outcomes if o == outcome]
        print(f"{outcome:<15} {len(shown):>6}  {sum(shown) / len(shown) if shown else 0.0:.3f}")
    return ece


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from generator.commands.evaluate import Score, evaluate, gold_pairs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=2)
    options = parser.parse_args()

    base = SHARED / "gold" / f"polnear-{options.split}"
    pairs = gold_pairs(base / "gold", base / "text")[: options.limit or None]
    pooled = Score()
    with ProcessPoolExecutor(options.jobs) as pool:
        for _, score in pool.map(one, [(str(g), str(t)) for _, g, t in pairs], chunksize=8):
            pooled += score
    figures = {"polnear": options.split, "articles": len(pairs)}
    figures["polnear_ece"] = round(show(f"PolNeAR {options.split}, {len(pairs)} articles", pooled), 4)
    if options.split == "dev":
        briefing = SHARED / "gold" / "briefing-dev"
        scores, _ = evaluate(briefing / "gold", briefing / "text", jobs=options.jobs)
        pooled = Score()
        for score in scores.values():
            pooled += score
        figures["briefing_dev_ece"] = round(show(f"briefing-dev, {len(scores)} articles", pooled), 4)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
