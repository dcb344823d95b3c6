"""Exports for learning platforms, each read back by an independent reader.

- GIFT: parsed by a port of Moodle's own import rules (qformat_gift::readquestion);
- QTI: the zip opened and its XML read with ElementTree, item by item;
- CSV: read back with the csv module; Quizlet: split on its tab and newline separators.
"""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quizwright.bank import bank_to_yaml, load_bank
from quizwright.cli.export import export_app
from quizwright.exporters import ExportOptions, cloze_prompt, select_items
from quizwright.exporters.gift import export_gift
from quizwright.exporters.qti import export_qti
from quizwright.exporters.tabular import export_csv, export_quizlet
from quizwright.models import Bank, Item, Source, SourceRef

FIXTURE = Path(__file__).parent / "fixtures" / "export_bank.yaml"
QTI_NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
runner = CliRunner()

SPECIAL_SENTENCE = 'In the rule {a: b} = c ~ d, the sign "#" marks a comment and C:\\temp is a path.'
NEWLINE_SENTENCE = 'Seoul, the capital, is "special": it has 9.4 million people.'


def tricky_items() -> list[Item]:
    """Items whose text carries every GIFT control character, CSV separators, Markdown, a tab, a page."""
    return [
        Item(
            id="mcq-00000001",
            type="mcq",
            status="approved",
            answer="a {hash} = #1",
            answer_kind="term",
            question='In {a: b} = c ~ d, what does "#" mark? (See C:\\notes *and* _this_ [link](x) & <b>.)',
            distractors=("~tilde", "colon: here", "back\\slash"),
            source=SourceRef("rules", SPECIAL_SENTENCE, page=4),
        ),
        Item(
            id="mcq-00000002",
            type="mcq",
            status="draft",
            answer="Seoul, Korea",
            answer_kind="place",
            question='Which city, "the capital",\nhas 9.4 million people?',
            distractors=('Busan, "the port"', "Incheon\nairport", "Daegu"),
            source=SourceRef("cities", NEWLINE_SENTENCE),
        ),
        Item(
            id="cloze-00000003",
            type="cloze",
            status="draft",
            answer="= c ~ d",
            answer_kind="term",
            text='In the rule {a: b} {{c1::= c ~ d}}, the sign "#" marks a comment and C:\\temp is a path.',
            source=SourceRef("rules", SPECIAL_SENTENCE, page=4),
        ),
        Item(
            id="cloze-00000004",
            type="cloze",
            status="approved",
            answer="9.4 million",
            answer_kind="number",
            text='Seoul, the capital,\tis "special": it has {{c1::9.4 million}} people.',
            source=SourceRef("cities", NEWLINE_SENTENCE),
        ),
        Item(
            id="mcq-00000005",
            type="mcq",
            status="rejected",
            answer="Busan",
            answer_kind="place",
            question="Which rejected city?",
            distractors=("Incheon", "Daegu", "Gwangju"),
            source=SourceRef("cities", NEWLINE_SENTENCE),
        ),
        Item(
            id="cloze-00000006",
            type="cloze",
            status="draft",
            answer="Seoul",
            answer_kind="place",
            text="{{c1::Seoul}} was the capital.",
            stale="the source sentence is no longer in cities",
            source=SourceRef("cities", "Seoul was the capital."),
        ),
    ]


@pytest.fixture()
def tricky(tmp_path) -> tuple[Path, Bank]:
    bank = Bank(
        title="Rules / Cities: a {tricky} bank",
        sources=(Source("rules", "rules.pdf", ""), Source("cities", "cities.txt", "")),
        items=tuple(tricky_items()),
    )
    path = tmp_path / "tricky.yaml"
    path.write_text(bank_to_yaml(bank), encoding="utf-8")
    return path, load_bank(path)


def exported(bank: Bank, approved_only: bool = False) -> list[Item]:
    return list(select_items(bank, approved_only))


# --- GIFT, read the way Moodle reads it ---------------------------------------------------------

PLACEHOLDERS = {
    "\\:": "&&058;",
    "\\#": "&&035;",
    "\\=": "&&061;",
    "\\{": "&&123;",
    "\\}": "&&125;",
    "\\~": "&&126;",
    "\\n": "&&010",
}
UNESCAPED = {":": "&&058;", "#": "&&035;", "=": "&&061;", "{": "&&123;", "}": "&&125;", "~": "&&126;", "\n": "&&010"}


def pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def post(text: str) -> str:
    for char, placeholder in UNESCAPED.items():
        text = text.replace(placeholder, char)
    return text


def with_format(text: str, default: str = "moodle") -> tuple[str, str]:
    fmt = default
    if text.startswith("[") and text[1 : text.find("]")] in ("moodle", "html", "plain", "markdown"):
        fmt, text = text[1 : text.find("]")], text[text.find("]") + 1 :]
    return fmt, post(text).strip()


