"""Entity mentions and kinds measured on NLTK's IEER corpus (NYT/APW 1998 news, hand-annotated).

    NLTK_DATA=/work/shared/nltk_data python bench/entity_eval.py [--json results.json]

Each IEER document's leaves are joined back into plain text (no space before closing
punctuation or after an opening one, ``/'' as plain quotes, &AMP; as &), keeping every gold
chunk as a character span. The text then goes through analyse + find_mentions + resolve.

Gold types map to quizwright kinds: PERSON->person, ORGANIZATION->organization,
LOCATION->place, DATE/TIME->date, MONEY/PERCENT/MEASURE/CARDINAL->number, and
DURATION->number (quizwright files "20 years" and "four-day" as a number with a unit).
Predictions of kind 'group' (nationalities) are not scored: IEER has no such class.
'proper' predictions are scored: they count for detection and are always mistyped.

Reported: detection P/R/F1 with exact spans and with overlapping spans, typed P/R/F1
(exact span and kind), typing accuracy on the exactly found spans, and recall per kind.
"""

from __future__ import annotations

import argparse
import json
import re
from bisect import bisect_left
from collections import Counter

from nltk.tree import Tree

from quizwright.analysis.entities import find_mentions
from quizwright.analysis.resolution import resolve
from quizwright.analysis.text import analyse
from quizwright.models import Document

GOLD_KIND = {
    "PERSON": "person",
    "ORGANIZATION": "organization",
    "LOCATION": "place",
    "DATE": "date",
    "TIME": "date",
    "MONEY": "number",
    "PERCENT": "number",
    "MEASURE": "number",
    "CARDINAL": "number",
    "DURATION": "number",
}
UNSCORED_KINDS = {"group"}
CLOSING = re.compile(r"""^(?:[,.;:?!)\]]|''|'s?$)""")
OPENING = {"(", "``", "["}

Span = tuple[int, int, str]


def _clean(leaf: str) -> str:
    return leaf.replace("&AMP;", "&").replace("``", '"').replace("''", '"')


def document_and_gold(tree: Tree, doc_id: str) -> tuple[Document, set[Span]]:
    """Rebuild readable text from the leaves, and the gold (start, end, kind) spans in it."""
    text = ""
    gold: set[Span] = set()
    glue = True  # no space before the next leaf
    for node in tree:
        leaves = node.leaves() if isinstance(node, Tree) else [node]
        start = None
        for leaf in leaves:
            if not glue and not CLOSING.match(leaf):
                text += " "
            start = len(text) if start is None else start
            text += _clean(leaf)
            glue = leaf in OPENING
        if isinstance(node, Tree) and node.label() in GOLD_KIND:
            gold.add((start, len(text), GOLD_KIND[node.label()]))
    return Document(doc_id, doc_id, "", text), gold


def predicted(doc: Document) -> set[Span]:
    mentions = resolve([m for s in analyse(doc) for m in find_mentions(s)])
    return {(m.tokens[0].start, m.tokens[-1].end, m.kind) for m in mentions if m.kind not in UNSCORED_KINDS}


def prf(hits_p: int, predicted_n: int, hits_r: int, gold_n: int) -> dict[str, float]:
    """hits_p: predictions that count as right; hits_r: gold spans that were found."""
    p = hits_p / predicted_n if predicted_n else 0.0
    r = hits_r / gold_n if gold_n else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def _overlapping(spans: list[Span], others: list[Span]) -> int:
    """How many of spans overlap at least one of others (others sorted by start)."""
    starts = [a for a, _, _ in others]
    longest = max((b - a for a, b, _ in others), default=0)
    count = 0
    for a, b, _ in spans:
        lo = bisect_left(starts, a - longest)
        hi = bisect_left(starts, b)
        count += any(others[k][1] > a for k in range(lo, hi))
    return count


def score(pairs: list[tuple[set[Span], set[Span]]]) -> dict[str, object]:
    """pairs: (gold spans, predicted spans) per document, spans as (start, end, kind)."""
    n = Counter()
    kind_gold: Counter[str] = Counter()
    kind_hit: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for gold, pred in pairs:
        n["gold"] += len(gold)
        n["pred"] += len(pred)
        pred_kind = {(a, b): k for a, b, k in pred}
        gold_sorted, pred_sorted = sorted(gold), sorted(pred)
        n["overlap_gold"] += _overlapping(gold_sorted, pred_sorted)
        n["overlap_pred"] += _overlapping(pred_sorted, gold_sorted)
        for a, b, kind in gold:
            kind_gold[kind] += 1
            if (a, b) not in pred_kind:
                continue
            n["span"] += 1
            confusion[(kind, pred_kind[(a, b)])] += 1
            if pred_kind[(a, b)] == kind:
                n["typed"] += 1
                kind_hit[kind] += 1
    return {
        "gold": n["gold"],
        "predicted": n["pred"],
        "detection_exact": prf(n["span"], n["pred"], n["span"], n["gold"]),
        "detection_overlap": prf(n["overlap_pred"], n["pred"], n["overlap_gold"], n["gold"]),
        "typed": prf(n["typed"], n["pred"], n["typed"], n["gold"]),
        "typing_accuracy_on_found_spans": round(n["typed"] / n["span"], 3) if n["span"] else 0.0,
        "recall_by_kind": {k: round(kind_hit[k] / c, 3) for k, c in sorted(kind_gold.items())},
        "confusion_on_found_spans": {f"{g}->{p}": c for (g, p), c in sorted(confusion.items()) if g != p},
    }


def ieer_documents() -> list[tuple[Document, set[Span]]]:
    from nltk.corpus import ieer

    return [
        document_and_gold(parsed.text, f"{fileid}-{n}")
        for fileid in ieer.fileids()
        for n, parsed in enumerate(ieer.parsed_docs(fileid))
    ]


def evaluate() -> dict[str, object]:
    docs = ieer_documents()
    return {"documents": len(docs), **score([(gold, predicted(doc)) for doc, gold in docs])}


def print_table(result: dict[str, object]) -> None:
    print(f"IEER: {result['documents']} documents, {result['gold']} gold mentions, {result['predicted']} predicted")
    print(f"{'':28}{'precision':>10}{'recall':>10}{'F1':>8}")
    for name, label in (
        ("detection_exact", "detection (exact span)"),
        ("detection_overlap", "detection (overlap)"),
        ("typed", "typed (exact span + kind)"),
    ):
        row = result[name]
        print(f"{label:28}{row['precision']:>10.3f}{row['recall']:>10.3f}{row['f1']:>8.3f}")
    print(f"typing accuracy on exactly found spans: {result['typing_accuracy_on_found_spans']:.3f}")
    print("recall by kind (exact span + kind):")
    for kind, value in result["recall_by_kind"].items():
        print(f"  {kind:14}{value:.3f}")
    print(
        "mistyped found spans (gold->predicted): "
        + ", ".join(f"{k} {v}" for k, v in result["confusion_on_found_spans"].items())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    result = evaluate()
    print_table(result)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
