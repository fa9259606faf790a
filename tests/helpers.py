"""Throwaway MkDocs projects for the tests that build a whole site."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT


def make_project(folder: Path, articles: dict[str, str | bytes], extra_plugin: str = "") -> Path:
    """A throwaway MkDocs project using the project's own mkdocs.yml settings."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    source = folder / "briefings"
    source.mkdir()
    for name, content in articles.items():
        target = source / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "      templates: templates\n",
        f"      templates: {ROOT / 'templates'}\n      jobs: 1\n{extra_plugin}",
    )
    config = config.replace("custom_dir: templates/theme", f"custom_dir: {ROOT / 'templates' / 'theme'}")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def mkdocs_build(config_file: Path, strict: bool = True) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), strict=strict)
    build(config)
    return Path(config.site_dir)
