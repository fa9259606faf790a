"""One option table: the plugin's config class, every command and the README agree on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.build import configure
from generator.config import OPTIONS, BuildConfig
from generator.errors import ConfigError
from generator.plugin import BriefingsConfig
from tests.conftest import ROOT


def plugin_errors(options: dict) -> list[str]:
    """What MkDocs itself says of the `briefings` section, through the plugin's config class."""
    config = BriefingsConfig()
    config.load_dict(options)
    failed, _ = config.validate()
    return [f"{key}: {error}" for key, error in failed]


@pytest.mark.parametrize(
    "options, problem",
    [
        ({"min_confidence": 1.5}, "must be between 0 and 1"),
        ({"per_page": "fifty"}, "must be a whole number, not str"),
        ({"jobs": True}, "must be a whole number, not bool"),
        ({"max_size": 0}, "must be at least 1"),
        ({"disable_extractors": "quotations"}, "must be a list of names"),
        # Issue 19: mkdocs.yml is held to the standard of the other YAML the build reads.
        ({"source": "briefings\udfff"}, "holds a lone surrogate"),
        ({"disable_extractors": ["quotations\ud83d"]}, "holds a lone surrogate"),
        ({"cache_dir": ".cache/\u202eevil"}, "holds a control or bidirectional character"),
        ({"templates": "templates\x00"}, "holds a control or bidirectional character"),
        ({"source": "b" * 5000}, "is longer than 4,096 characters"),
    ],
)
def test_the_plugin_and_the_library_refuse_the_same_values(tmp_path, options, problem):
    assert any(problem in e for e in plugin_errors(options))
    with pytest.raises(ConfigError, match=problem):
        BuildConfig.from_options(options, tmp_path)


@pytest.mark.parametrize(
    "options", [{"min_confidence": 1}, {"min_confidence": 0}, {"per_page": 5, "cache": False}]
)
def test_the_plugin_and_the_library_accept_the_same_values(tmp_path, options):
    assert plugin_errors(options) == []
    BuildConfig.from_options(options, tmp_path)


def test_an_unknown_option_or_extractor_is_an_error_that_lists_the_known_ones(tmp_path):
    with pytest.raises(ConfigError, match=r"unknown option 'perpage' \(known: cache, cache_dir,"):
        configure({"perpage": 5}, tmp_path)
    with pytest.raises(ConfigError, match=r"unknown extractor 'speech_noun' \(known: according_to,"):
        configure({"disable_extractors": ["speech_noun"]}, tmp_path)


def test_the_plugin_config_has_one_option_per_row_of_the_table():
    assert [name for name, _ in BriefingsConfig._schema] == [o.name for o in OPTIONS]


def readme_configuration() -> tuple[dict, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Configuration") :]
    block = re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)
    return yaml.safe_load(block)["plugins"][1]["briefings"], block


def test_the_readme_shows_every_option_with_its_default_and_help():
    shown, block = readme_configuration()
    assert list(shown) == [o.name for o in OPTIONS]
    for option in OPTIONS:
        assert shown[option.name] == option.default, option.name
        line = next(line for line in block.splitlines() if line.strip().startswith(f"{option.name}:"))
        assert option.help in line, option.name


def test_the_cli_reads_mkdocs_yml_with_mkdocs_own_loader(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from generator.cli import main

    (tmp_path / "docs").mkdir()
    (tmp_path / "briefings").mkdir()
    article = tmp_path / "briefings" / "a.txt"
    article.write_text(
        "Talks\n\nThe minister said on Monday that the plan would go ahead.\n", encoding="utf-8"
    )
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - briefings:\n      min_confidence: !ENV [LEAST, 0.0]\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    assert "— said (" in CliRunner().invoke(main, ["extract", str(article)]).output
    monkeypatch.setenv("LEAST", "0.99")
    result = CliRunner().invoke(main, ["extract", str(article)])
    assert result.exit_code == 0 and "— said (" not in result.output
    monkeypatch.setenv("LEAST", "2")
    result = CliRunner().invoke(main, ["extract", str(article)])
    assert result.exit_code == 1 and "option 'min_confidence': must be between 0 and 1" in result.output


def test_an_absent_mkdocs_yml_gives_the_defaults_to_extract(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from generator.cli import main

    article = Path(tmp_path) / "a.txt"
    article.write_text(
        "Talks\n\nThe minister said on Monday that the plan would go ahead.\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract", str(article)])
    assert result.exit_code == 0 and "— said (" in result.output
