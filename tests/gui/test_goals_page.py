"""The Goals tab driven from the keyboard: set a measurable goal, see where it stands, and
trust that bad typing, a second workstation and a discharge never lose or overwrite work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import delete, select

from clinic_desktop.domain.goals import validate_goal
from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.domain.units import convert_force
from clinic_desktop.gui.goals_page import DRAFT_FORM, GoalsPage
from clinic_desktop.services.clinic import open_clinic
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import EpisodeRow, GoalRow, PatientRow
from tests.conftest import sign_in_as

CTRL = Qt.KeyboardModifier.ControlModifier
HIP = "Hip abductor force (dynamometer)"


def _page(qtbot, clinic, settings=None) -> GoalsPage:
    page = GoalsPage(clinic, settings or ClinicSettings())
    qtbot.addWidget(page)
    page.resize(1100, 700)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    return page


@pytest.fixture
def demo_clinic(demo_clinic):
    """The demo clinic with D0037 standing for a runner whose goals are not set yet."""
    with demo_clinic.database.transaction() as session:
        episodes = (
            select(EpisodeRow.id)
            .join(PatientRow, PatientRow.id == EpisodeRow.patient_id)
            .where(PatientRow.mrn == "D0037")
        )
        session.execute(delete(GoalRow).where(GoalRow.episode_id.in_(episodes)))
    return demo_clinic


def _open(page, mrn: str) -> None:
    page.show_patient(page.clinic.patients.search(mrn)[0].id)


def _add_goal(clinic, episode_id: int, **typed):
    fields = validate_goal(clinic.goals.battery, clinic.goals.instruments, **typed)
    return clinic.goals.add(episode_id, fields)


def _cells(page, row: int) -> tuple[str, ...]:
    return page.model.rows[row].cells


def test_a_measurable_goal_is_set_with_the_keyboard_in_the_clinics_force_unit(qtbot, demo_clinic):
    saved = demo_clinic.settings.load()
    demo_clinic.settings.save(saved.with_changes(force_unit="kgf"))
    page = _page(qtbot, demo_clinic, demo_clinic.settings.load())
    _open(page, "D0037")  # an active episode, right side, without goals
    assert page.editable and page.model.rowCount() == 0
    ui = page.editor.ui
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert ui.textEdit.hasFocus()
    qtbot.keyClicks(ui.textEdit, "Hip strong enough for hill running")
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_Tab)
    assert ui.kindCombo.hasFocus()
    qtbot.keyClick(ui.kindCombo, Qt.Key.Key_Down)  # "A battery test"
    assert ui.testCombo.isEnabled() and not ui.questionnaireCombo.isEnabled()
    qtbot.keyClick(ui.kindCombo, Qt.Key.Key_Tab)
    assert ui.testCombo.hasFocus()
    qtbot.keyClicks(ui.testCombo, HIP)
    qtbot.keyClick(ui.testCombo.lineEdit(), Qt.Key.Key_Tab)
    assert ui.sideCombo.currentData() == "right"  # the episode's side is offered
    assert ui.valueUnitLabel.text() == "kgf"
    ui.valueEdit.setFocus()
    qtbot.keyClicks(ui.valueEdit, "18.4")
    qtbot.keyClick(ui.valueEdit, Qt.Key.Key_S, CTRL)

    (goal,) = demo_clinic.goals.list(page.episode.id)
    assert goal.text == "Hip strong enough for hill running"
    assert (goal.target_test_code, goal.target_side) == ("hhd_hip_abductors", "right")
    assert goal.target_value == pytest.approx(convert_force(18.4, "kgf", "N"))
    (standing,) = demo_clinic.goals.standings(page.episode.id)
    target, _date, measured, status = _cells(page, 0)[1:5]
    assert target == f"Right {HIP[:1].lower()}{HIP[1:]} at least 18.4 kgf"
    assert measured.startswith("Right ") and " kgf on " in measured
    assert status == standing.status_words
    assert page.table.currentIndex().row() == 0 and ui.textEdit.text() == goal.text


def test_a_target_out_of_range_is_explained_under_its_field_and_nothing_is_saved(
    qtbot, demo_clinic
):
    page = _page(qtbot, demo_clinic)
    _open(page, "D0037")
    ui = page.editor.ui
    page.new_goal()
    qtbot.keyClicks(ui.textEdit, "Stronger hip")
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("test"))
    qtbot.keyClicks(ui.testCombo, HIP)
    qtbot.keyClicks(ui.valueEdit, "99999")
    qtbot.keyClicks(ui.dateEdit, "2026-12-01")
    qtbot.keyClick(ui.valueEdit, Qt.Key.Key_Return)  # Enter saves; it never discards

    assert demo_clinic.goals.list(page.episode.id) == ()
    assert "between 0 and 1500 N" in page.editor.binding.message("target_value")
    assert page.editor.binding.message("text") == ""
    assert ui.valueEdit.hasFocus()
    # What was right stays typed, so only the wrong figure needs retyping.
    assert ui.textEdit.text() == "Stronger hip" and ui.dateEdit.text() == "2026-12-01"
    ui.valueEdit.clear()
    qtbot.keyClicks(ui.valueEdit, "200")
    qtbot.keyClick(ui.valueEdit, Qt.Key.Key_Return)
    (goal,) = demo_clinic.goals.list(page.episode.id)
    assert goal.target_value == 200 and page.editor.binding.message("target_value") == ""


def test_a_goal_not_met_asks_for_a_note_for_the_discharge_summary(qtbot, demo_clinic):
    page = _page(qtbot, demo_clinic)
    _open(page, "D0037")
    ui = page.editor.ui
    page.new_goal()
    assert ui.noteHintLabel.isHidden()
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData("not_met"))
    assert not ui.noteHintLabel.isHidden() and "note is expected" in ui.noteHintLabel.text()
    qtbot.keyClicks(ui.noteEdit, "Moved away before the last visit.")
    assert "note is expected" not in ui.noteHintLabel.text()


def test_a_stale_save_from_a_second_workstation_is_refused_and_nothing_is_overwritten(
    qtbot, demo_clinic, tmp_path
):
    page = _page(qtbot, demo_clinic)
    _open(page, "D0037")
    _add_goal(demo_clinic, page.episode.id, text="Run 5 km easy")
    _open(page, "D0037")
    other = open_clinic(DatabaseLocation.sqlite_file(tmp_path / "demo.sqlite3"))
    try:
        sign_in_as(other, username="colleague")
        goal = page.goal
        fields = validate_goal(other.goals.battery, other.goals.instruments,
                               text="Run 5 km easy, twice a week")  # fmt: skip
        other.goals.update(goal.id, goal.version, fields)
    finally:
        other.close()
    ui = page.editor.ui
    ui.textEdit.setFocus()
    ui.textEdit.selectAll()
    qtbot.keyClicks(ui.textEdit, "Run 5 km at race pace")
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_S, CTRL)

    (stored,) = demo_clinic.goals.list(page.episode.id)
    assert stored.text == "Run 5 km easy, twice a week"
    assert "Someone else changed this goal" in ui.generalLabel.text()
    assert not ui.generalLabel.isHidden()
    assert ui.textEdit.text() == "Run 5 km at race pace"  # the typing is not thrown away
    assert _cells(page, 0)[0] == "Run 5 km easy, twice a week"  # the table shows theirs
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_Escape)
    assert ui.textEdit.text() == "Run 5 km easy, twice a week"


def test_a_discharged_episodes_goals_are_read_only(qtbot, demo_clinic):
    page = _page(qtbot, demo_clinic)
    _open(page, "D0001")
    ended = page.episode.ended_on.isoformat()
    assert page.note.text() == (
        f"This episode was discharged on {ended}; its goals can no longer be changed."
    )
    assert not page.editable and not page.editor.isEnabled()
    assert page.model.rowCount() == 4
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert len(demo_clinic.goals.list(page.episode.id)) == 4
    # Reading is still possible: Down shows the next goal in the form.
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.editor.ui.textEdit.text() == _cells(page, 1)[0]


def test_a_half_typed_goal_is_kept_as_a_draft_and_offered_back(qtbot, demo_clinic):
    page = _page(qtbot, demo_clinic)
    _open(page, "D0037")
    ui = page.editor.ui
    page.new_goal()
    qtbot.keyClicks(ui.textEdit, "Back to parkrun")
    qtbot.keyClicks(ui.dateEdit, "2027-01-15")
    page.keep_work()
    page.close()

    reopened = _page(qtbot, demo_clinic)
    _open(reopened, "D0037")
    ui = reopened.editor.ui
    assert reopened.goal is None
    assert ui.textEdit.text() == "Back to parkrun" and ui.dateEdit.text() == "2027-01-15"
    assert "not saved is back in the form" in ui.editingLabel.text()
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_S, CTRL)
    (goal,) = demo_clinic.goals.list(reopened.episode.id)
    assert goal.text == "Back to parkrun"
    key = f"episode:{reopened.episode.id}:new-goal"
    assert demo_clinic.drafts.load(DRAFT_FORM, key) is None  # saving discards the draft


def test_up_down_escape_and_delete_in_the_goal_list(qtbot, demo_clinic, monkeypatch):
    page = _page(qtbot, demo_clinic)
    _open(page, "D0037")
    for text in ("First goal", "Second goal", "Third goal"):
        _add_goal(demo_clinic, page.episode.id, text=text)
    _open(page, "D0037")
    ui = page.editor.ui
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert ui.textEdit.text() == "Second goal"
    ui.textEdit.setFocus()
    qtbot.keyClicks(ui.textEdit, " (changed)")
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_Escape)
    assert ui.textEdit.text() == "Second goal"
    assert [g.text for g in demo_clinic.goals.list(page.episode.id)][1] == "Second goal"

    asked = []
    answers = iter((QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or next(answers)
    )
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert len(demo_clinic.goals.list(page.episode.id)) == 3  # "No" keeps it
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert [g.text for g in demo_clinic.goals.list(page.episode.id)] == ["First goal", "Third goal"]
    assert "Second goal" in asked[0]
    assert page.table.currentIndex().row() == 1 and ui.textEdit.text() == "Third goal"


def test_a_patient_without_an_episode_is_told_where_to_start(qtbot, clinic):
    import datetime as dt

    from clinic_desktop.domain.patients import NewPatient

    patient = clinic.patients.register(NewPatient("Moreau", "Léa", dt.date(1990, 5, 1)))
    page = _page(qtbot, clinic)
    page.show_patient(patient.id)
    assert page.episode is None and not page.editor.isEnabled()
    assert "no episode of care yet" in page.note.text()


def test_ctrl_n_in_the_goals_tab_starts_a_goal_and_elsewhere_a_patient(
    qtbot, demo_clinic, tmp_path, monkeypatch
):
    from PySide6.QtCore import QSettings

    from clinic_desktop.gui.main_window import MainWindow

    opened = []
    monkeypatch.setattr(
        "clinic_desktop.gui.main_window.PatientFormDialog.exec", lambda d: opened.append(d) or 0
    )
    window = MainWindow(
        demo_clinic, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(window)
    window.load()
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.open_patient(demo_clinic.patients.search("D0037")[0].id)
    page = next(p for p in window.pages if isinstance(p, GoalsPage))
    window.workspace.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.editor.ui.textEdit.hasFocus())
    qtbot.keyClicks(page.editor.ui.textEdit, "Half typed")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert opened == [] and page.editor.ui.textEdit.hasFocus()
    window.patient_list.search_box.setFocus()
    qtbot.keyClick(window.patient_list.search_box, Qt.Key.Key_N, CTRL)
    assert len(opened) == 1


def test_targets_read_in_words_and_a_single_value_test_has_no_side(qtbot, demo_clinic):
    page = _page(qtbot, demo_clinic)
    _open(page, "D0037")
    _add_goal(
        demo_clinic,
        page.episode.id,
        text="Squat without a pelvic drop",
        target_test_code="single_leg_squat",
        target_side="right",
        target_value="pass",
    )
    _add_goal(demo_clinic, page.episode.id, text="Hold a plank", target_test_code="front_plank_s",
              target_value="90")  # fmt: skip
    _open(page, "D0037")
    assert _cells(page, 0)[1] == "Right single-leg squat passed"
    assert _cells(page, 1)[1] == "Front plank hold at least 90 s"
    ui = page.editor.ui
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert ui.testCombo.currentText() == "Front plank hold" and ui.valueEdit.text() == "90"
    assert not ui.sideCombo.isEnabled() and ui.valueUnitLabel.text() == "seconds"
