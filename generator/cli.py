"""The `briefings` command: a thin shell over the library, one verb per task."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from generator import __version__
from generator.errors import ArticleError, BriefingError
from generator.text import place

if TYPE_CHECKING:
    from generator.config import BuildConfig


def _fail(message: str) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def _site_config(config_file: Path | None, required: bool = True) -> BuildConfig:
    """The build configuration of a site, read from its mkdocs.yml by MkDocs itself (so that
    `!ENV`, `INHERIT` and the plugin's own checks apply); the defaults when there is none."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    from generator.build import configure
    from generator.config import BuildConfig

    path = config_file or Path("mkdocs.yml")
    if not path.is_file():
        if required or config_file is not None:
            _fail(f"{path}: no such file (give the site's mkdocs.yml with --config)")
        return BuildConfig(source=Path("briefings"))
    errors = _MkDocsErrors()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        config = load_config(str(path))
    except (Abort, ConfigurationError) as error:
        _fail(f"{path}: {'; '.join(errors.messages) or error}")
    except (OSError, UnicodeDecodeError) as error:
        _fail(f"{path}: cannot be read ({error})")
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    plugin = config.plugins.get("briefings")
    options = dict(plugin.config) if plugin is not None else {}
    try:
        return configure(options, path.resolve().parent, site_name=config.site_name)
    except BriefingError as error:
        _fail(str(error))


class _MkDocsErrors(logging.Handler):
    """The errors MkDocs logs while it checks a configuration, for a one-line message."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


_CONFIG = click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The site's mkdocs.yml, whose `briefings` section sets the options (default: ./mkdocs.yml if any).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefings")
def main() -> None:
    """Structured policy briefings from news articles.

    Most people run `mkdocs build`; these commands serve scripting, review and evaluation.
    """


@main.command()
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the structured briefing as JSON.")
@_CONFIG
def extract(article: Path, as_json: bool, config_file: Path | None) -> None:
    """Extract actors, claims, evidence and positions from one ARTICLE.

    \b
    Example:
        briefings extract briefings/000_ad573051a1971b14.txt --json
    """
    from generator.analysis.extract import extract as run
    from generator.export import to_json
    from generator.ingest.read import read_article

    config = _site_config(config_file, required=False)
    try:
        briefing = run(
            read_article(article, article.parent, slug=article.stem, max_bytes=config.max_bytes),
            config.extraction,
        )
    except ArticleError as error:
        _fail(str(error))
    except BriefingError as error:
        _fail(str(error))
    for warning in briefing.article.warnings:
        click.echo(f"Warning: {briefing.article.path}: {warning}", err=True)
    if as_json:
        click.echo(to_json(briefing), nl=False)
        return
    names = {a.id: a.name for a in briefing.actors}
    click.echo(briefing.article.title)
    click.echo(f"\n{briefing.bluf}\n")
    for claim in briefing.claims:
        speaker = names.get(claim.speaker, "(unattributed)")
        click.echo(
            f"[{claim.id}] {place(claim.paragraph)} {speaker} — {claim.cue or '-'} ({claim.kind}): "
            f"{claim.text}"
        )


@main.command()
@click.argument("article", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--init",
    is_flag=True,
    help="Write a commented starter corrections file beside ARTICLE; never replaces one.",
)
@_CONFIG
def review(article: Path, init: bool, config_file: Path | None) -> None:
    """List what was extracted from ARTICLE, least certain first, with the ids corrections use.

    Items that the corrections file (NAME.review.yml beside ARTICLE) changes are marked.

    \b
    Examples:
        briefings review briefings/000_ad573051a1971b14.txt
        briefings review briefings/000_ad573051a1971b14.txt --init
    """
    from generator.analysis.extract import extract as run
    from generator.commands.review import review_text, starter_file
    from generator.corrections.apply import correct_briefing, corrections_path
    from generator.ingest.read import read_article

    config = _site_config(config_file, required=False)
    try:
        extracted = run(
            read_article(article, article.parent, slug=article.stem, max_bytes=config.max_bytes),
            config.extraction,
        )
    except BriefingError as error:
        _fail(str(error))
    for warning in extracted.article.warnings:
        click.echo(f"Warning: {extracted.article.path}: {warning}", err=True)
    target = corrections_path(article.parent, extracted.article)
    if init:
        try:
            with target.open("x", encoding="utf-8") as file:
                file.write(starter_file(extracted))
        except FileExistsError:
            _fail(f"{target} already exists; edit it, or move it away to start again")
        except OSError as error:
            _fail(f"{target}: cannot be written ({error.strerror})")
        click.echo(f"Wrote {target}: uncomment and edit the corrections you need.")
        return
    corrected, problems = correct_briefing(extracted, article.parent)
    for problem in problems:
        click.echo(f"Warning: {problem}", err=True)
    click.echo(review_text(extracted, corrected, target.name if target.exists() else None), nl=False)


@main.command()
@click.argument("out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="mkdocs.yml whose `briefings` section configures the build.",
)
def render(out_dir: Path, config_file: Path) -> None:
    """Write the generated pages as Markdown into OUT_DIR, for engines without MkDocs plugins.

    \b
    Example:
        briefings render build/pages
    """
    from generator.build import build
    from generator.progress import terminal_progress
    from generator.write import write_files

    config = _site_config(config_file)
    try:
        site = build(config, progress=terminal_progress("Extracting briefings"))
    except BriefingError as error:
        _fail(str(error))
    for problem in site.problems:
        click.echo(f"Warning: {problem}", err=True)
    try:
        written = write_files(out_dir, site.files, protect=config.source)
    except BriefingError as error:
        _fail(str(error))
    click.echo(f"{len(site.briefings)} briefings, {written} files changed in {out_dir}")


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.argument("text_dir", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--per-article", is_flag=True, help="Also print the figures of each article.")
@click.option(
    "--show", is_flag=True, help="Also list what went wrong: missed and spurious claims, wrong sides, …"
)
@click.option("--jobs", default=0, show_default=True, help="Extraction processes; 0 means one per core.")
def evaluate(gold_dir: Path, text_dir: Path, per_article: bool, show: bool, jobs: int) -> None:
    """Score extraction against gold annotations: claims, speakers and, for briefing gold, the
    reader's layer (sides, junk and duplicate speakers, positions, evidence, the bottom line).

    GOLD_DIR holds one JSON file per article (../shared/gold/FORMAT.md), in sub-folders if
    TEXT_DIR has the articles in sub-folders of the same names.

    \b
    Examples:
        briefings eval ../shared/gold/polnear-dev/gold ../shared/gold/polnear-dev/text
        briefings eval ../shared/gold/briefing-dev/gold ../shared/gold/briefing-dev/text
        briefings eval tests/gold/briefing ../shared/corpus --show
    """
    import json

    from generator.commands.evaluate import evaluate as run
    from generator.commands.evaluate import problems
    from generator.progress import terminal_progress

    scores, figures = run(gold_dir, text_dir, jobs=jobs, progress=terminal_progress("Extracting"))
    if not scores:
        _fail(f"no gold file in {gold_dir} has its article in {text_dir}")
    for name, one in scores.items():
        if per_article:
            click.echo(f"{name} {json.dumps(one.figures())}")
        if show:
            for line in problems(one):
                click.echo(f"  {name}: {line}")
    click.echo(json.dumps(figures))
