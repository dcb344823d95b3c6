"""`quizwright build` end to end: the seed readings built, merged, cached, in parallel; errors in one line."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from conftest import COURSE, NEWS, SEEDS, TEXTBOOK, invoke, one_error_line, runner
from quizwright.bank import load_bank
from quizwright.cli import app


def test_build_reports_what_it_wrote(built, bank_path):
    _, result = built
    items = load_bank(bank_path).items
    assert f"tmp/bank.yaml: {len(items)} items written" in result.stdout
    for seed in sorted(SEEDS.glob("*.txt")):
        assert seed.stem in result.stdout  # one row per document


def test_the_built_bank_has_enough_items_of_both_types(bank_path):
    bank = load_bank(bank_path)
    assert len(bank.items) >= 10  # up to 6 per 500 words, none below the quality bar (ranking.select)
    types = {item.type for item in bank.items}
    assert types == {"mcq", "cloze"}
    assert all(item.status == "draft" for item in bank.items)
    assert len({item.id for item in bank.items}) == len(bank.items)
    assert {s.id for s in bank.sources} == {p.stem for p in SEEDS.glob("*.txt")}


def test_every_sentence_is_quoted_verbatim_from_its_reading(built, bank_path):
    work, _ = built
    bank = load_bank(bank_path)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (work / "seeds").glob("*.txt")}
    for item in bank.items:
        assert item.source.sentence in texts[item.source.doc], item.id
        assert item.answer in item.source.sentence, item.id
    # the readings use typographic apostrophes; the items keep them rather than ASCII-fying
    curly = [item for item in bank.items if "\u2019" in item.source.sentence]
    assert curly
    for item in curly:
        assert item.source.sentence.replace("\u2019", "'") not in texts[item.source.doc]


def test_the_bank_records_each_source_relative_to_itself_with_its_hash(built, bank_path):
    work, _ = built
    for source in load_bank(bank_path).sources:
        assert source.path == f"../seeds/{source.id}.txt"
        data = (bank_path.parent / source.path).read_bytes()
        assert source.sha256 == hashlib.sha256(data).hexdigest()


def test_the_same_seed_builds_a_byte_identical_bank(built):
    work, _ = built
    first = (work / "tmp" / "bank.yaml").read_bytes()
    assert (work / "tmp" / "again.yaml").read_bytes() == first


def test_building_into_an_existing_bank_merges_and_keeps_hand_edits(built, bank_path, tmp_path):
    work, _ = built
    target = work / "tmp" / "merge.yaml"
    text = bank_path.read_text(encoding="utf-8")
    first_id = next(i.id for i in load_bank(bank_path).items if i.type == "mcq")
    edited = text.replace(
        f"  - id: {first_id}\n    type: mcq\n    status: draft\n",
        f"  # checked with my class\n  - id: {first_id}\n    type: mcq\n    status: approved\n",
        1,
    )
    assert edited != text
    target.write_text(edited, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(work)
        result = invoke("build", "seeds", "-o", "tmp/merge.yaml")
    assert result.exit_code == 0, result.stdout + result.stderr
    count = len(load_bank(bank_path).items)
    assert f"tmp/merge.yaml: merged: 0 new items added, {count} kept as they are" in result.stdout
    assert target.read_text(encoding="utf-8") == edited  # nothing to change, so nothing changed
    merged = load_bank(target)
    assert next(i for i in merged.items if i.id == first_id).status == "approved"
    assert len(merged.items) == count


def test_build_of_a_missing_path_is_one_error_line(tmp_path):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        result = invoke("build", "no-such-readings", "-o", "tmp/bank.yaml")
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == "error: no-such-readings: no such file or folder"
    assert not (tmp_path / "tmp").exists()


def test_build_of_an_empty_folder_is_one_error_line(tmp_path):
    (tmp_path / "readings").mkdir()
    result = invoke("build", tmp_path / "readings", "-o", tmp_path / "bank.yaml")
    assert result.exit_code == 2
    assert (
        one_error_line(result.stderr)
        == f"error: {tmp_path / 'readings'}: no readings (.docx, .epub, .htm, .html, .markdown, .md, .pdf, .pptx, .text, .txt) in this folder"
    )


def test_cli_jobs_option(tmp_path, seeds_dir):
    src = tmp_path / "src"
    shutil.copytree(seeds_dir, src)
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"bank{jobs}.yaml"
        result = runner.invoke(app, ["build", str(src), "-o", str(out), "--jobs", jobs, "--no-cache"])
        assert result.exit_code == 0, result.output
        outs.append(out.read_text())
    assert outs[0] == outs[1]
    bad = runner.invoke(app, ["build", str(src), "-o", str(tmp_path / "x.yaml"), "--jobs", "0"])
    assert bad.exit_code != 0


def _analyses(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.pickle") if not p.name.endswith(".build.pickle"))


def _builds(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.build.pickle"))


def test_cli_uses_xdg_cache_home_and_no_cache_writes_nothing(tmp_path, seeds_dir, monkeypatch):
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    src = tmp_path / "src"
    shutil.copytree(seeds_dir, src)
    result = runner.invoke(app, ["build", str(src), "-o", str(tmp_path / "a.yaml"), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert not xdg.exists() or not any(xdg.rglob("*"))
    result = runner.invoke(app, ["build", str(src), "-o", str(tmp_path / "b.yaml"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert len(_analyses(xdg / "quizwright")) == len(list(src.glob("*.txt")))
    assert len(_builds(xdg / "quizwright")) == 1
    assert oct(os.stat(xdg / "quizwright").st_mode & 0o777) == "0o700"
    assert (tmp_path / "a.yaml").read_text() == (tmp_path / "b.yaml").read_text()


# --- what a bank remembers of its build, its default name and title ---------------------------


@pytest.fixture()
def unit(tmp_path, monkeypatch) -> Path:
    """A teacher's folder: a unit of two sections under one heading, and an unrelated article."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "unit3").mkdir()
    (tmp_path / "unit3" / "tissues.txt").write_text(f"Cells and Tissues: Section 1\n\n{TEXTBOOK}\n", encoding="utf-8")
    (tmp_path / "unit3" / "visit.txt").write_text(f"Cells and Tissues: Section 2\n\n{NEWS}\n", encoding="utf-8")
    (tmp_path / "article.txt").write_text(f"Why Seoul Talks to Beijing\n\n{COURSE}\n", encoding="utf-8")
    return tmp_path


