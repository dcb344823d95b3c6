"""Sentences that define a term, the term they define, and the class they put it in."""

import pytest

from conftest import analysed
from quizwright.analysis.definitions import find_definition


@pytest.mark.parametrize(
    ("sentence", "key", "genus", "called"),
    [
        (
            "A tissue is a group of many similar cells that work together to perform a function.",
            "tissue",
            "group",
            False,
        ),
        ("An immobile or nearly immobile joint is called a synarthrosis.", "synarthrosis", "joint", True),
        (
            "An organic compound, then, is a substance that contains both carbon and hydrogen.",
            "organic compound",
            "substance",
            False,
        ),
        (
            "An element\u2019s mass number is the sum of the number of protons and neutrons in its nucleus.",
            "mass number",
            "sum",
            False,
        ),
        (
            "Two solutions that have the same concentration of solutes are said to be isotonic (equal tension).",
            "isotonic",
            "solution",
            True,
        ),
        (
            "When a broken bone is set into its natural position without surgery, the procedure is called a closed "
            "reduction.",
            "closed reduction",
            "procedure",
            True,
        ),
        (
            "For cells in the body to survive, they must be kept moist in a water-based liquid called a solution.",
            "solution",
            "liquid",
            True,
        ),
        (
            "Ecology, the study of how organisms interact with their environment, began in the 1800s.",
            "ecology",
            "study",
            False,
        ),
        ("Necrosis, or accidental cell death, causes inflammation.", "necrosis", "death", False),
        (
            "Damaged cells release signals that evoke local vasodilation, the widening of the blood vessels.",
            "vasodilation",
            "widening",
            False,
        ),
        (
            "A receptor is a type of recognition protein that can bind a specific molecule.",
            "receptor",
            "protein",
            False,
        ),
        ("A long bone is one that is cylindrical in shape, being longer than it is wide.", "long bone", "bone", False),
        (
            "Thus, cognitive psychology is the area of psychology that focuses on thoughts.",
            "cognitive psychology",
            "area",
            False,
        ),
        (
            "Interstitial fluid (IF) is the term given to extracellular fluid not contained within blood vessels.",
            "interstitial fluid",
            "term",
            False,
        ),
        (
            "Apoptosis is programmed cell death, a normal process that destroys cells no longer needed.",
            "apoptosis",
            "death",
            False,
        ),
        ("Social psychology focuses on how we interact with and relate to others.", "social psychology", "", False),
        (
            "An oligopotent stem cell is limited to becoming one of a few different cell types.",
            "oligopotent stem cell",
            "cell",
            False,
        ),  # a rare word makes a kind of stem cell, and the sentence says what sets it apart
        (
            "A fibrous joint is where the adjacent bones are united by fibrous connective tissue.",
            "fibrous joint",
            "joint",
            False,
        ),
        (
            "A uniaxial joint only allows for a motion in a single plane (around a single axis).",
            "uniaxial joint",
            "joint",
            False,
        ),
        (
            "Deception involves misleading experiment participants in order to keep a study valid.",
            "deception",
            "",
            False,
        ),
        (
            "Subterfuge involves deliberately misleading the participants in order to keep a study valid.",
            "subterfuge",
            "",
            False,
        ),
        (
            "As its name suggests, a surface protein is a protein that is found on the outer surface.",
            "surface protein",
            "protein",
            False,
        ),
        (  # the textbook's own voice
            "You can now define a buffer as a solution that keeps its pH when an acid or a base is added.",
            "buffer",
            "solution",
            False,
        ),
        (  # 'one of a class of proteins' names its genus, where 'one of the most ...' does not
            "A growth factor is one of a class of proteins that bind to receptors on a cell and make it divide.",
            "growth factor",
            "protein",
            False,
        ),
    ],
)
def test_a_definition_gives_its_term_and_genus(sentence, key, genus, called):
    _, sentences, _ = analysed(sentence, "book")
    found = find_definition(sentences[0])
    assert found is not None
    assert (found.key, found.called) == (key, called)
    assert genus == "" or found.genus == genus


@pytest.mark.parametrize(
    "sentence",
    [
        "The best evidence is a sudden infestation by a new species of lawyers.",  # an opinion
        "Behaviorism is largely responsible for establishing psychology as a science.",  # what it did
        "Water is essential to the human body in many different ways.",  # a property of a common word
        "Sometimes a mixture of dead leukocytes and fluid called pus accumulates in the wound.",  # 'pus accumulates'
        "A new drug has the potential to cure the disease in most of the patients who take it.",  # no kind of drug
        "Phospholipids are thus amphipathic molecules with a head and two tails.",  # 'thus': a conclusion
        "Insulin is one of the most studied hormones of the human body.",  # a rank, not a class
    ],
)
def test_not_a_definition(sentence):
    _, sentences, _ = analysed(sentence, "book")
    found = find_definition(sentences[0])
    not_terms = {"insulin", "best evidence", "behaviorism", "water", "pus accumulates", "new drug", "phospholipid"}
    assert found is None or found.key not in not_terms


def test_a_kind_of_a_term_is_asked_which_term_names_the_kind():
    """'An oligopotent stem cell is limited to ...' reads 'a cell that is limited to ...': its
    question names a cell, not the sentence's verb, and does not repeat the answer's 'stem'."""
    from quizwright.builders.items import definition_question

    _, sentences, _ = analysed("An oligopotent stem cell is limited to becoming one of a few different cell types.")
    found = find_definition(sentences[0])
    assert found is not None
    assert definition_question(found, "oligopotent stem cell") == (
        "Which term names a cell that is limited to becoming one of a few different cell types?"
    )


def test_an_aside_closing_a_definition_is_left_out_of_its_question():
    """'... in a single plane (around a single axis)': the aside spells out 'uniaxial'."""
    from quizwright.builders.items import definition_question

    _, sentences, _ = analysed("A uniaxial joint only allows for a motion in a single plane (around a single axis).")
    found = find_definition(sentences[0])
    assert found is not None
    assert (
        definition_question(found, "uniaxial joint")
        == "Which term names a joint that only allows for a motion in a single plane?"
    )


def test_a_qualification_closing_a_definition_is_left_out():
    """', but not to the point where the subterfuge ...': it says the term again, and what the
    term is not; the question is what it is."""
    _, sentences, _ = analysed(
        "Subterfuge involves deliberately misleading the participants in order to keep a study valid, "
        "but not to the point where the subterfuge could harm them.",
        "book",
    )
    found = find_definition(sentences[0])
    assert found is not None
    assert found.definition == "deliberately misleading the participants in order to keep a study valid"


def test_a_clause_that_names_the_definitions_own_act_goes_on_defining():
    """', and this binding changes ...' after 'a protein that can bind ...' is part of what the
    protein is (without it, any binding protein fits), asked as ', a binding that changes ...'
    (a question ending '..., and this binding changes ...?' was judged garbled); ', and it is
    ...' goes on from it."""
    _, sentences, _ = analysed(
        "A transporter is a type of membrane protein that can selectively bind a specific solute, "
        "and this binding changes the shape of the protein. "
        "A hypothesis is a testable prediction about how the world will behave, and it is often worded as a question.",
        "book",
    )
    binding, testable = (find_definition(s) for s in sentences)
    assert binding is not None and binding.definition.endswith(", a binding that changes the shape of the protein")
    assert testable is not None and testable.definition == "a testable prediction about how the world will behave"
