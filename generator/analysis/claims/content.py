"""What a verb of speech or stance reports: its clause, infinitive, object or prepositional object."""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def content_of(verb: Token, broad: bool = False):
    """The words a reporting verb reports, how they were found, and the cue as written."""
    lemma = verb.lemma_.lower()
    cue = cue_text(verb)
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "ccomp"
        or (c.dep_ in ("acl", "relcl") and verb.pos_ == "NOUN" and c.left_edge.lower_ == "that")
    ]
    if lemma in ASPECT_VERBS and any(c.dep_ == "xcomp" and is_cue(c) for c in verb.children):
        return None  # "continues to insist that …": the inner verb reports it
    if not clauses and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS:
        clauses = [c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.i]
    if clauses:
        # A clause before the verb may be a misparsed opening ("While he acknowledged …, Ham
        # noted several …"): the clause after the verb is what it reports.
        after = [c for c in clauses if c.i > verb.i]
        if len(after) > 1 and all(b.left_edge.i == a.right_edge.i + 1 for a, b in zip(after, after[1:])):
            # "said the Iranians released by the United States were …": the parse splits one
            # clause in two.
            return (
                sorted({t for c in after for t in clause_tokens(c, verb)}, key=lambda t: t.i),
                "clause",
                cue,
            )
        clause = after[0] if after and len(clauses) > 1 else clauses[0]
        return clause_tokens(clause, verb) + _reason_after(verb, clause), "clause", cue
    misparsed = None if broad else _misparsed_clause(verb)
    if misparsed:
        return misparsed, "clause", cue
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if (
        own_subject
        and verb.dep_ == "advcl"
        and verb.i < verb.head.i
        and lemma in AS_VERBS
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        # "As many experts have pointed out, Mr. Trump is free to …": the main clause.
        return [t for t in verb.head.subtree if t.i > verb.i and not verb.is_ancestor(t)], "clause", cue
    # "…, his top aide, Tad Devine, told The Huffington Post": a closing attribution the parse
    # coordinates with the clause it reports, without "and".
    closing = (
        verb.dep_ == "conj"
        and not any(c.dep_ == "cc" for c in verb.head.children)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
    )
    if (
        not broad
        and own_subject
        and (
            verb.dep_ == "parataxis"
            or (
                (verb.dep_ in ("ccomp", "advcl") or closing)
                and verb.i > verb.head.i
                and is_parenthetical(verb)
            )
        )
    ):
        head = verb.head
        return [t for t in head.subtree if not (verb.is_ancestor(t) or t.i == verb.i)], "clause", cue
    if broad or lemma in XCOMP_VERBS:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
                tokens = list(child.subtree)
                if objects:
                    tokens = sorted(set(tokens) | set(objects[0].subtree), key=lambda t: t.i)
                return tokens, "xcomp", cue
    if lemma == "show" and is_source(subject_of(verb)):
        # "Polling averages show Clinton with a lead in the low single digits", "Video shows him
        # with his hands in the air": the object and what the verb says of it.
        findings = [
            t
            for c in verb.children
            if c.i > verb.i and c.dep_ in ("dobj", "prep", "advmod", "oprd", "acomp", "xcomp", "ccomp")
            for t in c.subtree
        ]
        if any(c.dep_ == "dobj" for c in verb.children):
            return sorted(findings, key=lambda t: t.i), "object", cue
    if (
        broad
        or lemma in OBJECT_VERBS
        or lemma not in NO_OBJECT_VERBS
        or (lemma in ("show", "find") and is_source(subject_of(verb)))
    ):
        naming = any(
            c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "ADJ", "PROPN") for c in verb.children
        )
        for child in verb.children:
            if (
                child.dep_ == "dobj"
                and (child.pos_ != "PRON" or naming)
                and child.ent_type_ not in ("DATE", "TIME")
                and child.lower_ not in ("so", "nothing", "something", "anything", "mind", "what", "whatever")
            ):
                tokens = list(child.subtree)
                for extra in verb.children:
                    to = extra.lower_ == "to" and lemma in (
                        "liken",
                        "compare",
                        "equate",
                    )  # "likened RT to the BBC"
                    if (extra.dep_ in ("oprd", "xcomp") and extra.i > child.i) or (
                        extra.dep_ == "prep"
                        and (extra.lower_ in ("as", "for", "of") or to)
                        and extra.i > child.i
                    ):
                        # "called her vote in favor of the war a mistake": the words between too.
                        tokens = list(verb.doc[child.left_edge.i : extra.right_edge.i + 1])
                return tokens, "object", cue
        naming = [
            c
            for c in verb.children
            if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN", "ADJ") and verb.i < c.left_edge.i < c.i
        ]
        if naming and not any(c.dep_ == "dobj" for c in verb.children):
            # "called the Republican frontrunner “ISIS’ best recruiter”", parsed without an object.
            return list(naming[0].subtree), "object", cue
    for child in verb.children:
        mark = next((m for m in child.children if m.dep_ == "mark" and m.lower_ == "for"), None)
        if (
            child.dep_ == "advcl"
            and mark is not None
            and mark.i == verb.i + 1
            and (broad or lemma in PREPOSITION_VERBS)
        ):
            # "has called for the strongholds to be hit harder": the for-to clause.
            return [t for t in child.subtree if t.i != mark.i], "clause", f"{cue} for"
    # "The experts, quoted by the newspaper, …": one who speaks, not what is said.
    about_source = lemma in ("quote", "cite", "interview", "ask", "tell", "contact", "reach", "brief")
    if any(c.dep_ == "agent" for c in verb.children) and not about_source:
        # "The issue was first reported by The Washington Post": what was reported is the subject;
        # "The bill, opposed by House Republicans, …": the noun the participle describes.
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ != "PRON"), None)
        if subject is not None:
            return list(subject.subtree), "object", cue
        if (
            verb.dep_ == "acl"
            and verb.head.pos_ in ("NOUN", "PROPN")
            and verb.tag_ == "VBN"
            and verb.i > verb.head.i
        ):
            return (
                [
                    t
                    for t in verb.head.subtree
                    if t.i < verb.i and not (t.dep_ == "punct" and t.i == verb.i - 1)
                ],
                "object",
                cue,
            )
    pronoun = any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children) or unattributed_verdict(verb)
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if pronoun and child.lower_ in ("of", "for", "with") and lemma in VERDICT_VERBS:
            # "accusing her of being asleep", "praised them for …": what they are said to have done.
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return list(objects[0].subtree), "preposition", cue_text(verb, child)
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
                return list(objects[0].subtree), "preposition", cue_text(verb, child)
    if not broad:
        return _detached_clause(verb, cue)
    return None


