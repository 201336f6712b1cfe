"""Settings and new-patient dialogs: sentences next to fields, nothing saved until valid."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import Qt

from clinic_desktop.gui.new_patient_dialog import NewPatientDialog
from clinic_desktop.gui.settings_dialog import SettingsDialog


def test_an_empty_clinic_name_is_refused_next_to_the_field(qtbot, clinic):
    dialog = SettingsDialog(clinic.settings)
    qtbot.addWidget(dialog)
    dialog.ui.clinicNameEdit.clear()
    dialog.save()
    assert dialog.errors.message("clinic_name") == "Enter the clinic's name."
    assert dialog.result() == 0 and dialog.saved is None
    assert clinic.settings.load().version == 0  # nothing saved


def test_valid_settings_are_saved_and_shared(qtbot, clinic):
    dialog = SettingsDialog(clinic.settings)
    qtbot.addWidget(dialog)
    dialog.ui.clinicNameEdit.setText("Stride Running Clinic")
    dialog.ui.forceUnitCombo.setCurrentIndex(dialog.ui.forceUnitCombo.findData("lbf"))
    dialog.save()
    assert dialog.saved is not None
    assert clinic.settings.load().force_unit == "lbf"


def test_a_logo_that_is_not_a_picture_or_too_big_is_refused(qtbot, clinic, tmp_path):
    dialog = SettingsDialog(clinic.settings)
    qtbot.addWidget(dialog)
    text_file = tmp_path / "logo.png"
    text_file.write_text("not a picture")
    assert not dialog.load_logo_file(text_file)
    assert "not a picture" in dialog.errors.message("logo")
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG" + b"\x00" * (2 * 1024 * 1024 + 10))
    assert not dialog.load_logo_file(huge)
    assert "at most 2 MB" in dialog.errors.message("logo")
    good = tmp_path / "good.png"
    buffer = io.BytesIO()
    Image.new("RGB", (60, 30), (0, 80, 160)).save(buffer, format="PNG")
    good.write_bytes(buffer.getvalue())
    assert dialog.load_logo_file(good)
    assert dialog.errors.message("logo") == ""


def test_a_new_patient_is_registered_from_the_keyboard(qtbot, clinic, type_text):
    dialog = NewPatientDialog(clinic.patients)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.familyNameEdit.setFocus()
    type_text(dialog.ui.familyNameEdit, "Núñez")
    qtbot.keyClick(dialog.ui.familyNameEdit, Qt.Key.Key_Tab)
    type_text(dialog.focusWidget(), "José")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)  # past the preferred name
    qtbot.keyClicks(dialog.focusWidget(), "1990-05-17")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.created is not None and dialog.created.given_name == "José"
    assert [p.name for p in clinic.patients.search("jose nunez")] == ["Núñez, José"]


def test_bad_fields_get_sentences_and_valid_neighbours_are_kept(qtbot, clinic):
    dialog = NewPatientDialog(clinic.patients, date_format="dd/mm/yyyy")
    qtbot.addWidget(dialog)
    dialog.ui.familyNameEdit.setText("Kim")
    dialog.ui.birthDateEdit.setText("31/02/1990")
    dialog.save()
    assert "Write the date of birth as dd/mm/yyyy" in dialog.errors.message("birth_date")
    dialog.ui.birthDateEdit.setText("01/02/1990")
    dialog.ui.emailEdit.setText("kim@")
    dialog.save()
    assert dialog.errors.message("given_name") == "Enter the patient's given name."
    assert "name@example.com" in dialog.errors.message("email")
    assert dialog.ui.familyNameEdit.text() == "Kim"
    assert dialog.created is None and clinic.patients.count() == 0