def shown(fmt: str, text: str) -> str:
    """What a student sees: HTML-format text unescaped."""
    return html.unescape(text) if fmt == "html" else text


def parse_gift(source: str) -> list[dict]:
    """Moodle's qformat_gift import: questions split by blank lines, each read by readquestion()."""
    questions, category = [], None
    for block in re.split(r"\n[ \t]*\n", source):
        lines = [line for line in block.split("\n") if not line.strip().startswith("//")]
        text = "\n".join(lines).strip()
        if not text:
            continue
        text = pre(text)
        if text.startswith("$CATEGORY:"):
            category = text[10:].strip()
            continue
        question = {"category": category, "name": None}
        if text.startswith("::"):
            end = text.index("::", 2)
            question["name"], text = post(text[2:end]), text[end + 2 :].strip()
        start, finish = text.find("{"), text.find("}")
        assert start >= 0 and finish > start, f"brace error in {text!r}"
        answers = text[start + 1 : finish].strip()
        stem = text[:start] + text[finish + 1 :] if text.endswith("}") else text[:start] + "_____" + text[finish + 1 :]
        feedback = ""
        if "####" in answers:
            answers, feedback = answers[: answers.rindex("####")].strip(), answers[answers.rindex("####") + 4 :]
        fmt, question["text"] = with_format(stem)
        question["text"] = shown(fmt, question["text"])
        question["feedback"] = shown(*with_format(feedback, fmt))
        if "~" in answers:
            question["type"] = "multichoice"
            options = [a.strip() for a in answers.replace("=", "~=").split("~")]
            options = options[1:] if not options[0] else options
            question["right"] = [shown(*with_format(o[1:].split("#")[0], fmt)) for o in options if o.startswith("=")]
            question["wrong"] = [shown(*with_format(o.split("#")[0], fmt)) for o in options if not o.startswith("=")]
        else:
            assert "->" not in answers and answers not in ("T", "TRUE", "F", "FALSE")
            question["type"] = "shortanswer"
            options = [a.strip() for a in answers.split("=")]
            question["right"] = [post(o.split("#")[0]).strip() for o in (options[1:] if not options[0] else options)]
        questions.append(question)
    return questions


def test_gift_reads_back_as_the_bank_in_moodle(tricky, tmp_path):
    path, bank = tricky
    result = export_gift(bank, tmp_path / "quiz.txt")
    questions = parse_gift((tmp_path / "quiz.txt").read_text(encoding="utf-8"))
    items = exported(bank)
    assert result.items == len(items) == 4
    assert [q["name"] for q in questions] == [
        i.id for i in sorted(items, key=lambda i: ["rules", "cities"].index(i.source.doc))
    ]
    by_name = {q["name"]: q for q in questions}
    for item in items:
        q = by_name[item.id]
        assert q["category"] == f"$course$/top/Rules // Cities: a {{tricky}} bank/{item.source.doc}"
        assert item.source.sentence in q["feedback"]
        if item.type == "mcq":
            assert q["type"] == "multichoice"
            assert q["text"] == item.question
            assert q["right"] == [item.answer] and sorted(q["wrong"]) == sorted(item.distractors)
        else:
            assert q["type"] == "shortanswer"
            assert q["right"] == [item.answer]
            assert q["text"] == cloze_prompt(item)
            assert q["text"].replace("_____", item.answer) == (item.text or "").replace("{{c1::", "").replace("}}", "")
    assert "(rules, p. 4)" in by_name["mcq-00000001"]["feedback"]


def test_gift_escapes_every_special_character(tricky, tmp_path):
    _, bank = tricky
    export_gift(bank, tmp_path / "quiz.txt")
    for block in (tmp_path / "quiz.txt").read_text(encoding="utf-8").split("\n\n"):
        if block.startswith(("//", "$CATEGORY:")):
            continue
        # With escapes removed, what is left of the control characters is structure only:
        # the name's two "::" pairs, one "{" and one "}", "=" and "~" opening answer lines, "####".
        bare = re.sub(r"\\[\\~=#{}:n]", "", block).rstrip()
        assert bare.count("::") == 2 and bare.count(":") == 4
        assert bare.count("{") == 1 and bare.count("}") == 1 and bare.endswith("}")
        assert bare.count("#") == 4
        answer_lines = [
            line.strip() for line in bare.split("{")[1].splitlines() if line.strip() and line.strip() != "}"
        ]
        assert all(line[0] in "=~#" for line in answer_lines)
        assert bare.count("=") + bare.count("~") == sum(line[0] in "=~" for line in answer_lines)


