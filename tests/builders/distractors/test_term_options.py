"""Wrong options for a key term: terms of its category, from its own reading, in its form."""

import random

from conftest import BIOLOGY, MEMBRANE, candidates_of, model_of
from quizwright.analysis import lexicon
from quizwright.builders.distractors import kinship, terms
from quizwright.builders.distractors.forms import inflected_like

FEEDBACK = (
    "Homeostasis\n\n"
    "The body is organized in levels: the cell level, the tissue level, the organ level and the organism level. "
    "A negative feedback loop keeps a physiological value near its normal range. "
    "A sensor is the component of a feedback system that monitors a physiological value. "
    "A control center is the component of a feedback system that compares the value to the normal range. "
    "An effector is the component of a feedback system that acts to return the value to normal. "
    "An amplifier is the component of a feedback system that strengthens the signal along the loop. "
    "The sensor sends the value to the control center, and the control center signals the effector. "
    "The organism level is the highest level of organization, and the cell level is the lowest level. "
)


def test_options_are_of_the_keys_category_not_merely_of_the_reading():
    """The issue's case: parts of a feedback loop, never levels of organisation, for a part of one."""
    mcqs = {i.answer: i for i in candidates_of(FEEDBACK, "homeostasis") if i.type == "mcq"}
    control = mcqs["control center"]
    assert control.question == (
        "Which term names the component of a feedback system that compares the value to the normal range?"
    )
    assert set(control.distractors) == {"sensor", "effector", "amplifier"}


def test_textbook_definitions_with_capitalised_terms_get_options_in_the_same_case():
    text = BIOLOGY + (
        " Photosynthesis, the process by which plants make food from sunlight, takes place in the chloroplasts."
        " Respiration, the process by which cells release energy from food, takes place in the mitochondria."
        " Digestion, the process by which food is broken down into nutrients, begins in the mouth."
        " Transpiration, the process by which water evaporates from leaves, cools the plant."
    )
    mcqs = {i.answer: i for i in candidates_of(text, "biology") if i.type == "mcq"}
    photosynthesis = mcqs["Photosynthesis"]
    assert photosynthesis.question == "Which term names the process by which plants make food from sunlight?"
    assert set(photosynthesis.distractors) <= {"Respiration", "Digestion", "Transpiration"}


def test_a_wider_term_or_the_definitions_own_words_are_never_options():
    """'feedback loop' is what a control center is part of; 'component' is the class its definition names."""
    model = model_of(FEEDBACK, "homeostasis")
    key = model.terms["control center"]
    defining = terms.content_words(terms._definitions_of(key.key, model)) | {key.genus}
    assert terms.second_answer(key, model.terms["component"], defining, model)  # its genus
    for other in ("sensor", "effector", "amplifier"):
        assert not terms.second_answer(key, model.terms[other], defining, model)
    assert kinship.is_a("heart", "organ") and not kinship.is_a("heart", "lung")


def test_options_take_the_answers_number_and_never_a_word_of_the_stem():
    model = model_of(
        "Bones\n\nA long bone is a bone that is longer than it is wide. A short bone is a bone as wide as it is long. "
        "A flat bone is a thin bone that protects organs. A sesamoid bone is a small round bone inside a tendon. "
        "Long bones and short bones and flat bones and sesamoid bones make up the skeleton.",
        "bones",
    )
    found = terms.term_options(
        model.terms["flat bone"], "flat bones", "The skull is made of _____.", model, [], random.Random(0)
    )
    assert found is not None and all(o.text.endswith("bones") for o in found)
    assert {o.text for o in found} == {"long bones", "short bones", "sesamoid bones"}
    stem = "A sesamoid bone sits inside a tendon, shorter than a _____."
    assert all(
        "short" not in o.text
        for o in terms.term_options(model.terms["long bone"], "long bone", stem, model, [], random.Random(0)) or []
    )


