"""A first evaluation typed with the keyboard alone, and what the database then holds."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from clinic_desktop.gui.intake_page import IntakePage
from clinic_desktop.gui.main_window import MainWindow
from clinic_desktop.storage.models import (
    AuditEventRow,
    ClinicalHistoryRow,
    EpisodeRow,
    OutcomeResponseRow,
    PatientRow,
    RedFlagAnswerRow,
    RunningProfileRow,
    VisitRow,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, clinic, tmp_path):
    main = MainWindow(clinic, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.load()
    main.show()
    qtbot.waitExposed(main)
    return main


def focused():
    return QApplication.focusWidget()


class Keys:
    """Key presses sent to whichever widget has the focus, as a person types them."""

    def __init__(self, qtbot, type_text):
        self.qtbot, self.type_text = qtbot, type_text

    def type(self, text: str) -> Keys:
        self.type_text(focused(), text)
        return self

    def press(self, key, times: int = 1, modifier=Qt.KeyboardModifier.NoModifier) -> Keys:
        for _ in range(times):
            self.qtbot.keyClick(focused(), key, modifier)
            QApplication.processEvents()  # a person's next key comes after queued work ran
        return self

    def tab(self, times: int = 1) -> Keys:
        return self.press(Qt.Key.Key_Tab, times)

    def field(self, text: str) -> Keys:
        """Type into the focused field, then Tab on."""
        return self.type(text).tab()


def intake_of(window) -> IntakePage:
    return next(page for page in window.pages if isinstance(page, IntakePage))


def register_runner(qtbot, window, keys: Keys) -> None:
    from PySide6.QtCore import QTimer

    def fill_the_form():
        dialog = QApplication.activeModalWidget()
        qtbot.waitUntil(lambda: focused() is not None and focused().window() is dialog)
        keys.field("Núñez").field("José").tab().field("1990-05-17")
        keys.press(Qt.Key.Key_Down, 2).tab()  # Choose… -> Female -> Male
        keys.field("72.5").field("178").tab()  # the record number comes from the sequence
        keys.field("+34 600 123 456").field("jose@example.com").field("Calle Mayor 1")
        keys.field("Ana Núñez, 600 999 888").field("Dr. Helen Park").type("Trail runner")
        keys.press(Qt.Key.Key_S, modifier=CTRL)

    QTimer.singleShot(0, fill_the_form)
    keys.press(Qt.Key.Key_N, modifier=CTRL)


def test_a_new_runner_is_registered_and_taken_through_intake_by_keyboard(
    qtbot, window, clinic, type_text
):
    keys = Keys(qtbot, type_text)
    window.patient_list.focus_search()
    register_runner(qtbot, window, keys)
    page = intake_of(window)
    assert window.workspace.currentWidget() is page and page.current_index == 1
    window.activateWindow()  # the window manager's part when the dialog closes
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: focused() is page.steps[1].first_field)

    # Episode: injury, Achilles found by typing, left side, onset, mechanism, start of care.
    keys.press(Qt.Key.Key_Down).tab()
    keys.type("achil").press(Qt.Key.Key_Return)  # picks the highlighted diagnosis
    keys.press(Qt.Key.Key_Down).tab()  # Left
    keys.tab(2)  # the diagnosis and its code, filled in from the catalogue and the side
    keys.field("2025-09-01").press(Qt.Key.Key_Down).tab()  # gradual onset
    keys.field("Added hill repeats").tab()  # the referral comes from the patient
    keys.field("2025-10-30").tab()  # status stays Active
    assert focused() is page.next_button
    keys.press(Qt.Key.Key_Return)
    assert page.current_index == 2 and focused() is page.steps[2].first_field

    # Running profile, in the clinic's kilometres.
    keys.field("40").field("10").field("4").field("18").field("6").field("5:30")
    keys.press(Qt.Key.Key_Down, 2).tab()  # reduced
    keys.field("City half marathon").field("2026-04-12").field("road, trail")
    keys.field("Neutral trainer").field("350").field("Cycling twice a week")
    keys.press(Qt.Key.Key_Return)
    assert page.current_index == 3

    # History: pain scores, one location added with the keyboard, then the background.
    keys.field("4").field("2").field("7")
    keys.type("Ach").tab().type("L").tab().press(Qt.Key.Key_Space)  # Achilles tendon, left
    keys.tab(4)  # past the side, Add and the list of locations
    keys.field("Hills and speed work").field("Rest and ice")
    keys.field("Stiff for the first steps in the morning").field("Shin pain in 2022")
    keys.field("Asthma").field("Salbutamol when needed").field("None")
    keys.press(Qt.Key.Key_Return)
    assert page.current_index == 4

    # Red flags: no to all but night pain, with what the patient reported.
    keys.press(Qt.Key.Key_N, 7).press(Qt.Key.Key_Y)
    keys.type("Wakes at 3 am; eases when he walks").press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_N, 7).tab()
    keys.press(Qt.Key.Key_Return)
    assert page.current_index == 5
    assert "night pain" in window.header.alerts.text() and window.header.alerts.isVisible()

    # LEFS at the initial visit: twenty digits, each moving to the next item, then Ctrl+S.
    answers = [3, 2, 4, 4, 3, 1, 2, 4, 2, 3, 4, 2, 1, 3, 4, 2, 3, 4, 1, 0]
    for value in answers:
        keys.type(str(value))
    keys.press(Qt.Key.Key_S, modifier=CTRL)
    assert all(not step.dirty for step in page.steps)
    assert "LEFS 52 of 80" in page.steps[5].ui.totalLabel.text()

    with clinic.database.reading() as session:
        patient = session.scalar(select(PatientRow))
        assert (patient.family_name, patient.given_name, patient.preferred_name) == (
            "Núñez",
            "José",
            "",
        )
        assert (patient.birth_date, patient.sex, patient.mrn) == (
            dt.date(1990, 5, 17),
            "male",
            "P000001",
        )
        assert (patient.weight_kg, patient.height_cm) == (72.5, 178.0)
        assert (patient.phone, patient.email) == ("+34 600 123 456", "jose@example.com")
        assert (patient.address, patient.emergency_contact) == (
            "Calle Mayor 1",
            "Ana Núñez, 600 999 888",
        )
        assert (patient.referring_provider, patient.notes) == ("Dr. Helen Park", "Trail runner")

        episode = session.scalar(select(EpisodeRow))
        assert (episode.kind, episode.diagnosis_label, episode.diagnosis_code, episode.side) == (
            "injury",
            "Achilles tendinopathy",
            "M76.62",
            "left",
        )
        assert (episode.onset_date, episode.onset_type, episode.started_on) == (
            dt.date(2025, 9, 1),
            "gradual",
            dt.date(2025, 10, 30),
        )
        assert (episode.mechanism, episode.referral, episode.status) == (
            "Added hill repeats",
            "Dr. Helen Park",
            "active",
        )

        profile = session.scalar(select(RunningProfileRow))
        assert (profile.weekly_km_before, profile.weekly_km_now, profile.runs_per_week) == (
            40.0,
            10.0,
            4,
        )
        assert (profile.longest_run_km, profile.years_running, profile.usual_pace_s_per_km) == (
            18.0,
            6.0,
            330,
        )
        assert (profile.goal_event, profile.goal_date, profile.surfaces) == (
            "City half marathon",
            dt.date(2026, 4, 12),
            "road, trail",
        )
        assert (profile.shoes, profile.shoe_km, profile.cross_training) == (
            "Neutral trainer",
            350.0,
            "Cycling twice a week",
        )
        assert profile.running_status == "reduced"

        visit = session.scalar(select(VisitRow))
        assert (visit.kind, visit.visit_date) == ("initial", dt.date(2025, 10, 30))
        assert (visit.pain_now, visit.pain_best, visit.pain_worst) == (4, 2, 7)
        history = session.scalar(select(ClinicalHistoryRow))
        assert json.loads(history.pain_locations) == [{"region": "achilles", "side": "left"}]
        assert (history.aggravating, history.easing, history.pattern_24h) == (
            "Hills and speed work",
            "Rest and ice",
            "Stiff for the first steps in the morning",
        )
        assert (history.previous_injuries, history.medical_history) == (
            "Shin pain in 2022",
            "Asthma",
        )
        assert (history.medications, history.imaging) == ("Salbutamol when needed", "None")

        flags = {
            row.code: (row.answer, row.note) for row in session.scalars(select(RedFlagAnswerRow))
        }
        assert len(flags) == 15
        assert flags.pop("night_pain") == (True, "Wakes at 3 am; eases when he walks")
        assert set(flags.values()) == {(False, "")}

        lefs = session.scalar(select(OutcomeResponseRow))
        assert (lefs.visit_id, lefs.instrument, lefs.total) == (visit.id, "lefs", 52.0)
        stored = json.loads(lefs.answers)
        assert [stored[str(n)] for n in range(1, 21)] == answers

        actions = list(session.scalars(select(AuditEventRow.action)))
    for action in (
        "patient.create",
        "episode.create",
        "visit.create",
        "running_profile.save",
        "history.save",
        "red_flags.save",
        "outcome.save",
    ):
        assert action in actions
    assert clinic.drafts.load("intake", f"patient:{patient.id}") is None
