"""Registering a patient with the basic demographics."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from clinic_desktop.domain.errors import ValidationErrors
from clinic_desktop.domain.patient_rules import parse_date_text
from clinic_desktop.domain.patients import SEX_LABELS, NewPatient, PatientDetails
from clinic_desktop.gui.field_errors import FieldErrors
from clinic_desktop.gui.forms.ui_new_patient_dialog import Ui_NewPatientDialog
from clinic_desktop.services.patients import PatientService


class NewPatientDialog(QDialog):
    """Collects the demographics; saves only when every field is valid."""

    def __init__(
        self,
        service: PatientService,
        date_format: str = "yyyy-mm-dd",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_NewPatientDialog()
        self.ui.setupUi(self)
        self._service = service
        self._date_format = date_format
        self.created: PatientDetails | None = None
        self.ui.birthDateEdit.setPlaceholderText(
            date_format if date_format == "yyyy-mm-dd" else f"{date_format} or yyyy-mm-dd"
        )
        for value in ("female", "male", "other", "unknown"):
            self.ui.sexCombo.addItem(SEX_LABELS[value], value)
        self.ui.sexCombo.setCurrentIndex(self.ui.sexCombo.findData("unknown"))
        self.errors = FieldErrors(
            self.ui.formLayout,
            {
                "family_name": self.ui.familyNameEdit,
                "given_name": self.ui.givenNameEdit,
                "birth_date": self.ui.birthDateEdit,
                "sex": self.ui.sexCombo,
                "phone": self.ui.phoneEdit,
                "email": self.ui.emailEdit,
                "mrn": self.ui.mrnEdit,
            },
        )
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)

    def save(self) -> None:
        birth_text = self.ui.birthDateEdit.text().strip()
        birth_date = parse_date_text(birth_text, self._date_format) if birth_text else None
        if birth_text and birth_date is None:
            self.errors.show(
                {
                    "birth_date": f"Write the date of birth as {self._date_format}, "
                    "for example 1988-04-23."
                }
            )
            self.ui.birthDateEdit.setFocus()
            return
        new = NewPatient(
            family_name=self.ui.familyNameEdit.text(),
            given_name=self.ui.givenNameEdit.text(),
            preferred_name=self.ui.preferredNameEdit.text(),
            birth_date=birth_date,
            sex=self.ui.sexCombo.currentData(),
            phone=self.ui.phoneEdit.text(),
            email=self.ui.emailEdit.text(),
            mrn=self.ui.mrnEdit.text(),
        )
        try:
            self.created = self._service.register(new)
        except ValidationErrors as errors:
            first = self.errors.show(errors.by_field())
            if first is not None:
                first.setFocus()
            return
        self.accept()
