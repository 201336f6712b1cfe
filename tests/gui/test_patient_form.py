"""The new-patient form as the front desk uses it: keyboard, sentences, duplicates, drafts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.gui.field_errors import INVALID_STYLE
from clinic_desktop.gui.patient_form import DuplicateDialog, PatientFormDialog

FIELD_ORDER = (
    "family_name",
    "given_name",
    "preferred_name",
    "birth_date",
    "sex",
    "weight_kg",
    "height_cm",
    "mrn",
    "phone",
    "email",
    "address",
    "emergency_contact",
    "referring_provider",
    "notes",
)


def open_dialog(qtbot, clinic, settings=None) -> PatientFormDialog:
    dialog = PatientFormDialog(clinic, settings or clinic.settings.load())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: focused() is not None and focused().window() is dialog)
    return dialog


def focused():
    return QApplication.focusWidget()


def test_tab_walks_the_fields_in_form_order(qtbot, clinic):
    dialog = open_dialog(qtbot, clinic)
    fields = dialog.form.binding.fields
    assert focused() is fields["family_name"]
    order = []
    for _ in FIELD_ORDER:
        order.append(next(name for name, widget in fields.items() if widget is focused()))
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert tuple(order) == FIELD_ORDER


def test_a_runner_is_registered_with_every_field_from_the_keyboard(qtbot, clinic, type_text):
    dialog = open_dialog(qtbot, clinic)
    typed = {
        "family_name": "Núñez",
        "given_name": "José",
        "preferred_name": "Pepe",
        "birth_date": "1990-05-17",
        "weight_kg": "72,5",
        "height_cm": "178",
        "mrn": "",
        "phone": "+34 600 123 456",
        "email": "jose@example.com",
        "address": "Calle Mayor 1",
        "emergency_contact": "Ana Núñez 600 999 888",
        "referring_provider": "Dr. Helen Park",
        "notes": "Trail runner",
    }
    for name in FIELD_ORDER:
        if name == "sex":
            qtbot.keyClick(focused(), Qt.Key.Key_Down)
            qtbot.keyClick(focused(), Qt.Key.Key_Down)  # Choose… -> Female -> Male
        else:
            type_text(focused(), typed[name])
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    created = dialog.created
    assert created is not None and dialog.result() == dialog.DialogCode.Accepted
    stored = clinic.patients.details(created.id)
    assert (stored.family_name, stored.given_name, stored.preferred_name) == (
        "Núñez",
        "José",
        "Pepe",
    )
    assert stored.birth_date == dt.date(1990, 5, 17) and stored.sex == "male"
    assert (stored.weight_kg, stored.height_cm) == (72.5, 178.0)
    assert stored.mrn == "P000001" and stored.phone == "+34 600 123 456"
    assert (stored.address, stored.emergency_contact) == ("Calle Mayor 1", "Ana Núñez 600 999 888")
    assert (stored.referring_provider, stored.notes) == ("Dr. Helen Park", "Trail runner")
    assert clinic.drafts.load("patient_form", "new") is None


def test_every_field_shows_its_own_sentence_and_keeps_the_valid_neighbours(qtbot, clinic):
    dialog = open_dialog(qtbot, clinic)
    binding = dialog.form.binding
    good = {
        "family_name": "Kim",
        "given_name": "Bo",
        "birth_date": "1985-04-03",
        "sex": "female",
        "phone": "555 222 3333",
    }
    bad = {
        "family_name": " ",
        "given_name": "",
        "preferred_name": "x" * 81,
        "birth_date": "31/02/1990",
        "sex": "",
        "weight_kg": "300",
        "height_cm": "tall",
        "mrn": "P 1",
        "phone": "12",
        "email": "bo@",
        "address": "x" * 501,
        "emergency_contact": "x" * 201,
        "referring_provider": "x" * 201,
        "notes": "x" * 4001,
    }
    for name, value in bad.items():
        binding.set_values({**good, name: value})
        dialog.save()
        message = binding.message(name)
        assert message, f"no sentence for {name}"
        if name == "birth_date":
            assert message.startswith("Write the date of birth as yyyy-mm-dd")
        assert binding.widget(name).styleSheet() == INVALID_STYLE, name
        others = [n for n in FIELD_ORDER if n != name and binding.message(n)]
        assert others == [], f"{name} also flagged {others}"
        kept = binding.values()
        assert all(kept[n] == v for n, v in good.items() if n != name), name
        assert dialog.created is None and clinic.patients.count() == 0


def test_a_possible_duplicate_offers_the_existing_record_instead(qtbot, clinic):
    on_file = clinic.patients.register(
        NewPatient("Núñez", "José", dt.date(1990, 5, 17), "male", phone="600 123 456")
    )
    dialog = open_dialog(qtbot, clinic)
    dialog.form.binding.set_values(
        {"family_name": "NUNEZ", "given_name": "jose", "birth_date": "1990-05-17", "sex": "male"}
    )
    seen = {}

    def answer_open():
        question = QApplication.activeModalWidget()
        assert isinstance(question, DuplicateDialog)
        seen["text"] = question.match_list.item(0).text()
        qtbot.keyClick(question.match_list, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer_open)
    dialog.save()
    assert "same name and date of birth" in seen["text"] and on_file.mrn in seen["text"]
    assert dialog.open_existing is not None and dialog.open_existing.id == on_file.id
    assert dialog.created is None and clinic.patients.count() == 1


def test_a_different_person_with_the_same_name_can_still_be_registered(qtbot, clinic):
    clinic.patients.register(NewPatient("Kim", "Bo", dt.date(1985, 4, 3), "female"))
    dialog = open_dialog(qtbot, clinic)
    dialog.form.binding.set_values(
        {"family_name": "Kim", "given_name": "Bo", "birth_date": "1985-04-03", "sex": "female"}
    )
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().register_button.click())
    dialog.save()
    assert dialog.created is not None and clinic.patients.count() == 2


def test_typing_is_kept_as_a_draft_and_comes_back_in_the_next_form(qtbot, clinic, type_text):
    dialog = open_dialog(qtbot, clinic)
    type_text(focused(), "Okafor")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # leaving a field keeps the draft
    assert clinic.drafts.load("patient_form", "new").payload["family_name"] == "Okafor"
    dialog.hide()  # as if the application had stopped without closing the form
    again = open_dialog(qtbot, clinic)
    assert again.form.binding.values()["family_name"] == "Okafor"
    assert again.restore_label.isVisible()


def test_escape_closes_the_form_but_keeps_the_typing_until_cleared(qtbot, clinic, type_text):
    dialog = open_dialog(qtbot, clinic)
    type_text(focused(), "Okafor")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.created is None
    again = open_dialog(qtbot, clinic)
    assert again.form.binding.values()["family_name"] == "Okafor"
    again.clear_button.click()
    assert again.form.binding.values()["family_name"] == ""
    assert clinic.drafts.load("patient_form", "new") is None
