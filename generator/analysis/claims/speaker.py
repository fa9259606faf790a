"""Who reports: the speaker word of a verb of speech or stance, through the parse's slips.

`subject_of` asks the `OPENING_STEPS` once, then walks up the parse asking the `WALK_STEPS`
at each verb: a step names the speaker (`Found`), moves to the verb above (`Climb`), or
passes (None). Each step has an example of its own, which `tests/test_rules.py` runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.analysis.claims.base import Example
from generator.analysis.lexicon import DOCUMENT_NOUNS, PASSIVE_HOLDERS, PRONOUNS, SPEECH_NOUNS, SPEECH_VERBS
from generator.analysis.syntax import is_cue, verb_tagged_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

RELATIVE = {"who", "which", "that", "whom"}


@dataclass(frozen=True)
class Found:
    """The speaker word, or None: the verb has no speaker the text names."""

    token: Token | None


@dataclass(frozen=True)
class Climb:
    """Ask again at the verb above."""

    verb: Token
    via_xcomp: bool | None = None
    """Whether the climb is from an infinitive (a passive above it then holds the view);
    None leaves it as it was."""


Verdict = Found | Climb | None


@dataclass(frozen=True)
class SpeakerStep:
    """One reading of who reports; `find(verb, via_xcomp)` gives a `Verdict`."""

    find: Callable[[Token, bool], Verdict]
    example: Example

    @property
    def name(self) -> str:
        return self.find.__name__


def step(sentence: str, cue: str, words: str | None):
    """Make a function a `SpeakerStep` with its example (`words`: the speaker word)."""

    def make(find: Callable[[Token, bool], Verdict]) -> SpeakerStep:
        return SpeakerStep(find, Example(sentence, cue, words))

    return make


def subject_of(verb: Token) -> Token | None:
    """The speaker word of a reporting verb, looking through conjunctions and participles."""
    return trace_speaker(verb)[1]


def trace_speaker(verb: Token) -> tuple[list[SpeakerStep], Token | None]:
    """The steps that led to the speaker of a verb (climbs, then the one that found it), and
    the speaker word."""
    for opening in OPENING_STEPS:
        verdict = opening.find(verb, False)
        if isinstance(verdict, Found):
            return [opening], verdict.token
    path: list[SpeakerStep] = []
    seen: set[int] = set()
    via_xcomp = False
    while verb.i not in seen:
        seen.add(verb.i)
        for walk in WALK_STEPS:
            verdict = walk.find(verb, via_xcomp)
            if isinstance(verdict, Found):
                return [*path, walk], verdict.token
            if isinstance(verdict, Climb):
                path.append(walk)
                verb = verdict.verb
                via_xcomp = via_xcomp if verdict.via_xcomp is None else verdict.via_xcomp
                break
    return path, None


# -- asked once, of the verb itself ------------------------------------------------------------


@step("Trump charges that the two countries are cheating.", "charges", "Trump")
def tagged_noun_subject(verb: Token, via_xcomp: bool) -> Verdict:
    """ "Trump charges that …", with "Trump" read as a verb or a modifier and "charges" as a noun."""
    if verb.pos_ == "NOUN" and verb.i == verb.sent.start + 1 and verb_tagged_noun(verb):
        return Found(verb.sent[0])
    return None


@step("The advert uses footage of Hillary Clinton asking, “Who will pay?”", "asking", "Clinton")
def footage_of(verb: Token, via_xcomp: bool) -> Verdict:
    """ "footage of Hillary Clinton asking, “…”": the person shown speaks."""
    before = verb.doc[verb.i - 1] if verb.i else None
    if (
        verb.tag_ == "VBG"
        and before is not None
        and before.dep_ == "pobj"
        and before.head.lower_ == "of"
        and (before.ent_type_ == "PERSON" or before.lower_ in PRONOUNS)
    ):
        return Found(before)
    return None


@step("The minister said the deal was dead, adding that talks would resume.", "adding", "minister")
def participle_of_speech(verb: Token, via_xcomp: bool) -> Verdict:
    """ ", remarking that …": a participle of speech takes the subject of the verb of speech it
    hangs from, even when the parse attached it inside the reported clause."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "xcomp", "conj"):
        return None
    for ancestor in verb.ancestors:
        if (
            ancestor.pos_ in ("VERB", "AUX")
            and ancestor.lemma_.lower() in SPEECH_VERBS
            and ancestor.tag_ != "VBG"
        ):
            subject = subject_of(ancestor)
            return Found(subject) if subject is not None else None
    return None


