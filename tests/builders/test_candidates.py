"""What a reading is asked about, on small readings of its own: the rules of issue 12."""

from conftest import MEMBRANE, analysed, candidates_of, model_of
from quizwright.analysis.definitions import opens_with_connective
from quizwright.analysis.terms import Span
from quizwright.builders.blanks import term_answer_span
from quizwright.builders.candidates import names_in
from quizwright.builders.cues import agent_of_a_modifier, in_opening_phrase
from quizwright.builders.distractors.terms import _category_members
from quizwright.builders.term_candidates import _past_connective, _without_topic
from quizwright.checks import item_problems, sourcing_problems
from quizwright.facts import Standing, standing
from quizwright.matching import CLOZE
from quizwright.pipeline import BuildOptions, plan_items

ARTICLE = (
    "Legionnaires bacteria travel further than thought\n\n"
    "The bacteria that cause legionnaires disease can spread through the air up to 6 kilometres from a cooling tower "
    "in France, researchers report in the Journal of Infectious Diseases. "
    "Legionella pneumophila lives in hot water, such as in industrial cooling towers and the water systems of large "
    "buildings. "
    "Past studies found airborne legionella spread only a few hundred metres, says lead author Dr Tran Nguyen. "
    "The outbreak in Pas-de-Calais in northern France killed 21 of the 86 people with a confirmed infection. "
    "Nor will the cooling towers be easy to clean without spreading the bacteria further. "
    "High-pressure cleaning of the cooling towers spread the legionella bacteria across the town. "
    "Most victims lived within 6 kilometres of the plant, and the fatality rate was 24 percent. "
    "Cooling towers in Paris, Lyon and Marseille were inspected for legionella after the outbreak in France. "
    "Health officials in Lyon and Marseille said their cooling towers were free of legionella bacteria. "
    "Legionella, salmonella, listeria and staphylococcus are bacteria that can grow in the water systems of buildings. "
    "Unlike salmonella and listeria, which spread in food, legionella spreads in droplets of water in the air. "
    "Salmonella and listeria are found in food, and staphylococcus is found on the skin."
)
ATP = (
    "Cell Energy\n\n"
    "Cells store energy in a molecule called adenosine triphosphate (ATP). "
    "The mitochondrion is the organelle that makes most of the cell's adenosine triphosphate (ATP). "
    "Muscle cells use ATP quickly, and nerve cells use ATP to pump sodium ions out of the cell. "
    "Connective tissue binds organs together, and muscle tissue moves them. "
    "Connective tissue is a tissue that supports and binds the other tissues of the body. "
    "Epithelial tissue is a tissue that covers the surfaces of the body and lines its cavities. "
    "Nervous tissue is a tissue that carries electrical signals between the parts of the body. "
    "Muscle tissue is a tissue that contracts to move the body and its organs."
)


def test_whoever_a_quote_is_attributed_to_is_not_asked():
    answers = {i.answer for i in candidates_of(ARTICLE, "legionella")}
    assert answers, "the article gives items"
    assert not any("Nguyen" in a for a in answers)


def test_a_stem_opening_with_nor_is_given_its_context_or_skipped():
    nor = "Nor will the cooling towers be easy to clean without spreading the bacteria further."
    items = [i for i in candidates_of(ARTICLE, "legionella") if i.source.sentence == nor]
    assert all(i.context and i.context.startswith("The outbreak in Pas-de-Calais") for i in items)


def test_an_acronym_is_asked_whole_never_half_blanked():
    items = candidates_of(ATP, "cells")
    blanked = [CLOZE.search(i.text).group(2) for i in items if i.type == "cloze"]
    assert "adenosine triphosphate (ATP)" in blanked
    assert "ATP" not in blanked or all("(ATP)" not in i.text for i in items if i.answer == "ATP")
    assert not any(i.answer in {"adenosine triphosphate", "triphosphate"} for i in items)


def test_a_multiword_term_is_never_half_blanked():
    for item in candidates_of(ATP, "cells"):
        text = item.text or item.question or ""
        assert "Connective {{c1::tissue}}" not in text and "Connective _____" not in text
        assert item.answer != "tissue" or "{{c1::tissue}} is a tissue" not in text


def test_numbers_are_the_reports_findings_with_options_in_their_format():
    mcqs = [i for i in candidates_of(ARTICLE, "legionella") if i.type == "mcq" and i.answer_kind == "number"]
    assert {i.answer for i in mcqs} <= {"6 kilometres"}  # the lead's finding, not '21 of the 86 people'
    for item in mcqs:
        assert all(d.endswith(" kilometres") and d.split()[0].isdigit() for d in item.distractors)


def test_a_single_article_gives_multiple_choice_items_on_its_own():
    items = candidates_of(ARTICLE, "legionella")
    mcqs = [i for i in items if i.type == "mcq"]
    # not 'inspected for ___ (legionella)': the word the article is most about, which any reader guesses
    assert "legionella" not in {i.answer.lower() for i in items}
    assert mcqs and len([i for i in items if i.type == "cloze"]) >= 3
    for item in mcqs:
        assert len(item.distractors) == 3 and item.answer not in item.distractors


def test_filler_words_and_the_word_the_reading_is_about_are_not_blanked_in_passing():
    answers = {i.answer.lower() for i in candidates_of(ARTICLE, "legionella") if i.type == "cloze"}
    assert not {"researchers", "people", "water", "air", "town", "victims"} & answers


TRANSPORT = (
    "Cell Transport\n\n"
    "Endocytosis is the process of a cell taking in material by wrapping it in its membrane. "
    "In contrast with endocytosis, exocytosis (taking \u201cout of the cell\u201d) is the process of a cell exporting material using vesicles. "
    "Cells of the pancreas secrete enzymes through exocytosis, and endocytosis brings nutrients in. "
    "Intracellular fluid is the fluid inside the cells of the body. "
    "Extracellular fluid is the fluid outside the cells of the body. "
    "Phosphate groups are polar, and they are attracted to water in the intracellular fluid. "
    "People who eat enough carbohydrate and drink enough water rarely develop ketoacidosis. "
    "Untreated, ketoacidosis can lead to a coma within a day."
)


