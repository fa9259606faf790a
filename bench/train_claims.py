"""Train the learned judge of claim candidates on PolNeAR train; write its weights.

    python bench/train_claims.py                            # train, print figures, write the model
    python bench/train_claims.py --keep 0.6 --drop 0.2      # the probabilities it judges by
    python bench/train_claims.py --dry-run                  # figures only

Every article of ../shared/gold/polnear-train is extracted as a build does, with a model that
keeps every proposal of `claims/broad.py` and drops nothing, and every candidate the model
would judge is kept with its features: the broad proposals, and the unquoted candidates of
the rules. A candidate is positive when its words match a gold claim of the article as the
scorer matches them (word-level F1 of at least 0.5). A logistic model with an L2 penalty is
fitted by Newton's method and written to `generator/data/claim_model.tsv`, features and
weights only: no word of the training texts is a feature, and none is written. The two
thresholds are chosen on PolNeAR dev (`bench/eval_polnear.py`), never on test.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
MODEL = ROOT / "generator" / "data" / "claim_model.tsv"


Row = tuple[tuple[str, ...], bool, bool]
"""A candidate's features, whether it matches a gold claim, and whether it is a broad one."""


def labelled(pair: tuple[str, str]) -> list[Row]:
    """The rows of every candidate the model would judge in one article."""
    from eval_polnear import parsed

    from generator.analysis.claims import broad, learned, pipeline
    from generator.analysis.extract import attribute
    from generator.ingest.read import read_article
    from generator.text import overlap

    gold_path, text_path = pair
    gold = [c["text"] for c in json.loads(Path(gold_path).read_text(encoding="utf-8"))["claims"]]
    article = read_article(Path(text_path), Path(text_path).parent, slug="x")
    found: list[Row] = []

    def record(candidates, paragraph):
        for c in candidates:
            if learned.judged(c) or c.extractor == "learned":
                text = paragraph.doc.text[c.start : c.end]
                features = learned.candidate_features(paragraph, c)
                found.append((features, any(overlap(text, g) >= 0.5 for g in gold), c.extractor == "learned"))
        return candidates

    broad.claim_model = lambda: learned.Model({}, 0.0, keep=0.0, drop=0.0)
    pipeline.judge = record
    attribute(article, parsed(article), pipeline.build_extractors())
    return found


def gather(split: str, jobs: int, limit: int = 0) -> list[Row]:
    from generator.commands.evaluate import gold_pairs

    base = ROOT.parent / "shared" / "gold" / f"polnear-{split}"
    pairs = [(str(g), str(t)) for _, g, t in gold_pairs(base / "gold", base / "text")]
    pairs = pairs[:limit] if limit else pairs
    rows: list[Row] = []
    with ProcessPoolExecutor(jobs) as pool:
        for found in pool.map(labelled, pairs, chunksize=8):
            rows.extend(found)
    return rows


def fit(rows, names: list[str], penalty: float, steps: int = 25):
    """Weights and bias of an L2-penalised logistic model, by Newton's method."""
    import numpy as np

    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0
    for r, (features, *_) in enumerate(rows):
        for f in features:
            if f in index:
                x[r, index[f]] = 1.0
    y = np.array([1.0 if label else 0.0 for _, label, _ in rows])
    w = np.zeros(len(names) + 1)
    ridge = np.full(len(names) + 1, penalty)
    ridge[-1] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(ridge + 1e-9)
        change = np.linalg.solve(hessian, gradient)
        w -= change
        if np.abs(change).max() < 1e-6:
            break
    return dict(zip(names, w[:-1], strict=True)), float(w[-1])


def report(name: str, rows: list[Row], model) -> None:
    """What each threshold would keep of the broad candidates and drop of the rules'."""
    broad = [(model.probability(f), label) for f, label, is_broad in rows if is_broad]
    rules = [(model.probability(f), label) for f, label, is_broad in rows if not is_broad]
    print(f"{name}: {len(broad)} broad candidates ({sum(x for _, x in broad)} right), ", end="")
    print(f"{len(rules)} unquoted rule candidates ({sum(x for _, x in rules)} right)")
    for threshold in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8):
        kept = [label for p, label in broad if p >= threshold]
        print(f"  keep p>={threshold}: {len(kept)}, right {sum(kept)}")
    for threshold in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        dropped = [label for p, label in rules if p < threshold]
        print(f"  drop p<{threshold}: {len(dropped)}, of them right {sum(dropped)}")


def write(weights: dict[str, float], bias: float, keep: float, drop: float, header: list[str]) -> None:
    lines = [f"# {line}" for line in header]
    lines += [f"(bias)\t{bias:.4f}", f"(keep)\t{keep:.2f}", f"(drop)\t{drop:.2f}"]
    lines += [f"{n}\t{w:.4f}" for n, w in sorted(weights.items()) if abs(w) >= 5e-4]
    MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    from generator.analysis.claims.learned import Model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=float, default=0.7, help="a broad candidate is kept from here")
    parser.add_argument("--drop", type=float, default=0.2, help="a rule candidate is dropped below")
    parser.add_argument("--penalty", type=float, default=2.0, help="L2 penalty on each weight")
    parser.add_argument("--min-count", type=int, default=5, help="features seen fewer times are dropped")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dry-run", action="store_true")
    options = parser.parse_args()

    train = gather("train", options.jobs)
    counts = Counter(f for features, *_ in train for f in set(features))
    names = sorted(f for f, n in counts.items() if n >= options.min_count)
    weights, bias = fit(train, names, options.penalty)
    model = Model(weights, bias, options.keep, options.drop)
    report("train", train, model)
    report("dev", gather("dev", options.jobs), model)
    if not options.dry_run:
        positives = sum(label for _, label, _ in train)
        write(
            weights,
            bias,
            options.keep,
            options.drop,
            [
                "The learned judge of claim candidates (generator/analysis/claims/learned.py).",
                "Produced by bench/train_claims.py from PolNeAR train (Newell, Margolin & Ruths, LREC 2018):",
                f"{len(train)} candidates (broad, and the rules' unquoted), {positives} match a gold claim;",
                f"logistic regression, L2 penalty {options.penalty}, features seen at least "
                f"{options.min_count} times ({len(names)}).",
                "Features are parse labels, entity types, lengths, marks and lexicon classes, never",
                "words of the texts. The thresholds (keep, drop) were chosen on PolNeAR dev.",
                "Regenerate with the command above; do not edit by hand.",
            ],
        )
        print(f"wrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
