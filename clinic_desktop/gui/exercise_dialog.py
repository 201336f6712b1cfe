"""The clinic's own exercise: the library's fields typed in, with an optional photo.

Steps, tips and mistakes are typed one per line. The photo must be a PNG or JPEG of at
most 5 MB; the service decodes and scales it. Every refusal is a sentence under its
field, and nothing is saved until all of them are right.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from clinic_desktop.domain.clinic_exercises import ExerciseForm
from clinic_desktop.domain.dosage import SIDES
from clinic_desktop.domain.errors import ClinicError, ValidationErrors
from clinic_desktop.domain.exercises import CATEGORIES
from clinic_desktop.gui.field_errors import FieldErrors

_NUMBERS = (
    ("sets", "Sets", "2"),
    ("reps", "Repetitions", "10"),
    ("hold_s", "Hold (s)", "0"),
    ("times_per_day", "Times a day", "1"),
    ("days_per_week", "Days a week", "3"),
)


class ExerciseDialog(QDialog):
    """Adds one exercise to the clinic's library; ``added`` holds it when accepted."""

    def __init__(self, clinic, parent=None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.added = None
        self.setWindowTitle("New exercise for the clinic's library")
        form = QFormLayout()
        self.name = QLineEdit(self)
        self.category = QComboBox(self)
        for key, label in CATEGORIES.items():
            self.category.addItem(label, key)
        self.region = QLineEdit(self)
        self.region.setPlaceholderText("e.g. foot, hip, calf")
        self.purpose = QLineEdit(self)
        self.start = QLineEdit(self)
        self.steps = QPlainTextEdit(self)
        self.steps.setPlaceholderText("One step on each line")
        self.cues = QPlainTextEdit(self)
        self.cues.setPlaceholderText("Tips, one on each line (optional)")
        self.mistakes = QPlainTextEdit(self)
        self.mistakes.setPlaceholderText("What to avoid, one on each line (optional)")
        for box in (self.steps, self.cues, self.mistakes):
            box.setTabChangesFocus(True)
            box.setFixedHeight(56)
        self.equipment = QLineEdit(self)
        self.equipment.setPlaceholderText("separated by commas, e.g. towel, chair")
        self.numbers = {}
        for name, _label, default in _NUMBERS:
            self.numbers[name] = QLineEdit(default, self)
        self.side = QComboBox(self)
        self.side.addItems(SIDES)
        self.side.setCurrentText("both")
        self.band = QLineEdit(self)
        self.band.setPlaceholderText("no band")
        self.photo = QLineEdit(self)
        self.photo.setPlaceholderText("optional: a PNG or JPEG of at most 5 MB")
        browse = QPushButton("&Browse…", self)
        browse.clicked.connect(self._browse)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo, 1)
        photo_row.addWidget(browse)

        fields = {"name": self.name, "category": self.category, "body_region": self.region,
                  "purpose": self.purpose, "starting_position": self.start,
                  "steps": self.steps, "cues": self.cues, "common_mistakes": self.mistakes,
                  "equipment": self.equipment}  # fmt: skip
        labels = ("&Name", "&Category", "Body &region", "&Purpose", "&Starting position",
                  "S&teps", "T&ips", "&Avoid", "&Equipment")  # fmt: skip
        for label, widget in zip(labels, fields.values(), strict=True):
            form.addRow(label, widget)
        for name, label, _default in _NUMBERS:
            form.addRow(label, self.numbers[name])
            fields[name] = self.numbers[name]
        form.addRow("Si&de", self.side)
        form.addRow("&Band colour", self.band)
        form.addRow("Photo", photo_row)
        fields.update(side=self.side, band_level=self.band, photo=self.photo)
        self.errors = FieldErrors(form, fields)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Choose a photo", "", "Pictures (*.png *.jpg *.jpeg)"
        )
        if path:
            self.photo.setText(path)

    def typed(self) -> ExerciseForm:
        return ExerciseForm(
            name=self.name.text(), category=self.category.currentData(),
            body_region=self.region.text(), purpose=self.purpose.text(),
            starting_position=self.start.text(), steps=self.steps.toPlainText(),
            cues=self.cues.toPlainText(), common_mistakes=self.mistakes.toPlainText(),
            equipment=self.equipment.text(), side=self.side.currentText(),
            band_level=self.band.text(),
            **{name: edit.text() for name, edit in self.numbers.items()},
        )  # fmt: skip

    def save(self) -> None:
        photo = Path(self.photo.text().strip()) if self.photo.text().strip() else None
        try:
            self.added = self.clinic.exercises.add_exercise(self.typed(), photo)
        except ValidationErrors as errors:
            first = self.errors.show(errors.by_field())
            if first is not None:
                first.setFocus()
            return
        except ClinicError as error:
            self.errors.show({"name": error.message})
            return
        self.accept()
