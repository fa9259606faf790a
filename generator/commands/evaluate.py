"""Measuring extraction against gold annotations (the format of ../shared/gold/FORMAT.md).

The matching rules are those of the team's scorer, `tools/score_briefing.py`: a predicted
claim matches a gold claim when the word-level F1 of their texts is at least 0.5, and a
speaker is right when it names the gold actor (a listed variant, a person's surname, or a
word of a name-like span). `tests/test_evaluate.py` checks that both agree.

The same rules say whether each predicted claim is right (`claim_outcomes`), against which
the confidence a claim shows is calibrated (`reliability`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from generator.analysis.runner import run_extraction
from generator.commands.layer import Layer, is_briefing_gold, leaks, score_layer
from generator.commands.reliability import calibration_error
from generator.config import ExtractionSettings
from generator.errors import ArticleError
from generator.ingest.read import read_article
from generator.text import overlap, words

_TITLE_WORDS = {"the", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "a", "an", "of", "s"}
THRESHOLD = 0.5
Outcome = Literal["speaker right", "words right", "speaker wrong", "unmatched"]
"""What became of one predicted claim; the first two are right (`RIGHT`)."""
RIGHT = ("speaker right", "words right")


def _name(name: str | None) -> str:
    w = words(name)
    return " ".join(w[1:] if w and w[0] == "the" else w)


def _span_words(span: str) -> set[str] | None:
    """Words of a name-like span ("The Post", "Mr. Lou"), or None for a descriptor ("the source")."""
    raw = re.findall(r"[\w'’.-]+", span or "")
    content = [w for w in raw if w.strip(".").casefold() not in _TITLE_WORDS]
    if not content or not all(w[0].isupper() or w[0].isdigit() for w in content):
        return None
    return {w.strip(".").casefold() for w in content}


@dataclass
class Score:
    """Counts for one article; rates are derived so that articles pool exactly."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    true_positive: int = 0
    speakers_scored: int = 0
    speakers_right: int = 0
    kinds_right: int = 0
    evidence_gold: int = 0
    evidence_found: int = 0
    leaks: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    wrong_speaker: list[tuple[str, str | None, list[str]]] = field(default_factory=list)
    layer: Layer | None = None
    """The reader's layer, for gold that follows the briefing guide."""
    outcomes: list[tuple[float, Outcome]] = field(default_factory=list)
    """(confidence, outcome) of every predicted claim, in order (`claim_outcomes`)."""

    def __iadd__(self, other: Score) -> Score:
        for name in (
            "gold",
            "predicted",
            "matched",
            "true_positive",
            "speakers_scored",
            "speakers_right",
            "kinds_right",
            "evidence_gold",
            "evidence_found",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.leaks += other.leaks
        self.missed += other.missed
        self.spurious += other.spurious
        self.wrong_speaker += other.wrong_speaker
        self.outcomes += other.outcomes
        if other.layer is not None:
            self.layer = self.layer or Layer()
            self.layer += other.layer
        return self

    @property
    def rightness(self) -> list[tuple[float, bool]]:
        """(confidence, right) of every predicted claim, for `reliability`."""
        return [(confidence, outcome in RIGHT) for confidence, outcome in self.outcomes]

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speakers_right / self.speakers_scored if self.speakers_scored else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kinds_right / self.matched if self.matched else 0.0

    @property
    def evidence_recall(self) -> float:
        return self.evidence_found / self.evidence_gold if self.evidence_gold else 1.0

    def figures(self) -> dict[str, float | int]:
        return {
            "claims_gold": self.gold,
            "claims_pred": self.predicted,
            "claim_recall": round(self.recall, 3),
            "claim_precision": round(self.precision, 3),
            "claim_f1": round(self.f1, 3),
            "speakers_scored": self.speakers_scored,
            "speaker_accuracy": round(self.speaker_accuracy, 3),
            "kind_accuracy": round(self.kind_accuracy, 3),
            "evidence_recall": round(self.evidence_recall, 3),
            "boilerplate_leaks": len(self.leaks),
            "calibration_error": round(calibration_error(self.rightness), 3),
        }


def _speaker_scorable(speakers: list[str], actors: dict[str, dict]) -> bool:
    return any(actors.get(s, {"kind": "person"}).get("kind") != "span" or _span_words(s) for s in speakers)


def _speaker_right(predicted: str | None, speakers: list[str], actors: dict[str, dict]) -> bool:
    if not predicted:
        return False
    mine = _name(predicted)
    for speaker in speakers:
        actor = actors.get(speaker, {"name": speaker, "accept": [], "kind": "person"})
        if actor.get("kind") == "span":
            wanted = _span_words(speaker)
            if wanted and wanted & set(mine.split()):
                return True
            continue
        names = {_name(actor["name"])} | {_name(a) for a in actor.get("accept", [])}
        if mine in names:
            return True
        if actor.get("kind") == "person":
            surname = _name(actor["name"]).split()[-1:]
            if surname and surname[0] in mine.split():
                return True
    return False


def _predicted_claims(predicted: dict) -> list[tuple[str, str | None, str | None]]:
    """(text, speaker's name, kind) of every predicted claim, in order."""
    names = {a.get("id"): a.get("name") for a in predicted.get("actors", []) if isinstance(a, dict)}
    claims = []
    for c in predicted.get("claims", []):
        speaker = c.get("speaker")
        name = (
            speaker.get("name")
            if isinstance(speaker, dict)
            else names.get(speaker, speaker)
            if isinstance(speaker, str)
            else None
        )
        claims.append((c.get("text") or "", name, c.get("kind")))
    return claims


def claim_outcomes(gold: dict, predicted: dict) -> list[Outcome]:
    """What became of each predicted claim. Its words must match a gold claim (the one they
    overlap most, optional ones included, at `THRESHOLD`, as precision counts), else it is
    "unmatched"; where that claim's gold speaker is scorable, its speaker is "speaker right" or
    "speaker wrong"; where it is not (no source, a pronoun, a descriptor span such as "a
    source"), the speaker cannot be checked and the words decide: "words right"."""
    actors = {a["name"]: a for a in gold.get("actors", [])}
    gold_claims = gold.get("claims", [])
    outcomes: list[Outcome] = []
    for text, speaker, _ in _predicted_claims(predicted):
        best, best_overlap = None, 0.0
        for g in gold_claims:
            value = overlap(text, g["text"])
            if value > best_overlap:
                best, best_overlap = g, value
        if best is None or best_overlap < THRESHOLD:
            outcomes.append("unmatched")
        elif not _speaker_scorable(best["speakers"], actors):
            outcomes.append("words right")
        elif _speaker_right(speaker, best["speakers"], actors):
            outcomes.append("speaker right")
        else:
            outcomes.append("speaker wrong")
    return outcomes


def score(gold: dict, predicted: dict) -> Score:
    """Compare the JSON of one briefing with one gold annotation."""
    actors = {a["name"]: a for a in gold.get("actors", [])}
    claims = _predicted_claims(predicted)
    gold_claims = gold.get("claims", [])
    required = [g for g in gold_claims if not g.get("optional")]
    result = Score(gold=len(required), predicted=len(claims))
    for g in required:
        best, best_overlap = None, 0.0
        for claim in claims:
            value = overlap(claim[0], g["text"])
            if value > best_overlap:
                best, best_overlap = claim, value
        if best is None or best_overlap < THRESHOLD:
            result.missed.append(g["text"])
            continue
        result.matched += 1
        if _speaker_scorable(g["speakers"], actors):
            result.speakers_scored += 1
            if _speaker_right(best[1], g["speakers"], actors):
                result.speakers_right += 1
            else:
                result.wrong_speaker.append((g["text"], best[1], g["speakers"]))
        result.kinds_right += best[2] == g["kind"] or best[2] == "mixed"
    for claim in claims:
        if any(overlap(claim[0], g["text"]) >= THRESHOLD for g in gold_claims):
            result.true_positive += 1
        else:
            result.spurious.append(claim[0])
    evidence = [e.get("text") or "" for e in predicted.get("evidence", []) if isinstance(e, dict)]
    result.evidence_gold = len(gold.get("evidence", []))
    result.evidence_found = sum(
        1 for g in gold.get("evidence", []) if any(overlap(p, g["text"]) >= THRESHOLD for p in evidence)
    )
    result.leaks = leaks(gold, predicted)
    confidences = [c.get("confidence", 1.0) for c in predicted.get("claims", [])]
    result.outcomes = list(zip(confidences, claim_outcomes(gold, predicted), strict=True))
    if is_briefing_gold(gold):
        result.layer = score_layer(gold, predicted)
    return result


def gold_pairs(gold_dir: Path, text_dir: Path) -> list[tuple[str, Path, Path]]:
    """(name, gold file, article file) for every gold file under `gold_dir` whose article is at
    the same place under `text_dir` (`gold/x/a.json` and `text/x/a.txt`, or the file its
    `article` names there)."""
    pairs = []
    for gold_path in sorted(gold_dir.rglob("*.json")):
        try:
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if not isinstance(gold, dict):
            continue
        relative = gold_path.relative_to(gold_dir).with_suffix("")
        folder = text_dir / relative.parent
        text = folder / (gold.get("article") or f"{gold_path.stem}.txt")
        if not text.exists():
            text = folder / f"{gold_path.stem}.txt"
        if text.exists():
            pairs.append((relative.as_posix(), gold_path, text))
    return pairs


def summary(scores: list[Score]) -> dict[str, float | int]:
    """Pooled figures over articles (evidence recall averaged per article, as the scorer does)."""
    pooled = Score()
    for one in scores:
        pooled += one
    figures = pooled.figures()
    figures["articles"] = len(scores)
    figures["evidence_recall"] = (
        round(sum(s.evidence_recall for s in scores) / len(scores), 3) if scores else 0.0
    )
    if pooled.layer is not None:
        figures.update(pooled.layer.figures())
    return figures


def evaluate(gold_dir: Path, text_dir: Path, jobs: int = 0, progress=None) -> tuple[dict[str, Score], dict]:
    """Extract every article that has gold and score it; returns per-article scores and the summary."""

    pairs = gold_pairs(gold_dir, text_dir)
    articles, golds, scores = [], {}, {}
    for name, gold_path, text_path in pairs:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        try:
            # Read as `briefings extract` reads a file: its own folder is the root.
            article = read_article(text_path, text_path.parent, slug=text_path.stem)
        except ArticleError:
            scores[name] = score(gold, {})
            continue
        articles.append((name, article))
        golds[name] = gold
    done = 0
    for batch, results in run_extraction(articles, ExtractionSettings(), jobs):
        for (name, _), result in zip(batch, results, strict=True):
            scores[name] = score(golds[name], result if isinstance(result, dict) else {})
        done += len(batch)
        if progress:
            progress(done, len(articles))
    ordered = dict(sorted(scores.items()))
    return ordered, summary(list(ordered.values()))


def problems(one: Score) -> list[str]:
    """What went wrong in one article, a line each, for reading."""
    lines = [f"missed: {text[:100]}" for text in one.missed]
    lines += [f"spurious: {text[:100]}" for text in one.spurious]
    lines += [
        f"speaker: {text[:70]} → {got} (want {', '.join(want)})" for text, got, want in one.wrong_speaker
    ]
    lines += [f"leak: {text[:80]}" for text in one.leaks]
    if one.layer is not None:
        lines += [f"side: {line}" for line in one.layer.wrong_sides]
        lines += [f"junk speaker: {name}" for name in one.layer.junk_speakers]
        lines += [f"one actor under several names: {line}" for line in one.layer.duplicated]
        lines += [f"not evidence: {text[:100]}" for text in one.layer.bad_evidence]
        lines += [f"evidence missed: {text[:100]}" for text in one.layer.missed_evidence]
        lines += [f"bottom line {line}" for line in one.layer.bluf]
    return lines
