"""The `briefings` command."""

import json

from click.testing import CliRunner

from generator.cli import main
from tests.conftest import REFERENCE
from tests.helpers import make_project


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


def test_render_writes_the_pages_the_plugin_gives_mkdocs(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    config_file = make_project(
        tmp_path / "site",
        {REFERENCE.name: REFERENCE.read_bytes()},
        extra_plugin=f"      cache_dir: {tmp_path / 'cache'}\n",
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["render", str(out), "--config", str(config_file)])
    assert result.exit_code == 0, result.output
    written = {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.is_file() and p.name != ".briefings-files"  # what the next render may remove
    }

    config = load_config(str(config_file))
    config = config.plugins.on_config(config)
    generated = {f.src_uri: f.content_string for f in config.plugins.on_files(Files([]), config=config)}
    assert written == generated
    assert "briefings/000-ad573051a1971b14.md" in written and "index.md" in written

    again = CliRunner().invoke(main, ["render", str(out), "--config", str(config_file)])
    assert "0 files changed" in again.output


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "briefings" in result.output
