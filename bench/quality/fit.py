"""Fit the ranking weights on the items judged blind (bench/quality/judged.jsonl).

    NLTK_DATA=../shared/nltk_data python bench/quality/fit.py [--dev ../shared/dev] [--write]

The generator is run over the dev set once, keeping every candidate item with its features
(builders/ranking.FEATURES), so a judged item is fitted on what today's generator computes for
it; an item today's generator no longer makes is left out (and counted). Labels: keep 1, fix 0.5,
drop 0. The model is a logistic regression with an L2 penalty, fitted by gradient descent (a
few dozen features and a few hundred items need nothing more). It prints the weights, a
leave-one-round-out estimate of keep % among the items each threshold keeps, and with --write
stores the weights in src/quizwright/builders/weights.json.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WEIGHTS = ROOT / "src" / "quizwright" / "builders" / "weights.json"
LABEL = {"keep": 1.0, "fix": 0.5, "drop": 0.0}
PARTS = ("readings/news", "readings/speeches", "textbook/anatomy", "textbook/psychology", "seeds")


def candidate_features(dev: Path) -> dict[str, dict[str, float]]:
    """Every item the generator could ask of the dev set, by id, with its features."""
    return {c.item.id: c.features for found in candidates_by_part(dev).values() for c in found}


def candidates_by_part(dev: Path) -> dict[str, list[Any]]:
    """Every candidate item of each part of the dev set (and the seeds), before selection."""
    from quizwright.analysis import analyse_document
    from quizwright.builders.candidates import reading_candidates
    from quizwright.pipeline import BuildOptions, plan_items
    from quizwright.sources import read_documents

    found: dict[str, list[Any]] = {}
    for part in PARTS:
        docs = read_documents([ROOT / "seeds" if part == "seeds" else dev / part])
        analysed = [list(analyse_document(d).sentences) for d in docs]
        plan = plan_items(docs, analysed, BuildOptions())
        found[part.split("/")[-1]] = [
            c
            for n in range(len(plan.models))
            for c in reading_candidates(
                plan.models[n], [plan.models[r] for r in plan.related[n]], plan.where(n), plan.pool(n), plan.seed
            ).candidates
        ]
    return found


PRIOR = ROOT / "bench" / "quality" / "prior.json"
"""Hand-set weights the fit starts from and is pulled back towards (a few hundred judged items
cannot tell thirty weights apart on their own): what each feature was expected to do."""


def fit(rows: list[dict[str, float]], labels: list[float], names: list[str], l2: float = 4.0,
        steps: int = 3000, rate: float = 0.3) -> tuple[float, dict[str, float]]:  # fmt: skip
    """Weights minimising the mean cross-entropy of soft labels plus l2/2n * |w - prior|^2."""
    import numpy as np  # the same full-batch descent as a loop over items, at array speed (a few seconds, not an hour)

    prior_data = json.loads(PRIOR.read_text(encoding="utf-8"))
    prior = np.array([float(prior_data["weights"].get(name, 0.0)) for name in names])
    weights = prior.copy()
    bias = float(prior_data["bias"])
    x = np.array([[row.get(name, 0.0) for name in names] for row in rows])
    y = np.array(labels)
    n = len(rows)
    for _ in range(steps):
        error = 1 / (1 + np.exp(-(bias + x @ weights))) - y
        bias -= rate * float(error.sum()) / n
        weights -= rate * (x.T @ error + l2 * (weights - prior)) / n
    return bias, {name: float(w) for name, w in zip(names, weights)}


def predict(bias: float, weights: dict[str, float], x: dict[str, float]) -> float:
    z = bias + sum(weights.get(name, 0.0) * value for name, value in x.items())
    return 1 / (1 + math.exp(-z))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    parser.add_argument("--write", action="store_true", help="store the fitted weights in builders/weights.json")
    parser.add_argument("--min-score", type=float, default=0.5, help="the score below which a cloze is dropped")
    parser.add_argument("--min-mcq-score", type=float, default=0.35, help="the score below which an MCQ is dropped")
    args = parser.parse_args()
    from quizwright.builders.ranking import FEATURES

    judged = [json.loads(line) for line in (HERE / "judged.jsonl").read_text(encoding="utf-8").splitlines() if line]
    features = candidate_features(args.dev)
    usable = [j for j in judged if j["id"] in features]
    print(f"{len(judged)} judged items; {len(usable)} still made by the generator (fitted on those)")
    names = sorted(FEATURES)
    bias, weights = fit([features[j["id"]] for j in usable], [LABEL[j["verdict"]] for j in usable], names)
    print(f"\n{'bias':22} {bias:+.2f}")
    for name in sorted(weights, key=lambda k: -abs(weights[k])):
        print(f"{name:22} {weights[name]:+.2f}")
    _cross_validate(usable, features, names)
    if args.write:
        rounds = sorted({j["round"] for j in usable})
        data = {
            "fitted_on": f"{len(usable)} items judged blind in rounds {', '.join(rounds)} (bench/quality/fit.py)",
            "bias": round(bias, 4),
            "min_score": {"cloze": args.min_score, "mcq": args.min_mcq_score},
            "weights": {k: round(v, 4) for k, v in sorted(weights.items()) if abs(v) >= 0.005},
        }
        WEIGHTS.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {WEIGHTS.relative_to(ROOT)}")
    return 0


def _cross_validate(usable: list[dict], features: dict[str, dict[str, float]], names: list[str]) -> None:
    """Fit without one round, score that round: keep % among the items each threshold keeps."""
    by_round: dict[str, list[dict]] = defaultdict(list)
    for j in usable:
        by_round[j["round"]].append(j)
    if len(by_round) < 2:
        return
    scored: list[tuple[float, str]] = []
    typed: list[tuple[float, str, str]] = []
    for held, test in by_round.items():
        train = [j for j in usable if j["round"] != held]
        bias, weights = fit([features[j["id"]] for j in train], [LABEL[j["verdict"]] for j in train], names)
        scored += [(predict(bias, weights, features[j["id"]]), j["verdict"]) for j in test]
        typed += [(predict(bias, weights, features[j["id"]]), j["verdict"], j["type"]) for j in test]
    print("\nleave-one-round-out: threshold, items kept, keep %, keep+fix %")
    for threshold in (0.0, 0.3, 0.4, 0.5, 0.6):
        kept = [v for p, v in scored if p >= threshold]
        report(f"  {threshold:.1f}", kept, len(scored))
    for mcq_bar, cloze_bar in ((0.35, 0.5), (0.4, 0.5), (0.3, 0.5)):
        kept = [v for p, v, t in typed if p >= (mcq_bar if t == "mcq" else cloze_bar)]
        report(f"  mcq {mcq_bar:.2f} cloze {cloze_bar:.2f}", kept, len(scored))


def report(label: str, kept: list[str], total: int) -> None:
    if kept:
        keep = sum(v == "keep" for v in kept) / len(kept)
        usable_share = sum(v != "drop" for v in kept) / len(kept)
        print(f"{label}  {len(kept):4}/{total}  {100 * keep:5.1f}  {100 * usable_share:5.1f}")


if __name__ == "__main__":
    sys.exit(main())
