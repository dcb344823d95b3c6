"""Question quality on the dev set (../shared/dev): banks, textbook scores, blind-judging samples.

    NLTK_DATA=../shared/nltk_data python bench/quality.py [--dev ../shared/dev] [--out output/quality]
        [--sample 30] [--seed 7] [--unchosen 20]
    python bench/quality.py record SAMPLE.json VERDICTS.json [--round r4]

The first form builds a bank from each part of the dev set (news, speeches, and each textbook),
prints the items per reading and the textbook scores (the dev set's own score_textbook.py), and
writes, for each bank, the sample a blind judge is given: OUT/samples/BANK.json, drawn exactly
as ../shared/dev/sample_items.py draws it (same seed, same order, options shuffled alike) plus
each item's context sentence, which students see above it. Give a judge ../shared/dev/RUBRIC.md
and that file, nothing else; ask for a JSON list of {"n", "verdict", "reasons", "note"}.

`--unchosen N` also samples N candidates per bank that the build did not choose
(OUT/samples/BANK-unchosen.json): judged blind, they tell the ranker what it turns down.

`record` adds a judge's verdicts to bench/quality/judged.jsonl (with the items as the judge saw
them and their ids, from OUT/samples/BANK.ids.json), which bench/quality/fit.py fits the ranking
weights on.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
JUDGED = HERE / "quality" / "judged.jsonl"
SEEDS = ROOT / "seeds"
"""The example bank's readings: judged the same way, to check the tuning on the dev set did not make them worse."""
PARTS = {
    "seeds": "",
    "news": "readings/news",
    "speeches": "readings/speeches",
    "anatomy": "textbook/anatomy",
    "psychology": "textbook/psychology",
}


def build_banks(dev: Path, out: Path) -> dict[str, Path]:
    from quizwright.bank import save_bank
    from quizwright.pipeline import BuildOptions, build_bank

    banks = {}
    for name, folder in PARTS.items():
        path = out / f"{name}.yaml"
        path.unlink(missing_ok=True)
        built = build_bank([dev / folder if folder else SEEDS], path, BuildOptions())
        save_bank(built.bank, path)
        print(f"\n{name}: {len(built.bank.items)} items")
        print(f"  {'reading':32} {'words':>6} {'mcq':>4} {'cloze':>5}")
        words = _words(dev / folder if folder else SEEDS)
        for report in built.reports:
            print(f"  {report.document:32} {words.get(report.document, 0):>6} {report.mcq:>4} {report.cloze:>5}")
        banks[name] = path
    return banks


