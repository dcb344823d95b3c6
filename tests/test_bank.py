"""Bank YAML: round trips, line numbers, one-line errors, the schema comment."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import line_of
from quizwright import bank as bank_module
from quizwright.bank import (
    HEADER,
    bank_to_yaml,
    load_bank,
    parse_bank,
    save_bank,
    schema_comment,
)
from quizwright.errors import BankError
from quizwright.models import Bank, BuildRecord, Item, Source, SourceRef


def fingerprinted(item: Item) -> Item:
    return replace(item, fingerprint=item.content_hash())


@pytest.fixture()
def sample_bank(make_item, make_cloze) -> Bank:
    return Bank(
        title="Seoul and Beijing: a \u201ccautious\u201d visit",
        sources=(Source("doc", "src/doc.txt", "ab" * 32),),
        items=(
            fingerprinted(replace(make_item(), score=0.875)),
            fingerprinted(make_cloze(status="approved")),
            replace(make_item(id="mcq-stale"), status="rejected", stale="the source sentence is no longer in doc"),
        ),
    )


def lines_of_ids(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith("- id: ")]


def test_bank_to_yaml_and_back_gives_the_same_bank(sample_bank):
    text = bank_to_yaml(sample_bank)
    assert text.startswith(HEADER)
    again = parse_bank(text)
    assert again == sample_bank
    assert bank_to_yaml(again) == text  # byte-identical when dumped twice


def test_the_yaml_keeps_one_item_per_block_with_flow_distractors(sample_bank):
    text = bank_to_yaml(sample_bank)
    assert "distractors: [Japan, Taiwan, North Korea]" in text
    assert "score: 0.875" in text
    # a cloze carries text, not a question or distractors
    cloze_block = text.split(f"- id: {sample_bank.items[1].id}")[1].split("- id:")[0]
    assert "text: " in cloze_block and "question" not in cloze_block and "distractors" not in cloze_block


@pytest.mark.parametrize(
    "sentence",
    [
        "China is South Korea\u2019s \u201cbiggest\u201d trading partner.",
        "The rule is simple: trade first, politics later.",
        "Seoul's reply was short: no.",
        "Item #3 on the agenda was Taiwan.",
        "Exports rose 5% # according to officials.",
        "- a list marker at the start, and a colon at the end:",
        "[brackets] and {braces} and a \"double quote\" and a 'single' one",
        "yes",
        "null",
        "1950",
        "0x1F",
        "  leading and trailing spaces  ",
        "@mention & *star ! percent % | pipe > gt",
        "Em dash\u2014and an ellipsis\u2026 and a non-breaking\u00a0space.",
        "A tab\tinside.",
    ],
)
def test_awkward_sentences_survive_the_round_trip(make_item, sentence):
    item = make_item(
        answer=sentence.strip().split()[0] if sentence.strip() else "x",
        source=SourceRef("doc", sentence),
        question=sentence,
        distractors=(sentence, "a: b", "# not a comment"),
    )
    bank = Bank("t: #1", (Source("doc", "src/doc.txt", ""),), (item,))
    text = bank_to_yaml(bank)
    again = parse_bank(text).items[0]
    assert again.source.sentence == sentence
    assert again.question == sentence
    assert again.distractors == (sentence, "a: b", "# not a comment")
    assert parse_bank(text).title == "t: #1"
    assert bank_to_yaml(parse_bank(text)) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sentence=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80)
    # a leading '?' in a distractor is the known bug below, pinned by its own test
    .filter(lambda s: not s.startswith("?"))
)
def test_any_printable_sentence_survives_the_round_trip(make_item, sentence):
    item = make_item(
        source=SourceRef("doc", sentence),
        question=sentence,
        answer=sentence,
        distractors=(sentence, sentence + "!", "x"),
    )
    bank = Bank("t", (), (item,))
    text = bank_to_yaml(bank)
    assert parse_bank(text) == bank
    assert bank_to_yaml(parse_bank(text)) == text


@pytest.mark.parametrize(
    "distractor",
    [
        "?",  # quoted: survives today
        "? Pyongyang",
        "?!",
    ],
)
def test_a_distractor_starting_with_a_question_mark_survives_the_round_trip(make_item, distractor):
    """Exposes a bug in bank.py (_flow): ruamel writes the flow list as [? Pyongyang, ...]
    without quotes, and '? ' opens a complex mapping key inside a flow sequence, so the bank
    reads back a different list ("{'Pyongyang': None}", or two options merged into one)."""
    distractors = (distractor, "Tokyo", "Moscow")
    bank = Bank("t", (), (make_item(distractors=distractors),))
    assert parse_bank(bank_to_yaml(bank)).items[0].distractors == distractors


def test_each_item_knows_its_line_in_the_yaml(sample_bank):
    text = bank_to_yaml(sample_bank)
    items = parse_bank(text).items
    id_lines = lines_of_ids(text)[len(sample_bank.sources) :]
    assert [i.line for i in items] == id_lines
    for item in items:
        assert text.splitlines()[item.line - 1].strip() == f"- id: {item.id}"
        assert item.line == line_of(text, item.id)


def test_item_lines_follow_hand_added_comments(sample_bank):
    text = bank_to_yaml(sample_bank)
    first = sample_bank.items[0].id
    edited = text.replace(f"  - id: {first}\n", f"  # a note for my class\n  # and another\n  - id: {first}\n")
    items = parse_bank(edited).items
    assert [i.line for i in items] == [line_of(edited, i.id) for i in items]
    assert items[0].line == parse_bank(text).items[0].line + 2


def test_missing_optional_fields_take_their_defaults():
    text = (
        "schema: quizwright/1\n"
        "title: t\n"
        "items:\n"
        "  - id: x\n"
        "    type: cloze\n"
        "    text: '{{c1::Seoul}} is big.'\n"
        "    answer: Seoul\n"
        "    source: {doc: d, sentence: Seoul is big.}\n"
    )
    (item,) = parse_bank(text).items
    assert (item.status, item.answer_kind, item.distractors, item.score, item.fingerprint) == (
        "draft",
        "term",
        (),
        None,
        None,
    )
    assert parse_bank(text).sources == ()


def test_numbers_in_text_fields_are_read_as_text():
    text = (
        "schema: quizwright/1\ntitle: 2024\nitems:\n"
        "  - id: 7\n    type: mcq\n    question: When?\n    answer: 1950\n"
        "    distractors: [1945, 1953, 1961]\n    source: {doc: d, sentence: It began in 1950.}\n"
    )
    bank = parse_bank(text)
    assert bank.title == "2024"
    assert (bank.items[0].id, bank.items[0].answer, bank.items[0].distractors) == (
        "7",
        "1950",
        ("1945", "1953", "1961"),
    )


GOOD = (
    "schema: quizwright/1\n"
    "title: t\n"
    "sources:\n"
    "  - id: doc\n"
    "    path: src/doc.txt\n"
    "    sha256: ''\n"
    "items:\n"
    "  - id: mcq-1\n"
    "    type: mcq\n"
    "    question: Which country?\n"
    "    answer: China\n"
    "    distractors: [Japan, Taiwan, Laos]\n"
    "    source:\n"
    "      doc: doc\n"
    "      sentence: China is big.\n"
)


def bank_error(text: str, name: str = "bank.yaml") -> str:
    with pytest.raises(BankError) as caught:
        parse_bank(text, name)
    message = str(caught.value)
    assert "\n" not in message.strip(), message
    assert caught.value.exit_code == 2
    return message


def test_the_good_bank_parses():
    assert parse_bank(GOOD).items[0].answer == "China"


@pytest.mark.parametrize(
    "text",
    [
        GOOD.replace("    answer: China\n", "    answer: [China\n"),
        "schema: quizwright/1\ntitle: t\nitems: [\n",
        "schema: quizwright/1\ntitle: 'unterminated\n",
        "schema: quizwright/1\n\ttitle: t\n",
    ],
)
def test_malformed_yaml_is_one_line_with_line_and_column(text):
    message = bank_error(text)
    assert re.match(r"^bank\.yaml:\d+:\d+: not valid YAML: \S", message), message


def test_the_yaml_error_points_at_the_broken_line():
    text = GOOD.replace("    question: Which country?\n", "    question: Which: country: ?\n")
    broken = text.splitlines().index("    question: Which: country: ?") + 1
    message = bank_error(text)
    assert message.startswith(f"bank.yaml:{broken}:"), message


@pytest.mark.parametrize("text", ["- a\n- b\n", "just a sentence\n", "42\n", ""])
def test_yaml_that_is_not_a_mapping_is_not_a_bank(text):
    assert bank_error(text) == (
        "bank.yaml: not a quizwright bank (expected a mapping with schema, title, sources, items)"
    )


def test_an_unknown_schema_is_named():
    text = GOOD.replace("schema: quizwright/1\n", "schema: quizwright/2\n")
    assert bank_error(text) == "bank.yaml: unknown schema 'quizwright/2'; this quizwright reads quizwright/1"


def test_a_missing_schema_says_how_a_bank_starts():
    text = GOOD.replace("schema: quizwright/1\n", "")
    assert bank_error(text) == "bank.yaml: no 'schema' field; a quizwright bank starts with 'schema: quizwright/1'"


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  - id: mcq-1\n    type: mcq\n", "  - type: mcq\n", "id"),
        ("    type: mcq\n", "", "type"),
        ("    answer: China\n", "", "answer"),
        ("    answer: China\n", "    answer:\n", "answer"),
    ],
)
def test_a_missing_required_item_field_is_named_with_the_items_line(old, new, field):
    assert old in GOOD
    text = GOOD.replace(old, new)
    assert bank_error(text) == f"bank.yaml:8: missing required field '{field}'"


def test_a_missing_source_sentence_is_named():
    text = GOOD.replace("      sentence: China is big.\n", "")
    assert bank_error(text) == "bank.yaml:14: missing required field 'sentence'"


@pytest.mark.parametrize(
    ("old", "new", "fragment"),
    [
        (
            "    source:\n      doc: doc\n      sentence: China is big.\n",
            "    source: doc\n",
            "item needs a 'source' with doc and sentence (or 'source: teacher' for your own question)",
        ),
        ("    distractors: [Japan, Taiwan, Laos]\n", "    distractors: Japan\n", "'distractors' must be a list"),
        ("    answer: China\n", "    answer: {name: China}\n", "field 'answer' must be text"),
    ],
)
def test_wrongly_shaped_fields_are_one_line_errors(old, new, fragment):
    assert old in GOOD
    assert bank_error(GOOD.replace(old, new)) == f"bank.yaml:8: {fragment}"


@pytest.mark.parametrize("key", ["sources", "items"])
def test_sources_and_items_must_be_lists(key):
    text = f"schema: quizwright/1\ntitle: t\n{key}: everything\n"
    assert bank_error(text) == f"bank.yaml:1: '{key}' must be a list"


def test_duplicate_keys_are_an_error_with_their_place():
    text = GOOD.replace("    answer: China\n", "    answer: China\n    answer: Japan\n")
    message = bank_error(text)
    second = text.splitlines().index("    answer: Japan") + 1
    assert re.match(rf"^bank\.yaml:{second}:\d+: not valid YAML: ", message), message
    assert "answer" in message


def test_load_bank_names_a_missing_file(tmp_path):
    with pytest.raises(BankError, match=r"no such bank file$") as caught:
        load_bank(tmp_path / "nope.yaml")
    assert str(caught.value) == f"{tmp_path / 'nope.yaml'}: no such bank file"


def test_load_bank_names_a_file_that_is_not_utf8(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_bytes(GOOD.encode("utf-8") + b"# caf\xe9\n")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert str(caught.value).startswith(f"{path}: cannot read the bank (UnicodeDecodeError")


def test_load_bank_uses_the_path_in_its_messages(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_text("schema: other\n", encoding="utf-8")
    with pytest.raises(BankError, match=re.escape(f"{path}: unknown schema 'other'")):
        load_bank(path)


def test_save_bank_points_the_yaml_language_server_at_the_shipped_schema(tmp_path, sample_bank):
    path = tmp_path / "banks" / "bank.yaml"
    save_bank(sample_bank, path)
    text = path.read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first == schema_comment(path).rstrip("\n")
    target = first.split("$schema=", 1)[1]
    assert not Path(target).is_absolute()
    assert (path.parent / target).resolve() == bank_module.SCHEMA_FILE.resolve()
    assert (path.parent / target).is_file()
    assert load_bank(path) == sample_bank


def test_the_bank_id_build_record_source_titles_and_teachers_items_round_trip(sample_bank, make_item):
    teachers = make_item(id="mcq-t0000001", source=SourceRef("teacher", ""), question="Which sea lies west of Korea?")
    bank = replace(
        sample_bank,
        id="5f1c2a9e0b7d4c11",
        build=BuildRecord(("../readings", "../notes.pdf"), {"seed": 0, "mcq_per_doc": 8}),
        sources=(replace(sample_bank.sources[0], title="Why Seoul Talks to Beijing"),),
        items=(*sample_bank.items, teachers),
    )
    text = bank_to_yaml(bank)
    assert text.splitlines()[1:3] == ["schema: quizwright/1", "id: 5f1c2a9e0b7d4c11"]
    assert "    source: teacher\n" in text
    again = parse_bank(text)
    assert again == bank and again.items[-1].source.by_teacher
    assert bank_to_yaml(again) == text


QUOTE_IT = "put the value in quotes (\"...\", or '...' if it holds a double quote)"


@pytest.mark.parametrize(
    ("old", "new", "where", "advice"),
    [
        (
            "    question: Which country?\n",
            "    question: Note: which country?\n",
            "10:19",
            "mapping values are not allowed here; a colon followed by a space inside an unquoted value: " + QUOTE_IT,
        ),
        (
            "    answer: China\n",
            "      answer: China\n",
            "11:13",
            "mapping values are not allowed here; this line is indented differently from the field above it: "
            "line up each field of an item under the one before",
        ),
        (
            "    answer: China\n",
            "\tanswer: China\n",
            "11:1",
            "found character '\\t' that cannot start any token; a tab: YAML indents with spaces only; "
            "replace the tab with spaces",
        ),
        (
            "    question: Which country?\n",
            '    question: "Which country?\n',
            "10:15",
            "found unexpected end of stream; a quote opened here is never closed: close it at the end of the value",
        ),
        (
            "    question: Which country?\n",
            "    question: @home country?\n",
            "10:15",
            "found character '@' that cannot start any token; a value cannot start with that character: " + QUOTE_IT,
        ),
    ],
)
def test_a_yaml_error_points_at_its_line_and_says_what_to_do(old, new, where, advice):
    assert old in GOOD
    assert bank_error(GOOD.replace(old, new)) == f"bank.yaml:{where}: not valid YAML: {advice}"


# --- characters no bank may hold (issue 16) ----------------------------------------------------

ONE_ITEM = (
    "schema: quizwright/1\n"
    "title: t\n"
    "items:\n"
    "  - id: c1\n"
    "    type: mcq\n"
    "    question: Which city is big?\n"
    "    answer: Seoul\n"
    "    distractors: [Busan, Incheon, Daegu]\n"
    "    source: {doc: d, sentence: Seoul is big.}\n"
)


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("answer: Seoul", r'answer: "Seo\x1ful"', "field 'answer' holds the control character U+001F"),
        ("Which city is big?", r'"Which\u0000 city is big?"', "field 'question' holds the control character U+0000"),
        ("Incheon", r'"Inch\x07eon"', "distractor 2 holds the control character U+0007"),
        ("Seoul is big.}", r'"Seoul\x85 is big."}', "field 'sentence' holds the control character U+0085"),
        ("answer: Seoul", r'answer: "Seo\ud800ul"', r"field 'answer' holds a lone surrogate (\ud800)"),
        ("answer: Seoul", r'answer: "Seoul\udc00"', r"field 'answer' holds a lone surrogate (\udc00)"),
    ],
)
def test_escaped_control_characters_and_lone_surrogates_are_refused_naming_the_item(old, new, problem):
    with pytest.raises(BankError) as refused:
        parse_bank(ONE_ITEM.replace(old, new), "bank.yaml")
    assert str(refused.value).startswith(f"bank.yaml:4: item c1: {problem}")


def test_tabs_and_line_breaks_stay_and_an_escaped_surrogate_pair_is_its_character():
    text = ONE_ITEM.replace("Which city is big?", r'"Which\tcity\nnow is big?"')
    text = text.replace("Incheon", r'"Inch\ud83d\ude00eon"')
    (item,) = parse_bank(text).items
    assert item.question == "Which\tcity\nnow is big?"
    assert item.distractors[1] == "Inch\U0001f600eon"


def test_a_title_with_a_control_character_is_refused():
    with pytest.raises(BankError, match=r"^bank\.yaml:1: field 'title' holds the control character U\+001B"):
        parse_bank(ONE_ITEM.replace("title: t", r'title: "t\e[31m"'), "bank.yaml")
