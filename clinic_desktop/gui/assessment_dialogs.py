"""Small dialogs of the assessment screen: amending a signed value, the squat checklist."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
)

from clinic_desktop.domain.assessment_values import CellKey, cell_name
from clinic_desktop.domain.battery import TestDefinition
from clinic_desktop.domain.errors import ClinicError, ValidationError, ValidationErrors
from clinic_desktop.gui.field_errors import FieldErrors


class AmendDialog(QDialog):
    """Change a value of a signed visit: the new value and the reason, both required.

    ``amend(text, reason)`` is the service call; its sentences are shown next to the
    fields and the dialog stays open until it succeeds or is cancelled. ``current`` is the
    value as typed (it starts the field), ``shown`` as the grid reads it.
    """

    def __init__(
        self, test: TestDefinition, key: CellKey, current: str, shown: str, amend, parent=None
    ):
        super().__init__(parent)
        self.setWindowTitle("Amend a signed value")
        self._amend = amend
        self.result_value = None
        name = cell_name(test, key)
        intro = QLabel(
            f"This visit is signed. Changing {name} (now {shown}) keeps the original "
            "value, the new one and your reason in the record.",
            self,
        )
        intro.setWordWrap(True)
        self.value_edit = QLineEdit(current, self)
        self.value_edit.setObjectName("amendValue")
        self.value_edit.selectAll()
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setObjectName("amendReason")
        self.reason_edit.setPlaceholderText("e.g. goniometer read on the wrong scale")
        form = QFormLayout()
        form.addRow("&New value", self.value_edit)
        form.addRow("&Reason", self.reason_edit)
        self.errors = FieldErrors(form, {key.field: self.value_edit, "reason": self.reason_edit})
        self.general_error = QLabel(self)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Amend")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        try:
            self.result_value = self._amend(self.value_edit.text(), self.reason_edit.text())
        except ValidationErrors as errors:
            first = self.errors.show(errors.by_field())
            (first or self.value_edit).setFocus()
            return
        except ValidationError as error:
            shown = self.errors.show({error.field: error.message})
            if shown is None:
                self.general_error.setText(error.message)
                self.general_error.show()
            return
        except ClinicError as error:
            self.general_error.setText(error.message)
            self.general_error.show()
            return
        super().accept()


class SquatDialog(QDialog):
    """The single-leg squat on one side: pass or fail, and what was seen (keyboard: Alt+letter,
    Space to tick, Enter to save)."""

    def __init__(self, test: TestDefinition, side: str, passed: bool | None, seen, parent=None):
        super().__init__(parent)
        self.setWindowTitle(f"Single-leg squat, {side}")
        self.pass_button = QRadioButton("&Pass: good control", self)
        self.fail_button = QRadioButton("&Fail", self)
        (self.pass_button if passed else self.fail_button).setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pass_button)
        layout.addWidget(self.fail_button)
        layout.addWidget(QLabel("What was seen:", self))
        self.boxes: dict[str, QCheckBox] = {}
        for number, item in enumerate(test.checklist, start=1):
            box = QCheckBox(f"&{number} {item.label}", self)
            box.setChecked(item.code in seen)
            box.toggled.connect(self._seen_changed)
            self.boxes[item.code] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _seen_changed(self, checked: bool) -> None:
        if checked:  # a compensation seen is usually a failed squat; the therapist may differ
            self.fail_button.setChecked(True)

    @property
    def passed(self) -> bool:
        return self.pass_button.isChecked()

    @property
    def compensations(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]
