"""Fonts for the worksheets: which font prints which character, and the fallbacks."""

import pytest

from conftest import FIXTURE
from quizwright.bank import load_bank
from quizwright.errors import MissingGlyphsWarning
from quizwright.exporters import fonts as fonts_module
from quizwright.exporters.fonts import load_fonts
from quizwright.exporters.pdf import PdfOptions, export_pdf


@pytest.fixture(scope="module")
def bank():
    return load_bank(FIXTURE)


def test_font_runs_switch_to_a_cjk_font():
    fonts = load_fonts()
    runs = [(face.regular.split("-")[1], chunk) for face, chunk in fonts.runs("Hanguk (한국) & 韓國 — ok")]
    assert runs == [
        ("DejaVuSans", "Hanguk ("),
        ("NanumGothic", "한국"),
        ("DejaVuSans", ") & "),
        ("NanumGothic", "韓國"),
        ("DejaVuSans", " — ok"),
    ]
    assert fonts.markup("a<b>&c") == "a&lt;b&gt;&amp;c"


def test_vera_is_the_fallback_and_a_teachers_font_is_used(monkeypatch, tmp_path, bank):
    monkeypatch.setattr(fonts_module, "FONT_DIRS", ())
    fonts = load_fonts()
    assert [f.regular.split("-")[1] for f in fonts.faces] == ["Vera"]
    assert fonts.runs("한국") == [(fonts.faces[0], "한국")]
    assert fonts.missing == {"한", "국"} and "U+D55C" in fonts.warnings()[0]
    vera = fonts_module.VERA[0]
    with pytest.warns(MissingGlyphsWarning, match="U\\+D55C"):  # the bank's Hangul: Vera has none
        path = export_pdf(bank, tmp_path / "v.pdf", PdfOptions(font=vera, key="none")).paths[0]
    assert b"Vera" in path.read_bytes()
