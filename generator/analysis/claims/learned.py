"""The learned judge of a broad candidate: features of the parse and of the rule that found it,
and a logistic model over them, read from `generator/data/claim_model.tsv`.

The features never name a word of the texts the model was trained on: only parse labels,
entity types, lengths, marks, and membership of a word in a closed class of the lexicon
(its frames, a modal, a preposition). `bench/train_claims.py` trains the model on PolNeAR
train and writes the file; here it is only read and summed, in pure Python.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from generator.analysis import lexicon
from generator.analysis.claims.base import Content, Paragraph
from generator.analysis.syntax import holds_views, is_cue, is_source

if TYPE_CHECKING:
    from spacy.tokens import Token

_FRAMES = (
    "SPEECH_VERBS", "WEAK_CUES", "COGNITION_VERBS", "ATTITUDE_VERBS", "OBJECT_VERBS",
    "NO_OBJECT_VERBS", "XCOMP_VERBS", "VERDICT_VERBS", "ASPECT_VERBS", "AS_VERBS", "SUPPORT_VERBS",
    "PREPOSITION_VERBS", "PASSIVE_HOLDERS", "CONTENT_TO", "CONTENT_ON", "CONTENT_IN",
)  # fmt: skip
"""The verb frames of the lexicon, by the name of their word list."""
_NOUN_CLASSES = (
    "SENTIENT_NOUNS", "SOURCE_NOUNS", "MEDIA_NOUNS", "DOCUMENT_NOUNS", "GROUP_NOUNS",
    "GOVERNMENT_NOUNS", "ORGANIZATION_NOUNS", "QUANTITY_NOUNS", "OWN_SOURCE_NOUNS",
)  # fmt: skip
_MODALS = ("will", "would", "could", "can", "may", "might", "should", "must", "'ll", "’ll", "wo", "ca")
_PREPOSITIONS = (
    "about", "against", "as", "at", "by", "for", "from", "in", "into", "of", "on", "over", "to",
    "toward", "towards", "with",
)  # fmt: skip
_OPENERS = ("that", "to", "how", "why", "whether", "if", "what", "who", "when", "where")
_QUOTE_MARKS = set("“”\"‘’'")


@dataclass(frozen=True)
class Model:
    """Weights of a logistic model by feature, its bias and the probability it keeps from."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: tuple[str, ...]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def read_model(text: str) -> Model:
    """A model from the text of its file: `#` comments, then `feature<TAB>weight` rows, with
    the rows `(bias)` and `(threshold)`."""
    weights: dict[str, float] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, value = line.rsplit("\t", 1)
            weights[name] = float(value)
    return Model(weights, weights.pop("(bias)", 0.0), weights.pop("(threshold)", 1.0))


@cache
def claim_model() -> Model:
    """The shipped model, read once."""
    path = resources.files("generator") / "data" / "claim_model.tsv"
    return read_model(path.read_text(encoding="utf-8"))


def _bucket(n: int, edges: tuple[int, ...] = (1, 2, 3, 5, 8, 13, 21, 34)) -> str:
    return next((f"<={edge}" for edge in edges if n <= edge), f">{edges[-1]}")


def cue_features(cue: Token) -> list[str]:
    """What the lexicon says of the cue's lemma, and how the parse places it."""
    lemma = cue.lemma_.lower()
    frames = [f for f in _FRAMES if lemma in getattr(lexicon, f)]
    out = [f"frame:{f}" for f in frames] or ["frame:none"]
    kind = "speech" if "SPEECH_VERBS" in frames else "attitude" if "ATTITUDE_VERBS" in frames else "none"
    out.append(f"lex:{kind}")
    out += [f"tag:{cue.tag_}", f"dep:{cue.dep_}", f"head:{cue.head.pos_}" if cue.dep_ != "ROOT" else "head:-"]
    for child in cue.children:
        if child.tag_ == "MD":
            out.append(f"modal:{child.lower_ if child.lower_ in _MODALS else 'other'}")
        elif child.dep_ in ("auxpass", "prt", "neg", "dative", "advmod", "npadvmod", "agent"):
            out.append(f"child:{child.dep_}")
    if cue.dep_ == "xcomp":
        out.append(f"xcomp_of:{'speech' if is_cue(cue.head) else 'other'}")
    return out


