"""bank_text writes a bank's items as ruamel.yaml would, character for character."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from quizwright.bank import HEADER, bank_to_yaml, bank_tree, dumped, item_map
from quizwright.bank_fields import CONTROL
from quizwright.bank_text import item_text
from quizwright.fastbank import load_bank_fast
from quizwright.models import Bank, Item, Source, SourceRef

ROOT = Path(__file__).resolve().parent.parent


def by_ruamel(bank: Bank) -> str:
    return HEADER + dumped(bank_tree(bank))


@pytest.mark.parametrize("path", ["question_banks/korea-china-visit.yaml", "tests/fixtures/export_bank.yaml"])
def test_a_real_bank_is_written_as_ruamel_writes_it(path):
    bank = load_bank_fast(ROOT / path)
    assert bank.items
    assert bank_to_yaml(bank) == by_ruamel(bank)


def test_a_plain_item_is_written_without_ruamel(make_item, make_cloze):
    def refuse(item):
        raise AssertionError(f"ruamel.yaml asked to write {item['id']}")

    for item in (make_item(), make_cloze(), make_item(question="'Quoted' stem: with a colon?", score=0.5)):
        text = item_text(item_map(item), refuse)
        assert text.startswith(f"  - id: {item.id}\n")


# Values YAML reads as something else, or writes quoted or not at all in plain form.
AWKWARD = [
    "yes", "no", "null", "~", "1.5", "0x1F", "2020-01-01", "1e3", "-5", ".inf", "<<", "=",
    "- dash", "? mark", ": colon", "a: b", "a #b", "a#b", "ends:", "[x]", "{x}", "x, y", "'quoted'",
    '"double"', "it's", "it's \"both\"", "back\\slash", "&anchor", "*alias", "!tag", "%pct", "@at", "`tick",
    "|pipe", ">fold", "---", "...", "a  b", " lead", "trail ", "line\nbreak", "tab\there", "\u00a0nbsp",
    "\u2028sep", "caf\u00e9 \u201cquoted\u201d \u2014 dash", "\u4e2d\u570b", "{{c1::x}} y", "x" * 3500,
]  # fmt: skip
# what a bank may hold: no lone surrogate, no control character but tab and line breaks (a bank
# holding one is refused on load, and readers turn them into spaces and newlines; ruamel.yaml
# writes U+0085 as a line break that reads back as a space)
bank_character = st.characters(blacklist_categories=["Cs"]).filter(lambda c: not CONTROL.match(c))
text = st.one_of(
    st.sampled_from(AWKWARD),
    st.text(bank_character, min_size=1, max_size=30),
    st.text(st.sampled_from(list("ab :#'\"-?,[]{}\\.")), min_size=1, max_size=12),
)


@st.composite
def banks(draw) -> Bank:
    items = []
    for n in range(draw(st.integers(1, 4))):
        answer, sentence = draw(text), draw(text)
        if draw(st.booleans()):
            item = Item(
                id=f"mcq-{n}", type="mcq", status="draft", answer=answer, answer_kind="term",
                source=SourceRef("doc", sentence, page=draw(st.none() | st.integers(1, 500))),
                question=draw(text), distractors=tuple(draw(st.lists(text, max_size=3))),
                score=draw(st.none() | st.floats(0, 1).map(lambda x: round(x, 3))),
            )  # fmt: skip
        else:
            item = Item(
                id=f"cloze-{n}", type="cloze", status="approved", answer=answer, answer_kind="person",
                source=SourceRef("doc", sentence), text=draw(text), context=draw(st.none() | text),
                fingerprint=draw(st.none() | text), stale=draw(st.none() | text),
            )  # fmt: skip
        items.append(item)
    return Bank(title="t", sources=(Source("doc", "doc.txt", "ab" * 32),), items=tuple(items))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bank=banks())
def test_any_bank_is_written_as_ruamel_writes_it_and_reads_back_the_same(bank):
    text = bank_to_yaml(bank)
    assert text == by_ruamel(bank)
    read = YAML(typ="safe", pure=True).load(text)["items"]  # YAML 1.2, as banks are read: "yes" is text
    for item, back in zip(bank.items, read, strict=True):
        assert back["answer"] == item.answer and back["source"]["sentence"] == item.source.sentence
        assert back.get("distractors", []) == list(item.distractors)
