"""The Assessment tab driven from the keyboard, as a therapist uses it during an evaluation."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from clinic_desktop.domain.assessment_values import CellKey
from clinic_desktop.gui.assessment_grid import LEFT, LSI, RIGHT
from clinic_desktop.gui.assessment_page import AssessmentPage
from clinic_desktop.storage.models import EpisodeRow, MeasurementRow, PatientRow

# The lower-quarter range-of-motion battery, left and right, as typed in the clinic.
ROM_BATTERY = {
    "hip_flexion": ("118", "120"),
    "hip_extension": ("12", "18"),
    "hip_abduction": ("40", "45"),
    "hip_adduction": ("25", "28"),
    "hip_internal_rotation": ("32", "38"),
    "hip_external_rotation": ("40", "42"),
    "knee_flexion": ("130", "138"),
    "knee_extension": ("0", "0"),
    "ankle_dorsiflexion_knee_flexed": ("12", "18"),
    "ankle_dorsiflexion_knee_extended": ("8", "12"),
    "knee_to_wall": ("9", "11"),
    "ankle_plantarflexion": ("48", "52"),
    "ankle_inversion": ("30", "34"),
    "ankle_eversion": ("12", "15"),
    "mtp1_extension": ("60", "68"),
}


@pytest.fixture
def patient_id(clinic) -> int:
    with clinic.database.transaction() as session:
        patient = PatientRow(
            mrn="P000001",
            family_name="Okafor",
            given_name="Ada",
            sex="female",
            birth_date=dt.date(1990, 5, 1),
            weight_kg=60.0,
        )
        session.add(patient)
        session.flush()
        session.add(
            EpisodeRow(
                patient_id=patient.id,
                kind="injury",
                side="right",
                started_on=dt.date.today() - dt.timedelta(days=3),
                diagnosis_label="Patellofemoral pain",
                diagnosis_code="M22.2X1",
            )
        )
        return patient.id


def open_page(qtbot, clinic, patient_id, settings=None) -> AssessmentPage:
    widget = AssessmentPage(clinic, settings or clinic.settings.load())
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    with qtbot.waitActive(widget):
        widget.show()
        widget.activateWindow()
    messages: list[str] = []
    widget.status_message.connect(messages.append)
    widget.messages = messages
    widget.show_patient(patient_id)
    return widget


@pytest.fixture
def page(qtbot, clinic, patient_id):
    widget = open_page(qtbot, clinic, patient_id)
    widget.start_visit()  # the first visit of the episode: an initial evaluation
    return widget


class Keyboard:
    """Presses keys on whatever has the focus, and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.presses: list[str] = []

    def target(self):
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        for char in text:
            self.qtbot.keyClick(self.target(), char)
            self.presses.append(char)

    def press(self, key, name: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.target(), key, modifier)
        self.presses.append(name)


def stored(clinic) -> dict[tuple[str, str, str], float]:
    with clinic.database.reading() as session:
        rows = session.scalars(select(MeasurementRow))
        return {(r.test_code, r.side, r.mode): r.value for r in rows}


def current_key(page) -> CellKey | None:
    return page.model.cell_key(page.grid.currentIndex())


