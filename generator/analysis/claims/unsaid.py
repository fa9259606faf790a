"""Speech that did not happen and questions put to someone, which are never claims.

"X did not say that …", "X never claimed …", "X declined to comment on …" report no words
of X; "reporters asked X whether …" reports the reporters' question, not a claim of theirs.
`unsaid` judges one candidate by the word that attributes it (`Candidate.cue_at`); the
pipeline drops what it finds, whichever extractor proposed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.claims.base import Candidate, Paragraph
from generator.analysis.lexicon import ATTITUDE_VERBS, COGNITION_VERBS, SPEECH_VERBS
from generator.analysis.syntax import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Token

_REFUSALS = ("decline", "refuse")
"""Verbs that, over an infinitive of speech, say the speaking did not happen."""
_QUESTIONS = ("ask", "query")
"""Not "question", which doubts ("questioned whether he was ready" is a stance)."""
_QUESTION_MARKS = ("whether", "if", "who", "what", "why", "how", "when", "where", "which")


def negated(verb: Token) -> bool:
    """ "did not say", "never claimed": the verb itself is denied."""
    return any(c.dep_ == "neg" for c in verb.children)


def _speech_only(verb: Token) -> bool:
    """A verb of speech that holds no view when denied: "did not say" reports nothing, where
    "does not believe that …" and "has not endorsed …" state a stance."""
    lemma = verb.lemma_.lower()
    return lemma in SPEECH_VERBS and lemma not in ATTITUDE_VERBS and lemma not in COGNITION_VERBS


def refused(verb: Token) -> bool:
    """ "declined to comment", "refused to say whether …": an infinitive of speech under a
    refusal (not "refused to rule out …", a stance)."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSALS and _speech_only(verb):
        return True
    return verb.lemma_.lower() in _REFUSALS and any(
        c.dep_ == "xcomp" and _speech_only(c) for c in verb.children
    )


def question_put(verb: Token, candidate: Candidate, paragraph: Paragraph) -> bool:
    """ "asked him whether the deal was dead", "asked about the deal": a question put to
    someone, reported (a quotation of the question is the asker's own words, and "asked
    Congress to act" is a request)."""
    if verb.lemma_.lower() not in _QUESTIONS or candidate.kind == "direct":
        return False
    text = doc_text(paragraph.doc)
    before = text[max(0, candidate.start - 40) : candidate.start].split()
    first = text[candidate.start : candidate.end].split()[:1]
    return bool(
        (before and before[-1].lower() in (*_QUESTION_MARKS, "about"))
        or (first and first[0].lower() in _QUESTION_MARKS)
        or text[candidate.start : candidate.end].rstrip().endswith("?")
    )


def unsaid(candidate: Candidate, paragraph: Paragraph) -> bool:
    """Whether a candidate reports speech that did not happen or a question put to someone."""
    if candidate.cue_at is None or candidate.cue_at >= len(paragraph.doc):
        return False
    cue = paragraph.doc[candidate.cue_at]
    if cue.pos_ not in ("VERB", "AUX"):
        return False
    # The verb that carries the negation: "did not want to say", "has never been asked to …".
    verbs = [cue, *(a for a in [cue.head] if cue.dep_ == "xcomp" and a.pos_ in ("VERB", "AUX"))]
    denied = _speech_only(cue) and any(negated(v) for v in verbs)
    return denied or refused(cue) or question_put(cue, candidate, paragraph)