def test_inflected_like_the_answer():
    assert inflected_like("bone", "tendons") == "bones"
    assert inflected_like("bones", "tendon") == "bone"
    assert inflected_like("respiration", "Digestion") == "Respiration"
    assert inflected_like("information", "solutes") == ""  # 'informations' reads as a mistake


def test_a_kind_the_key_also_is_is_never_an_option():
    """Judged blind: 'membrane proteins' offered beside 'integral proteins' (the reading speaks of
    integral membrane proteins: both are right)."""
    model = model_of(MEMBRANE, "membrane")
    key = model.terms["integral protein"]
    defining = terms.content_words(terms._definitions_of(key.key, model)) | {key.genus}
    assert terms.second_answer(key, model.terms["membrane protein"], defining, model)
    for sibling in ("peripheral protein", "recognition protein", "channel protein"):
        assert not terms.second_answer(key, model.terms[sibling], defining, model), sibling


def test_a_modifier_that_narrows_nothing_makes_no_sibling():
    """Judged blind in four rounds: 'human embryos' offered beside 'fresh embryos' (fresh embryos
    are human embryos)."""
    model = model_of(
        "Embryos for Research\n\n"
        "Fresh embryos are embryos that have never been frozen. "
        "Abnormal embryos are embryos that cannot be implanted. "
        "Human embryos are used for research under strict rules, and fresh embryos and abnormal embryos differ.",
        "embryos",
    )
    assert terms._overlapping(["fresh"], ["human"], "embryo", model)
    assert not terms._overlapping(["fresh"], ["abnormal"], "embryo", model)


def test_where_options_share_the_keys_head_none_of_another_head_is_offered():
    """Judged blind: 'sodium-potassium pumps' among 'hydrogen ions' and 'hydroxyl ions' for 'sodium ions'."""
    scored = [(3.0, 1.0, "hydrogen ions"), (2.5, 1.0, "sodium-potassium pumps"), (2.0, 1.0, "hydroxyl ions")]
    assert [s[2] for s in terms._of_the_keys_head(scored, "sodium ions")] == ["hydrogen ions", "hydroxyl ions"]
    assert terms._of_the_keys_head(scored, "potassium") == scored  # a one-word key has no head to share


def test_options_take_the_form_of_the_name_not_of_its_abbreviation():
    """Judged blind: 'hydrogen ion' offered for 'sodium ions (Na+)'."""
    assert terms.without_abbreviation("sodium ions (Na+)") == "sodium ions"
    assert inflected_like("hydrogen ion", terms.without_abbreviation("sodium ions (Na+)")) == "hydrogen ions"


def test_three_options_of_a_class_the_key_is_not_of_are_no_options():
    """Judged blind: 'tarsals', 'phalanges', 'metacarpals' (all bones) for 'tendons'."""
    assert terms._key_is_the_odd_one("tendons", ["tarsals", "phalanges", "metacarpals"])
    assert not terms._key_is_the_odd_one("femurs", ["tarsals", "phalanges", "metacarpals"])
    assert not terms._key_is_the_odd_one("sensor", ["effector", "amplifier", "control center"])
    assert not terms._key_is_the_odd_one("synarthrosis", ["amphiarthrosis", "diarthrosis", "gomphosis"])
    assert not terms._key_is_the_odd_one("legionella", ["salmonella", "staphylococcus", "listeria"])


def test_kinship_is_the_depth_of_nltks_lowest_common_hypernym():
    """kinship keeps the depths NLTK recomputes every time: the same figure as NLTK's own."""

    def nltk_kinship(a: str, b: str) -> float:
        best = -1.0
        for x in kinship.synsets(a):
            for y in kinship.synsets(b):
                if x.lexname() == y.lexname() and x != y and (common := x.lowest_common_hypernyms(y)):
                    best = max(best, float(max(c.min_depth() for c in common)))
        return best

    words = ["proton", "neutron", "canister", "system", "bone", "joint", "cell", "tissue", "dog", "president"]
    for a in words:
        for b in words:
            if a < b and lexicon.wordnet().synsets(a, "n") and lexicon.wordnet().synsets(b, "n"):
                assert kinship.wordnet_kinship(a, b) == nltk_kinship(a, b), (a, b)


