"""Analyst corrections: each kind of correction, stale ones, the review command, ids that hold."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from importlib import resources
from textwrap import dedent

import jsonschema
import pytest
from click.testing import CliRunner

from generator.analysis.extract import stable_id
from generator.analysis.positions import find_positions
from generator.analysis.summary import bottom_line
from generator.cli import main
from generator.commands.review import review_items, starter_file
from generator.corrections.apply import apply_corrections, correct_briefing
from generator.corrections.read import CorrectionsError, corrections_path, parse_corrections
from generator.export import schema, to_dict
from generator.model import Actor, Article, Briefing, Claim, Evidence
from generator.render.environment import environment
from generator.render.pages import render_briefing
from tests.conftest import ROOT, briefing_of, parse_text

PARAGRAPHS = (
    "Arctic ministers failed to agree on new shipping rules on Monday.",
    "“We cannot accept routes that put our coastline at risk,” said Norwegian Foreign Minister Ingrid Dahl.",
    "Traffic through the passage grew by 40% last year, the ministry said.",
    "The Russian delegation called the rules a pretext. Moscow will not sign them, an official said.",
)


def claim(
    text: str,
    speaker: str | None,
    paragraph: int,
    sentence: str,
    confidence: float,
    kind: str = "indirect",
    cue: str = "said",
) -> Claim:
    return Claim(
        stable_id("c", text, {}), speaker, kind, cue, text, paragraph, sentence, confidence=confidence
    )


def make_briefing() -> Briefing:
    """A hand-made briefing, so these tests hold whatever the extractor does."""
    article = Article(
        path="arctic.txt", slug="arctic", title="Ministers split over shipping lanes", paragraphs=PARAGRAPHS
    )
    actors = (
        Actor("ingrid-dahl", "Ingrid Dahl", "person", role="minister", side="Norway", aliases=("Dahl",)),
        Actor("norwegian-ministry", "Norwegian ministry", "government", side="Norway"),
        Actor(
            "russian-delegation", "Russian delegation", "group", side="Russia", members=("russian-official",)
        ),
        Actor("russian-official", "Russian official", "person", side="Russia"),
    )
    claims = (
        claim(
            "We cannot accept routes that put our coastline at risk",
            "ingrid-dahl",
            2,
            PARAGRAPHS[1],
            0.9,
            kind="direct",
        ),
        claim(
            "Traffic through the passage grew by 40% last year", "norwegian-ministry", 3, PARAGRAPHS[2], 0.85
        ),
        claim(
            "the rules a pretext",
            "russian-delegation",
            4,
            "The Russian delegation called the rules a pretext.",
            0.6,
            cue="called",
        ),
        claim("Moscow will not sign them", None, 4, "Moscow will not sign them, an official said.", 0.5),
    )
    evidence = (
        Evidence(stable_id("e", PARAGRAPHS[0], {}), "event", PARAGRAPHS[0], 1, PARAGRAPHS[0], confidence=0.6),
        Evidence(
            stable_id("e", claims[1].text, {}),
            "statistic",
            claims[1].text,
            3,
            PARAGRAPHS[2],
            value="40%",
            claims=(claims[1].id,),
            confidence=0.8,
        ),
    )
    positions = find_positions(actors, claims)
    return Briefing(
        article, actors, claims, evidence, positions, bottom_line(article, actors, claims, positions)
    )


BRIEFING = make_briefing()
DAHL, TRAFFIC, PRETEXT, MOSCOW = (c.id for c in BRIEFING.claims)
EVENT, STATISTIC = (e.id for e in BRIEFING.evidence)


def corrected(yaml_text: str) -> tuple[Briefing, list[str]]:
    """The hand-made briefing with a corrections file written in the test applied."""
    return apply_corrections(BRIEFING, parse_corrections(dedent(yaml_text), "arctic.review.yml"))


def by_id(items, item_id):
    return next((item for item in items if item.id == item_id), None)


def review_schema() -> dict:
    return json.loads(
        (resources.files("generator") / "data" / "review.schema.json").read_text(encoding="utf-8")
    )


# Each kind of correction


def test_rename_actor_keeps_the_old_name_as_an_alias():
    briefing, warnings = corrected("""
        actors:
          - id: norwegian-ministry
            name: Norwegian Ministry of Foreign Affairs
    """)
    actor = briefing.actor("norwegian-ministry")
    assert warnings == []
    assert actor.name == "Norwegian Ministry of Foreign Affairs" and actor.origin == "corrected"
    assert "Norwegian ministry" in actor.aliases
    assert "Norwegian Ministry of Foreign Affairs" in briefing.bluf


def test_setting_a_side_moves_the_actor_and_recomputes_positions():
    briefing, warnings = corrected("""
        actors:
          - id: norwegian-ministry
            side: Norway's coast guard
            role: ministry
    """)
    assert warnings == []
    assert briefing.actor("norwegian-ministry").role == "ministry"
    sides = {p.side: p for p in briefing.positions}
    assert TRAFFIC in sides["Norway's coast guard"].claims and TRAFFIC not in sides["Norway"].claims
    assert "Norway's coast guard" in briefing.bluf


def test_clearing_a_side_takes_the_actor_out_of_the_positions():
    briefing, _ = corrected("""
        actors:
          - id: russian-delegation
            side: null
    """)
    assert "Russia" not in {p.side for p in briefing.positions}


def test_merge_keeps_the_first_actor_and_moves_everything_to_it():
    briefing, warnings = corrected("""
        actors:
          - merge: [russian-official, russian-delegation]
            reason: the same people
    """)
    assert warnings == []
    assert briefing.actor("russian-delegation") is None
    survivor = briefing.actor("russian-official")
    assert "Russian delegation" in survivor.aliases and survivor.origin == "corrected"
    assert survivor.members == ()  # it was a member of the group merged into it
    moved = by_id(briefing.claims, PRETEXT)
    assert moved.speaker == "russian-official" and moved.origin == "corrected"
    assert next(p for p in briefing.positions if p.side == "Russia").actors == ("russian-official",)


def test_add_actor_and_give_it_a_claim():
    briefing, warnings = corrected(f"""
        actors:
          - add: Pavel Orlov
            role: envoy
            side: Russia
        claims:
          - id: {MOSCOW}
            speaker: pavel-orlov
    """)
    assert warnings == []
    orlov = briefing.actor("pavel-orlov")
    assert (orlov.name, orlov.kind, orlov.origin) == ("Pavel Orlov", "person", "analyst")
    assert by_id(briefing.claims, MOSCOW).speaker == "pavel-orlov"


def test_reassign_a_claim():
    briefing, warnings = corrected(f"""
        claims:
          - id: {PRETEXT}
            speaker: russian-official
            kind: direct
            cue: denounced
    """)
    fixed = by_id(briefing.claims, PRETEXT)
    assert warnings == []
    assert (fixed.speaker, fixed.kind, fixed.cue, fixed.origin) == (
        "russian-official",
        "direct",
        "denounced",
        "corrected",
    )
    assert fixed.confidence == 0.6  # still the extractor's figure; the page says who corrected it


def test_a_claim_can_be_left_unattributed():
    briefing, _ = corrected(f"""
        claims:
          - id: {TRAFFIC}
            speaker: null
    """)
    assert by_id(briefing.claims, TRAFFIC).speaker is None
    assert TRAFFIC not in next(p for p in briefing.positions if p.side == "Norway").claims


def test_drop_a_claim_also_unlinks_its_evidence():
    briefing, warnings = corrected(f"""
        claims:
          - id: {TRAFFIC}
            drop: true
            reason: the ministry reports a figure, it does not claim it
    """)
    assert warnings == []
    assert by_id(briefing.claims, TRAFFIC) is None
    assert by_id(briefing.evidence, STATISTIC).claims == ()
    assert all(TRAFFIC not in p.claims for p in briefing.positions)


def test_add_a_claim_found_by_its_sentence_despite_quotes_and_spacing():
    briefing, warnings = corrected("""
        claims:
          - add: "Moscow will not sign the rules"
            speaker: russian-official
            sentence: 'moscow will NOT sign them,   an official said'
            cue: said
    """)
    assert warnings == []
    added = next(c for c in briefing.claims if c.origin == "analyst")
    assert added.paragraph == 4 and added.sentence == "Moscow will not sign them, an official said."
    assert added.id == stable_id("c", "Moscow will not sign the rules", {})
    assert added.confidence == 1.0
    assert [c.paragraph for c in briefing.claims] == sorted(c.paragraph for c in briefing.claims)


def test_an_added_claim_that_is_now_extracted_corrects_it_and_says_so():
    briefing, warnings = corrected("""
        claims:
          - add: "Moscow will not sign them"
            speaker: russian-official
            sentence: "Moscow will not sign them, an official said."
    """)
    assert len(briefing.claims) == len(BRIEFING.claims)
    assert by_id(briefing.claims, MOSCOW).speaker == "russian-official"
    assert warnings == [
        f"correction at line 3 (added claim “Moscow will not sign them”) now matches the extracted claim {MOSCOW} and was applied to it; write `id: {MOSCOW}` instead of `add:`"
    ]


def test_evidence_drop_change_and_add():
    briefing, warnings = corrected(f"""
        evidence:
          - id: {EVENT}
            drop: true
          - id: {STATISTIC}
            measure: growth of traffic through the passage
          - add: "an official said"
            kind: document
            sentence: "Moscow will not sign them, an official said."
    """)
    assert warnings == []
    assert by_id(briefing.evidence, EVENT) is None
    assert by_id(briefing.evidence, STATISTIC).measure == "growth of traffic through the passage"
    added = next(e for e in briefing.evidence if e.origin == "analyst")
    assert (added.kind, added.paragraph, added.id[:2]) == ("document", 4, "e-")
    assert set(added.claims) == {PRETEXT, MOSCOW}  # the claims of its paragraph


def test_bluf_judgments_and_notes():
    briefing, warnings = corrected(f"""
        bluf: "Norway and Russia split over the Arctic shipping rules."
        claims:
          - id: {DAHL}
            speaker: norwegian-ministry
        judgments:
          - text: Russia will sign the rules this year.
            likelihood: Very Unlikely
            confidence: moderate
        notes:
          - Checked against the ministry's statement.
    """)
    assert warnings == []
    assert (briefing.bluf, briefing.bluf_origin) == (
        "Norway and Russia split over the Arctic shipping rules.",
        "analyst",
    )
    judgment = briefing.judgments[0]
    assert (judgment.likelihood, judgment.confidence, judgment.band) == ("very unlikely", "moderate", "5–20%")
    assert briefing.notes == ("Checked against the ministry's statement.",)


def test_a_correction_that_changes_nothing_marks_nothing():
    briefing, warnings = corrected(f"""
        actors:
          - id: ingrid-dahl
            side: Norway
        claims:
          - id: {DAHL}
            speaker: ingrid-dahl
    """)
    assert warnings == [] and briefing == BRIEFING


def test_unknown_keys_are_reported_and_the_rest_applies():
    corrections = parse_corrections(
        dedent(f"""
        claims:
          - id: {DAHL}
            speeker: norwegian-ministry
            kind: indirect
        summary: x
    """),
        "arctic.review.yml",
    )
    assert corrections.warnings == (
        "unknown key 'summary' ignored (known: actors, claims, evidence, bluf, judgments, notes)",
        "line 3: unknown key 'speeker' ignored (an entry with `id` takes cue, drop, id, kind, reason, speaker)",
    )
    briefing, _ = apply_corrections(BRIEFING, corrections)
    assert by_id(briefing.claims, DAHL).kind == "indirect"


# Stale corrections


@pytest.mark.parametrize(
    "yaml_text, message",
    [
        (
            "claims:\n  - id: c-00000000\n    drop: true\n",
            "correction at line 2 (claim c-00000000) no longer matches: no claim has the id c-00000000 (its words may have changed)",
        ),
        (
            "evidence:\n  - id: e-00000000\n    kind: fact\n",
            "correction at line 2 (evidence item e-00000000) no longer matches: no evidence item has the id e-00000000 (its words may have changed)",
        ),
        (
            f"claims:\n  - id: {DAHL}\n    speaker: nobody\n",
            f"correction at line 2 (claim {DAHL}) no longer matches: no actor has the id nobody",
        ),
        (
            "actors:\n  - id: nobody\n    side: Norway\n",
            "correction at line 2 (actor nobody) no longer matches: no actor has the id nobody",
        ),
        (
            "actors:\n  - merge: [ingrid-dahl, nobody]\n",
            "correction at line 2 (merge ingrid-dahl, nobody) no longer matches: no actor has the id nobody",
        ),
        (
            "claims:\n  - add: Oslo will not give way\n    sentence: Oslo will not give way, she said.\n",
            "correction at line 2 (added claim “Oslo will not give way”) no longer matches: its sentence is not in the article",
        ),
        (
            "evidence:\n  - add: an official said\n    sentence: Moscow will not sign them, an official said.\n    claims: [c-00000000]\n",
            "correction at line 2 (added evidence item “an official said”) no longer matches: no claim has the id c-00000000",
        ),
    ],
)
def test_a_correction_that_no_longer_matches_is_named(yaml_text, message):
    briefing, warnings = corrected(yaml_text)
    assert warnings == [message]
    assert briefing == BRIEFING


def test_a_stale_entry_applies_not_at_all():
    briefing, warnings = corrected(f"""
        claims:
          - id: {DAHL}
            speaker: nobody
            kind: indirect
    """)
    assert len(warnings) == 1 and by_id(briefing.claims, DAHL).kind == "direct"


# Reading the file


INVALID = [
    ("claims: [", "is not valid YAML"),
    ("- id: c-1", "must be a mapping with some of the keys"),
    ("claims:\n  id: c-1\n", "`claims`: must be a list"),
    ("claims:\n  - speaker: x\n", "line 2, `claims`: each entry takes exactly one of `id`, `add`"),
    ("claims:\n  - id: c-1\n    add: x\n", "line 2, `claims`: each entry takes exactly one of `id`, `add`"),
    (
        "claims:\n  - id: c-1\n    kind: quoted\n",
        "line 2, `kind`: must be one of direct, indirect, mixed, not 'quoted'",
    ),
    ("claims:\n  - id: c-1\n    drop: maybe\n", "line 2, `drop`: must be true or false"),
    ("claims:\n  - add: x\n    speaker: y\n", "line 2, `sentence`: an added item needs the sentence"),
    ("actors:\n  - merge: [a]\n", "line 2, `merge`: must list two or more different actor ids"),
    ("actors:\n  - id: a\n    name: null\n", "line 2, `name`: must be text, not empty"),
    (
        "judgments:\n  - text: x\n    likelihood: maybe\n    confidence: high\n",
        "line 2, `likelihood`: 'maybe' is not an ICD 203 term",
    ),
    (
        "judgments:\n  - text: x\n    likelihood: likely\n    confidence: total\n",
        "line 2, `confidence`: must be one of low, moderate, high",
    ),
    (
        "judgments:\n  - text: x\n    likelihood: likely\n",
        "line 2, `confidence`: every judgment needs text, likelihood and confidence",
    ),
    ("bluf: [a, b]\n", "`bluf`: must be text, not list"),
    ("notes: just one\n", "`notes`: must be a list"),
]


@pytest.mark.parametrize("yaml_text, message", INVALID)
def test_a_file_of_the_wrong_shape_is_refused_naming_the_key(yaml_text, message):
    with pytest.raises(CorrectionsError) as raised:
        parse_corrections(yaml_text, "arctic.review.yml")
    assert str(raised.value).startswith("arctic.review.yml: ")
    assert message in raised.value.problem


@pytest.mark.parametrize("yaml_text", [y for y, _ in INVALID[1:]])
def test_the_schema_refuses_what_the_reader_refuses(yaml_text):
    import yaml

    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(yaml_text), review_schema())


def test_a_key_given_twice_is_refused():
    with pytest.raises(CorrectionsError, match="line 4: key 'speaker' is given twice"):
        parse_corrections("claims:\n  - id: c-1\n    speaker: a\n    speaker: b\n", "x.review.yml")


def test_an_empty_or_commented_file_corrects_nothing():
    for text in ("", "# nothing yet\n"):
        assert apply_corrections(BRIEFING, parse_corrections(text, "x.review.yml")) == (BRIEFING, [])


def test_readme_example_follows_the_schema():
    import yaml

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(actors:.*?)```", readme, re.DOTALL).group(1)
    jsonschema.validate(yaml.safe_load(example), review_schema())
    corrections = parse_corrections(example, "x.review.yml")
    assert corrections.warnings == () and corrections.judgments and corrections.bluf


def test_where_corrections_are_kept(tmp_path):
    article = replace(BRIEFING.article, path="arctic/story.v2.md")
    assert corrections_path(tmp_path, article) == tmp_path / "arctic" / "story.v2.review.yml"
    (tmp_path / "arctic").mkdir()
    (tmp_path / "arctic" / "story.v2.review.yaml").write_text("notes: [x]\n", encoding="utf-8")
    assert corrections_path(tmp_path, article) == tmp_path / "arctic" / "story.v2.review.yaml"


def test_corrected_json_follows_the_briefing_schema():
    briefing, _ = corrected(f"""
        actors:
          - add: Pavel Orlov
        claims:
          - id: {PRETEXT}
            speaker: pavel-orlov
          - add: Moscow will not sign the rules
            sentence: Moscow will not sign them, an official said.
        bluf: Norway and Russia split.
        judgments:
          - {{text: Russia will sign., likelihood: remote, confidence: high}}
    """)
    jsonschema.validate(to_dict(briefing), schema())


def test_an_unreadable_file_is_reported_and_nothing_applied(tmp_path):
    (tmp_path / "arctic.review.yml").write_text(
        f"claims:\n  - id: {DAHL}\n    drop: yes please\n", encoding="utf-8"
    )
    briefing, problems = correct_briefing(BRIEFING, tmp_path)
    assert briefing == BRIEFING
    assert [str(p) for p in problems] == [
        "arctic.review.yml: line 2, `drop`: must be true or false; none of its corrections were applied"
    ]


# On the page and in the JSON


def test_page_shows_provenance_judgments_notes_and_marked_sentences():
    briefing, _ = corrected(f"""
        claims:
          - id: {PRETEXT}
            speaker: russian-official
          - add: "<script>alert(1)</script>"
            sentence: "Moscow will not sign them, an official said."
        evidence:
          - add: "an official said"
            sentence: "Moscow will not sign them, an official said."
        judgments:
          - text: "Russia will sign *soon*."
            likelihood: unlikely
            confidence: low
        notes: ["[see](javascript:alert(1))"]
    """)
    page = render_briefing(environment(), briefing, "Policy briefings")
    assert "corrected by analyst" in page and "added by analyst" in page
    assert "**unlikely** (20–45%) · low confidence" in page
    assert "<script" not in page and "](javascript" not in page and "*soon*" not in page
    assert f"(#{PRETEXT})" in page and f'<mark class="claim" id="{PRETEXT}">' in page


def test_sentences_nest_and_items_link_to_the_mark_around_them():
    from generator.render.highlight import mark_sentences

    whole, first = PARAGRAPHS[3], "The Russian delegation called the rules a pretext."
    article = replace(BRIEFING.article, paragraphs=(whole,))
    claims = (
        claim("all of it", None, 1, whole, 0.5),
        claim("first", None, 1, first, 0.5),
        claim("crossing", None, 1, "a pretext. Moscow", 0.5),
    )
    briefing = replace(BRIEFING, article=article, claims=claims, evidence=(), positions=())
    source, anchors = mark_sentences(briefing)
    assert str(source[0][1]) == (
        f'<mark class="claim" id="{claims[0].id}"><mark class="claim" id="{claims[1].id}">The Russian delegation called the rules a pretext.</mark>'
        " Moscow will not sign them, an official said.</mark>"
    )
    assert anchors == {claims[0].id: claims[0].id, claims[1].id: claims[1].id, claims[2].id: claims[1].id}


# The review command


def test_review_lists_least_certain_first_and_marks_corrections():
    briefing, _ = corrected(f"""
        claims:
          - id: {MOSCOW}
            drop: true
          - id: {PRETEXT}
            speaker: russian-official
          - add: Moscow will not sign the rules
            sentence: Moscow will not sign them, an official said.
    """)
    items = review_items(BRIEFING, briefing)
    assert [i.confidence for i in items[:-1]] == sorted(i.confidence for i in items[:-1])
    assert [i.id for i in items[:3]] == [MOSCOW, EVENT, PRETEXT]  # a tie goes in reading order
    assert items[0].status == "dropped"
    assert items[2].status == "corrected: claim · Russian official · indirect · cue: called"
    assert items[-1].status == "added by analyst" and items[-1].confidence == 1.0


def test_starter_file_changes_nothing_until_edited():
    import yaml

    text = starter_file(BRIEFING)
    assert apply_corrections(BRIEFING, parse_corrections(text, "x.review.yml")) == (BRIEFING, [])
    uncommented = "\n".join(line[2:] if line.startswith("# ") else line for line in text.splitlines())
    jsonschema.validate(yaml.safe_load(uncommented), review_schema())
    corrections = parse_corrections(uncommented, "x.review.yml")
    assert {e.id for e in corrections.entries} == {a.id for a in BRIEFING.actors} | {
        DAHL,
        TRAFFIC,
        PRETEXT,
        MOSCOW,
        EVENT,
        STATISTIC,
    }
    assert apply_corrections(BRIEFING, corrections) == (BRIEFING, [])


ARCTIC = """Ministers split over shipping lanes

