"""The patient's overview: who they are, their episodes of care and their visits."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QLabel,
    QVBoxLayout,
)

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.patients import (
    ATTENDANCE_LABELS,
    EPISODE_KIND_LABELS,
    EPISODE_STATUS_LABELS,
    SEX_LABELS,
    SIDE_LABELS,
    VISIT_KIND_LABELS,
    PatientOverview,
)
from clinic_desktop.gui.text_table import TextRow, TextTableModel, text_table
from clinic_desktop.gui.workspace import WorkspacePage

_Index = QModelIndex | QPersistentModelIndex


class PatientOverviewPage(WorkspacePage):
    """Read-only summary of one patient."""

    title = "&Overview"
    permission = Permission.FIND_PATIENTS
    EPISODE_COLUMNS = ("Diagnosis", "Side", "Kind", "Status", "Started", "Ended")
    VISIT_COLUMNS = ("Date", "Visit", "Attendance", "Therapist", "Pain now", "Status")

    def __init__(self, clinic, settings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.details_label = QLabel(self)
        self.details_label.setObjectName("patientDetails")
        self.details_label.setTextFormat(Qt.TextFormat.RichText)
        self.details_label.setWordWrap(True)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.episodes_model = TextTableModel(self.EPISODE_COLUMNS, self)
        self.visits_model = TextTableModel(self.VISIT_COLUMNS, self)
        episodes_box = QGroupBox("Episodes of care", self)
        QVBoxLayout(episodes_box).addWidget(
            text_table(self.episodes_model, episodes_box, "Episodes of care")
        )
        visits_box = QGroupBox("Visits", self)
        self.visits_table = text_table(self.visits_model, visits_box, "Visits")
        QVBoxLayout(visits_box).addWidget(self.visits_table)

        layout = QVBoxLayout(self)
        layout.addWidget(self.details_label)
        layout.addWidget(episodes_box, 1)
        layout.addWidget(visits_box, 2)

    def show_patient(self, patient_id: int) -> None:
        super().show_patient(patient_id)
        self.show_overview(self.clinic.patients.overview(patient_id))

    def show_overview(self, overview: PatientOverview) -> None:
        self.details_label.setText(self._details_html(overview))
        # Pain scores are clinical: the front desk sees visit dates and attendance only.
        pain_column = self.VISIT_COLUMNS.index("Pain now")
        self.visits_table.setColumnHidden(
            pain_column, not self.clinic.access.may(Permission.CLINICAL_READ)
        )
        fmt = self.settings.date_format
        self.episodes_model.set_rows(
            [
                TextRow(
                    (
                        e.diagnosis,
                        SIDE_LABELS.get(e.side, e.side),
                        EPISODE_KIND_LABELS.get(e.kind, e.kind),
                        EPISODE_STATUS_LABELS.get(e.status, e.status),
                        format_date(e.started_on, fmt),
                        format_date(e.ended_on, fmt),
                    )
                )
                for e in overview.episodes
            ]
        )
        self.visits_model.set_rows(
            [
                TextRow(
                    (
                        format_date(v.visit_date, fmt),
                        VISIT_KIND_LABELS.get(v.kind, v.kind),
                        ATTENDANCE_LABELS.get(v.attendance, v.attendance),
                        v.therapist,
                        "" if v.pain_now is None else f"{v.pain_now}/10",
                        "Signed" if v.status == "signed" else "Draft",
                    )
                )
                for v in overview.visits
            ]
        )

    def _details_html(self, overview: PatientOverview) -> str:
        p = overview.patient
        facts = [
            (
                "Born",
                f"{format_date(p.birth_date, self.settings.date_format)} ({overview.age_years} y)",
            ),
            ("Sex", SEX_LABELS.get(p.sex, p.sex)),
            ("Phone", p.phone),
            ("Email", p.email),
            ("Referred by", p.referring_provider),
        ]
        if p.weight_kg:
            facts.append(("Weight", f"{p.weight_kg:g} kg"))
        if p.height_cm:
            facts.append(("Height", f"{p.height_cm:g} cm"))
        cells = "".join(
            f"<tr><td style='color:#555;padding-right:12px'>{escape(k)}</td>"
            f"<td>{escape(v)}</td></tr>"
            for k, v in facts
            if v
        )
        # Name and MRN stand in the patient header above the tabs.
        return f"<table>{cells}</table>"
