"""Which sentences an item may come from: alone, with the sentence before shown, or not at all."""

import pytest

from conftest import analysed
from quizwright.facts import Standing, repeated_sentences, standing

ALONE, CONTEXT, UNUSABLE = Standing.ALONE, Standing.NEEDS_CONTEXT, Standing.UNUSABLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Lee arrived in Beijing for a four-day visit to meet Xi Jinping.", ALONE),
        ("It carried out large military drills near Taiwan, sending a clear warning.", UNUSABLE),  # a pronoun stands in
        ("However, China has often been accused of not fully enforcing sanctions.", CONTEXT),  # connective
        ("At the same time, Lee avoided saying anything about military action at all.", CONTEXT),
        ("Nor will it be finished in the first 1,000 days of this administration.", UNUSABLE),
        ("The study of 20 infants by researchers at Duke University was similar to an earlier one.", ALONE),
        ("The study found that babies can match voices to the number of faces they see.", CONTEXT),
        ("Lee is expected to push for the lifting of these restrictions to benefit South Korea.", UNUSABLE),
        ("The banana crop of the far north looks to have been lost this year.", ALONE),  # the writer's now
        ("The cells of the embryo begin to differentiate at this stage of development.", UNUSABLE),  # which stage?
        ("The station has had 768 millimetres of rain this month, the wettest on record.", ALONE),
        ("The station had 768 millimetres of rain in that month, the wettest on record.", UNUSABLE),  # which month?
        ("During its time in space, Stardust passed by a comet and trapped some of its dust.", ALONE),
        ("Your email address will not be published, and required fields are marked.", UNUSABLE),
        ("Why does South Korea need to keep good relations with China and Japan?", UNUSABLE),  # question
        ("The timing is important.", UNUSABLE),  # too short
        ("South Korea wants peace and stability in the region, not confrontation", UNUSABLE),  # no full stop
        ('"We travelled almost three billion miles in space and landed here," Brownlee said.', UNUSABLE),
        ("This text uses XX and XY individuals to describe the two sexes throughout.", UNUSABLE),  # about the book
        ("The elements in the human body are shown in , beginning with the most abundant.", UNUSABLE),  # a lost figure
        ("Her work was influential in the hallmark case of Brown v.", UNUSABLE),  # cut at an abbreviation
        ("The pump moves those ions that cannot cross the membrane by diffusing through it.", ALONE),  # which: said
        ("Those heavy losses in the far north are expected to drive the price of bananas up.", UNUSABLE),
        ("In biology, this is referred to as the unique genetic expression of each cell.", UNUSABLE),  # this what?
        ("A liver cell reads only the genes it needs, and this is what makes it a liver cell.", ALONE),  # said
    ],
)
def test_standing(text, expected):
    _, sentences, _ = analysed(text)
    assert standing(sentences[0]) is expected


def test_a_sentence_whose_pronoun_or_this_stands_for_what_came_before_is_not_asked():
    """Shown the sentence before, 'They think the strain of ___ ...', 'These pumps are ...' and
    '___ ... in this dispute' were still judged no-context (7 of 10 verdicts dropped, rounds
    42-43); a connective or 'also' with the sentence before shown was kept (6 of 6)."""
    assert standings_of(
        "The outbreak in the town killed 21 of the 86 people it infected in the winter. "
        "They think the strain of legionella involved could have been unusually virulent. "
        "However, the cooling towers of the plant had been cleaned only a week before. "
        "Prostaglandins released from the injured cells also activate the pain neurons there."
    ) == [Standing.ALONE, Standing.UNUSABLE, Standing.NEEDS_CONTEXT, Standing.NEEDS_CONTEXT]


def test_a_definition_opened_by_a_connective_stands_alone():
    _, sentences, _ = analysed("Thus, cognitive psychology is the area of psychology that studies thoughts.")
    assert standing(sentences[0]) is CONTEXT
    assert standing(sentences[0], defines=True) is ALONE


def test_a_noun_the_reading_is_about_needs_no_sentence_before():
    _, sentences, _ = analysed("The capsule was taken to a clean room on the Utah range for inspection.")
    assert standing(sentences[0]) is CONTEXT
    assert standing(sentences[0], known=frozenset({"capsule"})) is ALONE


