"""A reading too long to analyse whole is read in parts: bounded memory, progress per part,
items that validate, and the short readings of a set built as before."""

from __future__ import annotations

import subprocess
import sys

from conftest import SEEDS, bench_module
from quizwright import books
from quizwright.bank import bank_to_yaml
from quizwright.checks import validate_bank
from quizwright.models import Document
from quizwright.pipeline import BuildOptions, build_bank


def test_parts_are_whole_lines_of_at_most_the_size_and_start_at_headings():
    text = (
        "Chapter One\n\n" + "A line of text that ends.\n" * 30 + "\nChapter Two\n\n" + "Another line here ends.\n" * 30
    )
    spans = books.part_spans(text, size=1000)
    assert all(end - start <= 1000 for start, end in spans) and len(spans) == 2
    assert "".join(text[s:e] + "\n" for s, e in spans).split() == text.split()  # nothing lost, nothing twice
    assert any(text[s:e].startswith("Chapter Two") for s, e in spans)


def test_a_hard_wrapped_paragraph_is_never_cut():
    text = "This sentence is wrapped\nover two lines here.\n" * 50
    for start, end in books.part_spans(text, size=100):
        assert text[start:end].endswith("here.")


def test_a_long_reading_builds_part_by_part_with_progress(tmp_path, monkeypatch):
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    (tmp_path / "book.txt").write_text(text, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Seoul is the capital of South Korea.\n", encoding="utf-8")
    monkeypatch.setattr(books, "LONG_CHARS", 8000)  # the seeds, about 20,000 characters, as a book
    told = []
    result = build_bank([tmp_path], tmp_path / "bank.yaml", BuildOptions(), lambda *a: told.append(a))
    parts = books.parts(Document("book", "", "", text))
    assert len(parts) >= 4
    assert [label for label, *_ in told if label.startswith("book:")] == [
        f"book: {len(p.text):,} characters read" for p in parts
    ]
    assert told[-1][1:] == (len(parts) + 1, len(parts) + 1)
    assert [r.document for r in result.reports] == ["book", "short"]
    assert sum(r.sentences for r in result.reports[:1]) > 100
    assert result.bank.items and {i.source.doc for i in result.bank.items} <= {"book", "short"}
    (tmp_path / "bank.yaml").write_text(bank_to_yaml(result.bank), encoding="utf-8")
    assert validate_bank(result.bank, tmp_path / "bank.yaml") == []
    again = build_bank([tmp_path], tmp_path / "bank.yaml", BuildOptions(jobs=2)).bank
    assert bank_to_yaml(again) == bank_to_yaml(result.bank)  # the same bank whatever the jobs


def test_a_multi_megabyte_reading_builds_under_a_memory_limit(tmp_path):
    """2.5 MB as one file, in a child process limited to 1.5 GB of address space; its peak
    resident memory (VmHWM, of the main process and of the largest worker) stays low."""
    corpus = bench_module("corpus")
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    copies, size = [], 0
    while size < 2_500_000:
        copy = corpus.copy_text(texts[len(copies) % len(texts)][1], len(copies))
        copies.append(copy)
        size += len(copy.encode("utf-8"))
    (tmp_path / "book.txt").write_text("\n\n".join(copies), encoding="utf-8")
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))\n"
        "from quizwright.cli import main\n"
        "sys.argv = ['quizwright', 'build', 'book.txt', '-o', 'bank.yaml', '--jobs', '2', '--no-cache']\n"
        "try:\n    main()\nfinally:\n"
        "    peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "    print(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    own_kb, worker_kb = (int(n) for n in result.stderr.split()[-2:])
    assert own_kb < 700_000 and worker_kb < 700_000
    assert "items written" in result.stdout
