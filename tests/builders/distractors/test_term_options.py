"""Wrong options for terms: siblings of the same level and class, in the answer's case."""

from conftest import BIOLOGY, analysed, textbook_items
from quizwright.builders.distractors import terms
from quizwright.pipeline import BuildOptions, build_items


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
