"""The Reports tab of the settings dialog: when a progress report falls due, and the advice
reports print."""

from __future__ import annotations

from PySide6.QtCore import Qt

from clinic_desktop.domain.self_management import load_advice
from clinic_desktop.gui.settings_dialog import SettingsDialog


def open_dialog(qtbot, clinic) -> SettingsDialog:
    dialog = SettingsDialog(clinic.settings)
    qtbot.addWidget(dialog)
    return dialog


def test_the_interval_and_the_clinics_advice_are_saved_and_shown_again(qtbot, clinic, type_text):
    dialog = open_dialog(qtbot, clinic)
    ui = dialog.ui
    assert (ui.reportVisitsSpin.value(), ui.reportDaysSpin.value()) == (10, 30)
    ui.reportVisitsSpin.setValue(12)
    ui.reportDaysSpin.setValue(21)
    ui.adviceEdit.setFocus()
    type_text(ui.adviceEdit, "Keep to the plan.")
    qtbot.keyClick(ui.adviceEdit, Qt.Key.Key_Return)  # a new line, never the Save button
    type_text(ui.adviceEdit, "Étirements après chaque course.")
    assert dialog.saved is None
    dialog.save()
    assert dialog.saved is not None
    saved = clinic.settings.load()
    assert (saved.progress_report_visits, saved.progress_report_days) == (12, 21)
    assert saved.advice_lines == ("Keep to the plan.", "Étirements après chaque course.")

    again = open_dialog(qtbot, clinic)
    assert (again.ui.reportVisitsSpin.value(), again.ui.reportDaysSpin.value()) == (12, 21)
    assert again.ui.adviceEdit.toPlainText().splitlines() == list(saved.advice_lines)
    assert not again.ui.shippedAdviceButton.isEnabled()  # it would replace the clinic's lines


def test_an_interval_out_of_bounds_gets_its_sentence_and_nothing_is_saved(qtbot, clinic):
    dialog = open_dialog(qtbot, clinic)
    dialog.ui.reportVisitsSpin.setValue(0)
    dialog.ui.reportDaysSpin.setValue(400)
    dialog.save()
    assert dialog.report_errors.message("progress_report_visits") == (
        "A progress report falls due after 1 to 50 visits."
    )
    assert dialog.report_errors.message("progress_report_days") == (
        "A progress report falls due after 1 to 365 days."
    )
    assert dialog.ui.tabs.currentWidget() is dialog.ui.reportsTab
    assert dialog.saved is None and clinic.settings.load().version == 0

    dialog.ui.reportVisitsSpin.setValue(15)
    dialog.ui.reportDaysSpin.setValue(45)
    dialog.save()
    assert dialog.report_errors.message("progress_report_visits") == ""
    assert clinic.settings.load().progress_report_days == 45


def test_refusals_on_both_tabs_show_the_first_and_name_the_other(qtbot, clinic):
    dialog = open_dialog(qtbot, clinic)
    dialog.ui.reportsTab.show()
    dialog.ui.tabs.setCurrentWidget(dialog.ui.reportsTab)
    dialog.ui.clinicNameEdit.clear()
    dialog.ui.reportDaysSpin.setValue(0)
    dialog.save()
    assert dialog.ui.tabs.currentWidget() is dialog.ui.clinicTab
    assert dialog.errors.message("clinic_name") == "Enter the clinic's name."
    assert "after 1 to 365 days" in dialog.report_errors.message("progress_report_days")
    assert dialog.ui.statusLabel.text() == "Check the Reports tab too: a setting there is refused."
    assert clinic.settings.load().version == 0


def test_an_empty_advice_box_shows_the_shipped_advice_and_can_start_from_it(qtbot, clinic):
    dialog = open_dialog(qtbot, clinic)
    shipped = load_advice()
    edit = dialog.ui.adviceEdit
    assert edit.toPlainText() == ""
    assert [line for line in edit.placeholderText().splitlines() if line] == list(shipped)
    assert dialog.ui.shippedAdviceButton.isEnabled()
    qtbot.mouseClick(dialog.ui.shippedAdviceButton, Qt.MouseButton.LeftButton)
    assert [line for line in edit.toPlainText().splitlines() if line] == list(shipped)
    assert not dialog.ui.shippedAdviceButton.isEnabled()
    edit.appendPlainText("Bring your running shoes to every visit.")
    dialog.save()
    assert clinic.settings.load().advice_lines == (
        *shipped,
        "Bring your running shoes to every visit.",
    )


def test_an_empty_advice_box_is_saved_as_the_shipped_advice(qtbot, clinic):
    clinic.settings.save(clinic.settings.load().with_changes(self_management_advice="Our line."))
    dialog = open_dialog(qtbot, clinic)
    dialog.ui.adviceEdit.clear()
    assert dialog.ui.shippedAdviceButton.isEnabled()
    dialog.save()
    assert clinic.settings.load().self_management_advice is None
