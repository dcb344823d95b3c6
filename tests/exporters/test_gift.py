"""Moodle GIFT, parsed back by a port of Moodle's own import rules (qformat_gift::readquestion)."""

from __future__ import annotations

import html
import re

from conftest import exported, parse_gift
from quizwright.exporters import ExportOptions, cloze_prompt, question_name
from quizwright.exporters.gift import export_gift


def names(path) -> list[str]:
    return [html.unescape(q["name"]) for q in parse_gift(path.read_text(encoding="utf-8"))]


def test_gift_reads_back_as_the_bank_in_moodle(tricky, tmp_path):
    path, bank = tricky
    result = export_gift(bank, tmp_path / "quiz.txt")
    questions = parse_gift((tmp_path / "quiz.txt").read_text(encoding="utf-8"))
    items = exported(bank)
    assert result.items == len(items) == 4
    in_file_order = sorted(items, key=lambda i: ["rules", "cities"].index(i.source.doc))
    assert [html.unescape(q["name"]) for q in questions] == [question_name(i) for i in in_file_order]
    by_id = {item.id: q for item, q in zip(in_file_order, questions)}
    for item in items:
        q = by_id[item.id]
        assert q["category"] == f"$course$/top/Rules // Cities: a {{tricky}} bank/{bank.reading_title(item.source.doc)}"
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
    assert "(Notation: the rules, p. 4)" in by_id["mcq-00000001"]["feedback"]
    # students see the reading's title and the question's first words, never an id or a file name
    text = (tmp_path / "quiz.txt").read_text(encoding="utf-8")
    assert not re.search(r"mcq-|cloze-|/rules|/cities|\(rules", text)
    assert html.unescape(questions[0]["name"]) == "In {a: b} = c ~ d, what…"


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
    every = names(tmp_path / "all.txt")
    by_id = {i.id: question_name(i) for i in bank.items}
    assert by_id["mcq-00000005"] not in every and by_id["cloze-00000006"] not in every
    assert names(tmp_path / "approved.txt") == [by_id["mcq-00000001"], by_id["cloze-00000004"]]


def test_a_teachers_own_question_goes_out_without_a_source_line(tricky, tmp_path):
    from dataclasses import replace

    from quizwright.models import SourceRef

    _, bank = tricky
    own = replace(bank.items[0], id="mcq-t0000001", source=SourceRef("teacher", ""), status="approved")
    export_gift(replace(bank, items=(own,)), tmp_path / "own.txt")
    (question,) = parse_gift((tmp_path / "own.txt").read_text(encoding="utf-8"))
    assert question["feedback"] == "" and question["category"].endswith("/Your own questions")
    assert question["right"] == [own.answer]
