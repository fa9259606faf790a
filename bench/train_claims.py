"""Train the learned judge of broad claim candidates on PolNeAR train; write its weights.

    python bench/train_claims.py                      # train, print figures, write the model
    python bench/train_claims.py --threshold 0.6      # the probability the extractor keeps from
    python bench/train_claims.py --dry-run            # figures only

Every article of ../shared/gold/polnear-train is extracted as a build does, with the
`learned` extractor replaced by one that keeps every proposal of `claims/broad.py` with its
features. A proposal is positive when its words match a gold claim of the article as the
scorer matches them (word-level F1 of at least 0.5). A logistic model with an L2 penalty is
fitted by Newton's method and written to `generator/data/claim_model.tsv`, features and
weights only: no word of the training texts is a feature, and none is written. The
threshold is chosen on PolNeAR dev (`bench/eval_polnear.py`), never on test.
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


def labelled(pair: tuple[str, str]) -> list[tuple[tuple[str, ...], bool]]:
    """(features, matches a gold claim) of every broad proposal in one article."""
    from eval_polnear import parsed

    from generator.analysis.claims import broad
    from generator.analysis.claims.base import Extractor
    from generator.analysis.claims.pipeline import build_extractors
    from generator.analysis.extract import attribute
    from generator.ingest.read import read_article
    from generator.text import overlap

    gold_path, text_path = pair
    gold = [c["text"] for c in json.loads(Path(gold_path).read_text(encoding="utf-8"))["claims"]]
    article = read_article(Path(text_path), Path(text_path).parent, slug="x")
    found: list[tuple[tuple[str, ...], bool]] = []

    def collect(paragraph, before):
        for proposal in broad.proposals(paragraph, before):
            c = proposal.candidate
            text = paragraph.doc.text[c.start : c.end]
            found.append((proposal.features, any(overlap(text, g) >= 0.5 for g in gold)))
        return ()

    registry = build_extractors()
    registry.deregister("learned")
    registry.register(Extractor("learned", 5, collect, after_others=True))
    attribute(article, parsed(article), registry)
    return found


def gather(split: str, jobs: int, limit: int = 0) -> list[tuple[tuple[str, ...], bool]]:
    from generator.commands.evaluate import gold_pairs

    base = ROOT.parent / "shared" / "gold" / f"polnear-{split}"
    pairs = [(str(g), str(t)) for _, g, t in gold_pairs(base / "gold", base / "text")]
    pairs = pairs[:limit] if limit else pairs
    rows: list[tuple[tuple[str, ...], bool]] = []
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
    for r, (features, _) in enumerate(rows):
        for f in features:
            if f in index:
                x[r, index[f]] = 1.0
    y = np.array([1.0 if label else 0.0 for _, label in rows])
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


def report(name: str, rows, model) -> None:
    """Precision and recall of the proposals at a few thresholds."""
    positives = sum(label for _, label in rows)
    print(f"{name}: {len(rows)} proposals, {positives} match a gold claim")
    for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        kept = [label for features, label in rows if model.probability(features) >= threshold]
        hits = sum(kept)
        precision = hits / len(kept) if kept else 0.0
        print(f"  p>={threshold}: kept {len(kept)}, right {hits}, precision {precision:.3f}")


def write(weights: dict[str, float], bias: float, threshold: float, header: list[str]) -> None:
    lines = [f"# {line}" for line in header]
    lines += [f"(bias)\t{bias:.4f}", f"(threshold)\t{threshold:.2f}"]
    lines += [f"{n}\t{w:.4f}" for n, w in sorted(weights.items()) if abs(w) >= 5e-4]
    MODEL.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    from generator.analysis.claims.learned import Model

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--penalty", type=float, default=2.0, help="L2 penalty on each weight")
    parser.add_argument("--min-count", type=int, default=5, help="features seen fewer times are dropped")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dry-run", action="store_true")
    options = parser.parse_args()

    train = gather("train", options.jobs)
    counts = Counter(f for features, _ in train for f in set(features))
    names = sorted(f for f, n in counts.items() if n >= options.min_count)
    weights, bias = fit(train, names, options.penalty)
    model = Model(weights, bias, options.threshold)
    report("train", train, model)
    report("dev", gather("dev", options.jobs), model)
    if not options.dry_run:
        positives = sum(label for _, label in train)
        write(
            weights,
            bias,
            options.threshold,
            [
                "The learned judge of broad claim candidates (generator/analysis/claims/learned.py).",
                "Produced by bench/train_claims.py from PolNeAR train (Newell, Margolin & Ruths, LREC 2018):",
                f"{len(train)} proposals of claims/broad.py, {positives} matching a gold claim;",
                f"logistic regression, L2 penalty {options.penalty}, features seen at least "
                f"{options.min_count} times ({len(names)}).",
                "Features are parse labels, entity types, lengths, marks and lexicon classes, never",
                "words of the texts. The threshold was chosen on PolNeAR dev.",
                "Regenerate with the command above; do not edit by hand.",
            ],
        )
        print(f"wrote {MODEL.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
