"""The rules every wrong option must pass, whatever family it comes from."""

from conftest import COURSE, facts_in, mcq_of

# Options and stems that give the answer away through another name for the same country.


def test_an_option_naming_a_country_of_the_sentence_another_way_is_not_offered():
    fact, pool = facts_in(COURSE, "Without Chinese backing", "Chinese")
    item = mcq_of(fact, pool)
    assert item is not None and "North Korean" not in item.distractors  # "Without North Korean backing, North Korea"
    fact, pool = facts_in(COURSE, "rebuild ties with North Korea", "Beijing")
    item = mcq_of(fact, pool)
    assert item is not None and "Pyongyang" not in item.distractors  # Pyongyang is North Korea
