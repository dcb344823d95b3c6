"""Ranking: the same fact told again by another reading is a near-duplicate."""

from quizwright.builders import ranking


def test_the_same_fact_from_a_second_reading_is_a_near_duplicate():
    first = ranking.sentence_words("Security on the Korean Peninsula is another critical item on the agenda.")
    again = ranking.sentence_words("A central item on the agenda is the security situation on the Korean Peninsula.")
    other = ranking.sentence_words("North Korea fired a missile into the sea near the Korean Peninsula on Sunday.")
    assert ranking.near_duplicate(first, again)
    assert not ranking.near_duplicate(first, other)
