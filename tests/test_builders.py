"""Facts, distractors and items on small texts, with the exact items asserted."""

import random
from dataclasses import replace

import pytest

from quizwright import facts
from quizwright.analysis.entities import find_mentions
from quizwright.analysis.resolution import resolve
from quizwright.analysis.text import analyse
from quizwright.builders import distractors, ranking
from quizwright.builders.distractors import names, organizations, quantities, terms
from quizwright.builders.items import build_cloze, build_mcq, item_id, question_for
from quizwright.builders.pool import Candidate, build_pool
from quizwright.checks import item_problems
from quizwright.matching import BLANK, CLOZE, same_entity
from quizwright.models import Document
from quizwright.pipeline import BuildOptions, build_items

NEWS = (
    "China is South Korea\u2019s biggest trading partner. "
    "Japan is an important regional partner and shares security concerns. "
    "The United States is South Korea\u2019s key military ally and helps defend it against threats from North Korea. "
    "Taiwan was discussed at length by officials in Seoul, Beijing, Tokyo and Shanghai. "
    "President Lee Jae Myung met Chinese President Xi Jinping and Premier Li Qiang in Beijing. "
    "The visit was welcomed by Kang Jun-young, a professor at Hankuk University of Foreign Studies. "
    "This visit marks the first by a South Korean leader since 2019, highlighting the gap that remains."
)
BIOLOGY = (
    "Cells and Tissues\n\n"
    "A tissue is a group of many similar cells that work together to perform a specific function. "
    "An organ is a structure made of several different tissues that perform a particular job. "
    "A group of organs that work together to do a job is called an organ system. "
    "A cell is the smallest unit of life that can carry out all the processes of living things."
)


def analysed(text: str, doc_id: str = "news"):
    document = Document(doc_id, f"{doc_id}.txt", "", text)
    sentences = analyse(document)
    mentions = resolve([m for s in sentences for m in find_mentions(s)])
    return document, sentences, mentions


def sentence_with(sentences, fragment: str):
    return next(s for s in sentences if fragment in s.text)


@pytest.mark.parametrize(
    ("text", "usable"),
    [
        ("President Lee arrived in Beijing for a four-day visit to meet Xi Jinping.", True),
        ("It carried out large military drills near Taiwan, sending a clear warning.", False),  # pronoun
        ("However, China has often been accused of not fully enforcing sanctions.", False),  # connective
        ("At the same time, Lee avoided saying anything about military action at all.", False),
        ("Your email address will not be published, and required fields are marked.", False),
        ("Why does South Korea need to keep good relations with China and Japan?", False),  # question
        ("The timing is important.", False),  # too short
        ("South Korea wants peace and stability in the region, not confrontation", False),  # no full stop
        ("Lee is expected to push for the lifting of these restrictions to benefit South Korea.", False),  # which?
    ],
)
def test_sentence_selection(text, usable):
    _, sentences, _ = analysed(text)
    assert facts.usable(sentences[0], set()) is usable


def test_repeated_headlines_are_skipped():
    _, sentences, _ = analysed("Lee Visits China Today.\n\nLee Visits China Today.\n\nLee met Xi in Beijing on Monday.")
    assert facts.repeated_sentences(sentences) == {("news", 0), ("news", 1)}


def test_a_sentence_two_readings_share_is_asked_about_once_and_boilerplate_never():
    shared = "President Lee met President Xi in Beijing on Monday for talks on trade."
    footer = "The views expressed in this article are the author's own and do not reflect ours."
    docs = [
        analysed(f"{shared} {footer} Reading {n} is about a different topic entirely today.", f"d{n}")[1]
        for n in range(3)
    ]
    docs[2] = analysed(f"{footer} Reading three never mentions the visit at all today.", "d2")[1]
    everything = [s for sentences in docs for s in sentences]
    assert facts.repeated_sentences(everything) == {("d1", 0), ("d0", 1), ("d1", 1), ("d2", 0)}


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


SCHOLARS = " Analyst Park Min-soo, economist Choi Ji-won and researcher Han Seo-yeon disagreed with the plan."


