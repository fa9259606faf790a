"""Reading the words of a mention: a name the tagger got wrong, a description, a name that
is plausibly a person's, and the country a phrase names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.actors import clean_name
from generator.analysis.lexicon import (
    GOVERNMENT_NOUNS,
    MEDIA_NAME_WORDS,
    MEDIA_NOUNS,
    ORGANIZATION_NOUNS,
    PRONOUNS,
    ROLE_NOUNS,
    SENTIENT_NOUNS,
    TITLE_ENDS,
    TITLES,
)
from generator.analysis.places import gazetteer
from generator.analysis.syntax import inverted_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def is_headline(token: Token) -> bool:
    return token.lemma_.lower() in ("headline", "title", "caption")


def qualifies(token: Token, head: Token) -> bool:
    """Whether a word only qualifies the head of its phrase ("Clinton" in "Clinton supporters")."""
    while token.i != head.i:
        if token.dep_ not in ("compound", "poss", "case", "amod"):
            return False
        token = token.head
    return True


def describe(tokens: Span) -> str:
    words = [t for t in tokens if t.dep_ != "det" and not t.is_punct and t.dep_ not in ("relcl", "acl")][:6]
    return "".join(t.text + (t.whitespace_ if t is not words[-1] else "") for t in words) or tokens.text


def describe_media(tokens: Span, side: str | None) -> str:
    """Name an outlet known by description: its country's adjective and the noun."""
    nouns = [
        t
        for t in tokens
        if t.lemma_.lower() in MEDIA_NOUNS
        and t.lemma_.lower() not in ("article", "report", "story", "piece", "column", "editorial")
    ]
    noun = nouns[-1].text if nouns else "media"
    adjective = gazetteer().adjectives.get(side) if side else None
    return f"{adjective} {noun}" if adjective else noun


def side_near(ent: Span) -> str | None:
    """A country named in the phrase around an organisation ("… based in Washington")."""
    head = ent.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    words = " ".join(
        t.text for t in head.subtree if t.ent_type_ in ("GPE", "NORP") and not ent.start <= t.i < ent.end
    )
    return gazetteer().side_of(words, parties=False) if words else None


def repair(doc: Doc, ent: Span) -> tuple[Span, str]:
    """Fix the small model's usual slips: a title word inside a name, a person tagged ORG."""
    start, label = ent.start, ent.label_
    while (
        start < ent.end - 1
        and start > 0
        and doc[start - 1].lower_ == "of"
        and doc[start].lower_ in TITLE_ENDS
    ):
        start += 1
    if start < ent.end - 1 and inverted_cue(doc[start]):
        start += 1
    end = ent.end
    # "Moon Jae-in", "Kim Jong-un": the tagger leaves a glued lower-case part out of the name.
    while end + 1 < len(doc) and doc[end].text in ("-", "‐") and not doc[end - 1].whitespace_:
        if doc[end].whitespace_ or not doc[end + 1].is_alpha:
            break
        end += 2
    if (start, end) != (ent.start, ent.end):
        ent = doc[start:end]
    if label == "ORG" and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
        words = {t.lower_ for t in ent}
        before = {t.lower_.rstrip(".") for t in doc[max(0, ent.start - 4) : ent.start]}
        if before & (TITLES | ROLE_NOUNS) and not words & (
            ORGANIZATION_NOUNS | GOVERNMENT_NOUNS | MEDIA_NAME_WORDS
        ):
            label = "PERSON"
    return ent, label


def appositive_name(head: Token) -> tuple[str, int] | None:
    """A personal name in apposition to a title ("the Shadow Secretary …, Theresa May,")."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            words = [
                t
                for t in child.subtree
                if t.pos_ == "PROPN" and (t.i == child.i or t.dep_ in ("compound", "flat"))
            ]
            name, _ = clean_name(words)
            if len(name.split()) >= 2 and plausible_person(name):
                return name, words[0].i
    return None


def proper_run(tokens: Span, head: Token) -> list[Token]:
    """The last run of capitalised proper nouns that names the phrase's head (a name the tagger missed).

    Only the head and words attached to it directly count: in "ministers of the Arctic
    states", "Arctic" names the states, not the speakers.
    """
    near_head = {head.i} | {
        c.i for c in head.children if c.dep_ in ("compound", "flat", "appos", "amod", "nmod")
    }
    near_head |= {
        g.i
        for c in head.children
        if c.dep_ in ("compound", "appos")
        for g in c.children
        if g.dep_ in ("compound", "flat")
    }
    runs: list[list] = []
    run: list = []
    for token in tokens:
        title_end = token.lower_ in TITLE_ENDS and token.i > 0 and token.doc[token.i - 1].lower_ == "of"
        if token.lower_.rstrip(".") in TITLES or title_end or token.lower_ in ROLE_NOUNS:
            if run:
                runs.append(run)
            run = []
            continue
        # "the South Carolina senator": a place that qualifies a common noun names no one.
        place = (token.ent_type_ in ("GPE", "NORP") and gazetteer().side_of(token.text, parties=False)) or (
            token.ent_type_ in ("GPE", "LOC") and head.pos_ == "NOUN"
        )
        # The tagger calls some names common nouns ("O’Donnell"): a capitalised word inside the
        # sentence that is no known word of the lexicon counts as a name too.
        proper = token.pos_ == "PROPN" or (
            token.pos_ == "NOUN" and not token.is_sent_start and token.lower_ not in SENTIENT_NOUNS
        )
        if (
            token.i in near_head
            and proper
            and token.text[:1].isupper()
            and not place
            and token.ent_type_ != "DATE"
            and token.lower_ not in PRONOUNS
        ):
            run.append(token)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    # A run of two or more words reads as a full name; prefer it to a stray capitalised word.
    full = [r for r in runs if len(r) >= 2]
    return (full or runs)[-1] if runs else []


def plausible_person(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 5 or any(ch.isdigit() for ch in name):
        return False
    particles = ("de", "van", "von", "bin", "al", "el", "da", "di", "la", "le", "der")
    # "al-Adnani", "el-Sisi": a particle glued to a capitalised name.
    return all(
        w[:1].isupper()
        or w.lower() in particles
        or (w.split("-")[0] in particles and w.split("-")[-1][:1].isupper())
        for w in words
    )
