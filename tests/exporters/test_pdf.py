"""The worksheet exporter, checked on what poppler extracts from (and renders of) the PDFs."""

import dataclasses
import re
import subprocess
import warnings

import pytest

from conftest import FIXTURE, requires_fonts, requires_poppler
from quizwright.bank import load_bank
from quizwright.errors import ExportError, MissingGlyphsWarning
from quizwright.exporters import letter, select_items
from quizwright.exporters.pdf import PdfOptions, export_pdf, make_forms
from quizwright.exporters.worksheet import WRITING_LINE as BLANK
from quizwright.models import Bank, Item, SourceRef

pytestmark = requires_poppler


@pytest.fixture(scope="module")
def bank():
    return load_bank(FIXTURE)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return tmp_path_factory.mktemp("pdf")


@pytest.fixture(scope="module")
def single(bank, out):
    """One form, key appended, with a word bank."""
    return export_pdf(bank, out / "single" / "ws.pdf", PdfOptions(word_bank=True, key="append"))


@pytest.fixture(scope="module")
def versions(bank, out):
    """Two forms with separate keys, on letter paper."""
    options = PdfOptions(versions=2, seed=7, key="separate", paper="letter")
    return export_pdf(bank, out / "versions" / "ws.pdf", options), options


def pages(path):
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [flat(page) for page in text.split("\f")[:-1]]


def flat(text):
    return re.sub(r"\s+", " ", text).strip()


def mcq_block(question):
    options = " ".join(f"{letter(i)}. {o}" for i, o in enumerate(question.options))
    return f"{question.number}. {question.item.question} {options}"


def cloze_line(question):
    text = re.sub(r"\{\{c1::[^}]*?::([^}]*)\}\}", BLANK + r" (\1)", question.item.text)
    return f"{question.number}. " + re.sub(r"\{\{c1::[^}]*\}\}", BLANK, text)


def key_row(question):
    answer = (
        f"{letter(question.correct)} {question.item.answer}" if question.item.type == "mcq" else question.item.answer
    )
    return f"{question.number}. {answer} {question.item.source.sentence}"


def assert_in_order(text, expected):
    pos = 0
    for piece in expected:
        found = text.find(piece, pos)
        assert found >= 0, f"missing or out of order: {piece!r}"
        pos = found + len(piece)


@requires_fonts
def test_worksheet_has_every_question_option_and_key_entry_in_order(single, bank):
    (path,) = single.paths
    text = pages(path)
    form = make_forms(select_items(bank), PdfOptions())[0]
    assert text[0].startswith("Why South Korea’s President Went to China Name Class Date Read each question")
    assert_in_order(
        " ".join(text), ["Part 1 · Multiple choice", *map(mcq_block, form.mcqs), "Part 2 · Fill in the blanks"]
    )
    assert_in_order(" ".join(text[:-1]), [cloze_line(q) for q in form.clozes])
    assert text[-1].startswith("Answer key")
    assert_in_order(text[-1], ["No. Answer Source sentence", *map(key_row, form.questions)])
    assert "Answer key" not in " ".join(text[:-1])


@requires_fonts
def test_pages_are_numbered_and_questions_never_split(single, bank):
    text = pages(single.paths[0])
    assert len(text) == 2  # worksheet and appended key
    for n, page in enumerate(text, start=1):
        assert page.endswith(f"Page {n} of {len(text)}")
    form = make_forms(select_items(bank), PdfOptions())[0]
    assert all(any(mcq_block(q) in page for page in text) for q in form.mcqs)


def test_a_long_worksheet_keeps_each_question_with_its_options(tmp_path, bank):
    template = select_items(bank)[0]
    items = tuple(
        dataclasses.replace(
            template, id=f"mcq-{n:03}", question=f"Question {n}: " + "which country trades most? " * (n % 4 + 1)
        )
        for n in range(45)
    )
    long_bank = dataclasses.replace(bank, items=items)
    text = pages(export_pdf(long_bank, tmp_path / "long.pdf", PdfOptions(key="none")).paths[0])
    form = make_forms(items, PdfOptions())[0]
    assert len(text) >= 4
    assert all(any(flat(mcq_block(q)) in page for page in text) for q in form.mcqs)


