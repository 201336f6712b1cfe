"""Progress reports and discharge summaries as PDF bytes, from :class:`ReportData`.

The two documents share their layout; the discharge summary adds the reason for
discharge, attendance to the end of care and the self-management program the runner
keeps. Nothing clinical is computed here: every figure arrives in the data.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable

from clinic_desktop.domain.report_data import DISCHARGE, ReportData
from clinic_desktop.reports.report_layout import (
    MARGIN,
    build_pdf,
    letterhead_flowables,
    page_size,
    report_styles,
)
from clinic_desktop.reports.report_sections import (
    charts_grid,
    goals_table,
    measures_table,
    patient_block,
    program_table,
    scores_table,
    sections,
    signature_block,
    text_section,
)
from clinic_desktop.reports.run_plan_table import run_plan_flowables


def build_report(data: ReportData, paper: str = "A4") -> bytes:
    """Return the report's PDF: letterhead, patient and episode, measures, scores, charts,
    goals, the further sections, the program and advice, and the signature block."""
    styles = report_styles()
    width = page_size(paper)[0] - 2 * MARGIN
    story: list[Flowable] = []
    story += letterhead_flowables(data.letterhead, styles, width)
    story += patient_block(data, styles, width)
    story += measures_table(data, styles, width)
    story += scores_table(data, styles, width)
    story += goals_table(data, styles, width)
    story += text_section(data.attendance, styles)
    story += sections(data.sections, styles)
    story += charts_grid(data, styles, width)
    if data.kind == DISCHARGE or data.program:
        story += program_table(data, styles, width)
    if data.run_plan is not None:
        # The plan's heading, its start and the first phases begin on the same page.
        story.append(CondPageBreak(90 * mm))
        story += run_plan_flowables(
            data.run_plan, width=width, distance_unit=data.distance_unit,
            date_format=data.date_format, title="Walk/run plan",
        )  # fmt: skip
    story += text_section(data.advice, styles, bullets=True)
    story += signature_block(data, styles)
    return build_pdf(
        story,
        title=f"{data.title}: {data.patient.name}",
        author=data.letterhead.clinic_name,
        subject=f"{data.title} for {data.patient.name} ({data.patient.mrn}), {data.date_text}",
        header_left=f"{data.patient.name} · {data.patient.mrn}",
        header_right=f"{data.title} · {data.date_text}",
        paper=paper,
    )
