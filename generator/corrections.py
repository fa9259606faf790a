"""Analyst corrections: read `NAME.review.yml` and apply it to a briefing after every extraction.

Extraction is sometimes wrong. An analyst fixes it once, in a file beside the article, and the
fix holds on every rebuild: claims and evidence are named by their stable ids, and a correction
that no longer matches anything is reported, never dropped in silence. The build only reads
these files; `briefings review --init` is the one thing that writes a new one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from .errors import BriefingError, Problem
from .extract import stable_id
from .model import CONFIDENCE_LEVELS, LIKELIHOODS, Actor, Article, Briefing, Claim, Evidence, Judgment
from .positions import find_positions
from .stance import hedges_in, modality
from .summary import bottom_line
from .text import slugify

MAX_BYTES = 1_000_000
"""A corrections file is written by hand; anything larger is refused."""

KINDS = {
    "actors": ("person", "government", "organization", "media", "group"),
    "claims": ("direct", "indirect", "mixed"),
    "evidence": ("statistic", "event", "fact", "document"),
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


def correct_briefing(briefing: Briefing, source: Path) -> tuple[Briefing, list[Problem]]:
    """The briefing with its corrections file applied, if it has one, and the problems met.

    A file that cannot be read is reported and the briefing is left as extracted.
    """
    path = corrections_path(source, briefing.article)
    if not path.exists():
        return briefing, []
    name = path.relative_to(source).as_posix()
    root = source.resolve()
    if root not in path.resolve().parents:
        return briefing, [Problem(name, "is a symbolic link to a place outside the briefings folder; not read")]
    try:
        corrections = read_corrections(path, name)
    except CorrectionsError as error:
        return briefing, [Problem(name, f"{error.problem}; none of its corrections were applied")]
    corrected, warnings = apply_corrections(briefing, corrections)
    return corrected, [Problem(name, message) for message in (*corrections.warnings, *warnings)]


def read_corrections(path: Path, name: str) -> Corrections:
    """Read and check a corrections file.

    Raises:
        CorrectionsError: the file is not UTF-8 YAML of the documented shape; names the key.
    """
    try:
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise CorrectionsError(name, f"cannot be read ({error.strerror})") from None
    if len(data) > MAX_BYTES:
        raise CorrectionsError(name, f"is larger than {MAX_BYTES:,} bytes")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorrectionsError(name, "is not UTF-8 text") from None
    return parse_corrections(text, name)


def parse_corrections(text: str, name: str) -> Corrections:
    """Check the YAML of a corrections file (see README, "Correcting a briefing")."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise CorrectionsError(name, f"is not valid YAML ({where}{problem})") from None
    if data is None:
        return Corrections(name)
    if not isinstance(data, dict):
        raise CorrectionsError(name, "must be a mapping with some of the keys " + ", ".join(SECTIONS))
    warnings = [f"unknown key {key!r} ignored (known: {', '.join(SECTIONS)})" for key in data if key not in SECTIONS]
    try:
        entries = tuple(entry for section in ("actors", "claims", "evidence") for entry in _entries(section, data.get(section), warnings))
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


class _Mapping(dict):
    """A YAML mapping that remembers the line it starts on."""

    line = 1


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps line numbers and refuses a key given twice in one mapping."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode):
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    yield mapping
    seen: set = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key_node.value!r} is given twice", key_node.start_mark)
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


def _entry(section: str, item: _Mapping, warnings: list[str]) -> Entry:
    line = item.line
    forms = ("id", "add", "merge") if section == "actors" else ("id", "add")
    given = [form for form in forms if form in item]
    if len(given) != 1:
        raise _Invalid(line, section, f"each entry takes exactly one of `{'`, `'.join(forms)}`")
    form = given[0]
    known = KEYS[section, form]
    for key in sorted((k for k in item if k not in known), key=str):
        warnings.append(f"line {line}: unknown key {key!r} ignored (an entry with `{form}` takes {', '.join(sorted(known))})")
    if form == "merge":
        ids = item["merge"]
        if not isinstance(ids, list) or len(ids) < 2 or not all(isinstance(i, str) for i in ids) or len(set(ids)) < len(ids):
            raise _Invalid(line, "merge", "must list two or more different actor ids, such as [geng-shuang, geng]")
        return Entry(section, line, merge=tuple(ids))
    changes = tuple((key, _field(section, key, item[key], line)) for key in FIELDS[section] if key in item and key in known)
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
    return Entry(section, line, add=_text(item["add"], "add", line), changes=changes, sentence=sentence, supports=supports)


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
        raise _Invalid(line, key, f"must be text, not {type(value).__name__ if value is not None else 'empty'}")
    text = " ".join(str(value).split())
    if not text:
        raise _Invalid(line, key, "must not be empty")
    return text