def _reason_after(verb: Token, clause: Token) -> list[Token]:
    """ "said it did not count them because …", "told them it is “peanuts,” compared to …":
    a reason or a comparison the parse hangs on the verb, right after the reported clause."""
    for child in verb.children:
        gap = verb.doc[clause.right_edge.i + 1 : child.left_edge.i]
        if (
            child.i > clause.i
            and all(t.is_punct for t in gap)
            and (
                (
                    child.dep_ == "advcl"
                    and any(m.dep_ == "mark" and m.lower_ == "because" for m in child.children)
                )
                or (child.dep_ == "prep" and child.lower_ == "compared")
            )
        ):
            return [*gap, *child.subtree]
    return []


def _misparsed_clause(verb: Token) -> list[Token]:
    """A reported clause the parse did not hang as a clause of its verb."""
    for child in verb.children:
        if (
            child.dep_ == "xcomp"
            and child.tag_ == "VBG"
            and any(g.dep_ == "ccomp" and any(s.dep_ == "nsubj" for s in g.children) for g in child.children)
        ):
            # "He said legalizing it could put thousands to work": the gerund is the subject
            # of the clause, not a complement of "said".
            return list(child.subtree)
    if (
        verb.dep_ == "acl"
        and verb.head.dep_ == "nsubj"
        and verb.tag_ in ("VBD", "VBN")
        and len(list(verb.subtree)) <= 4
    ):
        main = verb.head.head
        if main.pos_ in ("VERB", "AUX") and not is_cue(main) and main.lemma_.lower() not in ATTITUDE_VERBS:
            # "Multiple outlets reported on Wednesday the Secret Service had …", with
            # "reported" read into the subject: what follows it is what was reported.
            end = max(t.i for t in verb.subtree)
            return [t for t in main.subtree if t.i > end]
    for child in verb.children:
        if (
            child.dep_ == "advcl"
            and child.i > verb.i
            and verb.lemma_.lower() in ("ask", "wonder", "question")
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children)
        ):
            return list(child.subtree)  # "asked the students if they were always so serious"
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i == verb.i + 1:
            return list(child.subtree)  # "reported raising $9 million", "admitted taking the money"
        if child.dep_ == "advcl" and child.i > verb.i and finite_clause(child):
            # "Trump said after the convention he would not accept …", "tweeted in the early
            # hours that Machado was …": a complement the parse read as an adverbial clause.
            return [t for t in child.subtree if not (t.i == child.left_edge.i and t.lower_ == "that")]
    return that_clause_after(verb)


def _detached_clause(verb: Token, cue: str):
    """`continues to insist, …, that he …` parsed with the that-clause as the sentence's root:
    the clause after "that" is what the verb reports."""
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if (
            token.dep_ == "mark"
            and token.lower_ == "that"
            and token.head.i > token.i
            and token.head.is_ancestor(verb)
        ):
            return (
                [
                    t
                    for t in token.head.subtree
                    if t.i > token.i and not verb.is_ancestor(t) and t.i != verb.i
                ],
                "clause",
                cue,
            )
    return None
