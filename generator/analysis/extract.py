"""From an `Article` to a `Briefing`: parse, find claims and actors, evidence, positions, summary."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.analysis.actors import Entity
from generator.analysis.claims import (
    Candidate,
    Paragraph,
    Registry,
    build_extractors,
    find_candidates,
    in_quote,
)
from generator.analysis.confidence import Features, claim_features, confidence
from generator.analysis.evidence import find_evidence
from generator.analysis.identity import consolidate
from generator.analysis.knowledge import knowledge
from generator.analysis.lexicon import COGNITION_VERBS, PRONOUNS, SENTIENT_NOUNS, SPEECH_VERBS
from generator.analysis.nlp import parse, parser_view, pipeline
from generator.analysis.places import gazetteer
from generator.analysis.positions import find_positions
from generator.analysis.quotes import find_quotes
from generator.analysis.readability import measure
from generator.analysis.roster import government_voices, make_actors, share_voices, worth_listing
from generator.analysis.sides import choose_sides
from generator.analysis.speakers import Resolver
from generator.analysis.stance import hedges_in, modality
from generator.analysis.summary import bottom_line, find_topics
from generator.config import ExtractionSettings
from generator.model import Article, Briefing, Claim
from generator.text import sentence_around, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def for_parser(article: Article) -> Article:
    """The article cut to the parser's limits (`nlp.parser_view`); itself when within them."""
    view = parser_view(article.paragraphs)
    return article if view == article.paragraphs else replace(article, paragraphs=view)


def texts(article: Article) -> list[str]:
    """What is parsed of an article: its paragraphs, then its headline, which makes claims too
    ("Lynch: No outside influence on the inquiry")."""
    return [*article.paragraphs, sentence_case(article.title, article.paragraphs)]


def sentence_case(title: str, paragraphs: tuple[str, ...]) -> str:
    """A Title Case headline with its common words in lower case, for the parser's sake.

    "Obama Says Museum Will Tell…" parses as a string of names; "Obama says museum will
    tell…" parses as a sentence. A word stays capitalised when the body writes it so more
    often than not (a name; names in a headline are named in the body); the result has the
    same length, so offsets still hold.
    """
    words = re.findall(r"[A-Za-z][\w'’-]*", title)
    long = [w for w in words if len(w) > 3]
    if not long or sum(w[0].isupper() for w in long) < 0.6 * len(long):
        return title
    body = " ".join(paragraphs)
    lower: dict[str, int] = {}
    upper: dict[str, int] = {}
    for match in re.finditer(r"(?<![.!?\"“‘]\s)(?<!^)\b[A-Za-z][\w'’-]*", body):
        word = match.group()
        counts = upper if word[0].isupper() else lower
        counts[word.casefold()] = counts.get(word.casefold(), 0) + 1

    def case(match: re.Match) -> str:
        word = match.group()
        key = word.casefold()
        if match.start() == 0 or not word[0].isupper() or word.isupper() or len(word.lower()) != len(word):
            return word
        return word.lower() if lower.get(key, 0) >= upper.get(key, 0) else word

    return re.sub(r"[A-Za-z][\w'’-]*", case, title)


def extract(
    article: Article, settings: ExtractionSettings = ExtractionSettings(), docs: list[Doc] | None = None
) -> Briefing:
    """Everything a briefing shows about one article; `docs` are the parses of `texts(article)`."""
    return extract_explained(article, settings, docs)[0]


def extract_explained(
    article: Article, settings: ExtractionSettings = ExtractionSettings(), docs: list[Doc] | None = None
) -> tuple[Briefing, dict[str, Features]]:
    """`extract`, and the features each claim's confidence was weighed from, by claim id (what
    `bench/train_calibration.py` learns the weights from). The analysis reads the article as
    the parser gets it (`for_parser`); the briefing keeps the article whole, for its page."""
    full, article = article, for_parser(article)
    if docs is None:
        docs = parse(texts(article))
    registry = build_extractors(settings.disabled)
    resolver, attributed = attribute(article, docs, registry)
    body = docs[: len(article.paragraphs)]
    crowd = [candidate.paragraph for candidate, _ in attributed]
    weighed = []
    for candidate, speaker in attributed:
        features = claim_features(candidate, speaker, docs, resolver, crowd.count(candidate.paragraph))
        sure = confidence(features)
        if sure >= settings.min_confidence:
            weighed.append((candidate, speaker, sure, features))
    share_voices(resolver)
    entities = [e for e in resolver.cast.live() if worth_listing(e)]
    side_of = choose_sides(entities, home_country(body), parties_named(body))
    entities = government_voices(entities, side_of, resolver)
    actors, actor_ids = make_actors(entities, side_of, resolver)
    claims, features_of = make_claims(article, docs, weighed, actor_ids, resolver)
    evidence = find_evidence(article, body, claims)
    positions = find_positions(actors, claims)
    briefing = Briefing(
        article=full,
        actors=actors,
        claims=claims,
        evidence=evidence,
        positions=positions,
        bluf=bottom_line(article, actors, claims, positions),
        readability=measure(article),
        topics=find_topics(article, body, actors),
    )
    return briefing, features_of


