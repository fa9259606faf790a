"""Readers of the parse shared by the stages: cues, phrases, clauses and who can hold a view.

The small English model misparses in known ways; each reader says which it works around.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.lexicon import (
    ATTITUDE_VERBS,
    COGNITION_VERBS,
    DOCUMENT_NOUNS,
    PRONOUNS,
    QUANTITY_NOUNS,
    SENTIENT_NOUNS,
    SPEECH_VERBS,
    VERDICT_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def doc_text(doc: Doc) -> str:
    """The paragraph's text, kept on the parse: spaCy's `Doc.text` joins every token at each
    call, and asking it once a claim or quotation is quadratic in the claims of a paragraph."""
    text = doc.user_data.get("briefings.text")
    if text is None:
        text = doc.user_data["briefings.text"] = doc.text
    return text


def is_cue(token: Token) -> bool:
    return (
        token.lemma_.lower() in SPEECH_VERBS
        and (token.pos_ in ("VERB", "AUX") or verb_tagged_noun(token))
        and token.tag_ != "MD"
        and token.dep_ not in ("amod", "compound", "nmod")
    )


def verb_tagged_noun(token: Token) -> bool:
    """ "But Trump claims that …": the tagger read the verb as a plural noun, though the parse
    gives it a subject and a clause."""
    children = {c.dep_ for c in token.children}
    if token.tag_ == "NNS" and token.dep_ == "ROOT" and "ccomp" in children and "nsubj" in children:
        return True
    # "Trump charges that countries …", with "Trump" read as the verb (or a modifier) and
    # "charges" as a noun.
    first = token.sent[0]
    return (
        token.tag_ == "NNS"
        and token.i == first.i + 1
        and first.text[:1].isupper()
        and (token.head == first or first.head == token)
        and any(c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark" for c in token.children)
    )


def inverted_cue(token: Token) -> bool:
    """The verb of "Said Ellis: “…”", which the tagger often reads as part of the name."""
    if not token.is_sent_start or token.lower_ not in (
        "said",
        "says",
        "added",
        "asked",
        "wrote",
        "explained",
        "declared",
    ):
        return False
    after = list(token.doc[token.i + 1 : token.i + 6])
    end = next((i for i, t in enumerate(after) if t.text in (":", ",")), None)
    return end is not None and end > 0 and all(t.text[:1].isupper() or t.text == "." for t in after[:end])


def phrase(token: Token) -> tuple[int, int]:
    """Token range of the phrase a speaker word heads, without a relative clause or brackets."""
    cut = set()
    for child in token.children:
        # "many tax experts, including Mr. Goldberg,": the examples are not the speaker; nor is
        # the clause a misparse hangs from a name ("Trump charges that …").
        if child.dep_ in ("relcl", "acl", "dobj", "ccomp") or (
            child.dep_ == "prep" and child.lower_ == "including" and token.tag_ == "NNS"
        ):
            cut.update(t.i for t in child.subtree)
    indices = [t.i for t in token.subtree if t.i not in cut]
    start, end = token.i, token.i + 1
    while start - 1 in indices:
        start -= 1
    while end in indices:
        end += 1
    doc = token.doc
    # "Gov. John Kasich (R-OH)": a bracketed party and state is not part of the name.
    end = next((i for i in range(token.i + 1, end) if doc[i].text in ("(", "[")), end)
    while start < token.i and (doc[start].is_punct or doc[start].dep_ == "cc"):
        start += 1
    while end - 1 > token.i and doc[end - 1].is_punct:
        end -= 1
    return start, end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range without edge punctuation, quotation marks or a leading "that"."""
    text = doc_text(doc)
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in ",;:—–-\"“”‘’'("):
            start += 1
            changed = True
        for lead in ("that ", "That ", "whether ", "if "):
            if (
                text.startswith(lead, start)
                and end - start > len(lead) + 3
                and not _determiner_at(doc, start)
            ):
                start += len(lead)
                changed = True
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-\"“”‘’'"):
            # keep a closing parenthesis or bracket that belongs to the content
            end -= 1
            changed = True
    if (
        end - start > 2
        and text[end - 1] == "."
        and (text[end - 2].islower() or text[end - 2] in "0123456789%)")
    ):
        end -= 1
    for tail in (" and", " but", " or", ", and", ", but"):
        if text[start:end].endswith(tail) and end - start > len(tail) + 3:
            end -= len(tail)
            while end > start and text[end - 1] in " ,":
                end -= 1
    return start, end