def _judgment(item: object, warnings: list[str]) -> Judgment:
    if not isinstance(item, dict):
        raise _Invalid(_line(item), "judgments", "each judgment must be a mapping with text, likelihood and confidence")
    line = _line(item)
    for key in sorted((k for k in item if k not in ("text", "likelihood", "confidence")), key=str):
        warnings.append(f"line {line}: unknown key {key!r} ignored (a judgment takes text, likelihood, confidence)")
    for key in ("text", "likelihood", "confidence"):
        if item.get(key) is None:
            raise _Invalid(line, key, "every judgment needs text, likelihood and confidence")
    likelihood = _text(item["likelihood"], "likelihood", line).casefold()
    if likelihood not in LIKELIHOODS:
        raise _Invalid(line, "likelihood", f"{item['likelihood']!r} is not an ICD 203 term; use one of: {', '.join(LIKELIHOODS)}")
    confidence = _text(item["confidence"], "confidence", line).casefold()
    if confidence not in CONFIDENCE_LEVELS:
        raise _Invalid(line, "confidence", f"must be one of {', '.join(CONFIDENCE_LEVELS)}, not {item['confidence']!r}")
    return Judgment(_text(item["text"], "text", line), likelihood, confidence)


def apply_corrections(briefing: Briefing, corrections: Corrections) -> tuple[Briefing, list[str]]:
    """A new briefing with the corrections applied, and a message for each one that failed.

    An entry applies whole or not at all. Positions and the bottom line are worked out again
    when actors or claims changed (unless the analyst wrote the bottom line).
    """
    warnings: list[str] = []
    by_section = {s: [e for e in corrections.entries if e.section == s] for s in ("actors", "claims", "evidence")}
    actors, merged = _correct_actors(list(briefing.actors), by_section["actors"], warnings)
    claims = _correct_claims(briefing, actors, merged, by_section["claims"], warnings)
    evidence = _correct_evidence(briefing, claims, by_section["evidence"], warnings)
    actors_t, claims_t = tuple(actors), tuple(claims)
    changes: dict = {"actors": actors_t, "claims": claims_t, "evidence": tuple(evidence)}
    if actors_t != briefing.actors or claims_t != briefing.claims:
        changes["positions"] = find_positions(actors_t, claims_t)
        changes["bluf"] = bottom_line(briefing.article, actors_t, claims_t, changes["positions"])
    if corrections.bluf:
        changes["bluf"], changes["bluf_origin"] = corrections.bluf, "analyst"
    changes["judgments"] = briefing.judgments + corrections.judgments
    changes["notes"] = briefing.notes + corrections.notes
    return dataclasses.replace(briefing, **changes), warnings


def _stale(entry: Entry, why: str) -> str:
    return f"correction {entry.label} no longer matches: {why}"


def _moved(entry: Entry, noun: str, item_id: str) -> str:
    return f"correction {entry.label} now matches the extracted {noun} {item_id} and was applied to it; write `id: {item_id}` instead of `add:`"


def _changed(item, changes: dict):
    """The item with the fields set; marked `corrected` if anything differs."""
    new = dataclasses.replace(item, **changes)
    if new != item and item.origin == "extracted":
        new = dataclasses.replace(new, origin="corrected")
    return new


def _index(items: list, item_id: str | None) -> int | None:
    return next((i for i, item in enumerate(items) if item.id == item_id), None)


