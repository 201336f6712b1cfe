"""The patient list: a search box over a table, driven entirely from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.patients import PatientSummary

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole


class PatientListModel(QAbstractTableModel):
    """Patients found by the current search, one per row."""

    COLUMNS = ("Name", "Born (age)", "MRN", "Diagnosis", "Last visit")
    PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._patients: list[PatientSummary] = []
        self.date_format = "yyyy-mm-dd"

    def set_patients(self, patients: list[PatientSummary]) -> None:
        self.beginResetModel()
        self._patients = patients
        self.endResetModel()

    def patient_at(self, row: int) -> PatientSummary | None:
        return self._patients[row] if 0 <= row < len(self._patients) else None

    def row_of(self, patient_id: int) -> int:
        for row, patient in enumerate(self._patients):
            if patient.id == patient_id:
                return row
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._patients)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role=_DISPLAY):
        # Sizing the columns asks every cell for eight roles, several times over: the roles
        # this model leaves to the style are answered before any other work.
        if role == _DISPLAY:
            patient = self.patient_at(index.row())
            return None if patient is None else self._display(patient, index.column())
        if role == self.PATIENT_ID_ROLE:
            patient = self.patient_at(index.row())
            return None if patient is None else patient.id
        if role == _TOOLTIP and index.column() == 0:
            patient = self.patient_at(index.row())
            return None if patient is None else f"{patient.name}, {patient.mrn}"
        return None

    def _display(self, patient: PatientSummary, column: int) -> str:
        if column == 0:
            return patient.name
        if column == 1:
            return f"{format_date(patient.birth_date, self.date_format)} ({patient.age_years})"
        if column == 2:
            return patient.mrn
        if column == 3:
            return patient.active_diagnosis
        return format_date(patient.last_visit_on, self.date_format) if patient.last_visit_on else ""


class SearchBox(QLineEdit):
    """A search field that hands Up, Down, Page Up/Down and Enter to the list below it."""

    navigate = Signal(int)  # rows to move: -1, +1, or a page
    activated = Signal()

    PAGE = 10

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        moves = {
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_PageUp: -self.PAGE,
            Qt.Key.Key_PageDown: self.PAGE,
        }
        key = event.key()
        if key in moves:
            self.navigate.emit(moves[key])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class PatientListPanel(QWidget):
    """Search box and patient table; emits ``patient_opened`` on Enter or double-click."""

    patient_opened = Signal(int)
    search_changed = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search_box = SearchBox(self)
        self.search_box.setPlaceholderText("Find a patient: name, MRN, birth date or phone")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Patient search")

        self.model = PatientListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName("Patients found")

        self.count_label = QLabel(self)
        self.count_label.setObjectName("patientCountLabel")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.setFocusProxy(self.search_box)

        self.search_box.textChanged.connect(self.search_changed)
        self.search_box.navigate.connect(self.move_selection)
        self.search_box.activated.connect(self.open_current)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))

    def show_patients(self, patients: list[PatientSummary], limit: int) -> None:
        """Fill the table, keeping the selected patient selected if still listed."""
        current = self.current_patient()
        self.model.set_patients(patients)
        row = self.model.row_of(current.id) if current else -1
        self.select_row(row if row >= 0 else 0)
        if not patients:
            text = self.search_box.text().strip()
            self.count_label.setText(
                f"No patient matches “{text}”. Check the spelling, or register a new patient."
                if text
                else "No patients on file yet. Register the first with New patient."
            )
        elif len(patients) >= limit:
            self.count_label.setText(f"Showing the first {limit} matches; type more to narrow.")
        else:
            noun = "patient" if len(patients) == 1 else "patients"
            self.count_label.setText(f"{len(patients)} {noun}")

    def current_patient(self) -> PatientSummary | None:
        index = self.table.currentIndex()
        return self.model.patient_at(index.row()) if index.isValid() else None

    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.table.clearSelection()
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def select_patient(self, patient_id: int) -> bool:
        row = self.model.row_of(patient_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def move_selection(self, delta: int) -> None:
        current = self.table.currentIndex().row()
        self.select_row((current if current >= 0 else -1) + delta)

    def open_current(self) -> None:
        self._open_row(self.table.currentIndex().row())

    def _open_row(self, row: int) -> None:
        patient = self.model.patient_at(row)
        if patient is not None:
            self.patient_opened.emit(patient.id)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()
