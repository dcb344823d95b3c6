"""Facts, distractors and items on small texts, with the exact items asserted."""

import pytest

from quizwright.matching import same_entity, split_cloze


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("US", "U.S.", True),
        ("the United States", "US", True),
        ("Lee", "Lee Jae-myung", True),
        ("Lee Jae Myung", "Lee Jae-myung", True),
        ("North Korea", "South Korea", False),
        ("China", "Japan", False),
    ],
)
def test_variants_of_a_name_count_as_the_same_entity(a, b, same):
    assert same_entity(a, b) is same


# --- from tests/test_export_anki.py ---


def test_split_cloze_finds_answers_and_hints():
    parts = split_cloze("From {{c1::Seoul}}’s view — {{c2::Lee Jae-myung::a name}}.")
    assert [getattr(p, "answer", p) for p in parts] == ["From ", "Seoul", "’s view — ", "Lee Jae-myung", "."]
    assert parts[3].hint == "a name" and parts[1].hint is None