def test_a_full_bilateral_lower_quarter_rom_battery_is_entered_with_digits_tab_and_enter(
    qtbot, page, clinic
):
    keys = Keyboard(qtbot)
    page.grid.setFocus()
    assert current_key(page) == CellKey("hip_flexion", "left", "active")
    last = list(ROM_BATTERY)[-1]
    for row in page.model.rows():
        if stored(clinic).get((last, "right", "active")) is not None:
            break
        if current_key(page) is None or current_key(page).test_code != row.test.code:
            continue  # a row already passed by Enter
        if row.test.code in ROM_BATTERY:
            left, right = ROM_BATTERY[row.test.code]
            keys.type(left)
            keys.press(Qt.Key.Key_Tab, "Tab")
            keys.type(right)
            keys.press(Qt.Key.Key_Tab, "Tab")
        else:  # strength rows between the range-of-motion rows are skipped with Enter
            keys.press(Qt.Key.Key_Return, "Enter")

    expected = {
        (code, side, "active"): float(value)
        for code, values in ROM_BATTERY.items()
        for side, value in zip(("left", "right"), values, strict=True)
    }
    assert stored(clinic) == expected
    assert set(keys.presses) <= set("0123456789") | {"Tab", "Enter"}
    digits = sum(len(left) + len(right) for left, right in ROM_BATTERY.values())
    tabs, enters = keys.presses.count("Tab"), keys.presses.count("Enter")
    # 30 values: 60 digits, a Tab after each value, and Enter over the 10 strength rows
    # between them (a visit planned with range of motion only needs no Enter at all).
    assert (digits, tabs, enters) == (60, 30, 10)
    assert len(keys.presses) == 100
    assert "Knee-to-wall" not in page.summary.text()  # 9 vs 11 cm: within the 2 cm flag


def test_enter_moves_down_and_the_summary_follows_each_value(qtbot, page):
    keys = Keyboard(qtbot)
    page.grid.setFocus()
    keys.type("90")
    keys.press(Qt.Key.Key_Return, "Enter")
    assert current_key(page) == CellKey("hip_extension", "left", "active")
    assert "Hip flexion: L 90° (75%); norm 120°" in page.summary.text()


def test_bad_input_turns_the_cell_red_with_its_sentence_and_keeps_the_rest_of_the_row(
    qtbot, page, clinic
):
    keys = Keyboard(qtbot)
    knee = page.model.index_of(CellKey("knee_flexion", "left", "active"))
    page.grid.setCurrentIndex(knee)
    page.grid.setFocus()
    keys.type("200")
    keys.press(Qt.Key.Key_Tab, "Tab")
    keys.type("135")
    keys.press(Qt.Key.Key_Tab, "Tab")
    sentence = "Knee flexion must be between -20 and 170 degrees."
    assert page.model.data(knee, Qt.ItemDataRole.ToolTipRole) == sentence
    assert page.model.data(knee, Qt.ItemDataRole.DisplayRole) == "200"
    assert page.model.data(knee, Qt.ItemDataRole.BackgroundRole) is not None
    assert sentence in page.messages
    assert stored(page.clinic) == {("knee_flexion", "right", "active"): 135.0}

    for code, text in (
        ("mmt_quadriceps", "6"),
        ("mmt_quadriceps", "4++"),
        ("single_hop_cm", "0"),
        ("hip_flexion", "abc"),
    ):
        index = page.model.index_of(
            CellKey(code, "left", "none" if code != "hip_flexion" else "active")
        )
        page.grid.setCurrentIndex(index)
        keys.type(text)
        keys.press(Qt.Key.Key_Return, "Enter")
        assert page.model.error_at(index), (code, text)
        assert page.messages[-1] == page.model.error_at(index)
    assert set(stored(clinic)) == {("knee_flexion", "right", "active")}

    page.grid.setCurrentIndex(knee)
    keys.type("128")
    keys.press(Qt.Key.Key_Return, "Enter")
    assert page.model.error_at(knee) == ""
    assert stored(clinic)[("knee_flexion", "left", "active")] == 128.0


def test_grades_are_typed_as_kendall_grades_and_ctrl_d_copies_left_to_right(qtbot, page, clinic):
    keys = Keyboard(qtbot)
    index = page.model.index_of(CellKey("mmt_hip_abductors", "left", "none"))
    page.grid.setCurrentIndex(index)
    page.grid.setFocus()
    keys.type("4+")
    keys.press(Qt.Key.Key_D, "Ctrl+D", Qt.KeyboardModifier.ControlModifier)
    assert stored(clinic)[("mmt_hip_abductors", "left", "none")] == 9.0
    assert stored(clinic)[("mmt_hip_abductors", "right", "none")] == 9.0
    assert current_key(page) == CellKey("mmt_hip_extensors", "left", "none")
    assert page.model.data(index.siblingAtColumn(RIGHT)) == "4+"