def test_a_long_key_lists_every_question_once_in_order_with_one_header(tmp_path, bank):
    """The key is built in tables of KEY_ROWS_PER_TABLE rows; it must read as one table."""
    template = select_items(bank)[0]
    items = tuple(dataclasses.replace(template, id=f"mcq-{n:03}") for n in range(60))
    path = export_pdf(dataclasses.replace(bank, items=items), tmp_path / "k.pdf", PdfOptions(key="separate")).paths[1]
    key = " ".join(pages(path))
    form = make_forms(items, PdfOptions())[0]
    assert_in_order(key, ["Answer key", "No. Answer Source sentence", *map(key_row, form.questions)])
    assert key.count("No. Answer Source sentence") == 1
    assert [int(n) for n in re.findall(r"(\d+)\. [A-D] ", key)] == list(range(1, 61))


@requires_fonts
def test_bank_text_prints_as_itself(single):
    text = " ".join(pages(single.paths[0]))
    assert "Which broadcaster reported that a <script> snippet ran" in text
    assert "The outage began when a <b> tag was left unclosed & a <script> snippet" in text
    assert "Samsung & SK Hynix" in text and "&amp;" not in text
    assert "A. 日本 B. 조선 C. 한국 D. 中國" in text and "(한국), a name Chinese characters write as 韓國." in text
    assert "Busan" not in text and "Friday" not in text  # rejected items


def test_blanks_hide_the_answers_and_the_word_bank_lists_them(single, bank, out):
    text = pages(single.paths[0])
    bank_line = text[0][text[0].index("Word bank") :]
    assert sorted(re.findall(r"four-day|Seoul|Lee Jae-myung|memory chips", bank_line.split(" 5. ")[0])) == sorted(
        ["four-day", "Seoul", "Lee Jae-myung", "memory chips"]
    )
    plain = pages(export_pdf(bank, out / "plain.pdf", PdfOptions(key="none")).paths[0])
    assert "Word bank" not in " ".join(plain) and "memory chips" not in " ".join(plain)
    assert f"make most of the world’s {BLANK}, analysts said." in " ".join(plain)


@requires_fonts
def test_versions_shuffle_differently_and_each_form_has_its_own_key(versions, bank):
    result, options = versions
    assert [p.name for p in result.paths] == ["ws-A.pdf", "ws-A-key.pdf", "ws-B.pdf", "ws-B-key.pdf"]
    forms = make_forms(select_items(bank), options)
    for form, sheet, key in zip(forms, result.paths[::2], result.paths[1::2]):
        sheet_text, key_text = " ".join(pages(sheet)), " ".join(pages(key))
        assert f"Form {form.label}" in sheet_text and f"Answer key — Form {form.label}" in key_text
        assert "Answer key" not in sheet_text
        assert_in_order(sheet_text, [*map(mcq_block, form.mcqs), *map(cloze_line, form.clozes)])
        assert_in_order(key_text, list(map(key_row, form.questions)))
    a, b = ([(q.item.id, q.options) for q in f.questions] for f in forms)
    assert a != b and sorted(a) != sorted(b)  # question order and option order both differ


def test_output_is_byte_identical_for_identical_inputs(bank, tmp_path, versions):
    result, options = versions
    again = export_pdf(bank, tmp_path / "ws.pdf", options)
    assert [p.read_bytes() for p in again.paths] == [p.read_bytes() for p in result.paths]
    other_seed = export_pdf(bank, tmp_path / "other.pdf", dataclasses.replace(options, seed=8, key="none"))
    assert other_seed.paths[0].read_bytes() != result.paths[0].read_bytes()


@requires_fonts
def test_paper_sizes_and_embedded_unicode_fonts(single, versions):
    def page_size(path):
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
        return re.search(r"Page size:\s+([\d.]+ x [\d.]+)", info).group(1)

    assert page_size(single.paths[0]) == "595.276 x 841.89"
    assert page_size(versions[0].paths[0]) == "612 x 792"
    fonts = subprocess.run(["pdffonts", str(single.paths[0])], capture_output=True, text=True, check=True).stdout
    embedded = {line.split()[0].split("+")[-1] for line in fonts.splitlines()[2:] if " yes yes yes " in line}
    assert {"DejaVuSans", "DejaVuSans-Bold", "NanumGothic"} <= embedded


