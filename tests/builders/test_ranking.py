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


def test_two_sentences_alike_but_for_what_each_is_about_tell_two_facts():
    """'Passive transport is the movement ... without energy' and 'active transport is the
    movement ... using energy' share most words but define two terms (the second was dropped as
    the same fact); a sentence that tells a kept fact again, naming its answer, still goes."""
    found = [
        candidate("Passive transport is the movement of substances across the membrane without the expenditure of "
                  "cellular energy.", "Passive transport", "term:passive transport", 0.95),
        candidate("Active transport is the movement of substances across the membrane using energy from ATP.",
                  "Active transport", "term:active transport", 0.9),
        candidate("Passive transport, the movement of substances across the membrane, takes no cellular energy.",
                  "membrane", "term:membrane", 0.85),
    ]  # fmt: skip
    chosen = ranking.select(found, 10, {}, {}).chosen
    assert sorted(c.answer_key for c in chosen) == ["term:active transport", "term:passive transport"]


def test_two_names_of_one_term_are_asked_once_but_a_term_and_its_kinds_each():
    """Judged blind as duplicates: 'lipid bilayer' beside 'phospholipid bilayer', 'pluripotent'
    beside 'pluripotent stem cell'. 'diffusion' and 'simple diffusion', 'stem cell' and 'oligopotent
    stem cell' are two things."""
    found = [
        candidate("The cell membrane is made of a phospholipid bilayer with proteins in it.", "phospholipid bilayer",
                  "term:phospholipid bilayer", 0.9),
        candidate("The lipid bilayer forms the basis of the cell membrane of every cell.", "lipid bilayer",
                  "term:lipid bilayer", 0.8),
        candidate("Oxygen crosses the cell membrane by diffusion from high to low concentration.", "diffusion",
                  "term:diffusion", 0.85),
        candidate("Charged atoms cannot cross the cell membrane by simple diffusion at any rate.", "simple diffusion",
                  "term:simple diffusion", 0.75),
        candidate("A stem cell is an unspecialized cell that can divide without limit as needed.", "stem cell",
                  "term:stem cell", 0.7),
        candidate("An oligopotent stem cell is limited to becoming one of a few cell types.", "oligopotent stem cell",
                  "term:oligopotent stem cell", 0.65),
    ]  # fmt: skip
    chosen = ranking.select(found, 10, {}, {}).chosen
    assert sorted(c.answer_key for c in chosen) == [
        "term:diffusion",
        "term:oligopotent stem cell",
        "term:phospholipid bilayer",
        "term:simple diffusion",
        "term:stem cell",
    ]


def test_a_thing_and_one_named_after_it_are_two_answers():
    """'electron' and 'electron shell' are two things (a particle, a layer of them), where
    'pluripotent' and 'pluripotent stem cell' name one: an adjective alone is that kind's name."""
    found = [
        candidate("An electron has about one two-thousandth of the mass of a proton.", "electron", "term:electron", 0.9),
        candidate("An electron shell is a layer of electrons around the nucleus of an atom.", "electron shell",
                  "term:electron shell", 0.8),
        candidate("Embryonic cells are pluripotent in the first days of development.", "pluripotent",
                  "term:pluripotent", 0.85),
        candidate("A pluripotent stem cell can become any type of tissue of the body.", "pluripotent stem cell",
                  "term:pluripotent stem cell", 0.7),
    ]  # fmt: skip
    chosen = ranking.select(found, 10, {}, {}).chosen
    assert sorted(c.answer_key for c in chosen) == ["term:electron", "term:electron shell", "term:pluripotent"]


def test_two_terms_whose_sentences_each_name_the_other_tell_one_fact():
    """'The ___ (cell membrane) consists of two layers of phospholipids' and 'The ___ (lipid
    bilayer) forms the basis of the cell membrane': each sentence names the other's answer or a
    word of it ('lipid' in 'phospholipid'): judged duplicates. A sentence that names the other's
    answer only one way round tells a fact of its own."""
    membrane = replace(
        candidate(
            "The cell membrane consists of two adjacent layers of phospholipids.",
            "cell membrane",
            "term:cell membrane",
            0.9,
        ),
        names=frozenset({"term:phospholipid"}),
    )
    bilayer = replace(
        candidate(
            "The lipid bilayer forms the basis of the cell membrane of every cell.",
            "lipid bilayer",
            "term:lipid bilayer",
            0.8,
        ),
        names=frozenset({"term:cell membrane"}),
    )
    proteins = replace(
        candidate("Integral proteins are embedded in the cell membrane and span its width.", "Integral proteins",
                  "term:integral protein", 0.7),
        names=frozenset({"term:cell membrane"}),
    )  # fmt: skip
    chosen = ranking.select([membrane, bilayer, proteins], 10, {}, {}).chosen
    assert sorted(c.answer_key for c in chosen) == ["term:cell membrane", "term:integral protein"]


