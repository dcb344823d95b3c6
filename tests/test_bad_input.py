"""Bad input gets one clear line and an exit status, and nothing of the teacher's is lost.

The cases live in tests/bad_inputs.py, which also renders docs/bad-input.md from them.
"""

from __future__ import annotations

import csv
import io
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from bad_inputs import CASES, DOC, NOT_ENGLISH, READING, Case, case_id, render, tiny_bank
from conftest import invoke, read_apkg
from quizwright.bank import load_bank
from quizwright.matching import CLOZE

EXPORTS = ("anki", "pdf", "gift", "qti", "csv", "quizlet")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


def bank_text(root: Path, name: str = "bank.yaml") -> str:
    return (root / name).read_text(encoding="utf-8")


def exports_all(root: Path) -> dict[str, Path]:
    """Every export of bank.yaml succeeds; the files, by format."""
    written = {}
    for fmt in EXPORTS:
        target = root / "exports" / f"bank.{fmt}"
        result = invoke("export", fmt, "bank.yaml", "-o", str(target))
        assert result.exit_code == 0, (fmt, result.stderr)
        assert "Traceback" not in result.stderr
        written[fmt] = target
    return written


def built_and_valid(root: Path) -> tuple[str, list]:
    """bank.yaml validates and has items; its text and items."""
    result = invoke("validate", "bank.yaml")
    assert result.exit_code == 0, result.stdout
    items = list(load_bank(root / "bank.yaml").items)
    assert items, "the reading should give items"
    return bank_text(root), items


# --- what each case's "and then" promises -------------------------------------------------------


def check_bom(root, result):
    text, items = built_and_valid(root)
    assert "\ufeff" not in text
    assert load_bank(root / "bank.yaml").title == "Trade in Asia"  # the first line, without the mark


def check_utf16(root, result):
    _, items = built_and_valid(root)
    assert all(i.source.sentence in READING for i in items)


def check_latin(root, result):
    text, _ = built_and_valid(root)
    assert "Trad\u00e9 in Asia" in text  # the title, decoded


def check_crlf(root, result):
    _, items = built_and_valid(root)
    assert all("\r" not in i.source.sentence for i in items)
    assert b"\r" not in (root / "bank.yaml").read_bytes()


def check_long_sentence(root, result):
    assert invoke("validate", "bank.yaml").exit_code == 0
    assert load_bank(root / "bank.yaml").items == ()


def check_huge(root, result):
    assert not (root / "bank.yaml").exists()


def check_loop(root, result):
    bank = load_bank(root / "bank.yaml")
    assert [s.id for s in bank.sources] == ["reading"]


def check_markup(root, result):
    text, items = built_and_valid(root)
    assert "<script>alert(1)</script>" in text  # quoted as written
    fields = [field for note in read_apkg(exports_all(root)["anki"])[0] for field in note[4]]
    assert any("&lt;script&gt;" in f for f in fields) or any("&lt;b&gt;" in f for f in fields)
    assert not any("<script" in f or "<b>trading" in f for f in fields)
    gift = (root / "exports" / "bank.gift").read_text(encoding="utf-8")
    assert "<script" not in gift and "<b>" not in gift


def check_reportlab(root, result):
    _, items = built_and_valid(root)
    assert any("<font color=red>" in i.source.sentence or "<para>" in i.source.sentence for i in items)
    pdf = exports_all(root)["pdf"]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "<font color=red>" in text or "<para>" in text


def check_cloze_in_source(root, result):
    _, items = built_and_valid(root)
    for item in items:
        if item.type == "cloze":
            assert "{{" not in item.source.sentence
            assert len(CLOZE.findall(item.text)) == 1
    exports_all(root)


def check_emoji(root, result):
    _, items = built_and_valid(root)
    assert any("\U0001f1e8" in i.source.sentence or "\U0001f469" in i.source.sentence for i in items)
    pdf = invoke("export", "pdf", "bank.yaml", "-o", "emoji.pdf")
    assert pdf.exit_code == 0
    assert pdf.stderr.startswith("warning: no font covers ")
    exports_all(root)


def check_rtl(root, result):
    _, items = built_and_valid(root)
    assert any("\u0627\u0644\u0648\u0644\u0627\u064a\u0627\u062a" in i.source.sentence for i in items)
    exports_all(root)


