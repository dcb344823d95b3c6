"""Wrong options for people, places and nationalities, with the exact options asserted."""

import random
from dataclasses import replace

from conftest import COURSE, NEWS, analysed, fact_of, facts_in, mcq_of, sentence_with
from quizwright.builders import distractors
from quizwright.builders.distractors import names
from quizwright.builders.pool import Candidate, build_pool
from quizwright.matching import same_entity

SCHOLARS = " Analyst Park Min-soo, economist Choi Ji-won and researcher Han Seo-yeon disagreed with the plan."


def test_appositive_becomes_a_who_question_with_people_of_the_same_role_as_distractors():
    """A professor among presidents is no choice: the other options are scholars too."""
    document, sentences, mentions = analysed(NEWS + SCHOLARS)
    pool = build_pool(mentions)
    sentence = sentence_with(sentences, "Kang Jun-young")
    fact = fact_of(sentence, mentions, lambda m: m.kind == "person")
    item = mcq_of(fact, pool)
    assert item.question == "Who is a professor at Hankuk University of Foreign Studies?"
    assert set(item.distractors) == {"Park Min-soo", "Choi Ji-won", "Han Seo-yeon"}
    roles = {c.text: c.role for c in pool.of_kind("person")}
    assert roles["Li Qiang"] == roles["Xi Jinping"] == "office" and roles["Kang Jun-young"] == "scholar"


def test_a_book_of_names_is_weighed_in_bounded_portions_commonest_first():
    """Distractor search reads a few dozen names per question, not every name in a book."""
    document, sentences, mentions = analysed(NEWS)
    cities = [f"Town{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(300)]
    pool = build_pool(mentions)
    many = replace(
        pool,
        candidates=pool.candidates
        + tuple(Candidate(name, name.lower(), "place", "city", 1) for name in cities)
        + (Candidate("Busan", "busan", "place", "city", 5),),
    )
    sentence = sentence_with(sentences, "Taiwan was discussed")
    fact = fact_of(sentence, mentions, lambda m: m.text == "Shanghai")
    found = names.entity_options(fact, many)
    assert len(found) == 1 + names.CONSIDERED  # Busan, then 40 of the 300 named once
    assert found[0].text == "Busan" and all(c.subtype == "city" for c in found)
    assert {"Seoul", "Beijing", "Tokyo"}.isdisjoint(c.text for c in found)  # named in the sentence


def test_without_enough_people_of_the_role_there_is_no_mcq():
    document, sentences, mentions = analysed(NEWS)
    sentence = sentence_with(sentences, "Kang Jun-young")
    fact = fact_of(sentence, mentions, lambda m: m.kind == "person")
    assert mcq_of(fact, build_pool(mentions)) is None  # Lee, Xi and Li are all office holders


# Options and stems that give the answer away through another name for the same country.


def test_a_person_the_sentence_names_by_title_is_not_an_option():
    fact, pool = facts_in(COURSE, "summit with President Xi", "Li Qiang")
    item = mcq_of(fact, pool)
    assert item is not None
    assert not any(same_entity(d, "Xi Jinping") for d in item.distractors)  # "a summit with President Xi ..."


def test_a_nationality_the_readings_mention_once_comes_after_the_familiar_ones():
    text = COURSE + " A Venezuelan delegation also visited Seoul that week."
    fact, pool = facts_in(text, "Without Chinese backing", "Chinese")
    assert any(c.text == "Venezuelan" and c.count == 1 for c in pool.candidates)
    assert "Venezuelan" not in mcq_of(fact, pool).distractors


def test_a_named_persons_own_country_is_no_wrong_option_for_a_nationality():
    """'As President Lee engages with _____ leadership': 'South Korean' is absurd, Lee is one."""
    text = (
        NEWS + " South Korean President Lee Jae Myung flew to Beijing on Sunday for the talks."
        " As President Lee engages with Chinese leadership, the world watches the talks closely."
        " South Korean and Japanese firms and Korean traders followed the summit in Seoul."
    )
    document, sentences, mentions = analysed(text)
    pool = build_pool(mentions)
    assert pool.named("leejaemyung").nationality == "South Korean"
    sentence = sentence_with(sentences, "engages with")
    fact = fact_of(sentence, mentions, lambda m: m.text == "Chinese")
    options = distractors.choose(fact, pool, sentence.text, random.Random(0))
    assert options and not {"South Korean", "Korean"} & set(options)
    unknown = replace(pool, candidates=tuple(replace(c, nationality="") for c in pool.candidates))
    assert "South Korean" in distractors.choose(fact, unknown, sentence.text, random.Random(0))


def test_a_stated_nationality_keeps_people_of_another_out_of_the_options():
    """'Japanese Prime Minister _____': not the man the readings call South Korean President."""
    text = (
        NEWS + " South Korean President Lee Jae Myung flew to Beijing on Sunday for the talks."
        " The remarks by Japanese Prime Minister Sanae Takaichi worried officials in the region greatly."
    )
    document, sentences, mentions = analysed(text)
    pool = build_pool(mentions)
    sentence = sentence_with(sentences, "Sanae Takaichi")
    fact = fact_of(sentence, mentions, lambda m: m.kind == "person")
    found = [c.text for c in names.entity_options(fact, pool)]
    assert "Lee Jae Myung" not in found and "Li Qiang" in found  # Li's nationality is not stated: he may stay


def test_a_place_the_reading_writes_with_the_is_offered_with_it_and_a_modifier_is_not():
    """Judged blind: 'staying neutral on US' (an option read from 'US troops', 'a US ally')."""
    _, _, mentions = analysed(
        "US troops stay in South Korea, a US ally. The US supports Taiwan. "
        "The Seoul government and the China-Japan spat worry Seoul. China is near Seoul."
    )
    forms = {c.text for c in build_pool(mentions).of_kind("place")}
    assert "the US" in forms and "US" not in forms
    assert "China" in forms and "Seoul" in forms  # 'the China-Japan spat', 'the Seoul government'