def test_forces_are_typed_and_shown_in_the_clinic_unit_with_n_per_kg(qtbot, clinic, patient_id):
    settings = clinic.settings.load().with_changes(force_unit="kgf")
    page = open_page(qtbot, clinic, patient_id, settings)
    page.start_visit()
    keys = Keyboard(qtbot)
    left = page.model.index_of(CellKey("hhd_quadriceps", "left", "none"))
    page.grid.setCurrentIndex(left)
    page.grid.setFocus()
    keys.type("40")
    keys.press(Qt.Key.Key_Tab, "Tab")
    keys.type("30")
    keys.press(Qt.Key.Key_Tab, "Tab")
    assert stored(clinic)[("hhd_quadriceps", "left", "none")] == pytest.approx(392.266)
    assert page.model.data(left) == "40 kgf · 6.54 N/kg"
    assert page.model.data(left.siblingAtColumn(LSI)) == "75%"
    assert "Quadriceps force (dynamometer): LSI 75%, below 90%." in page.summary.text()


def test_ctrl_p_marks_the_value_just_typed_as_painful(qtbot, page, clinic):
    keys = Keyboard(qtbot)
    page.grid.setFocus()
    keys.type("100")
    keys.press(Qt.Key.Key_P, "Ctrl+P", Qt.KeyboardModifier.ControlModifier)
    record = clinic.assessments.record(page.model.record.visit.id)
    assert record.measurement(CellKey("hip_flexion", "left", "active")).painful
    assert "Painful" in page.summary.text()


def test_a_follow_up_starts_with_the_previous_tests_and_shows_the_change(qtbot, page, clinic):
    keys = Keyboard(qtbot)
    page.grid.setFocus()
    keys.type("100")
    keys.press(Qt.Key.Key_Tab, "Tab")
    keys.type("120")
    keys.press(Qt.Key.Key_Tab, "Tab")
    first = page.model.record.visit
    clinic.assessments.set_plan(first.id, ("hip_flexion",), expected_version=first.version)
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("follow_up"))
    page.start_visit()
    assert [row.test.code for row in page.model.rows()] == ["hip_flexion"]
    assert page.model.record.measurements == ()
    page.grid.setFocus()
    keys.type("110")
    keys.press(Qt.Key.Key_Return, "Enter")
    change = page.model.index_of(CellKey("hip_flexion", "left", "active")).siblingAtColumn(7)
    assert page.model.data(change) == "L +10°\u25b2"


def test_a_signed_visit_is_changed_only_through_an_amendment_with_a_reason(
    qtbot, page, clinic, monkeypatch
):
    keys = Keyboard(qtbot)
    page.grid.setFocus()
    keys.type("100")
    keys.press(Qt.Key.Key_Return, "Enter")
    visit = page.model.record.visit
    clinic.assessments.sign(visit.id, expected_version=visit.version)
    page.open_visit(visit.id)
    assert page.model.locked and "locked" in page.info.text()

    opened = []

    def fake_exec(dialog):
        opened.append(dialog)
        dialog.value_edit.setText("104")
        dialog.accept()  # no reason: refused next to the field, dialog stays open
        assert dialog.errors.message("reason") == "Give the reason for changing a signed value."
        dialog.reason_edit.setText("Misread the goniometer")
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr("clinic_desktop.gui.assessment_dialogs.AmendDialog.exec", fake_exec)
    cell = page.model.index_of(CellKey("hip_flexion", "left", "active"))
    page.grid.setCurrentIndex(cell)
    keys.type("1")  # typing on a locked value asks for an amendment instead
    assert len(opened) == 1
    assert stored(clinic)[("hip_flexion", "left", "active")] == 104.0
    assert "Misread the goniometer" in page.model.data(cell, Qt.ItemDataRole.ToolTipRole)