def test_a_term_glossed_in_quotes_after_it_is_asked_with_its_gloss_left_in_the_stem():
    text = (
        "Endocytosis\n\n"
        "Endocytosis is the process of a cell taking in material by wrapping it in its membrane. "
        "Phagocytosis (\u201ccell eating\u201d) is the endocytosis of large particles such as bacteria. "
        "Pinocytosis (\u201ccell drinking\u201d) is the endocytosis of small drops of fluid from outside the cell. "
        "White blood cells destroy bacteria by phagocytosis, and gut cells take in fluid by pinocytosis."
    )
    asked = {i.text for i in candidates_of(text, "endocytosis") if i.type == "cloze"}
    assert any("{{c1::Phagocytosis}} (\u201ccell eating\u201d)" in t for t in asked), asked


def test_a_blank_its_opposite_also_fills_or_the_stem_names_is_not_asked():
    """'attracted to water in the ___': extracellular fluid fits as well. 'In contrast with
    endocytosis, ___ (exocytosis)': the stem sets the two apart, and so gives the other away
    (judged giveaway in rounds 14-16)."""
    items = candidates_of(TRANSPORT, "transport")
    fluid = [i for i in items if i.answer.lower() == "intracellular fluid" and "Phosphate" in i.source.sentence]
    assert fluid == []
    assert not any(i.answer.lower() == "exocytosis" and "In contrast" in i.source.sentence for i in items)


def test_a_rare_term_the_reading_repeats_is_asked_where_it_stands_alone():
    items = candidates_of(TRANSPORT, "transport")
    assert any(i.answer == "ketoacidosis" for i in items)  # no other term or name beside it


def test_a_name_the_stem_builds_a_word_on_is_not_blanked():
    """Judged blind: '... China's influence over ___ to improve inter-Korean relations' (North Korea)."""
    text = (
        "Talks in Beijing\n\n"
        "North Korea tested a missile on Monday, and China called for calm. "
        "North Korea and China signed a trade deal last year. "
        "Diplomats hope China will use its influence over North Korea to improve inter-Korean relations. "
        "China remains North Korea's largest trading partner by far."
    )
    asked = [i for i in candidates_of(text, "talks") if i.answer == "North Korea"]
    assert asked and all("inter-Korean" not in i.source.sentence for i in asked)


VISIT_REPORT = (
    "Lee goes to Beijing\n\n"
    "President Lee Jae Myung flew to Beijing for talks with Xi Jinping on Sunday. "
    "Lee hopes that China will press North Korea to return to talks.\n\n"
    "Economic cooperation\n\n"
    "Beyond security, Lee's visit to China also focuses on economic cooperation with Beijing. "
    "Economic cooperation between Seoul and Beijing has grown since 1992, and Xi Jinping praised it. "
    "Lee wants closer ties with China on batteries and chips, officials in Seoul said."
)
MIXTURES = (
    "Mixtures\n\n"
    "A solution is a homogeneous liquid mixture in which a solute is dissolved in water. "
    "Water is a major component of many of the body's lubricating fluids, such as synovial fluid. "
    "Water is the solvent of every solution in the body, and water makes up most of the blood."
)


def test_everyday_words_are_not_blanked_outside_their_definition():
    """Judged trivial in round 9: a report's 'economic cooperation' (named in a section heading
    and twice more), 'Water is a major component of ...' and '... dissolved in water' in a textbook."""
    assert not any(i.answer.lower() == "economic cooperation" for i in candidates_of(VISIT_REPORT, "visit"))
    assert not any(i.answer.lower() == "water" for i in candidates_of(MIXTURES, "mixtures"))


def test_a_formula_before_the_blank_is_not_left_to_name_it():
    """Judged trivial in rounds 9-11: 'Bicarbonate accepts some of the H+ {{c1::protons}}'."""
    text = (
        "Buffers\n\n"
        "A proton is a positively charged particle in the nucleus of an atom. "
        "A buffer is a solution of a weak acid and its conjugate base that resists changes in pH. "
        "Bicarbonate accepts some of the H+ protons, thereby reducing the acidity of the solution. "
        "Bicarbonate is a buffer in the blood, and bicarbonate keeps the pH of blood near 7.4. "
        "Strong acids release protons into water, and protons make a solution acidic."
    )
    assert not any("H+" in i.source.sentence and i.answer.lower() == "protons" for i in candidates_of(text, "buffers"))


def test_whom_a_speaker_thanks_is_not_asked():
    """Judged trivial in rounds 6 to 11: 'Thank you, General {{c1::McCaffrey}}, for agreeing to serve ...'."""
    address = (
        "We will fight the drug trade, and we will win. "
        "I have asked General Barry McCaffrey to lead our fight against drugs, and McCaffrey has agreed. "
        "Thank you, General McCaffrey, for agreeing to serve your country one more time. "
        "General McCaffrey will lead the office, and our children will be safer for it. "
        "We must protect our children, and I ask you to help us. "
        "Vice President Al Gore will lead our work to reinvent government, and Al Gore has cut red tape. "
        "Al Gore and Barry McCaffrey met the governors last week. "
        "Al Gore said the work will go on."
    )
    asked = [i for i in candidates_of(address, "address") if "McCaffrey" in (i.answer or "")]
    assert all(not i.source.sentence.startswith("Thank you") for i in asked)


JOINTS = (
    "Joints\n\n"
    "A fibrous joint is a joint that unites the adjacent bones with fibrous connective tissue. "
    "A cartilaginous joint is a joint that unites the adjacent bones with hyaline cartilage. "
    "A synovial joint is a joint that separates the adjacent bones with a cavity filled with fluid. "
    "A pivot joint is a joint that lets one bone rotate around another bone. "
    "Synovial joints allow free movement between the bones of the skeleton and are the most common joints of the body."
)


def test_a_textbook_asks_a_term_as_a_multiple_choice_item_only_where_it_defines_it():
    """Judged blind (rounds 9-12): 2 of 17 textbook term MCQs from other sentences kept
    ('_____ allow for free movement ...' with 'Diarthrotic joints' among the options)."""
    mcqs = [i for i in candidates_of(JOINTS, "joints") if i.type == "mcq"]
    assert {i.answer for i in mcqs} == {"synovial joint", "pivot joint"}
    assert all(i.question.startswith("Which term names") for i in mcqs)


def test_a_cloze_never_opens_with_a_connective_to_a_sentence_it_does_not_show():
    """Judged blind: 'Thus, ___ are classified as uniaxial, biaxial or multiaxial' (fix: the dangling 'Thus')."""
    text = JOINTS + (
        " A diarthrosis is a joint that moves freely. A synarthrosis is a joint that does not move."
        " Thus, diarthroses are classified as uniaxial, biaxial or multiaxial joints by the planes in which they move."
    )
    items = candidates_of(text, "joints")
    assert "A diarthrosis" in {i.answer for i in items if i.type == "cloze"}
    assert not [i for i in items if i.type == "cloze" and i.text.startswith("Thus,") and not i.context]