def _determiner_at(doc: Doc, char: int) -> bool:
    """Whether the word at a character offset is a determiner ("that claim", not "that he")."""
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    return token is not None and len(token) > 0 and token[0].dep_ == "det"


def words_between(doc: Doc, start: int, end: int) -> int:
    return len(doc_text(doc)[start:end].split())


def holds_views(token: Token | None) -> bool:
    """Whether a subject can hold a view: a person, a body, a group, a poll or study."""
    if token is None:
        return False
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    low, lemma = token.lower_, token.lemma_.lower()
    if low in ("those", "anyone", "everyone") and any(
        c.dep_ == "relcl" and c.left_edge.lower_ == "who" for c in token.children
    ):
        return True  # "those who want a continuation of his policies"
    if (
        low == "it"
        and token.dep_ == "nsubj"
        and token.head.lemma_.lower()
        not in ("seem", "appear", "be", "look", "sound", "feel", "turn", "remain", "matter")
    ):
        # "The IMF … it referenced …": an organisation named earlier in the paragraph.
        return any(e.label_ in ("ORG", "GPE") and e.end <= token.i for e in token.doc.ents)
    if low in ("it", "this", "that", "there", "which", "what", "these", "those"):
        return False
    if lemma in QUANTITY_NOUNS or low in ("one", "some", "many", "most", "several", "few", "all", "half"):
        # "a number of members", "dozens of papers", "one or more of its members"
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        member = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if member is not None:
            return holds_views(member)
    within = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    if within is not None and (
        low in ("most", "many", "some", "few")
        or (token.like_num and any(c.like_num for c in within.children))
    ):
        return True  # "most in Miami want …", "about 4 in 10 want …"
    if low == "both" and token.dep_ == "nsubj":
        return True
    if token.like_num and [c.lower_ for c in token.children] == ["the"]:
        return True  # "the two did not discuss it"
    if token.pos_ == "PRON":
        return low in PRONOUNS or low in SENTIENT_NOUNS
    if token.pos_ == "PROPN" and token.text[:1].isupper():
        return True
    # "environmentalists worry …": a noun for a person by what they profess.
    if token.pos_ == "NOUN" and len(lemma) >= 7 and lemma.endswith("ist"):
        return True
    return (
        lemma in SENTIENT_NOUNS
        or low in SENTIENT_NOUNS
        or lemma in DOCUMENT_NOUNS
        or lemma in ("ad", "advert", "advertisement", "commercial")
    )


def cue_text(verb: Token, preposition: Token | None = None) -> str:
    """The cue as written, with a particle or preposition ("pointed out", "called for")."""
    words = [verb.text.lower()]
    for child in verb.children:
        if child.dep_ == "prt" or (
            child.dep_ == "advmod" and child.lower_ == "back" and child.i == verb.i + 1
        ):
            words.append(child.text.lower())
    if preposition is not None:
        words.append(preposition.text.lower())
    return " ".join(words)


