"""show and stats: what a teacher sees while reviewing a bank."""

from dataclasses import replace

from quizwright.models import Bank, Item, Source, SourceRef
from quizwright.review import bank_stats, filter_items

S = "Lee met Xi Jinping in Beijing in 2019 to discuss trade."


MCQ = Item(
    "mcq-00000001",
    "mcq",
    "draft",
    "Beijing",
    "place",
    SourceRef("a", S),
    question="Lee met Xi Jinping in _____ in 2019 to discuss trade.",
    distractors=("Seoul", "Tokyo", "Shanghai"),
)


CLOZE = Item(
    "cloze-00000001",
    "cloze",
    "approved",
    "2019",
    "date",
    SourceRef("b", S),
    text="Lee met Xi Jinping in Beijing in {{c1::2019}} to discuss trade.",
)


REJECTED = replace(MCQ, id="mcq-00000002", status="rejected", answer_kind="person", source=SourceRef("b", S))


BANK = Bank("Visit", (Source("a", "a.txt", ""), Source("b", "b.txt", "")), (MCQ, CLOZE, REJECTED))


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
