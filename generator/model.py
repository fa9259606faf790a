"""The frozen data that passes between the stages of the pipeline.

Every stage takes and returns these types; conversion to JSON happens in one place,
`generator.export`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal["person", "government", "organization", "media", "group"]
ClaimKind = Literal["direct", "indirect", "mixed"]
EvidenceKind = Literal["statistic", "event", "fact", "document"]
Modality = Literal["assertion", "prediction", "recommendation", "denial"]
Stance = Literal["supports", "opposes", "warns", "urges", "states"]
Origin = Literal["extracted", "corrected", "analyst"]
""""extracted", "corrected" (an analyst changed it) or "analyst" (added by hand)."""


@dataclass(frozen=True)
class Article:
    """One source article, decoded, cleaned and split into paragraphs."""

    path: str
    """Path of the source file relative to the briefings folder, with forward slashes."""
    slug: str
    """URL-safe name of the briefing page, unique within a build."""
    title: str
    """The headline."""
    paragraphs: tuple[str, ...]
    """The cleaned body, one string a paragraph; paragraph N is anchored as `p-N` (1-based)."""
    format: str = "text"
    """How the file was read: `text`, `markdown` or `html`."""
    outlet: str | None = None
    """The publication, from front matter or page metadata."""
    url: str | None = None
    """Where the article was published."""
    published: str | None = None
    """Publication date as ISO `YYYY-MM-DD`."""
    author: str | None = None
    tags: tuple[str, ...] = ()
    """Topics given by the analyst in front matter."""
    dateline: str | None = None
    """The place of a leading dateline ("BEIJING"), removed from the first paragraph."""
    bias: str | None = None
    """An outlet bias label given by the analyst (multi-source briefings)."""
    removed: tuple[str, ...] = ()
    """Boilerplate lines that were stripped, kept so the cleaning can be checked."""
    digest: str = ""
    """SHA-256 of the file's bytes."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """Problems met while reading that did not stop the article (bad bytes, front matter)."""


@dataclass(frozen=True)
class Actor:
    """A person, government, organisation, outlet or group that speaks or is cited."""

    id: str
    """Slug of the canonical name, unique within a briefing."""
    name: str
    """Canonical name ("Geng Shuang")."""
    kind: ActorKind
    role: str | None = None
    """Title or function ("spokesman", "president")."""
    affiliation: str | None = None
    """The body the actor belongs to ("Chinese Foreign Ministry")."""
    side: str | None = None
    """The country or camp the actor speaks for ("China")."""
    aliases: tuple[str, ...] = ()
    """Other names the article uses for the actor ("Gen Shuang", "Geng")."""
    members: tuple[str, ...] = ()
    """For a group made of named actors ("the experts"), their ids."""
    side_learned: bool = False
    """The side comes from the site's other briefings, where the actor's side is stated; this
    article gives none."""
    origin: Origin = "extracted"


@dataclass(frozen=True)
class Claim:
    """Something an actor said, wrote or is reported to hold."""

    id: str
    """Stable id derived from the claim's words, so it survives edits elsewhere."""
    speaker: str | None
    """Actor id, or None when the article gives no resolvable source."""
    kind: ClaimKind
    """`direct` (quoted), `indirect` (reported) or `mixed` (reported with a quoted fragment)."""
    cue: str | None
    """The verb or phrase that attributes it ("said", "according to")."""
    text: str
    """The attributed content, as worded in the article."""
    paragraph: int
    """1-based number of the source paragraph; 0 is the headline."""
    sentence: str
    """The whole sentence (or quotation) the claim comes from."""
    speaker_text: str | None = None
    """The words that name the speaker in the sentence ("He", "the Chinese diplomat")."""
    co_speakers: tuple[str, ...] = ()
    """Actors who say it jointly with the speaker ("Plaid Cymru and the Liberal Democrats said")."""
    modality: Modality = "assertion"
    hedges: tuple[str, ...] = ()
    """Estimative or hedging words as stated ("unlikely", "could")."""
    confidence: float = 1.0
    """The extractor's confidence in the claim and its attribution, 0 to 1."""
    optional: bool = False
    """A quoted headline or title: shown, but not a claim anyone is committed to."""
    origin: Origin = "extracted"

    @property
    def speakers(self) -> tuple[str, ...]:
        """Everyone the claim is made by: its speaker, then whoever says it jointly."""
        return (self.speaker, *self.co_speakers) if self.speaker else ()


