"""The pieces an item of evidence is cut from: its place in the paragraph, and the clause a verb heads."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

MAX_WORDS = 40
"""An item is the clause, not the paragraph: a longer clause is cut at a word boundary."""

_CUT_BEFORE = ("advcl", "prep", "npadvmod", "advmod", "intj", "cc", "mark", "punct", "ccomp", "parataxis")
_CLAUSE_DEPS = ("ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "pcomp")
_DANGLING = frozenset({"ADP", "DET", "CCONJ", "SCONJ"})
"""Words that cannot end an item ("13 years of", "… and")."""
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "’ll"})
"""Auxiliaries of a hypothesis, a plan or a prediction: what they govern has not happened."""


@dataclass(frozen=True)
class Candidate:
    """An item before it is checked against the others: characters `start:end` of one paragraph."""

    start: int
    end: int
    kind: str
    head: int
    """The index in the paragraph's parse of the word the item hangs on (its verb or noun)."""
    value: str | None = None
    measure: str | None = None
    firm: bool = True
    """For a statistic, whether its figure is more than a small count ("two delegations"), which
    an event holding it tells better; for a document, whether more than whose it is says that it
    is cited ("Darroch's letter" only is, and only at its first mention)."""


def clause_of(token: Token, finite: bool = False) -> Token:
    """The nearest verb above a token that heads a clause (with `finite`, a clause with a tense:
    not "people waiting for treatment")."""
    node = token
    while node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in _CLAUSE_DEPS and (not finite or is_finite(node)):
            return node
        node = node.head
    return node


def is_finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") for c in verb.children
    )


def subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def is_modal(verb: Token) -> bool:
    """A clause of what will, would or could happen ("would fund", "is to visit")."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def clause_span(
    node: Token,
    limit: int = MAX_WORDS,
    keep: Callable[[Token], bool] | None = None,
    drop: frozenset[int] = frozenset(),
) -> tuple[int, int]:
    """The characters of the clause a verb heads, without its coordinated clauses or preposed adverbials.

    "For example, although A, Beijing refused to B, and C happened" gives "Beijing refused to B".
    A preposed child for which `keep` is true stays, with the punctuation after it; the tokens in
    `drop` go. Returns (start, start) when nothing is left.
    """
    cut: set[int] = set(drop)
    subject = subject_of(node)
    opening = subject.left_edge.i if subject is not None else node.i
    kept = [c for c in node.children if c.i < opening and keep is not None and keep(c)]
    after_kept = kept[0].right_edge.i if kept else len(node.doc)
    for child in node.children:
        preposed = child.i < opening and child not in kept
        if child.dep_ == "punct" and child.i > after_kept:
            preposed = False
        if (child.dep_ in ("conj", "cc", "dep") and child.i > node.i) or (
            preposed and child.dep_ in _CUT_BEFORE
        ):
            cut.update(t.i for t in child.subtree)
        elif child.dep_ == "mark":
            cut.add(child.i)
    run: list[Token] = []
    # In reading order: a subtree is walked child by child, which a crossing parse puts out of order.
    for token in sorted(node.subtree, key=lambda t: t.i):
        if token.i in cut:
            continue
        if run and token.i != run[-1].i + 1:
            if any(t.i == node.i for t in run):
                break
            run = []
        run.append(token)
    return token_span(run, limit)


def token_span(tokens: list[Token], limit: int = MAX_WORDS) -> tuple[int, int]:
    """The characters of a run of tokens, without edge punctuation and at most `limit` words long."""
    tokens = sorted(tokens, key=lambda t: t.i)
    inside = {t.i for t in tokens}
    # A subordinator stays with its clause ("After the ferry was detained, …"), not alone.
    while tokens and (
        tokens[0].is_punct
        or tokens[0].dep_ == "cc"
        or (tokens[0].dep_ == "mark" and tokens[0].head.i not in inside)
    ):
        tokens = tokens[1:]
    # A word count, not a token count: "U.S.-Iran" is one word of several tokens.
    words = 0
    for n, token in enumerate(tokens):
        words += bool(token.whitespace_) or n == len(tokens) - 1
        if words >= limit:
            tokens = tokens[: n + 1]
            break
    while tokens and (
        (tokens[-1].is_punct and tokens[-1].text not in (")", "%")) or tokens[-1].pos_ in _DANGLING
    ):
        tokens = tokens[:-1]
    if not tokens:
        return 0, 0
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
