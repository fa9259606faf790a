"""Resolving the words that do not name a speaker: pronouns ("he stressed"), counts of people
("both", "most in Miami"), descriptions ("the Chinese diplomat", "the newspaper") and
documents ("the statement said"), against the actors the article has named so far."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.analysis.actors import Cast, Entity
from generator.analysis.knowledge import knowledge, surname_key
from generator.analysis.lexicon import (
    DOCUMENT_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    MEDIA_NOUNS,
    ORGANIZATION_NOUNS,
    OWN_SOURCE_NOUNS,
    PERSON_DESCRIPTORS,
    PRONOUNS,
    QUANTITY_NOUNS,
    ROLE_CLASSES,
    SOURCE_NOUNS,
)
from generator.analysis.mentions import describe, describe_media, is_headline, plausible_person
from generator.analysis.places import gazetteer

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
    reported: bool = False
    """Inside the words of a reported claim ("McDonald said Darroch had been the target"):
    less salient than the one who reports them, for a pronoun that follows."""


class Descriptions:
    """The part of the resolver that reads what does not name its actor."""

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

    def _counted(self, paragraph: int, tokens: Span, anchor: int, side: str | None) -> Entity | None:
        """People named by how many they are: "both", "the two", "those who …", "most", "4 in
        10", "dozens of newspapers"."""
        head = tokens.root
        word = head.lower_
        position = (paragraph, head.i)
        pair = word == "two" and len(tokens) == 2 and tokens[0].lower_ == "the"
        if (word == "both" and len(tokens) == 1) or pair:
            # "Sanders and Clinton … Both want …": the last two people named.
            recent = self._recent(paragraph, anchor, window=1)
            people = list(dict.fromkeys(e.key for _, e in recent if e.kind == "person"))[:2]
            if len(people) == 2:
                return self.cast.group([self.cast.find(k) for k in reversed(people)], position)
        if word in ("those", "anyone", "everyone") and any(c.dep_ == "relcl" for c in head.children):
            return self.cast.descriptor("group", describe(tokens), position, side)  # "those who want …"
        within = any(c.dep_ == "prep" and c.lower_ == "in" for c in head.children)
        if (
            word in ("most", "many", "others", "several", "both", "some", "few")
            and (len(tokens) == 1 or within)
        ) or (head.like_num and within):
            return self.cast.descriptor("group", describe(tokens), position, side)
        of = (
            c
            for p in head.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for c in p.children
            if c.dep_ == "pobj"
        )
        members = next(of, None)
        quantity = head.lemma_.lower() in QUANTITY_NOUNS or word in (
            "half",
            "most",
            "many",
            "some",
            "all",
            "both",
        )
        if quantity and members is not None and members.tag_ in ("NNS", "NNPS"):
            return self.cast.descriptor("group", describe(tokens), position, side)
        return None

    def _described(self, paragraph: int, tokens: Span, anchor: int, side: str | None) -> Entity | None:
        """The actor a description fits: an outlet, a government, a group, a person by role
        ("the Chinese diplomat"), a source, a document or a body; else None."""
        head = tokens.root
        position = (paragraph, head.i)
        lemma = head.lemma_.lower()
        definite = (tokens[0].lower_ if len(tokens) else "") in ("the", "this", "that", "these", "those")
        # "South Korea's president" is as definite as "the South Korean president".
        definite = definite or (
            side is not None
            and any(t.dep_ == "poss" and t.head.i == head.i and t.ent_type_ == "GPE" for t in tokens)
        )
        plural = head.tag_ in ("NNS", "NNPS")
        kind = "group" if plural else "person"
        if is_headline(head) or lemma in MEDIA_NOUNS:
            media = self._media(tokens, side, position)
            if media is not None:
                return media
        if lemma in GOVERNMENT_NOUNS or " ".join(t.lower_ for t in tokens[-2:]) in GOVERNMENT_NOUNS:
            return self._government(side, position, tokens)
        if plural and (head.lower_ in GROUP_NOUNS or lemma in PERSON_DESCRIPTORS):
            group = self._recent_group(paragraph, lemma) if definite else None
            if group is None and (definite or len(tokens) == 1):
                group = self._group_named(head.lower_)
            return group or self.cast.descriptor("group", describe(tokens), position, side)
        aged = any(t.lower_ == "year" for t in tokens) and any(t.like_num for t in tokens)
        if definite and lemma == "old" and aged:
            lemma = "man"  # "said the 46-year-old": the person just named, of any role
        body = self._spokesperson_of(tokens, head, position) if lemma in _SPOKES else None
        if body is not None:
            return body
        if lemma in PERSON_DESCRIPTORS:
            person = self._descriptor(lemma, side, paragraph, anchor) if definite else None
            if person is not None:
                return person
            if lemma in SOURCE_NOUNS or not definite:
                return self.cast.descriptor(kind, describe(tokens), position, side)
            return None
        if lemma in SOURCE_NOUNS:
            return self.cast.descriptor(kind, describe(tokens), position, side)
        if lemma in DOCUMENT_NOUNS and lemma not in MEDIA_NOUNS:
            # "the statement said", "according to the complaint": whoever issued it speaks.
            return self._issuer(paragraph, tokens, anchor)
        if lemma in ORGANIZATION_NOUNS:
            body = self._recent_body(paragraph, anchor, lemma) if definite and not plural else None
            return body or self.cast.descriptor(
                "group" if plural else "organization", describe(tokens), position, side
            )
        if plural and head.pos_ == "NOUN" and head.is_alpha and not head.ent_type_:
            # "Demonstrators said", "Delegates questioned": the words that name them are all
            # the article gives; an unknown singular ("the spot concludes") stays unattributed.
            return self.cast.descriptor("group", describe(tokens), position, side)
        return None

    def _issuer(self, paragraph: int, tokens: Span, anchor: int) -> Entity | None:
        """Who a document speaks for: the owner it names ("China's statement", "a statement
        from the ministry"), else the last actor to speak in this paragraph or the one before;
        else no one (a poll or an estimate is no actor)."""
        head = tokens.root
        for child in head.children:
            named = child if child.dep_ == "poss" else None
            if child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
                named = next((c for c in child.children if c.dep_ == "pobj"), None)
            if named is None:
                continue
            key = self.at.get((paragraph, named.i))
            if key is not None:
                return self.cast.find(key)
            words = " ".join(t.text for t in named.subtree)
            side = gazetteer().side_of(words, parties=False)
            if side:
                return self.cast.government(side, (paragraph, named.i))
            owner = named.doc[named.left_edge.i : named.i + 1]
            return self._described(paragraph, owner, anchor, None) if named.pos_ == "NOUN" else None
        if any(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tokens if t.i != head.i):
            # "a Pentagon report", "the Gallup poll": the body that names it.
            return self.cast.descriptor("organization", describe(tokens), (paragraph, head.i), None)
        if head.lemma_.lower() in OWN_SOURCE_NOUNS:
            # "Polls show …", "Video shows …": what a poll or a recording shows, it says itself.
            return self.cast.descriptor("organization", describe(tokens), (paragraph, head.i), None)
        if self.last_claim is not None and paragraph - self.last_claim_paragraph <= 1:
            return self.cast.find(self.last_claim.key)
        return None

    def _recent_body(self, paragraph: int, anchor: int, lemma: str) -> Entity | None:
        """The body met recently whose name holds the noun ("the committee")."""
        for _, entity in self._recent(paragraph, anchor, window=8):
            if entity.kind in ("organization", "government", "media") and lemma in entity.names[0].lower():
                return entity
        return None

    def _pronoun(self, word: str, paragraph: int, anchor: int) -> Entity | None:
        kind = PRONOUNS[word]
        if kind == "speaker" and self.author and plausible_person(self.author):
            return self.cast.person(self.author, (paragraph, anchor))
        if kind in ("speaker", "speaker-plural", "addressee"):
            return None
        recent = self._recent(paragraph, anchor, window=3)
        if kind in ("male", "female"):
            for strict in (True, False):
                for event, entity in recent:
                    salient = event.speaker or (event.subject and not event.reported)
                    if entity.kind == "person" and entity.gender in (None, kind) and (salient or not strict):
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
        fallback = None
        for _event, entity in self._recent(paragraph, anchor, window=6):
            if entity.kind != "person":
                continue
            if (
                side
                and entity.nationality != side
                and (entity.nationality or entity.office == "head" or _known_elsewhere(entity, side))
            ):
                continue
            if fits(entity, lemma):
                return entity
            if fallback is None and side and entity.nationality == side:
                fallback = entity
        return fallback

    def described_anywhere(self, doc: Doc, span: tuple[int, int]) -> Entity | None:
        """The one person of the whole article a definite role description fits, when the
        description comes before the name ("The home secretary said …", then "Home Secretary
        Charles Clarke"); None when none or several fit."""
        tokens = doc[span[0] : span[1]]
        head = tokens.root
        lemma = head.lemma_.lower()
        if (
            lemma not in PERSON_DESCRIPTORS
            or PERSON_DESCRIPTORS[lemma] == "any"
            or head.tag_ in ("NNS", "NNPS")
        ):
            return None
        owner = next((t for t in head.children if t.dep_ == "poss" and t.ent_type_ == "GPE"), None)
        if owner is not None:
            return self._of_country_anywhere(owner, lemma)
        if not len(tokens) or tokens[0].lower_ not in ("the", "this", "that"):
            return None
        modifiers = {t.lower_ for t in tokens if t.i < head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")}
        modifiers -= {
            "new",
            "former",
            "embattled",
            "current",
            "outgoing",
            "incoming",
            "acting",
            "deputy",
            "top",
        }
        fitting = [
            e
            for e in self.cast.live()
            if e.kind == "person"
            and (
                (fits(e, lemma) and modifiers <= e.role_words)
                # "the first minister": the head of government the knowledge names, unless the
                # article gives them another role ("the SNP's Holyrood leader").
                or (
                    lemma == "minister"
                    and modifiers & _HEAD_OF_GOVERNMENT
                    and e.office == "head"
                    and not e.role
                )
            )
        ]
        return fitting[0] if len(fitting) == 1 else None

    def _spokesperson_of(self, tokens: Span, head: Token, position: tuple[int, int]) -> Entity | None:
        """An unnamed spokesperson of a known body speaks as the body ("a state department
        spokeswoman said": the State Department, as a reader meets it)."""
        words = " ".join(t.text for t in tokens if t.i < head.i and t.dep_ == "compound")
        known = knowledge().institution(words) if words else None
        if known is None:
            return None
        return self.cast.organization(known.name, position)

    def _of_country_anywhere(self, owner: Token, lemma: str) -> Entity | None:
        """The one person of the country a description names that fits it ("South Korea's
        president", then "South Korean President Moon Jae-in")."""
        side = gazetteer().side_of(" ".join(t.text for t in owner.subtree), parties=False)
        fitting = [
            e for e in self.cast.live() if e.kind == "person" and e.nationality == side and fits(e, lemma)
        ]
        return fitting[0] if side and len(fitting) == 1 else None

    def _recent_group(self, paragraph: int, lemma: str) -> Entity | None:
        for _event, entity in self._recent(paragraph, 10**6, window=3):
            if entity.kind == "group" and entity.members:
                return entity
        return None

    def _group_named(self, noun: str) -> Entity | None:
        """The group met last whose name ends in the noun: "officials" after "U.S. officials"."""
        groups = [
            e
            for e in self.cast.live()
            if e.kind == "group" and e.names and e.names[0].split()[-1].lower() == noun
        ]
        return max(groups, key=lambda e: e.last_seen) if groups else None

    def _media(self, tokens: Span, side: str | None, position: tuple[int, int]) -> Entity | None:
        """An outlet named by a description: the last one met, or a new one ("US newspaper")."""
        nouns = [t for t in tokens if t.lemma_.lower() in MEDIA_NOUNS]
        for _event, entity in self._recent(position[0], position[1], window=8):
            if entity.kind == "media" and (side is None or entity.nationality in (None, side)):
                name = describe_media(tokens, side)
                if name and name not in entity.names and side:
                    entity.names.append(name)
                return entity
        for entity in reversed(self.cast.live()):
            if entity.kind == "media" and (side is None or entity.nationality in (None, side)):
                return entity
        if not nouns:
            return None
        name = describe_media(tokens, side)
        return self.cast.descriptor("media", name, position, side)

    def _government(self, side: str | None, position: tuple[int, int], tokens: Span) -> Entity | None:
        if side:
            return self.cast.government(side, position)
        lemma = tokens.root.lemma_.lower()
        for _event, entity in self._recent(position[0], position[1], window=6):
            if entity.kind == "government" and lemma in entity.names[0].lower():
                return entity
        # "police said", "the ministry said" with no body of that name met yet.
        return self.cast.descriptor("government", describe(tokens), position, None)


def fits(entity: Entity, lemma: str) -> bool:
    """Whether a person's roles fit a description's head noun ("diplomat" fits a spokesman)."""
    wanted = PERSON_DESCRIPTORS[lemma]
    roles = ROLE_CLASSES.get(wanted, {lemma}) | {lemma}
    role_words = set((entity.role or "").lower().split()) | entity.role_words
    if entity.office == "head" and lemma in _HEADS:
        return True  # "the president" fits the head of government the knowledge names
    return wanted == "any" or bool(role_words & roles) or (entity.role or "").lower() in roles


_HEADS = frozenset({"president", "leader", "premier", "chancellor"})
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})
_HEAD_OF_GOVERNMENT = frozenset({"prime", "first"})
"""What makes "the minister" the head of a government ("the first minister", "the prime minister")."""


def _known_elsewhere(person: Entity, side: str) -> bool:
    """Whether every public figure of the person's surname is of another country ("President
    Trump" is not "South Korea's president")."""
    figures = knowledge().surnames.get(surname_key(person.names[0]), ())
    return bool(figures) and all(f.country != side for f in figures)
