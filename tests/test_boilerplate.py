"""Web-page furniture: each kind removed, the article sentences that look like it kept, every
format cleaned alike, and every check linear in its input."""

import gc
import time

import pytest

from generator.ingest import boilerplate, clean
from generator.ingest.boilerplate import BoilerplateDataError, fold, is_boilerplate, read_phrases
from generator.ingest.clean import split_paragraphs
from generator.ingest.read import level_one_heading
from tests.conftest import parse_text

LEAD = (
    "The minister said on Monday that the new budget would cut spending on roads by a fifth over two years."
)


@pytest.mark.parametrize(
    "line",
    [
        # players, galleries, audio
        "Media playback is unsupported on your device Media caption The envoy explains the deal",
        "Play Video 2:05 Minister defends the harbour plan – video",
        "LISTEN TO ARTICLE 3:12 SHARE THIS ARTICLE Share Tweet Post Email",
        "JUST WATCHED Harbour talks stall Replay More Videos ... MUST WATCH Harbour talks stall 01:58",
        "Enlarge this image toggle caption Jo Bloggs/Getty Images Jo Bloggs/Getty Images",
        "Hide caption Fishing boats wait in the harbour at dawn. Previous Next Jo Bloggs/AFP",
        "Image copyright Getty Images Image caption The minister arrives at the summit",
        "Slideshow (12 Images)",
        # share bars, without the backtracking of F-1
        "Share | Tweet | Email",
        "Facebook Twitter WhatsApp",
        # photo credits and captions
        "AP Photo/Jo Bloggs",
        "Jo Bloggs/AP Photo",
        "Ana Ruiz, Pool Photo via AP",
        "Reuters",
        "Fishing boats wait in the harbour, May 3, 2021. Jo Bloggs/Reuters",
        "Fishing boats wait in the harbour on Tuesday [Jo Bloggs/Harbour Times]",
        "A fisherman mends his nets. Photograph: Jo Bloggs/EPA",
        "In this photo released by the ministry, the minister greets fishermen in the port, May 3, 2021.",
        "The minister greets fishermen in the port on Tuesday. | AP Photo",
        "The minister greets fishermen in the port on Tuesday. (AP Photo/Jo Bloggs)",
        "FILE PHOTO - A trawler leaves the harbour at dawn.",
        "An image from state television shows the harbour after the storm.",
        "Harbour master Jo Bloggs surrounded by fishermen on the day of the vote.",
        # bylines and credits
        "By Jo Bloggs, Europe editor",
        "Analysis by Jo Bloggs, Sample News, Lisbon",
        "Jo Bloggs contributed to this report.",
        "Sample Wire’s Jo Bloggs and Ana Ruiz contributed to this report",
        "Jo Bloggs in Lisbon and Ana Ruiz in Porto contributed.",
        "Ana Ruiz contributed reporting",
        "Additional reporting by Jo Bloggs",
        "Contributing: Jo Bloggs, The Sample Wire",
        "Reporting by Jo Bloggs; Editing by Ana Ruiz",
        "— With assistance by Jo Bloggs and Ana Ruiz",
        "Follow Jo Bloggs on Twitter: @jobloggs",
        "Write to Jo Bloggs at jo.bloggs@example.org",
        "Contact the author at jo.bloggs@example.org",
        "Follow him on Twitter: @jobloggs",
        # newsletters and subscriptions
        "Email Sign Up By signing up you agree to receive email newsletters from us.",
        "Get the harbour stories you care about delivered to your inbox.",
        "Harbour Notes is a weekly newsletter about ports. Sign up here.",
        "Interested in Fishing? Add Fishing as an interest to stay up to date on the latest news.",
        "Sign up for the morning briefing",
        "CLICK HERE TO GET THE SAMPLE NEWS APP",
        # links, notes and footers
        "(PHOTOS: The harbour after the storm)",
        "HARBOUR PLAN COULD COST BILLIONS, CRITICS WARN",
        "This article was amended on 3 May 2021 to correct the name of the harbour.",
        "• This article was based in part on wire service reports.",
        "(This version of the story corrects the date in the third paragraph)",
        "This article is more than 3 years old",
        "Copyright © 2021 The Sample Times, LLC. Click here for reprint permission.",
        "* * *",
        "Updated at 6:15 p.m. ET",
        "Share this with Email Facebook Messenger Twitter WhatsApp Copy this link",
    ],
)
def test_furniture_lines_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the plan in the report, she said.",
        "Photo the damage before you clean up, the insurer told residents.",
        "Photographers were kept away from the harbour on Tuesday.",
        "Share prices fell sharply on Monday.",
        "The minister said the advertisement campaign would continue.",
        "Japan and Germany also contributed.",
        "Britain, France and Germany contributed.",
        "By Friday, the cabinet had voted.",
        "By contrast, the opposition wants a smaller harbour",
        "Copyright law changed in 1998, the ministry noted.",
        "The delegation, accompanied by aides, arrived in Geneva.",
        "The report seen by Reuters says the plan failed.",
        "A video posted online shows soldiers firing on protesters.",
        "Reuters reported that the talks had failed.",
        "Follow the money, the auditor told the committee.",
        "Reporting by The Sample Times revealed that the contract had been changed.",
        "Sign up for the new scheme has been slow, officials say, and fewer than half of the eligible farmers have applied so far.",
        "NATO",
        "Listen, the minister said, we will not give way.",
        "The fleet will be shared between the two ports (Lisbon/Porto).",
        "Jo Bloggs, the harbour master, contacted the ministry at 9 a.m.",
    ],
)
def test_article_sentences_are_kept(line):
    assert not is_boilerplate(line)


