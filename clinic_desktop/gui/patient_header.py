"""The strip above the workspace: who is open, and anything that needs attention."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.domain.patients import PatientOverview

ALERT_STYLE = (
    "background: #fdecea; color: #8a1c12; border: 1px solid #d93025; border-radius: 4px;"
    " padding: 4px 8px; font-weight: bold;"
)
# A reminder is work to plan, not a danger: calm amber, never the red of a red flag.
REMINDER_STYLE = (
    "background: #fff6dc; color: #5c4300; border: 1px solid #d9a520; border-radius: 4px;"
    " padding: 2px 8px;"
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
        self.reminder = QLabel(self)
        self.reminder.setObjectName("patientReminder")
        self.reminder.setStyleSheet(REMINDER_STYLE)
        self.reminder.setTextFormat(Qt.TextFormat.PlainText)
        # One short line sized to its text; on a very narrow window it is cut, not wrapped
        # into a squeezed box, and the tooltip still gives all of it.
        self.reminder.setMinimumWidth(120)
        self.reminder.hide()
        who = QVBoxLayout()
        who.setSpacing(4)
        who.addWidget(self.identity)
        who.addWidget(self.reminder, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 2)
        layout.addLayout(who, 1)
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

    def set_reminder(self, text: str | None) -> None:
        """Show a reminder line under the patient's name (e.g. a progress report due);
        ``None`` or an empty text hides it."""
        self.reminder.setText(text or "")
        self.reminder.setToolTip(text or "")
        self.reminder.setVisible(bool(text))


def progress_report_reminder(clinic, patient_id: int) -> str | None:
    """The header's "Progress report due" line for ``patient_id``, or ``None``. Users
    without clinical access get ``None`` without a clinical query being made."""
    if not clinic.access.may(Permission.CLINICAL_READ):
        return None
    try:
        return clinic.reminders.progress_report_due(patient_id)
    except ClinicError:
        return None
