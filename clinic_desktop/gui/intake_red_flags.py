"""Step 5: the red-flag screen, answered with Y/N keys, and the therapist's acknowledgement."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError, ValidationErrors
from clinic_desktop.domain.red_flags import evaluate_screen
from clinic_desktop.domain.screening import ScreenRecord, blank_entries, flag_name
from clinic_desktop.gui.form_binding import FormBinding
from clinic_desktop.gui.forms.ui_red_flag_form import Ui_RedFlagForm
from clinic_desktop.gui.intake_step import IntakeContext, IntakeStep
from clinic_desktop.gui.intake_tables import RedFlagModel, RedFlagTable
from clinic_desktop.services.clinic import Clinic

_Index = QModelIndex | QPersistentModelIndex
ANSWER_TEXT = {True: "Yes", False: "No", None: "—"}
YES_BRUSH = QBrush(QColor("#fdecea"))
ERROR_BRUSH = QBrush(QColor("#f9c9c4"))


def red_flag_alerts(clinic: Clinic, patient_id: int, date_format: str) -> list[str]:
    """The header lines for a patient's positive red flags; empty for other roles."""
    if not clinic.access.may(Permission.CLINICAL_READ):
        return []
    try:
        return [alert.text(date_format) for alert in clinic.red_flags.alerts(patient_id)]
    except ClinicError:
        return []


class RedFlagStep(IntakeStep):
    """The screen and its acknowledgement. Saving records the answers, then, when a
    decision is typed and positives are waiting, acknowledges them as the signed-in user."""

    title = "Red flags"
    alerts_changed = Signal()

    def __init__(self, clinic, parent: QWidget | None = None) -> None:
        super().__init__(clinic, parent)
        self.ui = Ui_RedFlagForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = RedFlagModel(self)
        self.table = self._set_up_table()
        self.model.edited.connect(self._typed)
        self.model.edited.connect(self._summarise)
        self.binding = FormBinding(self, general_label=ui.screenErrorLabel)
        self.binding.add_form(ui.acknowledgeForm, {"acknowledgement_note": ui.acknowledgementEdit})
        self.binding.changed.connect(self._typed)
        ui.acknowledgeButton.clicked.connect(self.acknowledge)
        ui.acknowledgementEdit.returnPressed.connect(self.acknowledge)
        self.record: ScreenRecord | None = None
        self.episode_id: int | None = None
        self.date_format = "yyyy-mm-dd"

    def _set_up_table(self) -> RedFlagTable:
        table: RedFlagTable = self.ui.redFlagTable
        table.setModel(self.model)
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = table.horizontalHeader()
        header.setSectionResizeMode(RedFlagModel.QUESTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RedFlagModel.ANSWER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RedFlagModel.NOTE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(RedFlagModel.NOTE, 240)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().hide()
        return table

    @property
    def first_field(self) -> QWidget:
        return self.table

    def load(self, context: IntakeContext) -> None:
        self.binding.clear_errors()
        self.date_format = context.date_format
        self.episode_id = context.episode.id if context.episode is not None else None
        if self.episode_id is None:
            self.record = None
            self.model.set_record(blank_entries())
        else:
            self.record = self.clinic.red_flags.screen(self.episode_id)
            self.model.set_record(self.record.entries)
        self.table.setCurrentIndex(self.model.index(0, RedFlagModel.ANSWER))
        self._summarise()
        self._show_acknowledgement()
        self.dirty = False

    def _summarise(self) -> None:
        try:
            text = evaluate_screen(self.model.typed_answers()).summary()
        except ClinicError as error:
            text = error.message
        self.ui.screenSummaryLabel.setText(text)

    def _show_acknowledgement(self) -> None:
        ui = self.ui
        waiting = self.record.waiting if self.record else ()
        done = [e for e in (self.record.positives if self.record else ()) if e.acknowledged_at]
        lines = []
        for entry in done:
            who = entry.acknowledged_by or "a therapist"
            day = format_date(entry.acknowledged_at.date(), self.date_format)
            lines.append(
                f"{flag_name(entry.code).capitalize()}: acknowledged by {who} on {day}: "
                f"{entry.acknowledgement_note}"
            )
        if waiting:
            names = ", ".join(flag_name(e.code) for e in waiting)
            lines.append(f"<b>Waiting for a therapist's acknowledgement: {escape(names)}.</b>")
        elif not done:
            lines.append("No saved positive answer needs acknowledging.")
        ui.acknowledgeStatusLabel.setText("<br>".join(lines))
        ui.acknowledgementEdit.setEnabled(bool(waiting))
        ui.acknowledgeButton.setEnabled(bool(waiting))

    def state(self) -> dict[str, Any]:
        return {
            "answers": {code: a for code, a in self.model.answers.items() if a is not None},
            "notes": {code: note for code, note in self.model.notes.items() if note},
            "acknowledgement_note": self.ui.acknowledgementEdit.text(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        answers = {str(k): v for k, v in dict(state.get("answers", {})).items()}
        self.model.set_typed(answers, dict(state.get("notes", {})))
        self.binding.set_values({"acknowledgement_note": state.get("acknowledgement_note", "")})
        self._summarise()
        self.dirty = True

    def save(self, context: IntakeContext) -> bool:
        if not self.dirty:
            return True
        if context.episode is None:
            self.status_message.emit(
                "Save the episode of care first: the red-flag screen belongs to it."
            )
            return False
        self.binding.clear_errors()
        self.model.set_errors({})
        versions = self.record.versions if self.record is not None else {}
        try:
            self.record = self.clinic.red_flags.save_answers(
                context.episode.id, self.model.typed_answers(), versions
            )
        except ValidationErrors as errors:
            self._show_answer_errors(errors.by_field())
            return False
        except ClinicError as error:
            return self.refused(error)
        typed_note = self.ui.acknowledgementEdit.text()
        self.load(context)
        self.alerts_changed.emit()
        if typed_note.strip() and self.record.waiting:
            self.binding.set_values({"acknowledgement_note": typed_note})
            return self.acknowledge()
        return True

    def _show_answer_errors(self, by_field: dict[str, str]) -> None:
        self.model.set_errors(by_field)
        self.binding.show_errors({"red_flags": " ".join(by_field.values())})
        rows = [r for r, e in enumerate(self.model.entries) if f"red_flags.{e.code}" in by_field]
        self.table.setCurrentIndex(self.model.index(rows[0] if rows else 0, RedFlagModel.NOTE))
        self.table.setFocus()

    def acknowledge(self) -> bool:
        """Acknowledge the saved positives as the signed-in therapist, with the note typed."""
        if self.episode_id is None or self.record is None:
            return False
        self.binding.clear_errors()
        try:
            self.record = self.clinic.red_flags.acknowledge(
                self.episode_id, self.ui.acknowledgementEdit.text()
            )
        except ValidationErrors as errors:
            first = self.binding.show_errors(errors.by_field())
            if first is not None:
                first.setFocus()
            return False
        except ClinicError as error:
            return self.refused(error)
        self.binding.set_values({"acknowledgement_note": ""})
        self.model.set_record(self.record.entries)
        self._show_acknowledgement()
        self.dirty = False
        self.status_message.emit("Red flags acknowledged; the decision is recorded for reports.")
        self.alerts_changed.emit()
        return True
