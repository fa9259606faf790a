"""Every generated page and JSON of the site made of tests/cases matches its golden file
(regenerate: `make golden`, and read the diff)."""

from tests.golden import expected_files, render_cases


def test_the_site_of_the_cases_matches_its_golden_files():
    rendered, expected = render_cases(), expected_files()
    assert expected, "no golden files; run `make golden`"
    missing, extra = sorted(expected.keys() - rendered.keys()), sorted(rendered.keys() - expected.keys())
    assert not missing and not extra, f"pages gone: {missing}; pages new: {extra}; run `make golden`"
    changed = sorted(path for path in expected if rendered[path] != expected[path])
    assert not changed, (
        f"{len(changed)} pages differ, first {changed[:5]}; run `make golden` and read the diff"
    )


def test_the_cases_cover_every_kind_of_page():
    paths = expected_files().keys()
    for kind in ("briefings/", "actors/", "sides/", "topics/", "timeline/"):
        assert any(p.startswith(kind) for p in paths), kind
    assert "index.md" in paths and any(p.startswith("briefings/story-") for p in paths)
    for case in ("reference", "op-ed", "transcript", "arctic-talks-polar-times"):
        assert f"briefings/{case}.md" in paths and f"briefings/{case}.json" in paths
