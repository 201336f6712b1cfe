"""Each intake step refuses bad input field by field, and keeps everything else typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from clinic_desktop.domain.clinical_history import PainLocation
from clinic_desktop.domain.diagnoses import diagnosis_by_id
from clinic_desktop.domain.episodes import EpisodeForm
from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.gui.field_errors import INVALID_STYLE
from clinic_desktop.gui.intake_page import IntakePage
from clinic_desktop.gui.intake_tables import ERROR_BRUSH

LONG = "x" * 2001


@pytest.fixture
def patient(clinic):
    return clinic.patients.register(
        NewPatient("Okafor", "Lena", dt.date(1986, 7, 1), "female", referring_provider="")
    )


def open_page(qtbot, clinic, patient_id) -> IntakePage:
    page = IntakePage(clinic, clinic.settings.load())
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    page.show_patient(patient_id)
    return page


@pytest.fixture
def page_with_episode(qtbot, clinic, patient):
    clinic.intake.start_episode(
        patient.id,
        EpisodeForm(
            kind="injury",
            diagnosis_id="it_band_syndrome",
            side="right",
            onset_type="sudden",
            started_on="2025-06-02",
        ),
    )
    return open_page(qtbot, clinic, patient.id)


def each_field_fails_alone(page, index, good, bad, nothing_saved, prepare=None):
    """For every field: only its sentence, it highlighted, nothing saved, the rest kept."""
    step = page.steps[index]
    for name, value in bad.items():
        if prepare is not None:
            prepare(step, name)
        step.binding.set_values({**good, name: value})
        step.dirty = True
        assert not page.save_all(), name
        assert page.current_index == index
        assert step.binding.message(name), f"no sentence next to {name}"
        assert step.binding.widget(name).styleSheet() == INVALID_STYLE, name
        flagged = [n for n in step.binding.fields if n != name and step.binding.message(n)]
        assert flagged == [], f"{name}: also flagged {flagged}"
        kept = step.binding.values()
        assert {n: kept[n] for n in good if n != name} == {
            n: v for n, v in good.items() if n != name
        }, name
        assert nothing_saved(), name


# --- episode ---------------------------------------------------------------------------------


def test_every_episode_field_has_its_sentence(qtbot, clinic, patient):
    page = open_page(qtbot, clinic, patient.id)
    good = {
        "kind": "injury",
        "side": "left",
        "diagnosis_label": "Achilles tendinopathy",
        "onset_date": "2025-03-01",
        "onset_type": "gradual",
        "mechanism": "Hills",
        "referral": "Self",
        "started_on": "2025-04-01",
        "status": "active",
    }

    def prepare(step, name):
        if name in ("diagnosis_label", "diagnosis_code"):
            step.diagnosis_id = ""
            step.code_typed = name == "diagnosis_code"
        elif name == "seventh_character":
            step.pick(diagnosis_by_id("hamstring_strain"))
        else:
            step.pick(diagnosis_by_id("achilles_tendinopathy"))

    bad = {
        "kind": "",
        "side": "",
        "diagnosis_label": "x" * 201,
        "diagnosis_code": "928",
        "seventh_character": "",
        "onset_date": "31/02/2025",
        "onset_type": "",
        "mechanism": LONG,
        "referral": "x" * 201,
        "started_on": "next week",
        "status": "",
    }
    each_field_fails_alone(
        page, 1, good, bad, lambda: clinic.intake.episodes(patient.id) == [], prepare
    )


def test_a_diagnosis_is_found_by_code_and_its_code_follows_the_side(qtbot, clinic, patient):
    page = open_page(qtbot, clinic, patient.id)
    step = page.steps[1]
    step.ui.diagnosisSearchEdit.setFocus()
    qtbot.keyClicks(step.ui.diagnosisSearchEdit, "m76.3")
    assert step.ui.diagnosisList.item(0).text().startswith("Iliotibial band syndrome")
    qtbot.keyClick(step.ui.diagnosisSearchEdit, Qt.Key.Key_Return)
    assert step.ui.diagnosisLabelEdit.text() == "Iliotibial band syndrome"
    for side, code in (("right", "M76.31"), ("left", "M76.32"), ("none", "M76.30")):
        step.ui.sideCombo.setCurrentIndex(step.ui.sideCombo.findData(side))
        assert step.ui.diagnosisCodeEdit.text() == code
    step.ui.sideCombo.setCurrentIndex(step.ui.sideCombo.findData("both"))
    assert "one code per side" in step.ui.codeNoteLabel.text()


def test_a_second_episode_asks_about_the_first_and_can_put_it_on_hold(page_with_episode, clinic):
    page = page_with_episode
    step = page.steps[1]
    first = page.context.episode
    step.ui.newEpisodeButton.click()
    step.binding.set_values({"kind": "performance", "side": "none", "status": "active"})
    step.dirty = True

    def keep_it():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "still active" in box.text()
        next(b for b in box.buttons() if "Keep" in b.text()).click()

    QTimer.singleShot(0, keep_it)
    assert not page.save_all()
    assert len(clinic.intake.episodes(first.patient_id)) == 1 and step.dirty

    def hold_it():
        box = QApplication.activeModalWidget()
        next(b for b in box.buttons() if "hold" in b.text()).click()

    QTimer.singleShot(0, hold_it)
    assert page.save_all()
    statuses = {e.kind: e.status for e in clinic.intake.episodes(first.patient_id)}
    assert statuses == {"injury": "on_hold", "performance": "active"}
    assert page.context.episode.kind == "performance"


# --- running profile -------------------------------------------------------------------------


def test_every_running_profile_field_has_its_sentence(page_with_episode, clinic):
    page = page_with_episode
    episode_id = page.context.episode.id
    good = {
        "weekly_distance_before": "40",
        "weekly_distance_now": "10",
        "runs_per_week": "4",
        "longest_run": "21.1",
        "years_running": "5",
        "usual_pace": "5:15",
        "goal_event": "Autumn 10 km",
        "goal_date": "2026-10-04",
        "surfaces": "road",
        "shoes": "Racer",
        "shoe_distance": "200",
        "cross_training": "Swimming",
        "running_status": "reduced",
    }
    bad = {
        "weekly_distance_before": "-1",
        "weekly_distance_now": "ten",
        "runs_per_week": "3.5",
        "longest_run": "301",
        "years_running": "60",
        "usual_pace": "fast",
        "goal_event": "x" * 201,
        "goal_date": "spring",
        "surfaces": "x" * 201,
        "shoes": "x" * 201,
        "shoe_distance": "9000",
        "cross_training": "x" * 1001,
        "running_status": "",
    }
    each_field_fails_alone(
        page, 2, good, bad, lambda: clinic.intake.running_profile(episode_id) is None
    )
    assert "kilometre" not in page.steps[2].ui.weeklyBeforeEditLabel.text()
    assert page.steps[2].ui.weeklyBeforeEditLabel.text().endswith("(km)")


def test_a_mile_clinic_types_and_reads_miles(qtbot, clinic, patient):
    clinic.settings.save(clinic.settings.load().with_changes(distance_unit="mi"))
    clinic.intake.start_episode(
        patient.id, EpisodeForm(kind="performance", side="none", started_on="2025-06-02")
    )
    page = open_page(qtbot, clinic, patient.id)
    step = page.steps[2]
    assert step.ui.weeklyBeforeEditLabel.text() == "Weekly distance before (mi)"
    step.binding.set_values({"weekly_distance_before": "25", "running_status": "unchanged"})
    step.dirty = True
    assert page.save_all()
    profile = clinic.intake.running_profile(page.context.episode.id)
    assert profile.weekly_km_before == pytest.approx(40.234, abs=0.001)
    assert step.binding.values()["weekly_distance_before"] == "25"


# --- history ---------------------------------------------------------------------------------


def test_every_history_field_has_its_sentence(page_with_episode, clinic):
    page = page_with_episode
    step = page.steps[3]
    step.locations = [PainLocation("thigh_lateral", "right")]
    good = {
        "pain_now": "3",
        "pain_best": "1",
        "pain_worst": "6",
        "aggravating": "Downhill",
        "easing": "Rest",
        "pattern_24h": "Worse at the end of runs",
        "previous_injuries": "None",
        "medical_history": "None",
        "medications": "None",
        "imaging": "None",
    }
    bad = {
        "pain_now": "11",
        "pain_best": "7",
        "pain_worst": "2",
        "aggravating": LONG,
        "easing": LONG,
        "pattern_24h": LONG,
        "previous_injuries": LONG,
        "medical_history": LONG,
        "medications": LONG,
        "imaging": LONG,
    }
    episode_id = page.context.episode.id

    def nothing_saved():
        history = clinic.intake.history(episode_id)
        return history.version == 0 and history.pain_now is None

    each_field_fails_alone(page, 3, good, bad, nothing_saved)


def test_a_pain_location_needs_a_region_and_a_side_and_an_injury_needs_one(page_with_episode):
    page = page_with_episode
    step = page.steps[3]
    step.ui.addLocationButton.click()
    assert step.binding.message("pain_region") == "Choose the body region where it hurts."
    assert step.ui.regionCombo.styleSheet() == INVALID_STYLE
    step.ui.regionCombo.setCurrentIndex(step.ui.regionCombo.findData("knee_lateral"))
    step.ui.addLocationButton.click()
    assert "left, right, both or central" in step.binding.message("pain_side")
    assert step.locations == []
    step.binding.set_values({"pain_now": "2"})
    step.dirty = True
    assert not page.save_all()
    assert "at least one pain location" in step.binding.message("pain_locations")
    assert step.ui.locationList.styleSheet() == INVALID_STYLE
    assert step.binding.values()["pain_now"] == "2"


# --- red flags -------------------------------------------------------------------------------


def test_a_yes_without_a_note_is_refused_on_its_row_and_nothing_is_saved(
    qtbot, page_with_episode, clinic
):
    page = page_with_episode
    page.go_to_step(4)
    step = page.steps[4]
    table = step.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_N)
    qtbot.keyClick(table, Qt.Key.Key_Y)
    QApplication.processEvents()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # an empty note
    QApplication.processEvents()
    assert not page.save_all()
    row = 1
    assert step.model.data(step.model.index(row, 0), Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert "Note what the patient reported" in step.ui.screenErrorLabel.text()
    assert step.model.answers["cauda_equina"] is False  # the neighbour is kept
    assert clinic.red_flags.screen(page.context.episode.id).positives == ()


def test_a_therapist_acknowledges_a_red_flag_with_a_note_and_the_alert_says_so(
    qtbot, page_with_episode, clinic
):
    page = page_with_episode
    patient_id = page.context.patient.id
    step = page.steps[4]
    step.model.set_answer(7, True)  # night pain
    step.model.setData(step.model.index(7, 2), "Wakes twice a night")
    assert page.save_all()
    assert [a.text() for a in clinic.red_flags.alerts(patient_id)] == [
        "RED FLAG to review: night pain"
    ]
    assert step.ui.acknowledgementEdit.isEnabled()
    step.ui.acknowledgementEdit.setFocus()
    qtbot.keyClick(step.ui.acknowledgementEdit, Qt.Key.Key_Return)  # no decision typed
    assert "Write what you decided" in step.binding.message("acknowledgement_note")
    assert step.ui.acknowledgementEdit.styleSheet() == INVALID_STYLE
    assert clinic.red_flags.screen(page.context.episode.id).waiting  # still waiting
    qtbot.keyClicks(step.ui.acknowledgementEdit, "Mechanical; GP informed")
    qtbot.keyClick(step.ui.acknowledgementEdit, Qt.Key.Key_Return)
    record = clinic.red_flags.screen(page.context.episode.id)
    assert record.waiting == () and record.positives[0].acknowledgement_note.startswith("Mech")
    assert "acknowledged by Tester" in step.ui.acknowledgeStatusLabel.text()
    assert clinic.red_flags.alerts(patient_id)[0].acknowledged_at is not None


# --- questionnaires --------------------------------------------------------------------------


def type_lefs(qtbot, page, digits: str) -> None:
    page.go_to_step(5)
    step = page.steps[5]
    step.table.setFocus()
    step.table.setCurrentIndex(step.model.index(0, 2))
    for digit in digits:
        qtbot.keyClicks(step.table, digit)


@pytest.mark.parametrize(("digits", "total"), [("0" * 20, 0), ("4" * 20, 80)])
def test_lefs_typed_at_the_ends_of_the_scale_totals_0_and_80(
    qtbot, page_with_episode, clinic, digits, total
):
    page = page_with_episode
    step = page.steps[5]
    type_lefs(qtbot, page, digits)
    assert f"LEFS {total} of 80, all 20 items answered." in step.ui.totalLabel.text()
    assert page.save_all()
    visit_id = step.ui.visitCombo.currentData()
    assert clinic.outcomes.response(visit_id, "lefs").score.total == total


def test_a_digit_off_the_scale_is_refused_and_missing_items_are_reported(
    qtbot, page_with_episode, clinic
):
    page = page_with_episode
    step = page.steps[5]
    type_lefs(qtbot, page, "33")
    qtbot.keyClicks(step.table, "7")
    assert step.ui.answersErrorLabel.isVisible()
    assert "LEFS item 3 needs an answer from 0 to 4; 7 is not one" in (
        step.ui.answersErrorLabel.text()
    )
    assert step.model.answers.get(3) is None and step.table.currentIndex().row() == 2
    assert step.model.data(step.model.index(2, 0), Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    for _ in range(13):
        qtbot.keyClicks(step.table, "2")  # items 3-15; 16-20 left blank
    text = step.ui.totalLabel.text()
    assert "Running total 32 from 15 of 20 items; unanswered: 16, 17, 18, 19, 20" in text
    assert "Not scored: 5 of 20 items unanswered; at most 4 may be missing." in text
    assert page.save_all()
    response = clinic.outcomes.response(step.ui.visitCombo.currentData(), "lefs")
    assert response.score.total is None and response.answers[1] == 3
    assert "not scored" in step.history_model.data(step.history_model.index(0, 2))


def test_the_lefs_history_shows_the_change_against_the_mcid(qtbot, demo_clinic):
    patient_id = demo_clinic.patients.search("D0001")[0].id
    page = open_page(qtbot, demo_clinic, patient_id)
    assert page.context.episode is None  # the showcase episode is discharged
    step = page.steps[5]
    page.context.episode = demo_clinic.intake.episodes(patient_id)[0]
    step.load(page.context)
    rows = step.history_model.rowCount()
    assert rows == 9
    last_change = step.history_model.data(step.history_model.index(rows - 1, 3))
    assert last_change.startswith("+")
    assert step.history_model.data(step.history_model.index(rows - 1, 4)) == "met"
    assert "Improved by" in step.ui.changeLabel.text()
    assert not step.table.isEnabled()  # the demo's visits are signed


# --- drafts ----------------------------------------------------------------------------------


def test_leaving_a_field_keeps_a_draft_that_is_offered_back_and_can_be_discarded(
    qtbot, page_with_episode, clinic
):
    page = page_with_episode
    patient_id = page.context.patient.id
    page.go_to_step(2)
    step = page.steps[2]
    step.ui.weeklyBeforeEdit.setFocus()
    qtbot.keyClicks(step.ui.weeklyBeforeEdit, "48")
    page.drafts._focus_changed(step.ui.weeklyBeforeEdit, step.ui.weeklyNowEdit)
    draft = clinic.drafts.load("intake", f"patient:{patient_id}")
    assert draft.payload["steps"]["running_profile"]["weekly_distance_before"] == "48"
    assert list(draft.payload["steps"]) == ["running_profile"]

    again = open_page(qtbot, clinic, patient_id)
    assert again.banner.isVisible() and "running profile" in again.banner_label.text()
    assert again.steps[2].binding.values()["weekly_distance_before"] == ""  # not yet back
    again.discard_button.click()
    assert clinic.drafts.load("intake", f"patient:{patient_id}") is None
    assert not again.banner.isVisible()


# --- patient ---------------------------------------------------------------------------------


def test_a_correction_saved_elsewhere_first_is_refused_and_the_typing_kept(qtbot, clinic, patient):
    page = open_page(qtbot, clinic, patient.id)
    step = page.steps[0]
    step.form.binding.set_values({**step.form.binding.values(), "phone": "555 010 9999"})
    step.dirty = True
    elsewhere = NewPatient("Okafor", "Lena", dt.date(1986, 7, 1), "female", email="l@example.com")
    clinic.patients.update(patient.id, elsewhere, patient.version)
    seen = {}

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen["text"] = box.text()
        box.accept()

    QTimer.singleShot(0, read_and_close)
    assert not page.save_all()
    assert "another workstation" in seen["text"]
    assert step.form.binding.values()["phone"] == "555 010 9999"
    stored = clinic.patients.details(patient.id)
    assert (stored.phone, stored.email) == ("", "l@example.com")


def test_a_correction_of_the_demographics_is_saved_and_audited(qtbot, clinic, patient):
    page = open_page(qtbot, clinic, patient.id)
    step = page.steps[0]
    step.form.binding.set_values({**step.form.binding.values(), "weight_kg": "61,5"})
    step.dirty = True
    assert page.save_all()
    assert clinic.patients.details(patient.id).weight_kg == 61.5
    assert step.form.binding.values()["weight_kg"] == "61.5"
    entries = clinic.audit.events(action="patient.update")
    assert entries and "weight_kg" in entries[0].detail


def test_a_change_of_distance_unit_shows_the_profile_in_the_new_unit(page_with_episode, clinic):
    page = page_with_episode
    step = page.steps[2]
    step.binding.set_values({"weekly_distance_before": "32.2", "running_status": "reduced"})
    step.dirty = True
    assert page.save_all()
    page.apply_settings(clinic.settings.load().with_changes(distance_unit="mi"))
    assert step.binding.values()["weekly_distance_before"] == "20"
    assert step.ui.weeklyBeforeEditLabel.text() == "Weekly distance before (mi)"
