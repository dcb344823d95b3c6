"""Sentences and tokens: blocks, headings, abbreviations, tags, offsets into the original text."""

from quizwright.analysis.text import analyse, blocks, without_figure_letter
from quizwright.models import Document


def doc(text: str, doc_id: str = "d") -> Document:
    return Document(doc_id, f"{doc_id}.txt", "", text)


def test_possessive_with_curly_apostrophe_is_tagged_as_possessive():
    sentences = analyse(doc("South Korea\u2019s largest trading partner is China."))
    tokens = [(t.text, t.tag) for t in sentences[0].tokens]
    assert ("Korea", "NNP") in tokens
    assert ("'s", "POS") in tokens


def test_tokens_carry_offsets_into_the_original_text():
    text = "Title line\n\nLee\u2019s visit began in Beijing on Monday. It lasted four days."
    sentences = analyse(doc(text))
    body = [s for s in sentences if not s.is_heading]
    assert [s.text for s in body] == ["Lee\u2019s visit began in Beijing on Monday.", "It lasted four days."]
    for s in body:
        assert text[s.start : s.end] == s.text
        for t in s.tokens:
            assert text[t.start : t.end].replace("\u2019", "'") == t.text


def test_headings_are_lines_without_closing_punctuation():
    sentences = analyse(doc("Why This Visit Matters\n\nThe president arrived in Beijing for a visit."))
    assert [s.is_heading for s in sentences] == [True, False]


def test_hard_wrapped_lines_join_into_one_paragraph():
    text = "A tissue is a group of similar cells\nthat work together.\nOrgans are made of tissues."
    assert [text[a:b] for a, b in blocks(text)] == [
        "A tissue is a group of similar cells\nthat work together.",
        "Organs are made of tissues.",
    ]


def test_sentence_splitting_respects_abbreviations():
    sentences = analyse(doc("Dr. Kim met U.S. officials in Seoul on Monday. They talked for an hour."))
    assert len(sentences) == 2


def test_joining_the_lines_of_a_word_list_looks_at_each_line_once(monkeypatch):
    """A vocabulary list (a word per line, lower case, no full stops) is one long hard-wrapped
    block: deciding each join by the whole block so far made a 1 MB list take minutes."""
    import quizwright.analysis.text as text_module

    looked_at: list[int] = []
    real = text_module.TERMINAL

    class Spy:
        def search(self, line: str):
            looked_at.append(len(line))
            return real.search(line)

    monkeypatch.setattr(text_module, "TERMINAL", Spy())
    words = "\n".join(f"word{n:05d}" for n in range(20_000)) + "\n"
    assert blocks(words) == [(0, len(words) - 1)]
    assert sum(looked_at) <= len(words)  # each line once, not each block so far


def test_a_word_list_is_joined_as_before():
    text = "Vocabulary\n\napple\nbanana\ncherry.\nDate\nelder\n"
    assert [text[a:b] for a, b in blocks(text)] == ["Vocabulary", "apple\nbanana\ncherry.", "Date\nelder"]


def test_a_main_verb_the_tagger_read_as_a_plural_noun_is_a_verb():
    """'Social psychology focuses/NNS on how ...': the perceptron tagger's error left such
    sentences without a verb, and the term before it looked cut short ('psychology focuses')."""
    sentences = analyse(
        doc(
            "Social psychology focuses on how we relate to others. "
            "A biaxial joint allows for motions within two planes. "
            "Water channels in the cell membrane are called aquaporins. "
            "Psychoanalytic theory focuses on the role of the unconscious, and this perspective dominated "
            "clinical psychology for decades. "
            "Receptors on liver cell surfaces bind the hormone-carrier molecules, and the cell absorbs the complexes."
        )
    )
    tags = [{t.text: t.tag for t in s.tokens} for s in sentences]
    assert tags[0]["focuses"] == "VBZ"
    assert tags[1]["allows"] == "VBZ"
    assert tags[2]["channels"] == "NNS"  # a verb follows in its clause: the subject's head
    assert tags[3]["focuses"] == "VBZ"  # the verb after ', and' is the next clause's
    assert tags[4]["surfaces"] != "VBZ"  # the tagger took 'bind' for a preposition: no verb to right


def test_a_term_opening_a_sentence_is_a_noun_where_the_reading_writes_it_in_lower_case():
    """'Endocytosis (bringing ...) is ...' was a name to the tagger and the entity finder: the
    reading's definition of endocytosis went unasked."""
    sentences = analyse(
        doc(
            "Endocytosis (bringing material into the cell) is the process of a cell ingesting material. "
            "Phagocytosis is the endocytosis of large particles. "
            "Bill Clinton signed the bill into law."
        )
    )
    opener = sentences[0].tokens[0]
    assert (opener.text, opener.tag) == ("endocytosis", "NN")
    assert sentences[0].text.startswith("Endocytosis")  # the sentence itself is verbatim
    assert sentences[1].tokens[0].text == "Phagocytosis"  # never written in lower case
    assert sentences[2].tokens[0].tag == "NNP"  # a longer name


def test_a_figure_letter_before_the_stop_is_left_out_and_the_tokens_still_point_into_the_text():
    (sentence,) = analyse(doc("An acid is a substance that releases hydrogen ions (H+) in solution (a)."))
    trimmed = without_figure_letter(sentence)
    assert trimmed.text == "An acid is a substance that releases hydrogen ions (H+) in solution."
    words = [t.text for t in trimmed.tokens]
    assert words[-3:] == ["in", "solution", "."] and words.count("(") == 1  # '(H+)' only
    for t in trimmed.tokens:
        assert trimmed.text[t.start - trimmed.start : t.end - trimmed.start] == t.text
    (plain,) = analyse(doc("Strong acids (HCl, for one) ionize completely."))
    assert without_figure_letter(plain) is plain