# -- asked at each verb, walking up the parse --------------------------------------------------


@step(
    "A focus fell on the leaker, with Foreign Office permanent under-secretary Simon McDonald telling "
    "MPs: “We will pursue the culprit.”",
    "telling",
    "McDonald",
)
def name_between(verb: Token, via_xcomp: bool) -> Verdict:
    """ "with Foreign Office permanent under-secretary Simon McDonald telling MPs", parsed with
    the body as the subject and the person's name left hanging on the verb: the person."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.ent_type_ == "PERSON":
        return None
    between = verb.doc[subject.i + 1 : verb.i]
    if (
        between
        and between[-1].ent_type_ == "PERSON"
        and all(t.dep_ in ("compound", "amod", "punct") for t in between)
    ):
        return Found(between[-1])
    return None


@step("Senator John Reed warned that the bill would raise prices.", "warned", "Reed")
def grammatical_subject(verb: Token, via_xcomp: bool) -> Verdict:
    """The verb's subject; of two (a misparse: "in Berea, OH, …, Gov. John Kasich said"), the
    one next to the verb; "the man who said" is the man; "it is said" names no one."""
    subjects = [child for child in verb.children if child.dep_ in ("nsubj", "csubj")]
    if not subjects:
        return None
    child = max(subjects, key=lambda c: (c.i < verb.i, c.i if c.i < verb.i else -c.i))
    if child.lower_ in RELATIVE and verb.dep_ == "relcl":
        return Found(verb.head)
    return Found(None if child.lower_ in ("it", "there") and child.head.lemma_ == "be" else child)


@step("The plan was criticized by the opposition leader.", "criticized", "leader")
def agent(verb: Token, via_xcomp: bool) -> Verdict:
    """The passive's agent: "was criticized by X"."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return Found(objects[0])
    return None


@step("The minister was frustrated that the talks had failed.", "frustrated", "minister")
def passive_holder(verb: Token, via_xcomp: bool) -> Verdict:
    """ "is said to …", "was frustrated that …", "was prompted to say": the passive's subject
    holds the view."""
    for child in verb.children:
        if child.dep_ == "nsubjpass" and (via_xcomp or verb.lemma_ in PASSIVE_HOLDERS):
            return Found(verb.head if child.lower_ in RELATIVE and verb.dep_ == "relcl" else child)
    return None


