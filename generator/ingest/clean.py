"""Cleaning of decoded article text: characters, paragraphs, web boilerplate and datelines.

Which single line is boilerplate is `boilerplate`'s to say; this module cleans whole paragraphs:
what is glued to one, and furniture told by its place (a byline at the top, a box of links).
"""

from __future__ import annotations

import re
import unicodedata

from generator.ingest.boilerplate import fold, is_boilerplate, is_name_word, phrases

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
    # Doubled single curly marks stand for double ones ("… that I head,’’ Mr. Netanyahu said").
    text = text.replace("‘‘", "“").replace("’’", "”")
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
    real text still goes, then paragraph by paragraph (what is glued to a paragraph, and
    furniture told by its place: a byline at the top, a box of links).
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
    paragraphs, dropped = drop_furniture(paragraphs)
    return paragraphs, removed + dropped


_WRAP_WIDTH = 100
_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,2}[.)])\s")


def _one_paragraph_a_line(lines: list[str]) -> bool:
    return len(lines) > 1 and (
        any(len(line) > _WRAP_WIDTH for line in lines[:-1])
        or sum(bool(_LIST_ITEM.match(line)) for line in lines) > 1
    )


# What is glued to a paragraph. Each takes a paragraph and returns what stays and what went.


def _is_sentence(text: str) -> bool:
    """Article text, not a link's title: a sentence of a dozen words or more, with no "| Author"."""
    return text.rstrip("”\"’')")[-1:] in (".", "!", "?") and len(text.split()) >= 12 and " | " not in text


def _strip_label(paragraph: str) -> tuple[str, str]:
    """A link's label at the end of a line ("… Read more", "… Listen · 3:39"): the whole line is a
    link unless what comes before the label is a sentence."""
    core = paragraph.rstrip(" .:·•|»›>…0123456789")
    for label in phrases().label:
        words = core.rsplit(" ", len(label))
        if (
            len(words) > len(label)
            and words[1][:1].isupper()
            and tuple(map(str.casefold, words[1:])) == label
        ):
            rest = words[0].rstrip()
            if _is_sentence(rest):
                return rest, paragraph[len(rest) :].strip()
            return "", paragraph
    return paragraph, ""


_POST_LINK = re.compile(r" ?(?:https?://)?(?:pic\.twitter\.com|t\.co)/\w+")
_SIGNATURE = re.compile(r"[^()—]{1,80} \(@\w{1,30}\)(?: [A-Z][a-z]{2,9}\.? \d{1,2}, \d{4})?")
_POSTER = re.compile(r"[^()—]{1,60} \(@\w{1,30}\) ")


def _strip_post_signature(paragraph: str) -> tuple[str, str]:
    """An embedded post keeps its words and loses its links and the name, handle and date that
    sign it ("… pic.twitter.com/x — Jane Doe (@jane) May 1, 2019")."""
    text, gone = paragraph, []
    cut = text.rfind("—")
    if cut >= 0 and _SIGNATURE.fullmatch(text[cut + 1 :].strip()):
        text, signature = text[:cut].rstrip(), text[cut:]
        gone.append(signature)
    links = _POST_LINK.findall(text)
    if links:
        text = _POST_LINK.sub("", text)
        gone.extend(link.strip() for link in links)
        poster = _POSTER.match(text)  # "Jane Doe (@jane) The words of the post"
        if poster:
            text = text[poster.end() :]
            gone.append(poster.group().strip())
    return text.strip(), " ".join(gone)


def _strip_widget(paragraph: str) -> tuple[str, str]:
    """The title and buttons of a box that opens in the page ("Q&A Why is …? Show Hide …")."""
    at = paragraph.find(" Show Hide")
    if 0 < at <= 150:
        end = at + len(" Show Hide")
        return paragraph[end:].strip(), paragraph[:end]
    return paragraph, ""


GLUED = (_strip_label, _strip_post_signature, _strip_widget)


# Furniture told by its place among the paragraphs. Each takes the paragraphs and returns
# those that stay and those that went.

_BOX_SIZE = 12


def _is_link(paragraph: str) -> bool:
    """The title of a link in a box: short, and not ended like a sentence (or cut off with "…")."""
    end = paragraph.rstrip("”\"’')] ")
    return len(paragraph) <= 200 and (end[-1:] not in (".", "!", "?", ":") or end.endswith(("...", "…")))