def test_gift_leaves_out_rejected_and_stale_drafts_and_keeps_to_approved_when_asked(tricky, tmp_path):
    _, bank = tricky
    export_gift(bank, tmp_path / "all.txt")
    export_gift(bank, tmp_path / "approved.txt", ExportOptions(approved_only=True))
    names = [q["name"] for q in parse_gift((tmp_path / "all.txt").read_text(encoding="utf-8"))]
    assert "mcq-00000005" not in names and "cloze-00000006" not in names
    approved = [q["name"] for q in parse_gift((tmp_path / "approved.txt").read_text(encoding="utf-8"))]
    assert approved == ["mcq-00000001", "cloze-00000004"]


# --- QTI for Canvas -----------------------------------------------------------------------------


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
    assert [q.get("title") for q in qti_items] == [i.id for i in items]
    for item, q in zip(items, qti_items):
        kind = q.find(".//q:qtimetadatafield[q:fieldlabel='question_type']/q:fieldentry", QTI_NS).text
        stem = plain(q.find("q:presentation/q:material/q:mattext", QTI_NS).text)
        correct = [v.text for v in q.findall(".//q:respcondition/q:conditionvar/q:varequal", QTI_NS)]
        feedback = " ".join(plain(m.text) for m in q.findall(".//q:itemfeedback//q:mattext", QTI_NS))
        assert item.source.sentence in feedback
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
    assert [q.get("title") for q in root.findall(".//q:item", QTI_NS)] == ["mcq-00000001", "cloze-00000004"]


# --- CSV and Quizlet ----------------------------------------------------------------------------


def test_csv_reads_back_with_commas_quotes_and_newlines_intact(tricky, tmp_path):
    _, bank = tricky
    export_csv(bank, tmp_path / "quiz.csv")
    data = (tmp_path / "quiz.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    items = exported(bank)
    assert [r["id"] for r in rows] == [i.id for i in items]
    for item, row in zip(items, rows):
        assert row["answer"] == item.answer and row["sentence"] == item.source.sentence
        if item.type == "mcq":
            assert row["question"] == item.question
            lettered = re.findall(r"^([A-D])\. (.*)$", row["options"], flags=re.M)
            assert [letter for letter, _ in lettered] == ["A", "B", "C", "D"]
            assert sorted(option for _, option in lettered) == sorted(" ".join(o.split()) for o in item.options)
        else:
            assert row["question"] == cloze_prompt(item) and row["options"] == ""
    assert rows[0]["question"] == 'In {a: b} = c ~ d, what does "#" mark? (See C:\\notes *and* _this_ [link](x) & <b>.)'
    assert rows[1]["question"] == 'Which city, "the capital",\nhas 9.4 million people?'
    assert rows[0]["source"] == "rules, p. 4" and rows[1]["source"] == "cities"


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


# --- the commands ---------------------------------------------------------------------------------


@pytest.fixture
def course(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "banks").mkdir()
    shutil.copy(FIXTURE, tmp_path / "banks" / "week3.yaml")
    return tmp_path


@pytest.mark.parametrize(
    ("command", "default", "counted"),
    [
        ("gift", "week3-moodle.txt", "questions"),
        ("qti", "week3-canvas-qti.zip", "questions"),
        ("csv", "week3.csv", "questions"),
        ("quizlet", "week3-quizlet.txt", "cards"),
    ],
)
def test_commands_write_default_and_chosen_files(course, command, default, counted):
    result = runner.invoke(export_app, [command, "banks/week3.yaml"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"wrote output/{default} (8 {counted})"
    first = (course / "output" / default).read_bytes()
    again = runner.invoke(export_app, [command, "banks/week3.yaml", "-o", "lms/again", "--approved-only"])
    assert again.exit_code == 0, again.output
    assert again.stdout.strip() == f"wrote lms/again (2 {counted})"
    runner.invoke(export_app, [command, "banks/week3.yaml", "-o", "lms/same"])
    assert (course / "lms" / "same").read_bytes() == first  # deterministic


def test_commands_fail_in_one_line_on_a_bank_with_nothing_to_export(course):
    text = (course / "banks" / "week3.yaml").read_text(encoding="utf-8")
    (course / "banks" / "none.yaml").write_text(text.replace("status: approved", "status: draft"), encoding="utf-8")
    result = runner.invoke(export_app, ["gift", "banks/none.yaml", "--approved-only"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: nothing to export: the bank has no approved items"
    assert not (course / "output").exists()


@pytest.mark.parametrize("title", ["", "   \n\t "])
def test_qti_of_a_bank_with_a_blank_title_is_titled_quizwright(tricky, tmp_path, title):
    _, bank = tricky
    export_qti(replace(bank, title=title), tmp_path / "quiz.zip")
    _, root = read_qti(tmp_path / "quiz.zip")
    assert root.find("q:assessment", QTI_NS).get("title") == "quizwright"
