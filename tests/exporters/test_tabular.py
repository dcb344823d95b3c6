"""CSV read back with the csv module; Quizlet split on its tab and newline separators."""

from __future__ import annotations

import csv
import io
import re

from conftest import exported
from quizwright.exporters import cloze_prompt
from quizwright.exporters.tabular import export_csv, export_quizlet, inert
from quizwright.models import Bank, SourceRef


def test_csv_reads_back_with_commas_quotes_and_newlines_intact(tricky, tmp_path):
    _, bank = tricky
    export_csv(bank, tmp_path / "quiz.csv")
    data = (tmp_path / "quiz.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    items = exported(bank)
    assert [r["id"] for r in rows] == [i.id for i in items]
    for item, row in zip(items, rows):
        assert row["answer"] == inert(item.answer) and row["sentence"] == item.source.sentence
        if item.type == "mcq":
            assert row["question"] == item.question
            lettered = re.findall(r"^([A-D])\. (.*)$", row["options"], flags=re.M)
            assert [letter for letter, _ in lettered] == ["A", "B", "C", "D"]
            assert sorted(option for _, option in lettered) == sorted(" ".join(o.split()) for o in item.options)
        else:
            assert row["question"] == cloze_prompt(item) and row["options"] == ""
    assert rows[0]["question"] == 'In {a: b} = c ~ d, what does "#" mark? (See C:\\notes *and* _this_ [link](x) & <b>.)'
    assert rows[1]["question"] == 'Which city, "the capital",\nhas 9.4 million people?'
    assert rows[0]["source"] == "Notation: the rules, p. 4" and rows[1]["source"] == "Korea's cities"


def test_quizlet_lines_are_one_term_and_one_definition(tricky, tmp_path):
    _, bank = tricky
    export_quizlet(bank, tmp_path / "cards.txt")
    lines = (tmp_path / "cards.txt").read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""
    cards = [line.split("\t") for line in lines[:-1]]
    items = exported(bank)
    assert all(len(card) == 2 for card in cards) and len(cards) == len(items)
    assert cards[1] == ['Which city, "the capital", has 9.4 million people?', "Seoul, Korea"]
    assert cards[3] == ['Seoul, the capital, is "special": it has _____ people.', "9.4 million"]


FORMULAS = ['=HYPERLINK("http://x","Seoul")', "+1+1", "-2+3", "@SUM(A1)", "\tSeoul", "\rSeoul"]


def formula_bank(bank):
    from dataclasses import replace

    mcq = next(i for i in bank.items if i.id == "mcq-00000001")
    cloze = next(i for i in bank.items if i.id == "cloze-00000004")
    return replace(
        bank,
        items=(
            replace(mcq, question=FORMULAS[0], answer=FORMULAS[1], distractors=tuple(FORMULAS[3:])),
            replace(
                cloze,
                answer=FORMULAS[2],
                text="{{c1::-2+3}} people.",
                source=replace(cloze.source, sentence="-2+3 people."),
            ),
        ),
    )


def test_csv_cells_that_would_start_a_formula_begin_with_an_apostrophe(tricky, tmp_path):
    _, bank = tricky
    export_csv(formula_bank(bank), tmp_path / "quiz.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "quiz.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0]["question"] == "'" + FORMULAS[0]
    assert rows[0]["answer"] == "'+1+1"
    assert rows[1]["answer"] == "'-2+3" and rows[1]["sentence"] == "'-2+3 people."
    assert rows[1]["question"] == "_____ people."  # the blank starts it: nothing to guard
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_quizlet_terms_and_definitions_that_would_start_a_formula_begin_with_an_apostrophe(tricky, tmp_path):
    _, bank = tricky
    export_quizlet(formula_bank(bank), tmp_path / "cards.txt")
    lines = (tmp_path / "cards.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "'" + FORMULAS[0] + "\t'+1+1"
    assert lines[1] == "_____ people.\t'-2+3"


def test_a_cloze_hides_every_deletion_of_its_number_as_anki_does(make_cloze, tmp_path):
    sentence = "Water moves into a hypertonic solution, since a hypertonic solution holds more solute."
    text = (
        "Water moves into a {{c1::hypertonic}} solution, since a {{c1::hypertonic}} solution holds more {{c2::solute}}."
    )
    item = make_cloze(text=text, answer="hypertonic", answer_kind="term", source=SourceRef("doc", sentence))
    export_csv(Bank(title="Osmosis", sources=(), items=(item,)), tmp_path / "quiz.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "quiz.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0]["question"] == "Water moves into a _____ solution, since a _____ solution holds more solute."
