"""bench/quality.py's sample of what the build turned down: never an item the bank chose."""

from __future__ import annotations

import json

import yaml

from conftest import MEMBRANE, bench_module

quality = bench_module("quality")

REPORT = (
    "Cyclone hits banana growers\n\n"
    "Cyclone Larry has wiped out most of the banana crop in far north Queensland this week. "
    "Ninety per cent of Australia's bananas come from the Innisfail and Tully regions of Queensland. "
    "Growers in Innisfail say the cyclone destroyed their sugar cane and avocado crops as well. "
    "The Queensland Government says it will help growers in Tully and Innisfail to replant their farms."
)
TEXTBOOK = MEMBRANE + (
    " A carrier protein is a protein that binds a substance and carries it across the membrane."
    " A receptor protein is a protein that binds a signal molecule outside the cell."
)
"""Six definitions in a section of under 100 words: more than its length asks for, so some are turned down."""


def test_the_unchosen_sample_holds_candidates_the_banks_did_not_choose(tmp_path):
    dev = tmp_path / "dev"
    for part, text in {
        "readings/news": REPORT,
        "readings/speeches": REPORT,
        "textbook/anatomy": TEXTBOOK,
        "textbook/psychology": TEXTBOOK,
    }.items():
        (dev / part).mkdir(parents=True)
        (dev / part / "one.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    banks = quality.build_banks(dev, out)
    quality.write_unchosen(dev, banks, out, 50, seed=3)
    for name, bank in banks.items():
        chosen = {item["id"] for item in yaml.safe_load(bank.read_text(encoding="utf-8"))["items"]}
        ids = json.loads((out / "samples" / f"{name}-unchosen.ids.json").read_text())
        shown = json.loads((out / "samples" / f"{name}-unchosen.json").read_text())
        assert chosen, f"the {name} bank has items"
        assert len(ids) == len(shown) == len(set(ids))
        assert not set(ids) & chosen
        assert all(s["key"] and s["source_sentence"] for s in shown)
    assert json.loads((out / "samples" / "anatomy-unchosen.ids.json").read_text()), "the textbook turned some down"