def _correct_actors(actors: list[Actor], entries: list[Entry], warnings: list[str]) -> tuple[list[Actor], dict[str, str]]:
    """Additions, then changes, then merges; returns the actors and merged id → surviving id."""
    for entry in (e for e in entries if e.add is not None):
        actor_id = slugify(entry.add) or "actor"
        fields = dict(entry.changes)
        index = _index(actors, actor_id)
        if index is not None:
            actors[index] = _changed(actors[index], {"name": entry.add, **fields})
            warnings.append(_moved(entry, "actor", actor_id))
            continue
        actors.append(Actor(id=actor_id, name=entry.add, kind=fields.pop("kind", None) or "person", origin="analyst", **fields))
    for entry in (e for e in entries if e.id is not None):
        index = _index(actors, entry.id)
        if index is None:
            warnings.append(_stale(entry, f"no actor has the id {entry.id}"))
            continue
        old = actors[index]
        new = _changed(old, dict(entry.changes))
        if new.name != old.name:
            new = dataclasses.replace(new, aliases=tuple(sorted({*old.aliases, old.name} - {new.name})))
        actors[index] = new
    merged: dict[str, str] = {}
    for entry in (e for e in entries if e.merge):
        ids = list(dict.fromkeys(merged.get(i, i) for i in entry.merge))
        missing = [i for i in ids if _index(actors, i) is None]
        if missing:
            warnings.append(_stale(entry, f"no actor has the id {', '.join(missing)}"))
            continue
        for other_id in ids[1:]:
            survivor = actors[_index(actors, ids[0])]
            other = actors.pop(_index(actors, other_id))
            actors[_index(actors, ids[0])] = _merged(survivor, other)
            merged = {old: (ids[0] if new == other_id else new) for old, new in merged.items()}
            merged[other_id] = ids[0]
    if merged:
        actors = [_changed(a, {"members": _members(a, merged)}) for a in actors]
    return actors, merged


def _merged(survivor: Actor, other: Actor) -> Actor:
    """One actor from two: the survivor's fields, filled in from the other; its names as aliases."""
    return dataclasses.replace(
        survivor,
        aliases=tuple(sorted({*survivor.aliases, other.name, *other.aliases} - {survivor.name})),
        role=survivor.role or other.role,
        affiliation=survivor.affiliation or other.affiliation,
        side=survivor.side or other.side,
        members=survivor.members + other.members,
        origin="corrected" if survivor.origin == "extracted" else survivor.origin,
    )


def _members(actor: Actor, merged: dict[str, str]) -> tuple[str, ...]:
    members = (merged.get(m, m) for m in actor.members)
    return tuple(dict.fromkeys(m for m in members if m != actor.id))


def _speaker(changes: dict, actors: list[Actor], merged: dict[str, str]) -> str | None:
    """Why the speaker an entry names does not exist, or None; a merged id becomes the survivor's."""
    if changes.get("speaker") is None:
        return None
    changes["speaker"] = merged.get(changes["speaker"], changes["speaker"])
    if _index(actors, changes["speaker"]) is None:
        return f"no actor has the id {changes['speaker']}"
    return None


def _correct_claims(briefing: Briefing, actors: list[Actor], merged: dict[str, str], entries: list[Entry], warnings: list[str]) -> list[Claim]:
    """Claims of merged actors go to the survivor; then changes and drops, then additions."""
    claims = [_changed(c, {"speaker": merged[c.speaker]}) if c.speaker in merged else c for c in briefing.claims]
    for entry in (e for e in entries if e.id is not None):
        index = _index(claims, entry.id)
        changes = dict(entry.changes)
        if index is None:
            why = f"no claim has the id {entry.id} (its words may have changed)"
        else:
            why = None if entry.drop else _speaker(changes, actors, merged)
        if why:
            warnings.append(_stale(entry, why))
        elif entry.drop:
            del claims[index]
        else:
            claims[index] = _claim_changed(claims[index], changes)
    seen = _seen(c.id for c in claims)
    for entry in (e for e in entries if e.add is not None):
        changes = dict(entry.changes)
        found = locate(briefing.article, entry.sentence or "")
        why = "its sentence is not in the article" if found is None else _speaker(changes, actors, merged)
        if why:
            warnings.append(_stale(entry, why))
            continue
        index = next((i for i, c in enumerate(claims) if _words(c.text) == _words(entry.add)), None)
        if index is not None:
            claims[index] = _claim_changed(claims[index], changes)
            warnings.append(_moved(entry, "claim", claims[index].id))
            continue
        paragraph, sentence = found
        claim = Claim(
            id=stable_id("c", entry.add, seen),
            speaker=changes.get("speaker"),
            kind=changes.get("kind") or "indirect",
            cue=changes.get("cue"),
            text=entry.add,
            paragraph=paragraph,
            sentence=sentence,
            modality=modality(entry.add, changes.get("cue")),
            hedges=hedges_in(entry.add),
            origin="analyst",
        )
        claims.insert(_reading_place(claims, paragraph), claim)
    return claims


