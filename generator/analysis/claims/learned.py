"""The learned judge of claim candidates: features of the parse and of the rule that found
them, and a logistic model over them, read from `generator/data/claim_model.tsv`.

It judges twice: a broad candidate (`claims/broad.py`, a verb no rule reads) is kept when the
model is sure enough of it (`keep`), and a candidate of the rules that is not quoted is
dropped when the model is sure enough it is no claim (`drop`); quotations are never judged.

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
from generator.analysis.claims.base import Candidate, Paragraph
from generator.analysis.syntax import doc_text, holds_views, is_cue, is_source

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
    """Weights of a logistic model by feature, its bias, and the probabilities it judges by."""

    weights: dict[str, float]
    bias: float
    keep: float
    """A broad candidate is kept from this probability up."""
    drop: float
    """A rule's unquoted candidate is dropped below this probability."""

    def probability(self, features: tuple[str, ...]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def read_model(text: str) -> Model:
    """A model from the text of its file: `#` comments, then `feature<TAB>weight` rows, with
    the rows `(bias)`, `(keep)` and `(drop)`."""
    weights: dict[str, float] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, value = line.rsplit("\t", 1)
            weights[name] = float(value)
    bias = weights.pop("(bias)", 0.0)
    return Model(weights, bias, weights.pop("(keep)", 1.0), weights.pop("(drop)", 0.0))


@cache
def claim_model() -> Model:
    """The shipped model, read once."""
    path = resources.files("generator") / "data" / "claim_model.tsv"
    return read_model(path.read_text(encoding="utf-8"))


def _bucket(n: int, edges: tuple[int, ...] = (1, 2, 3, 5, 8, 13, 21, 34)) -> str:
    return next((f"<={edge}" for edge in edges if n <= edge), f">{edges[-1]}")


def _bucket(n: int, edges: tuple[int, ...] = (1, 2, 3, 5, 8, 13, 21, 34)) -> str:
    return next((f"<={edge}" for edge in edges if n <= edge), f">{edges[-1]}")


def cue_features(cue: Token | None) -> list[str]:
    """What the lexicon says of the cue's lemma, and how the parse places it."""
    if cue is None:
        return ["frame:-", "lex:-"]
    lemma = cue.lemma_.lower()
    frames = [f for f in _FRAMES if lemma in getattr(lexicon, f)]
    out = [f"frame:{f}" for f in frames] or ["frame:none"]
    kind = "speech" if "SPEECH_VERBS" in frames else "attitude" if "ATTITUDE_VERBS" in frames else "none"
    out.append(f"lex:{kind}")
    out += [f"pos:{cue.pos_}", f"tag:{cue.tag_}", f"dep:{cue.dep_}"]
    out.append(f"head:{cue.head.pos_}" if cue.dep_ != "ROOT" else "head:-")
    for child in cue.children:
        if child.tag_ == "MD":
            out.append(f"modal:{child.lower_ if child.lower_ in _MODALS else 'other'}")
        elif child.dep_ in ("auxpass", "prt", "neg", "dative", "advmod", "npadvmod", "agent"):
            out.append(f"child:{child.dep_}")
    if cue.dep_ == "xcomp":
        out.append(f"xcomp_of:{'speech' if is_cue(cue.head) else 'other'}")
    return out


def speaker_features(speaker: Token | None, cue: Token | None) -> list[str]:
    """Whether and how the speaker word can hold a view."""
    if speaker is None:
        return ["sp:none"]
    lemma, low = speaker.lemma_.lower(), speaker.lower_
    out = [f"sp_ent:{speaker.ent_type_ or '-'}", f"sp_views:{holds_views(speaker)}"]
    out += [f"sp_pos:{speaker.pos_}", f"sp_dep:{speaker.dep_}"]
    if low in lexicon.PRONOUNS:
        out.append(f"sp_pron:{lexicon.PRONOUNS[low]}")
    out += [f"sp_class:{name}" for name in _NOUN_CLASSES if lemma in getattr(lexicon, name)]
    if is_source(speaker):
        out.append("sp_source")
    if speaker.text[:1].isupper():
        out.append("sp_capital")
    if cue is not None:
        out.append("sp_before" if speaker.i < cue.i else "sp_after")
        out.append(f"sp_gap:{_bucket(abs(cue.i - speaker.i), (1, 2, 4, 8))}")
    return out


def content_features(paragraph: Paragraph, candidate: Candidate) -> list[str]:
    """How many words the claim has, where they start, and what they look like."""
    doc, start, end = paragraph.doc, candidate.start, candidate.end
    text = doc_text(doc)[start:end]
    tokens = [t for t in doc if start <= t.idx < end]
    out = [f"words:{_bucket(len(text.split()))}"]
    cue_words = (candidate.cue or "").split()
    if len(cue_words) > 1 and cue_words[-1] in _PREPOSITIONS:
        out.append(f"prep:{cue_words[-1]}")
    before = doc_text(doc)[max(0, start - 12) : start].split()
    if before and before[-1].lower() in _OPENERS:
        out.append(f"opener:{before[-1].lower()}")
    first = text.split()[:1]
    if first and first[0].lower() in _OPENERS:
        out.append(f"first:{first[0].lower()}")
    inside = set(tokens)
    roots = [t for t in tokens if t.head not in inside or t.head == t]
    if roots:
        out += [f"root_pos:{roots[0].pos_}", f"root_ent:{roots[0].ent_type_ or '-'}"]
        out.append(f"roots:{_bucket(len(roots), (1, 2, 3))}")
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


def place_features(paragraph: Paragraph, candidate: Candidate, cue: Token | None) -> list[str]:
    """Where the claim stands: the headline, the paragraph's first sentence, among other cues."""
    out = []
    if paragraph.headline:
        out.append("headline")
    elif paragraph.index == 0:
        out.append("first_paragraph")
    if cue is not None:
        others = sum(1 for t in cue.sent if t.i != cue.i and is_cue(t))
        out.append(f"other_cues:{_bucket(others, (0, 1, 2))}")
        if cue.sent.start == 0:
            out.append("first_sentence")
        if cue.sent.text.rstrip().endswith("?"):
            out.append("sentence_question")
    if candidate.end >= len(doc_text(paragraph.doc).rstrip(' .”"')) - 1:
        out.append("to_paragraph_end")
    return out


def _token(paragraph: Paragraph, i: int | None) -> Token | None:
    return paragraph.doc[i] if i is not None and 0 <= i < len(paragraph.doc) else None


def candidate_features(paragraph: Paragraph, candidate: Candidate) -> tuple[str, ...]:
    """Every feature of one candidate, with the pairs that matter together."""
    cue = _token(paragraph, candidate.cue_at)
    speaker = None
    if candidate.speaker is not None and candidate.speaker_paragraph is None:
        speaker = paragraph.doc[candidate.speaker[0] : candidate.speaker[1]].root
    found_by = [f"ex:{candidate.extractor}", f"rule:{candidate.rule or '-'}", f"kind:{candidate.kind}"]
    cue_part = cue_features(cue)
    speaker_part = speaker_features(speaker, cue)
    content_part = content_features(paragraph, candidate)
    lex = next(f for f in cue_part if f.startswith("lex:"))
    views = speaker_part[1] if speaker is not None else "sp:none"
    pairs = [f"{found_by[0]}&{f}" for f in (found_by[1], lex, views, speaker_part[0], content_part[0])]
    pairs += [f"{lex}&{found_by[1]}", f"{lex}&{views}", f"{found_by[1]}&{views}", f"{lex}&{speaker_part[0]}"]
    place = place_features(paragraph, candidate, cue)
    return (*found_by, *cue_part, *speaker_part, *content_part, *place, *pairs)


def judged(candidate: Candidate) -> bool:
    """Whether the model may drop a candidate of the rules: one of a rule, not a quotation."""
    return candidate.extractor not in ("learned", "quotations") and not candidate.quoted


def judge(candidates: list[Candidate], paragraph: Paragraph) -> list[Candidate]:
    """The candidates, without those of the rules the model is sure are no claim."""
    model = claim_model()
    if model.drop <= 0.0:
        return candidates
    return [
        c
        for c in candidates
        if not judged(c) or model.probability(candidate_features(paragraph, c)) >= model.drop
    ]
