"""The progress report (re-evaluation): where the runner stands against the first visit."""

from __future__ import annotations

from clinic_desktop.domain.report_data import PROGRESS, ReportData
from clinic_desktop.reports.clinical_report import build_report


def progress_report_pdf(data: ReportData, paper: str = "A4") -> bytes:
    """Return the progress report's PDF; raises ``ValueError`` for discharge data."""
    if data.kind != PROGRESS:
        raise ValueError("A progress report needs progress-report data.")
    return build_report(data, paper)