def test_repeated_headlines_are_skipped():
    _, sentences, _ = analysed("Lee Visits China Today.\n\nLee Visits China Today.\n\nLee met Xi in Beijing on Monday.")
    assert repeated_sentences(sentences) == {("news", 0), ("news", 1)}


def test_a_sentence_two_readings_share_is_asked_about_once_and_boilerplate_never():
    shared = "President Lee met President Xi in Beijing on Monday for talks on trade."
    footer = "The views expressed in this article are the author's own and do not reflect ours."
    docs = [
        analysed(f"{shared} {footer} Reading {n} is about a different topic entirely today.", f"d{n}")[1]
        for n in range(3)
    ]
    docs[2] = analysed(f"{footer} Reading three never mentions the visit at all today.", "d2")[1]
    everything = [s for sentences in docs for s in sentences]
    assert repeated_sentences(everything) == {("d1", 0), ("d0", 1), ("d1", 1), ("d2", 0)}


def test_a_definition_that_says_what_it_refers_to_stands_alone_unless_it_compares():
    """Judged blind: 'Regeneration is the addition of new cells of the same type as the ones that
    were injured' was shown with an unrelated sentence about sutures above it."""
    _, sentences, _ = analysed(
        "Regeneration is the addition of new cells of the same type as the ones that were injured. "
        "Counseling psychology is a similar discipline that focuses on emotional and social outcomes."
    )
    regeneration, counseling = sentences
    assert standing(regeneration, defines=True) == Standing.ALONE
    assert standing(counseling, defines=True) == Standing.NEEDS_CONTEXT  # similar to what?


def test_a_subject_that_shortens_a_name_the_sentence_before_gave_needs_that_sentence():
    """Judged blind: 'The ___ consists of a series of increments ranging from 0 to 14' (the pH scale)."""
    from quizwright.builders.where import where_to_ask
    from quizwright.pipeline import BuildOptions, plan_items

    text = (
        "Acids and Bases\n\n"
        "The relative acidity of a solution is shown on the pH scale, which chemists use every day. "
        "The scale consists of a series of increments ranging from 0 to 14. "
        "The scale of acidity used by chemists in every laboratory runs from strong acids to strong bases."
    )
    document, sentences, _ = analysed(text, "acids")
    model = plan_items([document], [sentences], BuildOptions()).models[0]
    where = where_to_ask(model, set())
    increments = next(s.index for s in sentences if "increments" in s.text)
    assert increments not in where.usable
    assert where.context(increments) == sentences[increments - 1].text
    runs = next(s.index for s in sentences if "runs from" in s.text)
    assert runs in where.usable  # "The scale of acidity" names itself


def standings_of(text: str) -> list[Standing]:
    _, sentences, _ = analysed(text, "facts")
    return [standing(s) for s in sentences]


def test_a_sentence_whose_verb_the_tagger_misread_stands_alone():
    assert standings_of("A biaxial joint allows for motions within two planes, like the wrist.") == [Standing.ALONE]


def test_also_giving_a_second_name_points_nowhere():
    assert standings_of(
        "A joint, also called an articulation, is any place where two bones come together. "
        "A suture is also a joint, found between the bones of the skull."
    ) == [Standing.ALONE, Standing.NEEDS_CONTEXT]


def test_their_after_someone_in_the_same_sentence_points_nowhere():
    assert standings_of(
        "Wundt used introspection, a process by which someone examines their own conscious experience. "
        "Their methods were later criticised by the behaviorists of American psychology."
    ) == [Standing.ALONE, Standing.UNUSABLE]


def test_also_before_the_main_verb_adds_to_the_sentence_before():
    """'... are also seeking access to embryos with ___': as well as what? (dropped as no-context
    or trivial in eight of the last nine verdicts). 'also' that adds to the sentence's own first
    part, or follows a modal, leans on nothing before it."""
    assert standings_of(
        "Researchers want fresh embryos for stem cell research. "
        "Dr David Cram of Monash IVF and his colleague, stem cell pioneer Professor Alan Trounson, are also "
        "seeking access to embryos with genetic diseases. "
        "Sugar cane along the coast from Tully to the port of Cairns also copped the blow of the cyclone. "
        "The cyclone destroyed the banana crop and also flattened the sugar cane along the coast of Queensland. "
        "If the hypothesis is correct, then the conclusions reached through deduction should also be correct."
    ) == [ALONE, CONTEXT, CONTEXT, ALONE, ALONE]