def clause_tokens(root: Token, verb: Token) -> list[Token]:
    """The reported clause without what the writer adds after it.

    Leaves out a coordinated clause with a pronoun subject (", and he railed against …") and a
    trailing participle of speech (", calling them …"): both are further claims of their own.
    """
    cut: set[int] = set()
    for child in root.children:
        if child.i < root.i:
            continue
        own_subject = next((c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        reports = child.lemma_.lower() in SPEECH_VERBS or child.lemma_.lower() in ATTITUDE_VERBS
        # "asserted that France had lost its identity and claimed “…”": a verb of speech
        # coordinated into the clause without a subject is the speaker's next claim.
        again = own_subject is None and is_cue(child) and child.lemma_.lower() not in COGNITION_VERBS
        # "said the videos were inconclusive and that the footage showed …": a second complement.
        complement = any(m.dep_ == "mark" and m.lower_ == "that" for m in child.children)
        if (
            child.dep_ == "conj"
            and not complement
            and (
                again
                or (
                    own_subject is not None
                    and (
                        (
                            own_subject.pos_ == "PRON"
                            and own_subject.lower_ in ("he", "she", "they", "we", "i")
                        )
                        or (reports and holds_views(own_subject))
                    )
                )
            )
        ):
            cut.update(t.i for t in child.subtree)
            cut.update(c.i for c in root.children if c.dep_ == "cc" and c.i < child.i)
        elif (
            child.dep_ == "advcl"
            and child.tag_ == "VBG"
            and (child.lemma_.lower() in SPEECH_VERBS or child.lemma_.lower() in ATTITUDE_VERBS)
        ):
            cut.update(t.i for t in child.subtree)
    return [t for t in root.subtree if t.i != verb.i and t.i not in cut]


def without_aside(tokens: list[Token]) -> list[Token]:
    """The reported words without the writer's closing aside: ", who has vowed …", ", which
    raised concerns …", ", an offer the leadership rebuffed …"."""
    if not tokens:
        return tokens
    last = tokens[-1].i
    for token in tokens:
        listed = any(c.dep_ == "conj" for c in token.children)  # "on Israel, the Iranian deal and …"
        aside = (token.dep_ == "appos" and not listed) or (
            token.dep_ == "relcl" and token.doc[token.left_edge.i].lower_ in ("who", "which", "whose", "whom")
        )
        start = token.left_edge.i
        # The aside runs to the end of the claim (but for a closing mark).
        if (
            aside
            and start > tokens[0].i
            and token.doc[start - 1].text == ","
            and token.right_edge.i >= last - 1
        ):
            return [t for t in tokens if t.i < start - 1]
    return tokens


def is_parenthetical(verb: Token) -> bool:
    doc = verb.doc
    return (verb.i > 0 and doc[verb.i - 1].text == ",") or any(
        t.text == "," for t in doc[max(0, verb.i - 3) : verb.i]
    )


def contiguous(tokens: list[Token], verb: Token) -> list[Token]:
    """The longest run of consecutive tokens on one side of the verb."""
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return tokens
    runs, run = [], [tokens[0]]
    for token in tokens[1:]:
        if token.i == run[-1].i + 1:
            run.append(token)
        else:
            runs.append(run)
            run = [token]
    runs.append(run)
    return max(runs, key=len)


def that_clause_after(verb: Token) -> list[Token]:
    """ "told a meeting of leaders that few people understood …": the that-clause is the
    complement of the verb, though the parse reads it as a relative clause of the noun before."""
    for child in verb.children:
        if (
            child.dep_ == "ccomp"
            and child.i > verb.i
            and child.left_edge.lower_ == "that"
            and child.left_edge.dep_ == "mark"
        ):
            return [t for t in child.subtree if t.i != child.left_edge.i]
        for noun in (child, *(g for g in child.children if g.dep_ == "pobj")):
            if child.dep_ not in ("dobj", "dative", "prep") or noun.i < verb.i:
                continue
            for clause in noun.children:
                # A relative "that" fills a gap in its clause; a conjunction "that" leaves none.
                complete = clause.left_edge.tag_ == "IN" or any(
                    c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp", "auxpass") for c in clause.children
                )
                if (
                    clause.dep_ in ("relcl", "acl")
                    and clause.left_edge.lower_ == "that"
                    and clause.left_edge.dep_ == "mark"
                    and complete
                    and finite_clause(clause)
                ):
                    return [t for t in clause.subtree if t.i != clause.left_edge.i]
    return []


def finite_clause(clause: Token) -> bool:
    """A clause with its own subject and tense, opened by nothing or by "that"."""
    if clause.left_edge.lower_ != "that" and any(
        c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in clause.children
    ):
        return False
    tensed = clause.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in clause.children
    )
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.lower_ != "that" for c in clause.children)
    return tensed and subject


def is_source(token: Token | None) -> bool:
    """A poll, study or document, whose object is its finding ("Polls show a close race")."""
    return (
        token is not None
        and token.pos_ == "NOUN"
        and (token.lemma_.lower() in DOCUMENT_NOUNS or token.lower_ in DOCUMENT_NOUNS)
    )


def unattributed_verdict(verb: Token) -> bool:
    """ "X has been accused of …", "was criticized for …": a verdict in the passive, with no
    one named who passes it."""
    children = {c.dep_ for c in verb.children}
    return verb.lemma_.lower() in VERDICT_VERBS and "auxpass" in children and "agent" not in children
