"""Comparing the sources of a multi-source briefing: what each outlet carries, and where they disagree."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Actor, Briefing, Claim, Evidence, Position, Story
from generator.analysis.stance import content_words
from generator.text import overlap

SAME_CLAIM = 0.5
"""Word-level F1 above which two outlets report the same claim (the scorer's threshold)."""


@dataclass(frozen=True)
class Report:
    """One claim as one outlet carries it."""

    source: Briefing
    claim: Claim
    speaker: Actor | None

    @property
    def outlet(self) -> str:
        return self.source.outlet


@dataclass(frozen=True)
class Coverage:
    """One claim across the outlets that carry it."""

    reports: tuple[Report, ...]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.outlet for r in self.reports))

    @property
    def attributions_differ(self) -> bool:
        names = {_person_key(r.speaker) for r in self.reports}
        return len(names) > 1


@dataclass(frozen=True)
class FigureClash:
    """Two outlets giving different figures for what reads as the same measure."""

    first: tuple[Briefing, Evidence]
    second: tuple[Briefing, Evidence]
    subject: tuple[str, ...]


@dataclass(frozen=True)
class SideCoverage:
    """How each outlet presents one side."""

    side: str
    by_outlet: tuple[tuple[str, Briefing, Position], ...]
    """(outlet, source briefing, Position)."""


@dataclass(frozen=True)
class Comparison:
    shared: tuple[Coverage, ...]
    """Claims carried by two or more outlets."""
    unique: tuple[Coverage, ...]
    """Claims only one outlet reports."""
    attribution_clashes: tuple[Coverage, ...]
    figure_clashes: tuple[FigureClash, ...]
    sides: tuple[SideCoverage, ...]


def _person_key(actor: Actor | None) -> str:
    if actor is None:
        return ""
    words = re.findall(r"\w+", actor.name.casefold())
    return words[-1] if actor.kind == "person" and words else " ".join(words)


def compare(story: Story) -> Comparison:
    """Align the claims of every source and find where the outlets disagree."""
    clusters: list[list[Report]] = []
    for source in story.sources:
        actors = {a.id: a for a in source.actors}
        for claim in source.claims:
            if claim.optional:
                continue
            report = Report(source, claim, actors.get(claim.speaker))
            best, best_score = None, SAME_CLAIM
            for cluster in clusters:
                if any(r.source is source for r in cluster):
                    continue
                score = max(overlap(claim.text, r.claim.text) for r in cluster)
                if score >= best_score:
                    best, best_score = cluster, score
            if best is None:
                clusters.append([report])
            else:
                best.append(report)
    coverage = [Coverage(tuple(c)) for c in clusters]
    shared = tuple(c for c in coverage if len(c.outlets) > 1)
    unique = tuple(c for c in coverage if len(c.outlets) == 1)
    # Only named people are compared: bodies are often named at different lengths ("the
    # working group" and "the Arctic Council's working group") without any disagreement.
    clashes = tuple(c for c in shared if c.attributions_differ and all(r.speaker and r.speaker.kind == "person" for r in c.reports))
    return Comparison(
        shared=tuple(sorted(shared, key=lambda c: -len(c.outlets))),
        unique=unique,
        attribution_clashes=clashes,
        figure_clashes=tuple(_figure_clashes(story)),
        sides=tuple(_sides(story)),
    )


def _numbers(value: str | None) -> set[str]:
    return {n.replace(",", "") for n in re.findall(r"\d[\d,]*(?:\.\d+)?", value or "")}


def _figure_clashes(story: Story) -> list[FigureClash]:
    figures = [(b, e) for b in story.sources for e in b.evidence if e.kind == "statistic" and e.value]
    found = []
    for i, (first, a) in enumerate(figures):
        for second, b in figures[i + 1:]:
            if second is first:
                continue
            subject = content_words(a.measure or a.text) & content_words(b.measure or b.text)
            if len(subject) >= 2 and _numbers(a.value) and _numbers(b.value) and not (_numbers(a.value) & _numbers(b.value)):
                found.append(FigureClash((first, a), (second, b), tuple(sorted(subject))))
    return found


def _sides(story: Story) -> list[SideCoverage]:
    names = sorted({p.side for b in story.sources for p in b.positions})
    out = []
    for name in names:
        rows = tuple((b.outlet, b, p) for b in story.sources for p in b.positions if p.side == name)
        out.append(SideCoverage(name, rows))
    return sorted(out, key=lambda s: (-len(s.by_outlet), s.side))
