"""What a verb of speech or stance reports: its clause, infinitive, object or prepositional object.

`find_content` tries the `CONTENT_FINDERS` in order; the first that answers decides. Each
finder is a small function with an example of its own (`tests/test_rules.py` runs them
all), so a new reading of the parse is a new finder in the list, not a branch in a hub.
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from generator.analysis.claims.base import STOP, Content, ContentFinder, Finding, finder
from generator.analysis.claims.speaker import subject_of
from generator.analysis.lexicon import (
    AS_VERBS,
    ASPECT_VERBS,
    ATTITUDE_VERBS,
    CONTENT_IN,
    CONTENT_ON,
    CONTENT_PREPOSITIONS,
    CONTENT_TO,
    NO_OBJECT_VERBS,
    OBJECT_VERBS,
    PREPOSITION_VERBS,
    VERDICT_VERBS,
    XCOMP_VERBS,
)
from generator.analysis.syntax import (
    clause_tokens,
    cue_text,
    finite_clause,
    is_cue,
    is_parenthetical,
    is_source,
    that_clause_after,
    unattributed_verdict,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def find_content(verb: Token, broad: bool = False) -> Content | None:
    """The words a reporting verb reports, how they were found, and the cue as written."""
    found = decide_content(verb, broad)[1]
    return found if isinstance(found, Content) else None


def decide_content(verb: Token, broad: bool = False) -> tuple[ContentFinder | None, Finding]:
    """The finder that decides what a verb reports, and its answer."""
    for content_finder in CONTENT_FINDERS:
        found = content_finder.find(verb, broad)
        if found is not None:
            return content_finder, found
    return None, None


def _content(tokens: list[Token], how, verb: Token, cue: str | None = None, rule: str = "") -> Content:
    return Content(tokens, how, cue if cue is not None else cue_text(verb), rule)


def _clauses(verb: Token) -> list[Token]:
    """The clauses a verb reports: its complements, or a noun-verb's that-clause; for
    "continues to insist that …", the clause the aspect verb holds."""
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "ccomp"
        or (c.dep_ in ("acl", "relcl") and verb.pos_ == "NOUN" and c.left_edge.lower_ == "that")
    ]
    if not clauses and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS:
        clauses = [c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.i]
    return clauses


@finder("She continues to insist that the vote was rigged.", "continues", None)
def aspect_verb(verb: Token, broad: bool) -> Finding:
    """ "continues to insist that …": the inner verb reports it, not the aspect verb."""
    if verb.lemma_.lower() in ASPECT_VERBS and any(c.dep_ == "xcomp" and is_cue(c) for c in verb.children):
        return STOP
    return None


@finder(
    "The spokesman said the Russians released by Ukraine were in good health.",
    "said",
    "the Russians released by Ukraine were in good health",
)
def split_clause(verb: Token, broad: bool) -> Finding:
    """ "said the Iranians released by the United States were …": one clause the parse splits in two."""
    after = [c for c in _clauses(verb) if c.i > verb.i]
    if len(after) > 1 and all(b.left_edge.i == a.right_edge.i + 1 for a, b in pairwise(after)):
        tokens = sorted({t for c in after for t in clause_tokens(c, verb)}, key=lambda t: t.i)
        return _content(tokens, "clause", verb, rule="split_clause")
    return None


@finder(
    "Senator John Reed warned that the bill would raise prices for families.",
    "warned",
    "the bill would raise prices for families",
)
def reported_clause(verb: Token, broad: bool) -> Finding:
    """ "warned that the bill would …": the reported clause, with a reason or comparison the
    parse hangs on the verb right after it. Of two clauses, the one after the verb (the
    other is a misparsed opening: "While he acknowledged …, Ham noted several …")."""
    clauses = _clauses(verb)
    if not clauses:
        return None
    after = [c for c in clauses if c.i > verb.i]
    clause = after[0] if after and len(clauses) > 1 else clauses[0]
    return _content(
        clause_tokens(clause, verb) + _reason_after(verb, clause), "clause", verb, rule="reported_clause"
    )


@finder(
    "He said banning it could put thousands out of work.",
    "said",
    "banning it could put thousands out of work",
)
def gerund_subject(verb: Token, broad: bool) -> Finding:
    """ "He said legalizing it could put thousands to work": the gerund is the subject of the
    reported clause, not a complement of "said"."""
    if broad:
        return None
    for child in verb.children:
        if (
            child.dep_ == "xcomp"
            and child.tag_ == "VBG"
            and any(g.dep_ == "ccomp" and any(s.dep_ == "nsubj" for s in g.children) for g in child.children)
        ):
            return _content(list(child.subtree), "clause", verb, rule="gerund_subject")
    return None


@finder(
    "Multiple outlets reported on Wednesday the company had lost the contract.",
    "reported",
    "the company had lost the contract",
)
def verb_read_into_subject(verb: Token, broad: bool) -> Finding:
    """ "Multiple outlets reported on Wednesday the Secret Service had …", with "reported"
    read into the subject: what follows it is what was reported."""
    if broad or not (
        verb.dep_ == "acl"
        and verb.head.dep_ == "nsubj"
        and verb.tag_ in ("VBD", "VBN")
        and len(list(verb.subtree)) <= 4
    ):
        return None
    main = verb.head.head
    if main.pos_ in ("VERB", "AUX") and not is_cue(main) and main.lemma_.lower() not in ATTITUDE_VERBS:
        end = max(t.i for t in verb.subtree)
        tokens = [t for t in main.subtree if t.i > end]
        return _content(tokens, "clause", verb, rule="verb_read_into_subject") if tokens else None
    return None


@finder("The mayor admitted taking the money from the fund.", "admitted", "taking the money from the fund")
def misread_complement(verb: Token, broad: bool) -> Finding:
    """A complement the parse hangs as something else: "asked the students if they were …",
    "reported raising $9 million", "said after the convention he would not accept …"."""
    if broad:
        return None
    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and verb.lemma_.lower() in ("ask", "wonder", "question")
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children)
        ):
            return _content(list(child.subtree), "clause", verb, rule="misread_complement")
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i == verb.i + 1:
            return _content(list(child.subtree), "clause", verb, rule="misread_complement")
        if child.dep_ == "advcl" and child.i > verb.i and finite_clause(child):
            tokens = [t for t in child.subtree if not (t.i == child.left_edge.i and t.lower_ == "that")]
            return _content(tokens, "clause", verb, rule="misread_complement")
    return None


@finder(
    "The mayor told a meeting of local leaders that few people understood the budget.",
    "told",
    "few people understood the budget",
)
def misread_that_clause(verb: Token, broad: bool) -> Finding:
    """ "told a meeting of leaders that few people understood …": a that-clause the parse
    reads as a relative clause of the noun before it."""
    if broad:
        return None
    tokens = that_clause_after(verb)
    return _content(tokens, "clause", verb, rule="misread_that_clause") if tokens else None


@finder(
    "As many experts have pointed out, the governor is free to veto the bill.",
    "pointed",
    "the governor is free to veto the bill",
)
def as_clause(verb: Token, broad: bool) -> Finding:
    """ "As many experts have pointed out, Mr. Trump is free to …": the main clause."""
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if (
        own_subject
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and verb.lemma_.lower() in AS_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        tokens = [t for t in verb.head.subtree if t.i > verb.i and not verb.is_ancestor(t)]
        return _content(tokens, "clause", verb, rule="as_clause")
    return None


@finder("The talks, Lopez said on Monday, had failed.", "said", "The talks, Lopez said on Monday, had failed")
def parenthetical(verb: Token, broad: bool) -> Finding:
    """ "…, Senator Reed argued", and "…, his top aide, Tad Devine, told The Huffington Post"
    (a closing attribution coordinated with the clause it reports, without "and")."""
    if broad or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    closing = (
        verb.dep_ == "conj"
        and not any(c.dep_ == "cc" for c in verb.head.children)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    )
    after_clause = (verb.dep_ in ("ccomp", "advcl") or closing) and verb.i > verb.head.i
    if verb.dep_ == "parataxis" or (after_clause and is_parenthetical(verb)):
        tokens = [t for t in verb.head.subtree if not (verb.is_ancestor(t) or t.i == verb.i)]
        return _content(tokens, "clause", verb, rule="parenthetical")
    return None


@finder(
    "Trade Commissioner Lena Voss urged member states to ratify the agreement quickly.",
    "urged",
    "member states to ratify the agreement quickly",
)
def infinitive(verb: Token, broad: bool) -> Finding:
    """ "vowed to fight", "urged them to leave": the infinitive, with the object it applies to."""
    if not (broad or verb.lemma_.lower() in XCOMP_VERBS):
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            tokens = list(child.subtree)
            if objects:
                tokens = sorted(set(tokens) | set(objects[0].subtree), key=lambda t: t.i)
            return _content(tokens, "xcomp", verb, rule="infinitive")
    return None


@finder(
    "Polling averages show the senator with a lead in the low single digits.",
    "show",
    "the senator with a lead in the low single digits",
)
def source_shows(verb: Token, broad: bool) -> Finding:
    """ "Polling averages show Clinton with a lead …", "Video shows him with his hands in the
    air": what a poll or document shows is its object and what is said of it."""
    if verb.lemma_.lower() != "show" or not is_source(subject_of(verb)):
        return None
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None
    parts = ("dobj", "prep", "advmod", "oprd", "acomp", "xcomp", "ccomp")
    findings = [t for c in verb.children if c.i > verb.i and c.dep_ in parts for t in c.subtree]
    return _content(sorted(findings, key=lambda t: t.i), "object", verb, rule="source_shows")


