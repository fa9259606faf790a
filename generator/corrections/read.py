"""Reading an analyst's corrections file (`NAME.review.yml`) into checked `Corrections`.

Extraction is sometimes wrong. An analyst fixes it once, in a file beside the article, and the
fix holds on every rebuild: claims and evidence are named by their stable ids. The build only
reads these files; `briefings review --init` is the one thing that writes a new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import get_args

import yaml

from generator.errors import BriefingError
from generator.ingest.clean import strip_controls
from generator.ingest.yamlfile import Loader, Mapping, YamlError, kind, load, read_plain
from generator.model import (
    CONFIDENCE_LEVELS,
    LIKELIHOODS,
    ActorKind,
    Article,
    ClaimKind,
    EvidenceKind,
    Judgment,
)

MAX_BYTES = 1_000_000
"""A corrections file is written by hand; anything larger is refused."""

KINDS = {
    "actors": get_args(ActorKind),
    "claims": get_args(ClaimKind),
    "evidence": get_args(EvidenceKind),
}
# The fields an entry may set, in the order they are applied.
FIELDS = {
    "actors": ("name", "kind", "role", "affiliation", "side"),
    "claims": ("speaker", "kind", "cue"),
    "evidence": ("kind", "value", "measure"),
}
# Every key an entry of each form may hold; any other key is reported and ignored.
KEYS = {
    ("actors", "id"): {"id", "name", "kind", "role", "affiliation", "side"},
    ("actors", "add"): {"add", "kind", "role", "affiliation", "side"},
    ("actors", "merge"): {"merge", "reason"},
    ("claims", "id"): {"id", "speaker", "kind", "cue", "drop", "reason"},
    ("claims", "add"): {"add", "speaker", "sentence", "kind", "cue"},
    ("evidence", "id"): {"id", "kind", "value", "measure", "drop", "reason"},
    ("evidence", "add"): {"add", "sentence", "kind", "value", "measure", "claims"},
}
SECTIONS = ("actors", "claims", "evidence", "bluf", "judgments", "notes")
_NOUNS = {"actors": "actor", "claims": "claim", "evidence": "evidence item"}


class CorrectionsError(BriefingError):
    """A corrections file cannot be read; none of it is applied."""

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


@dataclass(frozen=True)
class Entry:
    """One entry of the `actors`, `claims` or `evidence` list of a corrections file."""

    section: str
    """`actors`, `claims` or `evidence`."""
    line: int
    """Where the entry starts in the file, so that a message can point at it."""
    id: str | None = None
    """The item the entry changes or drops."""
    add: str | None = None
    """The text of an item the entry adds (for an actor, its name)."""
    merge: tuple[str, ...] = ()
    """Actors that are one and the same; the first id stays."""
    drop: bool = False
    changes: tuple[tuple[str, str | None], ...] = ()
    """The fields the entry sets, as (field, value); None clears a field."""
    sentence: str | None = None
    """For an added claim or evidence item: the sentence of the article it comes from."""
    supports: tuple[str, ...] | None = None
    """For added evidence: ids of the claims it supports (None: the claims of its paragraph)."""

    @property
    def label(self) -> str:
        """How messages name the entry: `at line 12 (claim c-1a2b3c4d)`."""
        noun = _NOUNS[self.section]
        if self.merge:
            what = "merge " + ", ".join(self.merge)
        elif self.add is not None:
            words = self.add.split()
            what = f"added {noun} “{' '.join(words[:8])}{'…' if len(words) > 8 else ''}”"
        else:
            what = f"{noun} {self.id}"
        return f"at line {self.line} ({what})"


@dataclass(frozen=True)
class Corrections:
    """Everything one corrections file asks for, checked but not yet applied."""

    path: str
    """The file, relative to the briefings folder."""
    entries: tuple[Entry, ...] = ()
    bluf: str | None = None
    """A bottom line that replaces the generated one."""
    judgments: tuple[Judgment, ...] = ()
    notes: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    """Keys that mean nothing here (a typo, most often); they were ignored."""


def corrections_path(source: Path, article: Article) -> Path:
    """Where the analyst's corrections of an article are kept, whether or not the file exists.

    `NAME.review.yml` (or `.yaml`) beside `NAME.EXT`, also for each source inside the folder
    of a multi-source briefing, since every source is a briefing of its own.
    """
    stem = PurePosixPath(article.path).with_suffix("")
    names = [source / f"{stem}.review.yml", source / f"{stem}.review.yaml"]
    return next((name for name in names if name.exists()), names[0])


def read_corrections(path: Path, name: str, root: Path | None = None) -> Corrections:
    """Read and check a corrections file.

    Raises:
        CorrectionsError: the file is not UTF-8 YAML of the documented shape; names the key.
    """
    try:
        text = read_plain(path, root or path.parent, MAX_BYTES)
    except YamlError as error:
        raise CorrectionsError(name, error.problem) from None
    return parse_corrections(text, name)


def parse_corrections(text: str, name: str) -> Corrections:
    """Check the YAML of a corrections file (see README, "Correcting a briefing")."""
    try:
        data, repaired = load(text, _Loader)
    except YamlError as error:
        where = f"line {error.line}: " if error.line else ""
        problem = error.problem.removeprefix("is not valid YAML (").removesuffix(")")
        raise CorrectionsError(name, f"is not valid YAML ({where}{problem})") from None
    if data is None:
        return Corrections(name)
    if not isinstance(data, dict):
        raise CorrectionsError(name, "must be a mapping with some of the keys " + ", ".join(SECTIONS))
    warnings = repaired + [
        f"unknown key {key!r} ignored (known: {', '.join(SECTIONS)})" for key in data if key not in SECTIONS
    ]
    try:
        entries = tuple(
            entry
            for section in ("actors", "claims", "evidence")
            for entry in _entries(section, data.get(section), warnings)
        )
        bluf = _text(data["bluf"], "bluf", None) if data.get("bluf") is not None else None
        judgments = tuple(_judgment(item, warnings) for item in _list(data.get("judgments"), "judgments"))
        notes = tuple(_text(note, "notes", _line(note)) for note in _list(data.get("notes"), "notes"))
    except _Invalid as error:
        raise CorrectionsError(name, str(error)) from None
    return Corrections(name, entries, bluf, judgments, notes, tuple(warnings))


class _Invalid(ValueError):
    """A value of the file breaks the format; the message names the key, and the line if known."""

    def __init__(self, line: int | None, key: str, problem: str):
        super().__init__(f"{f'line {line}, ' if line else ''}`{key}`: {problem}")


class _Loader(Loader):
    """The build's safe YAML (`ingest.yamlfile`), refusing a key given twice in one mapping."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode):
    mapping = Mapping()
    mapping.line = node.start_mark.line + 1
    yield mapping
    seen: set = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key_node.value!r} is given twice", key_node.start_mark
                )
            seen.add(key_node.value)
    mapping.update(loader.construct_mapping(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def _line(value: object) -> int | None:
    """The line a mapping starts on; YAML scalars and lists do not keep theirs."""
    return getattr(value, "line", None)


def _list(value: object, key: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _Invalid(None, key, "must be a list, each item starting with `- `")
    return value


def _entries(section: str, items: object, warnings: list[str]) -> list[Entry]:
    entries = []
    for item in _list(items, section):
        if not isinstance(item, dict):
            raise _Invalid(_line(item), section, "each entry must be a mapping, such as `- id: …`")
        entries.append(_entry(section, item, warnings))
    return entries


def _entry(section: str, item: Mapping, warnings: list[str]) -> Entry:
    line = item.line
    forms = ("id", "add", "merge") if section == "actors" else ("id", "add")
    given = [form for form in forms if form in item]
    if len(given) != 1:
        raise _Invalid(line, section, f"each entry takes exactly one of `{'`, `'.join(forms)}`")
    form = given[0]
    known = KEYS[section, form]
    for key in sorted((k for k in item if k not in known), key=str):
        warnings.append(
            f"line {line}: unknown key {key!r} ignored "
            f"(an entry with `{form}` takes {', '.join(sorted(known))})"
        )
    if form == "merge":
        ids = item["merge"]
        if (
            not isinstance(ids, list)
            or len(ids) < 2
            or not all(isinstance(i, str) for i in ids)
            or len(set(ids)) < len(ids)
        ):
            raise _Invalid(
                line, "merge", "must list two or more different actor ids, such as [geng-shuang, geng]"
            )
        return Entry(section, line, merge=tuple(ids))
    changes = tuple(
        (key, _field(section, key, item[key], line))
        for key in FIELDS[section]
        if key in item and key in known
    )
    drop = item.get("drop", False) if "drop" in known else False
    if not isinstance(drop, bool):
        raise _Invalid(line, "drop", "must be true or false")
    if form == "id":
        return Entry(section, line, id=_text(item["id"], "id", line), drop=drop, changes=changes)
    sentence = None
    if section != "actors":
        if item.get("sentence") is None:
            raise _Invalid(line, "sentence", "an added item needs the sentence of the article it comes from")
        sentence = _text(item["sentence"], "sentence", line)
    supports = None
    if "claims" in known and item.get("claims") is not None:
        ids = item["claims"]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise _Invalid(line, "claims", "must be a list of claim ids")
        supports = tuple(ids)
    return Entry(
        section,
        line,
        add=_text(item["add"], "add", line),
        changes=changes,
        sentence=sentence,
        supports=supports,
    )


def _field(section: str, key: str, value: object, line: int) -> str | None:
    if key == "kind":
        if value not in KINDS[section]:
            raise _Invalid(line, key, f"must be one of {', '.join(KINDS[section])}, not {value!r}")
        return value
    if value is None and key != "name":
        return None
    return _text(value, key, line)


def _text(value: object, key: str, line: int | None) -> str:
    """A value as one line of text; YAML numbers and dates are taken as written."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date)):
        raise _Invalid(line, key, f"must be text, not {kind(value) if value is not None else 'empty'}")
    text = " ".join(strip_controls(str(value)).split())
    if not text:
        raise _Invalid(line, key, "must not be empty")
    return text


def _judgment(item: object, warnings: list[str]) -> Judgment:
    if not isinstance(item, dict):
        raise _Invalid(
            _line(item), "judgments", "each judgment must be a mapping with text, likelihood and confidence"
        )
    line = _line(item)
    for key in sorted((k for k in item if k not in ("text", "likelihood", "confidence")), key=str):
        warnings.append(
            f"line {line}: unknown key {key!r} ignored (a judgment takes text, likelihood, confidence)"
        )
    for key in ("text", "likelihood", "confidence"):
        if item.get(key) is None:
            raise _Invalid(line, key, "every judgment needs text, likelihood and confidence")
    likelihood = _text(item["likelihood"], "likelihood", line).casefold()
    if likelihood not in LIKELIHOODS:
        raise _Invalid(
            line,
            "likelihood",
            f"{item['likelihood']!r} is not an ICD 203 term; use one of: {', '.join(LIKELIHOODS)}",
        )
    confidence = _text(item["confidence"], "confidence", line).casefold()
    if confidence not in CONFIDENCE_LEVELS:
        raise _Invalid(
            line, "confidence", f"must be one of {', '.join(CONFIDENCE_LEVELS)}, not {item['confidence']!r}"
        )
    return Judgment(_text(item["text"], "text", line), likelihood, confidence)
