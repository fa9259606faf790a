"""From an `Article` to a `Briefing`: parse, find claims and actors, evidence, positions, summary."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from .actors import Entity
from .claims import Candidate, Paragraph, Registry, default_extractors, find_candidates
from .evidence import find_evidence
from .model import Actor, Article, Briefing, Claim
from .positions import choose_sides, find_positions
from .quotes import find_quotes
from .readability import measure
from .speakers import Resolver
from .stance import hedges_in, modality
from .summary import bottom_line, find_topics
from .text import slugify

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Settings:
    """What extraction can be told; part of the cache key."""

    disabled: tuple[str, ...] = ()
    """Claim extractors switched off by name (see `claims.default_extractors`)."""
    min_confidence: float = 0.0
    """Claims below this confidence are dropped."""


def extract(article: Article, settings: Settings = Settings(), docs: list["Doc"] | None = None) -> Briefing:
    """Everything a briefing shows about one article."""
    if docs is None:
        from .nlp import parse

        docs = parse(article.paragraphs)
    registry = default_extractors(settings.disabled)
    resolver, attributed = attribute(article, docs, registry)
    attributed = [(c, e) for c, e in attributed if c.confidence >= settings.min_confidence]
    entities = [e for e in resolver.cast.live() if _worth_listing(e)]
    side_of = choose_sides(entities)
    actors, actor_ids = make_actors(entities, side_of, resolver)
    claims = make_claims(article, docs, attributed, actor_ids, resolver)
    evidence = find_evidence(article, docs, claims)
    positions = find_positions(actors, claims)
    return Briefing(
        article=article,
        actors=actors,
        claims=claims,
        evidence=evidence,
        positions=positions,
        bluf=bottom_line(article, actors, claims, positions),
        readability=measure(article),
        topics=find_topics(article, docs, actors),
    )


def attribute(article: Article, docs: list["Doc"], registry: Registry) -> tuple[Resolver, list[tuple[Candidate, Entity | None]]]:
    """Claims with their speakers, resolved in reading order."""
    quotes = find_quotes(article.paragraphs)
    resolver = Resolver()
    attributed: list[tuple[Candidate, Entity | None]] = []
    for index, doc in enumerate(docs):
        paragraph = Paragraph(index, doc, tuple(q for q in quotes if q.paragraph == index), docs[index - 1] if index else None)
        candidates = find_candidates(paragraph, registry)
        steps: list[tuple[int, int, object]] = [(ent.start, 0, ent) for ent in doc.ents if ent.label_ in ("PERSON", "ORG")]
        # A claim is resolved once the whole speaker phrase has been read.
        steps += [(c.speaker[1] - 1 if c.speaker and c.speaker_paragraph is None else c.anchor, 1, c) for c in candidates]
        for _, _, step in sorted(steps, key=lambda s: (s[0], s[1])):
            if not isinstance(step, Candidate):
                resolver.register(index, doc, step)
                continue
            if step.speaker is not None and step.speaker_paragraph is not None:
                where = step.speaker_paragraph
                speaker = resolver.resolve(where, docs[where], step.speaker, step.speaker[1] - 1)
            elif step.speaker is not None:
                speaker = resolver.resolve(index, doc, step.speaker, step.anchor)
            elif step.inherit:
                speaker = resolver.inherit(index)
                if speaker is not None and resolver.last_cue:
                    step = replace(step, cue=resolver.last_cue)
            else:
                speaker = None
            if step.cue and step.speaker is not None:
                resolver.last_cue = step.cue
            if speaker is not None and step.inherit:
                resolver.last_claim_paragraph = index
            attributed.append((step, speaker))
    return resolver, _drop_nested(attributed, resolver)


def _drop_nested(attributed: list[tuple[Candidate, Entity | None]], resolver: Resolver) -> list[tuple[Candidate, Entity | None]]:
    """A claim inside another claim of the same speaker ("…, according to him, …") is part of it."""
    kept = []
    for candidate, speaker in attributed:
        nested = False
        for other, other_speaker in attributed:
            if other is candidate or other.paragraph != candidate.paragraph:
                continue
            inside = other.start <= candidate.start and candidate.end <= other.end and (other.end - other.start) > (candidate.end - candidate.start)
            same = speaker is None or other_speaker is None or resolver.cast.find(speaker.key) is resolver.cast.find(other_speaker.key)
            if inside and same:
                nested = True
                break
        if not nested:
            kept.append((candidate, speaker))
    return kept


def _worth_listing(entity: Entity) -> bool:
    if entity.speaks:
        return True
    if entity.kind == "person":
        return True
    return entity.kind in ("organization", "media", "government") and len(entity.positions) >= 1


def make_actors(entities: list[Entity], side_of: dict[int, str | None], resolver: Resolver) -> tuple[tuple[Actor, ...], dict[int, str]]:
    """Frozen actors with unique ids, speakers first."""
    ids: dict[int, str] = {}
    taken: set[str] = set()
    ordered = sorted(entities, key=lambda e: (-e.speaks, e.positions[0] if e.positions else (0, 0)))
    for entity in ordered:
        base = slugify(canonical_name(entity)) or f"actor-{entity.key}"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        ids[entity.key] = slug
    actors = []
    for entity in ordered:
        name = canonical_name(entity)
        aliases = tuple(sorted({n for n in entity.names if n != name}))
        members = tuple(ids[resolver.cast.find(m).key] for m in entity.members if resolver.cast.find(m).key in ids)
        actors.append(
            Actor(
                id=ids[entity.key],
                name=name,
                kind=entity.kind,
                role=entity.role,
                affiliation=entity.affiliation,
                side=side_of.get(entity.key),
                aliases=aliases,
                members=members,
            )
        )
    return tuple(actors), ids


def canonical_name(entity: Entity) -> str:
    """The fullest name, with each word in its most frequent spelling ("Geng Shuang")."""
    if entity.kind != "person":
        return max(entity.names, key=lambda n: (len(n.split()) <= 6, len(n.split()) >= 2, -entity.names.index(n)))
    full = max(entity.names, key=lambda n: (min(len(n.split()), 3), -entity.names.index(n)))
    words = full.split()
    from .actors import near

    spellings: dict[int, dict[str, int]] = {}
    for name in entity.names:
        for word in name.split():
            for i, target in enumerate(words):
                if near(word, target):
                    counts = spellings.setdefault(i, {})
                    counts[word] = counts.get(word, 0) + 1
    fixed = []
    for i, word in enumerate(words):
        counts = spellings.get(i, {word: 1})
        fixed.append(max(counts, key=lambda w: (counts[w], len(w))))
    return " ".join(fixed)


def make_claims(article: Article, docs: list["Doc"], attributed, actor_ids: dict[int, str], resolver: Resolver) -> tuple[Claim, ...]:
    claims: list[Claim] = []
    seen: dict[str, int] = {}
    for candidate, speaker in attributed:
        text = article.paragraphs[candidate.paragraph][candidate.start:candidate.end].strip()
        if not text:
            continue
        speaker_id = actor_ids.get(resolver.cast.find(speaker.key).key) if speaker is not None else None
        doc = docs[candidate.paragraph]
        where = docs[candidate.speaker_paragraph] if candidate.speaker_paragraph is not None else doc
        speaker_text = where[candidate.speaker[0]:candidate.speaker[1]].text if candidate.speaker else None
        claim_id = stable_id("c", text, seen)
        confidence = candidate.confidence
        if speaker is None:
            confidence = min(confidence, 0.5)
        elif speaker_text and speaker_text.lower() in ("he", "she", "they", "it"):
            confidence = min(confidence, 0.75)
        claims.append(
            Claim(
                id=claim_id,
                speaker=speaker_id,
                kind=candidate.kind,
                cue=candidate.cue,
                text=text,
                paragraph=candidate.paragraph + 1,
                sentence=sentence_around(doc, candidate.start, candidate.end),
                speaker_text=speaker_text,
                modality=modality(text, candidate.cue),
                hedges=hedges_in(text),
                confidence=round(confidence, 2),
                optional=candidate.optional,
            )
        )
    return tuple(claims)


def stable_id(prefix: str, text: str, seen: dict[str, int]) -> str:
    """An id from the words of the text, so edits elsewhere in the article leave it alone."""
    words = " ".join(re.findall(r"\w+", text.casefold()))
    digest = hashlib.sha1(words.encode("utf-8")).hexdigest()[:8]
    key = f"{prefix}-{digest}"
    seen[key] = seen.get(key, 0) + 1
    return key if seen[key] == 1 else f"{key}-{seen[key]}"


def sentence_around(doc: "Doc", start: int, end: int) -> str:
    """The sentence or sentences that hold the characters start..end."""
    first = last = None
    for sentence in doc.sents:
        s, e = sentence.start_char, sentence.end_char
        if e > start and first is None:
            first = s
        if s < end:
            last = e
    if first is None or last is None:
        return doc.text.strip()
    return doc.text[first:last].strip()


def extract_many(articles: Iterable[Article], settings: Settings = Settings()) -> list[Briefing]:
    """Extract several articles in one process, parsing them in a batch."""
    from .nlp import pipeline

    articles = list(articles)
    nlp = pipeline()
    flat = [p for a in articles for p in a.paragraphs]
    docs = list(nlp.pipe(flat, batch_size=64))
    out, i = [], 0
    for article in articles:
        n = len(article.paragraphs)
        out.append(extract(article, settings, docs[i:i + n]))
        i += n
    return out
