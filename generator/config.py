"""The build configuration, read from the `briefings` section of mkdocs.yml or from flags."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import yaml

from .errors import ConfigError
from .extract import Settings
from .site import Config
from .write import overlaps

# Option name → (type, help). Defaults live on `site.Config` and `extract.Settings`.
OPTIONS: dict[str, tuple[type, str]] = {
    "source": (str, "folder of articles, relative to mkdocs.yml"),
    "templates": (str, "folder of templates that override the shipped ones"),
    "cache_dir": (str, "folder for the extraction cache, relative to mkdocs.yml"),
    "cache": (bool, "keep extraction results between builds"),
    "max_size": (int, "largest article accepted, in bytes"),
    "jobs": (int, "processes for extraction; 0 means one per core"),
    "per_page": (int, "entries on one page of an index"),
    "disable_extractors": (list, "claim extractors to switch off, by name"),
    "min_confidence": (float, "drop claims below this confidence"),
}


def load_config(options: dict, base: Path, site_name: str = "Policy briefings") -> Config:
    """A `Config` from plugin options, with paths relative to `base`; errors name the key."""
    options = {k: v for k, v in (options or {}).items() if v is not None}
    for key, value in options.items():
        if key not in OPTIONS:
            raise ConfigError(f"briefings: unknown option {key!r} (known: {', '.join(sorted(OPTIONS))})")
        kind = OPTIONS[key][0]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if not ok:
            raise ConfigError(f"briefings: option {key!r} must be {kind.__name__}, not {type(value).__name__}")
    for key in ("max_size", "per_page"):
        if key in options and options[key] < 1:
            raise ConfigError(f"briefings: option {key!r} must be at least 1")
    if "jobs" in options and options["jobs"] < 0:
        raise ConfigError("briefings: option 'jobs' must be 0 or more")
    if "min_confidence" in options and not 0 <= options["min_confidence"] <= 1:
        raise ConfigError("briefings: option 'min_confidence' must be between 0 and 1")
    defaults = {f.name: f.default for f in fields(Config) if f.default is not f.default_factory}
    cache_dir = base / options.get("cache_dir", ".cache/briefings") if options.get("cache", True) else None
    templates = base / options["templates"] if "templates" in options else None
    source = base / options.get("source", "briefings")
    if cache_dir is not None and overlaps(cache_dir, source):
        raise ConfigError(f"briefings: option 'cache_dir': {cache_dir} overlaps the briefings folder {source}, which a build never writes to")
    if templates is not None and not templates.is_dir():
        raise ConfigError(f"briefings: option 'templates': folder {templates} does not exist")
    return Config(
        source=source,
        templates=templates,
        cache_dir=cache_dir,
        max_bytes=options.get("max_size", defaults["max_bytes"]),
        jobs=options.get("jobs", defaults["jobs"]),
        per_page=options.get("per_page", defaults["per_page"]),
        extraction=Settings(
            disabled=tuple(sorted(str(x) for x in options.get("disable_extractors", ()))),
            min_confidence=float(options.get("min_confidence", 0.0)),
        ),
        site_name=site_name,
    )


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring the `!!python/name:` and `!ENV` tags it may hold."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path) -> Config:
    """The build configuration from the `briefings` plugin entry of an mkdocs.yml file."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"{path}: cannot be read as YAML ({error})") from None
    options: dict = {}
    for entry in data.get("plugins") or []:
        if isinstance(entry, dict) and "briefings" in entry:
            options = entry["briefings"] or {}
    docs = path.parent
    return load_config(options, docs, site_name=str(data.get("site_name") or "Policy briefings"))
