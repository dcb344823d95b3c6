"""Fonts for the worksheets: which font prints which character, and the fallbacks."""

import pytest

from conftest import FIXTURE, requires_fonts
from quizwright.bank import load_bank
from quizwright.errors import MissingGlyphsWarning
from quizwright.exporters import fonts as fonts_module
from quizwright.exporters.fonts import load_fonts
from quizwright.exporters.pdf import PdfOptions, export_pdf


@pytest.fixture(scope="module")
def bank():
    return load_bank(FIXTURE)


@requires_fonts
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


def test_font_tests_skip_naming_the_debian_package_on_a_machine_without_the_fonts(tmp_path):
    """The README's test command on a fresh machine: no DejaVu, no Nanum; those tests skip and say why."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    (tmp_path / "no_system_fonts.py").write_text(
        "import quizwright.exporters.fonts as fonts\nfonts.FONT_DIRS = ()\n", encoding="utf-8"
    )
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PYTHONPATH"] = str(tmp_path)
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-rs",
            "-p",
            "no_system_fonts",
            "tests/exporters/test_pdf.py",
            "tests/exporters/test_fonts.py",
            "-k",
            "not skip_naming",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-3000:]
    skipped = [line for line in run.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 7
    assert all("install Debian's fonts-dejavu-core and fonts-nanum" in line for line in skipped)
