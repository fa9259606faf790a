"""Claims carried by a noun or adjective of speech or stance: `her call for …`, `X is confident that …`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.analysis.claims import calibration
from generator.analysis.claims.base import Candidate, Extractor, Paragraph, in_quote
from generator.analysis.claims.speaker import subject_of
from generator.analysis.lexicon import ATTITUDE_ADJECTIVES, SPEECH_NOUNS, SUPPORT_VERBS
from generator.analysis.syntax import (
    holds_views,
    phrase,
    that_clause_after,
    trim,
    without_aside,
    words_between,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def noun_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`X's statement that …`, `her vow to …`, `his call for …`, `voiced support for …`."""
    doc = paragraph.doc
    for noun in doc:
        lemma = noun.lemma_.lower()
        if lemma not in SPEECH_NOUNS or noun.pos_ != "NOUN" or in_quote(paragraph, noun.idx):
            continue
        content, cue = _noun_content(noun)
        content = without_aside(content)
        if not content:
            continue
        speaker = _noun_holder(noun)
        if speaker is None or not holds_views(speaker):
            continue
        start, end = trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
        if words_between(doc, start, end) < 1 or end - start < 3:
            continue
        yield Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            cue,
            phrase(speaker),
            speaker.i,
            "speech_nouns",
            prior=calibration.SPEECH_NOUN,
            rule="speech_noun",
            cue_at=noun.i,
        )


def _noun_content(noun: Token) -> tuple[list, str]:
    """What a noun of speech or stance is about: a that-clause, an infinitive or a prepositional object."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if (
        noun.lemma_.lower() in ("plan", "proposal")
        and verb.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "poss" for c in noun.children)
    ):
        if noun.dep_ == "pobj" and noun.head.lower_ == "under":
            # "Under Mrs. Clinton's plan, taxpayers would pay …": what the plan provides.
            return [t for t in noun.sent if t.i > noun.head.right_edge.i], noun.text.lower()
        if noun.dep_ == "nsubj" and any(
            c.dep_ == "aux" and c.lower_ in ("would", "will") for c in verb.children
        ):
            # "Mrs. Clinton's plan would also cap deductions at 28 percent"
            return [
                t for t in verb.subtree if not noun.is_ancestor(t) and t.i != noun.i and t.i > noun.i
            ], noun.text.lower()
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            m.lower_ == "that" and m.dep_ == "mark" for m in child.children
        ):
            return list(child.subtree), noun.text.lower()
        if child.dep_ == "acl" and any(m.dep_ == "aux" and m.lower_ == "to" for m in child.children):
            return list(child.subtree), noun.text.lower()
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "against", "on", "about", "to"):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if (
                objects
                and objects[0].ent_type_ not in ("DATE", "TIME")
                and not (child.lower_ == "of" and objects[0].ent_type_ == "PERSON")
            ):
                return list(objects[0].subtree), f"{noun.text.lower()} {child.lower_}"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        # "is making the case to a gathering of leaders that he …": the parse hangs the clause
        # on the verb.
        clause = [t for t in that_clause_after(noun.head) if t.i > noun.i]
        if clause:
            return clause, noun.text.lower()
    return [], ""


def _noun_holder(noun: Token) -> Token | None:
    """Whose statement or stance it is: a possessive, "by X", or the subject of "voiced", "expressed"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its",):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        return subject_of(noun.head)
    preposition = noun.head
    if (
        noun.dep_ == "pobj"
        and preposition.lower_ in ("with", "in")
        and preposition.head.pos_ in ("VERB", "AUX")
    ):
        # "stirred controversy with an assertion that …", "rallies in hopes of …": the one who acts.
        return subject_of(preposition.head)
    return None


def adjective_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`X is confident that …`, `X was critical of …`, `X seemed eager to …`."""
    doc = paragraph.doc
    for adjective in doc:
        if adjective.lemma_.lower() not in ATTITUDE_ADJECTIVES or in_quote(paragraph, adjective.idx):
            continue
        # "made (it) clear that …", however the parse hangs "clear" and the clause.
        make = (
            next((a for a in adjective.ancestors if a.lemma_.lower() == "make"), None)
            if adjective.lower_ in ("clear", "plain")
            else None
        )
        if adjective.dep_ != "acomp" and make is None:
            continue
        speaker = subject_of(make if make is not None else adjective.head)
        if not holds_views(speaker) or speaker.lower_ == "you":
            continue
        content = []
        for child in adjective.children:
            if child.dep_ in ("ccomp", "xcomp") or (
                child.dep_ == "prep" and child.lower_ in ("about", "of", "on", "over", "with", "that")
            ):
                content = list(child.subtree)[1:] if child.dep_ == "prep" else list(child.subtree)
                break
        if not content:
            # "has been clear that she has their backs": the clause hangs on the verb.
            that = next(
                (
                    t
                    for t in doc[adjective.i + 1 : adjective.sent.end]
                    if t.lower_ == "that" and t.dep_ == "mark"
                ),
                None,
            )
            if (
                that is not None
                and that.i <= adjective.i + 2
                and (make is not None or that.head.head == adjective.head or that.head.head == adjective)
            ):
                content = [t for t in that.head.subtree if t.i > that.i]
        if not content:
            continue
        start, end = trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
        if words_between(doc, start, end) < calibration.MIN_CLAUSE_WORDS:
            continue
        yield Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            f"{(make or adjective.head).text.lower()} {adjective.text.lower()}",
            phrase(speaker),
            speaker.i,
            "stance_adjectives",
            prior=calibration.STANCE_ADJECTIVE,
            rule="stance_adjective",
            cue_at=adjective.i,
        )


SPEECH_NOUNS_EXTRACTOR = Extractor("speech_nouns", 10, noun_claims)
STANCE_ADJECTIVES_EXTRACTOR = Extractor("stance_adjectives", 8, adjective_claims)
