"""Seeded shuffles: the same parts give the same order in every process, on every machine."""

from __future__ import annotations

import subprocess
import sys

from quizwright.seeding import seeded_rng


def test_the_same_parts_give_the_same_numbers_in_another_process():
    here = [seeded_rng("options", "mcq-1", "").random() for _ in range(1)]
    code = "from quizwright.seeding import seeded_rng; print(repr(seeded_rng('options', 'mcq-1', '').random()))"
    there = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert repr(here[0]) == there


def test_the_separator_is_part_of_the_seed():
    # the builders join (seed, item id) with ':', the exporters with '\x1f': banks depend on both
    assert seeded_rng(0, "mcq-1", separator=":").random() != seeded_rng(0, "mcq-1").random()
    assert seeded_rng("0:mcq-1").random() == seeded_rng(0, "mcq-1", separator=":").random()
