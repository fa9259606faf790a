"""The build configuration: one table of options, read from the `briefings` section of mkdocs.yml.

The MkDocs plugin's config class is made from `OPTIONS`, and every command validates through
`Option.validate`, so `mkdocs build`, `briefings render`, `extract` and `review` accept and
refuse the same values with the same messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import ConfigError
from generator.ingest.clean import strip_controls
from generator.write import overlaps


@dataclass(frozen=True)
class ExtractionSettings:
    """What extraction can be told; part of the cache key."""

    disabled: tuple[str, ...] = ()
    """Claim extractors switched off by name (see `analysis.claims.pipeline`)."""
    min_confidence: float = 0.0
    """Claims below this confidence are dropped."""


@dataclass(frozen=True)
class BuildConfig:
    """Everything a build can be told; made from mkdocs.yml by `from_options`."""

    source: Path
    """The folder of articles."""
    templates: Path | None = None
    """A folder of templates that override the shipped ones."""
    cache_dir: Path | None = None
    """Where extraction results are kept between builds; None turns the cache off."""
    max_bytes: int = 5_000_000
    """Articles larger than this are refused."""
    jobs: int = 0
    """Processes for extraction; 0 means one per core."""
    per_page: int = 50
    """Entries on one page of an index before it is split."""
    time_limit: float = 10.0
    """Seconds that reading and extracting one article may take, per 100 KB of its file (and at
    least this much for any file); a file that takes longer is skipped. 0 turns the limit off."""
    extraction: ExtractionSettings = field(default_factory=ExtractionSettings)
    site_name: str = "Policy briefings"

    @classmethod
    def from_options(cls, options: dict, base: Path, site_name: str = "Policy briefings") -> BuildConfig:
        """A configuration from plugin options, with paths relative to `base`.

        Raises:
            ConfigError: an unknown option or an invalid value; the message names the key.
        """
        values = validate(options)
        source = base / values["source"]
        cache_dir = base / values["cache_dir"] if values["cache"] else None
        templates = base / values["templates"] if values["templates"] is not None else None
        if cache_dir is not None and overlaps(cache_dir, source):
            raise ConfigError(
                f"briefings: option 'cache_dir': {cache_dir} overlaps the briefings folder {source}, "
                "which a build never writes to"
            )
        if templates is not None and not templates.is_dir():
            raise ConfigError(f"briefings: option 'templates': folder {templates} does not exist")
        return cls(
            source=source,
            templates=templates,
            cache_dir=cache_dir,
            max_bytes=values["max_size"],
            jobs=values["jobs"],
            per_page=values["per_page"],
            time_limit=float(values["time_limit"]),
            extraction=ExtractionSettings(
                disabled=tuple(sorted(values["disable_extractors"])),
                min_confidence=float(values["min_confidence"]),
            ),
            site_name=site_name,
        )


@dataclass(frozen=True)
class Option:
    """One option of the `briefings` section: its type, default, check and help."""

    name: str
    kind: type
    default: object
    help: str
    check: Callable[[object], str | None] | None = None
    """Returns what is wrong with a value of the right type, or None."""

    def validate(self, value: object) -> object:
        """The value as the build uses it; None gives the default.

        Raises:
            ConfigError: the value has the wrong type or fails the check.
        """
        if value is None:
            return self.default
        if self.kind is list:
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"briefings: option {self.name!r} must be a list of names")
            value = [str(v) for v in value]
        elif not _is(value, self.kind):
            expected = "a number" if self.kind is float else f"{_NAMES[self.kind]}"
            raise ConfigError(
                f"briefings: option {self.name!r} must be {expected}, not {type(value).__name__}"
            )
        for text in value if isinstance(value, list) else [value] if isinstance(value, str) else []:
            problem = text_problem(text)
            if problem:
                raise ConfigError(f"briefings: option {self.name!r} {problem}")
        problem = self.check(value) if self.check is not None else None
        if problem:
            raise ConfigError(f"briefings: option {self.name!r} {problem}")
        return value


MAX_TEXT = 4096
"""Characters of one text option (a folder, an extractor's name)."""


def text_problem(text: str) -> str | None:
    """What makes a text option unusable, held to the standard of the other YAML the build reads:
    a lone surrogate (`"\\udfff"`, which no file name can hold), a control or bidirectional
    character (which would make a path read other than it is), or an endless value."""
    if len(text) > MAX_TEXT:
        return f"is longer than {MAX_TEXT:,} characters"
    if any("\ud800" <= char <= "\udfff" for char in text):
        return "holds a lone surrogate (an escape such as \\udfff); write the character itself"
    if strip_controls(text) != text or any(char in text for char in "\n\r\t"):
        return "holds a control or bidirectional character; remove it"
    return None


_NAMES = {str: "text", bool: "true or false", int: "a whole number", float: "a number"}


def _is(value: object, kind: type) -> bool:
    """isinstance, except that true and false are not numbers and a whole number is a float."""
    if isinstance(value, bool):
        return kind is bool
    if kind is float:
        return isinstance(value, (int, float))
    return isinstance(value, kind)


def _at_least(n: int) -> Callable[[object], str | None]:
    return lambda value: f"must be at least {n}" if value < n else None  # type: ignore[operator]


OPTIONS: tuple[Option, ...] = (
    Option("source", str, "briefings", "folder of articles, relative to mkdocs.yml"),
    Option("templates", str, None, "folder of templates that override the shipped ones"),
    Option("cache_dir", str, ".cache/briefings", "folder for the extraction cache, relative to mkdocs.yml"),
    Option("cache", bool, True, "keep extraction results between builds"),
    Option("max_size", int, 5_000_000, "largest article accepted, in bytes", _at_least(1)),
    Option("jobs", int, 0, "processes for extraction; 0 means one per core", _at_least(0)),
    Option("per_page", int, 50, "entries on one page of an index", _at_least(1)),
    Option(
        "time_limit",
        float,
        10.0,
        "seconds to read and extract one article, per 100 KB of its file; 0 means no limit",
        lambda v: None if v >= 0 else "must be 0 or more",  # type: ignore[operator]
    ),
    Option("disable_extractors", list, [], "claim extractors to switch off, by name"),
    Option(
        "min_confidence",
        float,
        0.0,
        "drop claims below this confidence (0 to 1)",
        lambda v: None if 0 <= v <= 1 else "must be between 0 and 1",  # type: ignore[operator]
    ),
)
OPTION = {option.name: option for option in OPTIONS}


def validate(options: dict | None) -> dict[str, object]:
    """Every option's value, its default where unset.

    Raises:
        ConfigError: an unknown option or an invalid value; the message names the key.
    """
    options = dict(options or {})
    for key in options:
        if key not in OPTION:
            known = ", ".join(sorted(OPTION))
            raise ConfigError(f"briefings: unknown option {key!r} (known: {known})")
    return {option.name: option.validate(options.get(option.name)) for option in OPTIONS}
