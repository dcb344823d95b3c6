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


def test_look_ups_are_forgotten_past_a_bound_and_the_bank_is_the_same(tmp_path, monkeypatch):
    from quizwright.analysis import lexicon
    from quizwright.matching import name_key

    lexicon.stopwords()
    name_key("Seoul National University")
    assert not books.forget_lookups(keep=10**9)  # within the bound: kept
    assert name_key.cache_info().currsize
    assert books.forget_lookups(keep=0)
    assert all(cache.cache_info().currsize == 0 for cache in books.lookup_caches())
    assert lexicon.stopwords.cache_info().currsize == 1  # a loaded word list is kept
    text = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    (tmp_path / "book.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(books, "LONG_CHARS", 8000)
    banks = []
    for keep in (0, 10**9):  # forgotten after every part, and never
        monkeypatch.setattr(books, "KEEP", keep)
        banks.append(bank_to_yaml(build_bank([tmp_path], tmp_path / "bank.yaml", BuildOptions()).bank))
    assert banks[0] == banks[1]


MEASURE = (
    "import resource, sys\n"
    "resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))\n"
    "from quizwright.cli import main\n"
    "sys.argv = ['quizwright', 'build', 'book.txt', '-o', 'bank.yaml', '--jobs', '2', '--no-cache']\n"
    "try:\n    main()\nfinally:\n"
    "    peak = next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
    "    print(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
)


def peak_rss_building(folder, megabytes: float) -> tuple[int, int]:
    """Build a synthetic reading of about `megabytes` as one file with 2 jobs, in a child process
    limited to 1.5 GB of address space: the peak resident KB of the main process and of the
    largest worker."""
    corpus = bench_module("corpus")
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    copies, size = [], 0
    while size < megabytes * 1e6:
        copy = corpus.copy_text(texts[len(copies) % len(texts)][1], len(copies))
        copies.append(copy)
        size += len(copy.encode("utf-8"))
    folder.mkdir()
    (folder / "book.txt").write_text("\n\n".join(copies), encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", MEASURE], cwd=folder, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "items written" in result.stdout
    own_kb, worker_kb = (int(n) for n in result.stderr.split()[-2:])
    return own_kb, worker_kb


def test_a_multi_megabyte_reading_builds_in_memory_that_hardly_grows_with_it(tmp_path):
    """0.3 MB and 1.8 MB (6 times the text: 6 and 36 parts) as one file each: each process's peak
    grows by less than 25 MB (measured: 3 MB for the main process, 10 MB for a worker, from about
    230 and 290 MB). A worker that kept each part's analysis grew by 43 MB here (and would by
    some 250 MB in a 10 MB reading)."""
    small = peak_rss_building(tmp_path / "small", 0.3)
    large = peak_rss_building(tmp_path / "large", 1.8)
    assert large[0] - small[0] < 25_000, (small, large)  # the main process
    assert large[1] - small[1] < 25_000, (small, large)  # the largest worker
    assert max(large) < 500_000
