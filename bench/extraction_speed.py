"""Extraction time against the bare spaCy parse of the same articles, and on 1 core against 2.

    python bench/extraction_speed.py              # the 517 articles of ../shared/corpus
    python bench/extraction_speed.py --limit 200 --jobs 1 2

First, in one process with the model already loaded: `nlp.pipe` over every paragraph (what
any spaCy-based tool pays), then the generator's whole extraction of the same articles
(which parses them the same way, then finds claims, speakers, evidence and positions).
Then cold extraction as a build does it (`site.run_extraction`), each in a fresh interpreter:
imports, language model and worker start-up included. Prints figures; never a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_site import corpus_articles


def articles(limit: int | None):
    from generator.ingest.read import parse_article

    chosen = corpus_articles()[:limit]
    return [parse_article(text.encode("utf-8"), f"{name}.txt", slug=name) for name, text, _ in chosen]


def in_process(limit: int | None) -> dict:
    """Seconds (wall and CPU) for the bare parse and for extraction, model loaded beforehand.

    CPU time is printed too: on a machine shared with other work it is the steadier figure.
    """
    from generator.analysis.extract import extract_many
    from generator.analysis.nlp import pipeline

    chosen = articles(limit)
    nlp = pipeline()
    list(nlp.pipe(["Warm the pipeline up."]))
    paragraphs = [p for a in chosen for p in a.paragraphs]
    started, cpu = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe(paragraphs, batch_size=64))
    parse, parse_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    extract_many(chosen)
    extraction, extraction_cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "articles": len(chosen),
        "tokens": sum(len(d) for d in docs),
        "parse": parse,
        "extraction": extraction,
        "parse_cpu": parse_cpu,
        "extraction_cpu": extraction_cpu,
    }


def cold(limit: int | None, jobs: int) -> dict:
    """Seconds for a build's extraction of every article from scratch, with `jobs` processes."""
    started = time.perf_counter()
    from generator.analysis.runner import run_extraction
    from generator.config import ExtractionSettings

    chosen = articles(limit)
    done = sum(
        len(batch)
        for batch, _ in run_extraction(
            [(str(i), a) for i, a in enumerate(chosen)], ExtractionSettings(), jobs
        )
    )
    return {"articles": done, "seconds": time.perf_counter() - started}


def child(mode: str, limit: int | None, jobs: int = 1) -> dict:
    """Run one measurement in a fresh interpreter, so that nothing is loaded beforehand."""
    command = [sys.executable, __file__, "--child", mode, "--jobs", str(jobs)] + (
        ["--limit", str(limit)] if limit else []
    )
    out = subprocess.run(
        command, check=True, capture_output=True, text=True, env={**os.environ, "CI": "1"}
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="use only the first N corpus articles")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 2], help="process counts to compare for cold extraction"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        result = in_process(args.limit) if args.child == "in-process" else cold(args.limit, args.jobs[0])
        print(json.dumps(result))
        return
    print(
        f"$ {' '.join([Path(sys.executable).name, *sys.argv])}   "
        f"({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})"
    )
    base = child("in-process", args.limit)
    n = base["articles"]
    print(f"\n{n} articles, {base['tokens']:,} tokens, one process, model loaded")
    for name, key in (("bare spaCy parse", "parse"), ("extraction", "extraction")):
        wall, cpu = base[key], base[f"{key}_cpu"]
        print(
            f"{name:<19}{wall:7.1f} s ({cpu:6.1f} s CPU)  {base['tokens'] / wall:8,.0f} tokens/s  "
            f"{n / wall:5.1f} articles/s"
        )
    print(
        f"extraction / parse {base['extraction'] / base['parse']:7.2f} "
        f"({base['extraction_cpu'] / base['parse_cpu']:.2f} in CPU time)"
    )
    print("\ncold extraction (fresh interpreter: imports, model and workers included)")
    times = {}
    for jobs in args.jobs:
        times[jobs] = child("cold", args.limit, jobs)["seconds"]
        print(
            f"jobs={jobs:<3}           {times[jobs]:7.1f} s  {n / times[jobs]:5.1f} articles/s  "
            f"speed-up {times[args.jobs[0]] / times[jobs]:.2f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
