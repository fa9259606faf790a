"""Documents: a report, study, poll, law, letter, ruling or statement that the article cites.

A document is cited when the article says where it came from ("a statement from the ministry", "a
book published this week"), cites it ("said in a statement", "according to the report"), tells what
it says ("a new poll shows that …"), or at its first mention says whose it is ("Darroch's letter");
a proceeding (a speech, an inquiry, a bill) only in the first three ways. A noun that merely happens
to be "report" is not a document cited, nor is "another report" or "the previous recordings".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from generator.analysis.evidence.events import completed, setting
from generator.analysis.evidence.spans import MAX_WORDS, Candidate, clause_span, is_modal, token_span
from generator.analysis.lexicon import (
    CITED_NOUNS,
    FACTIVE_VERBS,
    PROCEEDING_NOUNS,
    PUBLICATION_VERBS,
    REPORTING_VERBS,
    SPEECH_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NAMES = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LAW", "WORK_OF_ART", "EVENT"})
_SOURCE_PREPOSITIONS = frozenset({"from", "by", "on"})
_CITING_PREPOSITIONS = frozenset({"in", "to"})
_AUTHOR_WORDS = 16
_ANY = frozenset({"any", "another", "every", "no", "each"})
_OTHER = frozenset({"second", "further", "previous", "earlier", "past", "prior", "future"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
_SHOWING = frozenset(
    {"show", "find", "reveal", "suggest", "conclude", "say", "state", "note", "warn", "include"}
)


def find_documents(sentence: Span) -> Iterator[Candidate]:
    """Cited documents: the noun phrase that names each, or the clause in which one speaks."""
    for token in sentence:
        if not _is_document(token) or _hypothetical(token):
            continue
        strong = _cited_firmly(token)
        if not strong and (_lemma(token) in PROCEEDING_NOUNS or not _cited_by_owner(token)):
            continue
        start, end = _phrase(token)
        said = _what_it_says(token)
        author = _author(token)
        if said is not None:
            # "A new poll shows that …", "said in a court filing that …": the document with what it
            # says, when that is something that happened (not a plan, a denial or a quotation).
            own = said.head.i == token.i or token.dep_ == "pobj"
            start, end = (start, token_span(list(said.subtree))[1]) if own else clause_span(token.head)
        elif author is not None:
            # "In its latest report, the IOM said …": the document with whose it is.
            end = max(end, token_span(list(author.subtree))[1])
        elif _issued(token):
            # "In June, the two leaders issued a joint statement": who issued it and when.
            outside = frozenset(t.i for t in token.subtree if not start <= t.idx < end)
            start, end = clause_span(token.head, keep=setting, drop=outside)
        if end > start:
            yield Candidate(start, end, "document", token.i, firm=strong)


def document_words(sentence: Span) -> set[str]:
    """The lemmas of the documents a sentence mentions, cited or not ("the book", "a statement")."""
    return {_lemma(t) for t in sentence if _is_document(t)}


def owner(noun: Token) -> str | None:
    """The last word of the name that owns a document ("Sands" in "Mr Sands' book"), lowercased."""
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.tag_ != "PRP$"), None)
    return poss.lower_ if poss is not None else None


def _is_document(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if (lemma not in CITED_NOUNS and lemma not in PROCEEDING_NOUNS) or token.dep_ == "compound":
        return False
    # "Mr Law", "Jack Act": a name, not a document.
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", ""))


def _what_it_says(noun: Token) -> Token | None:
    """The clause a document says, after it: its own ("the report says that …") or the one of the verb
    it is cited in ("said in a statement that …"), when the verb takes no side."""
    verb = (
        noun.head if noun.dep_ in ("nsubj", "nsubjpass") else noun.head.head if noun.dep_ == "pobj" else None
    )
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if noun.dep_ == "pobj" and speaker is not None and _lemma(verb) in SPEECH_VERBS and _person(speaker):
        return None  # "Hunt said in a statement that he was saddened": what Hunt says is his claim
    own = next((c for c in noun.children if _content_clause(c)), None)
    if own is not None:
        return own if _happened(own) else None  # "a court filing that Manafort had lied"
    # Only what it tells without taking a side ("says", "shows", "found"), not what it claims.
    if (
        verb is None
        or _lemma(verb) not in REPORTING_VERBS | FACTIVE_VERBS
        or (noun.dep_ == "pobj" and noun.head.lower_ not in _CITING_PREPOSITIONS)
    ):
        return None
    if noun.dep_ == "pobj" and noun.i < verb.i:
        return None  # "In a statement, the ministry said …": the statement is its phrase
    content = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > noun.i), None)
    return content if content is not None and _happened(content) else None


def _content_clause(child: Token) -> bool:
    """ "a filing that Manafort had lied": a that-clause with its own subject, which says what the
    document says (the parser may take it for a relative clause)."""
    if child.dep_ not in ("acl", "ccomp", "relcl") or child.left_edge.lower_ != "that":
        return False
    subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ != "that"


def _person(subject: Token) -> bool:
    """A person, not a body ("Hunt", "she", "the deputy speaker Haider al-Abadi"; not "prosecutors"
    or "the ministry")."""
    named = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    return any(t.ent_type_ == "PERSON" for t in named) or subject.lower_ in ("he", "she", "i", "we")


def _happened(clause: Token) -> bool:
    return (
        clause.tag_ in ("VBD", "VBN")
        and not is_modal(clause)
        and not any(c.dep_ == "neg" for c in clause.children)
    )


def _author(noun: Token) -> Token | None:
    """The subject (of at most 16 tokens) of the verb of saying that cites a preposed document
    ("In a book published this week, Philippe Sands says …" gives Philippe Sands)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in _CITING_PREPOSITIONS:
        return None
    verb = noun.head.head
    if not _speaks(verb) or noun.i > verb.i:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > noun.i), None)
    if subject is None or subject.pos_ == "PRON" or len(list(subject.subtree)) > _AUTHOR_WORDS:
        return None
    return subject


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _speaks(verb: Token) -> bool:
    return _lemma(verb) in SPEECH_VERBS or _lemma(verb) in _SHOWING


