"""Every validator check: a clean item passes, a planted flaw gives its one message."""

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from quizwright.bank import bank_to_yaml, load_bank
from quizwright.models import Bank, Item, Source, SourceRef
from quizwright.validate import item_problems, validate_bank

SENTENCE = "China is South Korea\u2019s biggest trading partner, ahead of the United States."
MCQ = Item(
    id="mcq-00000001", type="mcq", status="draft", answer="China", answer_kind="place",
    source=SourceRef("doc", SENTENCE),
    question="Which country is South Korea\u2019s biggest trading partner?",
    distractors=("Japan", "Taiwan", "North Korea"),
)
CLOZE_ITEM = Item(
    id="cloze-00000001", type="cloze", status="draft", answer="China", answer_kind="place",
    source=SourceRef("doc", SENTENCE),
    text="{{c1::China}} is South Korea\u2019s biggest trading partner, ahead of the United States.",
)


def test_clean_items_pass():
    assert item_problems(MCQ) == []
    assert item_problems(CLOZE_ITEM) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "essay"}, "unknown type 'essay'"),
        ({"status": "maybe"}, "unknown status 'maybe'"),
        ({"answer": "Russia"}, "the answer 'Russia' does not occur in the source sentence"),
        ({"answer": " "}, "the answer is empty"),
        ({"question": ""}, "the question is empty"),
        ({"distractors": ("Japan", "Taiwan")}, "needs at least 3 distractors, has 2"),
        ({"distractors": ("Japan", "japan", "Taiwan")}, "two distractors are the same"),
        ({"distractors": ("Japan", "", "Taiwan")}, "a distractor is empty"),
        ({"distractors": ("Japan", "china", "Taiwan")}, "the distractor 'china' is the answer"),
        ({"distractors": ("Japan", "the U.S.", "Taiwan")}, "the distractor 'the U.S.' occurs in the source sentence"),
        ({"question": "Is China South Korea\u2019s biggest trading partner?"}, "the question gives the answer away"),
        ({"question": "_____ trades with _____."}, "the question has more than one blank"),
        ({"distractors": ("Japan", "Taiwan", "All of the above")}, "an option is 'all/none of the above'"),
        ({"question": "An _____ is South Korea\u2019s biggest trading partner."}, "'An' before the blank does not fit the answer"),
    ],
)
def test_each_mcq_flaw_is_reported(change, message):
    problems = item_problems(replace(MCQ, **change))
    assert any(message in p for p in problems), problems


def test_an_answer_far_longer_than_every_distractor_is_a_flaw():
    sentence = "The People\u2019s Republic of China is South Korea\u2019s biggest trading partner."
    item = replace(MCQ, answer="The People\u2019s Republic of China", source=SourceRef("doc", sentence),
                   question="_____ is South Korea\u2019s biggest trading partner.", distractors=("Japan", "Laos", "Chad"))
    assert "the answer is far longer than every distractor" in item_problems(item)


def test_an_article_that_rules_out_a_distractor_is_a_giveaway():
    sentence = "A tissue is a group of many similar cells that work together."
    item = Item(id="mcq-00000002", type="mcq", status="draft", answer="tissue", answer_kind="term",
                source=SourceRef("doc", sentence), question="A _____ is a group of many similar cells that work together.",
                distractors=("organ", "cell", "system"))
    assert any("rules out a distractor" in p for p in item_problems(item))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("China is South Korea\u2019s biggest trading partner, ahead of the United States.", "has no {{c1::...}} deletion"),
        ("{{c1::China is South Korea\u2019s biggest trading partner, ahead of the United States.", "broken {{c1::...}} deletion"),
        ("{{c1::China}} is South Korea\u2019s largest trading partner, ahead of the United States.", "filled in is not the source sentence"),
        ("China is South Korea\u2019s biggest trading partner, ahead of {{c1::the United States}}.", "does not hold the answer 'China'"),
    ],
)
def test_each_cloze_flaw_is_reported(text, message):
    problems = item_problems(replace(CLOZE_ITEM, text=text))
    assert any(message in p for p in problems), problems


def test_cloze_with_hint_is_valid():
    item = replace(CLOZE_ITEM, text="{{c1::China::a country}} is South Korea\u2019s biggest trading partner, ahead of the United States.")
    assert item_problems(item) == []


def write_bank(tmp_path: Path, items: tuple[Item, ...], text: str = SENTENCE + "\n") -> Path:
    source = tmp_path / "src" / "doc.txt"
    source.parent.mkdir()
    source.write_text(text, encoding="utf-8")
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    bank = tmp_path / "bank.yaml"
    bank.write_text(bank_to_yaml(Bank("t", (Source("doc", "src/doc.txt", digest),), items)), encoding="utf-8")
    return bank


def line_of(path: Path, item_id: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {item_id}")


def test_bank_level_findings_carry_the_item_line(tmp_path):
    stray = replace(MCQ, id="mcq-00000009", source=SourceRef("nowhere", SENTENCE))
    moved = replace(CLOZE_ITEM, id="cloze-00000009", source=SourceRef("doc", "A sentence that is not there."),
                    answer="sentence", text="A {{c1::sentence}} that is not there.")
    bank_path = write_bank(tmp_path, (MCQ, MCQ, stray, moved))
    findings = validate_bank(load_bank(bank_path), bank_path)
    messages = {(f.item_id, f.message) for f in findings}
    assert ("mcq-00000001", "duplicate id") in messages
    assert ("mcq-00000009", "cites unknown source 'nowhere'") in messages
    assert ("cloze-00000009", "the source sentence is not in doc") in messages
    stray_finding = next(f for f in findings if f.item_id == "mcq-00000009")
    assert stray_finding.line == line_of(bank_path, "mcq-00000009")
    assert str(stray_finding) == f"{bank_path}:{stray_finding.line}: mcq-00000009: cites unknown source 'nowhere'"


def test_missing_and_changed_sources_are_reported(tmp_path):
    bank_path = write_bank(tmp_path, (MCQ,))
    source = tmp_path / "src" / "doc.txt"
    source.write_text(SENTENCE + "\nAnother line.\n", encoding="utf-8")
    assert [f.message for f in validate_bank(load_bank(bank_path), bank_path)] == [
        "source 'doc': src/doc.txt changed since the bank was built"
    ]
    source.unlink()
    assert [f.message for f in validate_bank(load_bank(bank_path), bank_path)] == [
        "source 'doc': file src/doc.txt is missing"
    ]
