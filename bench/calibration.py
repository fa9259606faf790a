"""Whether the confidence a claim shows means what it says, on PolNeAR: the reliability table
and the expected calibration error (ECE, 10 equal-width bins).

    python bench/calibration.py                   # dev split
    python bench/calibration.py --split train     # the split the model is trained on

A claim is right when its words match a gold claim and, where the gold speaker is scorable,
its speaker is right (`generator.commands.evaluate.claim_outcomes`, the scorer's rules).
Below the table: the mean confidence against the share right (the ECE can be no smaller
than their gap), and the mean confidence by outcome, so that wrong speakers can be seen
apart from right ones. Parses come from the cache of `eval_polnear.py`. Prints figures;
never a test (the gate is `tests/test_evaluate.py`).
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_polnear import ROOT, SHARED, one


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from generator.commands.evaluate import Score, gold_pairs
    from generator.commands.reliability import calibration_error, reliability, table_lines

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
    print(f"PolNeAR {options.split}: {len(pairs)} articles, {len(pooled.outcomes)} claims")
    print("\n".join(table_lines(reliability(pooled.rightness))))
    print(f"ECE {calibration_error(pooled.rightness):.4f}")
    mean = sum(c for c, _ in pooled.rightness) / len(pooled.rightness)
    right = sum(r for _, r in pooled.rightness) / len(pooled.rightness)
    # The ECE is at least this gap, whatever the bins: a shift of the whole split.
    print(f"mean confidence {mean:.3f}, right {right:.3f} (gap {right - mean:+.3f})")
    print("\noutcome          count  mean confidence")
    for outcome in ("speaker right", "words right", "speaker wrong", "unmatched"):
        shown = [c for c, o in pooled.outcomes if o == outcome]
        mean = sum(shown) / len(shown) if shown else 0.0
        print(f"{outcome:<15} {len(shown):>6}  {mean:.3f}")
    print(json.dumps({"split": options.split, "ece": round(calibration_error(pooled.rightness), 4)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
