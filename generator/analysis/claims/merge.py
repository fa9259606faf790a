"""Merging the candidates of all extractors, so that each claim appears once."""

from __future__ import annotations

import re
from dataclasses import replace

from generator.analysis.claims import calibration
from generator.analysis.claims.base import Candidate, Paragraph
from generator.analysis.syntax import doc_text


def span_overlap(a: Candidate, b: Candidate) -> float:
    """Shared characters over the shorter span."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    shortest = min(a.end - a.start, b.end - b.start)
    return shared / shortest if shortest > 0 and shared > 0 else 0.0


def merge(candidates: list[Candidate], paragraph: Paragraph) -> list[Candidate]:
    """One candidate per claim: quotation and reported clause about the same words combine."""
    merged: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        for i, kept in enumerate(merged):
            if span_overlap(kept, candidate) >= calibration.SAME_CLAIM:
                merged[i] = _combine(kept, candidate, paragraph)
                break
        else:
            merged.append(candidate)
    merged = [_with_kind(c, paragraph) for c in merged]
    return _join_split_quotations(sorted(merged, key=lambda c: c.start), paragraph)


def _join_split_quotations(candidates: list[Candidate], paragraph: Paragraph) -> list[Candidate]:
    """One sentence quoted in two parts around its attribution is one claim: "“Every time you
    say that,” Tester said, “you give ammunition to the people who …”"."""
    text = doc_text(paragraph.doc)
    joined: list[Candidate] = []
    for candidate in candidates:
        # The part before, past any claim inside the attribution (", referring to …,").
        last = next((i for i in range(len(joined) - 1, -1, -1) if joined[i].kind == "direct"), None)
        before = joined[last] if last is not None else None
        between = text[before.end : candidate.start] if before is not None else ""
        if (
            before is not None
            and candidate.kind == "direct"
            and before.gap is None
            and before.speaker is not None
            and (candidate.speaker in (None, before.speaker))
            and re.match(r"\W*,", between)
            and text[candidate.start : candidate.start + 1].islower()
        ):
            joined[last] = replace(before, end=candidate.end, gap=(before.end, candidate.start))
            continue
        joined.append(candidate)
    return joined


def _combine(a: Candidate, b: Candidate, paragraph: Paragraph) -> Candidate:
    quoted = a if a.quoted else b if b.quoted else None
    reported = b if quoted is a else a
    if quoted is not None and reported is not quoted and reported.by_label and quoted.start < reported.start:
        # '"WALLACE: Let's start …' as one quotation: the words after the name are the claim.
        return replace(reported, quoted=True, prior=max(a.prior, b.prior))
    if quoted is not None and reported is not quoted:
        speaker = quoted.speaker or reported.speaker
        inside = min(quoted.end, reported.end) - max(quoted.start, reported.start)
        if reported.speaker is not None and inside < calibration.QUOTED * (reported.end - reported.start):
            # Reported speech with a quoted part ("insisted that A and that “B”"): one mixed claim.
            return replace(reported, kind="mixed", quoted=True, prior=max(a.prior, b.prior))
        return replace(
            quoted,
            speaker=speaker,
            cue=quoted.cue or reported.cue,
            anchor=quoted.anchor if quoted.speaker else reported.anchor,
            inherit=quoted.inherit and reported.speaker is None,
            prior=max(a.prior, b.prior),
        )
    # Two reported readings of one clause: keep the one with a speaker; of an attribution
    # reported inside another ("boasted about a plan to dig up dirt on journalists who
    # criticized the company"), the outer one, which carries the inner; else the surer.
    outer, inner = (a, b) if a.end - a.start >= b.end - b.start else (b, a)
    before = outer.anchor < len(paragraph.doc) and paragraph.doc[outer.anchor].idx < outer.start
    if (
        before
        and outer.speaker is not None
        and inner.speaker not in (None, outer.speaker)
        and outer.start <= inner.start
        and inner.end <= outer.end
    ):
        return outer
    return max((a, b), key=lambda c: (c.speaker is not None, c.prior, c.end - c.start))


def _with_kind(candidate: Candidate, paragraph: Paragraph) -> Candidate:
    """direct, mixed or indirect, from how much of the claim is inside quotation marks."""
    if candidate.quoted:
        return candidate
    inside = 0
    for quote in paragraph.quotes:
        inside += max(0, min(candidate.end, quote.end) - max(candidate.start, quote.start))
    length = max(1, candidate.end - candidate.start)
    if inside == 0:
        return candidate
    if inside / length >= calibration.QUOTED:
        quote = max(paragraph.quotes, key=lambda q: min(candidate.end, q.end) - max(candidate.start, q.start))
        return replace(candidate, kind="direct", start=quote.start, end=quote.end, quoted=True)
    return replace(candidate, kind="mixed", quoted=True)
