"""The benchmark harness's pure pieces: corpus sizes, ratios, repeated items, near-duplicates."""

from __future__ import annotations

import os
import sys
from dataclasses import replace

import pytest

from conftest import bench_module

corpus = bench_module("corpus")
perf = bench_module("perf")


TEXTS = [
    ("alpha", "One two three four five six seven eight nine ten."),  # 11 tokens
    ("beta", "Short text here."),
]  # 4 tokens


def test_approx_tokens_counts_words_and_punctuation():
    assert corpus.approx_tokens("Seoul, the capital.") == 5
    assert corpus.approx_tokens("") == 0


def test_plan_reaches_the_target_whole_texts_in_turn():
    sizes = [("alpha", 11), ("beta", 4)]
    chosen = corpus.plan(sizes, 30)
    assert chosen == [("alpha", 0), ("beta", 0), ("alpha", 1), ("beta", 1)]
    assert corpus.plan(sizes, 0) == [] and corpus.plan([], 100) == []


@pytest.mark.parametrize("target", [10, 50, 200])
def test_written_corpus_is_at_least_the_target_and_not_much_more(tmp_path, target):
    total = corpus.write_corpus(TEXTS, target, tmp_path / "c")
    files = list((tmp_path / "c").iterdir())
    assert target <= total <= target + 11 + 2  # at most one text (and its "Reading n" heading) past it
    assert sum(corpus.approx_tokens(f.read_text()) for f in files) == total
    assert len({f.read_bytes() for f in files}) == len(files)  # no two copies hash alike


def test_rates_and_ratios():
    assert perf.rate(1000, 2.0) == 500
    assert perf.rate(1000, 0) == 0
    assert perf.ratio(30, 40) == 0.75
    assert perf.ratio(1, 0) is None
    r = perf.row("build", 42_000, 2.0, 42_000, 300.0)
    assert r["tokens_per_s"] == 21_000 and r["ratio_to_floor"] == 0.5


def test_repeated_items_have_the_count_and_unique_ids(make_item):
    items = (make_item(), make_item(id="mcq-other"))
    many = perf.repeated_items(items, 5)
    assert len(many) == 5 and len({i.id for i in many}) == 5
    assert many[:2] == items and many[2].question == items[0].question
    assert perf.repeated_items((), 5) == ()


def test_near_duplicates_pairs_same_answer_similar_prompts(make_item):
    a = make_item()
    b = make_item(id="mcq-b", question=a.question.replace("biggest", "largest"))
    c = make_item(id="mcq-c", question="Which country borders North Korea to the north?")
    d = replace(b, id="mcq-d", answer="Japan")
    assert perf.near_duplicates([a, b, c, d]) == 1


def test_a_command_is_timed_alone_then_run_again_for_its_memory_after_the_reset(tmp_path):
    """The PSS sampler stays out of the timed run; reset() puts back what the first run changed."""
    log = tmp_path / "log"
    held = "b = b'x' * 60_000_000; time.sleep(0.5)"  # pages written, held while the sampler looks
    command = [sys.executable, "-c", f"import time; open({str(log)!r}, 'a').write('ran\\n'); {held}"]
    resets = []
    got = perf.run(command, tmp_path, dict(os.environ), lambda: resets.append(log.read_text()))
    assert resets == ["ran\n"] and log.read_text() == "ran\nran\n"  # run, reset, run again
    assert got["seconds"] > 0 and got["peak_mb"] >= 50  # the 60 MB the second run holds
    with pytest.raises(RuntimeError, match="failed"):
        perf.run([sys.executable, "-c", "raise SystemExit(3)"], tmp_path, dict(os.environ))
