"""The model of a reading: its key terms, its main actors, and what it lists together."""

from conftest import analysed
from quizwright.analysis.entities import find_mentions
from quizwright.analysis.reading_model import build_reading_model
from quizwright.analysis.resolution import resolve

JOINTS = (
    "Classification of Joints\n\n"
    "A joint is any place where adjacent bones come together to form a connection. "
    "An immobile or nearly immobile joint is called a synarthrosis. "
    "An amphiarthrosis is a joint that has limited mobility. "
    "A freely mobile joint is classified as a diarthrosis. "
    "The body needs joints, and the body moves at joints every day of its life. "
    "Researchers say joints wear out, and researchers study them in the body. "
    "Joints are grouped as fibrous joints, cartilaginous joints, and synovial joints. "
    "Fibrous joints hold the bones of the skull, and cartilaginous joints hold the vertebrae. "
    "Synovial joints allow free movement and are the most common joints of the body. "
    "The knee is the largest synovial joint, and it moves 50 kilometres a day in a runner."
)
NEWS = (
    "Stardust returns comet dust to Earth\n\n"
    "The Stardust capsule landed in the Utah desert after a seven-year mission to a comet. "
    "Stardust collected dust from Comet Wild-2 with a gel collector. "
    "Scientists will study the Stardust samples for clues about the early solar system. "
    '"It is an incredible thrill," said Don Brownlee, a researcher at the University of Washington. '
    "The samples are the first material returned from a comet, said Don Brownlee."
)


def model_of(text: str, doc_id: str):
    _, sentences, _ = analysed(text, doc_id)
    mentions = resolve([m for s in sentences for m in find_mentions(s)])
    by_sentence: dict[int, list] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence.index, []).append(m)
    return build_reading_model(doc_id, sentences, by_sentence)


def test_key_terms_are_what_the_reading_defines_and_repeats_not_filler():
    model = model_of(JOINTS, "joints")
    for term in ("synarthrosis", "amphiarthrosis", "diarthrosis", "synovial joint", "joint"):
        assert term in model.terms, term
    assert {"synarthrosis", "amphiarthrosis"} <= {k for k, t in model.terms.items() if t.defined}
    assert model.terms["synarthrosis"].genus == "joint"
    for filler in ("body", "researcher", "kilometre", "day", "answer", "place"):
        assert filler not in model.terms, filler
    assert model.expository and not model.speech_like


def test_a_number_the_reading_defines_is_a_key_term_and_a_number_it_counts_is_not():
    """'An element's mass number is the sum of ...': the authors' key term; 'a large number of
    protons' names no concept."""
    text = (
        "Atoms\n\n"
        "An element's mass number is the sum of the number of protons and neutrons in its nucleus. "
        "A large number of protons makes a heavy nucleus, and a large number of neutrons makes it unstable. "
        "Carbon has a mass number of 12, and uranium has a mass number of 238."
    )
    terms = model_of(text, "atoms").terms
    assert "mass number" in terms and terms["mass number"].defined
    assert "large number" not in terms


def test_who_practises_a_field_is_no_key_term_however_often_named():
    """'... in shaping how many ___ (clinicians) operate': judged trivial every time it was asked."""
    text = (
        "Therapy\n\n"
        "Client-centered therapy is a therapy in which the client leads. "
        "Clinicians use client-centered therapy, and many clinicians combine it with other therapies. "
        "Therapists trained in psychoanalysis and therapists trained in behaviorism differ, say clinicians. "
        "Practitioners of client-centered therapy listen, and practitioners rarely advise."
    )
    terms = model_of(text, "therapy").terms
    assert "client-centered therapy" in terms
    for who in ("clinician", "therapist", "practitioner"):
        assert who not in terms, who


def test_terms_listed_together_are_recorded_as_one_list():
    model = model_of(JOINTS, "joints")
    assert {"cartilaginous joint", "synovial joint"} <= model.lists["fibrous joint"]


