"""Wrong options for terms: siblings of the same level and class, in the answer's case."""

from quizwright.analysis.entities import find_mentions
from quizwright.analysis.resolution import resolve
from quizwright.analysis.text import analyse
from quizwright.builders.distractors import terms
from quizwright.models import Document
from quizwright.pipeline import BuildOptions, build_items

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


TEXTBOOK = BIOLOGY + (
    " Photosynthesis is the process by which plants use sunlight, water and carbon dioxide to make glucose."
    " Cellular respiration is the process that releases energy from glucose in the mitochondria."
    " The heart is an organ that pumps blood through the body."
)


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
