"""Properties on random and adversarial text (hypothesis), kept to a few seconds each.

- build never fails on text except with a QuizwrightError, and every item it writes validates;
- a cloze, refilled, is its source sentence;
- every exporter takes any valid bank, and what a student is shown is the text as written;
- the same text and seed give the same bank, and the same bank the same export bytes.
"""

from __future__ import annotations

import csv
import html
import io
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import parse_gift
from quizwright.bank import bank_to_yaml, parse_bank
from quizwright.checks import item_problems, validate_bank
from quizwright.errors import QuizwrightError
from quizwright.exporters import cloze_prompt, question_name
from quizwright.exporters.anki import build_note, build_package, package_bytes
from quizwright.exporters.gift import gift_text
from quizwright.exporters.pdf import PdfOptions, export_pdf
from quizwright.exporters.qti import qti_zip
from quizwright.exporters.tabular import csv_text, inert, quizlet_text
from quizwright.matching import CLOZE
from quizwright.models import Bank, Item, Source, SourceRef
from quizwright.pipeline import BuildOptions, build_bank

FEW = settings(
    max_examples=25,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Words a reading could hold, and the characters that break naive code: markup of HTML, Anki,
# reportlab, GIFT and Markdown; cloze markers; emoji with joiners; right-to-left and bidi
# controls; zero-width and control characters; typographic quotes and dashes.
WORDS = (
    "China",
    "South Korea",
    "Beijing",
    "Seoul",
    "President",
    "Lee Jae-myung",
    "Xi Jinping",
    "University",
    "Committee",
    "visited",
    "is",
    "was",
    "the",
    "a",
    "an",
    "of",
    "in",
    "and",
    "partner",
    "trading",
    "biggest",
    "talks",
    "security",
    "2019",
    "1950",
    "200",
    "3.5",
    "12 km",
    "40 percent",
    "January",
    "Mr.",
    "U.S.",
    "e.g.",
    "<b>",
    "</b>",
    "<script>alert(1)</script>",
    "&amp;",
    "&",
    "<font color=red>",
    "<para>",
    "<br/>",
    "{{c1::Paris}}",
    "{{",
    "}}",
    "::",
    "~",
    "=",
    "#",
    "{",
    "}",
    ":",
    "\\",
    "$",
    "*",
    "_",
    "`",
    "[link](x)",
    "\u201cquoted\u201d",
    "\u2019s",
    "\u2014",
    "\u2013",
    "...",
    "(",
    ")",
    ";",
    ",",
    "!",
    "?",
    "\U0001f1e8\U0001f1f3",
    "\U0001f469\u200d\U0001f4bc",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u0627\u0644\u0635\u064a\u0646",
    "\u202e",
    "\u200b",
    "\u2060",
    "\ufeff",
    "\x07",
    "\x1b[31m",
    "\x0c",
    "\t",
    "\u00a0",
    "caf\u00e9",
    "\u4e2d\u56fd",
)
# Any character but NUL (a NUL marks a file as binary, as in git) and lone surrogates (not encodable).
any_char = st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00")
word = st.one_of(st.sampled_from(WORDS), st.text(any_char, min_size=1, max_size=8))
sentence = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(word, min_size=1, max_size=25),
    st.sampled_from([".", ".", "!", "?", "", "\u2026", ":"]),
)
reading = st.builds(
    lambda title, sentences, gap: title + "\n\n" + gap.join(sentences) + "\n",
    st.sampled_from(["Trade in Asia", "", "<h1>Notes</h1>", "Chapter 1: {{c1::Cells}}"]),
    st.lists(sentence, min_size=1, max_size=12),
    st.sampled_from([" ", "\n", "\n\n", "\r\n"]),
)
ANCHOR = "President Lee Jae-myung visited Beijing in January with 200 business leaders.\n"
"""One ordinary sentence in every reading, so most examples do yield items to check."""


def build_text(folder: Path, text: str, seed: int = 0) -> tuple[Bank, Path] | None:
    source = folder / "reading.txt"
    source.write_text(text, encoding="utf-8", newline="")
    bank_path = folder / "bank.yaml"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bank = build_bank([source], bank_path, BuildOptions(seed=seed)).bank
    except QuizwrightError:
        return None  # a one-line error for the teacher is an allowed answer; any other exception fails
    bank_path.write_text(bank_to_yaml(bank), encoding="utf-8")
    return bank, bank_path


@FEW
@given(text=reading)
def test_build_never_raises_and_every_item_validates(tmp_path, text):
    built = build_text(tmp_path, ANCHOR + text)
    assert built is not None  # the anchor sentence alone makes it a usable reading
    bank, bank_path = built
    assert validate_bank(parse_bank(bank_path.read_text(encoding="utf-8"), str(bank_path)), bank_path) == []
    for item in bank.items:
        if item.type == "cloze":
            assert CLOZE.sub(lambda m: m.group(2), item.text) == item.source.sentence
            assert len(CLOZE.findall(item.text)) == 1


@settings(
    max_examples=8,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=reading, seed=st.integers(0, 5))
def test_same_text_and_seed_give_the_same_bank(tmp_path, text, seed):
    first = build_text(tmp_path, ANCHOR + text, seed)
    second = build_text(tmp_path, ANCHOR + text, seed)
    assert first is not None and second is not None
    assert bank_to_yaml(first[0]) == bank_to_yaml(second[0])