def paragraphs_of(text: str) -> list[str]:
    return split_paragraphs(text)[0]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a link's label glued to a paragraph goes; the paragraph stays
        (
            f"{LEAD} Read more",
            [LEAD],
        ),
        # a line that is only a link's title and its label goes whole
        ("The harbour plan explained | Jo Bloggs Read more\n\n" + LEAD, [LEAD]),
        ("Harbour talks resume in Lisbon Listen · 3:39 3:39\n\n" + LEAD, [LEAD]),
        # an embedded post keeps its words, not its signature
        (
            "The harbour will be ready by May! pic.twitter.com/AbC123 — Jo Bloggs (@jobloggs) May 3, 2021",
            ["The harbour will be ready by May!"],
        ),
        # the title and buttons of a box that opens in the page
        (
            "Q&A What is the harbour plan? Show Hide The plan would double the size of the port.",
            ["The plan would double the size of the port."],
        ),
        # a box of links, under its heading
        (
            f"Read more:\n\nHarbour plan splits the cabinet\n\nWho pays for the new port\n\n{LEAD}",
            [LEAD],
        ),
        (
            "Story highlights The harbour plan would double the port\n\nCritics say it costs too much"
            f"\n\n{LEAD}",
            [LEAD],
        ),
        (f"SEE ALSO: Harbour plan splits the cabinet\n\n{LEAD}", [LEAD]),
        # a byline at the top: names over their outlet
        (f"Jo Bloggs and Ana Ruiz\n\nSAMPLE TODAY\n\n{LEAD}", [LEAD]),
        (f"Jo Bloggs\n\nThe Associated Press\n\n{LEAD}", [LEAD]),
        (f"Jo Bloggs\n\nSpecial for Sample Today\n\n{LEAD}", [LEAD]),
        # a note on the author at the end
        (f"{LEAD}\n\nJo Bloggs is the senior harbour correspondent of the Sample Times.", [LEAD]),
        # furniture wrapped over two lines, as a fixed-width paste puts it
        (f"{LEAD}\n\nSubscribe to our\nnewsletter", [LEAD]),
    ],
)
def test_paragraph_furniture(text, expected):
    assert paragraphs_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Read more about the plan in the report, she said.",
        "More than 200 fishermen protested in the harbour on Tuesday.",
        "Jo Bloggs is a fisherman who has worked in the harbour for 30 years, and he opposes the plan.",
        "Related talks in Porto ended without agreement on Friday.",
    ],
)
def test_paragraphs_that_look_like_furniture_are_kept(text):
    assert paragraphs_of(f"{LEAD}\n\n{text}") == [LEAD, text]


def test_a_header_box_ends_at_the_first_sentence():
    text = f"More:\n\nHarbour plan splits the cabinet\n\n{LEAD}\n\nCritics say it costs too much"
    assert paragraphs_of(text) == [LEAD, "Critics say it costs too much"]


def test_a_byline_is_only_taken_at_the_top():
    text = f"{LEAD}\n\n{LEAD}\n\n{LEAD}\n\n{LEAD}\n\nJo Bloggs\n\nSAMPLE TODAY"
    assert paragraphs_of(text)[-2:] == ["Jo Bloggs", "SAMPLE TODAY"]


