"""The patient's demographics: the form (used by the intake page and the new-patient
dialog), the dialog that registers a new patient, and the duplicate-patient question."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError, ValidationErrors
from clinic_desktop.domain.intake_fields import date_example
from clinic_desktop.domain.patients import (
    SEX_LABELS,
    NewPatient,
    PatientDetails,
    PatientSummary,
)
from clinic_desktop.domain.registration import DuplicateMatch, PossibleDuplicate
from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.domain.units import format_number
from clinic_desktop.gui.draft_keeper import DraftKeeper
from clinic_desktop.gui.form_binding import FormBinding, fill_combo
from clinic_desktop.gui.forms.ui_patient_form import Ui_PatientForm
from clinic_desktop.services.clinic import Clinic

DRAFT_FORM = "patient_form"


def date_placeholder(date_format: str) -> str:
    if date_format == "yyyy-mm-dd":
        return f"yyyy-mm-dd, e.g. {date_example(date_format)}"
    return f"{date_format} or yyyy-mm-dd"


class PatientFormWidget(QWidget):
    """Every demographic field; reads them as a NewPatient and shows the sentences."""

    def __init__(self, date_format: str = "yyyy-mm-dd", parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_PatientForm()
        self.ui.setupUi(self)
        self.date_format = date_format
        ui = self.ui
        ui.birthDateEdit.setPlaceholderText(date_placeholder(date_format))
        fill_combo(ui.sexCombo, SEX_LABELS)
        self.binding = FormBinding(self)
        self.binding.add_form(
            ui.identityForm,
            {
                "family_name": ui.familyNameEdit,
                "given_name": ui.givenNameEdit,
                "preferred_name": ui.preferredNameEdit,
                "birth_date": ui.birthDateEdit,
                "sex": ui.sexCombo,
                "weight_kg": ui.weightEdit,
                "height_cm": ui.heightEdit,
                "mrn": ui.mrnEdit,
            },
        )
        self.binding.add_form(
            ui.contactForm,
            {
                "phone": ui.phoneEdit,
                "email": ui.emailEdit,
                "address": ui.addressEdit,
                "emergency_contact": ui.emergencyContactEdit,
                "referring_provider": ui.referringProviderEdit,
                "notes": ui.notesEdit,
            },
        )
        self.version = 0

    @property
    def first_field(self) -> QWidget:
        return self.ui.familyNameEdit

    def show_details(self, details: PatientDetails) -> None:
        self.version = details.version
        self.binding.clear_errors()
        self.binding.set_values(
            {
                "family_name": details.family_name,
                "given_name": details.given_name,
                "preferred_name": details.preferred_name,
                "birth_date": format_date(details.birth_date, self.date_format),
                "sex": details.sex,
                "weight_kg": "" if details.weight_kg is None else format_number(details.weight_kg),
                "height_cm": "" if details.height_cm is None else format_number(details.height_cm),
                "mrn": details.mrn,
                "phone": details.phone,
                "email": details.email,
                "address": details.address,
                "emergency_contact": details.emergency_contact,
                "referring_provider": details.referring_provider,
                "notes": details.notes,
            }
        )

    def new_patient(self) -> NewPatient:
        values = self.binding.values()
        return NewPatient(
            family_name=values["family_name"],
            given_name=values["given_name"],
            birth_date=values["birth_date"],
            sex=values["sex"],
            preferred_name=values["preferred_name"],
            phone=values["phone"],
            email=values["email"],
            mrn=values["mrn"],
            address=values["address"],
            emergency_contact=values["emergency_contact"],
            referring_provider=values["referring_provider"],
            weight_kg=values["weight_kg"],
            height_cm=values["height_cm"],
            notes=values["notes"],
        )

    def show_errors(self, errors: ValidationErrors) -> None:
        first = self.binding.show_errors(errors.by_field())
        if first is not None:
            first.setFocus()


class DuplicateDialog(QDialog):
    """Shows the patients on file who may be this one; offers to open the existing record."""

    OPEN, REGISTER, BACK = 1, 2, 0

    def __init__(self, matches: list[DuplicateMatch], date_format: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("This patient may already be on file")
        self.matches = matches
        self.choice = self.BACK
        intro = QLabel(
            "Nothing was saved yet. The patients below look like the one you typed. Open the "
            "existing record instead, unless you are sure this is a different person.",
            self,
        )
        intro.setWordWrap(True)
        self.match_list = QListWidget(self)
        for match in matches:
            p = match.patient
            self.match_list.addItem(
                QListWidgetItem(
                    f"{p.name} · MRN {p.mrn} · born {format_date(p.birth_date, date_format)}"
                    f"{' · ' + match.phone if match.phone else ''} — {', '.join(match.reasons)}"
                )
            )
        self.match_list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        self.open_button = QPushButton("&Open the existing record", self)
        self.register_button = QPushButton("&Register as a different person", self)
        self.back_button = QPushButton("&Back to the form", self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda: self._choose(self.OPEN))
        self.register_button.clicked.connect(lambda: self._choose(self.REGISTER))
        self.back_button.clicked.connect(self.reject)
        self.match_list.itemActivated.connect(lambda _item: self._choose(self.OPEN))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.match_list)
        layout.addWidget(buttons)
        self.resize(640, 260)

    @property
    def selected(self) -> DuplicateMatch:
        return self.matches[max(0, self.match_list.currentRow())]

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()


class PatientFormDialog(QDialog):
    """Registers a new patient with every demographic field.

    After ``exec()``: ``created`` is the new patient, or ``open_existing`` the patient on
    file the desk chose to open instead. Typing is kept as a draft until saved or cancelled.
    """

    def __init__(self, clinic: Clinic, settings: ClinicSettings, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New patient")
        self.clinic = clinic
        self.settings = settings
        self.created: PatientDetails | None = None
        self.open_existing: PatientSummary | None = None
        self.form = PatientFormWidget(settings.date_format, self)
        self.restore_label = QLabel(self)
        self.restore_label.setWordWrap(True)
        self.clear_button = QPushButton("Start with an &empty form", self)
        self.clear_button.setAutoDefault(False)
        self.clear_button.clicked.connect(self.clear_kept_typing)
        restore_row = QHBoxLayout()
        restore_row.addWidget(self.restore_label, 1)
        restore_row.addWidget(self.clear_button)
        self.restore_label.hide()
        self.clear_button.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(restore_row)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.buttons)
        self.drafts = DraftKeeper(clinic.drafts, DRAFT_FORM, self, self.form.binding.values)
        self.drafts.track("new")
        self.form.binding.changed.connect(self.drafts.mark_changed)
        self._offer_draft()
        self.form.first_field.setFocus()
        self.resize(820, 440)

    def _offer_draft(self) -> None:
        draft = self.drafts.load()
        if draft is None or not any(str(v).strip() for v in draft.payload.values()):
            return
        # A new-patient form holds nothing else, so the kept typing is simply put back.
        self.form.binding.set_values(draft.payload)
        self.drafts.mark_changed()
        self.restore_label.setText(
            "The details typed earlier for a new patient were not saved; they are back. "
            "Check them and save, or start with an empty form."
        )
        self.restore_label.show()
        self.clear_button.show()

    def clear_kept_typing(self) -> None:
        """Throw away the typing brought back from an earlier form."""
        self.drafts.discard()
        self.form.binding.set_values({})
        self.form.binding.clear_errors()
        self.restore_label.hide()
        self.clear_button.hide()
        self.form.first_field.setFocus()

    def save(self) -> None:
        self._register(allow_duplicate=False)

    def _register(self, allow_duplicate: bool) -> None:
        self.form.binding.clear_errors()
        try:
            self.created = self.clinic.patients.register(
                self.form.new_patient(),
                date_format=self.settings.date_format,
                allow_duplicate=allow_duplicate,
            )
        except ValidationErrors as errors:
            self.form.show_errors(errors)
            return
        except PossibleDuplicate as duplicate:
            dialog = DuplicateDialog(duplicate.matches, self.settings.date_format, self)
            dialog.exec()
            dialog.deleteLater()
            choice = dialog.choice
            if choice == DuplicateDialog.OPEN:
                self.open_existing = dialog.selected.patient
                self.drafts.discard()
                self.accept()
            elif choice == DuplicateDialog.REGISTER:
                self._register(allow_duplicate=True)
            return
        except ClinicError as error:
            QMessageBox.warning(self, "Not saved", error.message)
            return
        self.drafts.discard()
        self.accept()

    def reject(self) -> None:
        """Close without saving. Typing is never thrown away by a key press: it stays as a
        draft and comes back in the next new-patient form, where it can be cleared."""
        if any(v.strip() for v in self.form.binding.values().values()):
            self.drafts.mark_changed()
            self.drafts.save_now()
        else:
            self.drafts.discard()
        super().reject()