@dataclass(frozen=True)
class Evidence:
    """A figure, event, fact or cited source offered in support of a claim."""

    id: str
    kind: EvidenceKind
    text: str
    paragraph: int
    sentence: str
    value: str | None = None
    """For statistics, the figure as written ("15%")."""
    measure: str | None = None
    """For statistics, what the figure measures."""
    claims: tuple[str, ...] = ()
    """Ids of the claims this evidence supports."""
    confidence: float = 1.0
    """The extractor's confidence in the item, 0 to 1."""
    origin: Origin = "extracted"


@dataclass(frozen=True)
class Position:
    """What one side holds, summed up from the claims of the actors who speak for it."""

    side: str
    gist: str
    claims: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    stance: Stance = "states"
    """`opposes` (denies what another side says), `warns`, `urges` or `states`."""
    opposes: tuple[str, ...] = ()
    """The other sides whose claims this side's claims contradict on the same subject."""


@dataclass(frozen=True)
class Readability:
    """Readability of the cleaned source text, computed with textstat."""

    flesch_reading_ease: float
    grade_level: float
    """Flesch-Kincaid grade."""
    reading_minutes: float
    words: int
    sentences: int


LIKELIHOODS: dict[str, str] = {
    "almost no chance": "1–5%",
    "remote": "1–5%",
    "very unlikely": "5–20%",
    "highly improbable": "5–20%",
    "unlikely": "20–45%",
    "improbable": "20–45%",
    "roughly even chance": "45–55%",
    "roughly even odds": "45–55%",
    "likely": "55–80%",
    "probable": "55–80%",
    "very likely": "80–95%",
    "highly probable": "80–95%",
    "almost certain": "95–99%",
    "almost certainly": "95–99%",
    "nearly certain": "95–99%",
}
"""The estimative terms of ICD 203 and the band of probability each one stands for."""

CONFIDENCE_LEVELS = ("low", "moderate", "high")
"""The ICD 203 levels of analytic confidence."""


@dataclass(frozen=True)
class Judgment:
    """An analyst's key judgment, in ICD 203 estimative language."""

    text: str
    likelihood: str
    """One of the ICD 203 terms ("likely", "roughly even chance", …), see `LIKELIHOODS`."""
    confidence: str
    """`low`, `moderate` or `high`."""

    @property
    def band(self) -> str:
        """The probability the likelihood term stands for ("55–80%")."""
        return LIKELIHOODS.get(self.likelihood, "")


@dataclass(frozen=True)
class Briefing:
    """Everything the site shows about one article."""

    article: Article
    actors: tuple[Actor, ...]
    claims: tuple[Claim, ...]
    evidence: tuple[Evidence, ...]
    positions: tuple[Position, ...]
    bluf: str
    """Bottom line up front: two or three sentences."""
    readability: Readability | None = None
    topics: tuple[str, ...] = ()
    judgments: tuple[Judgment, ...] = ()
    notes: tuple[str, ...] = ()
    bluf_origin: Literal["extracted", "analyst"] = "extracted"
    """`extracted`, or `analyst` when a corrections file replaced the bottom line."""
    warnings: tuple[str, ...] = field(default=(), compare=False)
    """Problems found while applying corrections, shown in the build log."""

    @property
    def outlet(self) -> str:
        """The outlet's name, or the file name when the article does not say."""
        return self.article.outlet or self.article.path.rsplit("/", 1)[-1]

    def actor(self, actor_id: str | None) -> Actor | None:
        """The actor with this id, or None."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        return None


@dataclass(frozen=True)
class Story:
    """Several articles on one story, compared source by source (a folder with `briefing.yml`)."""

    slug: str
    title: str
    path: str
    """The folder, relative to the briefings folder."""
    sources: tuple[Briefing, ...]
    """One briefing per article, each with its own provenance."""
    question: str | None = None
    """The question the comparison answers, as the analyst put it."""
    bias: tuple[tuple[str, str], ...] = ()
    """(outlet, bias label) pairs given by the analyst."""

    @property
    def published(self) -> str | None:
        """The date of the latest source."""
        dates = [b.article.published for b in self.sources if b.article.published]
        return max(dates) if dates else None
