"""What the claim extractors share: the paragraph they read, the candidates they propose, and
the registry that orders them.

Each extractor is a named `Extractor` with a priority; a build switches one off by name
(`disable_extractors`), and an unknown name is an error, never ignored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from generator.analysis.quotes import Quote
from generator.errors import ConfigError
from generator.model import ClaimKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

OPEN_MARKS = {"“", '"', "‘", "'"}
CLOSE_MARKS = {"”", '"', "’", "'"}

How = Literal["clause", "xcomp", "object", "preposition"]
"""How a verb's content was found: its clause, its infinitive, its object or a preposition's."""


@dataclass(frozen=True)
class Candidate:
    """A claim proposed by one extractor, before merging and speaker resolution."""

    paragraph: int
    start: int
    """Character offsets of the claim's words in the paragraph."""
    end: int
    kind: ClaimKind
    cue: str | None
    speaker: tuple[int, int] | None
    """Token range of the words naming the speaker, in the paragraph's Doc."""
    anchor: int
    """Token index where the claim is made; speakers are resolved against what came before."""
    extractor: str
    """The name of the extractor that proposed it (for reports and the confidence model; what
    is extracted never depends on it)."""
    prior: float = 0.8
    """How sure the rule that proposed it is, set by hand (`calibration`): of two readings of
    one clause the merge keeps the surer. Never shown: a claim's confidence is learned
    (`analysis.confidence`)."""
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
    by_label: bool = False
    """Attributed by a name and a colon ("Sanders: …", "TAPPER: …"), which counts only when
    the name is someone the article knows, and whose words follow the name."""
    rule: str = ""
    """The finder that found the claim's words (for per-rule figures and the confidence model)."""
    speaker_rule: str = ""
    """How the words naming the speaker were found: the speaker step (`claims.speaker`) or the
    form of a quotation's attribution (for the confidence model)."""
    cue_at: int | None = None
    """Token index of the word that attributes the claim (the verb, noun or adjective), when
    one does."""


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


def in_quote(paragraph: Paragraph, char: int) -> Quote | None:
    """The quotation of the paragraph that holds a character, if any."""
    for quote in paragraph.quotes:
        if quote.start <= char < quote.end:
            return quote
    return None


@dataclass(frozen=True)
class Content:
    """What a verb of speech or stance reports: its words, and how they were found."""

    tokens: list[Token]
    how: How
    cue: str
    """The cue as written ("said", "called for")."""
    rule: str = ""
    """The finder that found them."""


@dataclass(frozen=True)
class Attribution:
    """Who a quotation is attributed to, and by which cue."""

    cue: str
    speaker: tuple[int, int]
    """Token range of the words naming the speaker."""
    anchor: int
    """The token where the speaker is named."""
    optional: bool = False
    """A quoted headline, title or sign rather than something someone said."""
    rule: str = ""
    """The form of the attribution (`Candidate.speaker_rule`)."""


@dataclass(frozen=True)
class Example:
    """A sentence of our own that a finder decides, with the words it should give.

    `cue` is the first word of the sentence with this text that the finder is asked about
    (the verb of speech, or the noun or adjective of stance); `words` the claim's words, or
    the speaker's, or None where the finder rules that there is nothing.
    """

    sentence: str
    cue: str
    words: str | None
    broad: bool = False
    """Asked as for a verb of stance rather than of speech (a wider reading of its content)."""


class Stop:
    """A finder's ruling that the verb itself reports nothing; no later finder is asked."""


STOP = Stop()
Finding = Content | Stop | None


@dataclass(frozen=True)
class ContentFinder:
    """One reading of what a verb reports; `find(verb, broad)` gives `Content`, `STOP` or None
    (None: ask the next finder). `broad` is set for verbs of stance, whose content is read
    more widely than that of verbs of speech."""

    find: Callable[[Token, bool], Finding]
    example: Example

    @property
    def name(self) -> str:
        return self.find.__name__


def finder(sentence: str, cue: str, words: str | None, broad: bool = False):
    """Make a function a `ContentFinder` with its example (see `Example`)."""

    def make(find: Callable[[Token, bool], Finding]) -> ContentFinder:
        return ContentFinder(find, Example(sentence, cue, words, broad))

    return make


@dataclass(frozen=True)
class Extractor:
    """One family of claims: its name (for `disable_extractors`), priority and finder."""

    name: str
    priority: int
    """Higher runs first; candidates of all extractors are merged afterwards."""
    find: Callable[..., Iterable[Candidate]]
    """`find(paragraph)`, or with `after_others` `find(paragraph, found)`."""
    after_others: bool = False
    """Runs after the others and is given what they found, to propose only what they did not."""


class Registry:
    """Extractors by name and priority (after Python-Markdown's `util.Registry`)."""

    def __init__(self, extractors: Iterable[Extractor] = ()) -> None:
        self._items: dict[str, Extractor] = {}
        for extractor in extractors:
            self.register(extractor)

    def register(self, extractor: Extractor) -> None:
        self._items[extractor.name] = extractor

    def deregister(self, name: str) -> None:
        """Remove an extractor; an unknown name is a `ConfigError` that lists the known ones."""
        if name not in self._items:
            known = ", ".join(sorted(self._items))
            raise ConfigError(
                f"briefings: option 'disable_extractors': unknown extractor {name!r} (known: {known})"
            )
        del self._items[name]

    def __contains__(self, name: object) -> bool:
        return name in self._items

    def __iter__(self) -> Iterator[Extractor]:
        return iter(sorted(self._items.values(), key=lambda e: -e.priority))

    def names(self) -> list[str]:
        return [extractor.name for extractor in self]
