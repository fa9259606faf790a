"""Extraction quality on PolNeAR (../shared/gold/polnear-*), with the errors to look at.

    python bench/eval_polnear.py                  # dev split, figures only
    python bench/eval_polnear.py --split train --show 20 --limit 200

Parsed documents are kept in .cache/docs so that re-running after a rule change only costs
the rules. Prints figures; never a test. The texts are read from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DOCS = ROOT / ".cache" / "docs"


def parsed(article):
    """spaCy docs of the article's paragraphs (from the on-disk cache when possible), then of its headline."""
    from spacy.tokens import DocBin

    from generator.analysis.extract import texts
    from generator.analysis.nlp import pipeline

    nlp = pipeline()
    # The lemma fixes run inside the pipeline: a change to them must not reuse old parses.
    fixes = (ROOT / "generator" / "analysis" / "nlp.py").read_bytes() + (
        ROOT / "generator" / "data" / "lexicon" / "lemma_fixes.tsv"
    ).read_bytes()
    key = hashlib.sha256(
        ("\n\n".join(article.paragraphs) + repr(nlp.pipe_names)).encode() + fixes
    ).hexdigest()
    path = DOCS / f"{key}.spacy"
    if path.exists():
        return [*DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab), nlp(texts(article)[-1])]
    docs = list(nlp.pipe(article.paragraphs))
    DOCS.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DocBin(docs=docs, store_user_data=False).to_bytes())
    return [*docs, nlp(texts(article)[-1])]


def one(args):
    gold_path, text_path = args
    from generator.analysis.extract import extract
    from generator.commands.evaluate import score
    from generator.export import to_dict
    from generator.ingest.read import read_article

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    article = read_article(Path(text_path), Path(text_path).parent, slug="x")
    briefing = extract(article, docs=parsed(article))
    return Path(gold_path).stem, score(gold, to_dict(briefing))


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from generator.commands.evaluate import gold_pairs, summary

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument(
        "--show", type=int, default=0, help="print this many misses, spurious claims and wrong speakers"
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    options = parser.parse_args()

    base = SHARED / "gold" / f"polnear-{options.split}"
    pairs = gold_pairs(base / "gold", base / "text")
    if options.limit:
        pairs = pairs[: options.limit]
    started = time.time()
    with ProcessPoolExecutor(options.jobs) as pool:
        results = dict(pool.map(one, [(str(g), str(t)) for _, g, t in pairs], chunksize=8))
    figures = summary(list(results.values()))
    figures["seconds"] = round(time.time() - started, 1)
    print(json.dumps(figures))
    if options.show:
        rng = random.Random(options.seed)
        for label, attr in (
            ("MISSED", "missed"),
            ("SPURIOUS", "spurious"),
            ("WRONG SPEAKER", "wrong_speaker"),
        ):
            items = [(name, item) for name, s in results.items() for item in getattr(s, attr)]
            print(f"\n== {label}: {len(items)}")
            for name, item in rng.sample(items, min(options.show, len(items))):
                print(f"- [{name[:40]}] {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
