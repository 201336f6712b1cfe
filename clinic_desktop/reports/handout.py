"""The home-exercise handout a patient takes home: large, plain, one exercise at a time.

``render_handout`` takes a ``domain.home_program.Handout`` (plain data) and returns the
PDF's bytes and page count. Layout: the clinic's letterhead (name, address, phone, logo),
who the program is for, its date and therapist; then each exercise with its picture (the
clinic's photo, else the stick figure or pictogram from ``reports.figures``), the dosage
in plain words, numbered steps, tips and what to avoid; then a week of tick boxes per
exercise. Every page carries the patient's name, the clinic's contact line and "Page x of
y". Body text is 12.5 pt; A4 or Letter as the clinic's settings say.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.dosage import describe_dosage
from clinic_desktop.domain.home_program import Handout, HandoutExercise, Letterhead
from clinic_desktop.reports.figures import exercise_drawing
from clinic_desktop.reports.fonts import report_fonts
from clinic_desktop.reports.run_plan_table import run_plan_flowables

BODY_PT = 12.5
MARGIN = 15 * mm
FIGURE_W, FIGURE_H = 58 * mm, 52 * mm
DAY_W = 16.5 * mm
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#4a4a4a")
RULE = colors.HexColor("#9aa3ad")
DOSAGE_FILL = colors.HexColor("#e8eef5")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

#: Called with (exercises drawn, exercises in all) as the handout is laid out.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    page_count: int


def page_size(paper: str) -> tuple[float, float]:
    return LETTER if paper.strip().lower() == "letter" else A4


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Styles:
    def __init__(self) -> None:
        fonts = report_fonts()
        self.regular, self.bold = fonts.regular, fonts.bold
        base = ParagraphStyle("body", fontName=fonts.regular, fontSize=BODY_PT,
                              leading=BODY_PT * 1.3, textColor=INK)  # fmt: skip
        self.body = base
        self.clinic = ParagraphStyle("clinic", base, fontName=fonts.bold, fontSize=19, leading=23)
        self.contact = ParagraphStyle("contact", base, textColor=MUTED)
        self.title = ParagraphStyle("title", base, fontName=fonts.bold, fontSize=21, leading=26,
                                    spaceBefore=6, spaceAfter=4)  # fmt: skip
        self.name = ParagraphStyle("name", base, fontName=fonts.bold, fontSize=15, leading=19,
                                   spaceAfter=3)  # fmt: skip
        self.dosage = ParagraphStyle("dosage", base, fontName=fonts.bold, fontSize=13.5,
                                     leading=17)  # fmt: skip
        self.label = ParagraphStyle("label", base, fontName=fonts.bold, spaceBefore=3)
        self.cell = ParagraphStyle("cell", base, leading=BODY_PT * 1.15)
        self.head = ParagraphStyle("head", self.cell, fontName=fonts.bold, alignment=TA_CENTER)


def render_handout(handout: Handout, progress: Progress | None = None) -> RenderedPdf:
    """Lay out ``handout`` and return the PDF. Never reads the database or the screen."""
    styles = _Styles()
    width, height = page_size(handout.letterhead.paper_size)
    frame_width = width - 2 * MARGIN
    story: list = [*_letterhead(handout.letterhead, styles, frame_width), *_about(handout, styles)]
    total = len(handout.exercises)
    for number, item in enumerate(handout.exercises, start=1):
        story.append(_exercise_block(number, item, styles, frame_width))
        story.append(Spacer(1, 5 * mm))
        if progress is not None:
            progress(number, total)
    story += _tick_table(handout, styles, frame_width)
    if handout.run_plan is not None:
        story.append(PageBreak())
        story += run_plan_flowables(
            handout.run_plan, width=frame_width, distance_unit=handout.distance_unit,
            date_format=handout.date_format,
        )  # fmt: skip

    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer, pagesize=(width, height), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=MARGIN + 5 * mm, bottomMargin=MARGIN + 9 * mm,
        title=f"Home exercise program — {handout.patient_name}",
        author=handout.letterhead.clinic_name, subject="Home exercise program",
        creator="clinic_desktop",
    )  # fmt: skip
    footer = _contact_line(handout.letterhead)
    header = (
        f"{handout.patient_name} · home exercise program · "
        f"{format_date(handout.program_date, handout.date_format)}"
    )

    class PageCanvas(_NumberedCanvas):
        texts = (header, footer)
        font = styles.regular

    doc.build(story, canvasmaker=PageCanvas)
    return RenderedPdf(buffer.getvalue(), PageCanvas.pages_made)


def _contact_line(letterhead: Letterhead) -> str:
    if letterhead.phone:
        return f"Questions or more pain? Call {letterhead.clinic_name} on {letterhead.phone}."
    return f"Questions or more pain? Ask us at {letterhead.clinic_name}."


def _letterhead(letterhead: Letterhead, styles: _Styles, width: float) -> list:
    lines = [Paragraph(_escape(letterhead.clinic_name), styles.clinic)]
    address = ", ".join(part.strip() for part in letterhead.address.splitlines() if part.strip())
    contact = " · ".join(part for part in (address, letterhead.phone) if part)
    if contact:
        lines.append(Paragraph(_escape(contact), styles.contact))
    logo = _picture(letterhead.logo, 40 * mm, 20 * mm)
    if logo is None:
        return [*lines, Spacer(1, 3 * mm)]
    table = Table([[lines, logo]], colWidths=[width - 44 * mm, 44 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
    return [table, Spacer(1, 3 * mm)]


def _about(handout: Handout, styles: _Styles) -> list:
    date = format_date(handout.program_date, handout.date_format)
    rows = [
        f"<b>For:</b> {_escape(handout.patient_name)}",
        f"<b>Program of:</b> {date}",
    ]
    if handout.therapist:
        rows.append(f"<b>Your therapist:</b> {_escape(handout.therapist)}")
    if handout.printed_on != handout.program_date:
        rows.append(f"<b>Printed:</b> {format_date(handout.printed_on, handout.date_format)}")
    return [
        Paragraph("Your home exercise program", styles.title),
        *(Paragraph(row, styles.body) for row in rows),
        Spacer(1, 2 * mm),
        Paragraph(
            "Do each exercise as written below, on the days it says. Move slowly and "
            "breathe. Mild effort or a gentle stretch is fine; stop an exercise that "
            "causes sharp pain, and tell us at your next visit.",
            styles.body,
        ),
        Spacer(1, 5 * mm),
    ]


def _picture(data_or_path, max_w: float, max_h: float) -> Image | None:
    if not data_or_path:
        return None
    try:
        source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else str(data_or_path)
        image = Image(source)
    except Exception:  # a picture that cannot be read is left off, never fails the handout
        return None
    scale = min(max_w / image.drawWidth, max_h / image.drawHeight, 1.0)
    image.drawWidth *= scale
    image.drawHeight *= scale
    return image


def _illustration(item: HandoutExercise):
    photo = item.exercise.photo
    if photo is not None and photo.is_file():
        picture = _picture(photo, FIGURE_W, FIGURE_H)
        if picture is not None:
            return picture
    return exercise_drawing(item.exercise, FIGURE_W, FIGURE_H)


def _exercise_block(number: int, item: HandoutExercise, styles: _Styles, width: float):
    exercise = item.exercise
    dosage = Table([[Paragraph(_escape(describe_dosage(item.dosage)) + ".", styles.dosage)]],
                   colWidths=[width - FIGURE_W - 6 * mm])  # fmt: skip
    dosage.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), DOSAGE_FILL),
                                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                                ("TOPPADDING", (0, 0), (-1, -1), 4),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))  # fmt: skip
    text: list = [
        Paragraph(f"{number}. {_escape(exercise.name)}", styles.name),
        dosage,
        Spacer(1, 2 * mm),
        Paragraph(_escape(exercise.purpose), styles.body),
        Paragraph(f"<b>Start:</b> {_escape(exercise.starting_position)}", styles.body),
        ListFlowable(
            [ListItem(Paragraph(_escape(step), styles.body), leftIndent=16)
             for step in exercise.steps],
            bulletType="1", bulletFontName=styles.bold, bulletFontSize=BODY_PT, leftIndent=16,
        ),  # fmt: skip
    ]
    if exercise.cues:
        text.append(Paragraph("<b>Tips:</b> " + _escape(" ".join(exercise.cues)), styles.body))
    if exercise.common_mistakes:
        text.append(
            Paragraph("<b>Avoid:</b> " + _escape(" ".join(exercise.common_mistakes)), styles.body)
        )
    block = Table([[_illustration(item), text]], colWidths=[FIGURE_W + 4 * mm, None])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("LINEABOVE", (0, 0), (-1, 0), 0.8, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 6)]))  # fmt: skip
    return KeepTogether([block])


def _tick_table(handout: Handout, styles: _Styles, width: float) -> list:
    name_width = width - 7 * DAY_W
    rows = [[Paragraph("Exercise", styles.head), *(Paragraph(d, styles.head) for d in DAYS)]]
    for number, item in enumerate(handout.exercises, start=1):
        days = item.dosage.days_per_week
        often = {7: "every day", 1: "once a week"}.get(days, f"{days} days a week")
        rows.append([Paragraph(f"{number}. {_escape(item.exercise.name)} "
                               f"<font color='#4a4a4a'>({often})</font>", styles.cell)]
                    + [""] * 7)  # fmt: skip
    table = Table(rows, colWidths=[name_width] + [DAY_W] * 7, repeatRows=1,
                  rowHeights=[9 * mm] + [None] * len(handout.exercises))  # fmt: skip
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.7, RULE),
                               ("BACKGROUND", (0, 0), (-1, 0), DOSAGE_FILL),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 1), (-1, -1), 7),
                               ("BOTTOMPADDING", (0, 1), (-1, -1), 7)]))  # fmt: skip
    return [
        CondPageBreak(60 * mm),
        Paragraph("Tick each day you did the exercise", styles.name),
        Paragraph("Week starting: ______________. Bring this page to your next visit.",
                  styles.body),  # fmt: skip
        Spacer(1, 3 * mm),
        table,
    ]


class _NumberedCanvas(Canvas):
    """Keeps each page until the end, so every footer can say how many pages there are."""

    texts: tuple[str, str] = ("", "")
    font = "Helvetica"
    pages_made = 0

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self) -> None:  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        type(self).pages_made = total
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(number, total)
            super().showPage()
        super().save()

    def _decorate(self, number: int, total: int) -> None:
        width, height = self._pagesize
        header, footer = self.texts
        self.saveState()
        self.setFillColor(MUTED)
        self.setFont(self.font, 10)
        self.drawString(MARGIN, height - MARGIN, header)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        self.line(MARGIN, MARGIN + 5 * mm, width - MARGIN, MARGIN + 5 * mm)
        self.setFont(self.font, 11)
        self.drawString(MARGIN, MARGIN, footer)
        self.drawRightString(width - MARGIN, MARGIN, f"Page {number} of {total}")
        self.restoreState()
