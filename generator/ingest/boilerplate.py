"""Which lines of an article are web-page furniture (prompts, players, credits, captions) and not its text.

The phrases are data, `generator/data/boilerplate.tsv`, read once on first use; the forms a
phrase cannot describe (photo credits and captions, bylines, "… contributed to this report",
"Follow X on Twitter") are the small checks below. Every check takes time linear in its input:
words are compared as sets or with `str` methods, and the few regular expressions have no
quantifier that can backtrack into another (`tests/test_boilerplate.py` times them).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources

KINDS = (
    "line", "start", "within", "end", "label", "header", "share", "credit", "photo", "outlet", "lead", "role",
)  # fmt: skip

# Folding maps the common marks one for one, at C speed; a regular expression sweeps up the rare others.
_MARK_CHARACTERS = '!"$%()*+,-./;<=>?[\\]^_`{}~“”‘«»–—•·…¡¿'
_FOLD = str.maketrans(_MARK_CHARACTERS + "0123456789", " " * len(_MARK_CHARACTERS) + "#" * 10)
_OTHER_MARKS = re.compile(r"[^\w\s©@#:|&]")
_NUMBERS = re.compile(r"#{2,}")


class BoilerplateDataError(Exception):
    """The phrase file is inconsistent; the message names the line."""


def fold(text: str) -> str:
    """Text in the form phrases are compared in: lower case, "#" for a number, ":" and "|" as
    words of their own, apostrophes dropped and every other mark a space."""
    text = text.casefold().replace("'", "").replace("’", "").translate(_FOLD)
    text = text.replace(":", " : ").replace("|", " | ")
    if not text.isascii():
        text = _OTHER_MARKS.sub(" ", text)
    if "##" in text:
        text = _NUMBERS.sub("#", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Phrases:
    """The phrase file, by kind (see the file's header). A limit of 0 means any length."""

    line: frozenset[str]
    start: tuple[tuple[str, int], ...]
    """Each phrase with a space at either end, as `_is_phrase` compares it, and its word limit."""
    within: tuple[tuple[str, int], ...]
    end: tuple[tuple[str, int], ...]
    label: tuple[tuple[str, ...], ...]
    header: frozenset[str]
    share: frozenset[str]
    credit: frozenset[str]
    photo: frozenset[str]
    outlet: tuple[tuple[str, bool], ...]
    lead: tuple[tuple[str, ...], ...]
    role: frozenset[str]


def package_file() -> str:
    return (resources.files("generator") / "data" / "boilerplate.tsv").read_text(encoding="utf-8")


@cache
def phrases() -> Phrases:
    """The package's phrase file, read and checked once."""
    return read_phrases(package_file())


def read_phrases(text: str) -> Phrases:
    """Parse a phrase file.

    Raises:
        BoilerplateDataError: a row with an unknown kind, no phrase, a bad limit, or listed twice.
    """
    rows: dict[str, list[tuple[str, int]]] = defaultdict(list)
    seen: dict[tuple[str, str], int] = {}
    for number, row in enumerate(text.splitlines(), start=1):
        if not row.strip() or row.startswith("#"):
            continue
        cells = row.split("\t")
        kind, phrase, limit = cells[0], fold(cells[1]) if len(cells) > 1 else "", "".join(cells[2:3]) or "0"
        where = f"boilerplate.tsv, line {number}"
        if kind not in KINDS:
            raise BoilerplateDataError(f"{where}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
        if not phrase or len(cells) > 3 or not limit.isdigit():
            raise BoilerplateDataError(f"{where}: expected a kind, a phrase and an optional word limit")
        if (kind, phrase) in seen:
            raise BoilerplateDataError(f"{where}: {phrase!r} is listed already, at line {seen[kind, phrase]}")
        seen[kind, phrase] = number
        # An outlet ending in "*" opens the line ("Special for *"); its limit says so.
        rows[kind].append((phrase, int(limit) or (kind == "outlet" and cells[1].endswith("*"))))
    words = {kind: frozenset(phrase for phrase, _ in rows[kind]) for kind in KINDS}
    by_length = {kind: sorted(words[kind], key=len, reverse=True) for kind in ("label", "lead")}
    return Phrases(
        line=words["line"],
        start=tuple((f" {phrase} ", limit) for phrase, limit in rows["start"]),
        within=tuple((f" {phrase} ", limit) for phrase, limit in rows["within"]),
        end=tuple((f" {phrase} ", limit) for phrase, limit in rows["end"]),
        label=tuple(tuple(phrase.split()) for phrase in by_length["label"]),
        header=words["header"],
        share=words["share"],
        credit=words["credit"],
        photo=words["photo"],
        outlet=tuple((phrase, bool(limit)) for phrase, limit in rows["outlet"]),
        lead=tuple(tuple(phrase.split()) for phrase in by_length["lead"]),
        role=words["role"],
    )


# Lower-case words that may stand between the capitalised words of a list of names.
_PARTICLES = frozenset(
    {"and", "of", "the", "de", "da", "del", "der", "van", "von", "al", "el", "bin", "la", "le"}
)
_WORD = re.compile(r"[\w.'’-]+")


def is_name_word(word: str) -> bool:
    """A word of a name: capitalised, or a particle ("van", "al-")."""
    return word[:1].isupper() or word.split("-", 1)[0].casefold() in _PARTICLES


# Checks of one line. Each takes the line (spaces collapsed) and its folded form.


def _is_phrase(line: str, folded: str) -> bool:
    """A phrase of the file: the whole line, or what it opens with, holds or closes with."""
    table = phrases()
    if folded in table.line:
        return True
    words = folded.count(" ") + 1
    padded = f" {folded} "
    return (
        any(padded.startswith(p) for p, limit in table.start if not limit or words <= limit)
        or any(p in padded for p, limit in table.within if not limit or words <= limit)
        or any(padded.endswith(p) for p, limit in table.end if not limit or words <= limit)
    )


def _is_share_bar(line: str, folded: str) -> bool:
    """Share buttons ("Share | Tweet | Email"): a set check on the words, where F-1's pattern backtracked."""
    words = [word for word in folded.split() if word != "|"]
    share = phrases().share
    return bool(words) and all(word in share for word in words)


def _is_rule(line: str, folded: str) -> bool:
    """A line with no letter or digit: a rule ("____", "* * *"), a bullet or a stray mark."""
    return not any(char.isalnum() for char in line)


def _is_credit(line: str, folded: str = "") -> bool:
    """A photo credit: capitalised names around an agency or a photo word ("Ahn Young-joon/AP Photo")."""
    if not line or len(line) > 160 or line[-1] in '.!?:;"”’':
        return False
    words = line.replace("/", " ").replace(",", " ").split()
    keys = [word.casefold().strip("()[].'’") for word in words]
    table = phrases()
    if len(words) > 16 or not any(key in table.credit for key in keys):
        return False
    if not all(is_name_word(word) or key == "via" for word, key in zip(words, keys, strict=True)):
        return False
    return "/" in line or any(key in table.photo for key in keys) or all(key in table.credit for key in keys)


_CREDIT_MARKERS = ("Photograph:", "Photographer:", "Photo:", "Picture:", "Photo credit:", "Image:")


def _ends_with_credit(line: str, folded: str = "") -> bool:
    """A caption: a line that ends with its credit ("… 2019. Hamad I Mohammed/Reuters",
    "… [Omar Sobhani/Reuters]", "… (Iranian Presidency Office via AP)", "… Photograph: X/EPA")."""
    if line.endswith("]"):  # "[Jo Bloggs/Al Jazeera]": a person's name, a slash, an outlet
        inner = line[line.rfind("[") + 1 : -1]
        left, _, right = inner.partition("/")
        words = inner.replace("/", " ").split()
        named = len(left.split()) >= 2 and right.strip() and "," not in inner
        if named and len(words) <= 10 and all(map(is_name_word, words)):
            return True
    if line.endswith(")"):
        inner = line[line.rfind("(") + 1 : -1]
        if (" via " in inner or "/" in inner) and _is_credit(inner):
            return True
    if " | " in line and _is_credit(line.rsplit(" | ", 1)[1]):  # "… | AP Photo"
        return True
    for marker in _CREDIT_MARKERS:
        at = line.rfind(marker)
        credit = line[at + len(marker) :].split()
        if at > 0 and 0 < len(credit) <= 8 and not line.endswith("."):
            return True
    tail = line[line.rfind(". ") + 2 :] if ". " in line else ""
    return ("/" in tail or " via " in tail) and _is_credit(tail)


_ARTICLES = frozenset({"a", "an", "the", "this", "these"})
_PICTURES = frozenset(
    {"image", "images", "photo", "photos", "picture", "pictures", "photograph", "screengrab"}
)
_POSED = frozenset({"surrounded", "flanked", "accompanied", "escorted", "pictured", "photographed", "seen"})
_POSED_BY = frozenset({"by", "with", "at", "in", "during", "on", "as", "outside", "inside", "near"})
# Words of a clause: a caption has none ("Kim Jong Un surrounded by officials on the day of …").
_FINITE = frozenset((
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could",
    "may", "might", "shall", "should", "must", "did", "does", "do", "said", "says", "say", "told", "tells",
))  # fmt: skip


def _is_caption(line: str, folded: str) -> bool:
    """A photo caption without a credit: "An image from state media shows …", or a name and
    a participle with no verb ("North Korean leader Kim Jong Un surrounded by officials …")."""
    if any(mark in line for mark in '“”"') or not line.endswith("."):
        return False
    tokens, words = folded.split(), line.split()
    # As written: "May 14" is a date, "may" a verb.
    if len(tokens) > 30 or any(word.strip(",;:.") in _FINITE for word in words):
        return False
    if (
        tokens[:1]
        and tokens[0] in _ARTICLES
        and any(t in _PICTURES for t in tokens[1:5])
        and "shows" in tokens
    ):
        return True
    for i, word in enumerate(words[2:10], start=2):
        if word in _POSED and words[i + 1 : i + 2] and words[i + 1] in _POSED_BY and words[i - 1][-1] != ",":
            named = any(w[:1].isupper() for w in words[1:i])
            return named and not any(w.rstrip(".,").endswith("ed") for w in words[i + 1 :])
    return False


_CALENDAR = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "then", "now", "contrast",
))  # fmt: skip