def speaker_features(speaker: Token | None, cue: Token) -> list[str]:
    """Whether and how the speaker word can hold a view."""
    if speaker is None:
        return ["sp:none"]
    lemma, low = speaker.lemma_.lower(), speaker.lower_
    out = [f"sp_ent:{speaker.ent_type_ or '-'}", f"sp_pos:{speaker.pos_}", f"sp_dep:{speaker.dep_}"]
    out.append("sp_before" if speaker.i < cue.i else "sp_after")
    if low in lexicon.PRONOUNS:
        out.append(f"sp_pron:{lexicon.PRONOUNS[low]}")
    out += [f"sp_class:{name}" for name in _NOUN_CLASSES if lemma in getattr(lexicon, name)]
    out.append(f"sp_views:{holds_views(speaker)}")
    if is_source(speaker):
        out.append("sp_source")
    if speaker.text[:1].isupper():
        out.append("sp_capital")
    out.append(f"sp_gap:{_bucket(abs(cue.i - speaker.i), (1, 2, 4, 8))}")
    return out


def content_features(paragraph: Paragraph, content: Content, start: int, end: int) -> list[str]:
    """How the claim's words were found, how many there are, and what they look like."""
    doc, text = paragraph.doc, paragraph.doc.text[start:end]
    tokens = [t for t in content.tokens if start <= t.idx < end]
    out = [f"how:{content.how}", f"rule:{content.rule or '-'}", f"words:{_bucket(len(text.split()))}"]
    cue_words = content.cue.split()
    if len(cue_words) > 1 and cue_words[-1] in _PREPOSITIONS:
        out.append(f"prep:{cue_words[-1]}")
    before = doc.text[max(0, start - 12) : start].split()
    if before and before[-1].lower() in _OPENERS:
        out.append(f"opener:{before[-1].lower()}")
    first = text.split()[:1]
    if first and first[0].lower() in _OPENERS:
        out.append(f"first:{first[0].lower()}")
    roots = [t for t in tokens if t.head not in tokens or t.head == t]
    if roots:
        root = roots[0]
        out += [f"root_pos:{root.pos_}", f"root_ent:{root.ent_type_ or '-'}"]
    if any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in tokens):
        out.append("has_subject")
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in tokens):
        out.append("tensed")
    quoted = sum(max(0, min(end, q.end) - max(start, q.start)) for q in paragraph.quotes)
    share = quoted / max(1, end - start)
    out.append(f"quoted:{'none' if share == 0 else 'part' if share < 0.85 else 'most'}")
    if _QUOTE_MARKS & set(text):
        out.append("marks")
    if "?" in text:
        out.append("question")
    return out


def place_features(paragraph: Paragraph, cue: Token, start: int, end: int) -> list[str]:
    """Where the claim stands: the headline, the paragraph's first sentence, among other cues."""
    sentence = cue.sent
    others = sum(1 for t in sentence if t.i != cue.i and is_cue(t))
    out = [f"other_cues:{_bucket(others, (0, 1, 2))}"]
    if paragraph.headline:
        out.append("headline")
    elif paragraph.index == 0:
        out.append("first_paragraph")
    if sentence.start == 0:
        out.append("first_sentence")
    if sentence.text.rstrip().endswith("?"):
        out.append("sentence_question")
    if end >= len(paragraph.doc.text.rstrip(' .”"')) - 1:
        out.append("to_paragraph_end")
    return out


def features(
    paragraph: Paragraph, cue: Token, speaker: Token | None, content: Content, start: int, end: int
) -> tuple[str, ...]:
    """Every feature of one broad candidate, with the pairs that matter together."""
    cue_part = cue_features(cue)
    speaker_part = speaker_features(speaker, cue)
    content_part = content_features(paragraph, content, start, end)
    lex = next(f for f in cue_part if f.startswith("lex:"))
    views = next((f for f in speaker_part if f.startswith("sp_views") or f == "sp:none"), "sp:none")
    pairs = [
        f"{lex}&{content_part[0]}",
        f"{lex}&{content_part[1]}",
        f"{lex}&{views}",
        f"{content_part[1]}&{views}",
        f"{lex}&{speaker_part[0]}",
    ]
    return (*cue_part, *speaker_part, *content_part, *place_features(paragraph, cue, start, end), *pairs)