CLASS_WORDS = ["proton", "bone", "femur", "joint", "cell", "tissue", "dog", "president", "head", "Japan", "legionella"]


def test_the_classes_above_a_word_are_nltks_hypernym_closure():
    """Each synset's classes are built on its hypernyms' (shared by every word below them): the
    same sets as NLTK's closure over hypernyms and instance hypernyms."""

    def up(synset):
        return synset.hypernyms() + synset.instance_hypernyms()

    for word in CLASS_WORDS:
        senses = lexicon.wordnet().synsets(word, "n")[:3]
        assert kinship.synsets(word) == tuple(senses)
        assert kinship.all_hypernyms(word) == {h.name() for s in senses for h in s.closure(up)}
        assert kinship.classes(word) == {c for s in senses for c in (s, *s.closure(up))}
        for sense in senses:
            assert kinship.with_hypernyms(sense) == {s for level in sense._iter_hypernym_lists() for s in level}


def test_what_the_keys_own_class_is_a_kind_of_is_never_an_option():
    """'A channel protein is an example of an integral protein that ...', where integral proteins
    are membrane proteins: a channel protein is a membrane protein too (judged two-right by both
    panels of rounds 26 and 27); its siblings are options."""
    text = MEMBRANE.replace("Membrane Proteins", "Proteins of the Cell").replace(
        "A channel protein is a protein that lets ions cross the membrane.",
        "A channel protein is an example of an integral protein that lets ions in or out.",
    )
    model = model_of(text, "membrane")
    members = {other.key for _, other in terms._category_members(model.terms["channel protein"], model, [])}
    assert "membrane protein" not in members
    assert {"peripheral protein", "recognition protein"} <= members


BONE_GROWTH = (
    "Bone Growth\n\n"
    "The clavicle is the one bone that does not develop from a cartilage model. "
    "The femur is the longest bone of the leg, and the femur grows at both ends. "
    "A primary ossification center appears in the diaphysis (shaft) region of the long bones. "
    "A secondary ossification center appears in each epiphysis (expanded end) of these bones. "
    "The epiphysis fuses to the diaphysis when growth stops. "
)


def test_a_part_of_the_keys_genus_is_no_option():
    """The clavicle is 'the one bone that ...': the diaphysis and the epiphysis, which the reading
    names as parts of bones, were offered beside the femur (WordNet files them as kinds of long
    bone) and dropped as giveaways by all four judges of rounds 38-41."""
    model = model_of(BONE_GROWTH, "bones")
    assert {("diaphysis", "bone"), ("epiphysis", "bone")} <= model.parts
    clavicle = model.terms["clavicle"]
    assert terms._of_the_genus(clavicle, model.terms["femur"], model)
    assert not any(terms._of_the_genus(clavicle, model.terms[part], model) for part in ("diaphysis", "epiphysis"))
    assert not [i for i in candidates_of(BONE_GROWTH, "bones") if i.type == "mcq" and i.answer == "clavicle"]

    unsaid = model_of(BONE_GROWTH.replace(" region of the long bones", " region").replace(" of these bones", ""))
    assert terms._of_the_genus(unsaid.terms["clavicle"], unsaid.terms["diaphysis"], unsaid)