def test_no_cloze_where_a_wider_term_of_the_reading_fills_the_blank_as_well():
    """Judged blind: 'Some ___ serve dual roles as both a receptor and an ion channel' (integral
    proteins; 'membrane proteins' is as right, and the reading speaks of integral membrane proteins)."""
    text = (
        MEMBRANE
        + " Some integral proteins serve as both a receptor and an ion channel in the membrane of a nerve cell."
    )
    dual = [i for i in candidates_of(text, "membrane") if i.source.sentence.startswith("Some integral")]
    assert not [i for i in dual if i.type == "cloze" and i.answer == "integral proteins"]


SCIENCE = (
    "Science\n\n"
    "An empirical method is a method that relies on observation. A falsifiable theory is a theory that can be shown false. "
    "A hypothesis is a tentative explanation that can be tested. "
    "The scientific community accepts a falsifiable theory only after many empirical methods support it. "
    "Members of the scientific community test each hypothesis many times. "
    "The scientific community values an empirical method over intuition. "
    "Trying to determine which hypothesis the scientific community accepts can be difficult for a falsifiable theory."
)


def test_a_textbook_does_not_blank_common_words_in_a_common_pairing_however_often_it_names_them():
    """Judged blind in eight rounds, dropped as trivial every time: 'accepted by the ___ (scientific community)'."""
    from quizwright.builders.term_candidates import _worth_a_blank

    document, sentences, _ = analysed(SCIENCE, "science")
    model = plan_items([document], [sentences], BuildOptions()).models[0]
    trying = next(s.index for s in sentences if s.text.startswith("Trying"))
    community = model.terms["scientific community"]
    assert community.count >= 4 and not community.defined
    assert not _worth_a_blank(model, community, trying, 0.9, model.term_spans[trying])
    assert _worth_a_blank(model, model.terms["falsifiable theory"], trying, 0.9, model.term_spans[trying])


def test_the_names_beside_an_answer_leave_out_what_the_reading_names_throughout():
    """'bone' in a section on bones stands beside every fact it gives: no sign that two items relate one thing."""
    text = (
        "Bone Classification\n\n"
        "A long bone is a bone that is longer than it is wide, such as the femur. "
        "A short bone is a bone that is cube-like in shape, such as the bones of the wrist. "
        "A sesamoid bone is a small, round bone that forms in a tendon where a joint meets great pressure. "
        "The sesamoid bones protect tendons by helping them overcome compressive forces."
    )
    model = model_of(text, "bones")
    protect = next(s.index for s in model.sentences if s.text.startswith("The sesamoid"))
    assert "bone" in model.most_named_words()
    assert names_in(model, protect, model.most_named_words()) == {"term:sesamoid bone"}


def test_a_name_that_is_an_everyday_word_is_not_blanked():
    """Judged trivial in rounds 13 and 14: 'weighs a pound on {{c1::Earth}} ... on the moon'."""
    text = (
        "Matter and Mass\n\n"
        "Mass is the amount of matter in an object, and weight is the pull of gravity on that mass. "
        "A piece of cheese that weighs a pound on Earth weighs only a few ounces on the moon. "
        "An astronaut has the same mass on Earth as in orbit, although her weight changes. "
        "The gravity of Earth holds the atmosphere and the oceans in place around the planet. "
        "Matter is anything that occupies space and has mass."
    )
    assert not any(i.answer == "Earth" for i in candidates_of(text, "matter"))


def test_a_blank_never_cuts_a_noun_the_tagger_took_for_a_verb():
    """Judged garbled/no-context in rounds 13 and 14: 'The {{c1::solute}} particles consist of ...'
    (the tagger reads 'particles' as a verb); 'A solute is ...' keeps its blank."""
    _, sentences, _ = analysed(
        "Mixtures\n\nThe solute particles consist of tiny clumps of molecules that make the liquid opaque. "
        "A solute is a substance that is dissolved in a solvent to make a solution.",
        "mixtures",
    )
    cut, whole = (s for s in sentences if not s.is_heading)
    assert [t.tag for t in cut.tokens[1:3]] == ["NN", "VBZ"]
    assert term_answer_span(cut, Span(1, 2)) is None
    assert term_answer_span(whole, Span(1, 2)) == (2, 8)


SCHOOLS = (
    "History of Psychology\n\n"
    "Psychology has roots in philosophy and physiology, and several schools of thought shaped it early on.\n\n"
    "Pavlov, Watson, Skinner, and Behaviorism\n\n"
    "Ivan Pavlov studied a form of learning behavior called a conditioned reflex in dogs. "
    "John B. Watson championed behaviorism, the study of observable behavior, in American psychology. "
    "B. F. Skinner studied how reinforcement shapes the learned behaviors of animals in a box. "
    "Behaviorism dominated experimental psychology for several decades after structuralism faded. "
    "Behaviorism is largely responsible for establishing psychology as a scientific discipline. "
    "Structuralism studied the elements of conscious experience through introspection. "
    "Functionalism studied how mental activities help an organism fit into its environment. "
    "Psychoanalysis sought the roots of behavior in the unconscious mind of a patient. "
    "Skinner and Watson both rejected introspection, and Skinner later wrote about the design of cultures."
)


def test_a_person_named_in_a_heading_is_no_option_among_schools_of_thought():
    """Judged giveaway: 'Skinner' and 'Pavlov' offered beside 'Linguistics' for 'behaviorism'
    (the heading 'Pavlov, Watson, Skinner, and Behaviorism' lists them together)."""
    model = model_of(SCHOOLS, "schools")
    assert {"skinner", "pavlov", "behaviorism"} <= set(model.terms)
    members = {t.key for _, t in _category_members(model.terms["behaviorism"], model, [])}
    assert "structuralism" in members
    assert not members & {"skinner", "pavlov", "watson"}


PREMISE = (
    "South Korea's president visits China to mend ties\n\n"
    "South Korean President Lee Jae-myung's visit to China is not just another routine foreign trip. "
    "Lee arrived in Beijing on Sunday with a delegation of business leaders from Seoul and Busan. "
    "Japan and China have quarrelled for months over remarks about an attack on Taiwan. "
    "China is South Korea's largest trading partner, and Japan is its closest neighbour across the sea. "
    "Securing China's help in pressing North Korea to give up its nuclear weapons is what Lee wants most. "
    "Lee will travel on to Shanghai, where he will meet leaders of Chinese firms from Shenzhen and Tianjin."
)
DROUGHT = (
    "Weather takes its toll on farmers\n\n"
    "Drought has left farmers in New South Wales and Victoria short of feed for their sheep this winter. "
    "In Victoria's north-east, several farmers are shooting sheep, or selling stock below market prices. "
    "Victoria has promised drought relief to farmers in the Murray Valley and Gippsland regions. "
    "The Victoria Farmers Federation says New South Wales and Victoria need rain before spring."
)