def _is_byline(line: str, folded: str) -> bool:
    """ "By Jane Doe", "By Jane Doe, Europe editor", "Analysis by Jane Doe, BBC News, Washington"."""
    tokens = folded.split(" ", 2)
    start = 1 if tokens[0] == "by" else 2 if tokens[:2] == ["analysis", "by"] else 0
    if not start or len(line) > 100 or line.endswith((".", "!", "?", ":")):
        return False
    name, *more = line.split(" ", start)[-1].split(",")
    words = name.split()
    return (
        0 < len(words) <= 4
        and words[0].casefold() not in _CALENDAR
        and all(is_name_word(word) and not any(c.isdigit() for c in word) for word in words)
        and len(more) <= 2
        and all(len(part.split()) <= 5 for part in more)
    )


_JOINERS = frozenset(
    {"and", "in", "from", "of", "the", "by", "at", "with", "editing", "writing", "reporting"}
)
_STAFF = frozenset(
    {"also", "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "staff"}
)
_CONTRIBUTED = ("reporting", "to this report", "to this article", "to this story", "to the report")


def _is_contribution(line: str, folded: str) -> bool:
    """Reporters credited: "Additional reporting by …", "Contributing: …", "X and Y contributed
    to this report", "X in Dubai and Y in London contributed"."""
    if len(line) > 400:
        return False
    words = _WORD.findall(line.rstrip("."))
    lower = [word.casefold() for word in words]
    for lead in phrases().lead:
        if tuple(lower[: len(lead)]) == lead:
            rest = words[len(lead) :]
            return bool(rest) and all(is_name_word(w) or w.casefold() in _JOINERS for w in rest)
    if "contributed" not in lower:
        return False
    at = len(lower) - 1 - lower[::-1].index("contributed")
    subject, tail = words[:at], " ".join(lower[at + 1 :])
    if not tail:  # "X in Dubai contributed": the place tells it from "Japan and Germany contributed"
        return "in" in lower[:at] and all(is_name_word(w) or w.casefold() in _JOINERS for w in subject)
    form = next((f for f in _CONTRIBUTED if tail == f or tail.startswith((f"{f} from ", f"{f} in "))), None)
    if form is None or not subject:
        return False
    place = words[at + 2 + form.count(" ") :]
    return all(map(is_name_word, place)) and all(
        is_name_word(w) or w.casefold() in _JOINERS | _STAFF for w in subject
    )


_FOLLOW = re.compile(r"Follow (?:[A-Z][\w.'’-]* ){1,4}on (?:Twitter|Facebook|Instagram|X|Threads|Bluesky)\b")


def _is_social_footer(line: str, folded: str) -> bool:
    """ "Follow Jane Doe on Twitter: @jane", "Write to Jane Doe at jane.doe@example.com"."""
    if _FOLLOW.match(line):
        return True
    last = line.rsplit(" ", 1)[-1]
    opener = folded.startswith(("write to ", "contact ", "reach ", "email "))
    return opener and " at " in line and "@" in last and "." in last


def _is_shouted(line: str, folded: str) -> bool:
    """A line of five words or more in capitals: a link to another story, or a kicker."""
    letters = [char for char in line if char.isalpha()]
    return folded.count(" ") >= 4 and bool(letters) and all(char.isupper() for char in letters)


def _is_cross_reference(line: str, folded: str) -> bool:
    """A line in brackets that names what it points to: "(PHOTOS: …)", "(Also on POLITICO: …)"."""
    return line.startswith("(") and line.endswith(")") and ":" in folded.split()[:5]


LINE_CHECKS = (
    _is_phrase, _is_share_bar, _is_rule, _is_credit, _ends_with_credit, _is_caption, _is_byline,
    _is_contribution, _is_social_footer, _is_shouted, _is_cross_reference,
)  # fmt: skip


def is_boilerplate(line: str) -> bool:
    """Whether a line is page furniture rather than article text."""
    line = " ".join(line.split())
    if not line:
        return False
    folded = fold(line)
    return any(check(line, folded) for check in LINE_CHECKS)
