"""Normalisation: analysis sees ASCII quotes and dashes, and every offset maps back to the original."""

from hypothesis import given
from hypothesis import strategies as st

from quizwright.analysis.normalize import REPLACEMENTS, normalize, original_span


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


@given(st.text(alphabet=st.sampled_from([*"ab .'-\n", *REPLACEMENTS])))
def test_every_character_is_replaced_and_mapped_back_to_itself(text):
    """Character by character: each becomes its replacement (or stays), and each character of
    the result maps back to the one it came from."""
    norm, offsets = normalize(text)
    assert norm == "".join(REPLACEMENTS.get(c, c) for c in text)
    assert len(offsets) == len(norm) + 1 and offsets[-1] == len(text)
    assert all(REPLACEMENTS.get(text[offsets[i]], text[offsets[i]]).count(c) for i, c in enumerate(norm))
    assert offsets == sorted(offsets)
