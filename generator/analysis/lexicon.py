"""The word lists every stage shares, read once from `generator/data/lexicon/` on first use.

One row per word, so that widening a list is a one-line change that every stage sees, and a
word's whole behaviour is on its row. The loader refuses a word listed twice in one file, an
unknown frame or class, and frames that contradict each other, naming the file and line.

Verb frames (`verbs.tsv`):
    speech: attributes speech, writing or a stated view (the modality column says what the
        cue lends to what it reports: denial, recommendation or prediction);
    weak_cue: of two verbs of speech before a quotation, one of these is the later choice
        ("show", "find", "read": they attribute less surely);
    cognition: attributes a view only with a named or resolvable holder ("believe");
    attitude: attitude, intention or stance ("backs", "wants", "mocked"), counted only when
        its subject can hold a view;
    object / no_object: the direct object is (or is never) what was said ("denied the
        report"; "told reporters");
    infinitive: the infinitive says what was said or meant ("vowed to fight");
    verdict: passes a verdict on someone for something ("accused her of …");
    aspect: says only when the speaking happened ("continues to insist that …");
    as: its subject is parenthetical in "As X noted, …";
    support: its object is a stance held by its subject ("voiced support for …");
    preposition: its prepositional object is what it is about ("talked about X");
    passive_holder: its passive subject holds the view ("was frustrated that …");
    to / on / in: "to", "on" or "in" introduces its content ("referred to", "commented on",
        "believes in");
    state: a state, a habit of mind or a not-doing, never an event the article reports ("needed",
        "lacked", "declined to");
    inquiry: its complement is an open question, not a fact ("investigating whether …");
    publication: makes a document public, so that "a report released on Monday" is one cited, or
        is an act though it is spoken ("announced the tariffs", "pleaded guilty");
    reports: tells what happened without taking a side ("said", "according to"), so that what an
        official body reports with it is the article's fact;
    factive: presents what it reports as true ("noted that", "revealed that"), so that the events
        it reports, quoted or not, are the article's facts.

Noun classes (`nouns.tsv`): speech (carries speech: "her call for …"), document (a poll,
study or document, whose finding is the object of "show"), finding (whose findings "In a new
poll, …" reports), media (an outlet or its text: "the newspaper"), media_name (a word of an
outlet's name), government, organization, organization_name (makes a name a body: "Islamic
State"), group (plural people: "experts"), quantity (counts people: "a number of"), source
("officials", "aides"), sentient (holds views though in no other such class), role (a role
in no role class), own_source (a document that speaks for itself rather than for whoever
issued it: a poll, a study, a video); private, official and legislator (roles of people who
speak for no side, for a government, or in a legislature, besides those the role classes
imply), official_group (a group a nationality makes a country's: "US officials"), cited (a
text that is evidence when the article says whose it is: a report, a letter, a ruling),
proceeding (a speech, an inquiry, a bill or a treaty, evidence only when the article lets it
speak or says it was published), stance (a voiced stance: to join or reject "calls for a
probe" is a claim, not an event), abstract (a feeling or a state of opinion, whose doings are
figures of speech: "frustration has come into relief"). A noun's `descriptor` is the role
class that "the <noun>" refers back to (`any` for "the man"); its `roles` the role classes it
belongs to.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import cache
from importlib import resources

VERB_FRAMES = (
    "speech", "weak_cue", "cognition", "attitude", "object", "no_object", "infinitive", "verdict",
    "aspect", "as", "support", "preposition", "passive_holder", "to", "on", "in", "state", "inquiry",
    "publication", "reports", "factive",
)  # fmt: skip
MODALITIES = ("denial", "recommendation", "prediction")
NOUN_CLASSES = (
    "speech", "document", "finding", "media", "media_name", "government", "organization",
    "organization_name", "group", "quantity", "source", "sentient", "role", "own_source", "private",
    "official", "legislator", "official_group", "cited", "proceeding", "stance", "abstract",
)  # fmt: skip
TITLE_CLASSES = ("title", "abbreviated", "female", "male", "title_end")
WORD_CLASSES = (
    "pronoun", "hedge", "prediction", "recommendation", "denial", "attitude_adjective",
    "content_preposition", "opinion", "stop", "abbreviation", "furniture",
)  # fmt: skip
PRONOUN_KINDS = ("male", "female", "plural", "neuter", "speaker", "speaker-plural", "addressee")
ROLE_CLASSES_ORDER = (
    "diplomat", "official", "expert", "lawmaker", "leader", "candidate", "spokesman", "minister",
    "president", "ambassador", "judge", "lawyer", "executive", "activist", "witness", "officer",
)  # fmt: skip

_VERB_SETS = {
    "WEAK_CUES": "weak_cue", "COGNITION_VERBS": "cognition", "ATTITUDE_VERBS": "attitude",
    "OBJECT_VERBS": "object", "NO_OBJECT_VERBS": "no_object", "XCOMP_VERBS": "infinitive",
    "VERDICT_VERBS": "verdict", "ASPECT_VERBS": "aspect", "AS_VERBS": "as", "SUPPORT_VERBS": "support",
    "PREPOSITION_VERBS": "preposition", "PASSIVE_HOLDERS": "passive_holder", "CONTENT_TO": "to",
    "CONTENT_ON": "on", "CONTENT_IN": "in", "STATE_VERBS": "state", "INQUIRY_VERBS": "inquiry",
    "PUBLICATION_VERBS": "publication", "REPORTING_VERBS": "reports",
    "FACTIVE_VERBS": "factive",
}  # fmt: skip
_NOUN_SETS = {
    "SPEECH_NOUNS": "speech", "DOCUMENT_NOUNS": "document", "FINDING_NOUNS": "finding",
    "MEDIA_NOUNS": "media", "MEDIA_NAME_WORDS": "media_name", "GOVERNMENT_NOUNS": "government",
    "ORGANIZATION_NOUNS": "organization", "ORGANIZATION_NAME_WORDS": "organization_name",
    "GROUP_NOUNS": "group", "QUANTITY_NOUNS": "quantity", "SOURCE_NOUNS": "source",
    "OWN_SOURCE_NOUNS": "own_source", "PRIVATE_ROLES": "private", "OFFICIAL_ROLES": "official",
    "LEGISLATOR_ROLES": "legislator", "OFFICIAL_GROUPS": "official_group",
    "CITED_NOUNS": "cited", "PROCEEDING_NOUNS": "proceeding",
    "STANCE_NOUNS": "stance", "ABSTRACT_NOUNS": "abstract",
}  # fmt: skip
_TITLE_SETS = {
    "TITLES": "title", "ABBREVIATED_TITLES": "abbreviated", "FEMALE_TITLES": "female",
    "MALE_TITLES": "male", "TITLE_ENDS": "title_end",
}  # fmt: skip
_WORD_SETS = {
    "ATTITUDE_ADJECTIVES": "attitude_adjective", "CONTENT_PREPOSITIONS": "content_preposition",
    "OPINION_WORDS": "opinion", "STOP_WORDS": "stop",
}  # fmt: skip
_WORD_TUPLES = {
    "HEDGES": "hedge", "PREDICTION_MARKERS": "prediction", "RECOMMENDATION_MARKERS": "recommendation",
    "DENIAL_MARKERS": "denial", "FURNITURE": "furniture",
}  # fmt: skip


class LexiconError(Exception):
    """A file of the lexicon is inconsistent; the message names the file and line."""


Reader = Callable[[str], str]
"""The text of a data file of the lexicon, by its name."""


def package_file(name: str) -> str:
    return (resources.files("generator") / "data" / "lexicon" / name).read_text(encoding="utf-8")


def _rows(read: Reader, name: str, columns: int):
    """(line number, cells) of each row of a data file, comments and blank lines skipped.

    A cell in double quotes keeps the spaces at its edges ("will ")."""
    text = read(name)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > columns:
            raise LexiconError(f"{name}, line {number}: {len(cells)} columns, at most {columns}")
        cells = [c[1:-1] if len(c) >= 2 and c[0] == c[-1] == '"' else c for c in cells]
        yield number, cells + [""] * (columns - len(cells))


def _classes(name: str, number: int, cell: str, allowed: tuple[str, ...]) -> list[str]:
    classes = [c for c in cell.split("|") if c]
    unknown = [c for c in classes if c not in allowed]
    if unknown:
        raise LexiconError(
            f"{name}, line {number}: unknown {', '.join(unknown)} (known: {', '.join(allowed)})"
        )
    return classes


def _once(name: str, number: int, key: str, seen: dict[str, int]) -> None:
    if not key:
        raise LexiconError(f"{name}, line {number}: the first column is empty")
    if key in seen:
        raise LexiconError(f"{name}, line {number}: {key!r} is listed already, at line {seen[key]}")
    seen[key] = number


def _verbs(read: Reader, table: dict[str, object]) -> None:
    sets: dict[str, set[str]] = defaultdict(set)
    speech: dict[str, str | None] = {}
    seen: dict[str, int] = {}
    for number, (lemma, frames_cell, modality) in _rows(read, "verbs.tsv", 3):
        _once("verbs.tsv", number, lemma, seen)
        frames = _classes("verbs.tsv", number, frames_cell, VERB_FRAMES)
        if "object" in frames and "no_object" in frames:
            raise LexiconError(f"verbs.tsv, line {number}: {lemma!r} cannot have both object and no_object")
        if modality and (modality not in MODALITIES or "speech" not in frames):
            raise LexiconError(
                f"verbs.tsv, line {number}: modality {modality!r} needs the speech frame "
                f"and one of {', '.join(MODALITIES)}"
            )
        for frame in frames:
            sets[frame].add(lemma)
        if "speech" in frames:
            speech[lemma] = modality or None
    table["SPEECH_VERBS"] = speech
    for name, frame in _VERB_SETS.items():
        table[name] = frozenset(sets[frame])


def _nouns(read: Reader, table: dict[str, object]) -> None:
    sets: dict[str, set[str]] = defaultdict(set)
    descriptors: dict[str, str] = {}
    roles: dict[str, set[str]] = {c: set() for c in ROLE_CLASSES_ORDER}
    seen: dict[str, int] = {}
    for number, (lemma, classes_cell, descriptor, roles_cell) in _rows(read, "nouns.tsv", 4):
        _once("nouns.tsv", number, lemma, seen)
        for cls in _classes("nouns.tsv", number, classes_cell, NOUN_CLASSES):
            sets[cls].add(lemma)
        if descriptor:
            _classes("nouns.tsv", number, descriptor, (*ROLE_CLASSES_ORDER, "any"))
            descriptors[lemma] = descriptor
        for cls in _classes("nouns.tsv", number, roles_cell, ROLE_CLASSES_ORDER):
            roles[cls].add(lemma)
    for name, cls in _NOUN_SETS.items():
        table[name] = frozenset(sets[cls])
    table["PERSON_DESCRIPTORS"] = descriptors
    table["ROLE_CLASSES"] = {cls: frozenset(members) for cls, members in roles.items()}
    table["ROLE_NOUNS"] = frozenset(sets["role"].union(*roles.values()))
    table["SENTIENT_NOUNS"] = frozenset(
        sets["sentient"]
        | set(descriptors)
        | sets["group"]
        | sets["government"]
        | sets["organization"]
        | sets["media"]
    )


def _titles(read: Reader, table: dict[str, object]) -> None:
    sets: dict[str, set[str]] = defaultdict(set)
    spelled: dict[str, str] = {}
    seen: dict[str, int] = {}
    for number, (word, classes_cell, role) in _rows(read, "titles.tsv", 3):
        _once("titles.tsv", number, word, seen)
        for cls in _classes("titles.tsv", number, classes_cell, TITLE_CLASSES):
            sets[cls].add(word)
        if role:
            spelled[word] = role
    for name, cls in _TITLE_SETS.items():
        table[name] = frozenset(sets[cls])
    table["SPELLED_OUT_TITLES"] = spelled


def _words(read: Reader, table: dict[str, object]) -> None:
    ordered: dict[str, list[str]] = defaultdict(list)
    pronouns: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    seen: dict[str, int] = {}
    for number, (cls, word, value) in _rows(read, "words.tsv", 3):
        _classes("words.tsv", number, cls, WORD_CLASSES)
        _once("words.tsv", number, f"{cls} {word}", seen)
        if cls == "pronoun":
            _classes("words.tsv", number, value, PRONOUN_KINDS)
            pronouns[word] = value
        if cls == "abbreviation":
            _classes("words.tsv", number, value, ("number",))
            abbreviations[word] = value
        ordered[cls].append(word)
    table["PRONOUNS"] = pronouns
    table["ABBREVIATIONS"] = abbreviations
    for name, cls in _WORD_SETS.items():
        table[name] = frozenset(ordered[cls])
    for name, cls in _WORD_TUPLES.items():
        table[name] = tuple(ordered[cls])


def _others(read: Reader, table: dict[str, object]) -> None:
    seen: dict[str, int] = {}
    labels = []
    for number, (label,) in _rows(read, "headline_labels.txt", 1):
        _once("headline_labels.txt", number, label, seen)
        labels.append(label)
    table["HEADLINE_LABELS"] = frozenset(labels)
    fixes: dict[str, str] = {}
    verb_fixes: dict[str, str] = {}
    seen = {}
    for number, (wrong, right, pos) in _rows(read, "lemma_fixes.tsv", 3):
        _once("lemma_fixes.tsv", number, wrong, seen)
        _classes("lemma_fixes.tsv", number, pos, ("any", "verb"))
        (verb_fixes if pos == "verb" else fixes)[wrong] = right
    table["LEMMA_FIXES"] = fixes
    table["VERB_LEMMA_FIXES"] = verb_fixes


@cache
def load() -> dict[str, object]:
    """Every word list by its name, read from the package and checked, once."""
    return read_lexicon(package_file)


def read_lexicon(read: Reader) -> dict[str, object]:
    """Every word list by its name.

    Raises:
        LexiconError: a file is inconsistent; names the file and line.
    """
    table: dict[str, object] = {}
    for part in (_verbs, _nouns, _titles, _words, _others):
        part(read, table)
    return table


def __getattr__(name: str) -> object:
    """The word lists are module attributes (`lexicon.SPEECH_VERBS`), loaded on first use."""
    if name.isupper():
        table = load()
        if name in table:
            return table[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
