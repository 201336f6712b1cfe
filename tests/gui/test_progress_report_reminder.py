"""The patient header reminds the therapist when a progress report is due, calmly, and
only to users who may read clinical records."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings

from clinic_desktop.domain.access import Role
from clinic_desktop.domain.episodes import EpisodeForm
from clinic_desktop.domain.registration import NewPatient
from clinic_desktop.gui.main_window import MainWindow
from clinic_desktop.gui.patient_header import ALERT_STYLE, REMINDER_STYLE
from clinic_desktop.gui.settings_dialog import SettingsDialog
from clinic_desktop.storage.models import DocumentRow
from tests.conftest import DEMO_ANCHOR, sign_in_as

EVALUATED_ON = dt.date(2026, 9, 1)
TENTH_VISIT_ON = dt.date(2026, 9, 20)


def on_day(clinic, day: dt.date) -> None:
    clinic.reminders.resolve()._today = lambda: day


def open_window(qtbot, clinic, tmp_path) -> MainWindow:
    ui_state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(clinic, ui_state)
    qtbot.addWidget(window)
    window.load()
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def runner_due(clinic) -> int:
    """A runner with ten attended visits since the initial evaluation, dated so that the
    tenth is 'today'."""
    patient = clinic.patients.register(
        NewPatient(family_name="Ó Briain", given_name="Siún", birth_date=dt.date(1992, 2, 14))
    )
    episode = clinic.intake.start_episode(
        patient.id,
        EpisodeForm(kind="performance", side="none", started_on=EVALUATED_ON.isoformat()),
    )
    for i in range(10):
        day = EVALUATED_ON + dt.timedelta(days=1 + 2 * i)
        clinic.assessments.start_visit(episode.id, "follow_up", day)
    on_day(clinic, TENTH_VISIT_ON)
    return patient.id


def test_the_header_shows_a_due_report_until_one_is_generated(qtbot, clinic, runner_due, tmp_path):
    window = open_window(qtbot, clinic, tmp_path)
    window.open_patient(runner_due)
    reminder = window.header.reminder
    assert reminder.isVisible()
    assert reminder.text() == "Progress report due: 10 visits since the evaluation of 2026-09-01."
    assert reminder.styleSheet() == REMINDER_STYLE != ALERT_STYLE  # calm, not a red flag
    assert not window.header.alerts.isVisible()

    generated = clinic.reports.generate(runner_due, "progress")
    with clinic.database.transaction() as session:  # made on the day of the tenth visit
        session.get(DocumentRow, generated.document_id).created_at = dt.datetime.combine(
            TENTH_VISIT_ON, dt.time(15, 0)
        )
    window.pages[0].record_changed.emit()
    assert not reminder.isVisible() and reminder.text() == ""


def test_the_front_desk_never_sees_it_nor_runs_the_clinical_query(
    qtbot, clinic, runner_due, tmp_path
):
    therapist_window = open_window(qtbot, clinic, tmp_path)
    therapist_window.open_patient(runner_due)
    assert therapist_window.header.reminder.isVisible()
    therapist_window.close()

    sign_in_as(clinic, frozenset({Role.FRONT_DESK}), username="desk")
    calls = []
    service = clinic.reminders.resolve()
    original = service.progress_report_due
    service.progress_report_due = lambda patient_id: (
        calls.append(patient_id) or original(patient_id)
    )
    window = open_window(qtbot, clinic, tmp_path)
    window.open_patient(runner_due)
    assert window.right.currentWidget() is window.patient_area
    assert not window.header.reminder.isVisible()
    assert calls == []


def test_raising_the_clinics_visit_limit_in_the_settings_clears_the_open_patients_line(
    qtbot, clinic, runner_due, tmp_path, monkeypatch
):
    window = open_window(qtbot, clinic, tmp_path)
    window.open_patient(runner_due)
    assert window.header.reminder.isVisible()

    def type_and_save(dialog):
        dialog.ui.reportVisitsSpin.setValue(12)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", type_and_save)
    window.edit_settings()
    assert clinic.settings.load().progress_report_visits == 12
    assert not window.header.reminder.isVisible()


def test_a_demo_runner_seen_a_month_ago_is_due_on_the_demo_day(qtbot, demo_clinic, tmp_path):
    on_day(demo_clinic, DEMO_ANCHOR)
    window = open_window(qtbot, demo_clinic, tmp_path)
    window.open_patient(demo_clinic.patients.search("D0009")[0].id)
    assert window.header.reminder.text() == (
        "Progress report due: 31 days since the re-evaluation of 2026-10-02."
    )
    window.open_patient(demo_clinic.patients.search("D0001")[0].id)  # discharged
    assert not window.header.reminder.isVisible()