def test_the_place_a_report_is_about_is_not_asked_in_its_opening():
    """Judged trivial in rounds 13-15: 'Lee's visit to ___ is not just another routine foreign
    trip' under a title naming China. Later in the report China can still be the answer."""
    items = candidates_of(PREMISE, "visit")
    assert not any(i.answer == "China" and i.source.sentence.startswith("South Korean President") for i in items)
    assert any(i.answer == "China" for i in items)


def test_a_place_before_a_compass_point_is_not_blanked():
    """Judged trivial in rounds 13-15: "In {{c1::Victoria}}'s north-east, several farmers ..."."""
    items = candidates_of(DROUGHT, "drought")
    assert not any(i.answer == "Victoria" and "north-east" in i.source.sentence for i in items)


LEADERS = (
    "Lee visits Beijing\n\n"
    "South Korean President Lee Jae-myung flew to Beijing on Sunday for a four-day state visit. "
    "Chinese President Xi Jinping welcomed Lee at the Great Hall of the People in Beijing. "
    "Lee aims to explore economic cooperation with President Xi Jinping and other top Chinese officials. "
    "Xi Jinping and Lee signed agreements on trade, tourism and the environment at the end of the talks. "
    "Xi Jinping also asked Lee to help calm tensions with Japan over remarks about Taiwan."
)


def test_a_leader_is_not_asked_where_the_sentence_names_the_country_they_lead():
    """Judged trivial in rounds 14-16: 'with President ___ and other top Chinese officials' asks
    who leads China, which any student knows, not what the reading says."""
    items = candidates_of(LEADERS, "leaders")
    assert not any("Xi" in i.answer and "top Chinese officials" in i.source.sentence for i in items)


def test_a_term_before_a_verb_the_tagger_misread_is_blanked_whole():
    _, sentences, _ = analysed("Health psychology focuses on how stress and habits affect the body.", "branches")
    assert term_answer_span(sentences[0], Span(0, 2)) == (0, len("Health psychology"))


def test_a_term_the_tagger_took_for_a_name_where_it_opens_its_definition_is_asked():
    items = candidates_of(
        "Transport\n\n"
        "Endocytosis (bringing \u201cinto the cell\u201d) is the process of a cell ingesting material by "
        "enveloping it in a portion of its cell membrane. "
        "Phagocytosis is the endocytosis of large particles, such as bacteria. "
        "Pinocytosis is the endocytosis of droplets of fluid. "
        "Exocytosis is the process of a cell exporting material in vesicles. "
        "Glands secrete hormones by exocytosis, and immune cells take in bacteria by phagocytosis. "
        "Cells of the gut take in fluid by pinocytosis. "
        "Osmosis is the diffusion of water through a semipermeable membrane, and water enters cells by osmosis. "
        "Filtration is the process of pushing fluid through a membrane under pressure, as the kidney does by filtration.",
        "transport",
    )
    assert "Endocytosis" in {i.answer for i in items if i.source.sentence.startswith("Endocytosis")}


def test_a_term_glossed_in_a_short_quoted_aside_is_blanked_with_the_aside_left_in():
    _, sentences, _ = analysed(
        "Wundt used introspection (he called it \u201cinternal perception\u201d), a process of examining one's own "
        "conscious experience as objectively as possible.",
        "wundt",
    )
    start = sentences[0].text.index("introspection")
    span = next(Span(i, i + 1) for i, t in enumerate(sentences[0].tokens) if t.text == "introspection")
    assert term_answer_span(sentences[0], span) == (start, start + len("introspection"))


def test_a_blank_in_the_phrase_that_opens_a_sentence_is_not_asked():
    """'Upon ___ (tissue injury), damaged cells release ...': judged trivial in every round since
    round 13, as were 'In ___ (Haiti), the dictators are gone' and 'Like ___, cognitive
    psychology ...'; the blank asks for the frame, not the fact. A clause is a fact of its own."""
    _, sentences, _ = analysed(
        "Upon tissue injury, damaged cells release inflammatory chemical signals. "
        "In Haiti, the dictators are gone and democracy has a new day. "
        "Because the lipid tails are hydrophobic, they meet in the inner region of the membrane. "
        "In Freud's view, the unconscious mind was a repository of feelings and urges.",
        "frames",
    )
    upon, haiti, because, freud = sentences
    assert in_opening_phrase(upon, 1, 3) and in_opening_phrase(haiti, 1, 2)
    assert not in_opening_phrase(because, 2, 4)  # a clause: 'the ___ are hydrophobic' is a fact
    assert in_opening_phrase(freud, 1, 2) and not in_opening_phrase(freud, 6, 8)  # the view's holder; what follows


ISOTOPES = (
    "Isotopes\n\n"
    "An isotope is one of the different forms of an element, which differ in their number of neutrons. "
    "A radioactive isotope is an isotope whose nucleus readily decays, giving off particles and energy. "
    "A valence shell is an atom's outermost electron shell. "
    "An electron shell is a layer of electrons around the nucleus at one energy level. "
    "Carbon has two stable isotopes, and its radioactive isotope is used to date fossils. "
    "Uranium has no isotope that lasts, and every radioactive isotope of uranium decays slowly. "
    "An atom is stable when its valence shell holds eight electrons, and reactive when the valence shell is not full."
)


def test_a_definition_whose_class_repeats_the_terms_last_word_is_asked_as_a_cloze():
    """'A ___ is an isotope whose nucleus ...': the stem says 'isotope', the student must say which
    (judged keep; the rule against a stem that repeats the answer's word had dropped every such item)."""
    clozes = {i.text for i in candidates_of(ISOTOPES, "isotopes") if i.type == "cloze"}
    assert (
        "{{c1::A radioactive isotope}} is an isotope whose nucleus readily decays, giving off particles and energy."
        in clozes
    )
    assert "{{c1::A valence shell}} is an atom's outermost electron shell." in clozes
    # outside its definition the repeated word still gives a blank away (said as itself, not
    # as another kind's head: 'no stable isotope' would set the blank against a sibling)
    assert not any("{{c1::radioactive isotope}} of uranium" in t for t in clozes)


