"""The records and their vocabularies: StrEnums that are also their strings."""

from __future__ import annotations

import pytest

from quizwright.bank import bank_to_yaml, parse_bank
from quizwright.models import AnswerKind, Bank, EntityKind, Finding, ItemType, Status


def test_kinds_equal_and_hash_as_their_strings():
    assert ItemType.MCQ == "mcq" and hash(Status.DRAFT) == hash("draft")
    assert {AnswerKind.PLACE: 1}["place"] == 1
    assert f"{ItemType.CLOZE}-1234" == "cloze-1234"


def test_answer_kinds_are_the_entity_kinds_but_proper():
    assert {k.value for k in EntityKind} - {k.value for k in AnswerKind} == {"proper"}


@pytest.mark.parametrize(("vocabulary", "word"), [(ItemType, "mcq"), (Status, "approved"), (AnswerKind, "date")])
def test_a_known_word_parses_to_its_member_and_an_unknown_one_stays_text(vocabulary, word):
    assert vocabulary.parse(word) is vocabulary(word)
    assert vocabulary.parse("essay") == "essay" and not isinstance(vocabulary.parse("essay"), vocabulary)


def test_an_item_holds_members_for_known_words_and_text_for_unknown(make_item):
    item = make_item(type="mcq", status="maybe", answer_kind="place")
    assert item.type is ItemType.MCQ and item.answer_kind is AnswerKind.PLACE
    assert item.status == "maybe" and not isinstance(item.status, Status)
    assert item.is_mcq


def test_yaml_gets_plain_strings_not_python_objects(make_item):
    bank = Bank("t", (), (make_item(status=Status.APPROVED),))
    text = bank_to_yaml(bank)
    assert "status: approved\n" in text and "!!" not in text and "Status" not in text
    assert parse_bank(text).items[0].status is Status.APPROVED


def test_a_finding_reads_as_path_line_item_and_problem():
    assert str(Finding("bank.yaml", 12, "mcq-1", "duplicate id")) == "bank.yaml:12: mcq-1: duplicate id"
    assert str(Finding("bank.yaml", None, None, "source 'a': file a.txt is missing")) == (
        "bank.yaml: source 'a': file a.txt is missing"
    )