def _takes_object(verb: Token, broad: bool) -> bool:
    """Whether the verb's object is what was said ("denied the report"), unlike "told reporters"."""
    lemma = verb.lemma_.lower()
    return (
        broad
        or lemma in OBJECT_VERBS
        or lemma not in NO_OBJECT_VERBS
        or (lemma in ("show", "find") and is_source(subject_of(verb)))
    )


_NO_CONTENT = ("so", "nothing", "something", "anything", "mind", "what", "whatever")


@finder("Minister Ruth Banda denied the report about the border.", "denied", "the report about the border")
def direct_object(verb: Token, broad: bool) -> Finding:
    """ "denied the report", and "called her vote in favor of the war a mistake" or "likened
    RT to the BBC" with the words between the object and its complement."""
    if not _takes_object(verb, broad):
        return None
    lemma = verb.lemma_.lower()
    naming = any(c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ", "PROPN") for c in verb.children)
    for child in verb.children:
        if (
            child.dep_ == "dobj"
            and (child.pos_ != "PRON" or naming)
            and child.ent_type_ not in ("DATE", "TIME")
            and child.lower_ not in _NO_CONTENT
        ):
            tokens = list(child.subtree)
            for extra in verb.children:
                to = extra.lower_ == "to" and lemma in ("liken", "compare", "equate")
                complement = extra.dep_ in ("oprd", "xcomp") or (
                    extra.dep_ == "prep" and (extra.lower_ in ("as", "for", "of") or to)
                )
                if complement and extra.i > child.i:
                    tokens = list(verb.doc[child.left_edge.i : extra.right_edge.i + 1])
            return _content(tokens, "object", verb, rule="direct_object")
    return None


@finder(
    "The mayor called both Lopez and Republican candidate Ana Ruiz “reckless”.",
    "called",
    "both Lopez and Republican candidate Ana Ruiz",
)
def naming_complement(verb: Token, broad: bool) -> Finding:
    """ "called the Republican frontrunner “ISIS’ best recruiter”", parsed without an object."""
    if not _takes_object(verb, broad) or any(c.dep_ == "dobj" for c in verb.children):
        return None
    naming = [
        c
        for c in verb.children
        if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN", "ADJ") and verb.i < c.left_edge.i < c.i
    ]
    return _content(list(naming[0].subtree), "object", verb, rule="naming_complement") if naming else None


@finder(
    "The minister has called for the strongholds to be hit harder.",
    "called",
    "the strongholds to be hit harder",
)
def for_clause(verb: Token, broad: bool) -> Finding:
    """ "has called for the strongholds to be hit harder": the for-to clause."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        mark = next((m for m in child.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if (
            child.dep_ == "advcl"
            and mark is not None
            and mark.i == verb.i + 1
            and (broad or lemma in PREPOSITION_VERBS)
        ):
            tokens = [t for t in child.subtree if t.i != mark.i]
            return _content(tokens, "clause", verb, f"{cue_text(verb)} for", rule="for_clause")
    return None


# Verbs whose agent is a source, not the one who holds the view: "quoted by the newspaper".
_ABOUT_SOURCE = ("quote", "cite", "interview", "ask", "tell", "contact", "reach", "brief")


def _by_agent(verb: Token) -> bool:
    return any(c.dep_ == "agent" for c in verb.children) and verb.lemma_.lower() not in _ABOUT_SOURCE


@finder("The plan was first reported by the local newspaper.", "reported", "The plan")
def passive_subject(verb: Token, broad: bool) -> Finding:
    """ "The issue was first reported by The Washington Post": what was reported is the subject."""
    if not _by_agent(verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"), None)
    return _content(list(subject.subtree), "object", verb, rule="passive_subject") if subject else None


@finder("The bill, opposed by most farmers, passed on Tuesday.", "opposed", "The bill")
def participle_noun(verb: Token, broad: bool) -> Finding:
    """ "The bill, opposed by House Republicans, …": the noun the participle describes."""
    if not _by_agent(verb) or any(c.dep_ == "nsubjpass" and c.pos_ != "PRON" for c in verb.children):
        return None
    if (
        verb.dep_ == "acl"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.tag_ == "VBN"
        and verb.i > verb.head.i
    ):
        tokens = [
            t for t in verb.head.subtree if t.i < verb.i and not (t.dep_ == "punct" and t.i == verb.i - 1)
        ]
        return _content(tokens, "object", verb, rule="participle_noun")
    return None


@finder("The senator accused her of ignoring the farmers.", "accused", "ignoring the farmers")
def prepositional_object(verb: Token, broad: bool) -> Finding:
    """ "accusing her of being asleep" (a verdict on someone), "talked about the deal",
    "referred to the report", "believes in X": the object of the preposition."""
    lemma = verb.lemma_.lower()
    pronoun = any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children) or unattributed_verdict(verb)
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if pronoun and child.lower_ in ("of", "for", "with") and lemma in VERDICT_VERBS:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return _content(
                    list(objects[0].subtree),
                    "preposition",
                    verb,
                    cue_text(verb, child),
                    "prepositional_object",
                )
        allowed = (
            child.lower_ in CONTENT_PREPOSITIONS
            or (child.lower_ == "to" and lemma in CONTENT_TO)
            or (child.lower_ == "on" and lemma in CONTENT_ON)
            or (child.lower_ == "in" and lemma in CONTENT_IN)
        )
        if allowed and (broad or lemma in PREPOSITION_VERBS or lemma in CONTENT_IN):
            objects = [
                c
                for c in child.children
                if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in ("DATE", "TIME", "CARDINAL")
            ]
            if objects:
                return _content(
                    list(objects[0].subtree),
                    "preposition",
                    verb,
                    cue_text(verb, child),
                    "prepositional_object",
                )
    return None


@finder(
    "We have always argued, since the war began, that the blockade must end.",
    "argued",
    "the blockade must end",
)
def detached_clause(verb: Token, broad: bool) -> Finding:
    """`continues to insist, …, that he …` parsed with the that-clause as the sentence's root:
    the clause after "that" is what the verb reports."""
    if broad:
        return None
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if (
            token.dep_ == "mark"
            and token.lower_ == "that"
            and token.head.i > token.i
            and token.head.is_ancestor(verb)
        ):
            tokens = [
                t for t in token.head.subtree if t.i > token.i and not verb.is_ancestor(t) and t.i != verb.i
            ]
            return _content(tokens, "clause", verb, rule="detached_clause")
    return None


CONTENT_FINDERS: tuple[ContentFinder, ...] = (
    aspect_verb,
    split_clause,
    reported_clause,
    gerund_subject,
    verb_read_into_subject,
    misread_complement,
    misread_that_clause,
    as_clause,
    parenthetical,
    infinitive,
    source_shows,
    direct_object,
    naming_complement,
    for_clause,
    passive_subject,
    participle_noun,
    prepositional_object,
    detached_clause,
)
"""In the order they are asked; the first that answers decides."""


def _reason_after(verb: Token, clause: Token) -> list[Token]:
    """ "said it did not count them because …", "told them it is “peanuts,” compared to …":
    a reason or a comparison the parse hangs on the verb, right after the reported clause."""
    for child in verb.children:
        gap = verb.doc[clause.right_edge.i + 1 : child.left_edge.i]
        because = child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "because" for m in child.children
        )
        compared = child.dep_ == "prep" and child.lower_ == "compared"
        if child.i > clause.i and all(t.is_punct for t in gap) and (because or compared):
            return [*gap, *child.subtree]
    return []
