"""The lead of an article: its first real sentence, past captions, credits, bylines and labels."""

from __future__ import annotations

import re
from itertools import islice

from generator.analysis.lexicon import ABBREVIATIONS
from generator.model import Article
from generator.text import words

LEAD_WORDS = 60
"""A lead longer than this (in the scorer's words) is cut at a clause boundary."""
_TEASER_WORDS = 12
"""A first sentence shorter than this is a teaser ("The summit seems to be on again."): the next
sentence, which says what happened, is taken with it."""
_MIN_CLAUSE = 12
_HEADLINE_WORDS = 4
"""A paragraph that opens with a headline this long repeats it; a shorter one may open a sentence."""
_WHOLE_WORDS = 75
"""A sentence with no clause to end it at is kept whole up to this length."""

# A sentence ends at . ! or ? (and the closing quotes or brackets after it) before a space and
# a capital, a figure or an opening mark, or at the end of the text; or, in text whose spaces
# were lost, between a word and a capitalised word ("abroad.On Wednesday", 'threat."You').
_END = re.compile(
    r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9]|\s*$)"
    r"|(?<=[a-z]{2})[.!?]+(?=\"?[A-Z][a-z])|(?<=[a-z]{2})[.!?]+[”’](?=[“‘]?[A-Z][a-z])"
)
_FINAL = re.compile(r"[.!?][\"”’')\]]*$")
# Words that open a sentence after a dotted abbreviation ("… in the U.S. The talks …"); any other
# word after it belongs to the same sentence ("the U.S. Senate").
_OPENERS = frozenset(
    {"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "this", "that"}
    | {"these", "those", "there", "his", "her", "its", "their", "our", "in", "on", "at", "for"}
    | {"after", "as", "when", "while", "if", "yet", "so", "however", "meanwhile", "still"}
)
_AGENCIES = "AP|AFP|CNN|UPI|Reuters|Xinhua|Bloomberg|dpa|DPA|TASS|EFE|ANSA|PTI|IANS|ANI|NBC|ABC|CBS"
# "BEIJING, China –", "WASHINGTON (Reuters) -", "JERUSALEM—", "GAZA CITY, Gaza Strip (AP) -",
# "Washington (CNN)", "(CNN)": the place and agency before the story.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s*[A-Z][\w.’' -]{0,40}?)?(?:\s*\([^)]{1,30}\))?"
    r"(?:\s*[–—-]{1,2}\s+|\s*[–—]{1,2})"
    r"|(?:[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3}(?:,\s*[A-Z][\w.’' -]{1,40}?)?\s*)?"
    rf"\((?:{_AGENCIES})\)\s*[–—-]{{0,2}}\s*)(?=[\"“‘A-Z0-9])"
)
# Paragraphs that are page furniture, not story: captions, credits, players, highlights, labels.
_FURNITURE_START = re.compile(
    r"^[\"“‘]?(?:(?:in )?this (?:[\w.,]+ ){0,6}?(?:photo|image|picture|video|frame grab)\b"
    r"|(?:file )?(?:photo|image|picture|video|graphic|caption|credit)s?\s*[:|/–—-]|file\s*[–—-]"
    r"|enlarge this image|(?:hide |media |image )caption|media playback|image copyright"
    r"|story highlights|just watched|listen to (?:this )?article|share this|play video|watch:"
    r"|listen:|read more|related:|advertisement|[•·▪■►])",
    re.IGNORECASE,
)
_FURNITURE_ANYWHERE = re.compile(
    r"toggle caption|getty images|\b(?:ap|afp|reuters|epa|xinhua) photo\b|\bphoto(?:graph)?s? "
    r"(?:by|courtesy|credit)\b|\b(?:photo|photograph|picture|image|credit):"
    r"|/(?:ap|afp|reuters|getty)\b|\b(?:ap|afp|reuters)/",
    re.IGNORECASE,
)
# "By Jane Doe, Sample Wire": a byline; and a short prompt to subscribe.
_BYLINE = re.compile(r"^By [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*(?:[,|/–—-]|$)")
_PROMPT = re.compile(
    r"\bnewsletters?\b|\bsign up (?:here|now|for (?:our|the|free)|to (?:our|receive|get))"
    r"|\bsubscribe (?:here|now|to (?:our|the))",
    re.IGNORECASE,
)
_PROMPT_WORDS = 40
# An AP caption ends on the day and date: "… in Tehran, Iran, Wednesday, Aug. 7, 2019."
_CAPTION_DATE = re.compile(
    r",\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},"
    r"\s+\d{4}\.?\W*$"
)
_SHOUTED_LETTERS = 12
"""Three words in capitals with this many letters open a heading or a label ("LISTEN TO ARTICLE"),
where a run of acronyms ("US, UK, EU leaders") has fewer."""
_CLAUSE = re.compile(r"(?<=[,;])\s+|\s+[–—]\s+")
# An opening clause ("In a sign that …, ", "After the vote, ") is no sentence by itself.
_SUBORDINATE = frozenset(
    {"in", "as", "after", "while", "when", "although", "though", "despite", "with", "amid", "if"}
    | {"because", "since", "before", "following", "once", "unless", "until", "whether", "even"}
    | {"just", "having", "by", "for", "on", "at", "from", "during", "without", "according"}
)