def attribute(
    article: Article, docs: list[Doc], registry: Registry
) -> tuple[Resolver, list[tuple[Candidate, Entity | None]]]:
    """Claims with their speakers, resolved in reading order."""
    headline = len(article.paragraphs)
    quotes = find_quotes(article.paragraphs) + [
        replace(q, paragraph=headline) for q in find_quotes([article.title])
    ]
    resolver = Resolver(author=article.author)
    attributed: list[tuple[Candidate, Entity | None]] = []
    # The headline is read last: its short names ("Lynch") resolve to the people the body named.
    for index, doc in enumerate(docs):
        before = docs[index - 1] if 0 < index < headline else None
        paragraph = Paragraph(
            index, doc, tuple(q for q in quotes if q.paragraph == index), before, headline=index == headline
        )
        candidates = find_candidates(paragraph, registry)
        early: set[int] = set()
        for step in _reading_order(doc, candidates):
            if not isinstance(step, Candidate):
                if step.start in early:
                    continue
                quoted = in_quote(paragraph, step.start_char) is not None
                reported = any(
                    c.start <= step.start_char < c.end and c.speaker is not None for c in candidates
                )
                resolver.register(index, doc, step, quoted=quoted, reported=reported)
                continue
            if step.by_label and not _known(
                resolver, doc[step.speaker[0] : step.speaker[1]], transcript=index < headline
            ):
                continue
            if step.speaker is not None and step.speaker_paragraph is not None:
                where = step.speaker_paragraph
                speaker = resolver.resolve(where, docs[where], step.speaker, step.speaker[1] - 1)
            elif step.speaker is not None:
                speaker = resolver.resolve(index, doc, step.speaker, step.anchor)
                if speaker is not None and speaker.kind == "media":
                    step, speaker = _inner_speaker(resolver, index, doc, step, speaker, early)
                if speaker is not None and speaker.kind == "person":
                    _speaking_for(doc[step.speaker[0] : step.speaker[1]].root.head, speaker)
            elif step.inherit and index < headline:
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
    _resolve_descriptions(resolver, docs, attributed)
    consolidate(resolver.cast)
    return resolver, _drop_nested(attributed, resolver)


def _reading_order(doc: Doc, candidates: list[Candidate]) -> list:
    """Names and claims in the order they are read; a claim once its whole speaker phrase is."""
    steps: list[tuple[int, int, object]] = [
        (ent.start, 0, ent) for ent in doc.ents if ent.label_ in ("PERSON", "ORG")
    ]
    steps += [
        (c.speaker[1] - 1 if c.speaker and c.speaker_paragraph is None else c.anchor, 1, c)
        for c in candidates
    ]
    return [step for _, _, step in sorted(steps, key=lambda s: (s[0], s[1]))]


def _speaking_for(cue: Token, person: Entity) -> None:
    """A party the sentence says a person speaks for ("For the Conservatives, Tim Collins said")."""
    for prep in (t for t in cue.children if t.dep_ == "prep" and t.lower_ == "for"):
        words = " ".join(t.text for t in prep.subtree if t.i != prep.i)
        party = knowledge().party_in(words)
        if party and re.sub(r"^the\s+", "", words, flags=re.IGNORECASE).lower() in knowledge().parties:
            person.party, person.party_named = party, True


def _inner_speaker(
    resolver: Resolver, index: int, doc: Doc, step: Candidate, outlet: Entity, early: set[int]
) -> tuple[Candidate, Entity | None]:
    """The claim and speaker an outlet's report passes on; the names in the inner speaker's
    phrase are read first (`early`), as the phrase comes after the outlet."""
    passed = _passed_on(step, doc)
    if passed is None:
        return step, outlet
    outlet.speaks -= 1
    for ent in doc[passed.speaker[0] : passed.speaker[1]].ents:
        if ent.label_ in ("PERSON", "ORG") and ent.start not in early:
            early.add(ent.start)
            resolver.register(index, doc, ent)
    return passed, resolver.resolve(index, doc, passed.speaker, passed.anchor)


