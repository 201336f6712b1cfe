"""The Return to run tab driven from the keyboard, as a therapist uses it at discharge."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from clinic_desktop.gui.return_to_run_page import ReturnToRunPage
from clinic_desktop.storage.models import (
    EpisodeRow,
    MeasurementRow,
    PatientRow,
    RunningProfileRow,
    VisitRow,
)

VISIT_DAY = dt.date(2026, 9, 14)
MEASURED = {
    "single_leg_squat": ("pass_fail", 1, 1),
    "heel_raise_reps": ("reps", 30, 29),
    "hhd_quadriceps": ("N", 400, 380),
    "hhd_hamstrings": ("N", 250, 240),
    "hhd_hip_abductors": ("N", 200, 190),
    "hhd_calf": ("N", 700, 690),
}


def judge_on(clinic, day: dt.date) -> None:
    """Date the verdicts (and count ages) on ``day`` instead of today."""
    service = clinic.return_to_run
    service = service.resolve() if hasattr(service, "resolve") else service  # built on first use
    service._today = lambda: day


@pytest.fixture
def patient_id(clinic) -> int:
    """A runner at a draft re-evaluation with everything measured but the yes/no items."""
    judge_on(clinic, VISIT_DAY)
    with clinic.database.transaction() as session:
        patient = PatientRow(
            mrn="P000021",
            family_name="Lindqvist",
            given_name="Ingrid",
            sex="female",
            birth_date=dt.date(1990, 2, 3),
        )
        session.add(patient)
        session.flush()
        episode = EpisodeRow(
            patient_id=patient.id,
            kind="injury",
            side="right",
            started_on=dt.date(2026, 7, 1),
            diagnosis_label="Patellofemoral pain",
        )
        session.add(episode)
        session.flush()
        session.add(RunningProfileRow(episode_id=episode.id, weekly_km_before=25.0))
        visit = VisitRow(
            episode_id=episode.id, visit_date=VISIT_DAY, kind="re_evaluation", pain_now=1
        )
        session.add(visit)
        session.flush()
        for code, (unit, left, right) in MEASURED.items():
            for side, value in (("left", left), ("right", right)):
                session.add(
                    MeasurementRow(
                        visit_id=visit.id,
                        test_code=code,
                        side=side,
                        mode="none",
                        value=value,
                        unit=unit,
                    )
                )
        return patient.id


def open_page(qtbot, clinic, patient_id) -> ReturnToRunPage:
    page = ReturnToRunPage(clinic, clinic.settings.load())
    qtbot.addWidget(page)
    page.resize(1400, 860)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.messages = []
    page.status_message.connect(page.messages.append)
    page.show_patient(patient_id)
    return page


def choose(qtbot, combo, letter: str) -> None:
    combo.setFocus()
    qtbot.keyClicks(combo, letter)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def type_run(qtbot, page, date: str, *fields: str) -> None:
    """Type a run the way the therapist does: date, then Tab from field to field, Enter."""
    date_field = page.log_panel.inputs["run_date"]
    type_into(qtbot, date_field, date)
    for text in fields:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def verdict_text(page) -> str:
    return page.readiness.verdict_label.text()


def test_readiness_plan_and_a_log_with_one_breach_from_the_keyboard(qtbot, clinic, patient_id):
    page = open_page(qtbot, clinic, patient_id)
    assert "Incomplete (3 criteria not tested)" in verdict_text(page)

    # The two yes/no items, answered for the visit, are judged at once.
    choose(qtbot, page.readiness.walk, "Y")
    choose(qtbot, page.readiness.hop_left, "Y")
    assert "Incomplete (1 criterion not tested)" in verdict_text(page)
    choose(qtbot, page.readiness.hop_right, "Y")
    assert "Ready to start walk/run" in verdict_text(page)
    statuses = [row.cells[0] for row in page.readiness.model.rows]
    assert statuses == ["\u2713 Met"] * 9
    assert page.state.answer("hops_pain_free_10", "right").passed is True

    # The plan: phase 1, three days a week, from a chosen day.
    type_into(qtbot, page.plan_panel.start_date, "2026-09-16")
    qtbot.keyClick(page.plan_panel.start_date, Qt.Key.Key_Return)
    plan = page.state.plan
    assert plan is not None and plan.readiness.headline == "Ready to start walk/run"
    assert [row.cells[0] for row in page.plan_panel.model.rows] == ["1", "2", "3", "4", "5", "6"]
    assert page.plan_panel.model.rows[0].cells[1:5] == (
        "Walk 2 min, run 3 min",
        "1.6 km",
        "3",
        "2",
    )
    assert "week 16" not in page.plan_panel.after.text()  # a 25 km target is reached sooner
    assert page.log_panel.inputs["run_date"].text() == "2026-09-16"

    # Three runs; the third hurt 5/10 during the run.
    type_run(qtbot, page, "2026-09-16", "1.6", "15:30", "2/3", "3", "1", "1", "0")
    assert page.log_panel.inputs["run_date"].text() == "2026-09-18"  # a rest day after
    type_run(qtbot, page, "2026-09-18", "1.6", "15", "2/3", "3", "2", "1", "0")
    type_run(qtbot, page, "2026-09-20", "2.4", "22", "2/3", "4", "5", "3", "0")
    runs = page.state.runs
    assert [r.pain_during for r in runs] == [1, 2, 5]
    assert runs[0].duration_min == 15.5 and runs[2].distance_km == 2.4
    assert [b.code for b in page.state.breaches] == ["pain_during"]
    checks = [row.cells[8] for row in page.log_panel.model.rows]
    assert checks == ["\u2713", "\u2713", "\u26a0 pain during"]
    advice = page.log_panel.advice.text()
    assert "Pain during the run 5/10, above 3/10." in advice
    assert "Stop the run when pain goes above 3/10, and repeat the previous phase" in advice


def test_a_run_that_cannot_be_read_is_refused_next_to_its_field(qtbot, clinic, patient_id):
    page = open_page(qtbot, clinic, patient_id)
    type_run(qtbot, page, "2026-09-16", "1.6", "15", "fast", "3", "12")
    assert page.state.runs == ()
    errors = page.log_panel.errors.text()
    assert "Walk/run: Write walk/run minutes such as 2/3" in errors
    assert "Pain during: Pain during the run is a whole number from 0 to 10." in errors
    assert QApplication.focusWidget() is page.log_panel.inputs["intervals"]
    assert page.log_panel.inputs["distance"].text() == "1.6"  # what was typed stays


def test_a_plan_for_a_runner_not_ready_needs_confirmation(qtbot, clinic, patient_id, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda *args, **kwargs: asked.append(args[2]) or QMessageBox.StandardButton.No,
    )
    page = open_page(qtbot, clinic, patient_id)
    type_into(qtbot, page.plan_panel.start_date, "2026-09-16")
    qtbot.keyClick(page.plan_panel.start_date, Qt.Key.Key_Return)
    assert "Incomplete (3 criteria not tested)" in asked[0]
    assert page.state.plan is None


def test_a_run_typed_but_not_added_comes_back(qtbot, clinic, patient_id, type_text):
    page = open_page(qtbot, clinic, patient_id)
    page.log_panel.inputs["notes"].setFocus()
    type_text(page.log_panel.inputs["notes"], "Knäet kändes stelt")
    page.keep_work()
    again = open_page(qtbot, clinic, patient_id)
    assert again.log_panel.inputs["notes"].text() == "Knäet kändes stelt"
    assert any("kept" in message for message in again.messages)


def test_ctrl_s_adds_the_run_being_typed(qtbot, clinic, patient_id):
    page = open_page(qtbot, clinic, patient_id)
    type_into(qtbot, page.log_panel.inputs["run_date"], "2026-09-16")
    type_into(qtbot, page.log_panel.inputs["duration"], "20")
    qtbot.keyClick(
        page.log_panel.inputs["duration"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    assert [r.duration_min for r in page.state.runs] == [20.0]


def test_an_admin_changes_the_criteria_and_the_verdict_names_the_new_version(
    qtbot, clinic, patient_id
):
    from clinic_desktop.gui.readiness_criteria_dialog import ReadinessCriteriaDialog

    service = clinic.return_to_run
    settings = service.criteria()

    def save(applies, thresholds, cap, version):
        return service.save_criteria(
            applies=applies,
            thresholds=thresholds,
            weekly_cap_percent=cap,
            expected_version=version,
        )

    dialog = ReadinessCriteriaDialog(
        settings,
        service.criteria_versions(),
        may_change=True,
        save=save,
        date_format="yyyy-mm-dd",
    )
    qtbot.addWidget(dialog)
    codes = [dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(9)]
    walk_row = codes.index("walk_30min")
    dialog.table.item(walk_row, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.table.item(codes.index("hops_pain_free"), 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.thresholds["pain"].setValue(3)
    dialog.cap.setValue(15)
    dialog._accept()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.saved.version == 2
    page = open_page(qtbot, clinic, patient_id)
    verdict = page.state.verdict
    # The hop answers still give the pain with hopping, which is not recorded yet.
    assert (
        verdict.criteria_version == 2 and verdict.headline == "Incomplete (1 criterion not tested)"
    )
    assert verdict.evaluated_on == VISIT_DAY
    assert [r.code for r in verdict.results][:2] == ["pain", "single_leg_squat"]
    assert verdict.result("pain").title == "Pain at rest and with hopping: at most 3/10"
    assert "version 2" in page.readiness.basis_label.text()
    assert page.plan_panel.cap.value() == 15


def test_without_the_admin_role_the_criteria_are_shown_read_only(qtbot, clinic, patient_id):
    from clinic_desktop.gui.readiness_criteria_dialog import ReadinessCriteriaDialog

    settings = clinic.return_to_run.criteria()
    dialog = ReadinessCriteriaDialog(
        settings, (settings,), may_change=False, save=None, date_format="yyyy-mm-dd"
    )
    qtbot.addWidget(dialog)
    assert not dialog.thresholds["strength_calf"].isEnabled() and not dialog.cap.isEnabled()
    assert "needs the admin role" in dialog.about.text()
    sources = [dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())]
    assert any(text.startswith("Clinic default") for text in sources)
    assert any("Rambaud 2018" in text for text in sources)


def test_the_admin_menu_opens_the_return_to_run_criteria_for_an_admin_only(
    qtbot, demo_clinic, tmp_path, monkeypatch
):
    from PySide6.QtCore import QSettings

    from clinic_desktop.domain.access import Role
    from clinic_desktop.gui import readiness_criteria_dialog
    from clinic_desktop.gui.main_window import MainWindow
    from tests.conftest import sign_in_as

    shown = []
    monkeypatch.setattr(
        readiness_criteria_dialog.ReadinessCriteriaDialog,
        "exec",
        lambda dialog: shown.append(dialog.cap.isEnabled()) or 0,
    )
    sign_in_as(demo_clinic, {Role.ADMIN}, username="admin-only")
    main = MainWindow(demo_clinic, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.load()
    assert main.criteria_action.isEnabled()
    main.criteria_action.trigger()
    assert shown == [True]
    sign_in_as(demo_clinic, {Role.THERAPIST}, username="therapist-only")
    main.apply_permissions()
    assert not main.criteria_action.isEnabled()
