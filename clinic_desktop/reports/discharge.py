"""The discharge summary: the end of care, for the runner and the referring provider."""

from __future__ import annotations

from clinic_desktop.domain.report_data import DISCHARGE, ReportData
from clinic_desktop.reports.clinical_report import build_report


def discharge_summary_pdf(data: ReportData, paper: str = "A4") -> bytes:
    """Return the discharge summary's PDF; raises ``ValueError`` for progress data."""
    if data.kind != DISCHARGE:
        raise ValueError("A discharge summary needs discharge data.")
    return build_report(data, paper)
