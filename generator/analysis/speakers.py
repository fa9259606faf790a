"""Resolving the words that name a speaker to an actor of the cast.

Names go to the person or body they name; pronouns ("He stressed") and descriptors ("the
Chinese diplomat", "the newspaper", "the experts") go to the most salient earlier actor
that fits them; a speaker that cannot be resolved is left unattributed, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.analysis.actors import Cast, Entity, clean_name, org_kind, role_and_affiliation
from generator.analysis.lexicon import (
    DOCUMENT_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    MEDIA_NAME_WORDS,
    MEDIA_NOUNS,
    ORGANIZATION_NAME_WORDS,
    ORGANIZATION_NOUNS,
    PERSON_DESCRIPTORS,
    PRONOUNS,
    QUANTITY_NOUNS,
    ROLE_CLASSES,
    ROLE_NOUNS,
    SENTIENT_NOUNS,
    SOURCE_NOUNS,
    TITLE_ENDS,
    TITLES,
)
from generator.analysis.places import gazetteer
from generator.analysis.syntax import inverted_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class Event:
    """A mention of an entity, in reading order, for salience."""

    paragraph: int
    token: int
    key: int
    speaker: bool
    subject: bool
    quoted: bool = False
    """Inside a quotation: "“I met Obama,” he said" does not make Obama the "he"."""


class Resolver:
    """Reads mentions in order and resolves speaker phrases against what has been read."""

    def __init__(self, author: str | None = None) -> None:
        self.author = author
        """The byline: who "I" is outside quotation marks (the claim of an op-ed's writer)."""
        self.cast = Cast()
        self.events: list[Event] = []
        self.at: dict[tuple[int, int], int] = {}
        """(paragraph, token) of every token of a named mention → entity key."""
        self.last_claim: Entity | None = None
        self.last_claim_paragraph = -1
        self.last_cue: str | None = None
        """The cue of the last attributed claim, carried by a quotation that continues it."""

    # -- named mentions -------------------------------------------------------------------

    def register(self, paragraph: int, doc: Doc, ent: Span, quoted: bool = False) -> None:
        """Add a named entity mention (PERSON or ORG) to the cast; `quoted` when it is inside a
        quotation, where it names someone but is no antecedent for a pronoun or description."""
        ent, label = _repair(doc, ent)
        position = (paragraph, ent.start)
        if label == "PERSON":
            tokens = list(ent)
            before = ent.start - 1
            if before >= 0 and doc[before].text.lower().rstrip(".") in TITLES | {"mr", "mrs", "ms", "dr"}:
                tokens.insert(0, doc[before])
            name, titles = clean_name(tokens)
            if not _plausible_person(name):
                return
            entity = self.cast.person(name, position, titles)
        elif label == "ORG":
            name, _ = clean_name(list(ent))
            if not name or len(name) < 2 or name.isdigit():
                return
            # "FALLIN:" in a transcript, or "Trump" tagged as a body, is the person already met.
            known = (
                (self._known_person(name) if name.isupper() else self._surname(name))
                if " " not in name
                else None
            )
            if known is not None:
                self.at[(paragraph, ent.start)] = known.key
                known.positions.append(position)
                subject = ent.root.dep_ in ("nsubj", "nsubjpass")
                self.events.append(Event(paragraph, ent.start, known.key, False, subject, quoted))
                return
            if all(
                w.lower() in TITLES or w.lower() in TITLE_ENDS or w.lower() in ROLE_NOUNS
                for w in name.split()
            ):
                return  # "Shadow", "State": a title word the tagger took for a body
            side = gazetteer().side_of(name, parties=False)
            if side and org_kind(name) == "organization" and name.split()[0].lower() in gazetteer().countries:
                # "Russia's Foreign Ministry"-like names keep their body; a bare country is no org.
                pass
            entity = self.cast.organization(name, position)
            if entity.nationality is None:
                entity.nationality = _side_near(ent)
        else:
            return
        if entity is None:
            return
        role, affiliation, context = role_and_affiliation(ent)
        self.cast.describe(entity, role, affiliation, context)
        if entity.nationality is None and entity.affiliation:
            org = self._organization_named(entity.affiliation)
            if org is not None and org.nationality:
                entity.nationality = org.nationality
        for i in range(ent.start, ent.end):
            self.at[(paragraph, i)] = entity.key
        root = ent.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        self.events.append(Event(paragraph, ent.start, entity.key, False, subject, quoted))

    def _organization_named(self, name: str) -> Entity | None:
        low = name.lower().removeprefix("the ")
        for entity in self.cast.live():
            if entity.kind != "person" and any(n.lower().removeprefix("the ") == low for n in entity.names):
                return entity
        return None

    # -- speakers -------------------------------------------------------------------------

    def resolve(self, paragraph: int, doc: Doc, span: tuple[int, int], anchor: int) -> Entity | None:
        """The actor a speaker phrase refers to, or None."""
        start, end = span
        tokens = doc[start:end]
        entity = self._named(paragraph, doc, tokens)
        if entity is None:
            entity = self._unnamed(paragraph, doc, tokens, anchor)
        if entity is not None:
            entity = self.cast.find(entity.key)
            entity.speaks += 1
            self.events.append(Event(paragraph, anchor, entity.key, True, True))
            self.last_claim = entity
            self.last_claim_paragraph = paragraph
        return entity

    def inherit(self, paragraph: int) -> Entity | None:
        """The speaker a quotation with no attribution continues, if recent enough.

        The last speaker of this or the previous paragraph; failing that, the person the
        previous paragraph was about (its last named subject), as a quotation that stands
        alone in news copy usually comes from the person just introduced.
        """
        if self.last_claim is not None and paragraph - self.last_claim_paragraph <= 1:
            return self.cast.find(self.last_claim.key)
        for event in reversed(self.events):
            if event.paragraph < paragraph - 1:
                break
            entity = self.cast.find(event.key)
            if (
                event.paragraph == paragraph - 1
                and event.subject
                and not event.quoted
                and entity.kind == "person"
            ):
                return entity
        return None

    def _named(self, paragraph: int, doc: Doc, tokens: Span) -> Entity | None:
        keys = []
        for token in tokens:
            key = self.at.get((paragraph, token.i))
            if key is not None:
                key = self.cast.find(key).key
                if key not in keys:
                    keys.append(key)
        if not keys:
            # A country or capital as speaker stands for its government ("Beijing said").
            head = tokens.root
            allied = [t for t in (head, *head.conjuncts) if t.ent_type_ == "GPE"]
            sides = list(dict.fromkeys(gazetteer().side_of(t.text, parties=False) for t in allied))
            if len(allied) >= 2 and len(sides) == len(allied) and all(sides):
                # "China and Russia support …": the governments speak together.
                members = [self.cast.government(side, (paragraph, t.i)) for side, t in zip(sides, allied)]
                return self.cast.group(members, (paragraph, head.i))
            if head.ent_type_ in ("GPE", "NORP") or head.lower_ in ("kremlin", "white house"):
                words = " ".join(
                    t.text
                    for t in tokens
                    if t.ent_type_ in ("GPE", "NORP") or t.lower_ in ("kremlin", "white", "house")
                )
                side = gazetteer().side_of(words or head.text, parties=False)
                if side and head.ent_type_ != "NORP":
                    return self.cast.government(side, (paragraph, head.i))
                if side and head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS"):
                    return self.cast.descriptor("group", head.text, (paragraph, head.i), side)
            party = (
                gazetteer().parties.get(head.text.lower())
                if head.text[:1].isupper() and len(head.text) > 1
                else None
            )
            if party:
                # "The Tories said": the party speaks as a body.
                group = self.cast.descriptor("group", _describe(tokens), (paragraph, head.i), None)
                group.party = party
                return group
            known = self._known_person(head.text)
            if known is not None:
                self.at[(paragraph, head.i)] = known.key
                known.positions.append((paragraph, head.i))
                return known
            run = _proper_run(tokens, head)
            if run:
                name, titles = clean_name(run)
                position = (paragraph, run[0].i)
                if _plausible_person(name) and not any(
                    w.lower() in gazetteer().countries for w in name.split()
                ):
                    words = {w.lower() for w in name.split()}
                    if org_kind(name) != "organization" or words & (
                        ORGANIZATION_NOUNS | ORGANIZATION_NAME_WORDS
                    ):
                        return self.cast.organization(name, position)
                    entity = self.cast.person(name, position, titles)
                    for token in run:
                        self.at[(paragraph, token.i)] = entity.key
                    return entity
            return None
        entities = [self.cast.find(k) for k in keys]
        people = [e for e in entities if e.kind == "person"]
        head_key = self.at.get((paragraph, tokens.root.i))
        if len(people) >= 2 and any(t.dep_ == "conj" for t in tokens):
            return self.cast.group(people, (paragraph, tokens.start))
        if head_key is not None:
            return self.cast.find(head_key)
        head = tokens.root
        if head.tag_ in ("NNS", "NNPS") and all(
            self.at.get((paragraph, t.i)) is None or _qualifies(t, head) for t in tokens
        ):
            # "Several Clinton supporters said", "House Republicans oppose": the group, not the
            # person or body that names it.
            group = self.cast.descriptor("group", _describe(tokens), (paragraph, head.i), None)
            group.party = gazetteer().parties.get(head.text.lower())
            return group
        # The phrase's head is a role noun ("spokesman Geng Shuang"): prefer the person in it.
        if people:
            return people[-1]
        named = _appositive_name(tokens.root)
        if named:
            name, first = named
            return self.cast.person(name, (paragraph, first))
        return entities[0]

    def _surname(self, word: str) -> Entity | None:
        """The person already met whose surname this word is, exactly."""
        for entity in sorted(self.cast.live(), key=lambda e: e.last_seen, reverse=True):
            if entity.kind == "person" and any(
                len(n.split()) > 1 and n.split()[-1] == word for n in entity.names
            ):
                return entity
        return None

    def _known_person(self, word: str) -> Entity | None:
        """A capitalised word the tagger missed that is the name of a person already met."""
        if not word[:1].isupper() or word.lower() in PRONOUNS or len(word) < 3:
            return None
        from generator.analysis.actors import near

        if word.isupper():
            word = word.title()  # "FALLIN:" in a transcript

        for entity in sorted(self.cast.live(), key=lambda e: e.last_seen, reverse=True):
            if entity.kind == "person" and any(
                near(word, part) for name in entity.names for part in name.split()
            ):
                return entity
        return None

    def _unnamed(self, paragraph: int, doc: Doc, tokens: Span, anchor: int) -> Entity | None:
        head = tokens.root
        word = head.lower_
        position = (paragraph, head.i)
        adjectives = " ".join(t.text for t in tokens if t.i != head.i)
        side = gazetteer().side_of(adjectives, parties=False) if adjectives else None
        if word in PRONOUNS and len(tokens) <= 2:
            return self._pronoun(word, paragraph, anchor)
        pair = word == "two" and len(tokens) == 2 and tokens[0].lower_ == "the"
        if (word == "both" and len(tokens) == 1) or pair:
            # "Sanders and Clinton … Both want …", "the two did not discuss …": the last two
            # people named.
            people = list(
                dict.fromkeys(
                    e.key for _, e in self._recent(paragraph, anchor, window=1) if e.kind == "person"
                )
            )[:2]
            if len(people) == 2:
                return self.cast.group([self.cast.find(k) for k in reversed(people)], position)
        if word in ("those", "anyone", "everyone") and any(c.dep_ == "relcl" for c in head.children):
            return self.cast.descriptor("group", _describe(tokens), position, side)  # "those who want …"
        within = any(c.dep_ == "prep" and c.lower_ == "in" for c in head.children)
        if (
            word in ("most", "many", "others", "several", "both", "some", "few")
            and (len(tokens) == 1 or within)
        ) or (head.like_num and within):
            # "Most believe that …", "most in Miami want …", "4 in 10 want …"
            return self.cast.descriptor("group", _describe(tokens), position, side)
        lemma = head.lemma_.lower()
        members = next(
            (
                c
                for of in head.children
                if of.dep_ == "prep" and of.lower_ == "of"
                for c in of.children
                if c.dep_ == "pobj"
            ),
            None,
        )
        if (
            (lemma in QUANTITY_NOUNS or word in ("half", "most", "many", "some", "all", "both"))
            and members is not None
            and members.tag_ in ("NNS", "NNPS")
        ):
            # "Dozens of newspapers", "a number of members": the people counted speak as a group.
            return self.cast.descriptor("group", _describe(tokens), position, side)
        determiner = tokens[0].lower_ if len(tokens) else ""
        definite = determiner in ("the", "this", "that", "these", "those")
        plural = head.tag_ in ("NNS", "NNPS")
        if _is_headline(head) or lemma in MEDIA_NOUNS:
            media = self._media(tokens, side, position)
            if media is not None:
                return media
        if lemma in GOVERNMENT_NOUNS or " ".join(t.lower_ for t in tokens[-2:]) in GOVERNMENT_NOUNS:
            return self._government(side, position, tokens)
        if plural and (word in GROUP_NOUNS or lemma in PERSON_DESCRIPTORS):
            if definite:
                group = self._recent_group(paragraph, lemma)
                if group is not None:
                    return group
            return self.cast.descriptor("group", _describe(tokens), position, side)
        if (
            definite
            and lemma == "old"
            and any(t.lower_ == "year" for t in tokens)
            and any(t.like_num for t in tokens)
        ):
            lemma = "man"  # "said the 46-year-old": the person just named, of any role
        if lemma in PERSON_DESCRIPTORS:
            if definite:
                person = self._descriptor(lemma, side, paragraph, anchor)
                if person is not None:
                    return person
            if lemma in SOURCE_NOUNS or not definite:
                return self.cast.descriptor(
                    "group" if plural else "person", _describe(tokens), position, side
                )
            return None
        if lemma in SOURCE_NOUNS:
            return self.cast.descriptor("group" if plural else "person", _describe(tokens), position, side)
        if lemma in DOCUMENT_NOUNS and lemma not in MEDIA_NOUNS:
            # "according to industry estimates": the document is the source.
            return self.cast.descriptor("organization", _describe(tokens), position, side)
        if lemma in ORGANIZATION_NOUNS:
            if definite and not plural:
                for _, entity in self._recent(paragraph, anchor, window=8):
                    if (
                        entity.kind in ("organization", "government", "media")
                        and lemma in entity.names[0].lower()
                    ):
                        return entity
            return self.cast.descriptor(
                "group" if plural else "organization", _describe(tokens), position, side
            )
        if plural and head.pos_ == "NOUN" and head.is_alpha and not head.ent_type_:
            # "Demonstrators said", "Delegates questioned": the words that name them are all
            # the article gives; an unknown singular ("the spot concludes") stays unattributed.
            return self.cast.descriptor("group", _describe(tokens), position, side)
        return None

    def _pronoun(self, word: str, paragraph: int, anchor: int) -> Entity | None:
        kind = PRONOUNS[word]
        if kind == "speaker" and self.author and _plausible_person(self.author):
            return self.cast.person(self.author, (paragraph, anchor))
        if kind in ("speaker", "speaker-plural", "addressee"):
            return None
        recent = self._recent(paragraph, anchor, window=3)
        if kind in ("male", "female"):
            for strict in (True, False):
                for event, entity in recent:
                    if (
                        entity.kind == "person"
                        and entity.gender in (None, kind)
                        and (event.speaker or event.subject or not strict)
                    ):
                        # A pronoun resolved to a person tells that person's gender for later ones.
                        entity.gender = kind
                        return entity
            return None
        if kind == "plural":
            for event, entity in recent:
                if entity.kind in ("group", "organization", "government", "media") and (
                    event.speaker or event.subject
                ):
                    return entity
            return None
        for event, entity in recent:  # "it"
            if entity.kind in ("organization", "government", "media") and (event.speaker or event.subject):
                return entity
        return None

    def _recent(self, paragraph: int, anchor: int, window: int) -> list[tuple[Event, Entity]]:
        """Mentions before (paragraph, anchor), most recent first, with their current entity."""
        found = []
        for event in reversed(self.events):
            if (event.paragraph, event.token) >= (paragraph, anchor) and not event.speaker:
                continue
            if (event.paragraph, event.token) > (paragraph, anchor) or event.quoted:
                continue
            if paragraph - event.paragraph > window:
                break
            found.append((event, self.cast.find(event.key)))
        return found

    def _descriptor(self, lemma: str, side: str | None, paragraph: int, anchor: int) -> Entity | None:
        """The earlier person a definite description fits ("the Chinese diplomat")."""
        wanted = PERSON_DESCRIPTORS[lemma]
        roles = ROLE_CLASSES.get(wanted, {lemma}) | {lemma}
        fallback = None
        for event, entity in self._recent(paragraph, anchor, window=6):
            if entity.kind != "person":
                continue
            if side and entity.nationality and entity.nationality != side:
                continue
            role_words = set((entity.role or "").lower().split())
            if wanted == "any" or role_words & roles or (entity.role or "").lower() in roles:
                return entity
            if fallback is None and side and entity.nationality == side:
                fallback = entity
        return fallback

    def _recent_group(self, paragraph: int, lemma: str) -> Entity | None:
        for event, entity in self._recent(paragraph, 10**6, window=3):
            if entity.kind == "group" and entity.members:
                return entity
        return None

    def _media(self, tokens: Span, side: str | None, position: tuple[int, int]) -> Entity | None:
        """An outlet named by a description: the last one met, or a new one ("US newspaper")."""
        nouns = [t for t in tokens if t.lemma_.lower() in MEDIA_NOUNS]
        for event, entity in self._recent(position[0], position[1], window=8):
            if entity.kind == "media" and (side is None or entity.nationality in (None, side)):
                name = _describe_media(tokens, side)
                if name and name not in entity.names and side:
                    entity.names.append(name)
                return entity
        for entity in reversed(self.cast.live()):
            if entity.kind == "media" and (side is None or entity.nationality in (None, side)):
                return entity
        if not nouns:
            return None
        name = _describe_media(tokens, side)
        return self.cast.descriptor("media", name, position, side)

    def _government(self, side: str | None, position: tuple[int, int], tokens: Span) -> Entity | None:
        if side:
            return self.cast.government(side, position)
        lemma = tokens.root.lemma_.lower()
        for event, entity in self._recent(position[0], position[1], window=6):
            if entity.kind == "government" and lemma in entity.names[0].lower():
                return entity
        # "police said", "the ministry said" with no body of that name met yet.
        return self.cast.descriptor("government", _describe(tokens), position, None)


def _is_headline(token: Token) -> bool:
    return token.lemma_.lower() in ("headline", "title", "caption")


def _qualifies(token: Token, head: Token) -> bool:
    """Whether a word only qualifies the head of its phrase ("Clinton" in "Clinton supporters")."""
    while token.i != head.i:
        if token.dep_ not in ("compound", "poss", "case", "amod"):
            return False
        token = token.head
    return True


def _describe(tokens: Span) -> str:
    words = [t for t in tokens if t.dep_ != "det" and not t.is_punct and t.dep_ not in ("relcl", "acl")][:6]
    return "".join(t.text + (t.whitespace_ if t is not words[-1] else "") for t in words) or tokens.text


def _describe_media(tokens: Span, side: str | None) -> str:
    """Name an outlet known by description: its country's adjective and the noun."""
    nouns = [
        t
        for t in tokens
        if t.lemma_.lower() in MEDIA_NOUNS
        and t.lemma_.lower() not in ("article", "report", "story", "piece", "column", "editorial")
    ]
    noun = nouns[-1].text if nouns else "media"
    adjective = gazetteer().adjectives.get(side) if side else None
    return f"{adjective} {noun}" if adjective else noun


def _side_near(ent: Span) -> str | None:
    """A country named in the phrase around an organisation ("… based in Washington")."""
    head = ent.root.head
    if head.dep_ == "prep" or head.pos_ == "ADP":
        head = head.head
    words = " ".join(
        t.text for t in head.subtree if t.ent_type_ in ("GPE", "NORP") and not ent.start <= t.i < ent.end
    )
    return gazetteer().side_of(words, parties=False) if words else None


def _repair(doc: Doc, ent: Span) -> tuple[Span, str]:
    """Fix the small model's usual slips: a title word inside a name, a person tagged ORG."""
    start, label = ent.start, ent.label_
    while (
        start < ent.end - 1
        and start > 0
        and doc[start - 1].lower_ == "of"
        and doc[start].lower_ in TITLE_ENDS
    ):
        start += 1
    if start < ent.end - 1 and inverted_cue(doc[start]):
        start += 1
    if start != ent.start:
        ent = doc[start : ent.end]
    if label == "ORG" and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent):
        words = {t.lower_ for t in ent}
        before = {t.lower_.rstrip(".") for t in doc[max(0, ent.start - 4) : ent.start]}
        if before & (TITLES | ROLE_NOUNS) and not words & (
            ORGANIZATION_NOUNS | GOVERNMENT_NOUNS | MEDIA_NAME_WORDS
        ):
            label = "PERSON"
    return ent, label


