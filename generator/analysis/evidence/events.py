"""Events: what was done or happened, told as fact ("the tanker was seized on Friday").

An event is a clause in the past or the perfect whose verb is an action: not a state or a habit of
mind ("needed", "believed"), not something said (that is a claim), not a hypothesis, a plan, a
negation or a question. It keeps what dates it ("On Monday, …", "After the ferry was detained, …")
and loses what might follow from it ("… over fears it would …").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.analysis.evidence.spans import MODALS, Candidate, clause_span, is_modal, subject_of
from generator.analysis.evidence.voice import content_nouns
from generator.analysis.lexicon import (
    ABSTRACT_NOUNS,
    COGNITION_VERBS,
    FACTIVE_VERBS,
    OPINION_WORDS,
    PUBLICATION_VERBS,
    SPEECH_VERBS,
    STANCE_NOUNS,
    STATE_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_EVENT_DEPS = frozenset({"ROOT", "conj", "ccomp"})
_SPOKEN_DEPS = frozenset({"ccomp", "xcomp", "parataxis"})
_WHEN = frozenset({"after", "as", "when", "before", "since", "until", "once"})
_PERSONAL = frozenset({"i", "we", "you", "it", "this", "that", "there", "what", "who"})
_PERFECT = frozenset({"has", "have", "had", "'ve", "’ve", "'d", "’d"})
_PAST_BE = frozenset({"was", "were", "been", "had"})
_PRESENT_BE = frozenset({"is", "are", "'s", "’s", "'re", "’re"})
_NEGATIONS = frozenset({"never", "not", "n't", "n’t", "no"})
_NONE = frozenset({"no", "none", "nobody", "nothing", "neither"})
# "have always been kept confidential": a habit, not an event.
_HABITUAL = frozenset({"always", "usually", "often", "generally", "routinely", "typically"})


def find_events(sentence: Span) -> Iterator[Candidate]:
    """Clauses that report something done or something that happened."""
    for verb in sentence:
        if not (verb.dep_ in _EVENT_DEPS or _temporal(verb)) or not _is_event(verb):
            continue
        # "When Obama took office, he met …": the dating event is part of the event it dates
        # (the clause it hangs in, through a noun: "… nine launches since Trump was inaugurated"),
        # and an item of its own only when what it dates is not an event ("After he was
        # dismissed, Lapid said …").
        dated = next((a for a in verb.ancestors if a.dep_ in _EVENT_DEPS and a.pos_ in ("VERB", "AUX")), None)
        if _temporal(verb) and dated is not None and _is_event(dated) and not says(dated):
            continue
        dating = (
            (lambda child: (_temporal(child) and _is_event(child)) or setting(child))
            if not says(verb)
            else None
        )
        start, end = clause_span(verb, keep=dating, drop=_hypothetical(verb) | _asides(verb))
        if end > start:
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            yield Candidate(start, end, "fact" if passive else "event", verb.i)


def _is_event(verb: Token) -> bool:
    """Whether a verb tells an event by its form: tense, lemma, subject, no modal or negation."""
    # The small model sometimes tags a verb as an adjective ("no longer abstain"); a root with a
    # subject is a predicate whatever its tag.
    predicate = verb.pos_ in ("VERB", "AUX") or (verb.dep_ == "ROOT" and subject_of(verb) is not None)
    if not predicate or not completed(verb):
        return False
    lemma = verb.lemma_.lower()
    if lemma in STATE_VERBS or lemma in COGNITION_VERBS or lemma in OPINION_WORDS:
        return False
    if lemma == "be" and not any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    if is_modal(verb) or _negated(verb) or any(c.lower_ in _HABITUAL for c in verb.children):
        return False
    if _stance(verb):
        return False
    subject = subject_of(verb)
    if subject is None or subject.lower_ in _PERSONAL:
        return False
    # "Frustration has come into relief", "a consensus has emerged": a figure of speech.
    if subject.dep_ == "nsubj" and subject.lemma_.lower() in ABSTRACT_NOUNS:
        return False
    # "… and then went": a coordinated verb shares the tense of the first.
    return verb.dep_ != "conj" or completed(verb.head)


def said_of(verb: Token) -> bool:
    """A verb of saying in the passive, with no words said ("the comment was criticised by the
    party", "the case was highlighted in a film"): what was done to its subject is an event."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or reports_speech(verb):
        return False
    said = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "prep")]
    said += [g for c in said if c.dep_ == "prep" for g in c.children if g.dep_ == "pcomp"]
    return not any(c.lemma_.lower() in SPEECH_VERBS and c.pos_ == "VERB" for c in said)


