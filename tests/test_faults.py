"""The findings of the reliability review (design note of 2026-12-01), one regression test each:
no single file stops or stalls a build, every YAML goes through one safe loader, faults end in
messages, and nothing is read or written outside its place."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import workers
from generator.analysis.claims.base import Paragraph
from generator.analysis.claims.quotations import quotation_claims
from generator.analysis.nlp import MAX_PARAGRAPH, MAX_WORD, parser_view
from generator.analysis.nlp import pipeline as nlp_pipeline
from generator.analysis.quotes import find_quotes
from generator.build import build
from generator.config import BuildConfig
from generator.corrections.read import CorrectionsError, parse_corrections, read_corrections
from generator.errors import ArticleError
from generator.ingest.boilerplate import is_boilerplate
from generator.ingest.clean import normalize, split_paragraphs
from generator.ingest.read import (
    bounded_brackets,
    level_one_heading,
    markdown_to_text,
    parse_article,
    parse_front_matter,
)
from generator.ingest.stories import read_spec
from generator.ingest.yamlfile import YamlError, load, read_plain
from generator.site.cache import Cache
from generator.write import remove_stale, unlink_links, write_files

GOOD = "Ministers split over shipping lanes\n\nArctic ministers failed to agree on new rules on Monday, officials said.\n"
prop = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def _quick(articles, settings):
    return [
        {"claims": [], "actors": [], "evidence": [], "positions": [], "bluf": "", "topics": []}
        for _ in articles
    ]


def growth(function, make, sizes=(20_000, 160_000)) -> float:
    """How much longer `function` takes on an input 8 times as long: about 8 when linear."""
    times = []
    for size in sizes:
        text = make(size)
        started = time.perf_counter()
        for _ in range(3):
            function(text)
        times.append(max(time.perf_counter() - started, 1e-4))
    return times[1] / times[0]


# F-1, F-2 and the other text stages: linear on adversarial strings (ratio of times, never a time).
ADVERSARIAL = {
    "boilerplate share bar (F-1)": (is_boilerplate, lambda n: "share " * (n // 6) + "!"),
    "heading spaces (F-2)": (level_one_heading, lambda n: "# a" + " " * n + "b"),
    "normalize quotes": (normalize, lambda n: "“a,” said Anna Keller. " * (n // 23)),
    "normalize marks": (normalize, lambda n: "\"“'‘" * (n // 4)),
    "paragraphs of one line": (split_paragraphs, lambda n: "word\n" * (n // 5)),
    "parser view of parens (F-7)": (lambda t: parser_view((t,)), lambda n: ")" * n),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_each_text_stage_is_linear_on_adversarial_input(name):
    function, make = ADVERSARIAL[name]
    assert growth(function, make) < 30, name  # quadratic would be about 64


def test_an_article_of_too_many_lines_is_refused_by_name():
    from generator.ingest.read import MAX_LINES

    data = ("Lines\n\n" + "\n\n".join(f"Line {i} said the minister." for i in range(MAX_LINES))).encode()
    with pytest.raises(ArticleError, match="lines, over the"):
        parse_article(data, "lines.txt", slug="lines")


def test_the_time_budget_grows_with_the_file_within_bounds():
    from generator.analysis.runner import TimeBudget

    budget = TimeBudget(10.0)
    assert budget.seconds(1_000) == 10.0 and budget.seconds(200_000) == 20.0
    assert budget.seconds(5_000_000) == 30.0 and TimeBudget(0).seconds(1) == float("inf")


def test_the_parser_gets_a_bounded_number_of_paragraphs():
    from generator.analysis.nlp import MAX_PARAGRAPHS, MAX_TEXT

    assert len(parser_view(("word",) * (MAX_PARAGRAPHS * 2))) == MAX_PARAGRAPHS
    assert sum(map(len, parser_view(("x " * 5_000,) * 50))) == MAX_TEXT


def test_a_markdown_block_of_brackets_is_read_quickly_as_text():
    # Unbounded, 4,000 `![` took 13 s in Python-Markdown; bounded, they are plain text.
    assert bounded_brackets("![" * 65).count("[") == 0 and bounded_brackets("[a](b)") == "[a](b)"
    assert markdown_to_text(bounded_brackets("The minister said " + "![" * 4_000)).endswith("![![")


def test_the_parser_never_gets_a_long_token_or_paragraph_but_offsets_hold():
    text = "The minister said " + ")" * 5_000 + " end. " + "word " * 20_000
    (view,) = parser_view((text,))
    assert len(view) == MAX_PARAGRAPH and text.startswith(view[:18])
    assert max(len(run) for run in view.split()) < MAX_WORD
    assert all(a == b or a == " " for a, b in zip(view, text, strict=False))


# F-3 and F-15: YAML that used to raise now gives a value or a warning naming the line.
def test_front_matter_with_impossible_date_or_surrogate_keeps_the_article():
    meta, warnings = parse_front_matter(
        'published: 2024-02-30\noutlet: "Wire \\udfff"\ndate: 0000-00-00', "x.md"
    )
    assert "published" not in meta and meta["outlet"] == "Wire \ufffd"
    assert any("line 3" in w and "surrogate" in w for w in warnings)
    assert any("2024-02-30" in w for w in warnings)
    _, warnings = parse_front_matter("published: " + "9" * 5000, "x.md")
    assert warnings and "date" in warnings[0]


def test_a_story_file_that_is_deep_dated_wrong_or_a_surrogate_is_a_warning(tmp_path):
    cases = {
        "deep": ("title: x\nbias: " + "[" * 5000 + "]" * 5000, "nested", None),
        "date": ("title: x\nsources:\n  a.txt: {published: 2024-02-30}\n", "does not parse", "x"),
        "surrogate": ('title: "\\ud800"\n', "surrogate", "\ufffd"),
    }
    for name, (text, message, title) in cases.items():
        folder = tmp_path / name
        folder.mkdir()
        (folder / "briefing.yml").write_text(text)
        spec, warnings = read_spec(folder, name, tmp_path)
        assert any(message in w for w in warnings), (name, warnings)
        assert (spec.title if spec else None) == title


def test_corrections_with_impossible_dates_or_surrogates_do_not_raise():
    assert parse_corrections("notes:\n  - 2024-02-30\n", "x.review.yml").notes == ("2024-02-30",)
    corrections = parse_corrections('bluf: "a \\ud800 b"\n', "x.review.yml")
    assert corrections.bluf == "a \ufffd b" and "line 1" in corrections.warnings[0]
    with pytest.raises(CorrectionsError, match="nested"):
        parse_corrections("notes: " + "[" * 5000, "x.review.yml")
    with pytest.raises(CorrectionsError, match="not valid YAML"):
        parse_corrections("notes: ['\x1b[31mred\x07']\n", "x.review.yml")
    assert parse_corrections('notes: ["\\e[31mred\\a"]\n', "x.review.yml").notes == ("[31mred",)


YAML_TEXT = st.lists(
    st.sampled_from([*"[]{}:-,'\"\\!&*#|>%@` \n\tax0129.", "\\ud800", "2024-02-30", "- ", "\x1b"])
).map("".join)


@prop
@given(YAML_TEXT)
def test_any_yaml_gives_data_or_a_yaml_error(text):
    try:
        load(text)
    except YamlError as error:
        assert error.problem


@prop
@given(YAML_TEXT)
def test_any_front_matter_gives_metadata_and_warnings(text):
    meta, warnings = parse_front_matter(text, "x.md")
    assert isinstance(meta, dict) and all(isinstance(w, str) for w in warnings)
    for value in meta.values():
        assert str(value).encode("utf-8")


@prop
@given(YAML_TEXT)
def test_any_corrections_file_gives_corrections_or_a_corrections_error(text):
    try:
        parse_corrections(text, "x.review.yml")
    except CorrectionsError as error:
        assert error.problem


@prop
@given(YAML_TEXT)
def test_any_story_file_gives_a_spec_or_warnings(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("story")
    (folder / "briefing.yml").write_text(text, encoding="utf-8", errors="surrogatepass")
    spec, warnings = read_spec(folder, "story", folder.parent)
    assert spec is not None or warnings


# F-5, F-6: only regular files inside the folder are read.
def test_yaml_links_out_pipes_and_big_files_are_refused(tmp_path):
    root = tmp_path / "briefings"
    root.mkdir()
    (tmp_path / "secret.yml").write_text("title: LEAKED\n")
    (root / "link.yml").symlink_to(tmp_path / "secret.yml")
    os.mkfifo(root / "pipe.review.yml")
    (root / "big.yml").write_text("x" * 2_000_000)
    for name, message in [("link.yml", "outside"), ("pipe.review.yml", "regular"), ("big.yml", "larger")]:
        with pytest.raises(YamlError, match=message):
            read_plain(root / name, root)
    with pytest.raises(CorrectionsError, match="regular"):
        read_corrections(root / "pipe.review.yml", "pipe.review.yml", root)


def story_site(tmp_path: Path) -> Path:
    root = tmp_path / "briefings"
    (root / "outer" / "inner").mkdir(parents=True)
    (root / "good.txt").write_text(GOOD)
    (root / "outer" / "briefing.yml").write_text("title: Outer\n")
    (root / "outer" / "inner" / "briefing.yml").write_text("title: Inner\n")
    for folder in (root / "outer", root / "outer" / "inner"):
        for n in (1, 2):
            (folder / f"a{n}.txt").write_text(
                f"Source {n} of {folder.name}\n\nThe minister said the talks failed.\n"
            )
    (tmp_path / "secret.yml").write_text("title: LEAKED\n")
    (root / "leak").mkdir()
    (root / "leak" / "a.txt").write_text(GOOD)
    (root / "leak" / "briefing.yml").symlink_to(tmp_path / "secret.yml")
    os.mkfifo(root / "good.review.yml")
    return root


def test_links_out_pipes_and_nested_stories_are_named_and_the_rest_is_built(tmp_path):
    root = story_site(tmp_path)
    site = build(BuildConfig(source=root, cache_dir=None), batch_function=_quick)
    messages = {str(p) for p in site.problems}
    assert any(
        m.startswith("outer/inner/briefing.yml: a multi-source briefing inside another") for m in messages
    )
    assert any(m.startswith("leak/briefing.yml") and "outside" in m for m in messages)
    assert any(m.startswith("good.review.yml") and "regular" in m for m in messages)
    assert not any("LEAKED" in content for _, content in site.files)
    assert "good.txt" in {b.article.path for b in site.briefings}


# F-9: the cache key covers the format and the libraries.
def test_renaming_a_file_to_another_format_is_a_cache_miss(tmp_path):
    cache = Cache(tmp_path)
    from generator.config import ExtractionSettings

    settings = ExtractionSettings()
    assert cache.key("d" * 64, settings, "deal.txt") != cache.key("d" * 64, settings, "deal.html")
    assert cache.key("d" * 64, settings, "deal.txt") == cache.key("d" * 64, settings, "other.text")


def test_a_cache_that_cannot_be_written_is_named_and_leaves_no_temporary_file(tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file, not a folder")
    root = tmp_path / "briefings"
    root.mkdir()
    (root / "good.txt").write_text(GOOD)
    site = build(BuildConfig(source=root, cache_dir=blocked), batch_function=_quick)
    assert any(str(p).startswith(str(blocked)) and "cannot be written" in str(p) for p in site.problems)
    cache = Cache(tmp_path / "ok")
    cache.put("a" * 64, {"text": "\ud800"})
    assert cache.failure and not list((tmp_path / "ok").rglob(".tmp-*"))


# F-11: raw HTML blocks keep their text; deleted briefings' pages go.
def test_markdown_in_raw_html_blocks_keeps_its_text():
    text = markdown_to_text("<div>The minister said the talks failed.</div>\n\nA paragraph.\n")
    assert text == "The minister said the talks failed.\n\nA paragraph."


def test_render_removes_the_files_of_deleted_briefings_and_only_those(tmp_path):
    out = tmp_path / "out"
    write_files(out, (("a.md", "a"), ("b.md", "b")))
    (out / "mine.txt").write_text("not ours")
    assert write_files(out, (("a.md", "a"),)) == 1
    assert sorted(p.name for p in out.iterdir()) == [".briefings-files", "a.md", "mine.txt"]
    (out / ".briefings-files").write_text("../outside.txt\nmine.txt\n")
    assert remove_stale(out, {"a.md"}) == 1 and (out / "a.md").exists()


# F-13: nothing is written through a link inside the site folder.
def test_links_inside_the_site_folder_are_removed_not_followed(tmp_path):
    site, articles = tmp_path / "site", tmp_path / "briefings"
    site.mkdir()
    articles.mkdir()
    (articles / "a.txt").write_text(GOOD)
    (site / "briefings").symlink_to(articles)
    assert unlink_links(site) == [site / "briefings"]
    assert (articles / "a.txt").exists() and not (site / "briefings").exists()


# F-14: bidi and control characters never reach a title or a name.
def test_bidi_overrides_and_controls_are_stripped_from_titles_and_text():
    article = parse_article(
        "Talks \u202egnippihs\u202c end\n\nMaria Lopez\u2069 said on Monday\x07 that talks failed.\n".encode(),
        "bidi.txt",
        slug="bidi",
    )
    assert article.title == "Talks gnippihs end"
    assert "\u2069" not in article.paragraphs[0] and "\x07" not in article.paragraphs[0]


# F-4, F-7, F-8, F-10: the worker pool's deadline, retry and clean end.
def _sleep(seconds):
    time.sleep(seconds)
    return seconds


def _die_once(marker):
    if not os.path.exists(marker):
        Path(marker).write_text("died")
        os._exit(9)
    return "second try"


def test_a_task_over_its_deadline_is_stopped_and_the_rest_finish():
    outcomes = {o.index: o for o in workers.run([0.0, 30.0, 0.0], _sleep, lambda s: 2.0, jobs=2)}
    assert outcomes[1].failure == workers.TIMED_OUT
    assert outcomes[0].value == 0.0 and outcomes[2].value == 0.0


def test_a_worker_that_dies_is_replaced_and_its_task_tried_once_more(tmp_path):
    marker = str(tmp_path / "marker")
    (outcome,) = workers.run([marker], _die_once, lambda _: 30.0, jobs=1)
    assert outcome.value == "second try"
    (outcome,) = workers.run([str(tmp_path / "never")], os._exit, lambda _: 30.0, jobs=1)
    assert outcome.failure == workers.DIED


def _pid_or_sleep(seconds):
    if not seconds:
        return os.getpid()
    time.sleep(seconds)
    return seconds


def _gone(pid: int, within: float = 10.0) -> bool:
    """Whether a process has ended (a zombie counts: it runs nothing and holds no memory)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.2)
    return False


