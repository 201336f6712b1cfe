"""The settings dialog: sentences next to fields, nothing saved until valid.

The new-patient form has its own tests in test_patient_form.py.
"""

from __future__ import annotations

import io

from PIL import Image

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