def test_appositive_becomes_a_who_question_with_people_of_the_same_role_as_distractors():
    """A professor among presidents is no choice: the other options are scholars too."""
    document, sentences, mentions = analysed(NEWS + SCHOLARS)
    pool = build_pool(mentions, [])
    sentence = sentence_with(sentences, "Kang Jun-young")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence == sentence])
        if f.answer.kind == "person"
    )
    item = build_mcq(fact, pool, seed=0)
    assert item.question == "Who is a professor at Hankuk University of Foreign Studies?"
    assert set(item.distractors) == {"Park Min-soo", "Choi Ji-won", "Han Seo-yeon"}
    roles = {c.text: c.role for c in pool.of_kind("person")}
    assert roles["Li Qiang"] == roles["Xi Jinping"] == "office" and roles["Kang Jun-young"] == "scholar"


def test_a_book_of_names_is_weighed_in_bounded_portions_commonest_first():
    """Distractor search reads a few dozen names per question, not every name in a book."""
    document, sentences, mentions = analysed(NEWS)
    cities = [f"Town{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(300)]
    pool = build_pool(mentions, [])
    many = replace(
        pool,
        candidates=pool.candidates
        + tuple(Candidate(name, name.lower(), "place", "city", 1) for name in cities)
        + (Candidate("Busan", "busan", "place", "city", 5),),
    )
    sentence = sentence_with(sentences, "Taiwan was discussed")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence == sentence])
        if f.answer.text == "Shanghai"
    )
    found = names.entity_options(fact, many)
    assert len(found) == 1 + names.CONSIDERED  # Busan, then 40 of the 300 named once
    assert found[0].text == "Busan" and all(c.subtype == "city" for c in found)
    assert {"Seoul", "Beijing", "Tokyo"}.isdisjoint(c.text for c in found)  # named in the sentence


def test_without_enough_people_of_the_role_there_is_no_mcq():
    document, sentences, mentions = analysed(NEWS)
    sentence = sentence_with(sentences, "Kang Jun-young")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence == sentence])
        if f.answer.kind == "person"
    )
    assert build_mcq(fact, build_pool(mentions, []), seed=0) is None  # Lee, Xi and Li are all office holders


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


def test_number_distractors_keep_unit_and_style():
    _, sentences, mentions = analysed(
        "Lee made his first visit to Beijing in six years, with a large delegation of leaders."
    )
    fact = next(f for f in facts.entity_facts(sentences[0], mentions) if f.answer.kind == "number")
    options = distractors.choose(fact, build_pool(mentions, []), sentences[0].text, random.Random(1))
    assert len(options) == 3
    assert all(o.endswith(" years") and o.split()[0] in quantities.WORD_NUMBERS for o in options)
    assert "six years" not in options


def test_item_ids_are_stable_and_depend_on_sentence_and_answer():
    assert item_id("mcq", "d", "A sentence.", "A") == item_id("mcq", "d", "A sentence.", "A")
    assert item_id("mcq", "d", "A sentence.", "A") != item_id("mcq", "d", "A sentence.", "B")
    assert item_id("mcq", "d", "A sentence.", "A").startswith("mcq-")


def test_same_seed_same_items_other_seed_other_distractors():
    document, sentences, _ = analysed(NEWS)
    one = build_items([document], [sentences], BuildOptions(seed=1)).items
    again = build_items([document], [sentences], BuildOptions(seed=1)).items
    assert one == again
    assert [i.id for i in one] and all(item_problems(i) == [] for i in one)


def test_no_two_items_share_a_sentence_and_answer():
    document, sentences, _ = analysed(NEWS)
    items = build_items([document], [sentences], BuildOptions()).items
    pairs = [(i.source.sentence, i.answer) for i in items]
    assert len(pairs) == len(set(pairs))