def test_a_caption_run_into_a_short_headline_opens_the_text():
    article = parse_text(
        f"Harbour plan splits the cabinet\n\nA trawler leaves port. Harbour plan splits cabinet\n\n{LEAD}"
    )
    assert article.paragraphs == (LEAD,)
    assert article.removed == ("A trawler leaves port. Harbour plan splits cabinet",)


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.html"])
def test_every_format_is_cleaned_alike(name):
    lines = [
        "Play Video 2:05 Minister defends the harbour plan – video",
        LEAD,
        "AP Photo/Jo Bloggs",
        "The opposition called the plan reckless and said it would fight it in parliament. Read more",
        "Jo Bloggs contributed to this report.",
    ]
    if name.endswith(".html"):
        body = "".join(f"<p>{line}</p>" for line in lines)
        data = f"<html><head><title>Harbour plan</title></head><body><article><h1>Harbour plan</h1>{body}</article></body></html>"
    else:
        data = ("# Harbour plan" if name.endswith(".md") else "Harbour plan") + "\n\n" + "\n\n".join(lines)
    from generator.ingest.read import parse_article

    article = parse_article(data.encode(), name, slug="a")
    assert article.paragraphs == (
        LEAD,
        "The opposition called the plan reckless and said it would fight it in parliament.",
    )


def test_the_phrase_file_names_the_line_of_a_mistake():
    with pytest.raises(BoilerplateDataError, match="line 2: unknown kind 'begin'"):
        read_phrases("# a comment\nbegin\tread more\n")
    with pytest.raises(BoilerplateDataError, match="line 3: 'read more' is listed already, at line 1"):
        read_phrases("label\tRead more\n\nlabel\tread  more\n")
    with pytest.raises(BoilerplateDataError, match="line 1: expected a kind, a phrase"):
        read_phrases("start\tsign up for\tmany\n")


def test_phrases_are_folded_like_lines():
    assert fold("Play Video 1:10 — Minister’s plan") == "play video # : # ministers plan"
    assert "play video" in {phrase.strip() for phrase, _ in boilerplate.phrases().start}


# Every check, fed growing adversarial input: repeated pieces of the forms the checks look for,
# ended by a mark that makes the match fail at the last moment.


def _checks():
    for check in boilerplate.LINE_CHECKS:
        yield check.__name__, lambda text, check=check: check(text, fold(text))
    for strip in clean.GLUED:
        yield strip.__name__, strip
    for rule in clean.SEQUENCE_RULES:
        yield rule.__name__, lambda text, rule=rule: rule([*text.split(" "), text])
    yield "fold", fold
    yield "drop_kicker", lambda text: clean.drop_kicker([text], text)
    yield "split_paragraphs", lambda text: split_paragraphs(text.replace("  ", "\n"))
    # The other expressions of cleaning, which every article meets too.
    yield "normalize", clean.normalize
    yield "take_dateline", clean.take_dateline
    yield "level_one_heading", lambda text: level_one_heading("# a" + text)


CHECKS = dict(_checks())
PIECES = [
    "share ",
    "Share | ",
    "Jo ",
    "A. ",
    "Read more ",
    "By Jo, ",
    "Jo/AP ",
    "(@jo) — ",
    "[Jo/",
    "Photo: ",
    "Jo contributed in ",
    "pic.twitter.com/a ",
    "@",
    "surrounded by ",
    "1:10 ",
    "Follow Jo ",
    "\n\n",
    "said” ",
    "WASHINGTON, D. ",
    " ",
]


def _seconds(check, text: str, loops: int) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(loops):
            check(text)
        best = min(best, time.perf_counter() - start)
    return best


def _growth(check, piece: str, n: int = 200) -> float:
    """How much longer the check takes on 16n pieces than on n: about 16 when it is linear."""
    small, large = piece * n + "!", piece * (16 * n) + "!"
    once = _seconds(check, small, 1)
    loops = max(1, int(0.001 / max(once, 1e-7)))
    return _seconds(check, large, loops) / _seconds(check, small, loops)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_check_takes_linear_time(name):
    check = CHECKS[name]
    gc.disable()
    try:
        for piece in PIECES:
            # Short inputs first, a few pieces more each time: an exponential check fails here
            # in milliseconds instead of hanging on the long input.
            for count in range(4, 68, 4):
                start = time.perf_counter()
                check(piece * count + "!")
                assert time.perf_counter() - start < 0.2, f"{name} on {piece!r} × {count}"
            ratio = _growth(check, piece)
            if ratio > 64:  # measure again before calling it super-linear: a busy machine is noisy
                ratio = min(ratio, _growth(check, piece))
            # Linear is about 16; a check that backtracks is 256 (quadratic) or far worse.
            assert ratio < 64, f"{name} takes {ratio:.0f} times longer on 16 times the input {piece!r}"
    finally:
        gc.enable()


def test_the_share_bar_of_f1_is_quick():
    start = time.perf_counter()
    is_boilerplate("share " * 40 + "!")
    assert time.perf_counter() - start < 0.05
