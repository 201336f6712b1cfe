"""The clinic's return-to-run criteria: which apply, their thresholds, sources and the
weekly distance cap. Everyone may read them; saving (a new version) needs the admin role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError, ValidationErrors
from clinic_desktop.domain.readiness_criteria import PAIN_RANGE, SYMMETRY_RANGE, ReadinessSettings
from clinic_desktop.gui.field_errors import ERROR_STYLE


class ReadinessCriteriaDialog(QDialog):
    """Shows ``settings``; with ``may_change`` the clinic saves a new version through
    ``save`` (a callable taking applies, thresholds, cap and the version shown)."""

    def __init__(
        self,
        settings: ReadinessSettings,
        versions,
        *,
        may_change: bool,
        save,
        date_format: str,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Return-to-run criteria")
        self.settings = settings
        self.saved: ReadinessSettings | None = None
        self._save = save
        self.table = QTableWidget(len(settings.criteria), 4, self)
        self.table.setHorizontalHeaderLabels(("Applies", "Criterion", "Threshold", "Source"))
        self.table.setAccessibleName("Criteria")
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.thresholds: dict[str, QDoubleSpinBox] = {}
        for row, criterion in enumerate(settings.criteria):
            applies = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsEnabled
            if may_change:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            applies.setFlags(flags)
            applies.setCheckState(
                Qt.CheckState.Checked if criterion.applies else Qt.CheckState.Unchecked
            )
            applies.setData(Qt.ItemDataRole.UserRole, criterion.code)
            self.table.setItem(row, 0, applies)
            self.table.setItem(row, 1, self._text(criterion.label))
            if criterion.has_threshold:
                spin = QDoubleSpinBox(self)
                low, high = PAIN_RANGE if criterion.rule == "pain" else SYMMETRY_RANGE
                spin.setRange(low, high)
                spin.setDecimals(0)
                spin.setSuffix("/10 at most" if criterion.rule == "pain" else " % at least")
                spin.setValue(criterion.threshold)
                spin.setEnabled(may_change)
                spin.setAccessibleName(f"Threshold for {criterion.label}")
                self.thresholds[criterion.code] = spin
                self.table.setCellWidget(row, 2, spin)
            else:
                self.table.setItem(row, 2, self._text("passed"))
            said = criterion.source.casefold().startswith("clinic default")
            default = "Clinic default. " if criterion.clinic_default and not said else ""
            self.table.setItem(row, 3, self._text(default + criterion.source))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() * 2 + 12)

        self.cap = QDoubleSpinBox(self)
        self.cap.setRange(1, 100)
        self.cap.setDecimals(0)
        self.cap.setSuffix(" % a week")
        self.cap.setValue(settings.weekly_cap_percent)
        self.cap.setEnabled(may_change)
        cap_label = QLabel("Weekly distance &cap for new plans:", self)
        cap_label.setBuddy(self.cap)
        cap_row = QHBoxLayout()
        cap_row.addWidget(cap_label)
        cap_row.addWidget(self.cap)
        cap_row.addStretch(1)
        history = ", ".join(
            f"v{v.version} {format_date(v.created_at.date(), date_format) if v.created_at else ''}"
            f"{' ' + v.created_by if v.created_by else ''}"
            for v in versions
        )
        self.about = QLabel(
            f"Version {settings.version} is in force. Every verdict names the version it used; "
            f"a change is kept as a new version. Versions: {history}."
            + ("" if may_change else " Changing the criteria needs the admin role."),
            self,
        )
        self.about.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            if may_change
            else QDialogButtonBox.StandardButton.Close,
            self,
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 1)
        layout.addLayout(cap_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 520)

    def _text(self, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setToolTip(text)
        return item

    def _accept(self) -> None:
        applies = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            applies[item.data(Qt.ItemDataRole.UserRole)] = (
                item.checkState() == Qt.CheckState.Checked
            )
        thresholds = {code: spin.value() for code, spin in self.thresholds.items()}
        try:
            self.saved = self._save(applies, thresholds, self.cap.value(), self.settings.version)
        except ValidationErrors as errors:
            self.error.setText(" ".join(errors.by_field().values()))
            self.error.show()
            return
        except ClinicError as error:
            self.error.setText(error.message)
            self.error.show()
            return
        self.accept()


def edit_criteria(clinic, date_format: str, parent=None) -> ReadinessSettings | None:
    """Show the clinic's criteria; an admin may save a new version, which is returned.

    Raises :class:`ClinicError` if the criteria cannot be read.
    """
    service = clinic.return_to_run
    settings, versions = service.criteria(), service.criteria_versions()

    def save(applies, thresholds, cap, version):
        return service.save_criteria(
            applies=applies,
            thresholds=thresholds,
            weekly_cap_percent=cap,
            expected_version=version,
        )

    dialog = ReadinessCriteriaDialog(
        settings,
        versions,
        may_change=clinic.access.may(Permission.CLINIC_SETTINGS),
        save=save,
        date_format=date_format,
        parent=parent,
    )
    return dialog.saved if dialog.exec() else None
