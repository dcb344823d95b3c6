"""The entity benchmark scores spans correctly (its figures are only as good as this)."""

from nltk.tree import Tree

from conftest import bench_module

entity_eval = bench_module("entity_eval")


def test_score_exact_overlap_and_typed():
    gold = {(0, 5, "person"), (10, 15, "place"), (20, 24, "date"), (40, 45, "number")}
    pred = {
        (0, 5, "person"),  # exact, right kind
        (10, 15, "organization"),  # exact, wrong kind
        (18, 22, "date"),  # overlaps (20, 24) only
        (30, 33, "number"),  # overlaps nothing
    }
    result = entity_eval.score([(gold, pred)])
    assert result["detection_exact"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert result["detection_overlap"] == {"precision": 0.75, "recall": 0.75, "f1": 0.75}
    assert result["typed"] == {"precision": 0.25, "recall": 0.25, "f1": 0.25}
    assert result["typing_accuracy_on_found_spans"] == 0.5
    assert result["recall_by_kind"] == {"date": 0.0, "number": 0.0, "person": 1.0, "place": 0.0}
    assert result["confusion_on_found_spans"] == {"place->organization": 1}


def test_score_sums_over_documents_and_handles_empty_predictions():
    one = ({(0, 3, "person")}, {(0, 3, "person")})
    two = ({(0, 3, "place"), (5, 9, "date")}, set())
    result = entity_eval.score([one, two])
    assert result["detection_exact"] == {"precision": 1.0, "recall": 0.333, "f1": 0.5}


def test_gold_spans_point_at_the_rebuilt_text():
    tree = Tree(
        "DOC",
        [
            Tree("LOCATION", ["NAIROBI"]),
            ",",
            "Kenya",
            "(",
            Tree("ORGANIZATION", ["AP"]),
            ")",
            "_",
            "President",
            Tree("PERSON", ["Daniel", "arap", "Moi"]),
            ",",
            Tree("LOCATION", ["Kenya"]),
            "'s",
            "ruler",
            "for",
            Tree("DURATION", ["20", "years"]),
            ".",
            "``Go,''",
            "said",
            Tree("ORGANIZATION", ["Merrill", "Lynch", "&AMP;", "Co."]),
        ],
    )
    doc, gold = entity_eval.document_and_gold(tree, "t")
    assert (
        doc.text
        == 'NAIROBI, Kenya (AP) _ President Daniel arap Moi, Kenya\'s ruler for 20 years. "Go," said Merrill Lynch & Co.'
    )
    assert sorted((doc.text[a:b], k) for a, b, k in gold) == [
        ("20 years", "number"),
        ("AP", "organization"),
        ("Daniel arap Moi", "person"),
        ("Kenya", "place"),
        ("Merrill Lynch & Co.", "organization"),
        ("NAIROBI", "place"),
    ]
