"""Canvas QTI: the zip opened and its XML read with ElementTree, item by item."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import exported
from quizwright.errors import ExportError
from quizwright.exporters import ExportOptions, cloze_prompt, question_name
from quizwright.exporters.qti import export_qti

QTI_NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}


def plain(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text)).strip()


def read_qti(path: Path) -> tuple[list[str], ET.Element]:
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        manifest = ET.fromstring(package.read("imsmanifest.xml"))
        hrefs = [f.get("href") for f in manifest.iter() if f.tag.endswith("file")]
        assessment = next(h for h in hrefs if not h.endswith("assessment_meta.xml"))
        assert set(hrefs) <= set(names)
        return names, ET.fromstring(package.read(assessment))


def test_qti_zip_holds_every_item_as_canvas_reads_it(tricky, tmp_path):
    _, bank = tricky
    export_qti(bank, tmp_path / "quiz.zip")
    names, root = read_qti(tmp_path / "quiz.zip")
    assert "imsmanifest.xml" in names
    qti_items = root.findall(".//q:item", QTI_NS)
    items = exported(bank)
    assert [q.get("title") for q in qti_items] == [" ".join(question_name(i).split()) for i in items]
    for item, q in zip(items, qti_items):
        kind = q.find(".//q:qtimetadatafield[q:fieldlabel='question_type']/q:fieldentry", QTI_NS).text
        stem = plain(q.find("q:presentation/q:material/q:mattext", QTI_NS).text)
        correct = [v.text for v in q.findall(".//q:respcondition/q:conditionvar/q:varequal", QTI_NS)]
        feedback = " ".join(plain(m.text) for m in q.findall(".//q:itemfeedback//q:mattext", QTI_NS))
        assert item.source.sentence in feedback and bank.reading_title(item.source.doc) in feedback
        if item.type == "mcq":
            assert kind == "multiple_choice_question"
            assert stem == " ".join(item.question.split())
            labels = {
                lab.get("ident"): plain(lab.find(".//q:mattext", QTI_NS).text)
                for lab in q.findall(".//q:response_label", QTI_NS)
            }
            right = {labels[c] for c in correct if c in labels}
            assert right == {item.answer}
            assert sorted(labels.values()) == sorted(" ".join(o.split()) for o in item.options)
        else:
            assert kind == "short_answer_question"
            assert stem == " ".join(cloze_prompt(item).split())
            assert correct == [item.answer]


def test_qti_is_the_same_bytes_every_time_and_counts_approved_only(tricky, tmp_path):
    _, bank = tricky
    export_qti(bank, tmp_path / "one.zip")
    export_qti(bank, tmp_path / "two.zip")
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    export_qti(bank, tmp_path / "approved.zip", ExportOptions(approved_only=True))
    _, root = read_qti(tmp_path / "approved.zip")
    titles = [q.get("title") for q in root.findall(".//q:item", QTI_NS)]
    assert titles == [" ".join(question_name(i).split()) for i in exported(bank, approved_only=True)]


@pytest.mark.parametrize("title", ["", "   \n\t "])
def test_qti_of_a_bank_with_a_blank_title_is_titled_quizwright(tricky, tmp_path, title):
    _, bank = tricky
    export_qti(replace(bank, title=title), tmp_path / "quiz.zip")
    _, root = read_qti(tmp_path / "quiz.zip")
    assert root.find("q:assessment", QTI_NS).get("title") == "quizwright"


def test_a_line_break_in_a_question_does_not_add_a_question_of_its_own(tricky, tmp_path):
    _, bank = tricky
    planted = "Which one?\n2. Planted question?\n*a) yes\nb) no"
    bank = replace(bank, items=(replace(bank.items[0], question=planted), *bank.items[1:]))
    export_qti(bank, tmp_path / "quiz.zip")
    _, root = read_qti(tmp_path / "quiz.zip")
    titles = [q.get("title") for q in root.findall(".//q:item", QTI_NS)]
    assert len(titles) == len(exported(bank))
    assert titles[0] == "Which one? 2. Planted question? *a) yes b)…"  # its first words, on one line
    stems = [
        plain(q.find("q:presentation/q:material/q:mattext", QTI_NS).text) for q in root.findall(".//q:item", QTI_NS)
    ]
    assert "Planted question?" not in stems
    assert stems[0] == "Which one? 2. Planted question? *a) yes b) no"


def test_two_items_asking_the_same_question_are_named_in_one_line(tricky, tmp_path):
    _, bank = tricky
    first = bank.items[0]
    twin = replace(first, id="mcq-0000000a", distractors=("other", "options", "here"), line=40)
    bank = replace(bank, items=(*bank.items, twin))
    with pytest.raises(ExportError) as refused:
        export_qti(bank, tmp_path / "quiz.zip")
    assert str(refused.value) == (
        f"items mcq-00000001 (line {first.line}) and mcq-0000000a (line 40) ask the same question, "
        "which a QTI quiz cannot hold; reword one of them or reject it"
    )
    assert not (tmp_path / "quiz.zip").exists()