def test_a_definition_that_repeats_the_terms_last_word_is_asked_with_options_where_it_has_them():
    """'Clinical psychology is the area of psychology that ...': four branches of psychology to
    choose from ask more than a blank the stem half fills (the MCQs were judged keep 14 of 15 times)."""
    text = (
        "Branches of Psychology\n\n"
        "Clinical psychology is the area of psychology that focuses on the diagnosis and treatment of "
        "psychological disorders. "
        "Forensic psychology is a branch of psychology that deals with questions of psychology in the justice system. "
        "Developmental psychology is the scientific study of change across a lifespan. "
        "Personality psychology is the study of the patterns of thought that make each individual unique. "
        "Clinical psychology and forensic psychology both need a doctoral degree, and developmental psychology "
        "and personality psychology are taught in most universities."
    )
    clinical = [i for i in candidates_of(text, "psychology") if i.source.sentence.startswith("Clinical psychology is")]
    assert {i.type for i in clinical if i.answer == "Clinical psychology"} == {"mcq"}


def test_an_abbreviated_term_is_asked_in_its_definition_though_the_reading_names_its_opposite():
    """'___ is the fluid interior of the cell': its definition rules extracellular fluid out, and
    '(ICF)' is no word the stem repeats ('fluid' is)."""
    text = (
        "Body Fluids\n\n"
        "Intracellular fluid (ICF) is the fluid interior of the cell. "
        "Extracellular fluid (ECF) is the fluid environment outside the enclosure of the cell membrane. "
        "Water moves between the intracellular fluid and the extracellular fluid by osmosis. "
        "The intracellular fluid holds more potassium, and the extracellular fluid holds more sodium."
    )
    clozes = {
        i.answer for i in candidates_of(text, "fluids") if i.type == "cloze" and i.source.sentence.endswith("cell.")
    }
    assert "Intracellular fluid (ICF)" in clozes


def test_a_two_letter_term_the_reading_defines_is_asked():
    text = (
        "Acids and Bases\n\n"
        "A solution's pH is the negative logarithm of the hydrogen ion concentration of the solution. "
        "An acid is a substance that releases hydrogen ions in solution. "
        "A base is a substance that accepts hydrogen ions in solution. "
        "Blood has a pH of about 7.4, and the stomach's acid lowers the pH of its contents to about 2."
    )
    assert "pH" in {i.answer for i in candidates_of(text, "acids") if i.type == "cloze"}


MIXTURES = (
    "Mixtures\n\n"
    "A solution is a homogeneous liquid mixture in which a solute is evenly dissolved in a solvent. "
    "A suspension is a liquid mixture of a solvent and particles that settle out over time. "
    "A colloid is a mixture that is somewhat like a heavy solution. "
    "In a solution the solute never settles, while in a suspension the particles sink to the bottom. "
    "The particles of a colloid are larger than those of a solution, and a colloid is cloudy."
)


def test_a_definition_by_likeness_is_not_asked():
    """'A ___ is a mixture that is somewhat like a heavy solution': a suspension fits it as well
    (judged two-right by both panels of rounds 24 and 25); a definition that tells is asked."""
    items = candidates_of(MIXTURES, "mixtures")
    assert not [i for i in items if "somewhat like" in i.source.sentence]
    assert any(i.source.sentence.startswith("A suspension is") and i.answer == "A suspension" for i in items)


def test_a_term_renamed_in_an_aside_right_after_it_is_not_blanked():
    """'begins with ___\u2014one hypothesis\u2014': the aside names what fills the blank (judged
    two-right twice: 'a hypothesis' fits); the same term with no aside after it is asked."""
    text = (
        "Osmosis\n\n"
        "Osmosis is the diffusion of water through a semipermeable membrane. "
        "Osmolarity is the total concentration of solutes in a solution. "
        "Water crosses a semipermeable membrane by osmosis until the osmolarity is equal. "
        "Red blood cells swell by osmosis in pure water, because osmosis carries water toward their "
        "osmolarity\u2014the higher one\u2014inside. "
        "A cell shrinks by osmosis when the osmolarity outside it rises."
    )
    asked = {i.source.sentence for i in candidates_of(text, "osmosis") if i.answer == "osmolarity"}
    assert not any(s.startswith("Red blood cells") for s in asked)
    assert any(s.startswith("A cell shrinks") for s in asked)


def test_a_term_said_to_be_a_share_of_a_group_is_not_asked_from_that_sentence():
    """'___ are a relatively small proportion of psychologists that act as consultants to the
    police': that is no definition, and other psychologists fit the blank (judged two-right or
    dropped in 16 of 25 verdicts); the term is asked from the sentence that defines it."""
    text = (
        "Careers in Psychology\n\n"
        "Forensic psychology is a branch of psychology that deals with questions of psychology as they arise "
        "in the context of the justice system. "
        "Criminal profilers are a relatively small proportion of psychologists that act as consultants to the police. "
        "A criminal profiler is a forensic psychologist who infers the traits of an offender from the crime scene. "
        "Criminal profilers study crime scenes, and criminal profilers advise detectives on likely suspects."
    )
    items = candidates_of(text, "careers")
    assert not [i for i in items if "proportion" in i.source.sentence]
    assert any(i.source.sentence.startswith("A criminal profiler is") for i in items)


WOMEN_IN_PSYCHOLOGY = (
    "Women in Psychology\n\n"
    "A doctoral degree is an academic degree awarded for original research that advances a field. "
    "Margaret Floy Washburn was the first woman awarded the doctoral degree in psychology. "
    "Few universities then admitted women to study for a doctoral degree in psychology. "
    "Mary Whiton Calkins completed the work for a doctoral degree at Harvard, which refused her the degree. "
    "Washburn studied animal minds, and Calkins studied memory at Wellesley College. "
    "Martha Bernal, the first Latina to earn her doctoral degree in psychology, studied children."
)


def test_a_blank_after_a_persons_first_is_not_asked():
    """'Washburn was the first woman awarded the ___ in psychology': who was first is the fact; the
    degree after it is obvious (dropped in all 23 verdicts); the term elsewhere is asked."""
    asked = {(i.answer, i.source.sentence.split()[0]) for i in candidates_of(WOMEN_IN_PSYCHOLOGY, "women")}
    assert ("doctoral degree", "Margaret") not in asked
    assert ("doctoral degree", "Martha") not in asked
    assert ("Margaret Floy Washburn", "Margaret") in asked
    assert ("a doctoral degree", "Few") in asked