def test_workers_end_when_the_iteration_ends():
    iterator = workers.run([0, 30.0], _pid_or_sleep, lambda _: 60.0, jobs=2)
    pid = next(iterator).value
    iterator.close()
    assert _gone(pid)


def test_workers_end_when_their_parent_is_killed(tmp_path):
    import signal
    import subprocess
    import sys

    script = (
        "from generator import workers\n"
        "from tests.test_faults import _pid_or_sleep\n"
        "for o in workers.run([0, 0, 30.0, 30.0], _pid_or_sleep, lambda _: 60.0, jobs=2):\n"
        "    print(o.value, flush=True)\n"
    )
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True) as child:
        pids = {int(child.stdout.readline()), int(child.stdout.readline())}
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert all(_gone(pid) for pid in pids)


def test_an_unreadable_file_in_a_worker_is_reported_not_raised():
    from generator.analysis.runner import Task, TimeBudget, read_and_extract
    from generator.config import ExtractionSettings

    outcome = read_and_extract(Task(b"", "empty.txt", "empty", ExtractionSettings(), TimeBudget()))
    assert outcome == ("unreadable", "file is empty")
    with pytest.raises(ArticleError):
        parse_article(b"", "empty.txt", slug="empty")


def _attribution(paragraph_text: str):
    """Finding a paragraph's quotations and attributing each, the parse made beforehand."""
    doc = nlp_pipeline()(paragraph_text)

    def attribute(_):
        quotes = tuple(find_quotes([paragraph_text]))
        return list(quotation_claims(Paragraph(0, doc, quotes)))

    return attribute


def test_quotation_attribution_is_linear_in_the_quotations_of_a_paragraph():
    """Issue 19: 100/200/400 quotations in one paragraph took 2.0/3.3/8.0 s. A ratio of times
    on 4 times as many quotations: about 4 when linear, 16 when quadratic."""
    small, large = ("“a,” said Anna Keller. " * n for n in (150, 600))
    times = []
    for text in (small, large):
        attribute = _attribution(text)
        started = time.perf_counter()
        for _ in range(3):
            claims = attribute(None)
        times.append(max(time.perf_counter() - started, 1e-4))
        assert len(claims) == text.count("“")
    assert times[1] / times[0] < 9
