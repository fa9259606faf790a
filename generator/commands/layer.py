"""Scoring what a reader reads of a briefing against briefing gold (`gold/BRIEFING-GUIDE.md`).

The same counts as the team's scorer (`tools/score_briefing.py`, `score_layer`): the side of
every actor who speaks, speakers that are no actor of the gold (junk) or one actor under two
names (duplicates), the sides of the positions, the precision and recall of the evidence, and
whether the bottom line is clean, complete, short and names what it must. `tests/test_evaluate.py`
checks that both agree.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field, fields

from generator.text import overlap, words

THRESHOLD = 0.5

# Sides a scorer treats as the same (casefolded words, "the" dropped): the scorer's own table.
SIDE_ALIASES = {
    "united states": [
        "us", "u s", "usa", "america", "united states of america", "washington", "american government",
        "us government",
    ],
    "united kingdom": ["uk", "u k", "britain", "great britain", "british government", "uk government"],
    "russia": ["russian federation", "moscow", "kremlin", "russian government"],
    "china": ["prc", "people s republic of china", "beijing", "chinese government"],
    "european union": ["eu"],
    "united nations": ["un", "u n"],
    "north korea": ["dprk", "pyongyang"],
    "south korea": ["republic of korea", "seoul"],
    "democratic party": ["democrats", "democrat", "dnc"],
    "republican party": ["republicans", "republican", "gop", "rnc"],
    "labour party": ["labour"],
    "conservative party": ["conservatives", "tories", "tory party"],
    "liberal democrats": ["lib dems", "liberal democrat party"],
}  # fmt: skip
_SIDE_CANON = {alias: canon for canon, alts in SIDE_ALIASES.items() for alias in (canon, *alts)}


def name_key(name: str | None) -> str:
    """A name as the scorer compares it: its words, case-folded, without a leading "the"."""
    w = words(name)
    return " ".join(w[1:] if w and w[0] == "the" else w)


def side_key(side: str | None) -> str | None:
    if not side:
        return None
    key = name_key(side)
    return _SIDE_CANON.get(key, key)


def _names(actor: dict) -> set[str]:
    return {name_key(n) for n in [actor.get("name"), *list(actor.get("aliases") or [])] if n}


def names_gold_actor(predicted: dict, gold: dict) -> bool:
    """Whether a predicted actor names a gold actor (a name, an accepted name, or a person's surname)."""
    gold_names = {name_key(gold["name"])} | {name_key(x) for x in gold.get("accept", [])}
    names = _names(predicted)
    if names & gold_names:
        return True
    if gold.get("kind") == "person":
        surname = name_key(gold["name"]).split()[-1:] or [""]
        return any(surname[0] and surname[0] in n.split() for n in names)
    return False


def _mentions(text: str, names: list[str]) -> bool:
    padded = " " + " ".join(words(text)) + " "
    for name in names:
        w = " ".join(words(name))
        if w and f" {w} " in padded:
            return True
        canon = side_key(name)
        for alt in [canon, *SIDE_ALIASES.get(canon or "", [])]:
            if alt and f" {alt} " in padded:
                return True
    return False


@dataclass
class Layer:
    """The reader's-layer counts of one article (or of several, pooled)."""

    articles: int = 0
    side_total: int = 0
    side_hits: int = 0
    speaking: int = 0
    junk: int = 0
    duplicate_speakers: int = 0
    position_sides_gold: int = 0
    position_sides_pred: int = 0
    position_sides_shared: int = 0
    evidence_pred: int = 0
    evidence_good: int = 0
    evidence_required: int = 0
    evidence_found: int = 0
    bluf_ok: int = 0
    bluf_clean: int = 0
    bluf_names: int = 0
    bluf_short: int = 0
    bluf_complete: int = 0
    wrong_sides: list[str] = field(default_factory=list)
    junk_speakers: list[str] = field(default_factory=list)
    duplicated: list[str] = field(default_factory=list)
    bad_evidence: list[str] = field(default_factory=list)
    missed_evidence: list[str] = field(default_factory=list)
    bluf: list[str] = field(default_factory=list)

    def __iadd__(self, other: Layer) -> Layer:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self

    def figures(self) -> dict[str, float | int]:
        """The rates the scorer prints (`micro_layer`)."""

        def ratio(a: int, b: int) -> float:
            return round(a / b, 3) if b else 0.0

        n = self.articles
        return {
            "side_accuracy": ratio(self.side_hits, self.side_total),
            "speaker_precision": ratio(self.speaking - self.junk, self.speaking),
            "duplicate_speakers": self.duplicate_speakers,
            "position_side_recall": ratio(self.position_sides_shared, self.position_sides_gold),
            "position_side_precision": ratio(self.position_sides_shared, self.position_sides_pred),
            "evidence_precision": ratio(self.evidence_good, self.evidence_pred),
            "evidence_recall_required": ratio(self.evidence_found, self.evidence_required),
            "bluf_ok": ratio(self.bluf_ok, n),
            "bluf_clean": ratio(self.bluf_clean, n),
            "bluf_names": ratio(self.bluf_names, n),
            "bluf_short": ratio(self.bluf_short, n),
            "bluf_complete": ratio(self.bluf_complete, n),
        }


def score_layer(gold: dict, predicted: dict) -> Layer:
    """The reader's layer of one predicted briefing against its briefing gold."""
    layer = Layer(articles=1)
    _sides(gold, predicted, layer)
    gsides = {side_key(p["side"]) for p in gold.get("positions", []) if p.get("side")}
    psides = {
        side_key(p.get("side"))
        for p in predicted.get("positions", [])
        if isinstance(p, dict) and p.get("side")
    }
    layer.position_sides_gold, layer.position_sides_pred = len(gsides), len(psides)
    layer.position_sides_shared = len(gsides & psides)
    _evidence(gold, predicted, layer)
    _bottom_line(gold, predicted, layer)
    return layer


def _sides(gold: dict, predicted: dict, layer: Layer) -> None:
    actors = [a for a in predicted.get("actors", []) if isinstance(a, dict)]
    by_id = {a.get("id"): a for a in actors}
    spoke: Counter = Counter()
    for claim in predicted.get("claims", []):
        speaker = claim.get("speaker")
        if isinstance(speaker, str) and speaker in by_id:
            spoke[speaker] += 1
    speaking = [a for a in actors if spoke[a.get("id")]]
    required = {s for c in gold.get("claims", []) if not c.get("optional") for s in c["speakers"]}
    for gold_actor in gold.get("actors", []):
        if gold_actor["name"] not in required:
            continue
        layer.side_total += 1
        candidates = sorted(
            (a for a in speaking if names_gold_actor(a, gold_actor)), key=lambda a: -spoke[a.get("id")]
        )
        want = {side_key(gold_actor.get("side"))} | {side_key(x) for x in gold_actor.get("side_accept", [])}
        got = side_key(candidates[0].get("side")) if candidates else "(no such speaker)"
        if got in want:
            layer.side_hits += 1
        else:
            layer.wrong_sides.append(f"{gold_actor['name']}: {got} (want {gold_actor.get('side')})")
    gold_actors = gold.get("actors", [])
    layer.speaking = len(speaking)
    layer.junk_speakers = [
        a.get("name") for a in speaking if not any(names_gold_actor(a, g) for g in gold_actors)
    ]
    layer.junk = len(layer.junk_speakers)
    for g in gold_actors:
        names = {a.get("id"): a.get("name") for a in speaking if names_gold_actor(a, g)}
        if len(names) > 1:
            layer.duplicated.append(f"{g['name']}: {', '.join(sorted(map(str, names.values())))}")
    layer.duplicate_speakers = len(layer.duplicated)


def _evidence(gold: dict, predicted: dict, layer: Layer) -> None:
    gold_items = gold.get("evidence", [])
    items = [e.get("text") or "" for e in predicted.get("evidence", []) if isinstance(e, dict)]
    layer.evidence_pred = len(items)
    for item in items:
        if any(overlap(item, g["text"]) >= THRESHOLD for g in gold_items):
            layer.evidence_good += 1
        else:
            layer.bad_evidence.append(item)
    required = [g for g in gold_items if not g.get("optional")]
    layer.evidence_required = len(required)
    for g in required:
        if any(overlap(p, g["text"]) >= THRESHOLD for p in items):
            layer.evidence_found += 1
        else:
            layer.missed_evidence.append(g["text"])


def _bottom_line(gold: dict, predicted: dict, layer: Layer) -> None:
    bluf = predicted.get("bluf") or ""
    wanted = gold.get("bottom_line", {})
    plain = " ".join(words(bluf))
    clean = not any(" ".join(words(b)) in plain for b in gold.get("boilerplate", []) if words(b))
    named = all(_mentions(bluf, group) for group in wanted.get("must_mention", []))
    short = 0 < len(words(bluf)) <= 80
    complete = bool(re.search(r"[.!?][\"”’)]?\s*$", bluf)) and not bluf.rstrip().endswith(("…", "..."))
    ok = clean and named and short and complete
    for name, value in (
        ("bluf_clean", clean),
        ("bluf_names", named),
        ("bluf_short", short),
        ("bluf_complete", complete),
    ):
        setattr(layer, name, int(value))
    layer.bluf_ok = int(ok)
    if not ok:
        failed = [
            n
            for n, v in (("clean", clean), ("names", named), ("short", short), ("complete", complete))
            if not v
        ]
        layer.bluf.append(f"not {', '.join(failed)}: {bluf[:160]}")


def is_briefing_gold(gold: dict) -> bool:
    """Gold that follows the briefing guide carries `sides_axis`; PolNeAR gold does not."""
    return "sides_axis" in gold


def leaks(gold: dict, predicted: dict) -> list[str]:
    """Boilerplate lines of the gold that reach anywhere in the predicted JSON."""
    everything = json.dumps(predicted, ensure_ascii=False)
    return [b for b in gold.get("boilerplate", []) if b in everything]