def test_the_default_bank_is_named_after_the_reading_and_never_merges_other_readings(unit):
    first = invoke("build", "article.txt")
    assert first.exit_code == 0, first.output
    bank = load_bank(unit / "question_banks" / "article.yaml")
    assert bank.title == "Why Seoul Talks to Beijing"
    assert not (unit / "question_banks" / "bank.yaml").exists()
    folder = invoke("build", "unit3")
    assert folder.exit_code == 0, folder.output
    assert load_bank(unit / "question_banks" / "unit3.yaml").title == "Cells and Tissues"
    # the same folder again is a rebuild; other readings that would land in the same bank are refused
    assert invoke("build", "unit3").exit_code == 0
    (unit / "other").mkdir()
    (unit / "other" / "unit3").mkdir()
    (unit / "other" / "unit3" / "notes.txt").write_text(NEWS, encoding="utf-8")
    before = (unit / "question_banks" / "unit3.yaml").read_bytes()
    clash = invoke("build", "other/unit3")
    assert clash.exit_code == 2
    assert one_error_line(clash.stderr) == (
        "error: question_banks/unit3.yaml holds a bank built from other readings; to merge into it, "
        "name it with -o question_banks/unit3.yaml, else choose another name with -o"
    )
    assert (unit / "question_banks" / "unit3.yaml").read_bytes() == before


