"""The strip above the workspace: who is open, and anything that needs attention."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.patients import PatientOverview

ALERT_STYLE = (
    "background: #fdecea; color: #8a1c12; border: 1px solid #d93025; border-radius: 4px;"
    " padding: 4px 8px; font-weight: bold;"
)


class PatientHeader(QWidget):
    """Name, MRN, age and active diagnosis of the open patient, plus alerts."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.identity = QLabel(self)
        self.identity.setObjectName("patientIdentity")
        self.alerts = QLabel(self)
        self.alerts.setObjectName("patientAlerts")
        self.alerts.setStyleSheet(ALERT_STYLE)
        self.alerts.setWordWrap(True)
        self.alerts.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.addWidget(self.identity, 1)
        layout.addWidget(self.alerts)

    def show_patient(self, overview: PatientOverview, date_format: str) -> None:
        p = overview.patient
        active = next((e for e in overview.episodes if e.status == "active"), None)
        diagnosis = f" · {escape(active.diagnosis)}" if active else ""
        self.identity.setText(
            f"<span style='font-size:15pt;font-weight:600'>{escape(p.name)}</span>"
            f"&nbsp;&nbsp;<span style='color:#444'>MRN {escape(p.mrn)} · born "
            f"{format_date(p.birth_date, date_format)} ({overview.age_years} y){diagnosis}"
            "</span>"
        )

    def set_alerts(self, alerts: list[str]) -> None:
        """Show alerts (e.g. an unacknowledged red flag); an empty list hides the strip."""
        self.alerts.setText("\n".join(alerts))
        self.alerts.setVisible(bool(alerts))
