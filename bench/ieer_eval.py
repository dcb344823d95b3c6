"""Entity typing measured on NLTK's IEER corpus (NYT/APW 1998 news, hand-annotated).

    NLTK_DATA=../shared/nltk_data python bench/ieer_eval.py [--json results.json]

Gold chunks are mapped to quizwright's kinds (PERSON->person, ORGANIZATION->organization,
LOCATION->place, DATE/TIME->date, MONEY/PERCENT/MEASURE/CARDINAL->number; DURATION is
left out: quizwright files "six years" under number, IEER under a kind of its own).
Reported: exact-span detection and typed (span + kind) precision/recall/F1, typing accuracy
on the spans found exactly, and recall per kind.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from nltk.corpus import ieer
from nltk.tree import Tree

from quizwright.analysis.entities import find_mentions, resolve
from quizwright.analysis.text import analyse
from quizwright.models import Document

GOLD_KIND = {
    "PERSON": "person", "ORGANIZATION": "organization", "LOCATION": "place", "DATE": "date",
    "TIME": "date", "MONEY": "number", "PERCENT": "number", "MEASURE": "number", "CARDINAL": "number",
}


def document_and_gold(tree: Tree, doc_id: str) -> tuple[Document, set[tuple[int, int, str]]]:
    """Rebuild the text from the leaves, one space between tokens, and the gold spans in it."""
    parts: list[str] = []
    gold: set[tuple[int, int, str]] = set()
    offset = 0
    for node in tree:
        words = node.leaves() if isinstance(node, Tree) else [node]
        start = offset
        for word in words:
            parts.append(word)
            offset += len(word) + 1
        if isinstance(node, Tree) and node.label() in GOLD_KIND:
            gold.add((start, offset - 1, GOLD_KIND[node.label()]))
    return Document(doc_id, doc_id, "", " ".join(parts)), gold


def predicted(doc: Document) -> set[tuple[int, int, str]]:
    mentions = resolve([m for s in analyse(doc) for m in find_mentions(s)])
    spans = set()
    for m in mentions:
        if m.kind == "proper":
            continue
        spans.add((m.tokens[0].start, m.tokens[-1].end, m.kind))
    return spans


def prf(found: int, predicted_n: int, gold_n: int) -> dict[str, float]:
    p = found / predicted_n if predicted_n else 0.0
    r = found / gold_n if gold_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def score(pairs: list[tuple[set, set]]) -> dict[str, object]:
    """pairs: (gold spans, predicted spans) per document, spans as (start, end, kind)."""
    gold_n = pred_n = span_hits = typed_hits = 0
    per_kind_gold: Counter[str] = Counter()
    per_kind_hit: Counter[str] = Counter()
    for gold, pred in pairs:
        gold_n += len(gold)
        pred_n += len(pred)
        pred_spans = {(a, b): k for a, b, k in pred}
        for a, b, kind in gold:
            per_kind_gold[kind] += 1
            if (a, b) in pred_spans:
                span_hits += 1
                if pred_spans[(a, b)] == kind:
                    typed_hits += 1
                    per_kind_hit[kind] += 1
    return {
        "gold": gold_n,
        "predicted": pred_n,
        "detection": prf(span_hits, pred_n, gold_n),
        "typed": prf(typed_hits, pred_n, gold_n),
        "typing_accuracy_on_found_spans": round(typed_hits / span_hits, 3) if span_hits else 0.0,
        "recall_by_kind": {k: round(per_kind_hit[k] / n, 3) for k, n in sorted(per_kind_gold.items())},
    }


def evaluate() -> dict[str, object]:
    pairs = []
    for fileid in ieer.fileids():
        for n, parsed in enumerate(ieer.parsed_docs(fileid)):
            doc, gold = document_and_gold(parsed.text, f"{fileid}-{n}")
            pairs.append((gold, predicted(doc)))
    return {"documents": len(pairs), **score(pairs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    result = evaluate()
    print(f"IEER: {result['documents']} documents, {result['gold']} gold entities, {result['predicted']} predicted")
    print(f"{'':24}{'precision':>10}{'recall':>10}{'F1':>8}")
    for name in ("detection", "typed"):
        row = result[name]
        print(f"{name + ' (exact span)':24}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1']:>8.3f}")
    print(f"typing accuracy on exactly found spans: {result['typing_accuracy_on_found_spans']:.3f}")
    print("recall by kind: " + ", ".join(f"{k} {v:.3f}" for k, v in result["recall_by_kind"].items()))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
