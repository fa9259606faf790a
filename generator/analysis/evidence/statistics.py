"""Statistics: a figure with what it measures ("15% of transactions", "224 people killed").

Not a statistic: a date, a year, an age, a time of day or a video's running time, a number that
names rather than counts ("individual 1", "No 10"), a phone number, or a bare number without a noun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.analysis.evidence.events import said_of, says
from generator.analysis.evidence.spans import Candidate, clause_of, clause_span, is_modal, subject_of
from generator.analysis.lexicon import STATE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_FIGURES = frozenset({"PERCENT", "MONEY", "QUANTITY", "CARDINAL"})
_NUMBER_WORDS = frozenset({"million", "billion", "trillion", "thousands", "hundreds", "dozens", "dozen"})
_DURATION = re.compile(
    r"(?:(?:about|almost|nearly|more than|less than|up to|some|at least|over|under|around)\s+)?"
    r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+-(?:one|two|three|four|five|six|seven|eight|nine))"
    r"(?:\s+(?:and|or|to)\s+(?:\d[\d,.]*|[a-z]+))?"
    r"\s+(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)",
    re.IGNORECASE,
)
_RELATIVE = frozenset({"ago", "old", "later", "earlier", "after", "before", "since", "from"})
_WHEN_WORDS = frozenset(
    {"last", "past", "next", "this", "recent", "coming", "previous", "earlier", "these", "those"}
)
_CLOCK = re.compile(r"\d{1,2}:\d{2}")
_YEAR = re.compile(r"(1[89]|20)\d\d")
_PHONE = re.compile(r"\+?\d[\d ()-]{7,}\d")
# "aged 5", "as young as five", "Cohen, 52, …": the number is an age.
_AGE_HEADS = frozenset({"aged", "age", "ages", "old", "young", "year", "years", "-year", "olds"})
_MEASURE_WORDS = 8
_SMALL = 10
_SMALL_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"})
_NOT_MEASURE = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj"})
_PRONOUNS = frozenset({"who", "which", "that", "he", "she", "it", "they", "we", "i", "you", "this", "those"})


def find_statistics(entities: list[Span]) -> Iterator[Candidate]:
    """Figures with what they measure among the entities of a sentence, each with the clause that
    gives it."""
    for ent in entities:
        duration = _is_duration(ent)
        if not duration and (ent.label_ not in _FIGURES or not _is_figure(ent)):
            continue
        firm = duration or not (ent.label_ == "CARDINAL" and _small(ent))
        clause = _clause(ent)
        if clause is None or (not firm and says(clause) and not said_of(clause)):
            continue  # "one of the four, Gerry Conlon, said …": the count is the speaker's
        measure = _lasted(ent) if duration else _measure(ent, clause)
        if measure is None:
            continue
        start, end = _apposed(ent) or clause_span(clause)
        if end <= start:
            continue
        if not start <= ent.start_char < end:
            start, end = min(start, ent.start_char), max(end, ent.end_char)
        yield Candidate(start, end, "statistic", clause.i, ent.text, measure.text, firm=firm)


def _set_off(ent: Span) -> bool:
    """A figure set off after the noun it counts ("the death toll — 3,692 so far —", "flight time
    -- 30 minutes"), where a number right after its noun names it ("individual 1")."""
    root = ent.root
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    # "310 miles (500 kilometers)" converts a figure: it sets off no noun of its own.
    noun = root.head.pos_ == "NOUN" and root.head.ent_type_ not in _FIGURES | {"DATE", "TIME"}
    return root.dep_ == "appos" and noun and before is not None and before.is_punct


def _apposed(ent: Span) -> tuple[int, int] | None:
    """For a figure set off after its noun, the noun's phrase through the figure (and its bracket)."""
    if not _set_off(ent):
        return None
    doc = ent.doc
    closing = ent.end < len(doc) and doc[ent.end].text == ")" and doc[ent.start - 1].text == "("
    return ent.root.head.left_edge.idx, doc[ent.end].idx + 1 if closing else ent.end_char


def _clause(ent: Span) -> Token | None:
    """The clause that gives a figure: the sentence's, for a figure in a relative clause ("the island
    is home to an air base, which has six bombers") when that is neither said nor planned; None for
    a plan, a purpose or a hypothesis ("would cost", "to train 5,000 rebels", "planned to stay")."""
    clause = clause_of(ent.root, finite=True)
    if clause.dep_ == "relcl" and clause.head.pos_ in ("NOUN", "PROPN"):
        outer = clause_of(clause.head, finite=True)
        if _told(outer) and not says(outer):
            return outer
    if _told(clause):
        return clause
    # "A suspect held in Guantanamo for 33 months plans to sue": the participle tells the figure.
    participle = next((t for t in ent.root.ancestors if t.pos_ == "VERB"), None)
    return (
        participle
        if participle is not None and participle.tag_ == "VBN" and participle.dep_ == "acl"
        else None
    )


def _told(clause: Token) -> bool:
    infinitive = clause.tag_ == "VB" and any(c.lower_ == "to" for c in clause.children)
    return not (is_modal(clause) or infinitive or clause.lemma_.lower() in STATE_VERBS)


def _is_figure(ent: Span) -> bool:
    """A number that counts or measures: not a time, a year, an age, a label or a phone number."""
    text = ent.text
    if _CLOCK.search(text) or _YEAR.fullmatch(text) or _PHONE.fullmatch(text):
        return False
    if not (any(ch.isdigit() for ch in text) or ent.label_ != "CARDINAL" or _spelled(ent)):
        return False
    root = ent.root
    if _is_age(ent):
        return False
    # "zero tolerance", "a two-state solution": a number that qualifies a thing, not a count of it.
    head = root.head
    doc = ent.doc
    hyphen = root.i + 1 < len(doc) and doc[root.i + 1].text == "-"
    if (
        root.dep_ == "nummod"
        and head.tag_ == "NN"
        and head.dep_ != "compound"
        and root.lower_ != "one"
        and not hyphen
    ):
        return False
    # A number after its noun names it ("individual 1", "Chapter 11", "No 10").
    return _set_off(ent) or not (
        root.dep_ in ("nummod", "appos", "npadvmod") and root.head.i < root.i and root.head.pos_ != "VERB"
    )


def _is_duration(ent: Span) -> bool:
    """How long something lasted ("held for 33 months", "a flight time of 30 minutes"), not when
    it happened ("two years ago", "the last ten years") nor an age ("a 39-year-old")."""
    if ent.label_ not in ("DATE", "TIME") or not _DURATION.fullmatch(ent.text):
        return False
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and (after.lower_ in _RELATIVE or after.text == "-"):
        return False
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in ("within", "in", "by"):
        return False  # a deadline: "within 24 hours"
    return not any(t.lower_ in _WHEN_WORDS for t in ent)


def _lasted(ent: Span) -> Span | None:
    """What a duration measures: the verb or noun its phrase belongs to ("held", "flight time")."""
    root = ent.root
    head = root.head.head if root.head.dep_ == "prep" or root.dep_ == "pobj" else root.head
    if root.dep_ == "appos" or head.i == root.i:
        head = root.head
    if head.pos_ not in ("VERB", "NOUN"):
        return None
    return _noun_phrase(head) if head.pos_ == "NOUN" else head.doc[head.i : head.i + 1]


def _small(ent: Span) -> bool:
    """A count under ten ("two delegations"): a figure only when nothing else tells the event."""
    digits = re.fullmatch(r"\d+", ent.text.strip())
    if digits:
        return int(digits.group()) < _SMALL
    return all(t.lower_ in _SMALL_WORDS for t in ent)


def _spelled(ent: Span) -> bool:
    """A spelled-out count ("seven people", "thousands of reservists")."""
    return any(t.lower_ in _NUMBER_WORDS or t.like_num for t in ent)


def _is_age(ent: Span) -> bool:
    root = ent.root
    doc = ent.doc
    if root.head.lower_ in _AGE_HEADS or any(t.lower_ in _AGE_HEADS for t in root.children):
        return True
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.lower_ in _AGE_HEADS:
        return True
    # "Cohen, 52, pleaded": a bare number between commas after a name.
    before = doc[ent.start - 1] if ent.start > 0 else None
    return (
        before is not None
        and before.text == ","
        and ent.start >= 2
        and doc[ent.start - 2].ent_type_ == "PERSON"
        and after is not None
        and after.text == ","
    )


def _measure(ent: Span, clause: Token) -> Span | None:
    """The characters of what a figure measures: the noun it counts ("19 of 120 seats" → "seats"),
    the phrase after "of" ("15% of transactions"), or the subject of its clause."""
    root = ent.root
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        # "38 North", "G20": a number in a name; "161 Palestinians" counts people.
        if head.pos_ == "PROPN" and head.ent_type_ != "NORP":
            return None
        return _noun_phrase(head)
    if _set_off(ent):
        return _phrase(head)
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        noun = next((c for c in of.children if c.dep_ == "pobj"), None)
        if noun is not None and noun.lower_ not in _PRONOUNS:
            return _phrase(noun)
    if ent.label_ in ("MONEY", "QUANTITY", "PERCENT"):
        subject = subject_of(clause)
        if subject is not None and not (subject.left_edge.i <= root.i <= subject.right_edge.i):
            if subject.lower_ in _PRONOUNS:
                return None
            return _phrase(subject)
        if head.pos_ == "NOUN" and head.lower_ not in _PRONOUNS:
            return _noun_phrase(head)
        return ent if ent.label_ != "PERCENT" else None
    return None


def _phrase(noun: Token) -> Span:
    """A noun with all its words ("traffic through the region"), or only those that name it when
    it runs on."""
    clauses = {t.i for c in noun.children if c.dep_ in _NOT_MEASURE for t in c.subtree}
    tokens = [t for t in noun.subtree if t.i not in clauses][:_MEASURE_WORDS]
    while tokens and tokens[-1].i > noun.i and tokens[-1].pos_ not in ("NOUN", "PROPN", "NUM"):
        tokens.pop()
    if not tokens or tokens[-1].i < noun.i:
        return _noun_phrase(noun)
    return noun.doc[tokens[0].i : tokens[-1].i + 1]


def _noun_phrase(noun: Token) -> Span:
    """A noun with the words that name what it is ("Knesset seats"), not its clauses."""
    left = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.i == noun.i - 1]
    start = left[0] if left else noun
    return noun.doc[start.i : noun.i + 1]
