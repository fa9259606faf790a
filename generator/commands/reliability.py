"""How well the confidence a claim shows matches how often such claims are right: the
reliability table and the expected calibration error (ECE) over equal-width bins.

A claim shown at 80% should be right four times in five. The table gives, for each tenth of
the scale, how many claims fell in it, their mean confidence and the share that were right;
the ECE is the mean gap between the two, weighted by the claims in each bin.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

BINS = 10


@dataclass(frozen=True)
class Bin:
    """The claims whose confidence falls in one tenth of the scale."""

    low: float
    high: float
    count: int
    confidence: float
    """Mean confidence of the claims in the bin (0 when empty)."""
    accuracy: float
    """Share of them that were right (0 when empty)."""


def reliability(outcomes: Iterable[tuple[float, bool]], bins: int = BINS) -> list[Bin]:
    """The reliability table of (confidence, right) pairs; a confidence of 1 falls in the top
    bin. Confidences are binned at their shown precision (hundredths) so that 0.3 is in the
    fourth bin whatever its floating-point error."""
    counts = [0] * bins
    sure = [0.0] * bins
    right = [0] * bins
    for confidence, correct in outcomes:
        i = min(bins - 1, max(0, round(confidence * 100) * bins // 100))
        counts[i] += 1
        sure[i] += confidence
        right[i] += bool(correct)
    return [
        Bin(i / bins, (i + 1) / bins, n, sure[i] / n if n else 0.0, right[i] / n if n else 0.0)
        for i, n in enumerate(counts)
    ]


def calibration_error(outcomes: Iterable[tuple[float, bool]], bins: int = BINS) -> float:
    """The expected calibration error: |accuracy - confidence| per bin, weighted by its count."""
    table = reliability(outcomes, bins)
    total = sum(b.count for b in table)
    return sum(b.count * abs(b.accuracy - b.confidence) for b in table) / total if total else 0.0


def table_lines(table: list[Bin]) -> list[str]:
    """The reliability table as aligned lines of text."""
    lines = ["bin          count  confidence  accuracy   gap"]
    for b in table:
        gap = f"{b.accuracy - b.confidence:+.3f}" if b.count else ""
        lines.append(
            f"{b.low:.1f}-{b.high:.1f}  {b.count:>9}  {b.confidence:>10.3f}  {b.accuracy:>8.3f}  {gap:>6}"
        )
    return lines