def test_textbook_definitions_with_capitalised_terms_get_options_in_the_same_case():
    text = BIOLOGY + (
        " Photosynthesis, the process by which plants make food from sunlight, takes place in the chloroplasts."
        " Chlorophyll is a green pigment that captures light energy."
        " Respiration, the process by which cells release energy from food, takes place in the mitochondria."
        " Digestion, the process by which food is broken down into nutrients, begins in the mouth."
        " Transpiration, the process by which water evaporates from leaves, cools the plant."
    )
    document, sentences, _ = analysed(text, "biology")
    items = build_items([document], [sentences], BuildOptions(mcq_per_doc=10, cloze_per_doc=0)).items
    by_answer = {i.answer: i for i in items if i.type == "mcq"}
    assert (
        by_answer["Photosynthesis"].question == "Which term names the process by which plants make food from sunlight?"
    )
    assert by_answer["Chlorophyll"].question == "Which term names a green pigment that captures light energy?"
    for answer in ("Photosynthesis", "Chlorophyll"):
        assert all(d[0].isupper() for d in by_answer[answer].distractors)
    assert all(d[0].islower() for d in by_answer["tissue"].distractors)
    assert set(by_answer["Photosynthesis"].distractors) <= {"Respiration", "Digestion", "Transpiration"}


def test_lone_common_nouns_are_asked_only_when_the_author_singled_them_out():
    text = (
        "Tissues\n\n" + BIOLOGY.split("\n\n", 1)[1] + " The body needs food. The body uses food. Food feeds the body."
    )
    document, sentences, _ = analysed(text, "biology")
    items = build_items([document], [sentences], BuildOptions(mcq_per_doc=0, cloze_per_doc=10)).items
    answers = {i.answer.lower() for i in items}
    assert "body" not in answers and "food" not in answers


# Options and stems that give the answer away through another name for the same country.
COURSE = NEWS + (
    " Without Chinese backing, North Korea would struggle to survive."
    " China remains North Korea\u2019s primary economic benefactor, making Beijing\u2019s influence indispensable."
    " Lee wants to rebuild ties with North Korea, where Beijing\u2019s influence is crucial."
    " Pyongyang fired a missile toward Japan, and Washington protested to the United Nations."
    " In an interview with Chinese state broadcaster CCTV, Lee affirmed the importance of peace."
    " China was accused of not enforcing UN sanctions against Pyongyang in the region."
    " Japanese Prime Minister Sanae Takaichi met National Security Adviser Wi Sung Lac in Seoul on Friday."
    " Former President Yoon Suk Yeol had taken a more critical stance towards Beijing."
    " The itinerary includes a summit with President Xi on Monday and trade talks with Premier Li Qiang on Tuesday."
)


def facts_in(text: str, fragment: str, answer: str):
    _, sentences, mentions = analysed(text)
    pool = build_pool(mentions, [])
    sentence = sentence_with(sentences, fragment)
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence is sentence])
        if f.answer.text == answer
    )
    return fact, pool


def test_an_option_naming_a_country_of_the_sentence_another_way_is_not_offered():
    fact, pool = facts_in(COURSE, "Without Chinese backing", "Chinese")
    item = build_mcq(fact, pool, seed=0)
    assert item is not None and "North Korean" not in item.distractors  # "Without North Korean backing, North Korea"
    fact, pool = facts_in(COURSE, "rebuild ties with North Korea", "Beijing")
    item = build_mcq(fact, pool, seed=0)
    assert item is not None and "Pyongyang" not in item.distractors  # Pyongyang is North Korea


def test_a_stem_naming_the_answer_country_by_its_capital_gets_no_mcq():
    fact, pool = facts_in(COURSE, "primary economic benefactor", "China")
    assert distractors.gives_itself_away(fact)
    assert build_mcq(fact, pool, seed=0) is None
    assert build_cloze(fact).answer == "China"  # the cloze asks for the word, not a choice


def test_a_person_the_sentence_names_by_title_is_not_an_option():
    fact, pool = facts_in(COURSE, "summit with President Xi", "Li Qiang")
    item = build_mcq(fact, pool, seed=0)
    assert item is not None
    assert not any(same_entity(d, "Xi Jinping") for d in item.distractors)  # "a summit with President Xi ..."


def test_an_organisation_gets_options_of_its_own_class_or_no_mcq():
    fact, pool = facts_in(COURSE, "state broadcaster CCTV", "CCTV")
    item = build_mcq(fact, pool, seed=0)
    assert item is not None
    assert set(item.distractors) <= set(organizations.MEDIA) - {"CCTV"}
    fact, pool = facts_in(COURSE, "UN sanctions", "UN")
    assert build_mcq(fact, pool, seed=0) is None  # no other intergovernmental body to offer


