"""Wrong options for numbers and dates, made around the key in its own unit and format."""

import random

import pytest

from conftest import NEWS, analysed, fact_of, mcq_of, sentence_with
from quizwright.builders.distractors.quantities import WORD_NUMBERS, month_options, number_options
from quizwright.builders.pool import build_pool
from quizwright.matching import BLANK


def options(text, seed=1, **kind):
    found = number_options(text, random.Random(seed), **kind)
    assert found is not None and len(found) == 3 and text not in found
    return found


def test_a_year_gets_years_five_apart_not_four_in_a_row():
    document, sentences, mentions = analysed(NEWS)
    sentence = sentence_with(sentences, "since 2019")
    item = mcq_of(fact_of(sentence, mentions, lambda m: m.kind == "date"), build_pool(mentions), seed=3)
    assert item.question.count(BLANK) == 1 and "2019" not in item.question
    years = sorted(int(d) for d in item.distractors)
    assert all(y % 5 == 2019 % 5 and 0 < abs(y - 2019) <= 10 for y in years)
    for seed in range(20):
        assert sorted(int(y) for y in options("1982", seed, year=True)) != [1979, 1980, 1981]


def test_a_quantity_keeps_its_unit_style_and_magnitude():
    found = options("6 kilometres")
    assert all(o.endswith(" kilometres") and o.split()[0].isdigit() and abs(int(o.split()[0]) - 6) >= 2 for o in found)
    big = options("46,000 kilometres")
    assert all(o.endswith(" kilometres") and "," in o for o in big)
    values = [int(o.split()[0].replace(",", "")) for o in big]
    assert all(11_000 <= v <= 140_000 and v % 1000 == 0 for v in values)  # round, within a factor of three
    assert all(o.endswith(" years") and o.split()[0] in WORD_NUMBERS for o in options("six years"))
    assert [o[:1].isupper() for o in options("Seven-year quest")] == [True] * 3


def test_percentages_stay_between_0_and_100_and_decimals_keep_their_places():
    found = options("70 percent", percent=True)
    assert all(
        o.endswith(" percent") and 0 < int(o.split()[0]) <= 100 and abs(int(o.split()[0]) - 70) >= 10 for o in found
    )
    assert all(len(o.split(".")[1]) == 2 for o in options("7.45"))


def test_a_share_written_per_cent_gets_shares_written_per_cent():
    """'5.2 per cent' (British and Australian reports) is a percentage, not a count of 5.2."""
    text = "Unemployment in the state fell to 5.2 per cent in May, the lowest rate in a decade."
    _, sentences, mentions = analysed(text)
    fact = fact_of(sentences[0], mentions, lambda m: m.kind == "number")
    assert (fact.answer.text, fact.answer.subtype) == ("5.2 per cent", "percent")
    item = mcq_of(fact, build_pool(mentions), seed=2)
    assert item is not None and item.answer == "5.2 per cent"
    assert all(o.endswith(" per cent") and abs(float(o.split()[0]) - 5.2) >= 10 for o in item.distractors)


def test_decades_and_months():
    assert all(o.endswith("0s") and o != "1950s" for o in options("1950s", year=True))
    months = month_options("December", random.Random(0))
    assert len(months) == 3 and "December" not in months


@pytest.mark.parametrize(
    "sentence",
    [
        "Banda, who died last year at age 99, was a small man dwarfed by his successor.",
        "The host of the program, Terry Gross, 47, has done about 9,000 interviews since it began.",
    ],
)
def test_an_age_gets_ages_as_options(sentence):
    _, sentences, mentions = analysed(sentence)
    answer = "99" if "99" in sentence else "47"
    item = mcq_of(fact_of(sentences[0], mentions, lambda m: m.text == answer), build_pool(mentions))
    assert all(1 <= int(o) <= 110 and abs(int(o) - int(answer)) <= 15 for o in item.distractors)
