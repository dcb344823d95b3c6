"""Wrong options for dates and numbers: nearby years and decades, the same unit, ages."""

import random

import pytest

from conftest import NEWS, analysed, sentence_with
from quizwright import facts
from quizwright.builders import distractors
from quizwright.builders.distractors import quantities
from quizwright.builders.items import build_mcq
from quizwright.builders.pool import build_pool
from quizwright.matching import BLANK


def test_year_distractors_are_nearby_years_not_in_the_sentence():
    document, sentences, mentions = analysed(NEWS)
    pool = build_pool(mentions, [])
    sentence = sentence_with(sentences, "since 2019")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence == sentence])
        if f.answer.kind == "date"
    )
    item = build_mcq(fact, pool, seed=3)
    assert item.question.count(BLANK) == 1 and "2019" not in item.question
    years = [int(d) for d in item.distractors]
    assert all(abs(y - 2019) <= 3 and y != 2019 for y in years)


def test_number_distractors_keep_unit_and_style():
    _, sentences, mentions = analysed(
        "Lee made his first visit to Beijing in six years, with a large delegation of leaders."
    )
    fact = next(f for f in facts.entity_facts(sentences[0], mentions) if f.answer.kind == "number")
    options = distractors.choose(fact, build_pool(mentions, []), sentences[0].text, random.Random(1))
    assert len(options) == 3
    assert all(o.endswith(" years") and o.split()[0] in quantities.WORD_NUMBERS for o in options)
    assert "six years" not in options


def test_decade_distractors_are_other_decades():
    _, sentences, mentions = analysed(
        "Dick Clark's dance party of the 1950s shaped American broadcasting for decades afterwards."
    )
    fact = next(f for f in facts.entity_facts(sentences[0], mentions) if f.answer.text == "1950s")
    options = distractors.choose(fact, build_pool(mentions, []), sentences[0].text, random.Random(1))
    assert len(options) == 3 and all(o.endswith("0s") and o != "1950s" for o in options)


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
    fact = next(f for f in facts.entity_facts(sentences[0], mentions) if f.answer.text == answer)
    options = distractors.choose(fact, build_pool(mentions, []), sentences[0].text, random.Random(1))
    assert len(options) == 3 and all(1 <= int(o) <= 110 and abs(int(o) - int(answer)) <= 15 for o in options)