def _passed_on(candidate: Candidate, doc: Doc) -> Candidate | None:
    """The claim an outlet only passes on ("…,” Kerry told reporters, Reuters reports"; "Reuters
    reports that UNHCR says it expects …"): the words are the inner speaker's, or None."""
    verb = doc[candidate.speaker[0] : candidate.speaker[1]].root.head
    for inner in verb.children:
        lemma = inner.lemma_.lower()
        if inner.dep_ != "ccomp" or lemma not in SPEECH_VERBS or lemma in COGNITION_VERBS:
            continue
        subject = next((t for t in inner.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in PRONOUNS:
            continue
        words = (inner.left_edge.idx, inner.right_edge.idx + len(inner.right_edge))
        if not words[0] <= candidate.start < words[1]:
            continue
        start = candidate.start
        if start <= subject.idx < candidate.end:  # the claim names the inner speaker: cut it off
            said = next((t for t in inner.children if t.dep_ == "ccomp"), None)
            if said is None:
                continue
            start = said.left_edge.idx
        span = (subject.left_edge.i, subject.right_edge.i + 1)
        return replace(candidate, speaker=span, start=start, cue=inner.lemma_.lower(), anchor=inner.i)
    return None


def _resolve_descriptions(resolver: Resolver, docs: list[Doc], attributed: list) -> None:
    """Give a claim whose speaker is a role description met before the name ("The home
    secretary said …") to the one person the whole article gives that role."""
    for i, (candidate, speaker) in enumerate(attributed):
        if speaker is not None or candidate.speaker is None:
            continue
        where = (
            candidate.speaker_paragraph if candidate.speaker_paragraph is not None else candidate.paragraph
        )
        entity = resolver.described_anywhere(docs[where], candidate.speaker)
        if entity is not None:
            entity.speaks += 1
            attributed[i] = (candidate, entity)


def _known(resolver: Resolver, name: Span, transcript: bool = False) -> bool:
    """Whether the words before a colon name someone: an actor of the article (by the last word
    of the name, in any case: "TAPPER"), a word that holds views ("Poll"), or in a transcript a
    name in capitals ("WALLACE:"); not "Stealth Over Health:"."""
    if name[-1].lemma_.lower() in SENTIENT_NOUNS:
        return True
    if (
        transcript
        and name.text.isupper()
        and len(name) <= 2
        and not any(t.ent_type_ in ("GPE", "DATE", "TIME") for t in name)
    ):
        return True
    last = name[-1].text.casefold()
    return any(
        re.split(r"[\s-]", n)[-1].casefold() == last
        for entity in resolver.cast.live()
        for n in entity.names
        if n.split()
    )


def _drop_nested(
    attributed: list[tuple[Candidate, Entity | None]], resolver: Resolver
) -> list[tuple[Candidate, Entity | None]]:
    """A claim inside another claim of the same speaker ("…, according to him, …") is part of it.

    The claims that start before one are looked at only when one of them ends after it: a
    paragraph of many quotations side by side costs a sort, not a comparison of every pair."""
    by_paragraph: dict[int, list[tuple[Candidate, Entity | None]]] = {}
    for item in sorted(attributed, key=lambda item: item[0].start):
        by_paragraph.setdefault(item[0].paragraph, []).append(item)
    reach: dict[int, tuple[list[int], list[int]]] = {}
    for index, items in by_paragraph.items():
        furthest, ends = -1, []
        for other, _ in items:
            furthest = max(furthest, other.end)
            ends.append(furthest)
        reach[index] = ([other.start for other, _ in items], ends)
    kept = []
    for candidate, speaker in attributed:
        starts, ends = reach[candidate.paragraph]
        before = bisect_right(starts, candidate.start)
        if before and ends[before - 1] >= candidate.end:
            items = by_paragraph[candidate.paragraph][:before]
            if any(_holds(other, who, candidate, speaker, resolver) for other, who in items):
                continue
        kept.append((candidate, speaker))
    return kept


def _holds(
    other: Candidate,
    other_speaker: Entity | None,
    candidate: Candidate,
    speaker: Entity | None,
    resolver: Resolver,
) -> bool:
    """Whether `other`, a longer claim of the same speaker, holds `candidate`."""
    if other is candidate:
        return False
    inside = (
        other.start <= candidate.start
        and candidate.end <= other.end
        and (other.end - other.start) > (candidate.end - candidate.start)
    )
    if other.gap is not None and other.gap[0] <= candidate.start and candidate.end <= other.gap[1]:
        return False  # said inside the attribution that splits a quotation
    return inside and (
        speaker is None
        or other_speaker is None
        or resolver.cast.find(speaker.key) is resolver.cast.find(other_speaker.key)
    )


def home_country(docs: list[Doc]) -> str | None:
    """The country an article is about: the one its places name most, if they name it at least
    two times in five."""
    counts: dict[str, int] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ in ("GPE", "NORP"):
                side = gazetteer().side_of(ent.text, parties=False)
                if side:
                    counts[side] = counts.get(side, 0) + 1
    if not counts:
        return None
    best = max(sorted(counts), key=lambda s: counts[s])
    return best if counts[best] * 5 >= 2 * sum(counts.values()) else None


def parties_named(docs: list[Doc]) -> set[str]:
    """Every party an article names ("Labour", "the Tories", "Democratic senators")."""
    return {party for doc in docs for sent in doc.sents for party in knowledge().parties_in(_mid(sent))}


def _mid(sent: Span) -> str:
    """A sentence without its first word, which is capitalised whatever it is ("Labour markets")."""
    return sent[1:].text if len(sent) > 1 and not sent[0].ent_type_ else sent.text


def make_claims(
    article: Article, docs: list[Doc], weighed, actor_ids: dict[int, str], resolver: Resolver
) -> tuple[tuple[Claim, ...], dict[str, Features]]:
    """The claims of (candidate, speaker, confidence, features), and their features by claim id."""
    claims: list[Claim] = []
    features_of: dict[str, Features] = {}
    seen: dict[str, int] = {}
    sources = [*article.paragraphs, article.title]
    for candidate, speaker, sure, features in weighed:
        source = sources[candidate.paragraph]
        text = source[candidate.start : candidate.end].strip()
        if candidate.gap is not None:
            before = source[candidate.start : candidate.gap[0]].strip()
            text = f"{before} … {source[candidate.gap[1] : candidate.end].strip()}"
        if not text:
            continue
        speaker_ids = _speaker_ids(resolver.cast.find(speaker.key), actor_ids, resolver) if speaker else []
        speaker_id = speaker_ids[0] if speaker_ids else None
        doc = docs[candidate.paragraph]
        where = docs[candidate.speaker_paragraph] if candidate.speaker_paragraph is not None else doc
        # From the text as written: the headline was parsed in sentence case.
        speaker_text = (
            _words_of(
                where[candidate.speaker[0] : candidate.speaker[1]],
                sources[
                    candidate.speaker_paragraph
                    if candidate.speaker_paragraph is not None
                    else candidate.paragraph
                ],
            )
            if candidate.speaker
            else None
        )
        claim_id = stable_id("c", text, seen)
        features_of[claim_id] = features
        claims.append(
            Claim(
                id=claim_id,
                speaker=speaker_id,
                co_speakers=tuple(speaker_ids[1:]),
                kind=candidate.kind,
                cue=candidate.cue,
                text=text,
                # Paragraphs count from 1; the headline is paragraph 0.
                paragraph=(candidate.paragraph + 1) % (len(article.paragraphs) + 1),
                sentence=sentence_around(doc, candidate.start, candidate.end, sources[candidate.paragraph]),
                speaker_text=speaker_text,
                modality=modality(text, candidate.cue),
                hedges=hedges_in(text),
                confidence=round(sure, 2),
                optional=candidate.optional,
            )
        )
    # The headline is read last (so its ids do not move the body's) but comes first.
    return tuple(sorted(claims, key=lambda c: c.paragraph != 0)), features_of


def _speaker_ids(speaker: Entity, actor_ids: dict[int, str], resolver: Resolver) -> list[str]:
    """The actor ids a claim is made by: a group of named actors is each of them, first named first."""
    keys = [resolver.cast.find(m).key for m in speaker.members] or [speaker.key]
    return list(dict.fromkeys(actor_ids[k] for k in keys if k in actor_ids))


def _words_of(span: Span, text: str) -> str:
    return text[span.start_char : span.end_char]


def extract_many(
    articles: Iterable[Article], settings: ExtractionSettings = ExtractionSettings()
) -> list[Briefing]:
    """Extract several articles in one process, parsing them in a batch."""
    articles = list(articles)
    nlp = pipeline()
    flat = [text for a in articles for text in texts(for_parser(a))]
    docs = list(nlp.pipe(flat, batch_size=64))
    out, i = [], 0
    for article in articles:
        n = len(for_parser(article).paragraphs) + 1
        out.append(extract(article, settings, docs[i : i + n]))
        i += n
    return out
