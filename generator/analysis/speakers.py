"""Resolving the words that name a speaker to an actor of the cast.

Names go to the person or body they name; pronouns ("He stressed") and descriptors ("the
Chinese diplomat", "the newspaper", "the experts") go to the most salient earlier actor
that fits them; a speaker that cannot be resolved is left unattributed, never guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.actors import (
    Entity,
    clean_name,
    fold,
    name_parts,
    near_part,
    org_kind,
)
from generator.analysis.descriptions import Descriptions, Event
from generator.analysis.knowledge import knowledge
from generator.analysis.lexicon import (
    ORGANIZATION_NAME_WORDS,
    ORGANIZATION_NOUNS,
    PERSON_DESCRIPTORS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLE_ENDS,
    TITLES,
)
from generator.analysis.mentions import (
    appositive_name,
    describe,
    plausible_person,
    proper_run,
    qualifies,
    repair,
    side_near,
)
from generator.analysis.places import gazetteer
from generator.analysis.roles import role_and_affiliation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


class Resolver(Descriptions):
    """Reads mentions in order and resolves speaker phrases against what has been read."""

    # -- named mentions -------------------------------------------------------------------

    def register(
        self, paragraph: int, doc: Doc, ent: Span, quoted: bool = False, reported: bool = False
    ) -> None:
        """Add a named entity mention (PERSON or ORG) to the cast; `quoted` when it is inside a
        quotation, where it names someone but is no antecedent for a pronoun or description;
        `reported` when it is inside the words of a reported claim."""
        ent, label = repair(doc, ent)
        position = (paragraph, ent.start)
        if label == "PERSON":
            entity = self._person_mention(doc, ent, position)
        elif label == "ORG":
            entity = self._organization_mention(ent, position, quoted, reported)
        else:
            return
        if entity is None:
            return
        role, affiliation, context = role_and_affiliation(ent)
        self.cast.describe(entity, role, affiliation, context)
        if entity.affiliation:
            self._side_of_affiliation(entity)
        for i in range(ent.start, ent.end):
            self.at[(paragraph, i)] = entity.key
        root = ent.root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        self.events.append(Event(paragraph, ent.start, entity.key, False, subject, quoted, reported))

    def _person_mention(self, doc: Doc, ent: Span, position: tuple[int, int]) -> Entity | None:
        tokens = list(ent)
        before = ent.start - 1
        if before >= 0 and doc[before].text.lower().rstrip(".") in TITLES | {"mr", "mrs", "ms", "dr"}:
            tokens.insert(0, doc[before])
        name, titles = clean_name(tokens)
        return self.cast.person(name, position, titles) if plausible_person(name) else None

    def _organization_mention(
        self, ent: Span, position: tuple[int, int], quoted: bool, reported: bool
    ) -> Entity | None:
        name, _ = clean_name(list(ent))
        if not name or len(name) < 2 or name.isdigit():
            return None
        # "FALLIN:" in a transcript, or "Trump" tagged as a body, is the person already met.
        known = (
            (self._known_person(name) if name.isupper() else self._surname(name)) if " " not in name else None
        )
        if known is not None:
            paragraph = position[0]
            self.at[(paragraph, ent.start)] = known.key
            known.positions.append(position)
            subject = ent.root.dep_ in ("nsubj", "nsubjpass")
            self.events.append(Event(paragraph, ent.start, known.key, False, subject, quoted, reported))
            return None
        if all(
            w.lower() in TITLES or w.lower() in TITLE_ENDS or w.lower() in ROLE_NOUNS for w in name.split()
        ):
            return None  # "Shadow", "State": a title word the tagger took for a body
        entity = self.cast.organization(name, position)
        if entity.nationality is None:
            entity.nationality = side_near(ent)
        return entity

    def _side_of_affiliation(self, entity: Entity) -> None:
        """A body the knowledge names ("Director General of the International Organization for
        Migration") gives its side; a person or body the article met ("Mike Pence's chief of
        staff") gives theirs, where the entity has none."""
        known = knowledge().institution(entity.affiliation or "")
        if known is not None and entity.office is None:
            entity.nationality = known.side
            return
        if entity.nationality is None:
            owner = self._organization_named(entity.affiliation or "") or self._known_person(
                (entity.affiliation or "").removesuffix("’s").removesuffix("'s").split()[-1]
            )
            if owner is not None and owner.nationality:
                entity.nationality = owner.nationality

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
        entity = self._conjoined(paragraph, doc, tokens, anchor) or self._named(paragraph, doc, tokens)
        if entity is None:
            entity = self._unnamed(paragraph, doc, tokens, anchor)
        if entity is not None:
            entity = self.cast.find(entity.key)
            entity.speaks += 1
            self.events.append(Event(paragraph, anchor, entity.key, True, True))
            self.last_claim = entity
            self.last_claim_paragraph = paragraph
        return entity

    def _conjoined(self, paragraph: int, doc: Doc, tokens: Span, anchor: int) -> Entity | None:
        """Actors a phrase joins by "and", each resolved as a speaker of its own ("both Plaid
        Cymru and the Liberal Democrats", "Opposition members and some Labour MPs")."""
        head = tokens.root
        items = [head, *(c for c in head.conjuncts if tokens.start <= c.i < tokens.end)]
        if len(items) < 2 or any(t.lower_ in PRONOUNS for t in items):
            return None
        entities: list[Entity] = []
        for item in items:
            inner = {
                t.i
                for other in items
                if other is not item and other.is_ancestor(item) is False
                for t in other.subtree
                if item.is_ancestor(other)
            }
            words = [
                t.i
                for t in item.subtree
                if tokens.start <= t.i < tokens.end
                and t.i not in inner
                and t.dep_ not in ("cc", "preconj", "punct")
            ]
            part = doc[min(words) : max(words) + 1]
            entity = self._named(paragraph, doc, part) or self._unnamed(paragraph, doc, part, anchor)
            if entity is None:
                return None
            entities.append(self.cast.find(entity.key))
        if len({e.key for e in entities}) < 2:
            return None
        return self.cast.group(entities, (paragraph, head.i))

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
        party = knowledge().party_in(tokens.text) if capitalised else None
        if party and describe(tokens).lower() in knowledge().parties:
            return self.cast.organization(describe(tokens), (paragraph, head.i))  # the party itself
        if party and not (head.tag_ == "NNP" and not knowledge().party_in(head.text)):
            # "Labour MPs", "Tory rebels"; not "Yair Lapid of Yesh Atid", a person of the party.
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
        if all(t.ent_type_ in ("GPE", "LOC") for t in run):
            return None  # "the new health minister for Wales": the place is not the speaker
        words = {w.lower() for w in name.split()}
        acronym = len(run) == 1 and name.isupper() and len(name) >= 3 and not titles
        described = {t.lemma_.lower() for t in tokens if t.i < run[0].i}
        if (
            org_kind(name) != "organization"
            or words & (ORGANIZATION_NOUNS | ORGANIZATION_NAME_WORDS)
            or (acronym and described & ORGANIZATION_NOUNS)
        ):
            # "the U.N. refugee agency UNHCR": a body, named by what the phrase calls it.
            return self.cast.organization(name, position)
        entity = self.cast.person(name, position, titles)
        for token in run:
            self.at[(paragraph, token.i)] = entity.key
        return entity

    def _joined_people(self, paragraph: int, tokens: Span) -> list[Entity]:
        """The people a phrase joins by "and" ("Graham Allison and Dimitri Simes"), not a person
        and whoever their description names ("Eyal Arad, a consultant to Mr. Netanyahu and others")."""
        roots: dict[int, Entity] = {}
        for token in tokens:
            key = self.at.get((paragraph, token.i))
            entity = self.cast.find(key) if key is not None else None
            if entity is None or entity.kind != "person":
                continue
            above = self.at.get((paragraph, token.head.i))
            if token.head.i == token.i or above is None or self.cast.find(above).key != entity.key:
                roots[token.i] = entity
        joined = [entity for i, entity in roots.items() if any(c.i in roots for c in tokens.doc[i].conjuncts)]
        return list({e.key: e for e in joined}.values())

    def _among_named(self, paragraph: int, tokens: Span, entities: list[Entity]) -> Entity | None:
        """Which of the entities met in a speaker phrase speaks: all of two people joined by
        "and"; the head's; a group the names only qualify; the person in a role phrase."""
        people = [e for e in entities if e.kind == "person"]
        head = tokens.root
        head_key = self.at.get((paragraph, head.i))
        joined = self._joined_people(paragraph, tokens)
        if len(joined) >= 2:
            return self.cast.group(joined, (paragraph, tokens.start))
        if head_key is not None:
            head_entity = self.cast.find(head_key)
            if head_entity.kind != "person" and len(people) == 1 and head.tag_ not in ("NNS", "NNPS"):
                # "Foreign Office permanent under-secretary Simon McDonald": the person, not the body.
                return people[0]
            return head_entity
        if head.tag_ in ("NNS", "NNPS") and all(
            self.at.get((paragraph, t.i)) is None or qualifies(t, head) for t in tokens
        ):
            # "Several Clinton supporters said", "House Republicans oppose": the group, not the
            # person or body that names it.
            group = self.cast.descriptor("group", describe(tokens), (paragraph, head.i), None)
            group.party = knowledge().party_in(tokens.text)
            return group
        owner = next((t for t in head.children if t.dep_ == "poss" and t.ent_type_ == "PERSON"), None)
        if (
            owner is not None
            and head.lemma_.lower() in PERSON_DESCRIPTORS
            and not any(t.ent_type_ == "PERSON" for t in head.rights)
        ):
            # "Cohen's lawyer said": the lawyer, not Cohen.
            return self.cast.descriptor("person", describe(tokens), (paragraph, head.i), None)
        # The phrase's head is a role noun ("spokesman Geng Shuang"): prefer the person in it.
        if people:
            return people[-1]
        named = appositive_name(head)
        if named:
            name, first = named
            return self.cast.person(name, (paragraph, first))
        # "The new health minister for Wales": a place the role is of is not the speaker.
        bodies = [e for e in entities if not (e.kind != "person" and _a_place(e.names[0]))]
        return bodies[0] if bodies else None

    def _surname(self, word: str) -> Entity | None:
        """The person already met whose surname this word is, exactly (or who is named by it
        alone: "President Trump’s", then "Trump" tagged as a body)."""
        for entity in sorted(self.cast.live(), key=lambda e: e.last_seen, reverse=True):
            if entity.kind == "person" and any(
                n.split() and fold(word) in {fold(p) for p in name_parts(n.split()[-1])} for n in entity.names
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
                near_part(word, part) for name in entity.names for part in name.split()
            ):
                return entity
        return None

    def _owner_of_clause(self, paragraph: int, pronoun: Token) -> Entity | None:
        """ "Darroch's letter, in which he said …": a pronoun speaking in a relative clause on a
        person's document or words is that person."""
        verb = pronoun.head
        if (
            pronoun.dep_ != "nsubj"
            or verb.dep_ != "relcl"
            or PRONOUNS.get(pronoun.lower_) not in ("male", "female")
        ):
            return None
        owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        key = self.at.get((paragraph, owner.i)) if owner is not None else None
        entity = self.cast.find(key) if key is not None else None
        return entity if entity is not None and entity.kind == "person" else None

    def _unnamed(self, paragraph: int, doc: Doc, tokens: Span, anchor: int) -> Entity | None:
        """The actor a pronoun, a count of people or a description refers to, or None."""
        head = tokens.root
        if head.lower_ in PRONOUNS and len(tokens) <= 2:
            return self._owner_of_clause(paragraph, head) or self._pronoun(head.lower_, paragraph, anchor)
        adjectives = " ".join(t.text for t in tokens if t.i != head.i)
        side = gazetteer().side_of(adjectives, parties=False) if adjectives else None
        counted = self._counted(paragraph, tokens, anchor, side)
        if counted is not None:
            return counted
        return self._described(paragraph, tokens, anchor, side)


def _a_place(name: str) -> bool:
    """Whether a name is a country's or region's as such ("Wales", "Scotland"), not a body's."""
    places = gazetteer()
    return name.lower() in places.countries or name.lower() in places.demonyms
