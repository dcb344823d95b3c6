"""Candidate terms: noun phrases whole and in part, abbreviations, and how key a phrase is."""

from conftest import analysed
from quizwright.analysis.terms import abbreviations, chunks, count_terms, keyness, term_key, words_of


def phrases(text: str) -> list[str]:
    _, sentences, _ = analysed(text, "book")
    return [" ".join(words_of(s, span)) for s in sentences for span in chunks(s)]


def test_noun_phrases_whole_without_verbs_or_determiners():
    assert "fibrous connective tissue" in phrases("The bones are united by fibrous connective tissue.")
    found = phrases("Any research involving human participants must be reviewed by a committee.")
    assert "human participants" in found and not any("involving" in p for p in found)
    assert "Clinical psychology" in phrases(
        "Clinical psychology is an area of psychology."
    )  # a capital that only opens


def test_title_case_headings_count_as_the_terms_they_name():
    found = count_terms(analysed("Forensic Psychology\n\nForensic psychology deals with the law.", "book")[1])
    assert found.counts["forensic psychology"] == 2 and "forensic psychology" in found.in_heading
    assert found.form("forensic psychology") == "forensic psychology"


def test_shorter_terms_inside_longer_ones_are_counted_too():
    found = count_terms(
        analysed("Each subject signs an informed consent form. The informed consent form is kept.", "b")[1]
    )
    assert found.counts["informed consent form"] == 2 and found.counts["informed consent"] == 2
    assert found.counts["consent form"] == 2


def test_abbreviations_are_the_initials_of_the_phrase_before_them():
    _, sentences, _ = analysed(
        "Research must be approved by an institutional review board (IRB). The IRB meets monthly to review it.", "b"
    )
    assert abbreviations(sentences) == {"IRB": "institutional review board"}
    assert count_terms(sentences).counts["institutional review board"] == 2  # 'the IRB' counts as a mention


def test_keyness_rewards_what_general_english_rarely_says():
    assert keyness(5, "isotope", 2000) > keyness(5, "body", 2000) > 0
    assert keyness(1, "the", 2000) == 0.0
    assert term_key(["Synovial", "Joints"]) == "synovial joint"


def test_an_everyday_name_in_brackets_is_no_term_of_its_own():
    """'the sternum (breastbone)': the reading teaches 'sternum'; offered as an option,
    'breastbone' is a lay word among technical ones. An abbreviation in brackets still counts."""
    found = count_terms(
        analysed(
            "Flat bones include the scapulae (shoulder blades), the sternum (breastbone) and the ribs. "
            "Studies are approved by an institutional review board (IRB), and the IRB meets monthly.",
            "b",
        )[1]
    )
    assert found.counts["sternum"] == 1 and found.counts["scapula"] == 1
    assert "breastbone" not in found.counts and "shoulder blade" not in found.counts
    assert found.counts["institutional review board"] == 2
