"""Cleaning of decoded article text: characters, paragraphs, web boilerplate and datelines."""

from __future__ import annotations

import re
import unicodedata

from generator.ingest.boilerplate import is_boilerplate

# Quotation marks are unified to four forms: straight " and ', curly “ ” and ‘ ’.
# Curly marks keep their direction, which helps pair quotes when one is missing.
_CHARACTERS = str.maketrans(
    {
        "„": "“",
        "‟": "“",
        "«": "“",
        "»": "”",
        "″": '"',
        "＂": '"',
        "‚": "‘",
        "‛": "‘",
        "‹": "‘",
        "›": "’",
        "′": "'",
        "`": "‘",
        "´": "’",
        "‒": "–",
        "―": "—",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\t": " ",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"[ ]{2,}")

# "BEIJING, China –", "WASHINGTON (Reuters) -", "NEW YORK —": a place in capitals, maybe a
# region and an agency, then a dash, opening the first paragraph.
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.])"
    r"(?:,\s*[A-Z][\w.’' -]{1,40}?)?"
    r"(?:\s*\([^)]{1,40}\))?"
    r"\s*[–—-]{1,2}\s+(?=\S)"
)


_GLUED_QUOTE = re.compile(r"([,:;.!?])([“‘])(?=\w)")
# 'He says,” there are …”': a closing mark typed where the quotation opens, after a verb of
# speech and before words that another closing mark ends.
_BACKWARD_OPEN = re.compile(
    r"\b(says|said|say|adds|added|asks|asked|writes|wrote|explains|explained|declares|declared"
    r"|continues|continued)(,? ?)”(?=\s?\w[^“”\n]*”)"
)


def normalize(text: str) -> str:
    """Unify quotation marks, dashes and spaces; drop control and invisible characters."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    # Typewriter quotes: `` always opens; '' is used by some outlets to open and close.
    text = text.replace("``", "“").replace("''", '"')
    text = text.translate(_CHARACTERS)
    # 'said,“Look' → 'said, “Look': a curly opening mark glued to the word before it.
    text = _GLUED_QUOTE.sub(r"\1 \2", text)
    text = _BACKWARD_OPEN.sub(r"\1\2“", text)
    return strip_controls(text)


def strip_controls(text: str) -> str:
    """Drop control characters, which no article needs and which lxml refuses outright."""
    return _CONTROL.sub("", text)


def split_paragraphs(text: str) -> tuple[list[str], list[str]]:
    """Split text into (paragraphs, removed boilerplate lines).

    Paragraphs are separated by blank lines. Inside a block, lines wrapped at a fixed width
    are joined by a space, but text copied from a web page puts one paragraph (or heading, or
    list item) on each line: a line longer than any wrap width or a list item says so, and
    then every line stands alone. Boilerplate is judged line by line, so a prompt glued under
    real text still goes, and block by block, so a prompt wrapped over lines goes whole.
    """
    paragraphs, removed = [], []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in (_SPACES.sub(" ", line).strip() for line in block.split("\n")) if line]
        if len(lines) > 1 and not _one_paragraph_a_line(lines) and is_boilerplate(" ".join(lines)):
            removed += lines  # a prompt wrapped over several lines
            continue
        furniture = [is_boilerplate(line) for line in lines]
        removed += [line for line, gone in zip(lines, furniture, strict=True) if gone]
        lines = [line for line, gone in zip(lines, furniture, strict=True) if not gone]
        if _one_paragraph_a_line(lines):
            paragraphs.extend(lines)
        elif lines:
            paragraphs.append(" ".join(lines))
    return paragraphs, removed


_WRAP_WIDTH = 100
_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,2}[.)])\s")


def _one_paragraph_a_line(lines: list[str]) -> bool:
    return len(lines) > 1 and (
        any(len(line) > _WRAP_WIDTH for line in lines[:-1])
        or sum(bool(_LIST_ITEM.match(line)) for line in lines) > 1
    )


# "New York (AFP) –": a place in ordinary case is a dateline when a wire agency follows it.
_AGENCY_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3})"
    r"(?:,\s*[A-Z][\w.’' -]{1,40}?)?"
    r"\s*\((?:AFP|AP|Reuters|UPI|CNN|dpa|DPA|Xinhua|TASS|ANSA|EFE|IANS|PTI|Bloomberg|ANI)\)"
    r"\s*[–—-]{1,2}\s+(?=\S)"
)


def take_dateline(paragraph: str) -> tuple[str | None, str]:
    """Remove a leading dateline; return (place, rest of the paragraph)."""
    match = _AGENCY_DATELINE.match(paragraph)
    if match and (paragraph[match.end() :][:1].isupper() or paragraph[match.end() :][:1] in "“\"‘'"):
        return match.group("place"), paragraph[match.end() :]
    match = _DATELINE.match(paragraph)
    if not match:
        return None, paragraph
    place = match.group("place").strip(" -")
    letters = [c for c in place if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return None, paragraph
    rest = paragraph[match.end() :]
    if not rest[:1].isupper() and rest[:1] not in "“\"‘'":
        return None, paragraph
    return place, rest
