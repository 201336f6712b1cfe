"""What every step of the intake page has in common, and the patient step itself."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QVBoxLayout, QWidget

from clinic_desktop.domain.episodes import EpisodeRecord
from clinic_desktop.domain.errors import ClinicError, ValidationErrors
from clinic_desktop.domain.patients import PatientDetails
from clinic_desktop.domain.registration import PossibleDuplicate
from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.gui.patient_form import DuplicateDialog, PatientFormWidget
from clinic_desktop.services.clinic import Clinic


@dataclass
class IntakeContext:
    """The record the intake page works on; steps read it and update it as they save."""

    patient: PatientDetails
    episode: EpisodeRecord | None
    settings: ClinicSettings

    @property
    def date_format(self) -> str:
        return self.settings.date_format


class IntakeStep(QWidget):
    """One step of a first evaluation.

    ``changed`` is emitted when the person types. ``dirty`` says there is typing not yet
    saved. ``save`` returns True when the step is saved (or had nothing to save) and shows
    the sentences next to the fields otherwise. ``state``/``restore`` carry the typing
    into and out of a draft.
    """

    title = ""
    needs_episode = True
    changed = Signal()
    status_message = Signal(str)

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.dirty = False

    def _typed(self) -> None:
        self.dirty = True
        self.changed.emit()

    @property
    def first_field(self) -> QWidget:
        raise NotImplementedError

    def load(self, context: IntakeContext) -> None:
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        raise NotImplementedError

    def restore(self, state: dict[str, Any]) -> None:
        raise NotImplementedError

    def save(self, context: IntakeContext) -> bool:
        raise NotImplementedError

    def refused(self, error: ClinicError) -> bool:
        """Say why a save was refused (stale record, permission) and keep the typing."""
        QMessageBox.warning(self, "Not saved", error.message)
        self.status_message.emit(error.message)
        return False


class PatientStep(IntakeStep):
    """Step 1: the demographics, corrected with the patient in the room."""

    title = "Patient"
    needs_episode = False

    def __init__(self, clinic: Clinic, date_format: str, parent: QWidget | None = None):
        super().__init__(clinic, parent)
        self.form = PatientFormWidget(date_format, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        layout.addStretch(1)
        self.form.binding.changed.connect(self._typed)

    @property
    def first_field(self) -> QWidget:
        return self.form.first_field

    def load(self, context: IntakeContext) -> None:
        self.form.date_format = context.date_format
        self.form.show_details(context.patient)
        self.dirty = False

    def state(self) -> dict[str, Any]:
        return self.form.binding.values()

    def restore(self, state: dict[str, Any]) -> None:
        self.form.binding.set_values(state)
        self.dirty = True

    def save(self, context: IntakeContext, allow_duplicate: bool = False) -> bool:
        if not self.dirty:
            return True
        self.form.binding.clear_errors()
        try:
            context.patient = self.clinic.patients.update(
                context.patient.id,
                self.form.new_patient(),
                self.form.version,
                date_format=context.date_format,
                allow_duplicate=allow_duplicate,
            )
        except ValidationErrors as errors:
            self.form.show_errors(errors)
            return False
        except PossibleDuplicate as duplicate:
            dialog = DuplicateDialog(duplicate.matches, context.date_format, self)
            dialog.open_button.hide()  # this record is already open; the choice is to save
            dialog.register_button.setText("&Save anyway: a different person")
            dialog.exec()
            dialog.deleteLater()
            if dialog.choice == DuplicateDialog.REGISTER:
                return self.save(context, allow_duplicate=True)
            return False
        except ClinicError as error:
            return self.refused(error)
        self.form.show_details(context.patient)
        self.dirty = False
        return True