def test_a_field_and_the_people_in_it_are_one_answer():
    """'Social psychology focuses on how we relate to others' and 'Social psychologists conduct
    research on ...': judged duplicates by both panels of rounds 26 and 27. 'social psychology'
    and 'clinical psychology' are two answers."""
    found = [
        candidate("Social psychology focuses on how we interact with and relate to others.", "Social psychology",
                  "term:social psychology", 0.9),
        candidate("Social psychologists conduct research on how we explain the behavior of others.",
                  "Social psychologists", "term:social psychologist", 0.8),
        candidate("Clinical psychology focuses on the diagnosis and treatment of disorders.", "Clinical psychology",
                  "term:clinical psychology", 0.7),
    ]  # fmt: skip
    chosen = ranking.select(found, 10, {}, {}).chosen
    assert sorted(c.answer_key for c in chosen) == ["term:clinical psychology", "term:social psychology"]


def mcq_candidate(sentence: str, answer: str, kind: AnswerKind, key: str, score: float) -> ranking.Candidate:
    start = sentence.index(answer)
    document = Document("visit", "visit.txt", "", sentence)
    (analysed,) = [s for s in analyse(document) if not s.is_heading]
    question = sentence[:start] + "_____" + sentence[start + len(answer) :]
    item = mcq_item(analysed, start, start + len(answer), kind, question, ["Japan", "Taiwan", "Russia"])
    return ranking.Candidate(item, key, {}, score)


def chosen_type(sentence: str, answer: str, kind: AnswerKind, cloze_score: float, mcq_score: float) -> list[str]:
    """Which of a cloze and an MCQ of one answer select keeps."""
    key = f"{kind}:{answer.lower()}"
    both = [candidate(sentence, answer, key, cloze_score), mcq_candidate(sentence, answer, kind, key, mcq_score)]
    both[0].item = replace(both[0].item, answer_kind=kind)
    return [c.item.type for c in ranking.select(both, 10, {}, {}).chosen]


def test_a_name_is_asked_as_multiple_choice_and_a_term_as_a_cloze():
    """Judged blind in round 10: MCQs on names with the reading's own names as options were kept
    (11 of 13 kept or fixed); MCQs on terms are kept far less often than their clozes."""
    china = "China is the biggest trading partner of South Korea by far."
    assert chosen_type(china, "China", AnswerKind.PLACE, 0.7, 0.55) == ["mcq"]
    tariff = "A tariff is a tax on goods that cross the border of South Korea."
    assert chosen_type(tariff, "tariff", AnswerKind.TERM, 0.7, 0.55) == ["cloze"]


def test_a_definition_is_asked_as_which_term_names_it():
    """A definition asked as 'Which term names ...?' among terms of its category was kept in all
    24 verdicts of rounds 30-37; taken as its cloze, an anatomy bank had 3 MCQs in 77 items.
    The same term in a stem with a blank ('___ is the diffusion of water ...') stays a cloze."""
    sentence = "Osmosis is the diffusion of water through a semipermeable membrane."
    cloze = candidate(sentence, "Osmosis", "term:osmosis", 0.95)
    mcq = mcq_candidate(sentence, "Osmosis", AnswerKind.TERM, "term:osmosis", 0.85)
    mcq.features = {"wh_question": 1.0, "defined_here": 1.0}
    assert [c.item.type for c in ranking.select([cloze, mcq], 10, {}, {}).chosen] == ["mcq"]
    mcq.features = {"wh_question": 0.0, "defined_here": 1.0}
    assert [c.item.type for c in ranking.select([cloze, mcq], 10, {}, {}).chosen] == ["cloze"]


def test_a_reports_finding_is_asked_as_multiple_choice_in_its_own_unit():
    """Judged blind in round 13: 'up to ___ from its source' as a cloze is recall of one study's
    exact figure (trivial); as an MCQ among figures in its unit it asks what the study found."""
    found = "The bacteria can spread through the air up to 6 kilometres from a cooling tower."
    assert chosen_type(found, "6 kilometres", AnswerKind.NUMBER, 0.68, 0.55) == ["mcq"]


WORDS = st.frozensets(st.sampled_from(["korea", "china", "trade", "partner", "summit", "visit", "leader", "talks"]))


@given(st.lists(WORDS, max_size=12), WORDS, WORDS)
def test_the_sentence_index_finds_what_weighing_every_sentence_asked_finds(asked, words, answer):
    """With an answer, only the sentences naming all of it count (the index looks at no other)."""
    index = ranking.SentenceIndex(asked)
    expected = any(ranking.near_duplicate(words, e, ranking.SAME_FACT) for e in asked)
    assert index.tells_the_same_fact(words) == expected
    named = any(ranking.near_duplicate(words, e, ranking.SAME_FACT) and answer <= e for e in asked)
    assert index.tells_the_same_fact(words, answer) == named


