"""Claims attributed by a name and a colon: `Sanders: …` in a headline, `TAPPER: …` in a transcript."""

from __future__ import annotations

from collections.abc import Iterable

from generator.analysis.claims import calibration
from generator.analysis.claims.base import OPEN_MARKS, Candidate, Extractor, Paragraph, in_quote
from generator.analysis.lexicon import HEADLINE_LABELS
from generator.analysis.syntax import doc_text, trim, words_between


def colon_claims(paragraph: Paragraph) -> Iterable[Candidate]:
    """`Sanders: Clinton needs to …` and `Obama on climate: the trends are …` in a headline;
    `TAPPER: Do you think …` opening a paragraph of a transcript.

    The words before the colon must read as a name: a short capitalised phrase, with no verb,
    that is not a section label ("The Latest", "EXCLUSIVE –", "Update"). Whether it names
    someone the article knows is decided when speakers are resolved (`extract._known`).
    """
    doc = paragraph.doc
    # A transcript pasted as one quotation a paragraph: "WALLACE: Let's start …
    lead = 1 if len(doc) > 1 and doc[0].text in OPEN_MARKS and not paragraph.headline else 0
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
    start, stop = trim(doc, colon.idx + 1, len(doc_text(doc)))
    if words_between(doc, start, stop) < calibration.MIN_SOURCE_WORDS:
        return
    # A headline reports; a transcript gives the words as spoken.
    kind = "indirect" if paragraph.headline else "direct"
    yield Candidate(
        paragraph.index,
        start,
        stop,
        kind,
        ":",
        (first, end),
        end - 1,
        "colon",
        prior=calibration.COLON,
        rule="colon",
        by_label=True,
    )


COLON_EXTRACTOR = Extractor("colon", 22, colon_claims)
