"""Finding claims in a parsed paragraph: quotations, reported speech and "according to".

Each extractor proposes `Candidate`s with the words of the claim and of its speaker; the
candidates of all extractors are then merged, so a quotation that is also the object of a
reporting verb becomes one claim. Speakers are resolved to actors later, in `speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.analysis.lexicon import (
    ATTITUDE_ADJECTIVES,
    ATTITUDE_VERBS,
    CLAUSE_ONLY,
    COGNITION_VERBS,
    CONTENT_IN,
    CONTENT_ON,
    CONTENT_PREPOSITIONS,
    CONTENT_TO,
    DOCUMENT_NOUNS,
    FINDING_NOUNS,
    PRONOUNS,
    QUANTITY_NOUNS,
    SENTIENT_NOUNS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
)
from generator.analysis.quotes import Quote
from generator.errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Verbs whose object (not only a clause) is what was said: "denied the report".
OBJECT_VERBS = {
    "deny",
    "reject",
    "dismiss",
    "criticize",
    "criticise",
    "praise",
    "defend",
    "blame",
    "welcome",
    "announce",
    "endorse",
    "condemn",
    "question",
    "describe",
    "call",
    "hail",
    "applaud",
    "slam",
    "blast",
    "attack",
    "denounce",
    "dispute",
    "refute",
    "rebut",
    "acknowledge",
    "admit",
    "confirm",
    "predict",
    "promise",
    "pledge",
    "propose",
    "recommend",
    "demand",
    "support",
    "oppose",
    "back",
    "accuse",
    "reiterate",
    "repeat",
    "express",
    "tout",
    "cite",
    "disclose",
    "reveal",
    "threaten",
}
# Verbs whose infinitive says what was said or meant: "vowed to fight", "urged them to leave".
XCOMP_VERBS = {
    "vow",
    "pledge",
    "promise",
    "threaten",
    "refuse",
    "decline",
    "urge",
    "ask",
    "call",
    "want",
    "plan",
    "hope",
    "expect",
    "seek",
    "agree",
    "offer",
    "demand",
    "intend",
    "aim",
    "tell",
    "warn",
    "advise",
    "encourage",
    "order",
    "swear",
    "claim",
    "appear",
    "seem",
}
# Verbs that pass a verdict on someone for something: "accused her of …", "charged them with …".
VERDICT_VERBS = {
    "accuse",
    "charge",
    "blame",
    "criticize",
    "criticise",
    "praise",
    "fault",
    "credit",
    "commend",
    "condemn",
    "attack",
    "slam",
    "thank",
    "congratulate",
}
# Verbs that only say when the speaking happened: "continues to insist that …".
ASPECT_VERBS = {"continue", "begin", "start", "keep"}
# Verbs of speech whose subject is parenthetical in "As X noted, …".
AS_VERBS = {
    "say",
    "note",
    "point",
    "mention",
    "put",
    "suggest",
    "report",
    "explain",
    "argue",
    "write",
    "predict",
    "warn",
    "observe",
    "acknowledge",
    "admit",
    "claim",
    "insist",
    "stress",
    "state",
    "remark",
    "indicate",
    "show",
    "emphasize",
    "emphasise",
    "expect",
    "recall",
    "conclude",
    "find",
}
# Verbs of speech whose direct object is not what was said ("told reporters", "wrote a book").
NO_OBJECT_VERBS = {
    "say",
    "tell",
    "ask",
    "write",
    "read",
    "call",
    "post",
    "answer",
    "brief",
    "inform",
    "assure",
    "blog",
    "continue",
    "show",
    "find",
    "know",
    "feel",
    "hope",
    "think",
    "believe",
    "figure",
    "reason",
    "thank",
    "relate",
    "explain",
    "tweet",
    "add",
    "joke",
    "quip",
    "shout",
    "advise",
    "charge",
    "maintain",
    "declare",
    "speak",
    "bid",
    "scream",
    "yell",
    "cry",
    "whisper",
    "mutter",
    "thunder",
    "exclaim",
    "reply",
    "respond",
    "snap",
    "beg",
    "implore",
    "chuckle",
    "murmur",
    "chime",
}
# Verbs whose object is a stance held by their subject: "voiced support for …".
SUPPORT_VERBS = {
    "voice",
    "express",
    "offer",
    "declare",
    "announce",
    "signal",
    "pledge",
    "show",
    "register",
    "lend",
    "reiterate",
    "raise",
    "make",
    "issue",
    "deliver",
    "give",
    "send",
    "launch",
    "level",
    "renew",
    "outline",
    "unveil",
    "unleash",
    "preach",
    "sow",
    "air",
    "share",
}
# Verbs of speech whose prepositional object is what they are about: "talked about X".
PREPOSITION_VERBS = {
    "talk",
    "speak",
    "comment",
    "write",
    "tweet",
    "post",
    "testify",
    "complain",
    "joke",
    "call",
    "ask",
    "warn",
    "argue",
    "report",
    "brief",
    "blog",
    "remark",
    "agree",
    "disagree",
    "respond",
    "reply",
    "boast",
    "lament",
    "insist",
    "reflect",
    "elaborate",
    "focus",
    "rail",
    "refer",
    "allude",
}
_OPEN_MARKS = {"“", '"', "‘", "'"}
_CLOSE_MARKS = {"”", '"', "’", "'"}


@dataclass(frozen=True)
class Candidate:
    """A claim proposed by one extractor, before merging and speaker resolution."""

    paragraph: int
    start: int
    """Character offsets of the claim's words in the paragraph."""
    end: int
    kind: str
    cue: str | None
    speaker: tuple[int, int] | None
    """Token range of the words naming the speaker, in the paragraph's Doc."""
    anchor: int
    """Token index where the claim is made; speakers are resolved against what came before."""
    extractor: str
    confidence: float = 0.8
    optional: bool = False
    inherit: bool = False
    """No speaker in sight: the claim continues the previous speaker's quotation."""
    quoted: bool = False
    """The claim's words are (or include) a quotation."""
    speaker_paragraph: int | None = None
    """When the speaker is named in an earlier paragraph ("Stone said:" then the quotation)."""
    gap: tuple[int, int] | None = None
    """Characters within the claim that are not its words: the attribution inside a quotation
    it splits ("“Every time you say that,” Tester said, “you give ammunition …”")."""


