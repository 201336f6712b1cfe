"""Fonts for the clinic's PDFs: a fuller system font when one is installed, else Vera.

ReportLab ships the Bitstream Vera family, which covers Western European accents
(Sofía, Müller, Çelik). DejaVu Sans, found on most Linux systems, covers far more;
it is picked up at run time when present. No font file is copied into the package.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

_SYSTEM_FOLDERS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/Library/Fonts"),
    Path("C:/Windows/Fonts"),
)
_DEJAVU = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")
_VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf")


@dataclass(frozen=True)
class ReportFonts:
    """Registered font names: regular, bold, italic."""

    regular: str
    bold: str
    italic: str


@functools.cache
def report_fonts() -> ReportFonts:
    """Register the report fonts once per process and return their names."""
    for folder in _SYSTEM_FOLDERS:
        paths = [folder / name for name in _DEJAVU]
        if all(path.is_file() for path in paths):
            try:
                return _register("ClinicSans", [str(p) for p in paths])
            except Exception:  # an unreadable system font: fall back to the bundled one
                continue
    return _register("ClinicVera", list(_VERA))


def _register(family: str, files: list[str]) -> ReportFonts:
    names = ReportFonts(family, f"{family}-Bold", f"{family}-Italic")
    for name, file in zip((names.regular, names.bold, names.italic), files, strict=True):
        pdfmetrics.registerFont(TTFont(name, file))
    pdfmetrics.registerFontFamily(
        family,
        normal=names.regular,
        bold=names.bold,
        italic=names.italic,
        boldItalic=names.bold,
    )
    return names
