"""Facts -> items: real questions where the sentence allows, else a blank; ids; when there is no MCQ."""

from conftest import BIOLOGY, COURSE, NEWS, analysed, facts_in, sentence_with
from quizwright import facts
from quizwright.builders import distractors
from quizwright.builders.distractors import names
from quizwright.builders.items import build_cloze, build_mcq, item_id, question_for
from quizwright.builders.pool import build_pool
from quizwright.checks import item_problems
from quizwright.matching import CLOZE
from quizwright.pipeline import BuildOptions, build_items


def test_copula_subject_becomes_a_which_country_question():
    document, sentences, mentions = analysed(NEWS)
    pool = build_pool(mentions, [])
    sentence = sentence_with(sentences, "biggest trading partner")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence == sentence])
        if f.answer.text == "China"
    )
    item = build_mcq(fact, pool, seed=0)
    assert item.question == "Which country is South Korea\u2019s biggest trading partner?"
    assert item.answer == "China"
    assert len(item.distractors) == 3
    assert all(
        d in {"Japan", "the United States", "North Korea", "Taiwan", "South Korea"}
        or d in names.FALLBACK[("place", "country")]
        for d in item.distractors
    )
    assert item_problems(item) == []


def test_cloze_rebuilds_its_sentence_and_keeps_curly_quotes():
    document, sentences, mentions = analysed(NEWS)
    sentence = sentence_with(sentences, "key military ally")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence == sentence])
        if f.answer.text == "North Korea"
    )
    item = build_cloze(fact)
    assert item.text.endswith("threats from {{c1::North Korea}}.")
    assert "\u2019" in item.text
    assert CLOZE.sub(lambda m: m.group(2), item.text) == sentence.text


def test_definitions_ask_for_the_term_with_sibling_terms_as_distractors():
    document, sentences, mentions = analysed(BIOLOGY, "biology")
    items = build_items([document], [sentences], BuildOptions(mcq_per_doc=5, cloze_per_doc=0)).items
    by_answer = {i.answer: i for i in items if i.type == "mcq"}
    tissue = by_answer["tissue"]
    assert (
        tissue.question
        == "Which term names a group of many similar cells that work together to perform a specific function?"
    )
    assert set(tissue.distractors) <= {"organ", "cell", "organ system"}
    system = by_answer["organ system"]
    assert system.question == "What is a group of organs that work together to do a job called?"


def test_item_ids_are_stable_and_depend_on_sentence_and_answer():
    assert item_id("mcq", "d", "A sentence.", "A") == item_id("mcq", "d", "A sentence.", "A")
    assert item_id("mcq", "d", "A sentence.", "A") != item_id("mcq", "d", "A sentence.", "B")
    assert item_id("mcq", "d", "A sentence.", "A").startswith("mcq-")


# Options and stems that give the answer away through another name for the same country.


def test_a_stem_naming_the_answer_country_by_its_capital_gets_no_mcq():
    fact, pool = facts_in(COURSE, "primary economic benefactor", "China")
    assert distractors.gives_itself_away(fact)
    assert build_mcq(fact, pool, seed=0) is None
    assert build_cloze(fact).answer == "China"  # the cloze asks for the word, not a choice


def test_a_gapped_sentence_naming_nothing_else_gets_no_mcq():
    text = COURSE + " One of the most sensitive topics during this visit is Taiwan."
    fact, pool = facts_in(text, "most sensitive topics", "Taiwan")
    assert not any(m.kind in {"person", "place", "organization", "group"} for m in fact.context)
    assert build_mcq(fact, pool, seed=0) is None  # China or North Korea would be as true
    assert build_cloze(fact).text == "One of the most sensitive topics during this visit is {{c1::Taiwan}}."


def test_a_nationality_asked_right_before_a_named_leader_gets_no_mcq():
    text = COURSE + " Lee will hold a summit with Chinese leader Xi Jinping in Beijing next month."
    fact, pool = facts_in(text, "summit with Chinese leader", "Chinese")
    assert build_mcq(fact, pool, seed=0) is None  # only asks where Xi Jinping is from
    fact, pool = facts_in(COURSE, "Without Chinese backing", "Chinese")
    assert build_mcq(fact, pool, seed=0) is not None


def test_an_appositive_naming_nothing_in_particular_is_no_question():
    """'Who is the center's director?' means nothing without the sentence before."""
    text = NEWS + " Charles Nesson, the center's director, said the course was full."
    document, sentences, mentions = analysed(text)
    sentence = sentence_with(sentences, "Charles Nesson")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence is sentence])
        if f.answer.kind == "person"
    )
    assert question_for(fact) is None
