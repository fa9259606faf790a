"""Learn the weights of the claim confidence model from PolNeAR train, and write them to
generator/data/confidence.tsv.

    python bench/train_calibration.py              # extract PolNeAR train, fit, write the weights
    python bench/train_calibration.py --dry-run    # fit and print, write nothing

Every claim extracted from the 840 articles of PolNeAR train is one example: its features
(`generator.analysis.confidence.claim_features`: the rules that fired, the parse, how the
speaker was resolved; no words of the texts) and whether it is right (its words match a
gold claim and, where the gold speaker is scorable, its speaker is right:
`generator.commands.evaluate.claim_outcomes`). A logistic regression with an L2 penalty is
fitted by Newton's method; the penalty is chosen by 5-fold cross-validation over articles
(the log loss of the held-out folds). What makes a speaker uncertain may only lower a
claim's confidence (`confidence.never_surer`): such a feature that would raise it weighs 0.
Features seen in fewer than `--min-count` claims are left out, and so are those of how a
pronoun's or a description's antecedent was met (`confidence.RESOLVED`), which PolNeAR cannot
check and `bench/train_speakers.py` learns from GUM. Nothing of PolNeAR dev is
read: `bench/calibration.py` measures the result there.
Parses come from the cache of `eval_polnear.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_polnear import ROOT, SHARED, parsed

PENALTIES = (0.3, 1.0, 3.0, 10.0)
FOLDS = 5
OUT = ROOT / "generator" / "data" / "confidence.tsv"


def examples(args) -> list[tuple[dict[str, float], str]]:
    """(features, outcome) of every claim extracted from one article."""
    gold_path, text_path = args
    from generator.analysis.extract import extract_explained
    from generator.commands.evaluate import claim_outcomes
    from generator.export import to_dict
    from generator.ingest.read import read_article

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    article = read_article(Path(text_path), Path(text_path).parent, slug="x")
    briefing, features = extract_explained(article, docs=parsed(article))
    predicted = to_dict(briefing)
    outcomes = claim_outcomes(gold, predicted)
    return [(features[c["id"]], o) for c, o in zip(predicted["claims"], outcomes, strict=True)]


def newton(x1: np.ndarray, y: np.ndarray, ridge: np.ndarray, free: np.ndarray) -> np.ndarray:
    """The penalised logistic regression over the columns marked free (the others stay 0)."""
    w = np.zeros(x1.shape[1])
    cols = np.flatnonzero(free)
    xs = x1[:, cols]
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(xs @ w[cols], -30, 30)))
        gradient = xs.T @ (p - y) + ridge[cols] * w[cols]
        hessian = (xs * (p * (1 - p))[:, None]).T @ xs + np.diag(ridge[cols] + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w[cols] -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def fit(x: np.ndarray, y: np.ndarray, penalty: float, constrained: np.ndarray) -> np.ndarray:
    """Weights (intercept first) of the L2-penalised logistic regression, the intercept not
    penalised; a `constrained` feature (`confidence.never_surer`) that comes out positive is
    held at 0 and the rest fitted again (an active-set fit of the sign constraint)."""
    x1 = np.hstack([np.ones((len(x), 1)), x])
    ridge = np.full(x1.shape[1], penalty)
    ridge[0] = 0.0
    bounded = np.concatenate([[False], constrained])
    free = np.ones(x1.shape[1], dtype=bool)
    while True:
        w = newton(x1, y, ridge, free)
        wrong = bounded & free & (w > 0)
        if not wrong.any():
            return w
        free &= ~wrong


def predict(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(w[0] + x @ w[1:], -30, 30)))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-9, 1 - 1e-9)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def cross_validate(x, y, article, penalty: float, constrained) -> np.ndarray:
    """Held-out predictions, the articles split into `FOLDS` folds."""
    held_out = np.zeros(len(y))
    for fold in range(FOLDS):
        test = article % FOLDS == fold
        held_out[test] = predict(x[test], fit(x[~test], y[~test], penalty, constrained))
    return held_out


def design(rows, min_count: int) -> tuple[list[str], np.ndarray]:
    """The feature names seen in at least `min_count` claims, and the matrix of their values."""
    counts: dict[str, int] = {}
    for features, _, _ in rows:
        for name in features:
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= min_count)
    column = {n: j for j, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, (features, _, _) in enumerate(rows):
        for name, value in features.items():
            if name in column:
                x[i, column[name]] = value
    return names, x


def weights_table(names: list[str], w: np.ndarray, header: list[str]) -> str:
    lines = [f"# {line}" if line else "#" for line in header]
    lines.append("# feature\tweight")
    lines.append(f"(intercept)\t{w[0]:.4f}")
    lines += [f"{name}\t{value:.4f}" for name, value in sorted(zip(names, w[1:], strict=True)) if value]
    return "\n".join(lines) + "\n"


def report(shown: np.ndarray, rows, label: str) -> None:
    """The reliability table, the ECE and mean confidence by outcome."""
    from generator.commands.evaluate import RIGHT
    from generator.commands.reliability import calibration_error, reliability, table_lines

    outcomes = [(round(float(p), 2), o in RIGHT) for p, (_, o, _) in zip(shown, rows, strict=True)]
    print(f"\n{label}:")
    print("\n".join(table_lines(reliability(outcomes))))
    print(f"ECE {calibration_error(outcomes):.4f}")
    for outcome in ("speaker right", "words right", "speaker wrong", "unmatched"):
        mine = [p for p, (_, o, _) in zip(shown, rows, strict=True) if o == outcome]
        print(f"  {outcome:<14} {len(mine):>6} claims, mean confidence {np.mean(mine):.3f}")


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from generator.commands.evaluate import RIGHT, gold_pairs

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--min-count", type=int, default=30)
    parser.add_argument("--dry-run", action="store_true")
    options = parser.parse_args()

    base = SHARED / "gold" / "polnear-train"
    pairs = gold_pairs(base / "gold", base / "text")
    with ProcessPoolExecutor(options.jobs) as pool:
        per_article = list(pool.map(examples, [(str(g), str(t)) for _, g, t in pairs], chunksize=8))
    from generator.analysis.confidence import RESOLVED, never_surer

    # What only the resolution model weighs (learned from GUM) is left out here.
    rows = [
        ({n: v for n, v in features.items() if not n.startswith(RESOLVED)}, outcome, i)
        for i, found in enumerate(per_article)
        for features, outcome in found
    ]
    names, x = design(rows, options.min_count)

    constrained = np.array([never_surer(name) for name in names])
    y = np.array([float(outcome in RIGHT) for _, outcome, _ in rows])
    article = np.array([i for _, _, i in rows])
    print(
        f"PolNeAR train: {len(pairs)} articles, {len(rows)} claims, {y.mean():.3f} right, "
        f"{len(names)} features"
    )

    held_out = {}
    for penalty in PENALTIES:
        held_out[penalty] = cross_validate(x, y, article, penalty, constrained)
        print(f"L2 {penalty:>5}: held-out log loss {log_loss(held_out[penalty], y):.4f}")
    penalty = min(PENALTIES, key=lambda p: log_loss(held_out[p], y))
    report(held_out[penalty], rows, f"L2 {penalty}, each article predicted by a model that did not see it")
    w = fit(x, y, penalty, constrained)
    report(predict(x, w), rows, "the model fitted on all of PolNeAR train, on its own claims")

    header = [
        "Weights of the claim confidence model (generator/analysis/confidence.py): a logistic",
        "regression over the features of a claim, P(right) = 1 / (1 + exp(-(intercept + the sum",
        "of weight * value))); a feature not listed weighs 0. Written by",
        "`python bench/train_calibration.py` from PolNeAR train",
        f"({len(pairs)} articles, {len(rows)} claims, {y.mean():.3f} right; features seen in at least",
        f"{options.min_count} claims; L2 penalty {penalty}, chosen by {FOLDS}-fold cross-validation over",
        "articles). Do not edit by hand: change the features or the script and run it again.",
    ]
    write_table(weights_table(names, w, header), OUT, options.dry_run)
    return 0


def write_table(table: str, out: Path, dry_run: bool) -> None:
    """Print a weights table (`--dry-run`) or write it to the data file."""
    if dry_run:
        print(table)
    else:
        out.write_text(table, encoding="utf-8")
        print(f"\nwrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