WATER = (
    "Water in the Body\n\n"
    "A chemical reaction is a process in which the bonds between atoms are broken and formed. "
    "In the body, water absorbs the heat generated by chemical reactions without greatly increasing in temperature. "
    "Enzymes speed up chemical reactions in the cells of the body. "
)


def test_the_agent_of_a_participle_describing_a_noun_is_not_asked():
    """'water absorbs the heat generated by ___ (chemical reactions)': the blank asks about what
    describes the heat, not what the sentence says (kept in 2 of 36 verdicts); the term elsewhere
    is asked, and so is a passive main verb's agent ('are separated by the ___')."""
    asked = {(i.answer, i.source.sentence.split()[1]) for i in candidates_of(WATER, "water")}
    assert ("chemical reactions", "the") not in asked
    assert ("chemical reactions", "speed") in asked
    _, sentences, _ = analysed(
        "Water absorbs the heat generated by chemical reactions. The two centers are separated by the growth plate."
    )
    heat, plate = sentences
    assert agent_of_a_modifier(heat, [t.text for t in heat.tokens].index("chemical"))
    assert not agent_of_a_modifier(plate, [t.text for t in plate.tokens].index("the", 3) + 1)


ACTIVE_AND_PASSIVE = (
    "Membrane Transport\n\n"
    "Passive transport is the movement of substances across the membrane without the expenditure of cellular energy. "
    "In contrast, active transport is the movement of substances across the membrane using energy from ATP. "
    "In chemistry, a solution is a homogeneous mixture of a solvent and a dissolved solute. "
    "Cells use active transport to pump ions, and passive transport lets water and solutes diffuse."
)


def test_a_definition_after_a_connective_is_asked_from_its_term_on():
    """'In contrast, ___ (active transport) is the movement ...': both judges who saw it struck
    'In contrast,', which leans on a sentence the item does not show, and then called the lower-case
    start garbled; the item now starts at the term, with its capital. A field named first ('In
    chemistry, ...') is no connective."""
    items = candidates_of(ACTIVE_AND_PASSIVE, "transport")
    (active,) = [i for i in items if i.answer == "Active transport"]
    assert active.source.sentence.startswith("Active transport is the movement")
    assert active.text.startswith("{{c1::Active transport}} is the movement")
    assert not item_problems(active)
    assert not sourcing_problems(active, {"transport"}, {"transport": ACTIVE_AND_PASSIVE})  # validate finds it
    assert not [i for i in items if "In contrast" in i.source.sentence]  # 'using energy from ___ (ATP)' neither
    assert opens_with_connective("In contrast, active transport ...")
    assert not opens_with_connective("In chemistry, a solution ...")


TONICITY = (
    "Tonicity\n\n"
    "Osmosis is the diffusion of water through a membrane that lets water through but not solutes. "
    "A hypertonic solution has a higher concentration of solutes than the cell, and a cell placed in a hypertonic "
    "solution loses water by osmosis. "
    "Red blood cells burst in a hypotonic solution and shrivel in a hypertonic solution. "
    "The symporter carries sodium ions into the cell, and the energy of the sodium ions moving through the symporter "
    "carries glucose in with them. "
    "Osmotic pressure pulls water toward the side of the membrane with more solutes, so osmosis moves water into "
    "the hypertonic side."
)


def test_a_term_the_sentence_says_twice_is_blanked_in_both_places():
    """'... through the ___ (symporter) ... through the symporter': one blank left the answer in the
    stem, so such sentences gave nothing; a cloze hides every place (Anki's c1 hides both)."""
    items = candidates_of(TONICITY, "cells")
    symporter = [i for i in items if i.answer == "symporter"]
    assert [i.type for i in symporter] == ["cloze"]  # an MCQ's stem has one blank
    assert symporter[0].text == (
        "The {{c1::symporter}} carries sodium ions into the cell, and the energy of the sodium ions moving through "
        "the {{c1::symporter}} carries glucose in with them."
    )
    assert item_problems(symporter[0]) == []
    for item in items:  # no stem shows its answer, and the stem's other form of it still rules one out
        shown = CLOZE.sub(" ", item.text or "") if item.type == "cloze" else item.question or ""
        assert item.answer.lower() not in shown.lower().split(), item
    assert not any(i.source.sentence.startswith("Osmotic pressure") and i.answer == "osmosis" for i in items)


def test_a_definition_after_a_connective_is_asked_past_it_wherever_its_term_stands():
    """'In contrast, a solution ... is said to be ___ (hypotonic) ...': the definition after the
    connective stands alone; the item starts past it, with a capital validate finds."""
    text = TONICITY + (
        " In contrast, a solution with a lower concentration of solutes than the cell is said to be hypotonic, "
        "and a cell placed in a hypotonic solution swells with water."
    )
    (hypotonic,) = [i for i in candidates_of(text, "cells") if i.answer == "hypotonic"]
    assert hypotonic.text == (
        "A solution with a lower concentration of solutes than the cell is said to be {{c1::hypotonic}}, "
        "and a cell placed in a {{c1::hypotonic}} solution swells with water."
    )
    assert not item_problems(hypotonic)
    assert not sourcing_problems(hypotonic, {"cells"}, {"cells": text})
    (sentence,) = [s for s in analysed(text, "cells")[1] if s.text.startswith("In contrast")]
    asked = _past_connective(sentence, sentence.text.index("hypotonic"))
    assert asked.text.startswith("A solution with") and asked.tokens[0].text == "a"  # from past the connective
    assert all(asked.text[t.start - asked.start : t.end - asked.start].lower() == t.text.lower() for t in asked.tokens)


def test_a_definition_that_sets_its_term_against_a_sibling_is_asked_without_that_sibling_as_an_option():
    """'In contrast with endocytosis, exocytosis is the process of ...': the sibling the sentence
    names cannot be an option (validate refuses one the source sentence names, so the item was
    lost); the other kinds are. The question is the definition's own: the sentence before ('In
    contrast with' leans on it) is not shown above it."""
    text = (
        "Vesicular Transport\n\n"
        "Endocytosis is the process of a cell taking in material by wrapping it in a piece of its membrane. "
        "Phagocytosis is the endocytosis of large particles such as bacteria. "
        "Pinocytosis is the endocytosis of droplets of fluid. "
        "Osmosis is the diffusion of water across a membrane. "
        "In contrast with endocytosis, exocytosis is the process of a cell releasing material in vesicles that fuse "
        "with its membrane. "
        "Cells use endocytosis, phagocytosis, pinocytosis and exocytosis every minute."
    )
    (exocytosis,) = [i for i in candidates_of(text, "cells") if i.type == "mcq" and i.answer == "exocytosis"]
    assert exocytosis.question == (
        "Which term names the process of a cell releasing material in vesicles that fuse with its membrane?"
    )
    assert "endocytosis" not in {d.lower() for d in exocytosis.distractors}
    assert exocytosis.context is None  # the question stands alone: no sentence before it shown
    assert not item_problems(exocytosis)


