"""Ranking and selection: the same fact is asked once, and each answer the way it is best asked."""

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from quizwright.analysis.text import analyse
from quizwright.builders import ranking
from quizwright.builders.items import cloze_item, mcq_item
from quizwright.models import AnswerKind, Document


def test_the_same_fact_from_a_second_reading_is_a_near_duplicate():
    first = ranking.sentence_words("Security on the Korean Peninsula is another critical item on the agenda.")
    again = ranking.sentence_words("A central item on the agenda is the security situation on the Korean Peninsula.")
    other = ranking.sentence_words("North Korea fired a missile into the sea near the Korean Peninsula on Sunday.")
    assert ranking.near_duplicate(first, again)
    assert not ranking.near_duplicate(first, other)


def candidate(sentence: str, answer: str, key: str, score: float) -> ranking.Candidate:
    start = sentence.index(answer)
    document = Document("cells", "cells.txt", "", sentence)
    (analysed,) = [s for s in analyse(document) if not s.is_heading]
    item = cloze_item(analysed, start, start + len(answer), AnswerKind.TERM)
    return ranking.Candidate(item, key, {}, score)


def test_two_names_of_one_term_are_asked_once_but_a_term_and_its_kinds_each():
    """Judged blind as duplicates: 'lipid bilayer' beside 'phospholipid bilayer', 'pluripotent'
    beside 'pluripotent stem cell'. 'diffusion' and 'simple diffusion' are two things."""
    found = [
        candidate("The cell membrane is made of a phospholipid bilayer with proteins in it.", "phospholipid bilayer",
                  "term:phospholipid bilayer", 0.9),
        candidate("The lipid bilayer forms the basis of the cell membrane of every cell.", "lipid bilayer",
                  "term:lipid bilayer", 0.8),
        candidate("Oxygen crosses the cell membrane by diffusion from high to low concentration.", "diffusion",
                  "term:diffusion", 0.85),
        candidate("Charged atoms cannot cross the cell membrane by simple diffusion at any rate.", "simple diffusion",
                  "term:simple diffusion", 0.75),
    ]  # fmt: skip
    chosen = ranking.select(found, 10, {}, {}).chosen
    assert sorted(c.answer_key for c in chosen) == [
        "term:diffusion",
        "term:phospholipid bilayer",
        "term:simple diffusion",
    ]


def mcq_candidate(sentence: str, answer: str, kind: AnswerKind, key: str, score: float) -> ranking.Candidate:
    start = sentence.index(answer)
    document = Document("visit", "visit.txt", "", sentence)
    (analysed,) = [s for s in analyse(document) if not s.is_heading]
    question = sentence[:start] + "_____" + sentence[start + len(answer) :]
    item = mcq_item(analysed, start, start + len(answer), kind, question, ["Japan", "Taiwan", "Russia"])
    return ranking.Candidate(item, key, {}, score)


def test_a_name_is_asked_as_multiple_choice_and_a_term_as_a_cloze():
    """Judged blind in round 10: MCQs on names with the reading's own names as options were kept
    (11 of 13 kept or fixed); MCQs on terms are kept far less often than their clozes."""
    china = "China is the biggest trading partner of South Korea by far."
    named = [
        candidate(china, "China", "place:china", 0.7),
        mcq_candidate(china, "China", AnswerKind.PLACE, "place:china", 0.55),
    ]
    named[0].item = replace(named[0].item, answer_kind=AnswerKind.PLACE)
    assert [c.item.type for c in ranking.select(named, 10, {}, {}).chosen] == ["mcq"]
    tariff = "A tariff is a tax on goods that cross the border of South Korea."
    terms = [
        candidate(tariff, "tariff", "term:tariff", 0.7),
        mcq_candidate(tariff, "tariff", AnswerKind.TERM, "term:tariff", 0.55),
    ]
    assert [c.item.type for c in ranking.select(terms, 10, {}, {}).chosen] == ["cloze"]


def test_a_reports_finding_is_asked_as_multiple_choice_in_its_own_unit():
    """Judged blind in round 13: 'up to ___ from its source' as a cloze is recall of one study's
    exact figure (trivial); as an MCQ among figures in its unit it asks what the study found."""
    found = "The bacteria can spread through the air up to 6 kilometres from a cooling tower."
    figure = [
        candidate(found, "6 kilometres", "number:number:6kilometres", 0.68),
        mcq_candidate(found, "6 kilometres", AnswerKind.NUMBER, "number:number:6kilometres", 0.55),
    ]
    figure[0].item = replace(figure[0].item, answer_kind=AnswerKind.NUMBER)
    assert [c.item.type for c in ranking.select(figure, 10, {}, {}).chosen] == ["mcq"]


WORDS = st.frozensets(st.sampled_from(["korea", "china", "trade", "partner", "summit", "visit", "leader", "talks"]))


@given(st.lists(WORDS, max_size=12), WORDS)
def test_the_sentence_index_finds_what_weighing_every_sentence_asked_finds(asked, words):
    index = ranking.SentenceIndex(asked)
    expected = any(ranking.near_duplicate(words, e, ranking.SAME_FACT) for e in asked)
    assert index.tells_the_same_fact(words) == expected