@pytest.mark.parametrize(
    ("name", "cls"),
    [
        ("Yongin University", "university"),
        ("Hyundai Motor Group", "group"),
        ("NHK", "media"),
        ("UN", ""),
        ("THAAD", ""),
    ],
)
def test_organisation_classes(name, cls):
    assert organizations.org_class(name) == cls


def test_the_same_fact_from_a_second_reading_is_a_near_duplicate():
    first = ranking.sentence_words("Security on the Korean Peninsula is another critical item on the agenda.")
    again = ranking.sentence_words("A central item on the agenda is the security situation on the Korean Peninsula.")
    other = ranking.sentence_words("North Korea fired a missile into the sea near the Korean Peninsula on Sunday.")
    assert ranking.near_duplicate(first, again)
    assert not ranking.near_duplicate(first, other)


def test_a_gapped_sentence_naming_nothing_else_gets_no_mcq():
    text = COURSE + " One of the most sensitive topics during this visit is Taiwan."
    fact, pool = facts_in(text, "most sensitive topics", "Taiwan")
    assert not any(m.kind in {"person", "place", "organization", "group"} for m in fact.context)
    assert build_mcq(fact, pool, seed=0) is None  # China or North Korea would be as true
    assert build_cloze(fact).text == "One of the most sensitive topics during this visit is {{c1::Taiwan}}."


def test_a_nationality_the_readings_mention_once_comes_after_the_familiar_ones():
    text = COURSE + " A Venezuelan delegation also visited Seoul that week."
    fact, pool = facts_in(text, "Without Chinese backing", "Chinese")
    assert any(c.text == "Venezuelan" and c.count == 1 for c in pool.candidates)
    assert "Venezuelan" not in build_mcq(fact, pool, seed=0).distractors


TEXTBOOK = BIOLOGY + (
    " Photosynthesis is the process by which plants use sunlight, water and carbon dioxide to make glucose."
    " Cellular respiration is the process that releases energy from glucose in the mitochondria."
    " The heart is an organ that pumps blood through the body."
)


@pytest.mark.parametrize(
    ("definition", "genus"),
    [
        ("a group of many similar cells that work together", "group"),
        ("the smallest unit of life that can", "unit"),
        ("the process by which plants make food", "process"),
        ("an organ that pumps blood", "organ"),
    ],
)
def test_the_genus_of_a_definition(definition, genus):
    assert facts.genus(definition) == genus


def textbook_items():
    document, sentences, mentions = analysed(TEXTBOOK, "biology")
    items = build_items([document], [sentences], BuildOptions(mcq_per_doc=10, cloze_per_doc=10)).items
    return {i.answer.lower(): i for i in items if i.type == "mcq"}, {
        i.answer.lower(): i for i in items if i.type == "cloze"
    }


def test_a_structure_is_never_offered_for_a_process_nor_a_process_for_a_structure():
    mcqs, clozes = textbook_items()
    processes = {"photosynthesis", "cellular respiration"}
    for answer in ("cell", "tissue", "organ", "organ system"):
        assert not processes & {d.lower() for d in mcqs[answer].distractors}, mcqs[answer]
    # one sibling process is not enough for fair options: the definition becomes a blank instead
    assert "photosynthesis" not in mcqs
    assert clozes["photosynthesis"].text.startswith("{{c1::Photosynthesis}} is the process by which")


def test_a_term_defined_as_one_of_the_readings_terms_gets_its_own_level_of_options():
    """'The heart is an organ ...': other organs would do, but cell or tissue are the wrong level."""
    mcqs, clozes = textbook_items()
    assert "heart" not in mcqs or not {"cell", "tissue", "organ system"} & set(mcqs["heart"].distractors)
    assert terms.cohyponyms("heart", "organ") == ["stomach", "liver"]  # the organ, not the feeling


def test_a_nationality_asked_right_before_a_named_leader_gets_no_mcq():
    text = COURSE + " Lee will hold a summit with Chinese leader Xi Jinping in Beijing next month."
    fact, pool = facts_in(text, "summit with Chinese leader", "Chinese")
    assert build_mcq(fact, pool, seed=0) is None  # only asks where Xi Jinping is from
    fact, pool = facts_in(COURSE, "Without Chinese backing", "Chinese")
    assert build_mcq(fact, pool, seed=0) is not None