def _is_header(paragraph: str) -> bool:
    """ "Read more:", "Related", "More on X", "Story highlights" (and its first highlight)."""
    folded = fold(paragraph)
    core = folded[:-2] if folded.endswith(" :") else folded
    headers = phrases().header
    words = core.split(" ", 2)
    return core in headers or (len(words) > 2 and " ".join(words[:2]) in headers and _is_link(paragraph))


def _drop_link_boxes(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    kept, removed, box = [], [], 0
    for paragraph in paragraphs:
        if _is_header(paragraph):
            box = _BOX_SIZE
        elif box and _is_link(paragraph):
            box -= 1
        else:
            box = 0
            kept.append(paragraph)
            continue
        removed.append(paragraph)
    return kept, removed


_HEAD = 4


def _is_outlet(paragraph: str) -> bool:
    """The second line of a byline: an agency, "Special for …", or a short line in capitals."""
    folded = fold(paragraph)
    words = folded.count(" ") + 1
    if words <= 4 and paragraph.isupper():
        return True
    return words <= 6 and any(
        folded == p or (prefix and folded.startswith(p + " ")) for p, prefix in phrases().outlet
    )


def _is_names(paragraph: str) -> bool:
    """The first line of a byline: names only ("Jane Doe and John Roe")."""
    words = paragraph.replace(",", " ").split()
    return (
        2 <= len(words) <= 12
        and len(paragraph) <= 80
        and paragraph[-1] not in ".!?:"
        and all(is_name_word(w) and not any(c.isdigit() for c in w) for w in words)
        and sum(w[:1].isupper() for w in words) >= 2
    )


def _drop_byline(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """A byline at the top: the reporters' names over their outlet ("Jane Doe" / "USA TODAY")."""
    for i, paragraph in enumerate(paragraphs[:_HEAD]):
        if _is_outlet(paragraph):
            first = i - 1 if i and _is_names(paragraphs[i - 1]) else i
            return paragraphs[:first] + paragraphs[i + 1 :], paragraphs[first : i + 1]
    return paragraphs, []


def _drop_author_note(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """A note on the author as the last paragraph ("Jane Doe is a senior editor at …")."""
    words = paragraphs[-1].split()[:14] if paragraphs else []
    at = words.index("is") if "is" in words[:5] else 0
    roles = phrases().role
    named = at >= 2 and all(w[:1].isupper() for w in words[:at])
    if named and any(part in roles for w in words[at + 1 : at + 9] for part in fold(w).split()):
        return paragraphs[:-1], paragraphs[-1:]
    return paragraphs, []


SEQUENCE_RULES = (_drop_link_boxes, _drop_byline, _drop_author_note)


def drop_furniture(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Clean whole paragraphs: strip what is glued to each, then drop furniture told by its place.

    Returns the paragraphs that stay and what was removed."""
    kept, removed = [], []
    for paragraph in paragraphs:
        for strip in GLUED:
            paragraph, gone = strip(paragraph)
            removed.extend([gone] if gone else [])
        if paragraph and is_boilerplate(paragraph):
            removed.append(paragraph)
        elif paragraph:
            kept.append(paragraph)
    for rule in SEQUENCE_RULES:
        kept, gone = rule(kept)
        removed.extend(gone)
    return kept, removed


def drop_kicker(paragraphs: list[str], title: str) -> tuple[list[str], list[str]]:
    """A caption run into a short form of the headline, opening the text ("A soldier cleans a
    tank on Thursday. Gazans clean up; truce holds"): the tail shares its words with the title."""
    first = paragraphs[0] if paragraphs else ""
    cut = max(first.rfind(". "), first.rfind("| "))
    tail = first[cut + 2 :] if cut > 0 else ""
    credit = phrases().credit
    words = [word for word in _title_words(tail) if word not in credit]
    if len(words) < 3 or tail.rstrip("”\"’')")[-1:] in (".", "!", "?"):
        return paragraphs, []
    in_title = set(_title_words(title))
    if sum(word in in_title for word in words) >= 0.8 * len(words):
        return paragraphs[1:], paragraphs[:1]
    return paragraphs, []


_TITLE_WORD = re.compile(r"[^\W_]+")


def _title_words(text: str) -> list[str]:
    return _TITLE_WORD.findall(text.casefold().replace("’s", "").replace("'s", ""))


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
