"""Build time of a fresh clone of this repository (its last commit) beside twenty hostile files.

    python bench/hostile_build.py                 # one build, in a temporary folder
    python bench/hostile_build.py --keep /tmp/hostile

The files are made here (pathological runs of marks, spaces and words, thousands of quotations
in one paragraph, a page of 20,000 links, broken YAML, a pipe named like a corrections file).
Every build must finish well within 60 s, name each bad file and still publish the good
articles. Prints the warnings and the seconds taken; never a test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAID = "The minister said on Monday that the plan would go ahead.\n\n"


def hostile_files() -> dict[str, str]:
    """File name → text of each hostile article."""
    links = "".join(f'<a href="/x{i}">link {i}</a> ' for i in range(20000))
    return {
        "share.txt": "Share talks\n\n" + SAID + "share " * 40 + "!",
        "heading.md": "# a" + " " * 5000 + "b\n\n" + SAID,
        "parens.txt": "Parens\n\n" + SAID + ")" * 40000,
        "bang.md": "# Brackets\n\nThe minister said " + "![" * 20000,
        "quotes.txt": "Quotes\n\n" + SAID + "“a,” said Anna Keller. " * 5500,
        "marks.txt": "Marks\n\n" + SAID + '“"' * 65000,
        "words.txt": "Words\n\n" + SAID + "the minister said that the plan would go ahead and " * 40000,
        "lines.txt": "Lines\n\n" + "".join(f"line {i} here.\n\n" for i in range(100000)),
        "surrogate.md": '---\noutlet: "Wire \\udfff"\n---\n\n# Talks stall\n\n' + SAID,
        "date.md": "---\npublished: 2024-02-30\n---\n\n# Dates\n\n" + SAID,
        "deep.md": "---\nbias: " + "[" * 5000 + "]" * 5000 + "\n---\n\n# Deep\n\n" + SAID,
        "links.html": f"<html><head><title>Links</title></head><body><article><p>{SAID}</p>{links}"
        "</article></body></html>",
        "dollars.txt": "Dollars\n\n" + SAID + "$" * 40000,
        "dashes.txt": "Dashes\n\n" + SAID + "—" * 40000,
        "spaces.txt": "Spaces\n\n" + SAID + "a" + " " * 200000 + "b",
        "binary.txt": "\x00\x01\x02" * 1000,
        "empty.txt": "",
        "wrapped.txt": "Wrapped\n\n"
        + "\n".join(["Officials said the minister would meet the council on Monday to discuss"] * 1500),
        "bidi.md": "# Ti\u202etle\n\n" + SAID,
        "bigquote.txt": "Big\n\n“" + "word " * 100000 + "” said Anna Keller.",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build here and keep it (an empty folder)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="hostile-"))
    project = folder / "project"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(project)], check=True)
    briefings = project / "briefings"
    for name, text in hostile_files().items():
        (briefings / name).write_text(text, encoding="utf-8")
    os.mkfifo(briefings / "arctic-council-shipping.review.yml")
    environment = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
    )
    seconds = time.monotonic() - started
    for line in done.stderr.splitlines() + done.stdout.splitlines():
        if line.startswith("WARNING") or "briefings:" in line:
            print(line[:200])
    print(f"exit {done.returncode} in {seconds:.1f} s")


if __name__ == "__main__":
    main()