def test_a_definition_closed_by_a_figure_letter_is_asked_without_it():
    """'An acid is a substance that releases hydrogen ions (H+) in solution (a).': the letter of
    the figure beside it was page furniture that kept the sentence out; asked without it, and
    validate finds the sentence in the reading."""
    text = (
        "Acids and Bases\n\n"
        "An acid is a substance that releases hydrogen ions (H+) in solution (a). "
        "A base is a substance that releases hydroxyl ions (OH-) in solution (see b). "
        "A salt is a substance that releases ions other than H+ or OH- in solution. "
        "A buffer is a solution of a weak acid and its conjugate base. "
        "Acids, bases, salts and buffers keep the pH of the blood between 7.35 and 7.45."
    )
    items = candidates_of(text, "acids")
    acid = [i for i in items if i.answer.lower() in {"acid", "an acid"}]
    assert acid and all(
        i.source.sentence == "An acid is a substance that releases hydrogen ions (H+) in solution." for i in acid
    )
    assert not any("(a)" in (i.text or i.question or "") or "(see b)" in (i.text or i.question or "") for i in items)
    for item in acid:
        assert not item_problems(item) and not sourcing_problems(item, {"acids"}, {"acids": text})


BONES = (
    "Bones of the Limbs\n\n"
    "Sesamoid Bones\n\n"
    "A sesamoid bone is a small, round bone that forms in a tendon. "
    "The sesamoid bones protect tendons from wear, and each sesamoid grows with its tendon. "
    "A sesamoid is named for its shape, like a sesame seed, and the largest sesamoid sits in the knee. "
    "Long Bones\n\n"
    "The femur is the long bone of the thigh, and the humerus is the long bone of the arm. "
    "The clavicle is the bone that develops by intramembranous ossification rather than from cartilage. "
    "The tibia is the long bone of the leg that bears the weight of the body. "
    "The scapula is the flat bone of the shoulder girdle. "
    "The femur, humerus, tibia, scapula and clavicle are bones of the limbs and girdles."
)


def test_a_definition_ends_where_another_clause_begins_and_a_kind_by_its_modifier_is_no_bone():
    """'The femur is the long bone of the thigh, and the humerus is ...': the question is the first
    clause ('Which term names the long bone of the thigh, and the humerus is ...?' was garbled).
    'sesamoid', the reading's short name for a sesamoid bone, is a kind of bone, no option among
    the femur, the tibia and the clavicle (fixed as a giveaway in the dev set's rounds)."""
    mcqs = {i.answer: i for i in candidates_of(BONES, "bones") if i.type == "mcq"}
    assert mcqs["femur"].question == "Which term names the long bone of the thigh?"
    assert {"femur", "tibia", "clavicle"} <= set(mcqs)
    model = model_of(BONES, "bones")
    members = {t.key for _, t in _category_members(model.terms["femur"], model, [])}
    assert {"tibia", "clavicle"} <= members and "sesamoid" not in members


JOINT_CAVITY = (
    "Joints\n\n"
    "A joint is any place where two bones of the skeleton meet. "
    "Joints are grouped by how firmly the adjacent bones are held together. "
    "At a synovial joint, the surfaces of the bones are not directly connected, but come into contact with each "
    "other within a joint cavity that is filled with a lubricating fluid. "
    "Fibrous joints hold the adjacent bones together with dense connective tissue. "
    "Cartilaginous joints hold the adjacent bones together with cartilage. "
    "Most of the joints of the limbs are synovial joints, which allow the bones to move freely. "
    "The joint cavity of a synovial joint is lined by a thin synovial membrane. "
    "A joint cavity is a space between the articulating surfaces of the bones of a synovial joint. "
)


def test_the_word_a_section_is_about_gives_no_term_away():
    """'... joints ... within a ___ (joint cavity)' in a section on joints, where every sentence
    says 'joints': the blank's 'cavity' is what the student must know; outside a definition, a
    stem naming the other part of a term still rules it out ('the cooling towers' in 'cleaning
    of the ___')."""
    items = candidates_of(JOINT_CAVITY, "joints")
    assert any(
        i.answer.lower().endswith("joint cavity") and i.source.sentence.startswith("At a synovial") for i in items
    )
    assert all(item_problems(i) == [] for i in items)
    assert _without_topic("joint cavity", {"joint"}) == "cavity"
    assert _without_topic("cooling tower", {"tower"}) == "cooling tower"  # the head stays: 'cleaning of the tower'
    assert _without_topic("joint cavity (JC)", {"joint"}) == "cavity (JC)"  # and the abbreviation: 'the JC'


def test_a_common_word_of_another_terms_definition_is_not_blanked():
    """'... the scientific study of development across ___ (a lifespan)': the wording of the
    definition of another term (dropped as trivial by every judge who saw it); a rare word there
    is a term of its own and is asked ('a thick pad of ___ (fibrocartilage) called ...')."""
    text = (
        "Ageing\n\n"
        "Gerontology is the scientific study of ageing across a lifespan in humans and other animals. "
        "The human lifespan has grown longer in most countries over the last century. "
        "A longer lifespan changes what medicine must do for the oldest patients. "
        "Diet and exercise lengthen the lifespan of laboratory mice by a fifth. "
        "Smoking shortens the lifespan of a smoker by about ten years on average. "
        "The lifespan of a tortoise can pass one hundred and fifty years. "
        "Telomeres at the ends of chromosomes grow shorter with each division of a cell. "
        "Between the vertebrae is a thick pad of fibrocartilage called an intervertebral disc. "
        "The fibrocartilage of the disc absorbs shocks when the spine is loaded. "
    )
    items = candidates_of(text, "ageing")
    assert not any(i.answer.lower().endswith("lifespan") and i.source.sentence.startswith("Gerontology") for i in items)
    assert any(i.answer == "fibrocartilage" and i.source.sentence.startswith("Between") for i in items)


