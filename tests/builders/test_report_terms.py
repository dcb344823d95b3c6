"""Terms of a report or an address: which of its common-word phrases are worth a blank."""

from conftest import candidates_of, model_of
from quizwright.builders.blanks import term_answer_span
from quizwright.builders.term_candidates import _worth_a_blank

ADDRESS = (
    "The State of Our Union\n\n"
    "My fellow Americans, we have worked hard together, and tonight I ask Congress to finish the job. "
    "Congress and I are near agreement on sweeping welfare reform that rewards work. "
    "Welfare reform must move people from welfare to work, and Congress must fund child care to make it work. "
    "We will give local communities the police they need, and Congress will help local communities pay for them. "
    "I challenge every business to protect the pensions of its workers, and Congress must not touch a pension. "
    "Together we can build a country where every family that works hard can keep its pension and its health care. "
    "We know that real welfare reform will reward work and strengthen every family."
)


def test_an_address_asks_nouns_that_name_one_thing_not_a_noun_an_adjective_describes():
    """'welfare reform', 'pension funds', 'community policing' were kept in every verdict;
    'bipartisan support', 'working families', 'local communities' dropped as trivial."""
    model = model_of(ADDRESS, "address")
    assert model.speech_like and not model.expository

    def worth(key: str) -> bool:
        index = next(i for i, spans in model.term_spans.items() if any(k == key for _, k in spans))
        return _worth_a_blank(model, model.terms[key], index, 0.9, model.term_spans[index])

    assert worth("welfare reform")
    assert not worth("local community")


def test_a_first_name_is_never_blanked_apart_from_the_surname():
    text = (
        "Teachers of the year\n\n"
        "Lucius Wright is a teacher in the Jackson, Mississippi, public school system. "
        "Lucius Wright and Jennifer Rodgers are special Americans. "
        "Lucius Wright has taught science to the children of Jackson for twenty years, and science teachers need laboratories. "
    )
    model = model_of(text, "teachers")
    assert "lucius" in model.terms  # the tagger's proper noun, rare in general English
    spans = [(model.sentences[i], span) for i, found in model.term_spans.items() for span, k in found if k == "lucius"]
    assert len(spans) == 3
    assert all(term_answer_span(sentence, span) is None for sentence, span in spans)
    assert not [i for i in candidates_of(text, "teachers") if i.answer == "Lucius"]


def test_a_place_named_once_to_say_whose_is_not_asked():
    """'Ninety per cent of ___'s bananas come out of the Innisfail and Tully regions': the report's
    setting, judged trivial by every judge who saw it; a place the report returns to is asked."""
    text = (
        "Floods ruin the coffee harvest\n\n"
        "Floods have wiped out most of the coffee harvest in the highlands around Nyeri and Embu. "
        "Heavy rain has damaged coffee farms and roads across the region since March. "
        "Eighty per cent of Kenya's coffee comes from the farms around Nyeri and Embu in the central highlands. "
        "Growers in Nyeri say the harvest will be the smallest in twenty years. "
        "The coffee board in Nyeri is asking the government to help growers replant their farms. "
    )
    answers = {i.answer for i in candidates_of(text, "coffee")}
    assert "Nyeri" in answers
    assert "Kenya" not in answers


COMET = (
    "Spacecraft brings home comet dust\n\n"
    "A spacecraft has returned to Earth with dust it gathered from a comet, NASA scientists say. "
    "Scientists believe comets contain unaltered material that was used to form the solar system. "
    "The comet dust was sealed in a capsule that landed in the Utah desert on Sunday. "
    "Researchers will open the capsule in a clean room and study the comet dust for years. "
    "The probe passed within 240 kilometres of the comet in 2004 and caught its dust in a gel."
)


def test_a_report_does_not_blank_a_word_of_its_story_that_other_words_would_fill():
    """'The ___ (capsule) was retrieved by helicopter crews', '... emphasizing ___ (diplomacy)
    over confrontation': tried in rounds 54 and 55 (a report's words rarer than Zipf 4 taken as
    its terms) and dropped by both judges ('canister', 'dialogue' fit too)."""
    model = model_of(COMET, "comet")
    assert not model.expository and not model.speech_like
    index = next(s.index for s in model.sentences if s.text.startswith("Researchers will open"))
    assert not _worth_a_blank(model, model.terms["capsule"], index, 0.9, model.term_spans[index])


def test_an_address_asks_its_issue_though_the_sentence_names_nothing_else():
    """'The ___ (money changers) have fled from their high seats in the temple of our
    civilization': the address's own issue, kept by its judge, though the sentence names no
    other term or actor."""
    model = model_of(ADDRESS, "address")
    index = next(s.index for s in model.sentences if s.text.startswith("We know that"))
    assert [key for _, key in model.term_spans[index]] == ["welfare reform"]
    assert not [m for m in model.mentions.get(index, []) if m.key in model.actors]
    assert _worth_a_blank(model, model.terms["welfare reform"], index, 0.9, model.term_spans[index])


def test_a_report_asks_a_compound_only_beside_another_term_or_actor():
    """'At the same time, the infants could choose between ___ (video images) of two or three
    women': dropped by both judges of rounds 54 and 55, where an address's issue on its own was kept."""
    report = (
        "Welfare bill stalls\n\n"
        "Congress and the White House are near agreement on sweeping welfare reform that rewards work. "
        "Welfare reform must move people from welfare to work, and Congress must fund child care, officials said. "
        "Analysts said that real welfare reform would reward work and strengthen families."
    )
    model = model_of(report, "welfare")
    assert not model.speech_like and not model.expository
    index = next(s.index for s in model.sentences if s.text.startswith("Analysts said"))
    assert [key for _, key in model.term_spans[index]] == ["welfare reform"]
    assert not _worth_a_blank(model, model.terms["welfare reform"], index, 0.9, model.term_spans[index])
