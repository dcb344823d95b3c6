"""show and stats: what a teacher sees while reviewing a bank."""

from conftest import REVIEW_BANK as BANK
from quizwright.review import bank_stats, filter_items

MCQ, CLOZE, REJECTED = BANK.items


def test_filter_by_status_type_and_document():
    assert filter_items(BANK, status="draft") == [MCQ]
    assert filter_items(BANK, type="mcq") == [MCQ, REJECTED]
    assert filter_items(BANK, doc="b", type="mcq") == [REJECTED]
    assert filter_items(BANK) == list(BANK.items)


def test_stats_count_by_status_type_kind_and_source():
    stats = bank_stats(BANK)
    assert stats.total == 3 and stats.to_review == 1
    assert stats.by_status == {"draft": 1, "approved": 1, "rejected": 1}
    assert stats.by_type == {"mcq": 2, "cloze": 1}
    assert stats.by_kind == {"place": 1, "date": 1, "person": 1}
    assert stats.by_source == {"a": 1, "b": 2}
