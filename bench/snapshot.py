"""Dump `briefings extract --json` of every article under some folders, for comparing two commits.

    python bench/snapshot.py OUT_DIR ../shared/gold/polnear-dev/text ../shared/corpus
    python bench/snapshot.py --compare OLD_DIR NEW_DIR

Each article goes through the same calls as the CLI's `extract --json` (read the file with its
folder as the base, extract, `to_json`), in worker processes; OUT_DIR gets one file per article
and a `MANIFEST` of SHA-256 sums. A restructuring that promises no change in output must leave
the manifest identical. Prints figures; never a test.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}


def one(path: str) -> tuple[str, str]:
    sys.path.insert(0, str(ROOT))
    from generator.export import to_json

    try:
        from generator.analysis.extract import extract
        from generator.ingest.read import read_article
    except ImportError:  # the layout before the phase packages
        from generator.analysis.extract import extract
        from generator.ingest.read import read_article

    file = Path(path)
    try:
        return path, to_json(extract(read_article(file, file.parent, slug=file.stem)))
    except Exception as error:
        return path, f"ERROR {type(error).__name__}: {error}\n"


def name_of(path: Path) -> str:
    return "__".join(path.resolve().parts[-3:])


def dump(out: Path, folders: list[Path], jobs: int) -> int:
    files = sorted(
        p for folder in folders for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
    )
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    with ProcessPoolExecutor(jobs) as pool:
        for path, text in pool.map(one, [str(p) for p in files], chunksize=4):
            name = name_of(Path(path))
            (out / f"{name}.json").write_text(text, encoding="utf-8")
            manifest.append(f"{hashlib.sha256(text.encode()).hexdigest()}  {name}")
    (out / "MANIFEST").write_text("\n".join(sorted(manifest)) + "\n", encoding="utf-8")
    print(f"{len(files)} articles dumped to {out}")
    return 0


def compare(old: Path, new: Path) -> int:
    a = dict(line.split("  ", 1)[::-1] for line in (old / "MANIFEST").read_text().splitlines())
    b = dict(line.split("  ", 1)[::-1] for line in (new / "MANIFEST").read_text().splitlines())
    changed = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    print(f"{len(a)} before, {len(b)} after, {len(changed)} differ")
    for name in changed[:20]:
        print("  ", name)
    return 1 if changed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compare", action="store_true", help="compare two dumps instead")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("out", type=Path)
    parser.add_argument("folders", type=Path, nargs="+")
    options = parser.parse_args()
    if options.compare:
        return compare(options.out, options.folders[0])
    return dump(options.out, options.folders, options.jobs)


if __name__ == "__main__":
    sys.exit(main())
