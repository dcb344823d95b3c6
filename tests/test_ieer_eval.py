"""The IEER harness scores spans correctly (the figure in the README depends on it)."""

import sys
from pathlib import Path

from nltk.tree import Tree

sys.path.insert(0, str(Path(__file__).parents[1] / "bench"))
import ieer_eval  # noqa: E402


def test_score_counts_exact_spans_and_kinds():
    gold = {(0, 5, "person"), (10, 15, "place"), (20, 24, "date")}
    pred = {(0, 5, "person"), (10, 15, "organization"), (30, 33, "number")}
    result = ieer_eval.score([(gold, pred)])
    assert result["detection"] == {"precision": 0.667, "recall": 0.667, "f1": 0.667}
    assert result["typed"] == {"precision": 0.333, "recall": 0.333, "f1": 0.333}
    assert result["typing_accuracy_on_found_spans"] == 0.5
    assert result["recall_by_kind"] == {"date": 0.0, "person": 1.0, "place": 0.0}


def test_gold_spans_point_at_the_rebuilt_text():
    tree = Tree("DOC", ["Mr.", Tree("PERSON", ["Kim", "Dae-jung"]), "visited", Tree("LOCATION", ["Tokyo"]), "."])
    doc, gold = ieer_eval.document_and_gold(tree, "t")
    assert doc.text == "Mr. Kim Dae-jung visited Tokyo ."
    assert {doc.text[a:b] for a, b, _ in gold} == {"Kim Dae-jung", "Tokyo"}