STEM_CELLS = (
    "Stem Cells\n\n"
    "A stem cell is an unspecialized cell that can divide without limit and can differentiate into specialized cells. "
    "The cells that develop from totipotent stem cells are the precursors of the tissue layers of the embryo. "
    "A pluripotent stem cell is one that can differentiate into any type of human tissue but not a whole organism. "
    "A multipotent stem cell has the potential to differentiate into the cells of a small number of lineages. "
    "An oligopotent stem cell is limited to becoming one of a few different cell types. "
    "Adult stem cells are found in the bone marrow, and adult stem cells replace the cells of the blood. "
    "Researchers grow adult stem cells and pluripotent stem cells in the laboratory for years. "
    "Bone marrow holds blood cells, and bone marrow makes new blood cells every day. "
    "Each cell lineage begins in the bone marrow, and each cell lineage ends in mature blood cells. "
    "The tissue layers of the embryo form the organs, and the tissue layers fold early. "
    "Cord blood and bone marrow are sources of blood cells for transplants."
)


def test_a_kind_is_asked_among_the_kinds_of_its_scale_that_the_reading_names():
    """'totipotent stem cells', named once in passing, before 'adult stem cell', a kind by where
    it is found (judged a second right answer among kinds by potency, rounds 52-55)."""
    assert "totipotent stem cell" not in model_of(STEM_CELLS, "stem").terms  # named once, in passing
    mcqs = {i.answer: i for i in candidates_of(STEM_CELLS, "stem") if i.type == "mcq"}
    oligopotent = mcqs["oligopotent stem cell"]
    assert (
        oligopotent.question == "Which term names a cell that is limited to becoming one of a few different cell types?"
    )
    assert set(oligopotent.distractors) == {"pluripotent stem cell", "multipotent stem cell", "totipotent stem cell"}


def test_another_name_in_brackets_is_no_kind_of_its_own():
    """'a multiaxial joint (polyaxial or triaxial joint)': 'triaxial joint' is the multiaxial one."""
    from quizwright.builders.distractors.kinds import kinds_named

    text = (
        "Joints\n\n"
        "A uniaxial joint only allows for a motion in a single plane around a single axis. "
        "A biaxial joint allows for motions within two planes of the body. "
        "A joint that allows for several directions of movement is called a multiaxial joint (polyaxial or triaxial joint). "
        "The uniaxial joint of the elbow and the biaxial joint of the wrist move the arm. "
        "A synovial joint has a joint cavity, and the joint cavity of a synovial joint holds synovial fluid. "
        "Synovial fluid fills the joint cavity, and synovial fluid lubricates the articular cartilage. "
        "The articular cartilage covers the bones, and the articular cartilage of a synovial joint is smooth. "
        "A fibrous joint has no joint cavity, and a fibrous joint holds the bones with fibrous connective tissue. "
        "A hinge joint bends the elbow, and a hinge joint bends the knee as well. "
        "A pivot joint turns the head, and a pivot joint turns the forearm too. "
        "A saddle joint moves the thumb, and a saddle joint lets the thumb cross the palm."
    )
    model = model_of(text, "joints")
    assert "triaxial joint" not in model.terms  # named once, in brackets
    assert kinds_named(model.terms["uniaxial joint"], model) == []


def test_a_state_of_a_bone_named_once_is_no_bone():
    """'a fractured diaphysis of the femur' describes what a break does to a bone: offered among
    the femur and the patella for the clavicle, it stands out (it took the place of 'breastbone',
    which judges fixed as a giveaway in 23 of 31 verdicts)."""
    limbs = (
        "Bones of the Limbs\n\n"
        "The clavicle is the one limb bone that does not develop from cartilage. "
        "The femur is the longest bone of the leg, and the femur carries the weight of the body. "
        "The patella is a small bone in front of the knee, and the patella protects the knee joint. "
        "The humerus is the long bone of the upper arm, and the humerus meets the scapula at the shoulder. "
        "A fractured diaphysis of the femur can release fat into the blood. "
        "The scapula is the flat bone of the shoulder, and the scapula anchors the muscles of the arm. "
    )
    model = model_of(limbs, "limbs")
    assert "fractured diaphysis" in model.terms
    members = [t.key for _, t in terms._category_members(model.terms["clavicle"], model, [])]
    assert "fractured diaphysis" not in members and {"femur", "patella", "scapula"} <= set(members)
