"""The sections of the clinical reports, each from plain report data.

A section with nothing to show prints one sentence saying why instead of an empty table.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table

from clinic_desktop.domain.report_data import ReportData, Section
from clinic_desktop.reports.charts import chart_drawing
from clinic_desktop.reports.figures import exercise_drawing
from clinic_desktop.reports.report_layout import Styles, escape, grid_table

CHART_PLOT_HEIGHT = 92.0


def heading(text: str, styles: Styles) -> list[Flowable]:
    """A section heading, moved to the next page when little room is left below it."""
    return [CondPageBreak(30 * mm), Paragraph(escape(text), styles.heading)]


def patient_block(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    p = data.patient
    pairs = [
        ("Patient", p.name),
        ("Born", p.birth_date),
        ("MRN", p.mrn),
        ("Diagnosis", p.diagnosis),
        ("Referred by", p.referral or "not recorded"),
        ("Care", f"{p.care_from} to {p.care_to}"),
        ("Visits attended", str(p.visits_attended)),
        ("Therapist", p.therapist),
    ]
    if data.discharge_reason:
        pairs.append(("Reason for discharge", data.discharge_reason))
    cells = [
        [Paragraph(escape(label), styles.cell_bold), Paragraph(escape(value), styles.body)]
        for label, value in pairs
    ]
    table = Table(cells, colWidths=[32 * mm, width - 32 * mm])
    table.setStyle(
        [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [Paragraph(escape(data.title), styles.title), table]


MEASURE_HEAD = (
    "Test",
    "Side",
    "First",
    "Latest",
    "Change",
    "Against the MDC",
    "Norm",
    "% of norm",
    "LSI",
)


def measures_table(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [*heading("Measures: first and latest visit", styles)]
    if not data.measures:
        return [*out, Paragraph(escape(data.measures_missing), styles.body)]
    fractions = (0.2, 0.11, 0.09, 0.09, 0.09, 0.16, 0.08, 0.09, 0.09)
    widths = [width * f for f in fractions]
    rows: list[list] = [[Paragraph(h, styles.cell_bold) for h in MEASURE_HEAD]]
    extra = []
    for row in data.measures:
        if row.first_of_test and len(rows) > 1:
            extra.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.6, "#8a93a0"))
        label = row.test_label if row.first_of_test else ""
        values = (
            label,
            row.side,
            row.first,
            row.latest,
            row.change,
            row.verdict,
            row.norm,
            row.percent_of_norm,
            row.lsi,
        )
        rows.append([Paragraph(escape(v), styles.cell) for v in values])
    out.append(grid_table(rows, widths, extra))
    out.append(Spacer(1, 3))
    notes = (
        "Change is latest minus first. Against the MDC: a change larger than the test's "
        "minimal detectable change is real; a smaller one is within measurement error. "
        "LSI (limb symmetry index) is the involved side as a % of the other at the latest "
        "visit with both sides; for timed tests the ratio is inverted.",
        *data.measure_notes,
    )
    out += [Paragraph(escape(n), styles.muted) for n in notes]
    return out


def scores_table(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [*heading("Questionnaires and pain", styles)]
    if not data.scores:
        return [*out, Paragraph(escape(data.scores_missing), styles.body)]
    widths = [width * f for f in (0.34, 0.14, 0.14, 0.14, 0.24)]
    rows: list[list] = [
        [
            Paragraph(h, styles.cell_bold)
            for h in ("Measure", "First", "Latest", "Change", "Against the MCID")
        ]
    ]
    for s in data.scores:
        rows.append(
            [
                Paragraph(escape(v), styles.cell)
                for v in (s.name, s.first, s.latest, s.change, s.verdict)
            ]
        )
    return [*out, grid_table(rows, widths)]


def charts_grid(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    # The heading keeps company with the first row of charts (about 55 mm high).
    out: list[Flowable] = [CondPageBreak(62 * mm), *heading("Charts", styles)]
    if not data.charts:
        return [*out, Paragraph(escape(data.charts_missing), styles.body)]
    column = (width - 6 * mm) / 2
    drawings = [chart_drawing(c, column, CHART_PLOT_HEIGHT, data.date_format) for c in data.charts]
    for index in range(0, len(drawings), 2):
        pair = drawings[index : index + 2]
        if len(pair) == 1:
            pair.append(Spacer(column, 1))
        table = Table([pair], colWidths=[column + 3 * mm, column + 3 * mm])
        table.setStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
        out.append(table)
    out.append(
        Paragraph(
            "Solid and dashed lines with different markers tell the sides apart in black and "
            "white; the shaded band is the first value plus or minus the minimal detectable "
            "change (MDC) or, for questionnaires and pain, the MCID.",
            styles.muted,
        )
    )
    return out


def goals_table(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [*heading("Goals", styles)]
    if not data.goals:
        return [*out, Paragraph(escape(data.goals_missing), styles.body)]
    widths = [width * f for f in (0.36, 0.18, 0.22, 0.24)]
    rows: list[list] = [
        [Paragraph(h, styles.cell_bold) for h in ("Goal", "Target", "Measured", "Status")]
    ]
    for standing in data.goals:
        status = standing.status_words.capitalize()
        if standing.computed_status is not None:
            status += " (from the measurements)"
        note = standing.goal.status_note
        if note and standing.status != "met":
            status += f". Reason: {note}"
        elif standing.status in ("not_met", "partly_met") and not note:
            status += ". No reason recorded."
        values = (
            standing.goal.text,
            standing.target or "not measurable",
            standing.measured or ("not measured" if standing.target else "—"),
            status,
        )
        rows.append([Paragraph(escape(v), styles.cell) for v in values])
    return [*out, grid_table(rows, widths)]


def text_section(section: Section, styles: Styles, bullets: bool = False) -> list[Flowable]:
    lines = section.lines or (section.missing,)
    mark = "\u2022 " if bullets and section.lines else ""
    style = styles.bullet if mark else styles.body
    body = [Paragraph(escape(mark + line), style) for line in lines if line]
    return [KeepTogether([*heading(section.title, styles), *body])]


def program_table(data: ReportData, styles: Styles, width: float) -> list[Flowable]:
    out: list[Flowable] = [*heading("Your self-management program", styles)]
    if not data.program:
        return [*out, Paragraph(escape(data.program_missing), styles.body)]
    picture = 30 * mm
    rows: list[list] = [[Paragraph(h, styles.cell_bold) for h in ("", "Exercise", "How much")]]
    for line in data.program:
        drawing = (
            exercise_drawing(line.exercise, picture, picture * 0.75)
            if line.exercise is not None
            else Spacer(picture, 1)
        )
        what = escape(line.name) + (f"<br/>{escape(line.notes)}" if line.notes else "")
        rows.append(
            [drawing, Paragraph(what, styles.body), Paragraph(escape(line.dosage), styles.body)]
        )
    widths = [
        picture + 4 * mm,
        (width - picture - 4 * mm) * 0.45,
        (width - picture - 4 * mm) * 0.55,
    ]
    return [*out, grid_table(rows, widths, [("VALIGN", (0, 0), (-1, -1), "MIDDLE")])]


def signature_block(data: ReportData, styles: Styles) -> list[Flowable]:
    who = data.therapist_name or "Therapist"
    credentials = f", {data.therapist_credentials}" if data.therapist_credentials else ""
    lines = [
        Spacer(1, 14),
        Paragraph("Signature: ______________________________", styles.body),
        Paragraph(escape(f"{who}{credentials}"), styles.body),
        Paragraph(escape(f"Date signed: {data.signed_on}"), styles.body),
    ]
    return [KeepTogether(lines)]


def sections(items: Sequence[Section], styles: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for section in items:
        out += text_section(section, styles)
    return out
