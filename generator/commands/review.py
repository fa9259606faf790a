"""The analyst's review: what was extracted, least certain first, and a starter corrections file."""

from __future__ import annotations

import json
from dataclasses import dataclass

from generator.model import Briefing, Claim, Evidence
from generator.text import place


@dataclass(frozen=True)
class Item:
    """One claim or evidence item as the review lists it."""

    id: str
    confidence: float
    paragraph: int
    summary: str
    """What it is, in a line: "claim · Dimitri Simes · direct · cue: noted"."""
    text: str
    sentence: str
    status: str = ""
    """What the corrections file does to it: "", "dropped", "corrected: …" or "added by analyst"."""


def review_items(extracted: Briefing, corrected: Briefing) -> list[Item]:
    """Every extracted claim and evidence item, least certain first, then the analyst's additions."""
    now = {item.id: item for item in (*corrected.claims, *corrected.evidence)}
    found: list[tuple[float, int, int, Item]] = []
    for order, item in enumerate((*extracted.claims, *extracted.evidence)):
        after = now.get(item.id)
        status = "dropped" if after is None else ""
        if after is not None and after.origin == "corrected":
            status = "corrected: " + _summary(after, corrected)
        found.append((item.confidence, item.paragraph, order, _item(item, extracted, status)))
    found.sort(key=lambda f: f[:3])
    added = [_item(item, corrected, "added by analyst") for item in now.values() if item.origin == "analyst"]
    return [f[3] for f in found] + sorted(added, key=lambda i: i.paragraph)


def _item(item: Claim | Evidence, briefing: Briefing, status: str) -> Item:
    return Item(
        item.id, item.confidence, item.paragraph, _summary(item, briefing), item.text, item.sentence, status
    )


def _summary(item: Claim | Evidence, briefing: Briefing) -> str:
    if isinstance(item, Claim):
        actor = briefing.actor(item.speaker)
        speaker = actor.name if actor else "unattributed"
        return f"claim · {speaker} · {item.kind} · {'cue: ' + item.cue if item.cue else 'no cue'}"
    return " · ".join(part for part in ("evidence", item.kind, item.value) if part)


def review_text(extracted: Briefing, corrected: Briefing, corrections_file: str | None) -> str:
    """The review as the `briefings review` command prints it."""
    items = review_items(extracted, corrected)
    lines = [
        extracted.article.title,
        f"{len(extracted.claims)} claims and {len(extracted.evidence)} evidence items extracted from "
        f"{extracted.article.path}.",
        f"Corrections: {corrections_file}."
        if corrections_file
        else "No corrections file yet: `briefings review ARTICLE --init` writes a starter one.",
        "",
    ]
    for item in items:
        lines.append(
            f"{_percent(item.confidence):>4}  {item.id}  {place(item.paragraph)} · {item.summary}"
            + (f"  [{item.status}]" if item.status else "")
        )
        lines.append(f"      {item.text}")
        if item.sentence and item.sentence != item.text:
            lines.append(f"      sentence: {item.sentence}")
    return "\n".join(lines) + "\n"


def _percent(value: float) -> str:
    return f"{round(value * 100)}%"


_ACTORS_HELP = [
    "",
    "## Actors: change the name, kind, role, affiliation or side of one. Merge actors that are",
    "## the same (the first id stays):  - merge: [first-id, second-id]",
    "## Add one the extractor missed:   - add: Name of the actor   (then kind, role, side)",
    "# actors:",
]
_CLAIMS_HELP = [
    "",
    "## Claims, least certain first. Under a claim's `- id:` set `speaker:` (an actor id, or null),",
    "## `kind:` (direct, indirect or mixed) or `cue:`, or remove it with `drop: true` and `reason:`.",
    "## Add a claim the extractor missed; the sentence must be in the article as written:",
    '##   - add: "the words of the claim"',
    "##     speaker: actor-id",
    '##     sentence: "The whole sentence of the article it comes from."',
    "##     kind: indirect",
    "##     cue: said",
    "# claims:",
]
_EVIDENCE_HELP = [
    "",
    "## Evidence, least certain first. Under an item's `- id:` set `kind:` (statistic, event, fact",
    "## or document), `value:` and `measure:`, or remove it with `drop: true` and `reason:`.",
    "## Add an item with `- add:` its words, `sentence:`, `kind:` and, for a figure, `value:`.",
    "# evidence:",
]
_OTHERS_HELP = [
    "",
    "## A bottom line of your own replaces the generated one:",
    '## bluf: "Two or three sentences."',
    "",
    "## Key judgments, each with an ICD 203 likelihood (almost no chance, very unlikely, unlikely,",
    "## roughly even chance, likely, very likely, almost certain) and a confidence (low, moderate, high):",
    "## judgments:",
    '##   - text: "What you judge, in one sentence."',
    "##     likelihood: unlikely",
    "##     confidence: moderate",
    "",
    "## notes:",
    '##   - "What you checked, and against what."',
]


def starter_file(briefing: Briefing) -> str:
    """A corrections file with everything commented out, listing the ids to correct.

    Lines that start with `# ` uncomment into valid YAML that changes nothing until edited;
    lines that start with `## ` explain, with examples.
    """
    lines = [
        f"## Corrections to the briefing of {' '.join(briefing.article.path.split())}, "
        "applied on every build.",
        '## Uncomment (remove the "# " of) the lines you need and edit them; "##" lines explain.',
        "## Claims and evidence are named by ids that stay the same when other parts of the article",
        "## change. A correction that no longer matches the article is reported by the build.",
        '## The format is in README.md, "Correcting a briefing".',
        *_ACTORS_HELP,
    ]
    for actor in briefing.actors:
        lines += [f"#   - id: {actor.id}", f"#     name: {_yaml(actor.name)}", f"#     kind: {actor.kind}"]
        lines += [
            f"#     {field}: {_yaml(getattr(actor, field))}" for field in ("role", "affiliation", "side")
        ]
    lines += _CLAIMS_HELP
    names = {a.id: a.name for a in briefing.actors}
    for claim in sorted(briefing.claims, key=lambda c: (c.confidence, c.paragraph)):
        speaker = names.get(claim.speaker, "unattributed")
        lines.append(
            f"## {_percent(claim.confidence)} · {place(claim.paragraph)} · {speaker} · {claim.kind} · "
            f"{claim.cue or 'no cue'}: {_words(claim.text)}"
        )
        lines += [f"#   - id: {claim.id}", f"#     speaker: {_yaml(claim.speaker)}"]
    lines += _EVIDENCE_HELP
    for item in sorted(briefing.evidence, key=lambda e: (e.confidence, e.paragraph)):
        lines.append(
            f"## {_percent(item.confidence)} · {place(item.paragraph)} · {item.kind}: {_words(item.text)}"
        )
        lines += [f"#   - id: {item.id}", f"#     kind: {item.kind}"]
    lines += _OTHERS_HELP
    return "\n".join(lines) + "\n"


def _yaml(value: str | None) -> str:
    """A YAML scalar: JSON's quoted strings are valid YAML."""
    return "null" if value is None else json.dumps(value, ensure_ascii=False)


def _words(text: str, count: int = 16) -> str:
    words = text.split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")
