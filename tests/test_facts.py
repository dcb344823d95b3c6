"""Which sentences are worth asking about, and which of their words: facts on small texts."""

import pytest

from conftest import BIOLOGY, analysed
from quizwright import facts
from quizwright.pipeline import BuildOptions, build_items


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


def test_lone_common_nouns_are_asked_only_when_the_author_singled_them_out():
    text = (
        "Tissues\n\n" + BIOLOGY.split("\n\n", 1)[1] + " The body needs food. The body uses food. Food feeds the body."
    )
    document, sentences, _ = analysed(text, "biology")
    items = build_items([document], [sentences], BuildOptions(mcq_per_doc=0, cloze_per_doc=10)).items
    answers = {i.answer.lower() for i in items}
    assert "body" not in answers and "food" not in answers


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


def test_an_opinion_in_definition_form_is_not_a_definition():
    _, sentences, _ = analysed("The best evidence is a sudden infestation by a new species of lawyers.")
    assert facts.definition_facts(sentences[0]) == []
