"""What every exporter shares: which items go out, and option orders fixed by item id."""

import dataclasses

import pytest

from conftest import FIXTURE
from quizwright.bank import load_bank
from quizwright.exporters import select_items, shuffled_options


@pytest.fixture(scope="module")
def bank():
    return load_bank(FIXTURE)


def item(bank, item_id):
    return next(i for i in bank.items if i.id == item_id)


def test_rejected_items_never_selected_and_approved_only_limits(bank):
    assert [i.id for i in select_items(bank)] == [i.id for i in bank.items if i.status != "rejected"]
    assert {i.status for i in select_items(bank)} == {"draft", "approved"}
    assert [i.id for i in select_items(bank, approved_only=True)] == ["mcq-2b7c0e11", "cloze-1a9d5f35"]


def test_a_stale_draft_stays_home_but_a_stale_approved_item_goes_out(bank):
    reason = "the source sentence is no longer in seed"
    draft = next(i for i in bank.items if i.status == "draft")
    approved = next(i for i in bank.items if i.status == "approved")
    stale = dataclasses.replace(
        bank,
        items=tuple(dataclasses.replace(i, stale=reason) if i.id in (draft.id, approved.id) else i for i in bank.items),
    )
    chosen = [i.id for i in select_items(stale)]
    assert draft.id not in chosen and approved.id in chosen
    assert len(chosen) == len(select_items(bank)) - 1


def test_option_shuffle_is_fixed_by_item_id(bank):
    mcq = item(bank, "mcq-e48902d2")
    options, correct = shuffled_options(mcq)
    # Pinned: sha256-seeded, so the same in every process and Python version.
    assert options == ("Taiwan", "China", "Japan", "North Korea")
    assert options[correct] == "China"
    assert shuffled_options(dataclasses.replace(mcq, question="typo fixed")) == (options, correct)
    assert shuffled_options(mcq, salt="7:B") != (options, correct)
