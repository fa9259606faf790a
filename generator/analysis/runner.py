"""Running extraction over many articles: in this process, or in a pool of worker processes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import TypeVar

from generator.analysis.extract import extract, extract_many
from generator.config import ExtractionSettings
from generator.export import to_dict
from generator.model import Article

Key = TypeVar("Key")
Batch = list[tuple[Key, Article]]
ExtractBatch = Callable[[list[Article], ExtractionSettings], list[dict | str]]
"""Extracts a batch of articles: `to_dict` output for each, or an error text."""


def extract_batch(articles: list[Article], settings: ExtractionSettings) -> list[dict | str]:
    """Extract a batch in a worker; a failure is returned as text, never raised."""
    try:
        return [to_dict(b) for b in extract_many(articles, settings)]
    except Exception:
        pass
    out: list[dict | str] = []
    for article in articles:
        try:
            out.append(to_dict(extract(article, settings)))
        except Exception as error:
            out.append(f"{type(error).__name__}: {error}")
    return out


def run_extraction(
    missing: Batch,
    settings: ExtractionSettings,
    jobs: int = 0,
    batch_function: ExtractBatch = extract_batch,
) -> Iterator[tuple[Batch, list[dict | str]]]:
    """Yield (batch, results) as batches finish, in any order; a result is `to_dict` output or
    an error text.

    Runs in this process when parallelism cannot pay; else in worker processes that each
    load the language model once.
    """
    jobs = jobs or os.cpu_count() or 1
    if not missing:
        return
    if jobs <= 1 or len(missing) < 4:
        for i in range(0, len(missing), 16):
            batch = missing[i : i + 16]
            yield batch, batch_function([a for _, a in batch], settings)
        return
    import multiprocessing

    # Longest articles first, in small batches: the last batches are short ones, so no worker
    # is left parsing a long batch while the others have nothing to do.
    ordered = sorted(missing, key=lambda item: -sum(len(p) for p in item[1].paragraphs))
    size = max(1, min(8, len(missing) // (jobs * 8)))
    batches = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=context) as pool:
        futures = {pool.submit(batch_function, [a for _, a in batch], settings): batch for batch in batches}
        for future in as_completed(futures):
            yield futures[future], future.result()