def test_open_visit_selects_a_visit_for_the_progress_screen(qtbot, page, clinic):
    first = page.model.record.visit
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("follow_up"))
    page.start_visit()
    assert page.model.record.visit.id != first.id
    page.open_visit(first.id)
    assert page.model.record.visit.id == first.id
    assert page.visit_combo.currentData() == first.id


def test_the_value_being_typed_is_kept_as_a_draft_and_offered_back(qtbot, page, clinic, patient_id):
    keys = Keyboard(qtbot)
    page.grid.setFocus()
    keys.type("11")  # not committed yet
    visit_id = page.model.record.visit.id
    page.keep_work()  # what the workspace asks before a lock or a change of patient
    draft = clinic.drafts.load("assessment", f"visit:{visit_id}")
    assert draft.payload["text"] == "11" and draft.payload["test_code"] == "hip_flexion"
    assert stored(clinic) == {}

    page.show_patient(patient_id)  # the patient opened again, e.g. after a lock
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "11"
    assert "Restored what was being typed in left hip flexion" in page.messages[-1]
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert stored(clinic) == {("hip_flexion", "left", "active"): 11.0}
    assert clinic.drafts.load("assessment", f"visit:{visit_id}") is None


def test_tab_skips_the_empty_right_cell_of_a_single_value_test(qtbot, page):
    lumbar = page.model.index_of(CellKey("lumbar_flexion", "none", "active"))
    page.grid.setCurrentIndex(lumbar)
    page.grid.setFocus()
    keys = Keyboard(qtbot)
    keys.type("40")
    keys.press(Qt.Key.Key_Tab, "Tab")
    assert current_key(page) == CellKey("lumbar_extension", "none", "active")
    assert page.model.data(lumbar.siblingAtColumn(RIGHT)) == "\u2014"
    assert page.model.cell_key(lumbar.siblingAtColumn(LEFT)) is not None


def test_a_damaged_clinic_battery_file_is_explained_not_a_crash(qtbot, clinic, patient_id):
    (clinic.data_dir / "battery.json").write_text("{ not json", encoding="utf-8")
    page = open_page(qtbot, clinic, patient_id)
    assert any("battery file" in m and "cannot be used" in m for m in page.messages)
    assert page.model.rowCount() == 0 and not page.grid.isEnabled()
    assert "could not be read" in page.info.text()


def test_a_stale_save_from_a_second_workstation_is_refused_and_the_newer_value_shown(
    qtbot, page, clinic
):
    visit_id = page.model.record.visit.id
    knee = CellKey("knee_flexion", "left", "active")
    # Another workstation records the value after this screen was opened.
    clinic.assessments.save_value(visit_id, knee, "131", expected_version=None)
    page.grid.setCurrentIndex(page.model.index_of(knee))
    page.grid.setFocus()
    keys = Keyboard(qtbot)
    keys.type("99")
    keys.press(Qt.Key.Key_Return, "Enter")
    assert "changed on another workstation" in page.messages[-1]
    assert stored(clinic)[("knee_flexion", "left", "active")] == 131.0
    assert page.model.data(page.model.index_of(knee)) == "131°"


def test_ctrl_shift_p_adds_a_passive_row_under_the_active_one(qtbot, page, clinic):
    page.grid.setFocus()
    keys = Keyboard(qtbot)
    keys.press(
        Qt.Key.Key_P,
        "Ctrl+Shift+P",
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert current_key(page) == CellKey("hip_flexion", "left", "passive")
    keys.type("128")
    keys.press(Qt.Key.Key_Tab, "Tab")
    assert stored(clinic) == {("hip_flexion", "left", "passive"): 128.0}
    assert (
        "hip_flexion:passive" in clinic.assessments.visit(page.model.record.visit.id).planned_tests
    )