def lead(article: Article) -> str:
    """The story in a sentence: the first sentence of the first paragraph that is story, with
    the next one when it is a teaser, and cut at a clause when it runs long."""
    found = (s for _, text in story(article) for s in split_sentences(text) if not is_furniture(s))
    sentences = list(islice(found, 2))
    if not sentences:
        return cut(" ".join(article.title.split()))
    first = sentences[0]
    if len(words(first)) < _TEASER_WORDS and len(sentences) > 1:
        both = f"{first} {sentences[1]}"
        if len(words(both)) <= LEAD_WORDS:
            first = both
    return cut(first)


def story(article: Article) -> list[tuple[int, str]]:
    """The paragraphs that are story, numbered from 1, their datelines and repeated headline removed."""
    out = []
    title = " ".join(article.title.split())
    for number, paragraph in enumerate(article.paragraphs, start=1):
        text = " ".join(paragraph.split())
        if _repeats(title, text):
            text = text[len(title) :].lstrip(" :–—-")
        text = _DATELINE.sub("", text, count=1)
        if text and not is_furniture(text):
            out.append((number, text))
    return out


def _repeats(title: str, text: str) -> bool:
    """Whether a paragraph opens with the headline ("Talks fail: official Talks failed on …")."""
    rest = text[len(title) : len(title) + 1]
    return (
        len(title.split()) >= _HEADLINE_WORDS
        and text.casefold().startswith(title.casefold())
        and not rest.isalnum()
    )


def is_furniture(text: str) -> bool:
    """Whether a paragraph or sentence is a caption, credit, byline, label or heading, not story.

    Story ends in a full stop, a question or an exclamation (or, after a sentence, in a colon that
    introduces what follows); a heading, a byline ("Susan Page, USA TODAY"), a standfirst or a
    list of highlights does not.
    """
    ends = bool(_FINAL.search(text)) or (text.endswith(":") and len(split_sentences(text)) > 1)
    return (
        not ends
        or bool(_FURNITURE_START.match(text))
        or bool(_FURNITURE_ANYWHERE.search(text))
        or bool(_CAPTION_DATE.search(text))
        or _shouted(text)
        or bool(_BYLINE.match(text) and len(text.split()) < _TEASER_WORDS)
        or bool(_PROMPT.search(text) and len(text.split()) <= _PROMPT_WORDS)
    )


def _shouted(text: str) -> bool:
    first = [re.sub(r"\W", "", w) for w in text.split()[:3]]
    return (
        len(first) == 3 and all(w.isupper() for w in first) and sum(len(w) for w in first) >= _SHOUTED_LETTERS
    )


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph; a period after an abbreviation ("Mr.", "Jan.", "No. 10"),
    an initial ("George W. Bush") or a dotted short form ("U.S. Senate") ends none."""
    out, start = [], 0
    for match in _END.finditer(text):
        if _ends_sentence(text, match):
            out.append(text[start : match.end()].strip())
            start = match.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def _ends_sentence(text: str, match: re.Match) -> bool:
    if match.group()[0] != "." or match.group().startswith(".."):
        return True
    before = text[: match.start()].split()
    token = before[-1].lstrip("\"“‘'([") if before else ""
    after = text[match.end() :].lstrip(" \"“‘'([").split(None, 1)
    following = after[0] if after else ""
    if not following:
        return True
    if re.fullmatch(r"[A-Z]", token):
        return False
    if "." in token:  # U.S, D.C, a.m
        return following.casefold().strip(",;:") in _OPENERS
    kind = ABBREVIATIONS.get(token.casefold())
    if kind is None or not token[:1].isupper():
        return True
    return kind == "number" and not following[:1].isdigit()


def cut(sentence: str, limit: int = LEAD_WORDS) -> str:
    """The sentence, or when it is longer than `limit` words its longest opening clauses that fit,
    ended with a full stop. A sentence with no clause to end at is kept whole when it is not
    much longer, else cut at a word, with "…"."""
    if len(words(sentence)) <= limit:
        return sentence if _FINAL.search(sentence) else sentence.rstrip(" ,;:–—-") + "."
    best = None
    opening = sentence.split(None, 1)[0].casefold().strip("\"“‘'(")
    for n, match in enumerate(_CLAUSE.finditer(sentence)):
        head = sentence[: match.start()].rstrip(" ,;")
        count = len(words(head))
        if count > limit:
            break
        if count >= _MIN_CLAUSE and _balanced(head) and not (n == 0 and opening in _SUBORDINATE):
            best = head
    if best:
        return best.rstrip(" ,;:–—-") + "."
    if len(words(sentence)) <= _WHOLE_WORDS:
        return sentence
    kept = sentence.split()
    while len(words(" ".join(kept))) > limit:
        kept.pop()
    return " ".join(kept).rstrip(" ,;:–—-") + "…"


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0