@dataclass(frozen=True)
class Paragraph:
    """What every extractor sees: one parsed paragraph and its quotations."""

    index: int
    doc: Doc
    quotes: tuple[Quote, ...]
    previous: Doc | None = None
    """The paragraph before, for a quotation introduced there ("He said:")."""
    headline: bool = False
    """The article's headline, where "Name: words" attributes the words to Name."""


Extractor = Callable[[Paragraph], Iterable[Candidate]]


class Registry:
    """Extractors by name and priority (Python-Markdown's `util.Registry`, simplified)."""

    def __init__(self) -> None:
        self._items: dict[str, tuple[int, Extractor]] = {}

    def register(self, name: str, priority: int, extractor: Extractor) -> None:
        self._items[name] = (priority, extractor)

    def deregister(self, name: str) -> None:
        self._items.pop(name, None)

    def __iter__(self):
        for name, (_, extractor) in sorted(self._items.items(), key=lambda item: -item[1][0]):
            yield name, extractor

    def names(self) -> list[str]:
        return [name for name, _ in self]


def default_extractors(disabled: Iterable[str] = ()) -> Registry:
    """The claim extractors a build uses, minus any the configuration switches off."""
    registry = Registry()
    registry.register("quotations", 30, quotation_claims)
    registry.register("according_to", 25, according_to_claims)
    registry.register("colon", 22, colon_claims)
    registry.register("reported_speech", 20, reported_claims)
    registry.register("speech_nouns", 10, noun_claims)
    registry.register("stance_adjectives", 8, adjective_claims)
    for name in disabled:
        registry.deregister(name)
    return registry


def check_extractors(names: Iterable[str]) -> None:
    """Raise `ConfigError` for a name that is not an extractor's, listing the known ones."""
    known = default_extractors().names()
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise ConfigError(
            f"briefings: option 'disable_extractors': unknown extractor {', '.join(map(repr, unknown))} "
            f"(known: {', '.join(sorted(known))})"
        )


def find_candidates(paragraph: Paragraph, registry: Registry) -> list[Candidate]:
    """Candidates of every extractor, merged so each claim appears once."""
    found: list[Candidate] = []
    for _, extractor in registry:
        found.extend(extractor(paragraph))
    return merge(found, paragraph)


# -- helpers --------------------------------------------------------------------------------


def is_cue(token: Token) -> bool:
    return (
        token.lemma_.lower() in SPEECH_VERBS
        and (token.pos_ in ("VERB", "AUX") or _verb_tagged_noun(token))
        and token.tag_ != "MD"
        and token.dep_ not in ("amod", "compound", "nmod")
    )


def _verb_tagged_noun(token: Token) -> bool:
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
    after = [t for t in token.doc[token.i + 1 : token.i + 6]]
    end = next((i for i, t in enumerate(after) if t.text in (":", ",")), None)
    return end is not None and end > 0 and all(t.text[:1].isupper() or t.text == "." for t in after[:end])


def in_quote(paragraph: Paragraph, char: int) -> Quote | None:
    for quote in paragraph.quotes:
        if quote.start <= char < quote.end:
            return quote
    return None


_RELATIVE = {"who", "which", "that", "whom"}
# Verbs whose passive subject holds the view: "is said to …", "was frustrated that …".
PASSIVE_HOLDERS = {
    "quote",
    "report",
    "say",
    "believe",
    "think",
    "expect",
    "frustrate",
    "disappoint",
    "dismay",
    "anger",
    "alarm",
    "trouble",
    "outrage",
    "concern",
    "worry",
    "convince",
}


def subject_of(verb: Token) -> Token | None:
    """The speaker word of a reporting verb, looking through conjunctions and participles.

    A participle of speech (", remarking that …") takes the subject of the verb of speech it
    hangs from, even when the parse attached it inside the reported clause; an infinitive
    under a passive ("was prompted to say") takes the passive's subject.
    """
    before = verb.doc[verb.i - 1] if verb.i else None
    if verb.pos_ == "NOUN" and verb.i == verb.sent.start + 1 and _verb_tagged_noun(verb):
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
            if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return None if child.lower_ in ("it", "there") and child.head.lemma_ == "be" else child
        for child in verb.children:
            if child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        for child in verb.children:
            if child.dep_ == "nsubjpass" and (via_xcomp or verb.lemma_ in PASSIVE_HOLDERS):
                return verb.head if child.lower_ in _RELATIVE and verb.dep_ == "relcl" else child
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