@FEW
@given(data=st.binary(max_size=600))
def test_any_bytes_as_a_source_build_or_get_one_clear_error(tmp_path, data):
    source = tmp_path / "reading.txt"
    source.write_bytes(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            bank = build_bank([source], tmp_path / "bank.yaml").bank
    except QuizwrightError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(source))
        return
    assert all(not item_problems(item) for item in bank.items)


# --- exporters on any valid bank ---------------------------------------------------------------

# Any character a bank can hold but a lone carriage return: readings never give one (sources.decode
# makes line ends "\n") and the GIFT exporter does not escape it (reported; Moodle would end the line there).
free_text = st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r"), min_size=1, max_size=40)
piece = st.one_of(st.sampled_from(WORDS), free_text)


@st.composite
def cloze_items(draw) -> Item:
    before, answer, after = draw(piece), draw(piece.filter(str.strip)), draw(piece)
    sentence = f"{before} {answer} {after}"
    text = f"{before} {{{{c1::{answer}}}}} {after}"
    return Item(
        id=f"cloze-{draw(st.integers(0, 10**6))}",
        type="cloze",
        status=draw(st.sampled_from(["draft", "approved"])),
        answer=answer,
        answer_kind="term",
        source=SourceRef("doc", sentence),
        text=text,
    )


@st.composite
def mcq_items(draw) -> Item:
    answer = draw(piece.filter(str.strip))
    sentence = f"{draw(piece)} {answer} {draw(piece)}"
    distractors = tuple(draw(st.lists(piece.filter(str.strip), min_size=3, max_size=3, unique_by=str.lower)))
    return Item(
        id=f"mcq-{draw(st.integers(0, 10**6))}",
        type="mcq",
        status="draft",
        answer=answer,
        answer_kind="term",
        source=SourceRef("doc", sentence),
        question=draw(piece) + " ____?",
        distractors=distractors,
    )


@st.composite
def valid_banks(draw) -> Bank:
    items = draw(st.lists(st.one_of(cloze_items(), mcq_items()), min_size=1, max_size=5, unique_by=lambda i: i.id))
    items = [i for i in items if not item_problems(i)]
    assume(items)
    # A title of only blank space stops the QTI export (text2qti needs a title; reported, not fixed here).
    return Bank(title=draw(piece.filter(str.strip)), sources=(Source("doc", "doc.txt", ""),), items=tuple(items))


class TextOf(HTMLParser):
    """What a browser (Anki) shows of an HTML field: its text, entities decoded, tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @classmethod
    def of(cls, markup: str) -> str:
        parser = cls()
        parser.feed(markup)
        parser.close()
        return "".join(parser.parts)


@FEW
@given(bank=valid_banks())
def test_anki_fields_show_the_text_as_written(bank):
    for item in bank.items:
        fields = build_note(bank, item).fields
        if item.type == "mcq":
            assert TextOf.of(fields[0]) == item.question
        else:
            assert TextOf.of(fields[0]) == item.text  # the {{c1::...}} markers are plain text to HTML
        assert TextOf.of(fields[-1]) == item.source.sentence
    assert package_bytes(build_package(bank, bank.items), 0.0) == package_bytes(build_package(bank, bank.items), 0.0)


@FEW
@given(bank=valid_banks())
def test_gift_reads_back_in_moodle_as_written(bank):
    questions = parse_gift(gift_text(bank, bank.items))
    assert len(questions) == len(bank.items)
    for question, item in zip(questions, bank.items):
        assert html.unescape(question["name"]) == question_name(item)
        if item.type == "mcq":
            assert question["right"] == [item.answer.strip()]
            assert question["text"] == (item.question or "").strip()


@FEW
@given(bank=valid_banks())
def test_csv_and_quizlet_keep_every_row_and_field(bank):
    rows = list(csv.reader(io.StringIO(csv_text(bank, bank.items), newline="")))
    assert len(rows) == 1 + len(bank.items)
    for row, item in zip(rows[1:], bank.items):
        # a cell that would start a formula keeps a leading apostrophe (inert), nothing else changes
        assert row[4] == inert(item.source.sentence) and row[2] == inert(item.answer)
        assert row[0] == inert(item.question if item.type == "mcq" else cloze_prompt(item))
    lines = quizlet_text(bank.items).split("\n")
    assert len(lines) == len(bank.items) + 1 and lines[-1] == ""
    assert all(line.count("\t") == 1 for line in lines[:-1])


@settings(
    max_examples=10,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(bank=valid_banks())
@pytest.mark.filterwarnings("ignore::quizwright.errors.MissingGlyphsWarning")  # any character may come up
def test_qti_and_pdf_take_any_valid_bank_and_give_the_same_bytes_twice(tmp_path, bank):
    assert qti_zip(bank, bank.items) == qti_zip(bank, bank.items)
    export_pdf(bank, tmp_path / "a.pdf", PdfOptions(seed=1))
    first = {p.name: p.read_bytes() for p in tmp_path.glob("a*.pdf")}
    export_pdf(bank, tmp_path / "a.pdf", PdfOptions(seed=1))
    assert {p.name: p.read_bytes() for p in tmp_path.glob("a*.pdf")} == first
    assert all(data.startswith(b"%PDF") for data in first.values())