def test_first_page_renders_to_a_png(single, tmp_path):
    image = pytest.importorskip("PIL.Image")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(single.paths[0]), str(tmp_path / "p")], check=True
    )
    with image.open(next(tmp_path.glob("p*.png"))) as png:
        assert png.size == (497, 702)  # A4 at 60 dpi
        dark = sum(png.convert("L").histogram()[:128])
    assert dark > 2000  # text, not a blank page


def test_key_none_and_separate(bank, tmp_path):
    none = export_pdf(bank, tmp_path / "n.pdf", PdfOptions(key="none"))
    assert [p.name for p in none.paths] == ["n.pdf"] and "Answer key" not in " ".join(pages(none.paths[0]))
    separate = export_pdf(bank, tmp_path / "s.pdf", PdfOptions(key="separate"))
    assert [p.name for p in separate.paths] == ["s.pdf", "s-key.pdf"]
    assert pages(separate.paths[1])[0].startswith("Answer key")


def test_approved_only(bank, tmp_path):
    text = " ".join(pages(export_pdf(bank, tmp_path / "a.pdf", PdfOptions(approved_only=True)).paths[0]))
    assert "1. Who told reporters" in text and "2. South Korean President" in text
    assert "biggest trading partner" not in text


def tiny_bank(text):
    item = Item(
        "mcq-1",
        "mcq",
        "draft",
        "ก",
        "term",
        SourceRef("d", text),
        question=f"Which letter is {text}?",
        distractors=("x",),
    )
    return Bank(title="Thai", sources=(), items=(item,))


@requires_fonts
def test_uncovered_characters_warn_once(tmp_path):
    with pytest.warns(MissingGlyphsWarning) as caught:
        export_pdf(tiny_bank("ก ก ข"), tmp_path / "t.pdf", PdfOptions())
    assert len(caught) == 1
    message = str(caught[0].message)
    assert "ก (U+0E01)" in message and "ข (U+0E02)" in message
    assert "--font" not in message  # the library says what is wrong; the CLI says which flag helps
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        export_pdf(load_bank(FIXTURE), tmp_path / "ok.pdf", PdfOptions())


def test_bad_font_and_bad_options_are_errors(bank, tmp_path):
    (tmp_path / "fake.ttf").write_text("not a font")
    with pytest.raises(ExportError, match="fake.ttf: cannot use this font"):
        export_pdf(bank, tmp_path / "x.pdf", PdfOptions(font=tmp_path / "fake.ttf"))
    with pytest.raises(ExportError, match="missing.ttf: cannot use this font"):
        export_pdf(bank, tmp_path / "x.pdf", PdfOptions(font=tmp_path / "missing.ttf"))
    with pytest.raises(ExportError, match="unknown paper size 'a5'"):
        export_pdf(bank, tmp_path / "x.pdf", PdfOptions(paper="a5"))
    assert not list(tmp_path.glob("*.pdf"))


def test_a_bad_cloze_writes_no_form_at_all(bank, tmp_path):
    items = tuple(
        dataclasses.replace(i, text="no deletion here") if i.id == "cloze-4b90f1d2" else i for i in bank.items
    )
    with pytest.raises(ExportError, match="cloze-4b90f1d2"):
        export_pdf(dataclasses.replace(bank, items=items), tmp_path / "ws.pdf", PdfOptions(versions=3))
    assert list(tmp_path.iterdir()) == []


def test_a_source_sentence_longer_than_a_page_goes_on_over_the_next_in_the_key(tmp_path, make_cloze):
    """A key row is one table row; reportlab gave up on a row taller than the page (exit 3)."""
    sentence = "Seoul is big. " + " ".join(f"word{n}" for n in range(6000)) + " end."
    answer = " ".join(f"capital{n}" for n in range(1500))  # and an answer that fills a page of the word bank
    long = make_cloze(
        answer="Seoul", source=SourceRef("d", sentence), text=sentence.replace("Seoul", "{{c1::Seoul}}", 1)
    )
    huge = dataclasses.replace(long, id="cloze-2", answer=answer, text=f"{{{{c1::{answer}}}}} is big.")
    result = export_pdf(Bank("Long", (), (long, huge)), tmp_path / "long.pdf", PdfOptions(word_bank=True))
    text = " ".join(pages(result.paths[0]))
    assert "word5999 end." in text and "capital1499" in text
