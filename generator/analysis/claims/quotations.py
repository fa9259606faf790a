"""Direct quotations, attributed by a cue before or after them, a colon or a dash."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.analysis.claims import calibration
from generator.analysis.claims.base import (
    CLOSE_MARKS,
    OPEN_MARKS,
    Attribution,
    Candidate,
    Extractor,
    Paragraph,
)
from generator.analysis.claims.speaker import subject_of
from generator.analysis.lexicon import SPEECH_VERBS, WEAK_CUES
from generator.analysis.quotes import Quote
from generator.analysis.syntax import cue_text, doc_text, inverted_cue, is_cue, phrase
from generator.text import token_starts

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


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
            first, second = _attribution_before, _attribution_after
        else:
            first, second = _attribution_after, _attribution_before
        attribution = first(paragraph, quote, previous_end) or second(paragraph, quote, previous_end)
        full = _is_full_quote(doc, quote, content)
        previous_end = quote.end
        if attribution is not None:
            candidate = _attributed(paragraph, quote, attribution, full)
        else:
            candidate = _unattributed(paragraph, quote, content, full)
        if candidate is not None:
            yield candidate


def _attributed(paragraph: Paragraph, quote: Quote, attribution: Attribution, full: bool) -> Candidate | None:
    # A fragment inside a reported clause ("called it “desperate”"): reported speech
    # extractors produce the mixed claim.
    fragment = not full and attribution.cue not in (":", "–") and not attribution.optional
    if fragment and quote_is_inside_clause(paragraph.doc, quote):
        return None
    sure = quote.opened and quote.closed
    return Candidate(
        paragraph.index,
        quote.start,
        quote.end,
        "direct",
        attribution.cue,
        attribution.speaker,
        attribution.anchor,
        "quotations",
        prior=calibration.QUOTATION if sure else calibration.QUOTATION_MARK_MISSING,
        optional=attribution.optional,
        quoted=True,
        rule="quotation" if sure else "quotation_mark_missing",
        speaker_rule=attribution.rule,
    )


def _unattributed(paragraph: Paragraph, quote: Quote, content: Span, full: bool) -> Candidate | None:
    """A quotation opening the paragraph after "Stone said:"; else, if it is a statement of its
    own, the continuation of the last speaker's quotation."""
    introduced = _introduced_before(paragraph) if quote.start <= 2 else None
    if introduced is not None:
        return Candidate(
            paragraph.index,
            quote.start,
            quote.end,
            "direct",
            introduced.cue,
            introduced.speaker,
            introduced.anchor,
            "quotations",
            prior=calibration.QUOTATION_INTRODUCED,
            quoted=True,
            speaker_paragraph=paragraph.index - 1,
            rule="quotation_introduced",
            speaker_rule=introduced.rule,
        )
    if not full:
        return None
    return Candidate(
        paragraph.index,
        quote.start,
        quote.end,
        "direct",
        None,
        None,
        content.start,
        "quotations",
        prior=calibration.QUOTATION_CONTINUED,
        inherit=True,
        quoted=True,
        rule="quotation_continued",
    )


def _introduced_before(paragraph: Paragraph) -> Attribution | None:
    """`Stone said:` ending the previous paragraph introduces the quotation that opens this one."""
    previous = paragraph.previous
    if previous is None or not previous.text.rstrip().endswith(":"):
        return None
    last = list(previous.sents)[-1]
    cues = [t for t in last if is_cue(t)]
    for cue in reversed(cues):
        speaker = subject_of(cue)
        if speaker is not None:
            return Attribution(cue_text(cue), phrase(speaker), phrase(speaker)[1] - 1, rule="cue_before")
    return None


def _is_full_quote(doc: Doc, quote: Quote, content: Span) -> bool:
    """A quotation that is a statement in its own right, not a word or title in a sentence."""
    words = len(doc_text(doc)[quote.start : quote.end].split())
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in content)
    before = _before(doc_text(doc), quote.start)
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
    before = _before(doc_text(doc), quote.start)
    return bool(before) and before[-1] not in ".!?:;"


def _before(text: str, start: int) -> str:
    """The last few characters before `start`, past opening marks and spaces ("" at the start
    of the paragraph): a look back, not a copy of the paragraph for each quotation."""
    end = start
    while end > 0 and text[end - 1] in "“\"‘' ":
        end -= 1
    return text[max(0, end - 8) : end]


def _window_after(doc: Doc, quote: Quote, limit: int = 14) -> list[Token]:
    """Tokens after a quotation's closing mark, up to the sentence end or the next quotation."""
    tokens: list[Token] = []
    first = bisect_left(token_starts(doc), quote.end)
    if first >= len(doc):
        return tokens
    i = first
    # Skip the closing mark and punctuation glued to it.
    while i < len(doc) and (doc[i].text in CLOSE_MARKS or (doc[i].text in (",", "…") and i - first < 3)):
        i += 1
    while i < len(doc) and len(tokens) < limit:
        token = doc[i]
        if token.text in OPEN_MARKS or token.text in (".", "!", "?", ";"):
            break
        if token.text in ("“",):
            break
        tokens.append(token)
        i += 1
    return tokens


