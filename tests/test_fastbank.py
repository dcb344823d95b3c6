"""The fast read path (LibYAML) reads every bank as the round-trip loader does: the same items
on the same lines, or the same error. Banks are generated, written by bank_to_yaml, then
edited the way a teacher's hand or a bad merge might (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizwright import fastbank
from quizwright.bank import bank_to_yaml, parse_bank
from quizwright.errors import BankError
from quizwright.fastbank import parse_bank_fast
from quizwright.models import Bank, Item, Source, SourceRef

PROPERTY = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip

# Scalars YAML may read as something other than text, and characters that make it quote.
TRICKY = [
    "yes", "no", "on", "true", "False", "NULL", "~", "null", "", " ", "1950", "007", "0x1F", "0o17", "1_000",
    "+12", "-3", "1.50", "1e3", ".inf", ".NaN", "2024-01-01", "2024-01-01 10:00:00", "1:20", "<<", "=", "- x",
    "? x", ": x", "x: y", "# not a comment", "a #b", "'quoted'", '"double"', "[list]", "{map}", "&anchor",
    "*alias", "!tag", "%directive", "@at", "`tick`", "|", ">", "tab\there", "line\nbreak", "trailing ",
    "ünïcödé", "한국어", "“curly” — dash", "😀", "\u200b", "\\back",
]  # fmt: skip
text = st.one_of(
    st.sampled_from(TRICKY), st.text(max_size=30), st.text(alphabet="ab :-#'\"[]{},&*!|>\n\t0123456789.", max_size=20)
)


@st.composite
def items(draw, n: int) -> Item:
    mcq = draw(st.booleans())
    return Item(
        id=draw(st.one_of(st.just(f"item-{n}"), text)),
        type="mcq" if mcq else "cloze",
        status=draw(st.sampled_from(["draft", "approved", "rejected", "maybe"])),
        answer=draw(text),
        answer_kind=draw(st.sampled_from(["person", "term", "date"])),
        source=SourceRef(draw(text), draw(text), draw(st.one_of(st.none(), st.integers(0, 400)))),
        question=draw(text) if mcq else None,
        distractors=tuple(draw(st.lists(text, max_size=4))) if mcq else (),
        text=None if mcq else draw(text),
        context=draw(st.one_of(st.none(), text)),
        score=draw(st.one_of(st.none(), st.floats(0, 1))),
        fingerprint=draw(st.one_of(st.none(), text)),
        stale=draw(st.one_of(st.none(), text)),
    )


@st.composite
def bank_texts(draw) -> str:
    count = draw(st.integers(0, 4))
    bank = Bank(
        title=draw(text),
        sources=tuple(Source(draw(text), draw(text), draw(text)) for _ in range(draw(st.integers(0, 2)))),
        items=tuple(draw(items(n)) for n in range(count)),
    )
    return bank_to_yaml(bank)


LINES = [
    "  - id: x", "    id: y", "    answer: 007", "    answer: yes", "    score: high", "    page: 2.5", "title: t",
    "sources: *a", "items: &a []", "    distractors: [a, *b]", "  - &c {id: z}", "    <<: {id: q}", "%YAML 1.1",
    "---", "...", "    source: {doc: d, sentence: s}", "    ? [k]", "    : v", "\t- id: tab", "  - !!str 5",
    "    text: |", "      block", "# a comment", "", "    answer: 2024-01-01", "schema: quizwright/1",
]  # fmt: skip


@st.composite
def edited(draw) -> str:
    """A generated bank with a few lines inserted, replaced or cut."""
    lines = draw(bank_texts()).splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(lines)))
        action = draw(st.sampled_from(["insert", "replace", "cut", "char"]))
        if action == "insert":
            lines.insert(at, draw(st.sampled_from(LINES)) + "\n")
        elif lines and action == "replace":
            lines[min(at, len(lines) - 1)] = draw(st.sampled_from(LINES)) + "\n"
        elif lines and action == "cut":
            del lines[min(at, len(lines) - 1)]
        elif lines:
            line = lines[min(at, len(lines) - 1)]
            pos = draw(st.integers(0, len(line)))
            lines[min(at, len(lines) - 1)] = line[:pos] + draw(st.sampled_from(list(":-'\"[]{}#&*!|> \t"))) + line[pos:]
    return "".join(lines)


def outcome(parse, text: str) -> tuple:
    try:
        bank = parse(text, "bank.yaml")
    except BankError as exc:
        return ("error", str(exc))
    return ("bank", bank, [item.line for item in bank.items])


@PROPERTY
@given(text=bank_texts())
def test_fast_loader_reads_written_banks_as_the_round_trip_loader(text):
    assert outcome(parse_bank_fast, text) == outcome(parse_bank, text)


@PROPERTY
@given(text=edited())
def test_fast_loader_reads_edited_banks_or_refuses_them_in_the_same_words(text):
    assert outcome(parse_bank_fast, text) == outcome(parse_bank, text)


def test_the_example_bank_reads_the_same():
    text = (Path(__file__).parents[1] / "question_banks" / "korea-china-visit.yaml").read_text(encoding="utf-8")
    assert outcome(parse_bank_fast, text) == outcome(parse_bank, text)


@pytest.mark.parametrize(
    "text, message",
    [
        ("schema: quizwright/1\nitems:\n  - id: a\n    id: b\n",
         'bank.yaml:4:5: not valid YAML: found duplicate key "id" with value "b" (original value: "a")'),
        ("schema: quizwright/1\nitems: &x []\nsources: *x\n",
         "bank.yaml:3:10: not valid YAML: found an alias (*x); write the value out instead"),
        ("schema: quizwright/1\nitems: " + "[" * 60 + "]" * 60 + "\n", "bank.yaml:2:57: not valid YAML: nested too deeply for a bank"),
        ("schema: quizwright/1\n  title: x\n", "bank.yaml:2:8: not valid YAML: mapping values are not allowed here; this line is indented differently "
         "from the field above it: line up each field of an item under the one before"),
    ],
)  # fmt: skip
def test_refusals_name_the_line_and_say_why(text, message):
    with pytest.raises(BankError) as fast:
        parse_bank_fast(text, "bank.yaml")
    assert str(fast.value) == message


def test_a_syntax_error_deep_in_a_large_bank_is_found_without_reading_it_all_again(monkeypatch):
    lines = ["schema: quizwright/1\n", "items:\n"] + [f"  - id: i{n}\n" for n in range(400)]
    lines[300] = "  - id: a: b\n"
    read = []
    monkeypatch.setattr(fastbank, "parse_bank", lambda text, name: read.append(text) or parse_bank(text, name))
    with pytest.raises(BankError, match=r"bank.yaml:301:10: not valid YAML: mapping values are not allowed here"):
        parse_bank_fast("".join(lines), "bank.yaml")
    assert len(read[0].splitlines()) < 400  # the round-trip loader read only the lines up to just past it


def test_without_libyaml_the_pure_python_parser_gives_the_same(monkeypatch):
    monkeypatch.setattr(fastbank, "Loader", yaml.SafeLoader)
    text = "schema: quizwright/1\ntitle: T\nitems:\n  - id: a\n    type: cloze\n    answer: x\n    source: {doc: d, sentence: s x}\n"
    assert outcome(parse_bank_fast, text) == outcome(parse_bank, text)
