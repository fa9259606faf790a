"""Resolving the words that name a speaker to an actor of the cast.

Names go to the person or body they name; pronouns ("He stressed") and descriptors ("the
Chinese diplomat", "the newspaper", "the experts") go to the most salient earlier actor
that fits them; a speaker that cannot be resolved is left unattributed, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.analysis.actors import Cast, Entity, clean_name, near, org_kind, role_and_affiliation
from generator.analysis.lexicon import (
    DOCUMENT_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    MEDIA_NOUNS,
    ORGANIZATION_NAME_WORDS,
    ORGANIZATION_NOUNS,
    OWN_SOURCE_NOUNS,
    PERSON_DESCRIPTORS,
    PRONOUNS,
    QUANTITY_NOUNS,
    ROLE_CLASSES,
    ROLE_NOUNS,
    SOURCE_NOUNS,
    TITLE_ENDS,
    TITLES,
)
from generator.analysis.mentions import (
    appositive_name,
    describe,
    describe_media,
    is_headline,
    plausible_person,
    proper_run,
    qualifies,
    repair,
    side_near,
)
from generator.analysis.places import gazetteer

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


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
        ent, label = repair(doc, ent)
        position = (paragraph, ent.start)
        if label == "PERSON":
            tokens = list(ent)
            before = ent.start - 1
            if before >= 0 and doc[before].text.lower().rstrip(".") in TITLES | {"mr", "mrs", "ms", "dr"}:
                tokens.insert(0, doc[before])
            name, titles = clean_name(tokens)
            if not plausible_person(name):
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
                entity.nationality = side_near(ent)
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
        """The actor a speaker phrase names: an entity met in it, or one its words name."""
        keys = []
        for token in tokens:
            key = self.at.get((paragraph, token.i))
            if key is not None:
                key = self.cast.find(key).key
                if key not in keys:
                    keys.append(key)
        if keys:
            return self._among_named(paragraph, tokens, [self.cast.find(k) for k in keys])
        # A name already met wins over the tagger's reading of it as a place ("Mr Mubanga").
        known = self._known_person(tokens.root.text)
        if known is not None:
            self.at[(paragraph, tokens.root.i)] = known.key
            known.positions.append((paragraph, tokens.root.i))
            return known
        return self._place_or_party(paragraph, tokens) or self._unregistered_name(paragraph, tokens)

    def _place_or_party(self, paragraph: int, tokens: Span) -> Entity | None:
        """A country or capital as speaker stands for its government ("Beijing said", "China
        and Russia support …"); a party for its members ("The Tories said")."""
        head = tokens.root
        allied = [t for t in (head, *head.conjuncts) if t.ent_type_ == "GPE"]
        sides = list(dict.fromkeys(gazetteer().side_of(t.text, parties=False) for t in allied))
        if len(allied) >= 2 and len(sides) == len(allied) and all(sides):
            members = [
                self.cast.government(side, (paragraph, t.i)) for side, t in zip(sides, allied, strict=True)
            ]
            return self.cast.group(members, (paragraph, head.i))
        if head.ent_type_ in ("GPE", "NORP") or head.lower_ in ("kremlin", "white house"):
            seats = ("kremlin", "white", "house")
            words = " ".join(t.text for t in tokens if t.ent_type_ in ("GPE", "NORP") or t.lower_ in seats)
            side = gazetteer().side_of(words or head.text, parties=False)
            if side and head.ent_type_ != "NORP":
                return self.cast.government(side, (paragraph, head.i))
            if side and head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS"):
                return self.cast.descriptor("group", head.text, (paragraph, head.i), side)
        capitalised = head.text[:1].isupper() and len(head.text) > 1
        party = gazetteer().parties.get(head.text.lower()) if capitalised else None
        if party:
            group = self.cast.descriptor("group", describe(tokens), (paragraph, head.i), None)
            group.party = party
            return group
        return None

    def _unregistered_name(self, paragraph: int, tokens: Span) -> Entity | None:
        """A name the tagger missed: a person already met, or a run of capitalised words."""
        head = tokens.root
        run = proper_run(tokens, head)
        if not run:
            return None
        name, titles = clean_name(run)
        position = (paragraph, run[0].i)
        if not plausible_person(name) or any(w.lower() in gazetteer().countries for w in name.split()):
            return None
        words = {w.lower() for w in name.split()}
        if org_kind(name) != "organization" or words & (ORGANIZATION_NOUNS | ORGANIZATION_NAME_WORDS):
            return self.cast.organization(name, position)
        entity = self.cast.person(name, position, titles)
        for token in run:
            self.at[(paragraph, token.i)] = entity.key
        return entity

    def _among_named(self, paragraph: int, tokens: Span, entities: list[Entity]) -> Entity:
        """Which of the entities met in a speaker phrase speaks: all of two people joined by
        "and"; the head's; a group the names only qualify; the person in a role phrase."""
        people = [e for e in entities if e.kind == "person"]
        head = tokens.root
        head_key = self.at.get((paragraph, head.i))
        if len(people) >= 2 and any(t.dep_ == "conj" for t in tokens):
            return self.cast.group(people, (paragraph, tokens.start))
        if head_key is not None:
            return self.cast.find(head_key)
        if head.tag_ in ("NNS", "NNPS") and all(
            self.at.get((paragraph, t.i)) is None or qualifies(t, head) for t in tokens
        ):
            # "Several Clinton supporters said", "House Republicans oppose": the group, not the
            # person or body that names it.
            group = self.cast.descriptor("group", describe(tokens), (paragraph, head.i), None)
            group.party = gazetteer().parties.get(head.text.lower())
            return group
        # The phrase's head is a role noun ("spokesman Geng Shuang"): prefer the person in it.
        if people:
            return people[-1]
        named = appositive_name(head)
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
        if word.isupper():
            word = word.title()  # "FALLIN:" in a transcript

        for entity in sorted(self.cast.live(), key=lambda e: e.last_seen, reverse=True):
            if entity.kind == "person" and any(
                near(word, part) for name in entity.names for part in name.split()
            ):
                return entity
        return None

    def _unnamed(self, paragraph: int, doc: Doc, tokens: Span, anchor: int) -> Entity | None:
        """The actor a pronoun, a count of people or a description refers to, or None."""
        head = tokens.root
        if head.lower_ in PRONOUNS and len(tokens) <= 2:
            return self._pronoun(head.lower_, paragraph, anchor)
        adjectives = " ".join(t.text for t in tokens if t.i != head.i)
        side = gazetteer().side_of(adjectives, parties=False) if adjectives else None
        counted = self._counted(paragraph, tokens, anchor, side)
        if counted is not None:
            return counted
        return self._described(paragraph, tokens, anchor, side)

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
            return group or self.cast.descriptor("group", describe(tokens), position, side)
        aged = any(t.lower_ == "year" for t in tokens) and any(t.like_num for t in tokens)
        if definite and lemma == "old" and aged:
            lemma = "man"  # "said the 46-year-old": the person just named, of any role
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
        fallback = None
        for _event, entity in self._recent(paragraph, anchor, window=6):
            if entity.kind != "person":
                continue
            if side and entity.nationality and entity.nationality != side:
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
        if not len(tokens) or tokens[0].lower_ not in ("the", "this", "that"):
            return None
        modifiers = {t.lower_ for t in tokens if t.i != head.i and t.pos_ in ("NOUN", "PROPN", "ADJ")}
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
            e for e in self.cast.live() if e.kind == "person" and fits(e, lemma) and modifiers <= e.role_words
        ]
        return fitting[0] if len(fitting) == 1 else None

    def _recent_group(self, paragraph: int, lemma: str) -> Entity | None:
        for _event, entity in self._recent(paragraph, 10**6, window=3):
            if entity.kind == "group" and entity.members:
                return entity
        return None

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
    return wanted == "any" or bool(role_words & roles) or (entity.role or "").lower() in roles
