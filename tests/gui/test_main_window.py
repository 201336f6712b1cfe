"""The main window driven from the keyboard, as the front desk and therapists use it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QSettings, Qt

from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.gui.main_window import MainWindow


@pytest.fixture
def ui_state(tmp_path):
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, demo_clinic, ui_state):
    main = MainWindow(demo_clinic, ui_state)
    qtbot.addWidget(main)
    main.load()
    main.show()
    qtbot.waitExposed(main)
    return main


def listed_mrns(window) -> list[str]:
    model = window.patient_list.model
    return [model.patient_at(row).mrn for row in range(model.rowCount())]


def type_search(qtbot, window, text: str) -> None:
    box = window.patient_list.search_box
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.waitUntil(lambda: not window._search_timer.isActive())


def test_the_search_box_has_the_focus_at_start_and_the_list_is_filled(window):
    assert window.patient_list.search_box.hasFocus()
    assert window.patient_list.model.rowCount() == 40


def test_typing_filters_the_list_and_enter_opens_the_overview(qtbot, window):
    type_search(qtbot, window, "D0001")
    assert listed_mrns(window) == ["D0001"]
    qtbot.keyClick(window.patient_list.search_box, Qt.Key.Key_Return)
    assert window.right.currentWidget() is window.patient_area
    identity = window.header.identity.text()
    assert "Rivera, Sofía (Sofi)" in identity and "D0001" in identity
    assert "sofia.rivera@example.com" in window.overview.details_label.text()
    assert window.overview.visits_model.rowCount() == 9
    assert window.overview.visits_model.data(window.overview.visits_model.index(0, 1)) == (
        "Initial evaluation"
    )


def test_part_of_a_surname_without_accents_finds_the_patient(qtbot, window):
    type_search(qtbot, window, "nunez")
    assert listed_mrns(window) == ["D0002"]


def test_a_birth_date_finds_the_patient(qtbot, window, demo_clinic):
    rivera = demo_clinic.patients.search("D0001")[0]
    type_search(qtbot, window, rivera.birth_date.isoformat())
    assert "D0001" in listed_mrns(window)


def test_up_and_down_move_through_the_list_from_the_search_box(qtbot, window):
    type_search(qtbot, window, "")
    box = window.patient_list.search_box
    first = window.patient_list.current_patient()
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    third = window.patient_list.current_patient()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    second = window.patient_list.current_patient()
    assert listed_mrns(window)[:3] == [first.mrn, second.mrn, third.mrn]
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.current_patient_id == second.id
    assert box.hasFocus()


def test_no_match_says_so_in_a_sentence(qtbot, window):
    type_search(qtbot, window, "Zyxwvut")
    assert window.patient_list.model.rowCount() == 0
    assert "No patient matches" in window.patient_list.count_label.text()


def test_ctrl_f_returns_to_the_search_box_with_the_text_selected(qtbot, window):
    type_search(qtbot, window, "rivera")
    qtbot.keyClick(window.patient_list.search_box, Qt.Key.Key_Return)
    window.overview.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    box = window.patient_list.search_box
    assert box.hasFocus() and box.selectedText() == "rivera"


def test_the_last_patient_and_window_state_come_back(qtbot, demo_clinic, ui_state):
    first = MainWindow(demo_clinic, ui_state)
    qtbot.addWidget(first)
    first.load()
    rivera = demo_clinic.patients.search("D0001")[0]
    first.open_patient(rivera.id)
    first.close()
    second = MainWindow(demo_clinic, ui_state)
    qtbot.addWidget(second)
    second.load()
    assert second.current_patient_id == rivera.id
    assert "Rivera" in second.header.identity.text()


def test_a_newly_registered_patient_is_listed_and_opened(qtbot, window, demo_clinic):
    created = demo_clinic.patients.register(
        NewPatient(family_name="Quist", given_name="Elin", birth_date=dt.date(1991, 6, 1))
    )
    type_search(qtbot, window, "quist")
    assert listed_mrns(window) == [created.mrn]


def test_a_chart_point_opens_its_visit_in_the_assessment_tab(qtbot, window, demo_clinic):
    rivera = demo_clinic.patients.search("D0001")[0]
    window.open_patient(rivera.id)
    progress = next(p for p in window.pages if hasattr(p, "visit_requested"))
    assessment = next(p for p in window.pages if hasattr(p, "open_visit"))
    visits = demo_clinic.patients.overview(rivera.id).visits
    re_evaluation = next(v for v in visits if v.kind == "re_evaluation")
    progress.visit_requested.emit(re_evaluation.id)
    assert window.workspace.currentWidget() is assessment
    assert assessment.visit_combo.currentData() == re_evaluation.id