@step("Voters signed a petition demanding new elections.", "demanding", "petition")
def noun_participle(verb: Token, via_xcomp: bool) -> Verdict:
    """ "a petition demanding …": the noun the participle hangs from; "the Council issued a
    statement calling …", "unleashed a series of tweets criticizing …": who issued it."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN"):
        return None
    carrier = top = verb.head
    while top.dep_ == "pobj" and top.head.lower_ == "of" and top.head.head.pos_ == "NOUN":
        top = top.head.head
    if top.dep_ == "dobj" and (
        carrier.lemma_.lower() in DOCUMENT_NOUNS or carrier.lemma_.lower() in SPEECH_NOUNS
    ):
        return Found(subject_of(top.head) or carrier)
    return Found(carrier)


@step("They backed a plan that was praised widely.", "praised", "plan")
def relative_clause(verb: Token, via_xcomp: bool) -> Verdict:
    """ "the senator who criticized …" parsed without a subject: the noun it describes."""
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return Found(verb.head)
    return None


@step("The committee forced Mark Dwyer to admit the accounts were false.", "admit", "Dwyer")
def object_control(verb: Token, via_xcomp: bool) -> Verdict:
    """ "forced Stumpf to admit …", "urged him to say …": the object speaks (but not "promised
    him to …", where the promiser does)."""
    if verb.dep_ == "xcomp" and verb.tag_ == "VB":
        objects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if objects and verb.head.lemma_.lower() not in ("promise", "vow", "pledge"):
            return Found(objects[0])
    return None


@step("Trump, appearing after Clinton, cited the report.", "cited", "Trump")
def misparsed_name(verb: Token, via_xcomp: bool) -> Verdict:
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
    if after is not None and (after.text == "," or after.pos_ in ("ADV", "VERB", "AUX")):
        return Found(first)
    return None


@step("“The plan is dead,” he said, not even mentioning the vote.", "mentioning", "he")
def participle_root(verb: Token, via_xcomp: bool) -> Verdict:
    """ "Lamenting their luck, Mexicans often say, …" parsed with the participle as the root:
    it shares the subject of the finite clause hanging from it."""
    if verb.tag_ != "VBG" or verb.dep_ != "ROOT":
        return None
    for clause in sorted(verb.subtree, key=lambda t: abs(t.i - verb.i)):
        if clause.dep_ in ("parataxis", "ccomp") and clause.tag_ in ("VBD", "VBZ", "VBP"):
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and (subject.pos_ != "PRON" or subject.lower_ in PRONOUNS):
                return Found(subject)
            return None
    return None


@step("Ms Le Pen asserted that France had lost its identity and claimed “we will win”.", "claimed", "Pen")
def second_cue(verb: Token, via_xcomp: bool) -> Verdict:
    """ "asserted that France had lost … and claimed …", with the second verb read into the
    clause of the first: who asserted."""
    if verb.dep_ == "conj" and is_cue(verb) and verb.head.dep_ == "ccomp" and is_cue(verb.head.head):
        return Climb(verb.head.head)
    return None


@step("The minister smiled and said nothing more.", "said", "minister")
def head_verb(verb: Token, via_xcomp: bool) -> Verdict:
    """A verb coordinated with, or subordinate to, the verb above: its subject speaks."""
    if verb.dep_ in ("conj", "advcl", "xcomp", "acl") and verb.head.pos_ in ("VERB", "AUX"):
        return Climb(verb.head, via_xcomp=verb.dep_ == "xcomp")
    return None


@step("Senator Anna Keller paused, then revealed why the vote had failed.", "revealed", "Keller")
def loose_coordination(verb: Token, via_xcomp: bool) -> Verdict:
    """ "Clinton paused, then revealed …": a coordination the parser left loose."""
    if verb.dep_ == "dep" and verb.head.pos_ == "VERB" and verb.head.i < verb.i:
        return Climb(verb.head)
    return None


@step("Mr. Trump has rallied thousands by promising to impose tariffs.", "promising", "Trump")
def preposition_participle(verb: Token, via_xcomp: bool) -> Verdict:
    """ "has rallied thousands by promising …", "has taken to urging …", "stopped short of
    calling …": the subject of the verb the preposition hangs from."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.dep_ != "prep":
        return None
    above = verb.head.head
    if (
        above.pos_ in ("ADV", "ADJ")
        and above.dep_ in ("advmod", "acomp")
        and above.head.pos_ in ("VERB", "AUX")
    ):
        above = above.head
    return Climb(above) if above.pos_ in ("VERB", "AUX") else None


@step(
    "On Monday in Rome, while campaigning for her husband, former minister Ana Ruiz said he was the best "
    "choice.",
    "said",
    "Ruiz",
)
def name_before(verb: Token, via_xcomp: bool) -> Verdict:
    """The last resort: for a root the parse left without a subject, the name just before it
    ("… party convention Sen. Elizabeth Warren (D-MA) said …"); else no one."""
    if verb.dep_ != "ROOT":
        return Found(None)
    i = verb.i - 1
    while i >= 0 and (verb.doc[i].pos_ == "ADV" or verb.doc[i].text == ")"):
        if verb.doc[i].text == ")":
            while i >= 0 and verb.doc[i].text != "(":
                i -= 1
        i -= 1
    if i < 0:
        return Found(None)
    token = verb.doc[i]
    return Found(token if token.ent_type_ == "PERSON" and token.pos_ == "PROPN" else None)


OPENING_STEPS: tuple[SpeakerStep, ...] = (tagged_noun_subject, footage_of, participle_of_speech)
WALK_STEPS: tuple[SpeakerStep, ...] = (
    name_between,
    grammatical_subject,
    agent,
    passive_holder,
    relative_clause,
    object_control,
    misparsed_name,
    participle_root,
    second_cue,
    head_verb,
    loose_coordination,
    preposition_participle,
    noun_participle,
    name_before,
)
"""In the order they are asked at each verb; `name_before` always answers."""
