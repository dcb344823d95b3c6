"""Moodle GIFT, parsed back by a port of Moodle's own import rules (qformat_gift::readquestion)."""

from __future__ import annotations

import re

from conftest import exported, parse_gift
from quizwright.exporters import ExportOptions, cloze_prompt
from quizwright.exporters.gift import export_gift


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