def test_decade_distractors_are_other_decades():
    _, sentences, mentions = analysed(
        "Dick Clark's dance party of the 1950s shaped American broadcasting for decades afterwards."
    )
    fact = next(f for f in facts.entity_facts(sentences[0], mentions) if f.answer.text == "1950s")
    options = distractors.choose(fact, build_pool(mentions, []), sentences[0].text, random.Random(1))
    assert len(options) == 3 and all(o.endswith("0s") and o != "1950s" for o in options)


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


def test_an_opinion_in_definition_form_is_not_a_definition():
    _, sentences, _ = analysed("The best evidence is a sudden infestation by a new species of lawyers.")
    assert facts.definition_facts(sentences[0]) == []


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


def test_the_same_article_given_twice_gives_its_items_once(tmp_path, seeds_dir):
    """Not zero items (every sentence 'repeated'), and not every question twice."""
    from quizwright.pipeline import build_bank

    article = sorted(seeds_dir.glob("*.txt"))[2]
    (tmp_path / "a.txt").write_bytes(article.read_bytes())
    (tmp_path / "b.txt").write_bytes(article.read_bytes())
    bank = build_bank([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "bank.yaml").bank
    assert len(bank.items) >= 8
    assert {item.source.doc for item in bank.items} == {"a"}


def test_a_named_persons_own_country_is_no_wrong_option_for_a_nationality():
    """'As President Lee engages with _____ leadership': 'South Korean' is absurd, Lee is one."""
    text = (
        NEWS + " South Korean President Lee Jae Myung flew to Beijing on Sunday for the talks."
        " As President Lee engages with Chinese leadership, the world watches the talks closely."
        " South Korean and Japanese firms and Korean traders followed the summit in Seoul."
    )
    document, sentences, mentions = analysed(text)
    pool = build_pool(mentions, [])
    assert pool.named("leejaemyung").nationality == "South Korean"
    sentence = sentence_with(sentences, "engages with")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence == sentence])
        if f.answer.text == "Chinese"
    )
    options = distractors.choose(fact, pool, sentence.text, random.Random(0))
    assert options and not {"South Korean", "Korean"} & set(options)
    unknown = replace(pool, candidates=tuple(replace(c, nationality="") for c in pool.candidates))
    assert "South Korean" in distractors.choose(fact, unknown, sentence.text, random.Random(0))


def test_a_name_the_tagger_took_for_a_common_word_is_found_when_the_set_names_the_person():
    """'asked Xi in earlier meetings': the tagger reads Xi as the Greek letter (NN)."""
    from quizwright.analysis.resolution import with_missed_names

    _, sentences, _ = analysed(
        NEWS + " Lee has already asked Xi in earlier meetings to help persuade North Korea to return to talks."
    )
    found = [m for s in sentences for m in find_mentions(s)]
    sentence = sentence_with(sentences, "earlier meetings")
    assert "Xi" not in [m.text for m in found if m.sentence == sentence]
    recovered = resolve(with_missed_names(sentences, found))
    xi = [m for m in recovered if m.sentence == sentence and m.text == "Xi"]
    assert [(m.kind, m.key) for m in xi] == [("person", "xijinping")]
    assert len(recovered) == len(found) + 1  # nothing else added


def test_a_stated_nationality_keeps_people_of_another_out_of_the_options():
    """'Japanese Prime Minister _____': not the man the readings call South Korean President."""
    text = (
        NEWS + " South Korean President Lee Jae Myung flew to Beijing on Sunday for the talks."
        " The remarks by Japanese Prime Minister Sanae Takaichi worried officials in the region greatly."
    )
    document, sentences, mentions = analysed(text)
    pool = build_pool(mentions, [])
    sentence = sentence_with(sentences, "Sanae Takaichi")
    fact = next(
        f
        for f in facts.entity_facts(sentence, [m for m in mentions if m.sentence == sentence])
        if f.answer.kind == "person"
    )
    found = [c.text for c in names.entity_options(fact, pool)]
    assert "Lee Jae Myung" not in found and "Li Qiang" in found  # Li's nationality is not stated: he may stay