def span_chars(doc: Doc, tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range without edge punctuation, quotation marks or a leading "that"."""
    text = doc.text
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
    return len(doc.text[start:end].split())


# -- quotations ------------------------------------------------------------------------------


def quotation_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """Direct quotations attributed by a cue before or after them, a colon or a dash."""
    doc = paragraph.doc
    previous_end = 0
    for quote in paragraph.quotes:
        content = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if content is None or len(content) == 0:
            continue
        if _after_cue(doc, content):
            # 'declared “What a night!” and said …': the verb before it, not the one after.
            attribution = _attribution_before(paragraph, quote, previous_end) or _attribution_after(
                paragraph, quote
            )
        else:
            attribution = _attribution_after(paragraph, quote) or _attribution_before(
                paragraph, quote, previous_end
            )
        full = _is_full_quote(doc, quote, content)
        previous_end = quote.end
        if attribution is None and quote.start <= 2:
            introduced = _introduced_before(paragraph)
            if introduced is not None:
                cue, speaker = introduced
                yield Candidate(
                    paragraph.index,
                    quote.start,
                    quote.end,
                    "direct",
                    cue,
                    speaker,
                    speaker[1] - 1,
                    "quotations",
                    confidence=0.8,
                    quoted=True,
                    speaker_paragraph=paragraph.index - 1,
                )
                continue
        if attribution is None:
            if not full:
                continue
            yield Candidate(
                paragraph.index,
                quote.start,
                quote.end,
                "direct",
                None,
                None,
                content.start,
                "quotations",
                confidence=0.6,
                inherit=True,
                quoted=True,
            )
            continue
        cue, speaker, anchor, optional = attribution
        if not full and cue not in (":", "–") and not optional:
            # A fragment inside a reported clause ("called it “desperate”"): reported speech
            # extractors produce the mixed claim.
            if quote_is_inside_clause(doc, quote):
                continue
        yield Candidate(
            paragraph.index,
            quote.start,
            quote.end,
            "direct",
            cue,
            speaker,
            anchor,
            "quotations",
            confidence=0.9 if quote.opened and quote.closed else 0.75,
            optional=optional,
            quoted=True,
        )


def _introduced_before(paragraph: Paragraph):
    """`Stone said:` ending the previous paragraph introduces the quotation that opens this one."""
    previous = paragraph.previous
    if previous is None or not previous.text.rstrip().endswith(":"):
        return None
    last = list(previous.sents)[-1]
    cues = [t for t in last if is_cue(t)]
    for cue in reversed(cues):
        speaker = subject_of(cue)
        if speaker is not None:
            return _cue_text(cue), phrase(speaker)
    return None


def _is_full_quote(doc: Doc, quote: Quote, content: Span) -> bool:
    """A quotation that is a statement in its own right, not a word or title in a sentence."""
    words = len(doc.text[quote.start : quote.end].split())
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in content)
    before = doc.text[: quote.start].rstrip("“\"‘' ")
    starts_sentence = not before or before[-1] in ".!?:,;—–…" or before.endswith(("that", "says", "said"))
    if quote.single and words < 10:
        return False
    # 'She declared “What a night!”', 'A sign read “Farmers for Lee”': the words of the verb.
    return (
        (has_verb and words >= 4 and starts_sentence)
        or words >= 12
        or (_after_cue(doc, content) and words >= 2)
    )


def _after_cue(doc: Doc, content: Span) -> bool:
    """Whether a quotation directly follows a verb of speech ('declared “…”')."""
    previous = next((t for t in reversed(doc[: content.start]) if not t.is_punct), None)
    return previous is not None and previous.i >= content.start - 3 and is_cue(previous)  # 'said: “…


def quote_is_inside_clause(doc: Doc, quote: Quote) -> bool:
    before = doc.text[: quote.start].rstrip("“\"‘' ")
    return bool(before) and before[-1] not in ".!?:;"


def _window_after(doc: Doc, quote: Quote, limit: int = 14) -> list[Token]:
    """Tokens after a quotation's closing mark, up to the sentence end or the next quotation."""
    tokens = []
    first = None
    for token in doc:
        if token.idx >= quote.end:
            first = token.i
            break
    if first is None:
        return tokens
    i = first
    # Skip the closing mark and punctuation glued to it.
    while i < len(doc) and (doc[i].text in _CLOSE_MARKS or (doc[i].text in (",", "…") and i - first < 3)):
        i += 1
    while i < len(doc) and len(tokens) < limit:
        token = doc[i]
        if token.text in _OPEN_MARKS or token.text in (".", "!", "?", ";"):
            break
        if token.text in ("“",):
            break
        tokens.append(token)
        i += 1
    return tokens


def _attribution_after(paragraph: Paragraph, quote: Quote):
    """`“…,” said X.` / `“…,” X said.` / `“…” – X` / `“…,” according to X.`"""
    doc = paragraph.doc
    if not quote.closed:
        return None
    window = _window_after(doc, quote)
    if (
        window
        and doc.text[quote.start : quote.end].rstrip("”’\"' ").endswith(".")
        and window[0].pos_ not in ("PROPN", "PRON", "VERB", "NOUN", "DET")
        and window[0].text not in ("–", "—", "-")
    ):
        return None  # “… here.” In an interview, X said …: a new sentence, not an attribution
    if not window:
        return None
    text_after = doc.text[quote.end : window[0].idx]
    for token in window[:8]:
        if is_cue(token):
            speaker = subject_of(token)
            if speaker is not None and speaker.i < window[0].i:
                # The parse took a word of the quotation as the subject ("“We …,” Ramos, 58, told AFP").
                speaker = None
            if speaker is None:
                before = [t for t in window if t.i < token.i and _names_someone(t)]
                after = [t for t in window if t.i > token.i and _names_someone(t)]
                # "Ramos, 58, told": the name before the verb; "said the diplomat": the one after.
                speaker = before[0] if before else after[0] if after else None
            if speaker is None:
                continue
            optional = token.lemma_ == "read" or _is_headline(speaker)
            return _cue_text(token), phrase(speaker), speaker.i, optional
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return "according to", phrase(objects[0]), objects[0].i, False
        if token.is_sent_start and token.i > window[0].i:
            break
    quoted = doc.text[quote.start : quote.end].rstrip("”’\"' ")
    verb = (
        _verb_after(window)
        if quoted.endswith((",", "?", "!")) or text_after.strip().startswith(",")
        else None
    )
    if verb is not None:
        names = [t for t in window if t is not verb and _is_named(t)]
        speaker = subject_of(verb) or names[0]
        if speaker.i >= window[0].i:
            return _cue_text(verb), phrase(speaker), speaker.i, False
    dash = text_after.strip().startswith(("–", "—", "-")) or window[0].text in ("–", "—", "-")
    if dash:
        names = [t for t in window if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
        if names:
            head = names[-1]
            start = min(t.i for t in window if t.text not in ("–", "—", "-"))
            return "–", (start, head.i + 1), head.i, False
    return None


def _attribution_before(paragraph: Paragraph, quote: Quote, previous_end: int):
    """`X said: “…”` / `X said, “…”` / `X stressed that “…”` / `Chairwoman Y: “…”`."""
    doc = paragraph.doc
    if not quote.opened:
        return None
    before = [t for t in doc if previous_end <= t.idx and t.idx + len(t.text) <= quote.start]
    # Only the sentence the quotation opens in.
    for i in range(len(before) - 1, -1, -1):
        if before[i].text in (".", "!", "?") and i < len(before) - 1:
            before = before[i + 1 :]
            break
    before = [t for t in before if t.text not in _OPEN_MARKS]
    if not before:
        return None
    last = before[-1]
    cues = sorted(
        (t for t in before if is_cue(t)),
        key=lambda t: (
            t is not last,
            t.lemma_.lower() in CLAUSE_ONLY,
            t.tag_ == "VBG",
            len(list(t.ancestors)),
            -t.i,
        ),
    )
    nearer = _verb_introducing(before) if last.text in (":", ",") else None
    if cues and not (
        nearer is not None and nearer.i > cues[0].i and nearer.lemma_.lower() not in SPEECH_VERBS
    ):
        # The verb next to the quotation wins over a verb of speech further back ("After Brown
        # criticized him, Hillary shot back, “…”").
        cue = cues[0]
        first_quoted = next((t for t in doc if t.idx >= quote.start), None)
        governs = first_quoted is not None and (
            cue.is_ancestor(first_quoted) or last.text in (":", ",") or last.lower_ in ("that", "and", "but")
        )
        if governs:
            speaker = subject_of(cue)
            if speaker is not None:
                return _cue_text(cue), phrase(speaker), speaker.i, False
    if last.text in (":", ","):
        verb = _verb_introducing(before)
        if verb is not None:
            speaker = subject_of(verb)
            return _cue_text(verb), phrase(speaker), speaker.i, False
    inverted = inverted_cue(before[0])
    if (last.text == ":" or (inverted and last.text == ",")) and len(before) <= 8:
        names = [t for t in before if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN"]
        if names and not any(t.pos_ == "VERB" for t in before[inverted:]):
            cue = before[0].lower_ if inverted else ":"
            return cue, (before[inverted].i, last.i), names[-1].i, False
    return None


def _verb_introducing(before: list[Token]) -> Token | None:
    """The verb of `Clinton cracked, “…”` or `As Foner put it: “…”`: a verb the lexicon lacks,
    close to the quotation, whose subject names someone."""
    for distance, token in enumerate(reversed(before[:-1])):
        if distance > 3:
            return None
        if token.pos_ in ("VERB", "AUX"):
            if token.tag_ in ("MD", "VBG") or token.dep_ in ("aux", "auxpass", "amod", "relcl"):
                return None
            speaker = subject_of(token)
            return token if speaker is not None and _is_named(speaker) else None
    return None


def _verb_after(window: list[Token]) -> Token | None:
    """The verb of `“…,” Clinton quipped.` or `“…,” quipped Clinton.`: the whole rest of the
    sentence is a name and one verb."""
    if not 2 <= len(window) <= 5:
        return None
    # A capitalised subject the tagger read as a verb ("Trump shot back") is the name.
    names = [t for t in window if t.dep_ == "nsubj" and t.text[:1].isupper()]
    verbs = [t for t in window if t.pos_ in ("VERB", "AUX") and t not in names]
    if len(verbs) != 1 or verbs[0].tag_ in ("MD", "VBG", "VBN"):
        return None
    others = [t for t in window if t is not verbs[0] and not t.is_punct and t.dep_ not in ("prt", "advmod")]
    if (
        others
        and all(t.pos_ in ("PROPN", "PRON", "DET", "NOUN", "ADJ") or t in names for t in others)
        and any(_is_named(t) or t in names for t in others)
    ):
        return verbs[0]
    return None


def _is_named(token: Token) -> bool:
    return (
        token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
        or token.pos_ == "PROPN"
        or token.lower_ in ("he", "she", "they", "i", "we")
    )


def _names_someone(token: Token) -> bool:
    """A word that can name a speaker next to a reporting verb."""
    if token.is_punct or token.like_num or token.ent_type_ in ("DATE", "TIME", "CARDINAL"):
        return False
    return token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ in ("PROPN", "PRON", "NOUN")


def _is_headline(token: Token) -> bool:
    return token.lemma_.lower() in ("headline", "title", "caption", "slogan", "banner", "sign", "placard")


# -- reported speech ------------------------------------------------------------------------


def reported_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`X said (that) …`, `…, X said`, `X urged Y to …`, `X denied the report`, `X backs Y`."""
    doc = paragraph.doc
    for verb in doc:
        lemma = verb.lemma_.lower()
        speech = is_cue(verb)
        attitude = not speech and lemma in ATTITUDE_VERBS and verb.pos_ == "VERB"
        if not (speech or attitude) or in_quote(paragraph, verb.idx):
            continue
        speaker = subject_of(verb)
        if _unattributed_verdict(verb):
            speaker = None  # "has been accused of hurting civilians": by whom, the text does not say
        elif (
            (attitude or lemma in COGNITION_VERBS)
            and not holds_views(speaker)
            and not _believes_that(verb, speaker)
        ):
            continue
        if (attitude or lemma in COGNITION_VERBS) and speaker is not None and speaker.lower_ in ("you",):
            continue
        content = _content_of(verb, broad=attitude)
        if content is None:
            continue
        tokens, how, cue = content
        if speaker is not None:
            if speaker.i in {t.i for t in tokens}:
                continue
            first, last = phrase(speaker)
            tokens = [t for t in tokens if not first <= t.i < last]
        tokens = _without_aside(_contiguous([t for t in tokens if t.i != verb.i], verb))
        if not tokens:
            continue
        start, end = trim(doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        if verb.i + 1 < len(doc) and doc[verb.i + 1].text == ":" and not paragraph.quotes:
            # "He added: It's typical of her. She knows nothing …": the rest of the paragraph.
            end = trim(doc, start, len(doc.text))[1]
        if end - start < 2:
            continue
        if how == "clause" and words_between(doc, start, end) < 2:
            continue
        if (
            how == "object"
            and not attitude
            and words_between(doc, start, end) < 2
            and not in_quote(paragraph, start)
        ):
            continue
        confidence = {"clause": 0.85, "xcomp": 0.75, "object": 0.7, "preposition": 0.65}[how]
        if attitude or lemma in COGNITION_VERBS:
            confidence -= 0.1
        yield Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            cue,
            phrase(speaker) if speaker is not None else None,
            speaker.i if speaker is not None else verb.i,
            "reported_speech",
            confidence=round(confidence, 2),
        )


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
        low in ("most", "many", "some", "few") or (token.like_num and any(c.like_num for c in within.children))
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


def _believes_that(verb: Token, speaker: Token | None) -> bool:
    """ "Wines believes that …", "Trump knows there are …": whoever is named believing a clause
    holds a view, even a name the tagger took for a common noun."""
    return (
        speaker is not None
        and verb.lemma_.lower() in COGNITION_VERBS
        and speaker.text[:1].isupper()
        and speaker.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def _cue_text(verb: Token, preposition: Token | None = None) -> str:
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


def _content_of(verb: Token, broad: bool = False):
    """The words a reporting verb reports, how they were found, and the cue as written."""
    lemma = verb.lemma_.lower()
    cue = _cue_text(verb)
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "ccomp"
        or (c.dep_ in ("acl", "relcl")
        and verb.pos_ == "NOUN"
        and c.left_edge.lower_ == "that")
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
            or ((verb.dep_ in ("ccomp", "advcl") or closing)
            and verb.i > verb.head.i
            and _is_parenthetical(verb))
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
    if lemma == "show" and _is_source(subject_of(verb)):
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
        or (lemma in ("show", "find") and _is_source(subject_of(verb)))
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
                    if (
                        (extra.dep_ in ("oprd", "xcomp")
                        and extra.i > child.i)
                        or (
                            extra.dep_ == "prep"
                            and (extra.lower_ in ("as", "for", "of") or to)
                            and extra.i > child.i
                        )
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
    pronoun = any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children) or _unattributed_verdict(verb)
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if pronoun and child.lower_ in ("of", "for", "with") and lemma in VERDICT_VERBS:
            # "accusing her of being asleep", "praised them for …": what they are said to have done.
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return list(objects[0].subtree), "preposition", _cue_text(verb, child)
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
                return list(objects[0].subtree), "preposition", _cue_text(verb, child)
    if not broad:
        return _detached_clause(verb, cue)
    return None


def _unattributed_verdict(verb: Token) -> bool:
    """ "X has been accused of …", "was criticized for …": a verdict in the passive, with no
    one named who passes it."""
    children = {c.dep_ for c in verb.children}
    return verb.lemma_.lower() in VERDICT_VERBS and "auxpass" in children and "agent" not in children


def _reason_after(verb: Token, clause: Token) -> list[Token]:
    """ "said it did not count them because …", "told them it is “peanuts,” compared to …":
    a reason or a comparison the parse hangs on the verb, right after the reported clause."""
    for child in verb.children:
        gap = verb.doc[clause.right_edge.i + 1 : child.left_edge.i]
        if (
            child.i > clause.i
            and all(t.is_punct for t in gap)
            and (
                (child.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ == "because" for m in child.children))
                or (child.dep_ == "prep"
                and child.lower_ == "compared")
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
        if child.dep_ == "advcl" and child.i > verb.i and _finite_clause(child):
            # "Trump said after the convention he would not accept …", "tweeted in the early
            # hours that Machado was …": a complement the parse read as an adverbial clause.
            return [t for t in child.subtree if not (t.i == child.left_edge.i and t.lower_ == "that")]
    return _that_clause_after(verb)


def _that_clause_after(verb: Token) -> list[Token]:
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
                    and _finite_clause(clause)
                ):
                    return [t for t in clause.subtree if t.i != clause.left_edge.i]
    return []


def _finite_clause(clause: Token) -> bool:
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


def _is_source(token: Token | None) -> bool:
    """A poll, study or document, whose object is its finding ("Polls show a close race")."""
    return (
        token is not None
        and token.pos_ == "NOUN"
        and (token.lemma_.lower() in DOCUMENT_NOUNS or token.lower_ in DOCUMENT_NOUNS)
    )


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
                or (own_subject is not None
                and (
                    (own_subject.pos_ == "PRON"
                    and own_subject.lower_ in ("he", "she", "they", "we", "i"))
                    or (reports
                    and holds_views(own_subject))
                ))
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


def _without_aside(tokens: list[Token]) -> list[Token]:
    """The reported words without the writer's closing aside: ", who has vowed …", ", which
    raised concerns …", ", an offer the leadership rebuffed …"."""
    if not tokens:
        return tokens
    last = tokens[-1].i
    for token in tokens:
        listed = any(c.dep_ == "conj" for c in token.children)  # "on Israel, the Iranian deal and …"
        aside = (
            (token.dep_ == "appos"
            and not listed)
            or (
                token.dep_ == "relcl"
                and token.doc[token.left_edge.i].lower_ in ("who", "which", "whose", "whom")
            )
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


def _is_parenthetical(verb: Token) -> bool:
    doc = verb.doc
    return (
        (verb.i > 0
        and doc[verb.i - 1].text == ",")
        or any(t.text == "," for t in doc[max(0, verb.i - 3) : verb.i])
    )


def _contiguous(tokens: list[Token], verb: Token) -> list[Token]:
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


# -- according to ---------------------------------------------------------------------------


def according_to_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`According to X, …`, `…, according to X` and `In a new poll, …`."""
    doc = paragraph.doc
    for token in doc:
        finding = _finding_in(paragraph, token)
        if finding is not None:
            yield finding
            continue
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        if in_quote(paragraph, token.idx):
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in token.children if c.dep_ == "pobj"
        ]
        # "according to show insiders", with "show" read as a verb: its object is the source.
        objects = objects or [
            o for c in to.children if c.dep_ == "pcomp" for o in c.children if o.dep_ == "dobj"
        ]
        if not objects:
            continue
        speaker = objects[0]
        # A document as source ("according to a report by X") keeps the document as speaker.
        phrase_tokens = set(token.subtree) | set(to.subtree)
        sentence = token.sent
        comma = next((t for t in doc[to.i : sentence.end] if t.text == ","), None)
        if (
            token.i == sentence.start
            and comma is not None
            and comma.i < speaker.right_edge.i
            and not _appositive(speaker, comma)
        ):
            # "According to Rush Limbaugh, the move reeks …", with the clause read into the name.
            phrase_tokens = set(doc[token.i : comma.i + 1])
        content = [
            t
            for t in sentence
            if t not in phrase_tokens
            and t.i not in range(min(t.i for t in phrase_tokens), max(t.i for t in phrase_tokens) + 1)
        ]
        if token.head.pos_ in ("VERB", "AUX") and token.head.sent == sentence:
            top = token.head
            # "A received 37%, B had 36% and C snagged 13%, according to X": all three.
            while top.dep_ == "conj" and top.head.pos_ in ("VERB", "AUX") and top.head.sent == sentence:
                top = top.head
            head_tokens = [t for t in top.subtree if t.i not in {p.i for p in phrase_tokens}]
            content = [t for t in head_tokens if t.sent == sentence] or content
        content = _contiguous(content, token)
        if not content:
            continue
        start, end = trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
        if words_between(doc, start, end) < 3:
            continue
        yield Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            "according to",
            phrase(speaker),
            speaker.i,
            "according_to",
            confidence=0.85,
        )


def _appositive(name: Token, comma: Token) -> bool:
    """Whether a comma after a name opens a description closed by a second comma
    ("According to Dimitri Simes, president of the Center, …")."""
    after = next((c for c in name.children if c.dep_ == "appos" and c.i > comma.i), None)
    return (
        after is not None
        and after.right_edge.i + 1 < len(name.doc)
        and name.doc[after.right_edge.i + 1].text == ","
    )


def _finding_in(paragraph: Paragraph, token: Token) -> Candidate | None:
    """ "In an NBC News poll released Monday, 50 percent chose Clinton": what a poll or study
    found, when no one in the sentence reports it."""
    verb = token.head
    if (
        token.lower_ != "in"
        or token.dep_ != "prep"
        or verb.dep_ != "ROOT"
        or verb.pos_ not in ("VERB", "AUX")
    ):
        return None
    source = next((c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in FINDING_NOUNS), None)
    if source is None or in_quote(paragraph, token.idx) or any(is_cue(t) for t in verb.sent):
        return None
    content = _contiguous([t for t in verb.subtree if not token.is_ancestor(t) and t.i != token.i], token)
    if not content:
        return None
    doc = paragraph.doc
    start, end = trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
    if words_between(doc, start, end) < 3:
        return None
    return Candidate(
        paragraph.index,
        start,
        end,
        "indirect",
        "in",
        phrase(source),
        source.i,
        "according_to",
        confidence=0.7,
    )


# -- headlines ------------------------------------------------------------------------------

# Labels that open a headline without naming a source ("Analysis: …", "The Latest: …").
HEADLINE_LABELS = {
    "the latest",
    "latest",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "editorial",
    "update",
    "watch",
    "video",
    "photos",
    "live",
    "review",
    "explainer",
    "interview",
    "fact check",
    "q&a",
    "in pictures",
    "podcast",
    "commentary",
    "perspective",
    "letters",
    "news",
    "byline",
    "wow",
    "look",
    "boom",
    "revealed",
    "paid notice",
    "just in",
    "confirmed",
    "busted",
    "listen",
    "must see",
    "must read",
    "profile",
    "obituary",
    "correction",
    "clarification",
    "live updates",
    "factbox",
    "note",
    "editor's note",
    "related",
    "source",
    "sources",
    "read more",
    "see also",
    "transcript",
}


def colon_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`Sanders: Clinton needs to …` and `Obama on climate: the trends are …` in a headline;
    `TAPPER: Do you think …` opening a paragraph of a transcript.

    The words before the colon must read as a name: a short capitalised phrase, with no verb,
    that is not a section label ("The Latest", "EXCLUSIVE –", "Update"). Whether it names
    someone the article knows is decided when speakers are resolved (`extract._known`).
    """
    doc = paragraph.doc
    # A transcript pasted as one quotation a paragraph: "WALLACE: Let's start …
    lead = 1 if len(doc) > 1 and doc[0].text in _OPEN_MARKS and not paragraph.headline else 0
    colon = next((t for t in doc if t.text == ":" and (lead or not in_quote(paragraph, t.idx))), None)
    if colon is None or not (paragraph.headline or colon.i <= 4 + lead):
        return
    first = lead
    if (
        doc[lead].lower_ in HEADLINE_LABELS
        and len(doc) > lead + 2
        and doc[lead + 1].text in ("-", "–", "—", "|")
    ):
        first = lead + 2  # "EXCLUSIVE – Roger Stone: …"
    end = next(
        (t.i for t in doc[first + 1 : colon.i] if t.lower_ in ("on", "about", "to", "at", "in", "for")),
        colon.i,
    )
    if not paragraph.headline and end != colon.i:
        return
    name = doc[first:end]
    if (
        not 0 < len(name) <= 6
        or name.text.lower() in HEADLINE_LABELS
        or not (name[0].is_title or name[0].is_upper)
    ):
        return
    if any(t.pos_ in ("VERB", "AUX", "PRON", "DET", "ADP") and not t.is_title for t in name) or name[
        0
    ].pos_ in ("DET", "PRON", "ADP"):
        return
    start, stop = trim(doc, colon.idx + 1, len(doc.text))
    if words_between(doc, start, stop) < 3:
        return
    # A headline reports; a transcript gives the words as spoken.
    kind = "indirect" if paragraph.headline else "direct"
    yield Candidate(paragraph.index, start, stop, kind, ":", (first, end), end - 1, "colon", confidence=0.75)


# -- speech nouns ---------------------------------------------------------------------------


def noun_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`X's statement that …`, `her vow to …`, `his call for …`, `voiced support for …`."""
    doc = paragraph.doc
    for noun in doc:
        lemma = noun.lemma_.lower()
        if lemma not in SPEECH_NOUNS or noun.pos_ != "NOUN" or in_quote(paragraph, noun.idx):
            continue
        content, cue = _noun_content(noun)
        content = _without_aside(content)
        if not content:
            continue
        speaker = _noun_holder(noun)
        if speaker is None or not holds_views(speaker):
            continue
        start, end = trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
        if words_between(doc, start, end) < 1 or end - start < 3:
            continue
        yield Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            cue,
            phrase(speaker),
            speaker.i,
            "speech_nouns",
            confidence=0.65,
        )


def _noun_content(noun: Token) -> tuple[list, str]:
    """What a noun of speech or stance is about: a that-clause, an infinitive or a prepositional object."""
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if (
        noun.lemma_.lower() in ("plan", "proposal")
        and verb.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "poss" for c in noun.children)
    ):
        if noun.dep_ == "pobj" and noun.head.lower_ == "under":
            # "Under Mrs. Clinton's plan, taxpayers would pay …": what the plan provides.
            return [t for t in noun.sent if t.i > noun.head.right_edge.i], noun.text.lower()
        if noun.dep_ == "nsubj" and any(
            c.dep_ == "aux" and c.lower_ in ("would", "will") for c in verb.children
        ):
            # "Mrs. Clinton's plan would also cap deductions at 28 percent"
            return [
                t for t in verb.subtree if not noun.is_ancestor(t) and t.i != noun.i and t.i > noun.i
            ], noun.text.lower()
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(
            m.lower_ == "that" and m.dep_ == "mark" for m in child.children
        ):
            return list(child.subtree), noun.text.lower()
        if child.dep_ == "acl" and any(m.dep_ == "aux" and m.lower_ == "to" for m in child.children):
            return list(child.subtree), noun.text.lower()
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "against", "on", "about", "to"):
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if (
                objects
                and objects[0].ent_type_ not in ("DATE", "TIME")
                and not (child.lower_ == "of" and objects[0].ent_type_ == "PERSON")
            ):
                return list(objects[0].subtree), f"{noun.text.lower()} {child.lower_}"
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        # "is making the case to a gathering of leaders that he …": the parse hangs the clause
        # on the verb.
        clause = [t for t in _that_clause_after(noun.head) if t.i > noun.i]
        if clause:
            return clause, noun.text.lower()
    return [], ""


def _noun_holder(noun: Token) -> Token | None:
    """Whose statement or stance it is: a possessive, "by X", or the subject of "voiced", "expressed"."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in ("its",):
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in SUPPORT_VERBS:
        return subject_of(noun.head)
    preposition = noun.head
    if (
        noun.dep_ == "pobj"
        and preposition.lower_ in ("with", "in")
        and preposition.head.pos_ in ("VERB", "AUX")
    ):
        # "stirred controversy with an assertion that …", "rallies in hopes of …": the one who acts.
        return subject_of(preposition.head)
    return None


def adjective_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`X is confident that …`, `X was critical of …`, `X seemed eager to …`."""
    doc = paragraph.doc
    for adjective in doc:
        if adjective.lemma_.lower() not in ATTITUDE_ADJECTIVES or in_quote(paragraph, adjective.idx):
            continue
        # "made (it) clear that …", however the parse hangs "clear" and the clause.
        make = (
            next((a for a in adjective.ancestors if a.lemma_.lower() == "make"), None)
            if adjective.lower_ in ("clear", "plain")
            else None
        )
        if adjective.dep_ != "acomp" and make is None:
            continue
        speaker = subject_of(make if make is not None else adjective.head)
        if not holds_views(speaker) or speaker.lower_ == "you":
            continue
        content = []
        for child in adjective.children:
            if child.dep_ in ("ccomp", "xcomp") or (
                child.dep_ == "prep" and child.lower_ in ("about", "of", "on", "over", "with", "that")
            ):
                content = list(child.subtree)[1:] if child.dep_ == "prep" else list(child.subtree)
                break
        if not content:
            # "has been clear that she has their backs": the clause hangs on the verb.
            that = next(
                (
                    t
                    for t in doc[adjective.i + 1 : adjective.sent.end]
                    if t.lower_ == "that" and t.dep_ == "mark"
                ),
                None,
            )
            if (
                that is not None
                and that.i <= adjective.i + 2
                and (make is not None or that.head.head == adjective.head or that.head.head == adjective)
            ):
                content = [t for t in that.head.subtree if t.i > that.i]
        if not content:
            continue
        start, end = trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
        if words_between(doc, start, end) < 2:
            continue
        yield Candidate(
            paragraph.index,
            start,
            end,
            "indirect",
            f"{(make or adjective.head).text.lower()} {adjective.text.lower()}",
            phrase(speaker),
            speaker.i,
            "stance_adjectives",
            confidence=0.6,
        )


# -- merging --------------------------------------------------------------------------------


def _overlap(a: Candidate, b: Candidate) -> float:
    """Shared characters over the shorter span."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    shortest = min(a.end - a.start, b.end - b.start)
    return shared / shortest if shortest > 0 and shared > 0 else 0.0


def merge(candidates: list[Candidate], paragraph: Paragraph) -> list[Candidate]:
    """One candidate per claim: quotation and reported clause about the same words combine."""
    merged: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        for i, kept in enumerate(merged):
            if _overlap(kept, candidate) >= 0.6:
                merged[i] = _combine(kept, candidate, paragraph)
                break
        else:
            merged.append(candidate)
    merged = [_with_kind(c, paragraph) for c in merged]
    return _join_split_quotations(sorted(merged, key=lambda c: c.start), paragraph)


def _join_split_quotations(candidates: list[Candidate], paragraph: Paragraph) -> list[Candidate]:
    """One sentence quoted in two parts around its attribution is one claim: "“Every time you
    say that,” Tester said, “you give ammunition to the people who …”"."""
    text = paragraph.doc.text
    joined: list[Candidate] = []
    for candidate in candidates:
        # The part before, past any claim inside the attribution (", referring to …,").
        last = next((i for i in range(len(joined) - 1, -1, -1) if joined[i].kind == "direct"), None)
        before = joined[last] if last is not None else None
        between = text[before.end : candidate.start] if before is not None else ""
        if (
            before is not None
            and candidate.kind == "direct"
            and before.gap is None
            and before.speaker is not None
            and (candidate.speaker in (None, before.speaker))
            and re.match(r"\W*,", between)
            and text[candidate.start : candidate.start + 1].islower()
        ):
            joined[last] = replace(before, end=candidate.end, gap=(before.end, candidate.start))
            continue
        joined.append(candidate)
    return joined


def _combine(a: Candidate, b: Candidate, paragraph: Paragraph) -> Candidate:
    quoted = a if a.quoted else b if b.quoted else None
    reported = b if quoted is a else a
    if (
        quoted is not None
        and reported is not quoted
        and reported.extractor == "colon"
        and quoted.start < reported.start
    ):
        # '"WALLACE: Let's start …' as one quotation: the words after the name are the claim.
        return replace(reported, quoted=True, confidence=max(a.confidence, b.confidence))
    if quoted is not None and reported is not quoted:
        speaker = quoted.speaker or reported.speaker
        inside = min(quoted.end, reported.end) - max(quoted.start, reported.start)
        if reported.speaker is not None and inside < 0.85 * (reported.end - reported.start):
            # Reported speech with a quoted part ("insisted that A and that “B”"): one mixed claim.
            return replace(reported, kind="mixed", quoted=True, confidence=max(a.confidence, b.confidence))
        return replace(
            quoted,
            speaker=speaker,
            cue=quoted.cue or reported.cue,
            anchor=quoted.anchor if quoted.speaker else reported.anchor,
            inherit=quoted.inherit and reported.speaker is None,
            confidence=max(a.confidence, b.confidence),
        )
    # Two reported readings of one clause: keep the one with a speaker; of an attribution
    # reported inside another ("boasted about a plan to dig up dirt on journalists who
    # criticized the company"), the outer one, which carries the inner; else the surer.
    outer, inner = (a, b) if a.end - a.start >= b.end - b.start else (b, a)
    before = outer.anchor < len(paragraph.doc) and paragraph.doc[outer.anchor].idx < outer.start
    if (
        before
        and outer.speaker is not None
        and inner.speaker not in (None, outer.speaker)
        and outer.start <= inner.start
        and inner.end <= outer.end
    ):
        return outer
    return max((a, b), key=lambda c: (c.speaker is not None, c.confidence, c.end - c.start))


def _with_kind(candidate: Candidate, paragraph: Paragraph) -> Candidate:
    """direct, mixed or indirect, from how much of the claim is inside quotation marks."""
    if candidate.quoted:
        return candidate
    inside = 0
    for quote in paragraph.quotes:
        inside += max(0, min(candidate.end, quote.end) - max(candidate.start, quote.start))
    length = max(1, candidate.end - candidate.start)
    if inside == 0:
        return candidate
    if inside / length >= 0.85:
        quote = max(paragraph.quotes, key=lambda q: min(candidate.end, q.end) - max(candidate.start, q.start))
        return replace(candidate, kind="direct", start=quote.start, end=quote.end, quoted=True)
    return replace(candidate, kind="mixed", quoted=True)