def _named(token: Token) -> bool:
    """A word of a name or a date: it says whose, or which, the document is."""
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMES


def _hypothetical(noun: Token) -> bool:
    """ "any agreement", "a second resolution", "another report": a document that is not there."""
    return any(
        (c.dep_ == "det" and c.lower_ in _ANY) or (c.dep_ == "amod" and c.lower_ in _OTHER)
        for c in noun.children
    )


def _issued(noun: Token) -> bool:
    """ "Issued a joint statement", "released a report": a document at its first mention, as what
    its subject put out."""
    if noun.dep_ != "dobj" or _lemma(noun.head) not in PUBLICATION_VERBS or not completed(noun.head):
        return False  # "will deliver his Budget": not yet put out
    return not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)


def _cited_firmly(noun: Token) -> bool:
    """Whether the article says where a document came from or what it tells: "a statement from the
    ministry", "a report published on Monday", "the poll shows that …", "said in a statement"."""
    for child in noun.children:
        if (
            child.dep_ == "prep"
            and child.lower_ in _SOURCE_PREPOSITIONS
            and any(_named(t) for t in child.subtree)
        ):
            return True
        if child.dep_ in ("acl", "relcl") and _lemma(child) in PUBLICATION_VERBS:
            return True
        if child.dep_ == "appos" and any(_named(t) for t in child.subtree):
            return True
        # "a letter warning Iranian leaders …", "a report saying …": what it says.
        if (
            child.dep_ == "acl"
            and child.tag_ == "VBG"
            and _speaks(child)
            and any(g.dep_ in ("dobj", "ccomp", "xcomp") for g in child.children)
        ):
            return True
    if _issued(noun):
        return True
    head = noun.head
    # "A new poll shows that …" with what it shows; "a statement said" alone tells nothing.
    if noun.dep_ in ("nsubj", "nsubjpass") and _speaks(head) and _what_it_says(noun) is not None:
        return True
    # "said in a statement", "according to the report", "wrote in a letter to …"; not "responding
    # to the statement", which answers a document rather than cites it, nor "according to press
    # reports", which names none.
    if noun.dep_ == "pobj" and head.lower_ in _CITING_PREPOSITIONS:
        verb = head.head
        if verb.lower_ == "according":
            return noun.tag_ != "NNS" or any(_named(t) for t in noun.subtree)
        return head.lower_ == "in" and _lemma(verb) in SPEECH_VERBS
    return False


def _cited_by_owner(noun: Token) -> bool:
    """Whether the article says whose a text is at its first mention ("a Cleveland Plain Dealer
    editorial", "Darroch's letter"); "the Cotton letter" only refers back to one."""
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in noun.children)
    return not definite and any(
        c.dep_ in ("poss", "compound", "amod", "nmod")
        and c.tag_ != "PRP$"
        and (c.dep_ == "poss" or any(_named(t) for t in c.subtree))
        for c in noun.children
    )


def _phrase(noun: Token) -> tuple[int, int]:
    """The noun phrase of a document, without a clause that runs on past the document itself
    ("a Cleveland editorial that bashed …"), unless the clause says who published it."""
    cut = {
        t.i
        for child in noun.children
        # "the blog 38 North", "his book, Confront and Conceal": a name says which document it is.
        if (child.dep_ == "appos" and child.pos_ != "PROPN")
        or (child.dep_ == "relcl" and _lemma(child) not in PUBLICATION_VERBS)
        # "a statement that he was saddened": what the document says is a claim.
        or (child.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in child.children))
        or _content_clause(child)
        for t in child.subtree
    }
    run: list[Token] = []
    for token in sorted(noun.subtree, key=lambda t: t.i):
        if token.i in cut:
            if run and token.i > noun.i:
                break
            continue
        if run and token.i != run[-1].i + 1:
            break
        run.append(token)
    return token_span(run, MAX_WORDS)
