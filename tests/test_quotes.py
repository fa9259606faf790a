"""Quotation spans from their marks, including missing and multi-paragraph marks."""

from generator.analysis.quotes import find_quotes


def spans(*paragraphs):
    return [
        (q.paragraph, paragraphs[q.paragraph][q.start : q.end], q.opened, q.closed)
        for q in find_quotes(list(paragraphs))
    ]


def test_curly_and_straight_quotes():
    assert spans('“We will win,” she said. He said "no way" to that.') == [
        (0, "We will win", True, True),
        (0, "no way", True, True),
    ]


def test_missing_opening_mark_starts_at_paragraph():
    found = spans("[China and Russia] stick to a new kind of relations,” said the spokesman.")
    assert found == [(0, "[China and Russia] stick to a new kind of relations", False, True)]


def test_missing_closing_mark_runs_to_paragraph_end():
    found = spans("He said: “We are leaving and will not return.")
    assert found == [(0, "We are leaving and will not return.", True, False)]


def test_quote_over_several_paragraphs():
    quotes = find_quotes(['"The first part of it.', '"The second part," she said.'])
    assert quotes[0].continues and not quotes[0].closed
    assert (quotes[1].paragraph, quotes[1].closed) == (1, True)


def test_run_together_paragraphs_with_straight_quotes():
    text = 'She said: "We doubled it. "We will extend it to nine months."'
    assert [s[1] for s in spans(text)] == ["We doubled it.", "We will extend it to nine months."]


def test_single_quoted_headline_but_not_apostrophes():
    found = spans(
        "‘The Nightmare of the United States,’ reads the headline. The countries’ leaders met at Washington’s request."
    )
    assert [f[1] for f in found] == ["The Nightmare of the United States"]


def test_inch_marks_are_not_quotes():
    assert spans("He is 5'11\" tall and said nothing.") == []


def test_quotation_inside_a_quotation():
    found = spans("“I would rather live in what he calls “hell” than live in his world,” she wrote.")
    assert [f[1] for f in found] == ["I would rather live in what he calls “hell” than live in his world"]


def test_doubled_opening_mark_is_not_nesting():
    found = spans('"“You do not win by counting states,” Rubio responded before adding more."')
    assert found[0][1] == "You do not win by counting states"
