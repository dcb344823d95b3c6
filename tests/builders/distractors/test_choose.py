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


CAPITALS = (
    "Seoul looks to Beijing\n\n"
    "South Korea's president flew to Beijing on Sunday, after talks in Tokyo and a trade fair in Shanghai. "
    "Shanghai and Busan are the region's busiest ports, and Shanghai hosts a trade fair each year. "
    "Officials in Seoul, Tokyo and Shanghai watched the visit closely. "
    "Beijing sees North Korea as a buffer against American influence in the region. "
    "Diplomats in Seoul hope that Beijing will press for talks on inter-Korean relations with North Korea."
)


def test_a_capital_standing_for_its_government_gets_capitals_as_options():
    """Judged blind: Shanghai beside Tokyo and Seoul is the one option that cannot be a government."""
    fact, pool = facts_in(CAPITALS, "as a buffer", "Beijing")
    item = mcq_of(fact, pool)
    assert item is not None and "Shanghai" not in item.distractors
    assert {"Seoul", "Tokyo"} <= set(item.distractors)
    for seed in range(8):  # the well-known capitals come from Asia first, whatever the seed
        item = mcq_of(fact, pool, seed)
        assert item is not None and not {"Berlin", "London", "Paris", "Moscow"} & set(item.distractors), seed


def test_no_mcq_where_a_word_of_the_stem_points_to_the_one_option_built_on_it():
    """Judged blind: 'inter-Korean relations' with North Korea the only Korean option."""
    fact, pool = facts_in(CAPITALS, "inter-Korean", "North Korea")
    assert mcq_of(fact, pool) is None


ISLAND = (
    "Tension in East Asia\n\n"
    "Lee's visit to China comes as East Asia faces growing disputes over Taiwan, strained relations between "
    "China and Japan, and worries about North Korea. "
    "The United States has warned China against military drills near Taiwan. "
    "The United States and Japan held talks on Taiwan last week, and Japan sent ships near Taiwan."
)


def test_a_place_wordnet_does_not_place_gets_options_of_the_continent_its_sentence_names():
    """Judged giveaway in rounds 16, 18 and 19: 'growing disputes over ___ (Taiwan)' with France,
    India and the US; 'drills around ___' with the United States. WordNet knows Taiwan as an
    island of no continent; the sentence names East Asia, China, Japan and North Korea."""
    fact, pool = facts_in(ISLAND, "growing disputes over", "Taiwan")
    for seed in range(8):
        item = mcq_of(fact, pool, seed)
        assert item is not None, seed
        assert not {"France", "Germany", "the United States", "Canada", "Brazil"} & set(item.distractors), seed


TRADE = (
    "Korea and its neighbours\n\n"
    "China is South Korea's biggest trading partner, ahead of the United States and Japan. "
    "North Korea depends on China for food and fuel, and North Korea trades little with Japan. "
    "Japan and the United States are South Korea's allies, and Vietnam buys South Korean goods. "
    "Officials from China, Japan, Vietnam and North Korea met in Beijing last year."
)


def test_no_option_is_the_namesake_of_a_place_the_sentence_names():
    """'China is ___'s biggest trading partner' aside, 'South Korea's biggest trading partner'
    with North Korea among the options was judged a giveaway in four rounds of six (52-57)."""
    fact, pool = facts_in(TRADE, "biggest trading partner", "China")
    for seed in range(8):
        item = mcq_of(fact, pool, seed)
        assert item is not None, seed
        assert "North Korea" not in item.distractors, seed
