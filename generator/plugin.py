"""The MkDocs plugin: a thin shell that adds the generated pages to the site's files."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from generator.build import build, configure
from generator.config import OPTIONS, BuildConfig, Option
from generator.errors import BriefingError, ConfigError
from generator.progress import terminal_progress
from generator.render.environment import theme_title
from generator.write import check_writable, overlaps, unlink_links

log = get_plugin_logger("briefings")


class _TableOption(c.BaseConfigOption):
    """An option of the `briefings` section, checked by the library's own option table."""

    def __init__(self, option: Option) -> None:
        super().__init__()
        self.option = option

    def run_validation(self, value: object) -> object:
        try:
            self.option.validate(value)
        except ConfigError as error:
            raise ValidationError(
                str(error).removeprefix(f"briefings: option {self.option.name!r} ")
            ) from None
        return value


# Options of the `briefings` entry in mkdocs.yml, one per row of `generator.config.OPTIONS`;
# unset ones take the library's defaults.
BriefingsConfig = type(
    "BriefingsConfig",
    (base.Config,),
    {option.name: c.Optional(_TableOption(option)) for option in OPTIONS},
)


class BriefingsPlugin(BasePlugin[BriefingsConfig]):  # type: ignore[valid-type]
    """Turns the articles in `briefings/` into briefing pages at every build."""

    def __init__(self) -> None:
        self.settings: BuildConfig | None = None
        self.generated: set[str] = set()

    def on_config(self, config):
        base_dir = Path(config.config_file_path or ".").resolve().parent
        try:
            self.settings = configure(dict(self.config), base_dir, site_name=config.site_name)
        except ConfigError as error:
            raise PluginError(str(error)) from None
        site_dir = Path(config.site_dir)
        if overlaps(site_dir, self.settings.source):
            # MkDocs empties site_dir before writing it: the articles would be deleted.
            raise PluginError(
                f"briefings: site_dir {site_dir} overlaps the briefings folder {self.settings.source}"
            )
        if "assets/briefings.css" not in config.extra_css:
            config.extra_css.append("assets/briefings.css")
        return config

    def on_files(self, files: Files, config) -> Files:
        assert self.settings is not None
        self.generated = set()
        # The site is not kept: once its pages are handed over, the briefings behind them would
        # only make every garbage collection of the rest of the build slower.
        try:
            site = build(self.settings, progress=terminal_progress("Extracting briefings"))
        except BriefingError as error:
            raise PluginError(str(error)) from None
        for problem in site.problems:
            log.warning(str(problem))
        if site.parsed:
            log.info(f"{len(site.briefings)} briefings: {site.parsed} parsed, {site.cached} from cache")
        for path, content in site.files:
            if files.get_file_from_path(path) is not None:
                log.warning(
                    f"{path}: a file of the site already has this name; "
                    "the generated page was not written over it"
                )
                continue
            files.append(File.generated(config, path, content=content))
            self.generated.add(path)
        return files

    def on_pre_build(self, config) -> None:
        # Before MkDocs empties site_dir: it leaves a linked folder in place and writes through it.
        try:
            for link in unlink_links(Path(config.site_dir)):
                log.warning(f"{link}: a symbolic link inside site_dir was removed, not written through")
            check_writable(Path(config.site_dir))
        except BriefingError as error:
            raise PluginError(str(error)) from None

    def on_build_error(self, error: Exception) -> None:
        # A full disk or a folder without permission ends the build with one line, not a traceback.
        if isinstance(error, OSError):
            where = error.filename or "the site folder"
            raise Abort(f"cannot write {where} ({error.strerror or error})") from None

    def on_page_content(self, html, page, config, files):
        if page.file.src_uri in self.generated and page.title:
            page.title = theme_title(page.title)
        return html

    def on_post_page(self, output, page, config):
        # The theme's templates indent their HTML and leave blank lines: an eighth of every
        # page. Outside preformatted text, a line break reads the same without them.
        if page.file.src_uri in self.generated and "<pre" not in output and "<textarea" not in output:
            return without_indentation(output)
        return output

    def on_serve(self, server, config, builder):
        assert self.settings is not None
        server.watch(str(self.settings.source))
        if self.settings.templates is not None:
            server.watch(str(self.settings.templates))
        return server


def without_indentation(html: str) -> str:
    """The lines of a page without their indentation, trailing spaces or blank lines (spaces and
    tabs only: a no-break space is text). Splitting into lines is several times faster than a
    regular expression over the page, which counts on a site of thousands of pages."""
    lines = [line for line in (raw.strip(" \t\r") for raw in html.split("\n")) if line]
    return "\n".join(lines) + ("\n" if html.endswith("\n") else "")