def _appositive_name(head: Token) -> tuple[str, int] | None:
    """A personal name in apposition to a title ("the Shadow Secretary …, Theresa May,")."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            words = [
                t
                for t in child.subtree
                if t.pos_ == "PROPN" and (t.i == child.i or t.dep_ in ("compound", "flat"))
            ]
            name, _ = clean_name(words)
            if len(name.split()) >= 2 and _plausible_person(name):
                return name, words[0].i
    return None


def _proper_run(tokens: Span, head: Token) -> list[Token]:
    """The last run of capitalised proper nouns that names the phrase's head (a name the tagger missed).

    Only the head and words attached to it directly count: in "ministers of the Arctic
    states", "Arctic" names the states, not the speakers.
    """
    near_head = {head.i} | {
        c.i for c in head.children if c.dep_ in ("compound", "flat", "appos", "amod", "nmod")
    }
    near_head |= {
        g.i
        for c in head.children
        if c.dep_ in ("compound", "appos")
        for g in c.children
        if g.dep_ in ("compound", "flat")
    }
    runs: list[list] = []
    run: list = []
    for token in tokens:
        title_end = token.lower_ in TITLE_ENDS and token.i > 0 and token.doc[token.i - 1].lower_ == "of"
        if token.lower_.rstrip(".") in TITLES or title_end or token.lower_ in ROLE_NOUNS:
            if run:
                runs.append(run)
            run = []
            continue
        # "the South Carolina senator": a place that qualifies a common noun names no one.
        place = (token.ent_type_ in ("GPE", "NORP") and gazetteer().side_of(token.text, parties=False)) or (
            token.ent_type_ in ("GPE", "LOC") and head.pos_ == "NOUN"
        )
        # The tagger calls some names common nouns ("O’Donnell"): a capitalised word inside the
        # sentence that is no known word of the lexicon counts as a name too.
        proper = token.pos_ == "PROPN" or (
            token.pos_ == "NOUN" and not token.is_sent_start and token.lower_ not in SENTIENT_NOUNS
        )
        if (
            token.i in near_head
            and proper
            and token.text[:1].isupper()
            and not place
            and token.ent_type_ != "DATE"
            and token.lower_ not in PRONOUNS
        ):
            run.append(token)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    # A run of two or more words reads as a full name; prefer it to a stray capitalised word.
    full = [r for r in runs if len(r) >= 2]
    return (full or runs)[-1] if runs else []


def _plausible_person(name: str) -> bool:
    words = name.split()
    if not words or len(words) > 5 or any(ch.isdigit() for ch in name):
        return False
    return all(
        w[:1].isupper() or w.lower() in ("de", "van", "von", "bin", "al", "da", "di", "la", "le", "der")
        for w in words
    )
