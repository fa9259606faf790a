"""The `briefings` command."""

import json

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import REFERENCE, ROOT


def test_extract_json_has_the_scorer_fields():
    result = CliRunner().invoke(main, ["extract", str(REFERENCE), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {"actors", "claims", "evidence", "positions"} <= set(data)
    ids = {a["id"] for a in data["actors"]}
    assert all(c["speaker"] in ids for c in data["claims"] if c["speaker"])


def test_extract_of_a_bad_file_is_one_line_without_traceback(tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"")
    result = CliRunner().invoke(main, ["extract", str(bad)])
    assert result.exit_code == 1
    assert "x.txt: file is empty" in result.output
    assert "Traceback" not in result.output


def test_render_writes_the_same_pages_as_the_plugin(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(out), "--config", str(ROOT / "mkdocs.yml")])
    assert result.exit_code == 0, result.output
    assert (out / "briefings" / "000-ad573051a1971b14.md").exists()
    assert (out / "index.md").exists()
    again = CliRunner().invoke(main, ["render", str(out), "--config", str(ROOT / "mkdocs.yml")])
    assert "0 files changed" in again.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "briefings" in result.output
