"""What the words around a name say of the person: their role, whom they work for, and
whether they hold it no longer ("former Labour minister", "Geng Shuang, a spokesman for …")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.analysis.knowledge import knowledge
from generator.analysis.lexicon import ROLE_NOUNS, SPELLED_OUT_TITLES

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def party_of(text: str) -> str | None:
    """The one party a description names ("a Labour MP", "Sen. Casey (D-Pa.)"), or None."""
    parties = [p for p in knowledge().parties_in(text) if p != "Independent"]
    if len(parties) > 1:
        return None  # "an adviser to Democratic and Republican administrations": neither
    if parties:
        return parties[0]
    match = re.search(r"\(([RDI])[-–]", text)
    if match:
        return {"R": "Republican Party", "D": "Democratic Party", "I": "Independent"}[match.group(1)]
    return None


def role_and_affiliation(name_span: Span) -> tuple[str | None, str | None, str]:
    """Role and affiliation written around a name, and the words they were read from.

    Reads the words before the name in its noun phrase ("Chinese Foreign Ministry
    spokesman Gen Shuang") and an apposition after or around it ("Dimitri Simes, president
    of the Center for National Interest"; "the Russian ambassador in Beijing, Andrei Denisov").
    """
    left = _words_before(name_span)
    role_words, affiliation_words = _role_before(left)
    context_tokens = list(left)
    appositive = _appositive_of(name_span.root)
    if appositive is not None:
        context_tokens.extend(appositive.subtree)
        role_words, affiliation_words = _role_in_appositive(appositive, role_words, affiliation_words)
    if _former_before(name_span) and "former" not in role_words:
        role_words = ["former", *role_words]
    role = " ".join(role_words).strip() or None
    if role and role.lower() not in ROLE_NOUNS and not any(w.lower() in ROLE_NOUNS for w in role.split()):
        role = role if len(role.split()) <= 4 else None
    affiliation = " ".join(affiliation_words).strip(" ,") or None
    if affiliation and affiliation.lower().startswith("the "):
        affiliation = affiliation[4:]
    context = " ".join(t.text for t in context_tokens)
    return role, affiliation, context


_MODIFIERS = ("compound", "amod", "nmod", "poss", "case", "det", "nummod", "punct")
_FORMER = ("former", "ex", "retired", "onetime", "one-time", "erstwhile")


def _former_before(name_span: Span) -> bool:
    """Whether the title just before a name is a past one ("former Director of National
    Intelligence James Clapper"), which the parse often leaves outside the name's phrase."""
    doc = name_span.doc
    for i in range(name_span.start - 1, max(name_span.start - 7, name_span.sent.start - 1), -1):
        token = doc[i]
        if token.lower_ in _FORMER:
            return True
        if (token.is_punct and token.text != "-") or token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _words_before(name_span: Span) -> list[Token]:
    """The words before a name inside its own phrase ("Chinese Foreign Ministry spokesman")."""
    doc = name_span.doc
    left: list[Token] = []
    inside = set(range(name_span.start, name_span.end))
    i = name_span.start - 1
    while i >= 0:
        token = doc[i]
        if (
            token.head.i not in inside
            or token.dep_ not in _MODIFIERS
            or (token.is_punct and token.text != "-")
        ):
            break
        left.insert(0, token)
        inside.add(i)
        i -= 1
    return left


def _role_before(left: list[Token]) -> tuple[list[str], list[str]]:
    """Role words and affiliation words among the words before a name: a title or role noun
    is a role ("Sen. Lindsey Graham", "President Obama"), a capitalised word before it a body."""
    role_words: list[str] = []
    affiliation_words: list[str] = []
    for token in left:
        if token.dep_ == "det" or token.tag_ == "POS" or token.text in ("’s", "'s"):
            continue
        title = token.lower_.rstrip(".")
        if title in SPELLED_OUT_TITLES or (
            title in ROLE_NOUNS and token.text[:1].isupper() and not token.ent_type_
        ):
            role_words.append(SPELLED_OUT_TITLES.get(title, token.text))
        elif token.text[:1].isupper() or token.ent_type_:
            if role_words:
                affiliation_words.extend(role_words)
                role_words = []
            affiliation_words.append(token.text)
        else:
            role_words.append(token.text)
    return role_words, affiliation_words


def _appositive_of(head: Token) -> Token | None:
    """An apposition on the name ("Simes, president of …"), or the role noun the name is the
    apposition of ("the Russian ambassador in Beijing, Andrei Denisov")."""
    doc = head.doc
    for child in head.children:
        bracketed = child.left_edge.i > 0 and doc[child.left_edge.i - 1].text in ("(", "[")
        if (
            child.dep_ == "appos"
            and child.pos_ in ("NOUN", "PROPN")
            and child.ent_type_ != "PERSON"
            and not bracketed
        ):
            return child
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        return head.head
    return None


def _role_in_appositive(
    appositive: Token, role_words: list[str], affiliation_words: list[str]
) -> tuple[list[str], list[str]]:
    """The role an apposition names, and the body after "of", "for", "at" or "with"."""
    if not role_words:
        modifiers = [
            t.text for t in appositive.lefts if t.dep_ in ("compound", "amod") and not t.text[:1].isupper()
        ]
        role_words = [*modifiers, appositive.text]
    for child in appositive.children:
        if (
            child.dep_ == "prep"
            and child.text.lower() in ("of", "for", "at", "with")
            and not affiliation_words
        ):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                first = objects[0].left_edge.i
                affiliation_words = [t.text for t in objects[0].subtree if t.dep_ != "det" or t.i != first]
        if child.dep_ in ("amod", "compound") and child.text[:1].isupper() and not affiliation_words:
            affiliation_words = [child.text]
    return role_words, affiliation_words