def _claim_changed(claim: Claim, changes: dict) -> Claim:
    """The claim with the fields set; a new cue can change what it does (predict, deny)."""
    new = _changed(claim, changes)
    return dataclasses.replace(new, modality=modality(new.text, new.cue)) if "cue" in changes else new


def _correct_evidence(briefing: Briefing, claims: list[Claim], entries: list[Entry], warnings: list[str]) -> list[Evidence]:
    """Changes and drops, then additions; links to dropped claims go."""
    kept = {c.id for c in claims}
    evidence = [dataclasses.replace(e, claims=tuple(i for i in e.claims if i in kept)) for e in briefing.evidence]
    for entry in (e for e in entries if e.id is not None):
        index = _index(evidence, entry.id)
        if index is None:
            warnings.append(_stale(entry, f"no evidence item has the id {entry.id} (its words may have changed)"))
        elif entry.drop:
            del evidence[index]
        else:
            evidence[index] = _changed(evidence[index], dict(entry.changes))
    seen = _seen(e.id for e in evidence)
    for entry in (e for e in entries if e.add is not None):
        found = locate(briefing.article, entry.sentence or "")
        unknown = [i for i in entry.supports or () if i not in kept]
        if found is None or unknown:
            warnings.append(_stale(entry, "its sentence is not in the article" if found is None else f"no claim has the id {', '.join(unknown)}"))
            continue
        index = next((i for i, e in enumerate(evidence) if _words(e.text) == _words(entry.add)), None)
        if index is not None:
            evidence[index] = _changed(evidence[index], dict(entry.changes))
            warnings.append(_moved(entry, "evidence item", evidence[index].id))
            continue
        paragraph, sentence = found
        fields = dict(entry.changes)
        supports = entry.supports if entry.supports is not None else tuple(c.id for c in claims if c.paragraph == paragraph)
        item = Evidence(
            id=stable_id("e", entry.add, seen),
            kind=fields.get("kind") or "fact",
            text=entry.add,
            paragraph=paragraph,
            sentence=sentence,
            value=fields.get("value"),
            measure=fields.get("measure"),
            claims=supports,
            origin="analyst",
        )
        evidence.insert(_reading_place(evidence, paragraph), item)
    return evidence


def _reading_place(items: list, paragraph: int) -> int:
    """Where an added item goes: after the items of its paragraph and those before it."""
    return next((i for i, item in enumerate(items) if item.paragraph > paragraph), len(items))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _seen(ids) -> dict[str, int]:
    """The counts `extract.stable_id` needs so that an added item's id is new."""
    seen: dict[str, int] = {}
    for item_id in ids:
        match = re.fullmatch(r"([a-z]+-[0-9a-f]{8})(?:-(\d+))?", item_id)
        if match:
            seen[match[1]] = max(seen.get(match[1], 0), int(match[2] or 1))
    return seen


def locate(article: Article, sentence: str) -> tuple[int, str] | None:
    """The paragraph (1-based; the headline is 0) that holds the sentence, and the sentence as
    the article words it.

    Spacing, case, quotation marks and other punctuation may differ from the article; the
    words may not.
    """
    words = re.findall(r"\w+", sentence)
    if not words:
        return None
    pattern = re.compile(r"(?<!\w)[^\w\s]*" + r"\W+".join(map(re.escape, words)) + r"(?!\w)[^\w\s]*", re.IGNORECASE)
    for number, paragraph in [*enumerate(article.paragraphs, start=1), (0, article.title)]:
        match = pattern.search(paragraph)
        if match:
            return number, match.group(0)
    return None