def test_whoever_is_only_quoted_is_no_main_actor():
    model = model_of(NEWS, "stardust")
    brownlee = model.actors["donbrownlee"]
    assert brownlee.attributed
    assert model.actors["stardust"].main and not model.actors["stardust"].attributed
    assert model.topic_words() >= {"comet"} or "stardust" in model.actors


QUOTING_REPORT = (
    "States fined over water trading\n\n"
    "Three states have been fined millions of dollars for failing to meet agreed targets on water trading. "
    '"We believe that is grossly unfair and we think we have done everything we can," she said. '
    '"I am not taking sides, and I think all three states have been working hard," he said. '
    '"We will keep our borders open," the minister said.'
)
ADDRESS = (
    "We gather here today because we have chosen hope over fear. "
    "I thank you for the trust you have bestowed on me. "
    "Our challenges are real, and we will meet them as we always have."
)


def test_a_report_quoting_people_in_the_first_person_is_not_an_address():
    assert not model_of(QUOTING_REPORT, "water").speech_like
    assert model_of(ADDRESS, "address").speech_like


VISIT = (
    "President Lee goes to China\n\n"
    "South Korea's President Lee Jae Myung arrived in Beijing on Sunday for a four-day visit. "
    "Lee Jae Myung will meet the leaders of China during the visit to Beijing. "
    "South Korea wants stronger trade ties with China and Japan. "
    "Lee Jae Myung hopes that China will press North Korea to talk. "
    "Japan and China have argued over Taiwan this year."
)


def test_the_protagonists_own_country_is_as_obvious_as_the_protagonist():
    model = model_of(VISIT, "visit")
    assert model.protagonists() == {"leejaemyung", "southkorea"}
    assert "china" not in model.protagonists()  # where he went is what the report teaches


SCHOOLS = (
    "Schools of Psychology\n\n"
    "Behaviorism is the school of psychology that studies observable behavior rather than the mind. "
    "Behaviorism dominated experimental psychology for several decades in the United States. "
    "Watson and Skinner made behaviorism the leading school, and behaviorism used animals in experiments. "
    "Structuralism is the school of psychology that studies the structure of the conscious mind. "
    "Humanism is the school of psychology that stresses the potential for good in every person. "
    "Critics said behaviorism ignored thought, and behaviorism later gave way to cognitive psychology."
)


def test_a_textbook_sections_subject_is_its_title_not_its_most_named_term():
    """Behaviorism, named most in a section on the schools of psychology, is one of the terms it
    teaches; in a report on a cyclone, 'cyclone' is what every reader knows."""
    model = model_of(SCHOOLS, "schools")
    assert model.expository
    assert "behaviorism" not in model.topic_words()
    assert "psychology" in model.topic_words()


def test_the_protagonists_country_is_known_by_any_of_its_names():
    model = model_of(VISIT.replace("South Korea's President", "South Korean President"), "visit")
    assert model.is_protagonists_country("South Korea") and model.is_protagonists_country("Seoul")
    assert not model.is_protagonists_country("China") and not model.is_protagonists_country("Japan")


def test_capitals_that_spell_out_a_thing_are_no_actor_and_a_body_s_are():
    """'adenosine triphosphate (ATP)' looks like an organisation's initials; asked as one, 'used
    to make ___' took 'energy' as well (dropped in 10 of 21 verdicts). A board's capitals stay one."""
    model = model_of(
        "Membrane Transport\n\n"
        "Active transport moves ions against their gradient with energy from adenosine triphosphate (ATP). "
        "The sodium-potassium pump uses ATP to move three sodium ions out of the cell. "
        "Each cycle of the pump splits one ATP. "
        "Research on the pump needs the approval of an institutional review board (IRB). "
        "The IRB met in March, and the IRB approved the study.",
        "transport",
    )
    assert "atp" not in model.actors
    assert "irb" in model.actors
