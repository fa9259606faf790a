"""Build time, memory and size of sites of N briefings, each figure beside plain MkDocs.

    python bench/build_sizes.py                   # 100, 1,000 and 5,000 briefings
    python bench/build_sizes.py 200 --jobs 2 --repeat 3 --keep /tmp/bench

For each size, a temporary project is made from the real articles in ../shared/corpus
(`sample_site.py`) and built with `mkdocs build`: cold (empty cache), warm (nothing changed)
and with one article changed. Then the Markdown the generator produced (`briefings render`)
is built by plain `mkdocs build` with the same theme, navigation and extensions but without
the plugin, so every figure can be read as a ratio to MkDocs itself, measured in the same run.
Peak memory is the largest resident size of the build's whole process tree (workers included);
CPU is the seconds of processor time it used, the steadier figure on a machine shared with
other work. With --repeat, warm and plain builds are run that many times and the fastest kept.
Prints figures; never a test.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_site import make_project, mkdocs_yml

BIN = Path(sys.executable).parent
PARSED = re.compile(r"(\d+) briefings: (\d+) parsed, (\d+) from cache")


@dataclass(frozen=True)
class Run:
    """One build: how long it took, the memory it peaked at and the site it left."""

    seconds: float
    cpu: float
    peak_mb: float
    parsed: int | None
    site_mb: float
    pages: int
    mean_page_kb: float
    largest_page_kb: float
    search_kb: float


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, read from /proc."""
    parent, rss = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parent[pid], rss[pid] = int(fields[1]), int(fields[21])
    tree, grown = {root}, True
    while grown:
        more = {pid for pid, ppid in parent.items() if ppid in tree} - tree
        tree |= more
        grown = bool(more)
    return sum(rss.get(pid, 0) for pid in tree) * os.sysconf("SC_PAGE_SIZE")


def timed(command: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """Run a command; (seconds, CPU seconds, peak resident MB of its process tree, its log)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    log, _ = process.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    done.set()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{log[-3000:]}")
    return seconds, cpu, peak / 1e6, log


def measure_site(site: Path) -> dict:
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    search = site / "search" / "search_index.json"
    return {
        "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 1e6,
        "pages": len(pages),
        "mean_page_kb": sum(pages) / len(pages) / 1e3,
        "largest_page_kb": max(pages) / 1e3,
        "search_kb": search.stat().st_size / 1e3 if search.exists() else 0.0,
    }


def build(project: Path) -> Run:
    # Every build starts from an empty site folder: emptying one is MkDocs' work, not ours, and
    # plain MkDocs is measured the same way.
    shutil.rmtree(project / "site", ignore_errors=True)
    seconds, cpu, peak, log = timed([str(BIN / "mkdocs"), "build"], project)
    found = PARSED.search(log)
    return Run(seconds, cpu, peak, int(found.group(2)) if found else 0, **measure_site(project / "site"))


def plain_project(project: Path, plain: Path) -> Path:
    """A project for plain MkDocs: the Markdown the generator wrote (from the warm cache)."""
    shutil.rmtree(plain, ignore_errors=True)
    subprocess.run(
        [str(BIN / "briefings"), "render", str(plain / "docs"), "--config", str(project / "mkdocs.yml")],
        check=True,
        capture_output=True,
    )
    shutil.copytree(project / "docs", plain / "docs", dirs_exist_ok=True)
    (plain / "mkdocs.yml").write_text(mkdocs_yml(plain, plugin=False), encoding="utf-8")
    return plain


def plain_build(plain: Path) -> Run:
    shutil.rmtree(plain / "site", ignore_errors=True)
    seconds, cpu, peak, _ = timed([str(BIN / "mkdocs"), "build"], plain)
    return Run(seconds, cpu, peak, None, **measure_site(plain / "site"))


def fastest(runs: list[Run]) -> Run:
    return min(runs, key=lambda run: run.seconds)


def change_one_article(project: Path) -> None:
    article = sorted((project / "briefings").glob("*.md"))[0]
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nThe minister said the talks would resume on Friday.\n")


def report(count: int, runs: dict[str, Run], plain: Run) -> None:
    print(f"\n== {count:,} briefings ==")
    print(
        f"{'build':<14}{'seconds':>9}{'× plain':>9}{'CPU s':>8}{'× plain':>9}{'parsed':>8}{'peak MB':>9}"
        f"{'× plain':>9}{'site MB':>9}{'pages':>7}{'mean KB':>9}{'max KB':>8}{'search KB':>11}"
    )
    for name, run in {**runs, "plain mkdocs": plain}.items():
        parsed = "-" if run.parsed is None else str(run.parsed)
        print(
            f"{name:<14}{run.seconds:>9.1f}{run.seconds / plain.seconds:>9.2f}{run.cpu:>8.1f}"
            f"{run.cpu / plain.cpu:>9.2f}{parsed:>8}{run.peak_mb:>9.0f}{run.peak_mb / plain.peak_mb:>9.2f}"
            f"{run.site_mb:>9.1f}{run.pages:>7}{run.mean_page_kb:>9.1f}{run.largest_page_kb:>8.1f}{run.search_kb:>11.0f}"
        )
    print(
        f"per briefing: cold {runs['cold'].seconds / count * 1000:.0f} ms, "
        f"warm {runs['warm'].seconds / count * 1000:.1f} ms, plain {plain.seconds / count * 1000:.1f} ms",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000, 5000], help="numbers of briefings")
    parser.add_argument("--jobs", type=int, default=0, help="extraction processes (0: one per core)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run warm and plain builds this many times, keep the fastest"
    )
    parser.add_argument(
        "--keep",
        type=Path,
        help="build the projects here and keep them (default: a temporary folder, removed)",
    )
    args = parser.parse_args()
    print(
        f"$ {' '.join([Path(sys.executable).name, *sys.argv])}   "
        f"({os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f})"
    )
    base = args.keep or Path(tempfile.mkdtemp(prefix="briefings-bench-"))
    try:
        for count in args.sizes:
            project = base / f"site-{count}"
            shutil.rmtree(project, ignore_errors=True)
            make_project(project, count, jobs=args.jobs)
            cold = build(project)
            plain_dir = plain_project(project, base / f"plain-{count}")
            warm, plain = [], []
            for _ in range(args.repeat):  # alternately, so that a change in the machine's load hits both
                warm.append(build(project))
                plain.append(plain_build(plain_dir))
            runs = {"cold": cold, "warm": fastest(warm)}
            change_one_article(project)
            runs["one changed"] = build(project)
            report(count, runs, fastest(plain))
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