def test_a_bank_records_its_readings_and_settings_and_rebuilds_from_them(unit):
    assert invoke("build", "unit3", "-o", "banks/cells.yaml", "--mcq", "2", "--seed", "4").exit_code == 0
    bank = load_bank(unit / "banks" / "cells.yaml")
    assert bank.build.readings == ("../unit3",)
    assert dict(bank.build.settings) == {"seed": 4, "mcq_per_doc": 2}
    assert sum(i.type == "mcq" for i in bank.items) <= 4
    text = (unit / "banks" / "cells.yaml").read_text(encoding="utf-8")
    # a rebuild with no readings and no options changes nothing: same readings, same settings
    again = invoke("build", "banks/cells.yaml")
    assert again.exit_code == 0, again.output
    assert "0 new items added" in again.stdout and "0 retired" in again.stdout
    assert (unit / "banks" / "cells.yaml").read_text(encoding="utf-8") == text
    # an option given replaces the recorded one, and is recorded
    more = invoke("build", "banks/cells.yaml", "--mcq", "6")
    assert more.exit_code == 0, more.output
    assert dict(load_bank(unit / "banks" / "cells.yaml").build.settings) == {"seed": 4, "mcq_per_doc": 6}


def test_a_title_given_replaces_the_title_and_is_kept_by_later_rebuilds(unit):
    assert invoke("build", "article.txt", "-o", "banks/a.yaml").exit_code == 0
    first = load_bank(unit / "banks" / "a.yaml")
    assert invoke("build", "banks/a.yaml", "--title", "Korea and China").exit_code == 0
    assert invoke("build", "banks/a.yaml").exit_code == 0
    renamed = load_bank(unit / "banks" / "a.yaml")
    assert renamed.title == "Korea and China"
    assert renamed.id == first.id and len(renamed.id) == 16  # made once, never again


def test_rebuilding_a_bank_that_records_no_readings_says_to_name_them(unit, write_bank):
    bank_path, _ = write_bank()
    result = invoke("build", bank_path)
    assert result.exit_code == 2
    assert one_error_line(result.stderr) == (
        f"error: {bank_path}: the bank does not record its readings (it was built before they were); name them"
    )
    nothing = invoke("build")
    assert nothing.exit_code == 2
    assert "name the readings to build from" in one_error_line(nothing.stderr)


@pytest.mark.parametrize("option", ["--mcq", "--cloze"])
def test_a_negative_count_is_a_usage_error_not_zero(tmp_path, monkeypatch, option):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "r.txt").write_text("Seoul is the capital of South Korea.\n", encoding="utf-8")
    result = invoke("build", "r.txt", "-o", "bank.yaml", option, "-1")
    assert result.exit_code == 2
    assert f"Invalid value for '{option}'" in result.stderr
    assert not (tmp_path / "bank.yaml").exists()


def test_the_library_refuses_a_negative_count_too():
    from quizwright.pipeline import BuildOptions

    with pytest.raises(ValueError, match="BuildOptions.mcq_per_doc must be 0 or more, not -1"):
        BuildOptions(mcq_per_doc=-1)


def test_a_reading_named_like_markup_is_reported_by_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "[b]notes.txt").write_text(
        "Seoul Today\n\nSeoul is the capital of South Korea, with 9.4 million people in 2024.\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["build", "[b]notes.txt", "-o", "bank.yaml"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "[b]notes" in result.stdout


def test_a_reading_that_gives_no_questions_is_told_why(tmp_path, monkeypatch):
    """A teacher's first try may be a short story with nothing a reading is about to ask: the build
    says so in a line of its own (and still writes the empty bank), rather than only '0 items'."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "walk.txt").write_text(
        "We went to the park on a sunny day. The children played on the swings for an hour. "
        "Then we walked home slowly and had lunch together in the kitchen.",
        encoding="utf-8",
    )
    result = invoke("build", "walk.txt", "-o", "walk.yaml")
    assert result.exit_code == 0
    assert "walk: no questions: quizwright asks only about the terms a reading defines" in result.stdout
    assert load_bank(tmp_path / "walk.yaml").items == ()
    # in a set, a reading whose facts the others asked already is told so; every other one gives items
    seeds = invoke("build", SEEDS, "-o", "seeds.yaml", "--jobs", "1")
    asked = {item.source.doc for item in load_bank(tmp_path / "seeds.yaml").items}
    for seed in SEEDS.glob("*.txt"):
        told = f"{seed.stem}: no questions: its " in seeds.stdout
        assert told == (seed.stem not in asked), seed.stem