def check_zero_width(root, result):
    _, items = built_and_valid(root)
    assert any("\u200b" in i.source.sentence or "\u2060" in i.source.sentence for i in items)
    exports_all(root)


def check_controls(root, result):
    text, items = built_and_valid(root)
    assert not any(ch in text for ch in "\x07\x1b\x0c")
    assert any(i.source.sentence.startswith("The talks") for i in items)  # the form feed ended a sentence
    written = exports_all(root)
    texts = [written[fmt].read_text(encoding="utf-8-sig") for fmt in ("gift", "csv", "quizlet")]
    texts += [field for note in read_apkg(written["anki"])[0] for field in note[4]]
    with zipfile.ZipFile(written["qti"]) as qti:
        texts += [qti.read(name).decode("utf-8") for name in qti.namelist()]
    assert not any(ch in text for text in texts for ch in "\x07\x1b\x0c")


def check_new_folder_bank(root, result):
    assert load_bank(root / "new" / "folder" / "bank.yaml").items


def check_new_folder_export(root, result):
    assert (root / "new" / "folder" / "bank.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def check_old_bank_kept(root, result):
    assert bank_text(root) == tiny_bank()
    assert leftovers(root) == []


def check_old_export_kept(root, result):
    assert (root / "out.csv").read_text(encoding="utf-8") == "old export\n"
    assert leftovers(root) == []


def check_old_pdf_kept(root, result):
    assert (root / "sheet.pdf").read_bytes() == b"%PDF old"
    assert leftovers(root) == []


def check_planted_backup_link(root, result):
    assert (root / "bashrc").read_text(encoding="utf-8") == "alias ls='ls -F'\n"
    assert not (root / "bank.yaml.bak").is_symlink()
    assert (root / "bank.yaml.bak").read_text(encoding="utf-8") == tiny_bank()
    assert len(load_bank(root / "bank.yaml").items) > 1  # merged


def check_linked_bank(root, result):
    assert (root / "bank.yaml").is_symlink()
    assert len(load_bank(root / "synced" / "bank.yaml").items) > 1  # merged
    assert (root / "bank.yaml.bak").read_text(encoding="utf-8") == tiny_bank()
    assert leftovers(root) == []


def check_duplicate_ids(root, result):
    before = (root / "bank.yaml").read_text(encoding="utf-8")
    assert before == tiny_bank(2).replace("cloze-1", "cloze-0")
    found = invoke("validate", "bank.yaml")
    assert found.exit_code == 1
    assert "bank.yaml:9: cloze-0: duplicate id: the item at line 18 has it too" in found.stdout
    assert "bank.yaml:18: cloze-0: duplicate id: the item at line 9 has it too" in found.stdout


def check_reading_kept(root, result):
    assert (root / "reading.txt").read_text(encoding="utf-8") == READING
    check_old_bank_kept(root, result)


def check_refused_everywhere(root, result):
    for command in [("show",), ("stats",), *(("export", fmt) for fmt in EXPORTS)]:
        again = invoke(*command, "bank.yaml", *(("-o", f"out.{command[1]}") if command[0] == "export" else ()))
        assert (again.exit_code, again.stderr) == (2, result.stderr), command
    assert sorted(p.name for p in root.iterdir()) == ["bank.yaml"]


def check_misspelt_status(root, result):
    found = invoke("validate", "bank.yaml")
    assert found.exit_code == 1
    assert (
        "bank.yaml:10: c2: unknown status 'Approved' (expected draft, approved, rejected): did you mean 'approved'?"
        in found.stdout.splitlines()
    )
    assert "c2" not in (root / "bank.csv").read_text(encoding="utf-8-sig")


def check_formula(root, result):
    rows = list(csv.DictReader(io.StringIO((root / "bank.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0]["answer"] == '\'=HYPERLINK("http://evil.example","Seoul")'
    assert invoke("export", "quizlet", "bank.yaml", "-o", "cards.txt").exit_code == 0
    assert (root / "cards.txt").read_text(encoding="utf-8").split("\t")[1].startswith("'=HYPERLINK")


def check_no_zip(root, result):
    assert not (root / "quiz.zip").exists()


def check_long_key_row(root, result):
    key = ["pdftotext", "sheet-key.pdf", "-"]  # the answer key, in a file of its own
    text = subprocess.run(key, cwd=root, capture_output=True, text=True, check=True).stdout
    assert " ".join(text.split()).count("and bigger") == 3000  # the key's source sentence, all of it


def check_readings_option(root, result):
    allowed = invoke("validate", "course/bank.yaml", "--readings", ".")
    assert allowed.exit_code == 0, allowed.stderr


CHECKS = {
    "UTF-8 with a byte-order mark": check_bom,
    "UTF-16 with a byte-order mark": check_utf16,
    "UTF-16 without a byte-order mark": check_utf16,
    "Windows-1252 (Latin-1) text": check_latin,
    "CRLF line endings": check_crlf,
    "one 20,000-character sentence without punctuation": check_long_sentence,
    "a text file larger than free memory allows (simulated: 200 MB free)": check_huge,  # and the tests below
    "a 150 KB PDF whose page stream unpacks to 150 MB": check_huge,  # and tests/readers/test_limits.py
    "a 70 KB Word file that unpacks to 70 MB (a zip bomb)": check_huge,  # and tests/readers/test_limits.py
    "a 70 MB web page": check_huge,
    **{f"a reading in {language}": check_huge for language in NOT_ENGLISH},
    "a symlink loop inside a folder": check_loop,
    "HTML and Anki markup (`<script>`, `<b>`, `&amp;`)": check_markup,
    "reportlab markup characters (`<font>`, `<para>`, `&`)": check_reportlab,
    "`{{c1::…}}` already in the reading": check_cloze_in_source,
    "emoji": check_emoji,
    "right-to-left text": check_rtl,
    "zero-width characters": check_zero_width,
    "control characters (bell, escape, form feed)": check_controls,
    "malformed YAML": None,  # the line and column are in what it says
    "a control character escaped in a field (`\\x1f`)": check_refused_everywhere,
    "a lone surrogate escaped in a field (`\\ud800`)": check_refused_everywhere,
    "a status typed `Approved`": check_misspelt_status,
    "a bank whose reading climbs out of its folder (`../notes.txt`)": check_readings_option,
    "a bank whose reading is a named pipe": None,  # the row itself: an open() that waited would hang the test
    "two items with the same id (a copied item, reworded)": check_duplicate_ids,
    "the bank among its own readings": check_old_bank_kept,
    "an export written over the bank (`-o bank.yaml`)": check_old_bank_kept,
    "an export written over one of the bank's readings": check_reading_kept,
    "a bank in a folder that does not exist": check_new_folder_bank,
    "an export into a folder that does not exist": check_new_folder_export,
    "a formula in an item, exported to a spreadsheet (`=HYPERLINK(…)`)": check_formula,
    "two items asking the same question, exported for Canvas": check_no_zip,
    "a source sentence longer than a page, exported to PDF": check_long_key_row,
    "a full disk while writing the bank": check_old_bank_kept,
    "a full disk while writing an export": check_old_export_kept,
    "another quizwright writing the same bank": check_old_bank_kept,
    "a link planted where the backup goes (`bank.yaml.bak → ~/.bashrc`)": check_planted_backup_link,
    "a bank that is a link (to a synced folder)": check_linked_bank,
    "Ctrl-C while reading the sources": check_old_bank_kept,
    "Ctrl-C while the bank is being written": check_old_bank_kept,
    "Ctrl-C during an export": check_old_pdf_kept,
    "Ctrl-C while validating": check_old_bank_kept,
}


def run_case(case: Case, root: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(root)
    case.make(root)
    with monkeypatch.context() as patched:
        if case.patch:
            case.patch(patched)
        return invoke(*case.args)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_bad_input_gets_its_line_and_exit_status(case, tmp_path, monkeypatch):
    result = run_case(case, tmp_path, monkeypatch)
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == case.says
    assert result.exit_code == case.exit, result.stdout + result.stderr
    check = CHECKS.get(case.given)
    if check:
        check(tmp_path, result)


CHECKED_BY_A_TEST = {
    "a YAML bomb (nested aliases)": "test_aliases_are_refused_before_they_expand",
    "a bank that names `/etc/passwd` as a reading": "test_validate_opens_nothing_outside_its_reach",
}


def test_every_promise_in_the_table_has_a_check():
    promised = {case.given for case in CASES if case.then}
    assert promised <= set(CHECKS) | set(CHECKED_BY_A_TEST), promised - set(CHECKS)
    assert all(name in globals() for name in CHECKED_BY_A_TEST.values())


def test_the_table_in_docs_is_generated_from_the_cases():
    assert DOC.read_text(encoding="utf-8") == render(), "run: python -m tests.bad_inputs"


# --- what the table cannot show ------------------------------------------------------------------


PEAK_KB = "next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM'))"


def run_quizwright(args: list[str], cwd: Path, prelude: str = "") -> subprocess.CompletedProcess:
    """The installed entry point (quizwright.cli:main) in a child process, after `prelude`."""
    code = f"import sys; from quizwright.cli import main\n{prelude}\nsys.argv = ['quizwright', *{args!r}]\nmain()\n"
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_debug_shows_the_traceback_and_the_same_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty.txt").write_bytes(b"")
    plain = invoke("build", "empty.txt")
    debug = invoke("--debug", "build", "empty.txt")
    assert plain.stderr == "error: empty.txt: the file is empty\n"
    assert debug.exit_code == plain.exit_code == 2
    assert "Traceback (most recent call last)" in debug.stderr
    assert "quizwright.errors.SourceError: empty.txt: the file is empty" in debug.stderr
    assert debug.stderr.splitlines()[-1] == "error: empty.txt: the file is empty"


def test_debug_is_accepted_after_the_command_too(tmp_path):
    result = run_quizwright(["validate", "missing.yaml", "--debug"], tmp_path)
    assert result.returncode == 2
    assert "Traceback" in result.stderr
    assert result.stderr.splitlines()[-1] == "error: missing.yaml: no such bank file"


def test_a_bug_ends_in_one_line_and_status_3_unless_debugging(tmp_path):
    (tmp_path / "bank.yaml").write_text(tiny_bank(), encoding="utf-8")
    bug = "import quizwright.review as r; r.bank_stats = lambda bank: 1 / 0"  # stands in for a bug in our code
    plain = run_quizwright(["stats", "bank.yaml"], tmp_path, bug)
    assert plain.returncode == 3
    assert plain.stderr == (
        "error: quizwright failed unexpectedly (ZeroDivisionError: division by zero); "
        "run it again with --debug for the details, and please report them\n"
    )
    debug = run_quizwright(["--debug", "stats", "bank.yaml"], tmp_path, bug)
    assert "Traceback" in debug.stderr and "ZeroDivisionError" in debug.stderr


def test_a_real_ctrl_c_during_a_build_keeps_the_old_bank(tmp_path):
    """SIGINT a second into a build of a long reading: exit 130, one line, the bank untouched."""
    (tmp_path / "reading.txt").write_text(READING, encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(tiny_bank(), encoding="utf-8")
    paragraphs = [READING.replace("2019", str(1900 + n)).replace("200", str(n)) for n in range(3000)]
    (tmp_path / "long.txt").write_text("\n".join(paragraphs), encoding="utf-8")
    ctrl_c = (  # a SIGINT, as Ctrl-C sends, a second in (the alarm only times it)
        "import os, signal; signal.signal(signal.SIGALRM, lambda *a: os.kill(os.getpid(), signal.SIGINT)); "
        "signal.setitimer(signal.ITIMER_REAL, 1.0)"
    )
    result = run_quizwright(["build", "reading.txt", "long.txt", "-o", "bank.yaml"], tmp_path, ctrl_c)
    assert result.returncode == 130, result.stderr
    assert result.stderr == "error: interrupted; bank.yaml is as it was\n"
    assert bank_text(tmp_path) == tiny_bank()
    assert leftovers(tmp_path) == []


def test_a_ctrl_c_while_the_build_starts_says_so_too(tmp_path):
    """A Ctrl-C before the build proper (while NLTK is imported or the bank read: over a second on
    a slow disk) ends in the same one line, not a silent exit."""
    (tmp_path / "reading.txt").write_text(READING, encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(tiny_bank(), encoding="utf-8")
    interrupt_on_import = (
        "import builtins; real_import = builtins.__import__\n"
        "def importing(name, *args, **kwargs):\n"
        "    if name == 'pipeline':\n"
        "        raise KeyboardInterrupt\n"
        "    return real_import(name, *args, **kwargs)\n"
        "builtins.__import__ = importing"
    )
    result = run_quizwright(["build", "reading.txt", "-o", "bank.yaml"], tmp_path, interrupt_on_import)
    assert (result.returncode, result.stderr) == (130, "error: interrupted; bank.yaml is as it was\n")
    assert bank_text(tmp_path) == tiny_bank()


def test_a_huge_source_is_refused_in_little_memory(tmp_path):
    """50 MB of text with 200 MB free: refused from its size, so the run's peak memory is that of any small run.

    Peak memory is VmHWM of the child's own address space (ru_maxrss would carry the parent's over exec).
    """
    with open(tmp_path / "huge.txt", "wb") as fh:
        fh.write(b"Trade in Asia grew in 2019.\n" * 1872458)
    report_peak = (
        "import quizwright.readers.limits; quizwright.readers.limits.available_memory = lambda: 200_000_000\n"
        f"import atexit; atexit.register(lambda: print({PEAK_KB}, file=sys.stderr))"
    )
    result = run_quizwright(["build", "huge.txt"], tmp_path, report_peak)
    message, peak_kb = result.stderr.splitlines()
    assert result.returncode == 2
    assert message.startswith("error: huge.txt: 52,428,824 bytes is more than this machine's free memory lets")
    assert int(peak_kb) < 200_000  # reading the file would add 50 MB, analysing it gigabytes
    assert not (tmp_path / "question_banks").exists()


def test_aliases_are_refused_before_they_expand(tmp_path):
    """A bomb of nine levels of nine aliases (9**9 strings) is refused quickly and in little memory."""
    levels = "".join(f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 10))
    (tmp_path / "bank.yaml").write_text(f"schema: quizwright/1\nl0: &l0 [lol]\n{levels}title: *l9\n", encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = invoke("validate", str(tmp_path / "bank.yaml"))
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"error: {tmp_path / 'bank.yaml'}:3:10: not valid YAML: found an alias (*l0); write the value out instead"
    )
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000


def test_a_build_shows_its_progress_on_a_terminal_and_nothing_else_on_a_pipe(tmp_path, monkeypatch):
    import io

    from rich.console import Console

    from quizwright.cli import console as cli

    monkeypatch.chdir(tmp_path)
    (tmp_path / "reading.txt").write_text(READING, encoding="utf-8")
    terminal = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=terminal, force_terminal=True, width=100))
    assert invoke("build", "reading.txt", "-o", "bank.yaml").exit_code == 0
    assert "analysing reading" in terminal.getvalue()
    monkeypatch.undo()
    monkeypatch.chdir(tmp_path)
    piped = invoke("build", "reading.txt", "-o", "again.yaml")
    assert piped.exit_code == 0 and piped.stderr == ""


def test_validate_opens_nothing_outside_its_reach(tmp_path, monkeypatch):
    """Neither opened nor stat'ed (realpath lstats the way there, which tells nothing of what it holds)."""
    import os

    outside = tmp_path / "secret.txt"
    outside.write_text("my password is hunter2\n", encoding="utf-8")
    course = tmp_path / "course"
    course.mkdir()
    (course / "link.txt").symlink_to(outside)
    for path in (str(outside), "../secret.txt", "link.txt"):
        (course / "bank.yaml").write_text(
            f"schema: quizwright/1\nsources:\n  - {{id: s, path: '{path}'}}\n", encoding="utf-8"
        )
        looked: list[str] = []
        for name in ("open", "stat"):
            real = getattr(os, name)

            def spy(p, *a, real=real, looked=looked, **k):
                looked.append(str(p))
                return real(p, *a, **k)

            monkeypatch.setattr(os, name, spy)
        result = invoke("validate", course / "bank.yaml")
        monkeypatch.undo()
        assert result.exit_code == 2 and "outside the bank's folder" in result.stderr
        assert not [p for p in looked if p.endswith("secret.txt")], path
