"""Unicode TrueType fonts for the worksheets, and which font prints which character."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..errors import ExportError

FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts", "/Library/Fonts")
SUBDIRS = ("truetype/dejavu", "dejavu", "TTF", "dejavu-sans-fonts", "truetype/nanum", "nanum", "")
DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
# Hangul, kana and the common (KS X 1001) Hanja; CFF-based .otf/.ttc fonts do not load in reportlab.
CJK = (("NanumGothic.ttf", "NanumGothicBold.ttf"), ("NanumBarunGothic.ttf", "NanumBarunGothicBold.ttf"))
VERA_DIR = Path(reportlab.__file__).parent / "fonts"
VERA = (str(VERA_DIR / "Vera.ttf"), str(VERA_DIR / "VeraBd.ttf"))


@dataclass(frozen=True)
class Face:
    """One registered font: its reportlab names and the code points it has glyphs for."""

    regular: str
    bold: str
    covers: frozenset[int]


@dataclass
class FontSet:
    """Fonts in order of preference; the first one prints everything it can."""

    faces: tuple[Face, ...]
    missing: set[str] = field(default_factory=set)

    @property
    def regular(self) -> str:
        return self.faces[0].regular

    @property
    def bold(self) -> str:
        return self.faces[0].bold

    def face_for(self, char: str) -> Face | None:
        return next((f for f in self.faces if ord(char) in f.covers), None)

    def runs(self, text: str) -> list[tuple[Face, str]]:
        """The text cut where the font must change; an uncovered character stays in the current run."""
        runs: list[tuple[Face, str]] = []
        for char in text:
            face = self.face_for(char)
            if face is None:
                if not char.isspace():
                    self.missing.add(char)
                face = runs[-1][0] if runs else self.faces[0]
            if runs and runs[-1][0] is face:
                runs[-1] = (face, runs[-1][1] + char)
            else:
                runs.append((face, char))
        return runs

    def markup(self, text: str, bold: bool = False) -> str:
        """The text escaped for a Paragraph, each run in a font that has its glyphs."""
        out = []
        for face, chunk in self.runs(text):
            if face is self.faces[0]:
                out.append(escape(chunk))
            else:
                out.append(f'<font name="{face.bold if bold else face.regular}">{escape(chunk)}</font>')
        return "".join(out)

    def width(self, text: str, size: float, bold: bool = False) -> float:
        """How wide the text prints, in points, each run in its own font."""
        return float(
            sum(
                pdfmetrics.stringWidth(chunk, face.bold if bold else face.regular, size)
                for face, chunk in self.runs(text)
            )
        )

    def warnings(self) -> list[str]:
        if not self.missing:
            return []
        chars = ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(self.missing))
        return [f"no font covers {chars}: these print as empty boxes"]


def load_fonts(font: str | Path | None = None) -> FontSet:
    """The teacher's font (if given), then DejaVu Sans (or reportlab's Vera), then any CJK font found."""
    faces = []
    if font is not None:
        faces.append(face(str(font), str(font), user=True))
    dejavu = find_font(*DEJAVU)
    faces.append(face(*dejavu) if dejavu else face(*VERA))
    for names in CJK:
        found = find_font(*names)
        if found:
            faces.append(face(*found))
            break
    return FontSet(tuple(faces))


def find_font(regular: str, bold: str) -> tuple[str, str] | None:
    """Look where Linux, macOS and users keep fonts; a missing bold falls back to the regular."""
    for base in FONT_DIRS:
        for sub in SUBDIRS:
            folder = Path(base).expanduser() / sub
            if (folder / regular).is_file():
                bold_path = folder / bold
                return str(folder / regular), str(bold_path if bold_path.is_file() else folder / regular)
    return None


def face(regular_path: str, bold_path: str, user: bool = False) -> Face:
    regular = register(regular_path, user)
    bold = register(bold_path, user) if bold_path != regular_path else regular
    pdfmetrics.registerFontFamily(regular, normal=regular, bold=bold, italic=regular, boldItalic=bold)
    covers = frozenset(pdfmetrics.getFont(regular).face.charToGlyph)
    return Face(regular, bold, covers)


def register(path: str, user: bool = False) -> str:
    try:
        return _register(str(Path(path).expanduser().resolve()))
    except Exception as exc:  # a broken font file can fail anywhere in the parser
        if not user:
            raise
        reason = exc.strerror if isinstance(exc, OSError) else str(exc).splitlines()[0]
        raise ExportError(f"{path}: cannot use this font ({reason}); give a TrueType .ttf file") from None


@functools.cache
def _register(path: str) -> str:
    name = "qw-" + Path(path).stem + "-" + hashlib.sha256(path.encode("utf-8")).hexdigest()[:8]
    pdfmetrics.registerFont(TTFont(name, path))
    return name
