"""Page layout shared by the clinical reports: styles, letterhead, header, page x of y.

:func:`build_pdf` lays out a story of flowables on A4 or Letter pages with the patient's
name and the report date in the header of every page, "Page x of y" in the footer, and
the PDF metadata (title, author = the clinic, subject) filled in.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.flowables import Spacer

from clinic_desktop.domain.report_data import Letterhead
from clinic_desktop.reports.fonts import report_fonts

MARGIN = 16 * mm
HEADER_RULE = colors.HexColor("#888888")
TABLE_HEAD = colors.HexColor("#e4e8ee")
TABLE_RULE = colors.HexColor("#b8bec8")
MUTED = colors.HexColor("#555555")


def escape(text: str) -> str:
    """Text made safe for a Paragraph's mini-markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    heading: ParagraphStyle
    title: ParagraphStyle
    muted: ParagraphStyle
    bullet: ParagraphStyle


def report_styles() -> Styles:
    fonts = report_fonts()
    body = ParagraphStyle("body", fontName=fonts.regular, fontSize=9.5, leading=12.5)
    return Styles(
        body=body,
        small=ParagraphStyle("small", body, fontSize=8, leading=10),
        cell=ParagraphStyle("cell", body, fontSize=7.5, leading=9),
        cell_bold=ParagraphStyle("cell_bold", body, fontName=fonts.bold, fontSize=7.5, leading=9),
        heading=ParagraphStyle(
            "heading",
            body,
            fontName=fonts.bold,
            fontSize=11.5,
            leading=14,
            spaceBefore=9,
            spaceAfter=4,
        ),
        title=ParagraphStyle(
            "title", body, fontName=fonts.bold, fontSize=16, leading=20, spaceAfter=4
        ),
        muted=ParagraphStyle("muted", body, fontSize=8.5, leading=11, textColor=MUTED),
        bullet=ParagraphStyle("bullet", body, leftIndent=9, firstLineIndent=-9, spaceAfter=2),
    )


def page_size(paper: str) -> tuple[float, float]:
    return LETTER if paper.lower() == "letter" else A4


def letterhead_flowables(letterhead: Letterhead, styles: Styles, width: float) -> list[Flowable]:
    """The clinic's name, address and phone, with its logo on the right when it has one."""
    lines = [Paragraph(escape(letterhead.clinic_name), styles.title)]
    contact = " · ".join(part for part in (letterhead.address, letterhead.phone) if part)
    if contact:
        lines.append(Paragraph(escape(contact), styles.muted))
    logo = _logo(letterhead.logo)
    if logo is None:
        return [*lines, Spacer(1, 4)]
    table = Table([[lines, logo]], colWidths=[width - 40 * mm, 40 * mm])
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT")])
    )
    return [table, Spacer(1, 4)]


def _logo(data: bytes | None) -> Image | None:
    if not data:
        return None
    try:
        image = Image(io.BytesIO(data))
    except Exception:  # a logo that cannot be read is left off, never fails the report
        return None
    scale = min(36 * mm / image.drawWidth, 16 * mm / image.drawHeight, 1.0)
    image.drawWidth *= scale
    image.drawHeight *= scale
    return image


def grid_table(
    rows: Sequence[Sequence], widths: Sequence[float], extra: Sequence[tuple] = ()
) -> Table:
    """A table with a shaded header row, thin rules, and the header repeated on new pages."""
    table = Table(list(rows), colWidths=list(widths), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), TABLE_HEAD),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, TABLE_RULE),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, TABLE_RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                *extra,
            ]
        )
    )
    return table


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    author: str,
    subject: str,
    header_left: str,
    header_right: str,
    paper: str = "A4",
) -> bytes:
    """Lay out ``story`` and return the PDF's bytes."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size(paper),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 6 * mm,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        subject=subject,
        creator="clinic_desktop",
    )
    fonts = report_fonts()

    class NumberedCanvas(_NumberedCanvas):
        header = (header_left, header_right)
        font = fonts.regular

    doc.build(story, canvasmaker=NumberedCanvas)
    return buffer.getvalue()


class _NumberedCanvas(Canvas):
    """Holds each page until the end, so every footer can say how many pages there are."""

    header: tuple[str, str] = ("", "")
    font = "Helvetica"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = self._pagesize
        top = height - MARGIN + 2
        self.saveState()
        self.setFont(self.font, 8)
        self.setFillColor(MUTED)
        left, right = self.header
        self.drawString(MARGIN, top, left)
        self.drawRightString(width - MARGIN, top, right)
        self.setStrokeColor(HEADER_RULE)
        self.setLineWidth(0.5)
        self.line(MARGIN, top - 3, width - MARGIN, top - 3)
        self.drawRightString(width - MARGIN, MARGIN - 18, f"Page {number} of {total}")
        self.restoreState()