def _attribution_after(paragraph: Paragraph, quote: Quote, previous_end: int = 0) -> Attribution | None:
    """`“…,” said X.` / `“…,” X said.` / `“…” – X` / `“…,” according to X.`"""
    doc = paragraph.doc
    if not quote.closed:
        return None
    window = _window_after(doc, quote)
    if (
        window
        and doc_text(doc)[quote.start : quote.end].rstrip("”’\"' ").endswith(".")
        and window[0].pos_ not in ("PROPN", "PRON", "VERB", "NOUN", "DET")
        and window[0].text not in ("–", "—", "-")
    ):
        return None  # “… here.” In an interview, X said …: a new sentence, not an attribution
    if not window:
        return None
    text_after = doc_text(doc)[quote.end : window[0].idx]
    for token in window[:8]:
        if is_cue(token):
            speaker = subject_of(token)
            rule = "cue_after"
            if speaker is not None and speaker.i < window[0].i:
                # The parse took a word of the quotation as the subject ("“We …,” Ramos, 58, told AFP").
                speaker = None
            if speaker is None:
                rule = "name_near_cue"
                before = [t for t in window if t.i < token.i and _names_someone(t)]
                after = [t for t in window if t.i > token.i and _names_someone(t)]
                # "Ramos, 58, told": the name before the verb; "said the diplomat": the one after.
                speaker = before[0] if before else after[0] if after else None
            if speaker is None:
                continue
            optional = token.lemma_ == "read" or _is_headline(speaker)
            return Attribution(cue_text(token), phrase(speaker), speaker.i, optional, rule)
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return Attribution("according to", phrase(objects[0]), objects[0].i, rule="according_to")
        if token.is_sent_start and token.i > window[0].i:
            break
    quoted = doc_text(doc)[quote.start : quote.end].rstrip("”’\"' ")
    verb = (
        _verb_after(window)
        if quoted.endswith((",", "?", "!")) or text_after.strip().startswith(",")
        else None
    )
    if verb is not None:
        names = [t for t in window if t is not verb and _is_named(t)]
        speaker = subject_of(verb) or names[0]
        if speaker.i >= window[0].i:
            return Attribution(cue_text(verb), phrase(speaker), speaker.i, rule="verb_after")
    dash = text_after.strip().startswith(("–", "—", "-")) or window[0].text in ("–", "—", "-")
    if dash:
        names = [t for t in window if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
        if names:
            head = names[-1]
            start = min(t.i for t in window if t.text not in ("–", "—", "-"))
            return Attribution("–", (start, head.i + 1), head.i, rule="dash")
    return None


def _attribution_before(paragraph: Paragraph, quote: Quote, previous_end: int) -> Attribution | None:
    """`X said: “…”` / `X said, “…”` / `X stressed that “…”` / `Chairwoman Y: “…”`."""
    doc = paragraph.doc
    if not quote.opened:
        return None
    # The tokens wholly between the previous quotation and this one; a span, not a scan of the
    # whole paragraph for every quotation (quadratic in the quotations of a paragraph).
    span = doc.char_span(previous_end, quote.start, alignment_mode="contract")
    before = list(span) if span is not None else []
    # Only the sentence the quotation opens in.
    for i in range(len(before) - 1, -1, -1):
        if before[i].text in (".", "!", "?") and i < len(before) - 1:
            before = before[i + 1 :]
            break
    before = [t for t in before if t.text not in OPEN_MARKS]
    if not before:
        return None
    last = before[-1]
    cues = sorted(
        (t for t in before if is_cue(t)),
        key=lambda t: (
            t is not last,
            t.lemma_.lower() in WEAK_CUES,
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
        at = bisect_left(token_starts(doc), quote.start)
        first_quoted = doc[at] if at < len(doc) else None
        governs = first_quoted is not None and (
            cue.is_ancestor(first_quoted) or last.text in (":", ",") or last.lower_ in ("that", "and", "but")
        )
        if governs:
            speaker = subject_of(cue)
            if speaker is not None:
                return Attribution(cue_text(cue), phrase(speaker), speaker.i, rule="cue_before")
    if last.text in (":", ","):
        verb = _verb_introducing(before)
        if verb is not None:
            speaker = subject_of(verb)
            return Attribution(cue_text(verb), phrase(speaker), speaker.i, rule="verb_before")
    inverted = inverted_cue(before[0])
    if (last.text == ":" or (inverted and last.text == ",")) and len(before) <= 8:
        names = [t for t in before if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or t.pos_ == "PROPN"]
        if names and not any(t.pos_ == "VERB" for t in before[inverted:]):
            cue = before[0].lower_ if inverted else ":"
            return Attribution(cue, (before[inverted].i, last.i), names[-1].i, rule="label")
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


QUOTATIONS_EXTRACTOR = Extractor("quotations", 30, quotation_claims)