def test_a_term_whose_sentence_says_only_when_it_happens_is_not_blanked():
    """'___ (Ossification) of the distal end of the femur ... begins shortly before birth': any
    process fits the blank (development, growth; dropped or fixed in 52 of 57 verdicts). Where
    the sentence defines the term, it says what it is: 'Osmosis occurs when ...' is asked."""
    text = (
        "Bone Growth\n\n"
        "Ossification is the process of bone formation by osteoblasts. "
        "Ossification of the lower end of the thigh bone begins shortly before birth. "
        "Ossification of the skull bones continues well into the first years of childhood. "
        "Osteoblasts lay down new bone during ossification of the growth plates. "
        "Osmosis occurs when water moves across a membrane from a dilute solution to a concentrated one. "
        "Osmosis keeps the cells of the growth plates from drying out. "
    )
    items = candidates_of(text, "bones")
    assert not any(i.answer.lower() == "ossification" and "begins" in i.source.sentence for i in items)
    assert not any(i.answer.lower() == "ossification" and "continues" in i.source.sentence for i in items)
    assert any(i.answer.lower() == "ossification" and i.source.sentence.startswith("Ossification is") for i in items)
    assert any(i.answer == "Osmosis" and "occurs when" in i.source.sentence for i in items)


def test_a_definition_that_says_the_terms_modifier_asks_for_its_head_as_a_cloze():
    """'An ___ (electrical gradient) is a difference in electrical charge across a space': the
    stem says 'electrical', the student recalls 'gradient'. No MCQ (the option with the stem's
    word would give itself away), and not where the head is the reading's subject
    ('Developmental psychology is the scientific study of development ...') or the stem says it."""
    cells = (
        "Nerve Cells\n\n"
        "Nerve cells carry signals from one part of the body to another. "
        "An electrical gradient is a difference in electrical charge across a space. "
        "Nerve cells keep an electrical gradient across their membranes by pumping ions out. "
        "The electrical gradient of a nerve cell lets it send a signal in a thousandth of a second. "
        "A sodium channel is a channel that lets sodium ions through the membrane of a nerve cell. "
        "Sodium channels open when a signal reaches them, and ions rush into the cell. "
    )
    items = [i for i in candidates_of(cells, "nerves") if i.source.sentence.startswith("An electrical gradient is")]
    assert [(i.type, i.answer) for i in items] == [("cloze", "An electrical gradient")]
    assert all(item_problems(i) == [] for i in candidates_of(cells, "nerves"))
    sodium = [i for i in candidates_of(cells, "nerves") if i.source.sentence.startswith("A sodium channel is")]
    assert sodium and not any("sodium channel" in i.answer for i in sodium)  # the stem says 'channel' too
    fields = (
        "Psychology\n\n"
        "Psychology is the scientific study of the mind and of behavior. "
        "Developmental psychology is the scientific study of development across the lifespan. "
        "Psychology grew out of philosophy and physiology in the nineteenth century. "
        "Many fields of psychology study how people change as they grow older. "
        "Psychology students learn how experiments on memory are designed. "
    )
    assert not any(i.source.sentence.startswith("Developmental") for i in candidates_of(fields, "psychology"))


def test_a_sentence_that_names_what_the_one_before_described_is_asked_with_it():
    """'This particular approach is known as the ___ (biopsychosocial model)': the sentence
    before says what the approach is; shown it, the name is asked. 'These pumps are found in
    nerve cells' still stands for the sentence before and is not asked."""
    text = (
        "Atoms and Bonds\n\n"
        "Atoms are most stable when their outermost shell holds exactly eight electrons. "
        "This principle is known as the octet rule, and chemists use it to predict how atoms bond. "
        "An atom with one electron in its outermost shell gives that electron up easily. "
        "An atom with seven electrons in its outermost shell takes one more electron from another atom. "
        "These atoms are found in the salts of the sea. "
    )
    sentences = analysed(text, "atoms")[1]
    assert [standing(s) for s in sentences[1:3]] == [Standing.ALONE, Standing.NEEDS_CONTEXT]
    assert standing(sentences[-1]) == Standing.UNUSABLE
    named = [i for i in candidates_of(text, "atoms") if i.answer.endswith("octet rule")]
    assert named and all(i.context == sentences[1].text and i.source.sentence == sentences[2].text for i in named)
    assert all(item_problems(i) == [] for i in named)


def test_a_blank_never_asks_for_an_irregular_plural():
    """'The cartilage in the ___ (calli) is replaced ...': a student who knows it writes 'callus'
    (dropped or fixed in 9 of 9 verdicts). Where the reading says the singular, it is asked."""
    text = (
        "Fractures\n\n"
        "A fracture is a broken bone, and the healing of a fracture takes several weeks. "
        "A fracture hematoma is a mass of clotted blood that forms around the ends of the broken bone. "
        "Within two days, chondrocytes from the endosteum create an internal callus (plural = calli) of cartilage. "
        "The cartilage in the calli is replaced by trabecular bone over the following weeks. "
        "Osteoclasts resorb the dead bone while osteoblasts lay down new trabecular bone. "
        "The periosteum is a membrane that covers the outer surface of the bone. "
        "Osteoblasts of the periosteum build an external callus of cartilage and bone around the break. "
        "An external callus is a collar of cartilage and bone that holds the two ends of the break together. "
    )
    answers = [i.answer.lower() for i in candidates_of(text, "bones")]
    assert "calli" not in answers
    assert "an external callus" in answers


def test_a_term_set_against_its_sibling_is_asked():
    """'___ (Deductive reasoning) starts with a generalization ...; however, inductive reasoning
    moves in the opposite direction': the stem says 'reasoning' only as the other kind, which
    the blank is set against; and 'starts with' says how it goes, not when. It took the place
    of 'Scientists use ___ (deductive reasoning) to ...', where experiments fit too (two-right in
    27 of 50 verdicts)."""
    text = (
        "Reasoning in Science\n\n"
        "Scientists test their ideas against careful observations of the world. "
        "Deductive reasoning starts with a general idea that is tested against observations; however, "
        "inductive reasoning moves in the opposite direction. "
        "Inductive reasoning builds general ideas from many single observations. "
        "Case studies gather observations, and inductive reasoning turns them into theories. "
        "Experiments test hypotheses, and deductive reasoning tells what each hypothesis predicts. "
    )
    items = candidates_of(text, "science")
    assert any(i.answer == "Deductive reasoning" and "starts with" in i.source.sentence for i in items)
    assert all(item_problems(i) == [] for i in items)
