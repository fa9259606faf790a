"""Rewrite the golden files of every case: `make golden`, then read `git diff tests/cases`."""

from __future__ import annotations

from tests.golden import CASES, case_articles, render_case


def main() -> None:
    for name, article in case_articles().items():
        folder = CASES / name
        folder.mkdir(parents=True, exist_ok=True)
        for filename, content in render_case(article).items():
            target = folder / filename
            old = target.read_text(encoding="utf-8") if target.exists() else None
            if old != content:
                target.write_text(content, encoding="utf-8")
                print(f"updated {target.relative_to(CASES.parent.parent)}")
    from tests.test_lexicon import lexicon_as_json

    target = CASES / "lexicon" / "expected.json"
    if target.read_text(encoding="utf-8") != lexicon_as_json():
        target.write_text(lexicon_as_json(), encoding="utf-8")
        print(f"updated {target.relative_to(CASES.parent.parent)}")
    print("Read the diff (git diff tests/cases) before committing.")


if __name__ == "__main__":
    main()
