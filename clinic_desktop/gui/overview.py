"""The patient's overview: who they are, their episodes of care and their visits."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
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
from clinic_desktop.gui.workspace import WorkspacePage

_Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """A read-only table of already formatted rows."""

    def __init__(self, columns: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self._columns = columns
        self._rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and index.isValid():
            return self._rows[index.row()][index.column()]
        return None


def _read_only_table(model: QAbstractTableModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


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

        self.episodes_model = RecordTableModel(self.EPISODE_COLUMNS, self)
        self.visits_model = RecordTableModel(self.VISIT_COLUMNS, self)
        episodes_box = QGroupBox("Episodes of care", self)
        QVBoxLayout(episodes_box).addWidget(_read_only_table(self.episodes_model, episodes_box))
        visits_box = QGroupBox("Visits", self)
        self.visits_table = _read_only_table(self.visits_model, visits_box)
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
                (
                    e.diagnosis,
                    SIDE_LABELS.get(e.side, e.side),
                    EPISODE_KIND_LABELS.get(e.kind, e.kind),
                    EPISODE_STATUS_LABELS.get(e.status, e.status),
                    format_date(e.started_on, fmt),
                    format_date(e.ended_on, fmt),
                )
                for e in overview.episodes
            ]
        )
        self.visits_model.set_rows(
            [
                (
                    format_date(v.visit_date, fmt),
                    VISIT_KIND_LABELS.get(v.kind, v.kind),
                    ATTENDANCE_LABELS.get(v.attendance, v.attendance),
                    v.therapist,
                    "" if v.pain_now is None else f"{v.pain_now}/10",
                    "Signed" if v.status == "signed" else "Draft",
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