def _words(folder: Path) -> dict[str, int]:
    return {p.stem: len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt")}


def textbook_scores(dev: Path, banks: dict[str, Path]) -> None:
    scorer = dev / "score_textbook.py"
    for name, folder in PARTS.items():
        if folder.startswith("textbook/"):
            run = subprocess.run(
                [sys.executable, str(scorer), str(banks[name]), str(dev / folder)],
                capture_output=True,
                text=True,
                check=True,
            )
            print(f"{name}: {run.stdout.strip().splitlines()[-1]}")


def sample(bank: Path, n: int, seed: int) -> tuple[list[dict[str, object]], list[str]]:
    """What sample_items.py draws, with each item's context; and the items' ids, in order."""
    from ruamel.yaml import YAML

    items = [
        i for i in YAML(typ="safe").load(bank.read_text(encoding="utf-8"))["items"] if i.get("status") != "rejected"
    ]
    rng = random.Random(seed)
    out, ids = [], []
    for number, item in enumerate(rng.sample(items, min(n, len(items))), 1):
        out.append(_shown(number, item, rng))
        ids.append(item["id"])
    return out, ids


def _shown(number: int, item: dict[str, Any], rng: random.Random) -> dict[str, object]:
    """An item as a judge sees it: its sentence, its context, and its options shuffled."""
    shown: dict[str, object] = {"n": number, "type": item["type"], "source_sentence": item["source"]["sentence"]}
    if item.get("context"):
        shown["context"] = item["context"]
    if item["type"] == "mcq":
        options = [item["answer"], *item["distractors"]]
        rng.shuffle(options)
        shown.update(question=item["question"], options=options, key=item["answer"])
    else:
        shown.update(cloze=item["text"], key=item["answer"])
    return shown


def _fields(item: Any) -> dict[str, Any]:
    """A built Item in the form a bank file gives it."""
    return {
        "type": str(item.type),
        "source": {"sentence": item.source.sentence},
        "context": item.context,
        "answer": item.answer,
        "distractors": list(item.distractors),
        "question": item.question,
        "text": item.text,
    }


def write_samples(banks: dict[str, Path], out: Path, n: int, seed: int) -> None:
    folder = out / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    for name, bank in banks.items():
        shown, ids = sample(bank, n, seed)
        (folder / f"{name}.json").write_text(json.dumps(shown, indent=1, ensure_ascii=False), encoding="utf-8")
        (folder / f"{name}.ids.json").write_text(json.dumps(ids), encoding="utf-8")
    print(f"\nsamples for blind judging in {folder}/ (give a judge RUBRIC.md and one BANK.json, nothing else)")


def write_unchosen(dev: Path, banks: dict[str, Path], out: Path, n: int, seed: int) -> None:
    """A sample of the candidates each bank did not choose (below the bar, beyond the count, a
    duplicate): judged blind, they show the ranker what it turns down, which the banks never do."""
    from ruamel.yaml import YAML

    sys.path.insert(0, str(HERE / "quality"))
    from fit import candidates_by_part

    folder = out / "samples"
    folder.mkdir(parents=True, exist_ok=True)
    for name, found in candidates_by_part(dev).items():
        chosen = {i["id"] for i in YAML(typ="safe").load(banks[name].read_text(encoding="utf-8"))["items"]}
        unchosen = sorted({c.item.id: c.item for c in found if c.item.id not in chosen}.values(), key=lambda i: i.id)
        rng = random.Random(seed)
        picked = rng.sample(unchosen, min(n, len(unchosen)))
        shown = [_shown(number, _fields(item), rng) for number, item in enumerate(picked, 1)]
        (folder / f"{name}-unchosen.json").write_text(json.dumps(shown, indent=1, ensure_ascii=False), encoding="utf-8")
        (folder / f"{name}-unchosen.ids.json").write_text(json.dumps([i.id for i in picked]), encoding="utf-8")
    print(f"samples of unchosen candidates in {folder}/ (BANK-unchosen.json)")


def record(sample_path: Path, verdicts_path: Path, round_name: str) -> None:
    """Append the verdicts, with the items as judged and their ids, to bench/quality/judged.jsonl."""
    shown = json.loads(sample_path.read_text(encoding="utf-8"))
    verdicts = json.loads(verdicts_path.read_text(encoding="utf-8"))
    ids = json.loads(sample_path.with_suffix(".ids.json").read_text(encoding="utf-8"))
    assert len(shown) == len(verdicts) == len(ids), "one verdict per sampled item"
    today = datetime.date.today().isoformat()
    with JUDGED.open("a", encoding="utf-8") as out:
        for item, verdict, item_id in zip(shown, verdicts, ids):
            assert verdict["n"] == item["n"], "verdicts in the sample's order"
            row = {"round": round_name, "date": today, "bank": sample_path.stem, "id": item_id}
            row |= {k: v for k, v in item.items() if k != "n"}
            row |= {
                "verdict": verdict["verdict"],
                "reasons": verdict.get("reasons", []),
                "note": verdict.get("note", ""),
            }
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    counts = Counter(v["verdict"] for v in verdicts)
    print(f"{sample_path.stem}: {len(verdicts)} judged: {dict(counts)}")


def summary(round_name: str | None = None) -> None:
    """keep % and keep+fix % per bank and overall, and the count of each reason, for a round (or all)."""
    rows = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if round_name in (None, r["round"])]
    for bank in [*sorted({r["bank"] for r in rows}), None]:
        mine = [r for r in rows if bank in (None, r["bank"])]
        keep = sum(r["verdict"] == "keep" for r in mine)
        fix = sum(r["verdict"] == "fix" for r in mine)
        reasons = Counter(reason for r in mine for reason in r["reasons"])
        label = bank or "all"
        print(
            f"{label:12} n={len(mine):4}  keep {100 * keep / len(mine):5.1f}%  keep+fix {100 * (keep + fix) / len(mine):5.1f}%  {dict(reasons)}"
        )


def main(argv: list[str] | None = None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    if args and args[0] == "record":
        parser = argparse.ArgumentParser(prog="quality.py record")
        parser.add_argument("sample", type=Path)
        parser.add_argument("verdicts", type=Path)
        parser.add_argument("--round", required=True)
        a = parser.parse_args(args[1:])
        record(a.sample, a.verdicts, a.round)
        return 0
    if args and args[0] == "summary":
        summary(args[1] if len(args) > 1 else None)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    parser.add_argument("--out", type=Path, default=ROOT / "output" / "quality")
    parser.add_argument("--sample", type=int, default=30, help="items per bank for blind judging")
    parser.add_argument("--seed", type=int, default=7, help="sample_items.py's seed")
    parser.add_argument(
        "--unchosen", type=int, default=0, help="also sample this many candidates per bank that it did not choose"
    )
    a = parser.parse_args(args)
    if a.out.exists():
        shutil.rmtree(a.out)
    a.out.mkdir(parents=True)
    banks = build_banks(a.dev, a.out)
    print()
    textbook_scores(a.dev, banks)
    write_samples(banks, a.out, a.sample, a.seed)
    if a.unchosen:
        write_unchosen(a.dev, banks, a.out, a.unchosen, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
