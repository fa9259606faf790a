"""Rewrite the golden files: `make golden`, then read `git diff tests/cases` before committing."""

from __future__ import annotations

import shutil

from tests.golden import CASES, EXPECTED, render_cases
from tests.test_lexicon import lexicon_as_json


def write(target, content: str) -> None:
    if not target.exists() or target.read_text(encoding="utf-8") != content:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
        print(f"updated {target.relative_to(CASES.parent.parent)}")


def main() -> None:
    files = render_cases()
    for stale in sorted(p for p in EXPECTED.rglob("*") if p.is_file()) if EXPECTED.exists() else []:
        if stale.relative_to(EXPECTED).as_posix() not in files:
            stale.unlink()
            print(f"removed {stale.relative_to(CASES.parent.parent)}")
    for path, content in files.items():
        write(EXPECTED / path, content)
    for empty in sorted((p for p in EXPECTED.rglob("*") if p.is_dir()), reverse=True):
        if not any(empty.iterdir()):
            shutil.rmtree(empty)
    write(CASES / "lexicon" / "expected.json", lexicon_as_json())
    print("Read the diff (git diff tests/cases) before committing.")


if __name__ == "__main__":
    main()
