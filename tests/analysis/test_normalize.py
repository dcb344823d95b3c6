"""Normalisation: analysis sees ASCII quotes and dashes, and every offset maps back to the original."""

from quizwright.analysis.normalize import normalize, original_span


def test_normalize_maps_typographic_quotes_to_ascii_and_back():
    text = "South Korea\u2019s \u201cOne-China\u201d policy"
    norm, offsets = normalize(text)
    assert norm == 'South Korea\'s "One-China" policy'
    start = norm.index("One-China")
    o_start, o_end = original_span(offsets, start, start + len("One-China"))
    assert text[o_start:o_end] == "One-China"


def test_em_dash_is_spaced_for_analysis_but_maps_to_one_character():
    text = "vessels\u2014a move"
    norm, offsets = normalize(text)
    assert norm == "vessels -- a move"
    start = norm.index("--")
    assert original_span(offsets, start, start + 2) == (7, 8)


def test_zero_width_characters_vanish_from_analysis():
    norm, offsets = normalize("Se\u200boul")
    assert norm == "Seoul"
    assert original_span(offsets, 0, 5) == (0, 6)
