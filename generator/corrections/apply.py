"""Applying an analyst's corrections to a briefing after every extraction.

A correction that no longer matches anything (an id that is gone, a sentence no longer in the
text) is reported, never dropped in silence.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

from generator.analysis.positions import find_positions
from generator.analysis.stance import hedges_in, modality
from generator.analysis.summary import bottom_line
from generator.corrections.read import (
    Corrections,
    CorrectionsError,
    Entry,
    corrections_path,
    read_corrections,
)
from generator.errors import Problem
from generator.model import Actor, Article, Briefing, Claim, Evidence
from generator.text import slugify, stable_id


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
        return briefing, [
            Problem(name, "is a symbolic link to a place outside the briefings folder; not read")
        ]
    try:
        corrections = read_corrections(path, name, source)
    except CorrectionsError as error:
        return briefing, [Problem(name, f"{error.problem}; none of its corrections were applied")]
    corrected, warnings = apply_corrections(briefing, corrections)
    return corrected, [Problem(name, message) for message in (*corrections.warnings, *warnings)]


def apply_corrections(briefing: Briefing, corrections: Corrections) -> tuple[Briefing, list[str]]:
    """A new briefing with the corrections applied, and a message for each one that failed.

    An entry applies whole or not at all. Positions and the bottom line are worked out again
    when actors or claims changed (unless the analyst wrote the bottom line).
    """
    warnings: list[str] = []
    by_section = {
        s: [e for e in corrections.entries if e.section == s] for s in ("actors", "claims", "evidence")
    }
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
    return (
        f"correction {entry.label} now matches the extracted {noun} {item_id} and was applied to it; "
        f"write `id: {item_id}` instead of `add:`"
    )


def _changed(item, changes: dict):
    """The item with the fields set; marked `corrected` if anything differs."""
    new = dataclasses.replace(item, **changes)
    if new != item and item.origin == "extracted":
        new = dataclasses.replace(new, origin="corrected")
    return new


def _index(items: list, item_id: str | None) -> int | None:
    return next((i for i, item in enumerate(items) if item.id == item_id), None)


def _correct_actors(
    actors: list[Actor], entries: list[Entry], warnings: list[str]
) -> tuple[list[Actor], dict[str, str]]:
    """Additions, then changes, then merges; returns the actors and merged id → surviving id."""
    for entry in (e for e in entries if e.add is not None):
        actor_id = slugify(entry.add) or "actor"
        fields = dict(entry.changes)
        index = _index(actors, actor_id)
        if index is not None:
            actors[index] = _changed(actors[index], {"name": entry.add, **fields})
            warnings.append(_moved(entry, "actor", actor_id))
            continue
        actors.append(
            Actor(
                id=actor_id,
                name=entry.add,
                kind=fields.pop("kind", None) or "person",
                origin="analyst",
                **fields,
            )
        )
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


def _merged_speakers(claim: Claim, merged: dict[str, str]) -> Claim:
    """The claim with each merged speaker replaced by the actor it was merged into."""
    if not any(s in merged for s in claim.speakers):
        return claim
    speaker, *others = dict.fromkeys(merged.get(s, s) for s in claim.speakers)
    return _changed(claim, {"speaker": speaker, "co_speakers": tuple(others)})


def _correct_claims(
    briefing: Briefing, actors: list[Actor], merged: dict[str, str], entries: list[Entry], warnings: list[str]
) -> list[Claim]:
    """Claims of merged actors go to the survivor; then changes and drops, then additions."""
    claims = [_merged_speakers(c, merged) for c in briefing.claims]
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
    """The claim with the fields set; a new cue can change what it does (predict, deny); a
    speaker the analyst names speaks alone."""
    if "speaker" in changes:
        changes = {"co_speakers": (), **changes}
    new = _changed(claim, changes)
    return dataclasses.replace(new, modality=modality(new.text, new.cue)) if "cue" in changes else new


def _correct_evidence(
    briefing: Briefing, claims: list[Claim], entries: list[Entry], warnings: list[str]
) -> list[Evidence]:
    """Changes and drops, then additions; links to dropped claims go."""
    kept = {c.id for c in claims}
    evidence = [
        dataclasses.replace(e, claims=tuple(i for i in e.claims if i in kept)) for e in briefing.evidence
    ]
    for entry in (e for e in entries if e.id is not None):
        index = _index(evidence, entry.id)
        if index is None:
            warnings.append(
                _stale(entry, f"no evidence item has the id {entry.id} (its words may have changed)")
            )
        elif entry.drop:
            del evidence[index]
        else:
            evidence[index] = _changed(evidence[index], dict(entry.changes))
    seen = _seen(e.id for e in evidence)
    for entry in (e for e in entries if e.add is not None):
        found = locate(briefing.article, entry.sentence or "")
        unknown = [i for i in entry.supports or () if i not in kept]
        if found is None or unknown:
            warnings.append(
                _stale(
                    entry,
                    "its sentence is not in the article"
                    if found is None
                    else f"no claim has the id {', '.join(unknown)}",
                )
            )
            continue
        index = next((i for i, e in enumerate(evidence) if _words(e.text) == _words(entry.add)), None)
        if index is not None:
            evidence[index] = _changed(evidence[index], dict(entry.changes))
            warnings.append(_moved(entry, "evidence item", evidence[index].id))
            continue
        paragraph, sentence = found
        fields = dict(entry.changes)
        supports = (
            entry.supports
            if entry.supports is not None
            else tuple(c.id for c in claims if c.paragraph == paragraph)
        )
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
    pattern = re.compile(
        r"(?<!\w)[^\w\s]*" + r"\W+".join(map(re.escape, words)) + r"(?!\w)[^\w\s]*", re.IGNORECASE
    )
    for number, paragraph in [*enumerate(article.paragraphs, start=1), (0, article.title)]:
        match = pattern.search(paragraph)
        if match:
            return number, match.group(0)
    return None


def check_unused_corrections(source: Path, used: set[Path], problems: list[Problem]) -> None:
    """Name every corrections file that no briefing read, so that none is ignored in silence."""
    for dirpath, dirnames, filenames in os.walk(source):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            if not name.endswith((".review.yml", ".review.yaml")) or path in used:
                continue
            twin = path.with_suffix(".yml")
            why = (
                f"{twin.name} is read instead"
                if twin in used
                else "no article beside it was read (renamed or removed?)"
            )
            problems.append(Problem(path.relative_to(source).as_posix(), f"corrections not applied: {why}"))
