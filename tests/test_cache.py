"""The extraction cache and written output: what a killed or damaged build leaves behind is never
trusted, and two builds running at once leave the cache whole."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from generator.build import build
from generator.config import BuildConfig as Config
from generator.site.cache import Cache
from generator.write import write_files

pytestmark = pytest.mark.slow

ARTICLES = {
    f"{name}.txt": f"{name.title()} talks resume\n\n“We will not accept this offer,” said {speaker}, the {role}.\n\n{speaker} said the talks would resume on Friday.\n"
    for name, speaker, role in (
        ("arctic", "Ingrid Dahl", "foreign minister"),
        ("trade", "Maria Lopez", "trade envoy"),
        ("water", "Karl Berg", "ministry spokesman"),
        ("ports", "Anna Keller", "harbour master"),
    )
}


def source_with(folder: Path, names) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    return folder


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("??/*.json") if not p.name.startswith(".tmp-"))


def temporaries(cache: Path) -> list[Path]:
    return sorted(cache.glob("??/.tmp-*"))


def test_damaged_entries_are_parsed_again_and_replaced(tmp_path):
    source = source_with(tmp_path / "briefings", ["arctic.txt", "trade.txt", "water.txt"])
    config = Config(source=source, cache_dir=tmp_path / "cache", jobs=1)
    first = build(config)
    assert first.parsed == 3
    truncated, tampered, garbage = entries(tmp_path / "cache")
    truncated.write_bytes(truncated.read_bytes()[: truncated.stat().st_size // 2])
    envelope = json.loads(tampered.read_text(encoding="utf-8"))
    envelope["body"]["bluf"] = "Something the article never said."
    tampered.write_text(json.dumps(envelope), encoding="utf-8")
    garbage.write_bytes(b"\x00\xff not json")
    second = build(config)
    assert (second.parsed, second.cached) == (3, 0)
    assert second.files == first.files
    third = build(config)
    assert (third.parsed, third.cached) == (0, 3)


def _quick_extraction(articles, settings):
    """Extraction reduced to a pause, for child processes: what is tested is the cache, and a
    child then needs no language model."""
    from generator.export import to_dict
    from generator.model import Briefing

    time.sleep(0.2)  # keeps two builds' writes overlapping
    return [
        to_dict(Briefing(article=a, actors=(), claims=(), evidence=(), positions=(), bluf=a.paragraphs[0]))
        for a in articles
    ]


def _killed_build(source: Path, cache: Path) -> None:
    """A build that dies (SIGKILL, no clean-up) the moment it first renames a cache entry into place."""
    from generator import site

    site._extract_batch = _quick_extraction
    os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
    build(Config(source=source, cache_dir=cache, jobs=1))


def test_a_build_killed_while_writing_leaves_nothing_a_later_build_trusts(tmp_path):
    source = source_with(tmp_path / "briefings", ["arctic.txt", "trade.txt"])
    cache = tmp_path / "cache"
    child = multiprocessing.get_context("spawn").Process(target=_killed_build, args=(source, cache))
    child.start()
    child.join(120)
    assert child.exitcode == -signal.SIGKILL
    assert entries(cache) == [] and len(temporaries(cache)) == 1
    site = build(Config(source=source, cache_dir=cache, jobs=1))
    assert (site.parsed, site.problems) == (2, ())
    assert len(entries(cache)) == 2
    # The dead build's temporary file is left for an hour (it might be a live build's), then removed.
    leftover = temporaries(cache)[0]
    os.utime(leftover, (time.time() - 7200, time.time() - 7200))
    build(Config(source=source, cache_dir=cache, jobs=1))
    assert temporaries(cache) == []


def _concurrent_build(source: Path, cache: Path, barrier, results) -> None:
    from generator import site

    site._extract_batch = _quick_extraction
    barrier.wait()
    site = build(Config(source=source, cache_dir=cache, jobs=1))
    results.put((source.name, site.parsed, [str(p) for p in site.problems], site.files))


def test_two_builds_at_once_leave_the_cache_whole(tmp_path):
    """Two projects share one cache and build at the same moment, with two articles in common."""
    cache = tmp_path / "cache"
    first = source_with(tmp_path / "one", ["arctic.txt", "trade.txt", "water.txt"])
    second = source_with(tmp_path / "two", ["trade.txt", "water.txt", "ports.txt"])
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    children = [
        context.Process(target=_concurrent_build, args=(folder, cache, barrier, results))
        for folder in (first, second)
    ]
    for child in children:
        child.start()
    outcomes = {
        name: (parsed, problems, files)
        for name, parsed, problems, files in (results.get(timeout=180) for _ in children)
    }
    for child in children:
        child.join(60)
        assert child.exitcode == 0
    assert outcomes["one"][:2] == outcomes["two"][:2] == (3, [])
    assert temporaries(cache) == []
    reader = Cache(cache)
    assert len(entries(cache)) == 4 and all(reader.get(path.stem) is not None for path in entries(cache))
    both = source_with(tmp_path / "both", ARTICLES)
    again = build(Config(source=both, cache_dir=cache, jobs=1))
    assert (again.parsed, again.cached) == (0, 4)
    data = {path: content for path, content in again.files if path.endswith(".json")}
    for _, _, files in outcomes.values():
        assert all(
            data[path] == content
            for path, content in files
            if path.startswith("briefings/") and path.endswith(".json")
        )


def test_render_killed_while_writing_keeps_the_old_page(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_files(out, (("briefings/a.md", "old"),))

    def killed(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_files(out, (("briefings/a.md", "new"),))
    assert (out / "briefings" / "a.md").read_text() == "old"
    assert sorted(p.name for p in (out / "briefings").iterdir()) == ["a.md"]


def test_render_reports_a_write_it_cannot_do(tmp_path):
    from generator.errors import BriefingError

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "briefings").write_text("a file where a folder is needed")
    with pytest.raises(BriefingError, match=r"cannot write briefings/a.md in .*out \("):
        write_files(tmp_path / "out", (("briefings/a.md", "x"),))
