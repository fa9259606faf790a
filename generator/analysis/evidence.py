"""Evidence: figures with what they measure, events and facts, and the documents cited.

Evidence is what the article offers in support of claims, in the narrator's voice or inside a
claim: each item keeps its sentence and the ids of the claims it stands next to.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.analysis.lexicon import DOCUMENT_NOUNS, OPINION_WORDS, SPEECH_VERBS
from generator.model import Article, Claim, Evidence
from generator.text import sentence_around, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_FIGURE_LABELS = {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
_MAX_WORDS = 60
STATISTIC_CONFIDENCE = 0.8
"""A figure is found by its form; what it measures is the uncertain part."""
OTHER_CONFIDENCE = 0.6
"""Events, facts and documents are read off the parse of a sentence."""


def find_evidence(article: Article, docs: list[Doc], claims: tuple[Claim, ...]) -> tuple[Evidence, ...]:
    """All evidence in the article, in reading order, without near-duplicates."""
    items: list[tuple[int, int, str, str, str | None, str | None]] = []
    for index, doc in enumerate(docs):
        for sentence in doc.sents:
            items.extend((index, *item) for item in _statistics(sentence))
            items.extend((index, *item) for item in _documents(sentence))
            items.extend((index, *item) for item in _events(sentence, claims, index))
    seen: dict[str, int] = {}
    evidence: list[Evidence] = []
    kept_texts: list[str] = []
    for index, _start, kind, text, value, measure in sorted(items, key=lambda i: (i[0], i[1])):
        text = _tidy(text)
        if len(text.split()) < 3 or any(_same(text, other) for other in kept_texts):
            continue
        kept_texts.append(text)
        doc = docs[index]
        position = doc.text.find(text)
        supports = tuple(
            c.id for c in claims if c.paragraph == index + 1 and (position < 0 or c.text in doc.text)
        )
        evidence.append(
            Evidence(
                id=stable_id("e", text, seen),
                kind=kind,
                text=text,
                paragraph=index + 1,
                sentence=sentence_around(doc, max(position, 0), max(position, 0) + len(text)),
                value=value,
                measure=measure,
                claims=supports,
                confidence=STATISTIC_CONFIDENCE if kind == "statistic" else OTHER_CONFIDENCE,
            )
        )
    return tuple(evidence)


def _tidy(text: str) -> str:
    text = text.strip(" ,;:—–-\"“”‘’'")
    return re.sub(r"\s+", " ", text)


def _same(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) > 0.8


def _clause(token: Token) -> Token:
    """The nearest verb above a token that heads a clause."""
    node = token
    while node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX") and node.dep_ in (
            "ROOT",
            "ccomp",
            "conj",
            "advcl",
            "relcl",
            "xcomp",
            "pcomp",
        ):
            return node
        node = node.head
    return node


def _text_of(node: Token, limit: int = _MAX_WORDS) -> tuple[int, str]:
    """The words of the clause a verb heads, without its coordinated clauses or preposed adverbials.

    "For example, although A, Beijing refused to B, and C happened" gives "Beijing refused to B".
    """
    cut: set[int] = set()
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    opening = subject.left_edge.i if subject is not None else node.i
    for child in node.children:
        if (child.dep_ in ("conj", "cc") and child.i > node.i) or (
            child.i < opening
            and child.dep_
            in (
                "advcl",
                "prep",
                "npadvmod",
                "advmod",
                "intj",
                "cc",
                "mark",
                "punct",
                "ccomp",
                "parataxis",
            )
        ):
            cut.update(t.i for t in child.subtree)
        elif child.dep_ == "mark":
            cut.add(child.i)
    tokens = [t for t in node.subtree if t.i not in cut]
    run = []
    for token in tokens:
        if run and token.i != run[-1].i + 1:
            if any(t.i == node.i for t in run):
                break
            run = []
        run.append(token)
    tokens = run
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in ("cc", "mark")):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct and tokens[-1].text not in (")", "%"):
        tokens = tokens[:-1]
    if not tokens:
        return node.idx, ""
    doc = node.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc.text[start:end]
    if len(text.split()) > limit:
        text = " ".join(text.split()[:limit]).rstrip(",;:") + "…"
    return start, text


def _statistics(sentence: Span):
    """Figures, with the clause that says what they measure."""
    for ent in sentence.ents:
        if ent.label_ not in _FIGURE_LABELS:
            continue
        if ent.label_ == "CARDINAL" and not _counts_something(ent):
            continue
        clause = _clause(ent.root)
        start, text = _text_of(clause)
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        measure = None
        if subject is not None and not (subject.i <= ent.root.i <= subject.right_edge.i):
            measure = sentence.doc[subject.left_edge.i : subject.right_edge.i + 1].text
        elif ent.root.head.pos_ == "NOUN":
            measure = ent.root.head.text if ent.root.dep_ in ("nummod", "compound") else None
        yield start, "statistic", text, ent.text, measure


def _counts_something(ent: Span) -> bool:
    """A bare number that counts something ("224 people"), not a list index or a year."""
    root = ent.root
    if re.fullmatch(r"(19|20)\d\d", ent.text):
        return False
    return (
        root.dep_ in ("nummod", "dobj", "attr", "pobj", "nsubj")
        and (root.head.pos_ == "NOUN" or root.dep_ != "nummod")
        and any(ch.isdigit() for ch in ent.text)
    ) or ent.text.lower() in ("million", "billion", "thousands", "hundreds")


def _documents(sentence: Span):
    """Cited reports, studies, debates, letters: the noun phrase that names them."""
    for token in sentence:
        if token.lemma_.lower() not in DOCUMENT_NOUNS or token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() in (
            "data",
            "figures",
            "show",
            "program",
            "programme",
            "post",
            "records",
            "decision",
            "agreement",
        ):
            continue
        has_anchor = any(
            c.dep_ in ("prep", "relcl", "acl", "compound", "amod", "poss") for c in token.children
        )
        if not has_anchor:
            continue
        tokens = list(token.subtree)
        start = tokens[0].idx
        text = sentence.doc.text[start : tokens[-1].idx + len(tokens[-1].text)]
        if len(text.split()) > _MAX_WORDS or len(text.split()) < 3:
            continue
        yield start, "document", text, None, None


def _events(sentence: Span, claims: tuple[Claim, ...], index: int):
    """Completed actions and established facts, in the narrator's voice or inside a quotation."""
    for verb in sentence:
        # The small model sometimes tags a verb as an adjective ("no longer refrain"); a root
        # with a subject is a predicate whatever its tag.
        predicate = verb.pos_ in ("VERB", "AUX") or (
            verb.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in verb.children)
        )
        if not predicate or verb.dep_ not in ("ROOT", "conj", "ccomp"):
            continue
        if verb.lemma_.lower() in SPEECH_VERBS or verb.lemma_.lower() in OPINION_WORDS:
            continue
        tense = _completed(verb)
        if not tense:
            continue
        children = list(verb.children)
        if any(c.dep_ in ("aux",) and c.lower_ in OPINION_WORDS for c in children):
            continue
        if not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("i", "we", "you", "it", "this", "that")
            for c in children
        ):
            continue
        start, text = _text_of(verb)
        if not text or any(
            h in f" {text.lower()} " for h in (" may ", " might ", " could ", " would ", " should ")
        ):
            continue
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
        negated = any(c.lower_ in ("never",) for c in children)
        kind = "fact" if passive or negated or verb.lemma_ == "be" else "event"
        if verb.lemma_ == "be" and not passive:
            continue
        yield start, kind, text, None, None


def _completed(verb: Token) -> bool:
    """Past or perfect, or a present-tense change of state ("no longer abstain")."""
    if verb.tag_ in ("VBD",):
        return True
    if verb.tag_ == "VBN" and any(
        c.lower_ in ("has", "have", "had", "been", "was", "were") for c in verb.children
    ):
        return True
    return bool(
        any(c.lower_ == "longer" for c in verb.subtree if c.head.i == verb.i or c.head.head.i == verb.i)
    )
