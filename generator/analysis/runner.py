"""Running extraction over many articles: in this process, or in worker processes under a time budget.

A build hands every article it must parse to workers (`read_and_extract`): reading a file
(Markdown, a saved page) and extracting it both run there, so that no file, however it was
made, can hold up the build for longer than its budget (`TimeBudget`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from generator import workers
from generator.analysis.extract import extract, extract_many
from generator.config import ExtractionSettings
from generator.errors import ArticleError
from generator.export import article_to_dict, to_dict
from generator.ingest.read import parse_article
from generator.model import Article

Key = TypeVar("Key")
Batch = list[tuple[Key, Article]]
ExtractBatch = Callable[[list[Article], ExtractionSettings], list[dict | str]]
"""Extracts a batch of articles: `to_dict` output for each, or an error text."""

WARM_UP = b"Talks resume\n\nThe minister said on Monday that the talks would resume, officials said.\n"


@dataclass(frozen=True)
class TimeBudget:
    """How long reading and extracting one file may take before it is skipped."""

    per_100kb: float = 10.0
    """Seconds for every 100 KB of the file; a file of any size gets at least this much, and
    none more than three times it: the parser reads at most `nlp.MAX_TEXT` of any article."""

    def seconds(self, size: int) -> float:
        """The budget of a file of `size` bytes; no limit when `per_100kb` is 0."""
        if not self.per_100kb:
            return float("inf")
        return self.per_100kb * min(3.0, max(1.0, size / 100_000))


@dataclass(frozen=True)
class Task:
    """One file for a worker to read and extract."""

    data: bytes
    name: str
    slug: str
    settings: ExtractionSettings
    budget: TimeBudget


def read_and_extract(task: Task) -> tuple:
    """In a worker: ("done", article as read, extraction), ("unreadable", problem) or
    ("failed", error text); never raises, so that the worker lives on."""
    try:
        article = parse_article(task.data, task.name, slug=task.slug)
    except ArticleError as error:
        return "unreadable", error.problem
    except Exception as error:
        return "unreadable", f"could not be read: {type(error).__name__}: {error}"
    try:
        return "done", article_to_dict(article), to_dict(extract(article, task.settings))
    except Exception as error:
        return "failed", f"{type(error).__name__}: {error}"


def warm_up() -> None:
    """Load the model, lexicons and knowledge before the first task's clock starts."""
    extract(parse_article(WARM_UP, "warm-up.txt", slug="warm-up"))


def run_tasks(tasks: list[Task], jobs: int = 0) -> Iterator[tuple[Task, tuple]]:
    """Yield (task, outcome) as files finish; an outcome is what `read_and_extract` returns,
    or ("timed out", seconds) or ("died", "") when the worker overran or died twice."""
    jobs = jobs or os.cpu_count() or 1
    for outcome in workers.run(
        tasks, read_and_extract, lambda t: t.budget.seconds(len(t.data)), jobs, warm_up
    ):
        task = tasks[outcome.index]
        if outcome.failure == workers.TIMED_OUT:
            yield task, ("timed out", task.budget.seconds(len(task.data)))
        elif outcome.failure:
            yield task, ("died", "")
        else:
            yield task, outcome.value  # type: ignore[misc]


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


def _batch_task(task: tuple[list[Article], ExtractionSettings]) -> list[dict | str]:
    return extract_batch(*task)


def run_extraction(
    missing: Batch,
    settings: ExtractionSettings,
    jobs: int = 0,
    batch_function: ExtractBatch = extract_batch,
) -> Iterator[tuple[Batch, list[dict | str]]]:
    """Yield (batch, results) as batches finish, in any order; a result is `to_dict` output or
    an error text. For articles already read (evaluation, benchmarks and tests); a build uses
    `run_tasks`.

    Runs in this process when parallelism cannot pay; else in worker processes that each
    load the language model once. A batch whose worker dies twice gets an error text.
    """
    jobs = jobs or os.cpu_count() or 1
    if not missing:
        return
    if jobs <= 1 or len(missing) < 4 or batch_function is not extract_batch:
        for i in range(0, len(missing), 16):
            batch = missing[i : i + 16]
            yield batch, batch_function([a for _, a in batch], settings)
        return
    # Longest articles first, in small batches: the last batches are short ones, so no worker
    # is left parsing a long batch while the others have nothing to do.
    ordered = sorted(missing, key=lambda item: -sum(len(p) for p in item[1].paragraphs))
    size = max(1, min(8, len(missing) // (jobs * 8)))
    batches = [ordered[i : i + size] for i in range(0, len(ordered), size)]
    tasks = [([a for _, a in batch], settings) for batch in batches]
    for outcome in workers.run(tasks, _batch_task, lambda _: float("inf"), jobs, warm_up):
        batch = batches[outcome.index]
        if outcome.failure:
            yield batch, [f"the worker process {outcome.failure}"] * len(batch)
        else:
            yield batch, outcome.value  # type: ignore[misc]