OSLO — Arctic ministers failed to agree on new shipping rules on Monday.

“We cannot accept routes that put our coastline at risk,” said Norwegian Foreign Minister Ingrid Dahl.

The talks were held in a hotel near the harbour, and lasted two days.

Traffic through the passage grew by 40% last year, according to the coast guard. Russian envoy Pavel Orlov said the new rules were “a pretext for keeping ships out.”
"""


def test_review_command_and_init(tmp_path):
    article = tmp_path / "arctic.txt"
    article.write_text(ARCTIC, encoding="utf-8")
    runner = CliRunner()
    listing = runner.invoke(main, ["review", str(article)])
    assert listing.exit_code == 0, listing.output
    figures = [int(m) for m in re.findall(r"^\s*(\d+)%  [ce]-", listing.output, re.MULTILINE)]
    assert figures and figures == sorted(figures)
    assert "--init" in listing.output

    assert runner.invoke(main, ["review", str(article), "--init"]).exit_code == 0
    written = (tmp_path / "arctic.review.yml").read_bytes()
    again = runner.invoke(main, ["review", str(article), "--init"])
    assert again.exit_code == 1 and "already exists" in again.output and "Traceback" not in again.output
    assert (tmp_path / "arctic.review.yml").read_bytes() == written
    assert "Corrections: arctic.review.yml." in runner.invoke(main, ["review", str(article)]).output


def test_ids_hold_when_an_unrelated_paragraph_is_edited():
    before = briefing_of(ARCTIC)
    edited = ARCTIC.replace(
        "The talks were held in a hotel near the harbour, and lasted two days.",
        "The talks, held behind closed doors at a hotel by the harbour, lasted three days and ended late.",
    ).replace("OSLO — ", "OSLO — Weather delayed the opening session.\n\n")
    after = briefing_of(edited)

    def untouched(briefing):
        return {
            (i.id, i.text)
            for i in (*briefing.claims, *briefing.evidence)
            if "talks" not in i.sentence and "Weather" not in i.sentence
        }

    assert untouched(before) and untouched(before) == untouched(after)
    dahl = next(c for c in before.claims if "coastline" in c.text)
    yaml_text = f"claims:\n  - id: {dahl.id}\n    cue: insisted\n  - add: the talks lasted three days\n    sentence: lasted three days and ended late\n"
    fixed, warnings = apply_corrections(after, parse_corrections(yaml_text, "arctic.review.yml"))
    assert warnings == []
    assert next(c for c in fixed.claims if c.id == dahl.id).paragraph == 3  # moved down by the new paragraph


# Whole builds


@pytest.mark.slow
def test_build_applies_corrections_and_never_writes_them(tmp_path):
    from tests.helpers import make_project, mkdocs_build

    dahl = next(c for c in briefing_of(ARCTIC).claims if "coastline" in c.text)
    review = (
        f"claims:\n  - id: {dahl.id}\n    cue: insisted\nnotes:\n  - Checked with the ministry.\n".encode()
    )
    config = make_project(tmp_path, {"arctic.txt": ARCTIC, "arctic.review.yml": review})
    source = tmp_path / "briefings"
    stat = (source / "arctic.review.yml").stat()
    site = mkdocs_build(config, strict=True)
    page = (site / "briefings" / "arctic" / "index.html").read_text(encoding="utf-8")
    assert "insisted" in page and "corrected by analyst" in page and "Checked with the ministry." in page
    assert f'id="{dahl.id}"' in page and f'href="#{dahl.id}"' in page
    data = json.loads((site / "briefings" / "arctic.json").read_text(encoding="utf-8"))
    assert next(c for c in data["claims"] if c["id"] == dahl.id)["origin"] == "corrected"
    assert (source / "arctic.review.yml").read_bytes() == review and (
        source / "arctic.review.yml"
    ).stat().st_mtime_ns == stat.st_mtime_ns
    assert sorted(p.name for p in source.iterdir()) == ["arctic.review.yml", "arctic.txt"]


@pytest.mark.slow
def test_stale_correction_warns_by_name_and_fails_a_strict_build(tmp_path, caplog):
    from mkdocs.exceptions import Abort

    from tests.helpers import make_project, mkdocs_build

    dahl = next(c for c in briefing_of(ARCTIC).claims if "coastline" in c.text)
    review = f"notes:\n  - Checked.\nclaims:\n  - id: {dahl.id}\n    cue: insisted\n"
    changed = ARCTIC.replace("put our coastline at risk", "endanger our coastline")
    config = make_project(tmp_path, {"arctic.txt": changed, "arctic.review.yml": review})
    message = f"arctic.review.yml: correction at line 4 (claim {dahl.id}) no longer matches: no claim has the id {dahl.id}"
    with pytest.raises(Abort):
        mkdocs_build(config, strict=True)
    assert message in caplog.text
    caplog.clear()
    site = mkdocs_build(config, strict=False)
    assert message in caplog.text
    assert "Checked." in (site / "briefings" / "arctic" / "index.html").read_text(encoding="utf-8")
    assert (tmp_path / "briefings" / "arctic.review.yml").read_text(encoding="utf-8") == review


def test_an_article_without_corrections_is_left_as_extracted(tmp_path):
    briefing = replace(BRIEFING, article=parse_text("Headline\n\nBody text of the article.\n"))
    assert correct_briefing(briefing, tmp_path) == (briefing, [])


def test_a_corrections_file_no_briefing_reads_is_named(tmp_path):
    from generator.build import build
    from generator.config import BuildConfig as Config

    (tmp_path / "arctic.txt").write_text(ARCTIC, encoding="utf-8")
    for name in ("arctic.review.yml", "arctic.review.yaml", "renamed.review.yml"):
        (tmp_path / name).write_text("notes: [Checked.]\n", encoding="utf-8")
    site = build(Config(source=tmp_path, jobs=1))
    assert [str(p) for p in site.problems] == [
        "arctic.review.yaml: corrections not applied: arctic.review.yml is read instead",
        "renamed.review.yml: corrections not applied: no article beside it was read (renamed or removed?)",
    ]
    assert site.briefings[0].notes == ("Checked.",)
