"""The admin's audit viewer: filter the trail and verify its hash chain."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from clinic_desktop.gui.field_errors import ERROR_STYLE
from clinic_desktop.services.audit import AuditEntry
from clinic_desktop.services.clinic import Clinic

_Index = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    COLUMNS = ("#", "When (UTC)", "User", "Action", "Record", "Patient", "Detail")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[AuditEntry] = []
        self.broken_id: int | None = None

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and entry.id == self.broken_id:
            from PySide6.QtGui import QColor

            return QColor("#fdecea")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        record = f"{entry.entity} {entry.entity_id}" if entry.entity_id else entry.entity
        detail = "" if entry.detail == "{}" else entry.detail
        values = (
            str(entry.id),
            entry.at.strftime("%Y-%m-%d %H:%M:%S"),
            entry.user,
            entry.action,
            record,
            entry.patient_mrn,
            detail,
        )
        return values[index.column()]


class AuditDialog(QDialog):
    def __init__(self, clinic: Clinic, parent=None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.setWindowTitle("Audit trail")
        self.resize(1000, 560)
        self.user_combo = QComboBox(self)
        self.user_combo.addItem("Any user", None)
        for user in clinic.users.list_users():
            self.user_combo.addItem(f"{user.display_name} ({user.username})", user.id)
        self.patient_edit = QLineEdit(self)
        self.patient_edit.setPlaceholderText("patient MRN")
        self.action_combo = QComboBox(self)
        self.action_combo.addItem("Any action", "")
        for action in clinic.audit.actions():
            self.action_combo.addItem(action, action)
        today = QDate.currentDate()
        self.since_edit = QDateEdit(today.addDays(-30), self)
        self.until_edit = QDateEdit(today, self)
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.filter_button = QPushButton("&Filter", self)
        self.verify_button = QPushButton("&Verify chain", self)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("chainVerdict")
        self.verdict.setWordWrap(True)
        self.model = AuditTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        filters = QHBoxLayout()
        for widget in (
            self.user_combo,
            self.patient_edit,
            self.action_combo,
            QLabel("from", self),
            self.since_edit,
            QLabel("to", self),
            self.until_edit,
            self.filter_button,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.filter_button.clicked.connect(self.refresh)
        self.patient_edit.returnPressed.connect(self.refresh)
        self.verify_button.clicked.connect(self.verify)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_entries(
            self.clinic.audit.events(
                user_id=self.user_combo.currentData(),
                patient_mrn=self.patient_edit.text(),
                action=self.action_combo.currentData(),
                since=self.since_edit.date().toPython(),
                until=self.until_edit.date().toPython(),
            )
        )

    def verify(self) -> None:
        check = self.clinic.audit.verify_chain()
        self.model.broken_id = check.first_broken_id
        self.verdict.setStyleSheet("" if check.intact else ERROR_STYLE)
        self.verdict.setText(check.sentence())
        self.refresh()
        if not check.intact:
            for row, entry in enumerate(self.model.entries):
                if entry.id == check.first_broken_id:
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
