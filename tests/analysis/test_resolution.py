"""One kind and one key per entity across a document set, and names the tagger missed."""

from conftest import NEWS, analysed, sentence_with
from quizwright.analysis.entities import find_mentions
from quizwright.analysis.resolution import resolve
from quizwright.analysis.text import analyse
from quizwright.matching import name_key
from quizwright.models import Document


def test_a_name_the_tagger_took_for_a_common_word_is_found_when_the_set_names_the_person():
    """'asked Xi in earlier meetings': the tagger reads Xi as the Greek letter (NN)."""
    from quizwright.analysis.resolution import with_missed_names

    _, sentences, _ = analysed(
        NEWS + " Lee has already asked Xi in earlier meetings to help persuade North Korea to return to talks."
    )
    found = [m for s in sentences for m in find_mentions(s)]
    sentence = sentence_with(sentences, "earlier meetings")
    assert "Xi" not in [m.text for m in found if m.sentence == sentence]
    recovered = resolve(with_missed_names(sentences, found))
    xi = [m for m in recovered if m.sentence == sentence and m.text == "Xi"]
    assert [(m.kind, m.key) for m in xi] == [("person", "xijinping")]
    assert len(recovered) == len(found) + 1  # nothing else added


def mentions(*texts: str):
    found = []
    for n, text in enumerate(texts):
        found += [m for s in analyse(Document(f"d{n}", f"d{n}.txt", "", text)) for m in find_mentions(s)]
    return resolve(found)


def test_person_key_is_shared_across_documents_and_spellings():
    found = mentions(
        "South Korean President Lee Jae-myung arrived in Beijing.",
        "Lee Jae Myung met Xi Jinping. President Lee spoke first. Lee smiled.",
    )
    lees = [m for m in found if m.words[0] == "Lee"]
    assert [m.text for m in lees] == ["Lee Jae-myung", "Lee Jae Myung", "Lee", "Lee"]
    assert {(m.kind, m.key) for m in lees} == {("person", name_key("Lee Jae-myung"))}
    assert name_key("Lee Jae-myung") != name_key("Xi Jinping")


def test_surname_alone_follows_the_full_name():
    # "Kofi" is not in the first-name list: the title on a later mention decides
    found = mentions("Kofi Annan arrived on Monday. Later, Mr. Annan met reporters. Annan smiled.")
    annan = [(m.text, m.kind) for m in found if "Annan" in m.text]
    assert annan == [("Kofi Annan", "person"), ("Annan", "person"), ("Annan", "person")]
