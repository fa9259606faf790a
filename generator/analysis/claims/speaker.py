"""Who reports: the speaker word of a verb of speech or stance, through the parse's slips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.lexicon import DOCUMENT_NOUNS, PASSIVE_HOLDERS, PRONOUNS, SPEECH_NOUNS, SPEECH_VERBS
from generator.analysis.syntax import is_cue, verb_tagged_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE = {"who", "which", "that", "whom"}


def subject_of(verb: Token) -> Token | None:
    """The speaker word of a reporting verb, looking through conjunctions and participles.

    A participle of speech (", remarking that …") takes the subject of the verb of speech it
    hangs from, even when the parse attached it inside the reported clause; an infinitive
    under a passive ("was prompted to say") takes the passive's subject.
    """
    before = verb.doc[verb.i - 1] if verb.i else None
    if verb.pos_ == "NOUN" and verb.i == verb.sent.start + 1 and verb_tagged_noun(verb):
        return verb.sent[0]  # "Trump charges that …", with "Trump" read as a verb or a modifier
    if (
        verb.tag_ == "VBG"
        and before is not None
        and before.dep_ == "pobj"
        and before.head.lower_ == "of"
        and (before.ent_type_ == "PERSON" or before.lower_ in PRONOUNS)
    ):
        return before  # "footage of Hillary Clinton asking, “…”"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj"):
        for ancestor in verb.ancestors:
            if (
                ancestor.pos_ in ("VERB", "AUX")
                and ancestor.lemma_.lower() in SPEECH_VERBS
                and ancestor.tag_ != "VBG"
            ):
                subject = subject_of(ancestor)
                if subject is not None:
                    return subject
                break
    seen = set()
    via_xcomp = False
    while verb.i not in seen:
        seen.add(verb.i)
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "csubj")]
        if subjects:
            # A misparse can give a verb two subjects ("in Berea, OH, …, Gov. John Kasich
            # said"): the one next to the verb is the speaker.
            child = max(subjects, key=lambda c: (c.i < verb.i, c.i if c.i < verb.i else -c.i))
            if child.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return None if child.lower_ in ("it", "there") and child.head.lemma_ == "be" else child
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        for child in verb.children:
            if child.dep_ == "nsubjpass" and (via_xcomp or verb.lemma_ in PASSIVE_HOLDERS):
                return verb.head if child.lower_ in RELATIVE and verb.dep_ == "relcl" else child
        if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head
        if verb.dep_ == "xcomp" and verb.tag_ == "VB":
            # "forced Stumpf to admit …", "urged him to say …": the object speaks.
            objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
            if objects and verb.head.lemma_.lower() not in ("promise", "vow", "pledge"):
                return objects[0]
        named = _misparsed_subject(verb)
        if named is not None:
            return named
        if verb.tag_ == "VBG" and verb.dep_ == "ROOT":
            # "Lamenting their luck, Mexicans often say, …" parsed with the participle as the
            # root: it shares the subject of the finite clause hanging from it.
            for clause in sorted(verb.subtree, key=lambda t: abs(t.i - verb.i)):
                if clause.dep_ in ("parataxis", "ccomp") and clause.tag_ in ("VBD", "VBZ", "VBP"):
                    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
                    if subject is not None and (subject.pos_ != "PRON" or subject.lower_ in PRONOUNS):
                        return subject
                    break
        if verb.dep_ == "conj" and is_cue(verb) and verb.head.dep_ == "ccomp" and is_cue(verb.head.head):
            verb = verb.head.head  # "asserted that France had lost … and claimed …": who asserted
            continue
        if verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.pos_ in ("VERB", "AUX"):
            via_xcomp = verb.dep_ == "xcomp"
            verb = verb.head
            continue
        if verb.dep_ == "dep" and verb.head.pos_ == "VERB" and verb.head.i < verb.i:
            verb = verb.head  # "Clinton paused, then revealed …": a coordination the parser left loose
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
            # "has rallied thousands by promising …", "has taken to urging …", "stopped short
            # of calling …": the subject of the verb the preposition hangs from.
            above = verb.head.head
            if (
                above.pos_ in ("ADV", "ADJ")
                and above.dep_ in ("advmod", "acomp")
                and above.head.pos_ in ("VERB", "AUX")
            ):
                above = above.head
            if above.pos_ in ("VERB", "AUX"):
                verb = above
                continue
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            carrier = top = verb.head
            while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN":
                top = top.head.head  # "a series of tweets"
            if top.dep_ == "dobj" and (
                carrier.lemma_.lower() in DOCUMENT_NOUNS or carrier.lemma_.lower() in SPEECH_NOUNS
            ):
                # "the Council issued a statement calling …", "unleashed a series of tweets criticizing …"
                return subject_of(top.head) or carrier
            return carrier
        return _name_before(verb) if verb.dep_ == "ROOT" else None
    return None


def _name_before(verb: Token) -> Token | None:
    """The name just before a verb the parse left without a subject ("… party convention Sen.
    Elizabeth Warren (D-MA) said …", "… of the Washington Post Trump said …")."""
    i = verb.i - 1
    while i >= 0 and (verb.doc[i].pos_ == "ADV" or verb.doc[i].text == ")"):
        if verb.doc[i].text == ")":
            while i >= 0 and verb.doc[i].text != "(":
                i -= 1
        i -= 1
    if i < 0:
        return None
    token = verb.doc[i]
    return token if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" else None


def _misparsed_subject(verb: Token) -> Token | None:
    """A name opening the sentence that the parser took for something else ("Trump, appearing
    after Clinton, cited …" with "Trump" read as an adjective)."""
    first = verb.sent[0]
    if first.i >= verb.i or first.dep_ in (
        "nsubj",
        "nsubjpass",
        "prep",
        "pobj",
        "mark",
        "advmod",
        "det",
        "punct",
    ):
        return None
    if not (first.text[:1].isupper() and first.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")):
        return None
    if first.head.i != verb.i and first.head.head.i != verb.i:
        return None
    after = verb.doc[first.i + 1] if first.i + 1 < len(verb.doc) else None
    return (
        first if after is not None and (after.text == "," or after.pos_ in ("ADV", "VERB", "AUX")) else None
    )
