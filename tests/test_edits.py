"""A teacher's decisions (edits.BankEditor): each made on the bank as it is on disk."""

from __future__ import annotations

from dataclasses import replace

from quizwright.bank import bank_to_yaml, load_bank
from quizwright.edits import BankEditor
from quizwright.models import Status


def test_a_decision_after_a_build_merged_into_the_bank_keeps_what_the_build_added(write_bank, make_item):
    path, bank = write_bank()
    editor = BankEditor(path)  # review opens the bank...
    added = make_item(id="mcq-0000beef", question="Which city did President Lee visit in January?")
    grown = replace(bank, items=(*bank.items, added))
    path.write_text(bank_to_yaml(grown), encoding="utf-8")  # ...a build writes a new item meanwhile...
    editor.set_status([bank.items[0].id], Status.APPROVED)  # ...then the teacher approves the first
    after = load_bank(path)
    assert [i.id for i in after.items] == [*(i.id for i in bank.items), "mcq-0000beef"]
    assert after.items[0].status == Status.APPROVED
    assert editor.bank.items[-1].id == "mcq-0000beef"  # what review shows next is the bank on disk


def test_an_edited_cloze_takes_its_answer_from_the_deletion(write_bank):
    path, bank = write_bank()
    cloze = next(i for i in bank.items if not i.is_mcq)
    edited = BankEditor(path).set_prompt(cloze.id, "President Lee Jae-myung visited {{c1::Beijing}} in January.")
    assert edited.answer == "Beijing"
    assert load_bank(path).items[1].text == "President Lee Jae-myung visited {{c1::Beijing}} in January."