def _hypothetical(verb: Token) -> frozenset[int]:
    """The phrases after an event that tell what might follow ("… over fears it would hurt his
    drive"): the smallest phrase that holds each modal, which is not part of what happened."""
    cut: set[int] = set()
    for modal in verb.subtree:
        # "… in a trail where troops would pass" describes the trail: only a clause of what
        # might happen ("fears it would hurt") is cut.
        if (
            modal.dep_ != "aux"
            or modal.lower_ not in MODALS
            or modal.head.i == verb.i
            or modal.head.dep_ == "relcl"
        ):
            continue
        phrase = next(
            (a for a in modal.ancestors if a.dep_ in ("prep", "advcl") and a.i > verb.i),
            None,
        )
        if phrase is not None and verb in phrase.ancestors:
            cut.update(t.i for t in phrase.subtree)
    return frozenset(cut)


def _asides(verb: Token) -> frozenset[int]:
    """What an event holds that did not happen: the question it asks ("are investigating whether
    …") and the belief it happened amid ("… amid concerns that the master had taken bribes")."""
    cut: set[int] = set()
    for child in verb.children:
        if child.i < verb.i:
            continue
        # Not "tested what officials say was a torpedo", whose clause is its object.
        question = child.dep_ in ("ccomp", "xcomp") and any(
            c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in child.children
        )
        nouns = [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        belief = any(n.lemma_.lower() in content_nouns() and _holds_that(n) for n in nouns)
        if question or belief:
            cut.update(t.i for t in child.subtree)
    return frozenset(cut)


def _holds_that(noun: Token) -> bool:
    """A noun with a that-clause of what it holds ("concerns that he had lied"), not a relative
    clause that describes it ("a threat (which was the case …)")."""
    for clause in noun.children:
        subject = subject_of(clause)
        if (
            clause.dep_ in ("acl", "relcl", "ccomp")
            and clause.left_edge.lower_ == "that"
            and subject is not None
        ):
            return subject.lower_ not in ("that", "which")
    return False


def setting(child: Token) -> bool:
    """A preposed phrase of when or where ("On Monday night, …", "At a meeting in Singapore in June, …")."""
    return child.dep_ in ("prep", "npadvmod") and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree)


def _temporal(verb: Token) -> bool:
    """A clause that dates another by an event ("After he was dismissed on Tuesday, …")."""
    return verb.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN for c in verb.children
    )


def says(verb: Token) -> bool:
    """A verb of saying, which introduces a claim rather than reporting an act: "called off the
    summit", "announced the tariffs" and "pleaded guilty" are acts; "announced he would go" is not."""
    lemma = verb.lemma_.lower()
    if _as_saying(verb):
        return True
    if lemma in FACTIVE_VERBS:
        return reports_speech(verb)
    if lemma not in SPEECH_VERBS or any(c.dep_ == "prt" and c.lower_ in ("off", "up") for c in verb.children):
        return False
    return lemma not in PUBLICATION_VERBS or reports_speech(verb)


def _as_saying(verb: Token) -> bool:
    """ "Was quoted as saying", "was cited as telling reporters": a verb that frames speech."""
    return any(
        c.dep_ == "prep"
        and c.lower_ == "as"
        and any(g.dep_ == "pcomp" and g.lemma_.lower() in SPEECH_VERBS for g in c.children)
        for c in verb.children
    )


def reports_speech(verb: Token) -> bool:
    """A verb with a clause or a quotation for its complement ("said the deal was dead")."""
    return any(c.dep_ in _SPOKEN_DEPS or c.is_quote for c in verb.children)


def completed(verb: Token) -> bool:
    """Past, perfect or past progressive ("fired", "has fired", "was firing", "had been fired"), or a
    change of state in the present ("no longer abstain")."""
    if verb.tag_ == "VBD" or _no_longer(verb):
        return True
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBN":
        return bool(auxiliaries & (_PERFECT | _PAST_BE))
    if verb.tag_ == "VBG":
        # "Prosecutors are investigating": an action under way is told as much as one done, but
        # not "is going to" (a plan), nor by a pronoun ("they are igniting a debate"), which in the
        # present tells a view of the story more often than a doing.
        subject = subject_of(verb)
        under_way = (
            auxiliaries & _PRESENT_BE
            and not any(c.dep_ == "xcomp" for c in verb.children)
            and subject is not None
            and subject.pos_ != "PRON"
        )
        return bool(auxiliaries & {"was", "were"}) or bool(under_way)
    return False


def _no_longer(verb: Token) -> bool:
    return any(
        c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
        for c in verb.children
    )


def _negated(verb: Token) -> bool:
    """ "did not go", "never met", "no evidence was produced", "made no mention", "said nothing"."""
    if any(c.dep_ in ("neg", "advmod") and c.lower_ in _NEGATIONS for c in verb.children):
        return True
    if _no_longer(verb):
        return False
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (
            child.lower_ in _NONE or any(c.dep_ == "det" and c.lower_ in _NONE for c in child.children)
        ):
            return True
    return False


def _stance(verb: Token) -> bool:
    """An act whose object is speech ("joined calls for a probe", "rejected the criticism"): a claim."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in STANCE_NOUNS for c in verb.children)