def named(sentence: str, answer: str, key: str, score: float, names: set[str]) -> ranking.Candidate:
    c = candidate(sentence, answer, key, score)
    c.names = frozenset(names)
    return c


def test_an_item_relating_what_a_kept_item_relates_is_a_duplicate():
    """Judged blind as duplicates: each answer beside the other, or one answer and a phrase
    beside it standing in the other's sentence too."""
    freud = named(
        "Freud theorized that his patients' problems arose from the unconscious mind.",
        "Freud",
        "person:sigmundfreud",
        0.9,
        {"term:unconscious mind"},
    )
    view = named(
        "In Freud's view, the unconscious mind was a repository of urges we are not aware of.",
        "unconscious mind",
        "term:unconscious mind",
        0.8,
        {"person:sigmundfreud"},
    )
    general = named(
        "Deductive reasoning begins with a generalization used to reach logical conclusions.",
        "generalization",
        "term:generalization",
        0.85,
        {"term:deductive reasoning", "term:logical conclusion"},
    )
    deduced = named(
        "If the hypothesis holds, the logical conclusions reached through deductive reasoning hold.",
        "deductive reasoning",
        "term:deductive reasoning",
        0.7,
        {"term:logical conclusion", "term:hypothesis"},
    )
    chosen = ranking.select([freud, view, general, deduced], 10, {}, {}).chosen
    assert sorted(c.answer_key for c in chosen) == ["person:sigmundfreud", "term:generalization"]


def test_items_sharing_only_a_common_word_or_a_main_actor_both_stay():
    """'molecule' beside 'receptor' and 'ligand', 'South Korea' beside 'China' and 'Japan' relate nothing in particular."""
    receptor = named(
        "A receptor is a recognition protein that can bind a specific molecule outside the cell.",
        "receptor",
        "term:receptor",
        0.9,
        {"term:molecule", "term:recognition protein"},
    )
    ligand = named(
        "A ligand is the molecule that attaches to and activates a receptor.",
        "ligand",
        "term:ligand",
        0.8,
        {"term:molecule", "term:receptor"},
    )
    china = named(
        "China, as South Korea's largest trading partner, wields considerable economic influence.",
        "China",
        "place:china",
        0.9,
        {"place:southkorea"},
    )
    japan = named(
        "China may court South Korea while its quarrel with Japan grows over the islands.",
        "Japan",
        "place:japan",
        0.8,
        {"place:china", "place:southkorea"},
    )
    chosen = ranking.select([receptor, ligand, china, japan], 10, {}, {}).chosen
    assert len(chosen) == 4


def test_two_places_named_together_in_two_items_both_stay():
    japan = named(
        "The quarrel between China and Japan grew after remarks on an attack on Taiwan.",
        "Japan",
        "place:japan",
        0.9,
        {"place:china", "place:taiwan"},
    )
    taiwan = named(
        "Park says China wants South Korea to keep its distance from Japan over Taiwan.",
        "Taiwan",
        "place:taiwan",
        0.8,
        {"place:china", "place:japan", "place:southkorea"},
    )
    assert len(ranking.select([japan, taiwan], 10, {}, {}).chosen) == 2


def test_the_next_sentence_naming_an_asked_answer_tells_its_fact_again_unless_one_defines():
    """'___ (Mesenchyme) gives rise to the bones of the upper and lower limbs' and then 'the ___
    (appendicular skeleton) arises from mesenchyme': judged duplicates by every panel of rounds
    42-57. A definition beside it is a fact of its own ('A ligand is the specific molecule that
    binds to and activates a receptor', kept in every verdict)."""
    mesenchyme = candidate(
        "Mesenchyme gives rise to the bones of the upper and lower limbs.", "Mesenchyme", "term:mesenchyme", 0.9
    )
    skeleton = candidate(
        "The appendicular skeleton arises from mesenchyme, an embryonic tissue.",
        "appendicular skeleton",
        "term:appendicular skeleton",
        0.8,
    )
    mesenchyme.at, skeleton.at = 10, 11
    skeleton.names = frozenset({"term:mesenchyme"})
    assert [c.answer_key for c in ranking.select([mesenchyme, skeleton], 10, {}, {}).chosen] == ["term:mesenchyme"]
    skeleton.at = 14  # not the next sentence: another fact about the same things
    assert len(ranking.select([mesenchyme, skeleton], 10, {}, {}).chosen) == 2
    skeleton.at, skeleton.features = 11, {"defined_here": 1.0}
    assert len(ranking.select([mesenchyme, skeleton], 10, {}, {}).chosen) == 2
