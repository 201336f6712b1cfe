"""Intake through the services: what the clinic relies on after each save."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from clinic_desktop.domain.access import Role
from clinic_desktop.domain.clinical_history import HistoryForm, PainLocation
from clinic_desktop.domain.episodes import ActiveEpisodeExists, EpisodeForm
from clinic_desktop.domain.errors import (
    PermissionDenied,
    StaleRecord,
    ValidationError,
    ValidationErrors,
)
from clinic_desktop.domain.outcomes import ChangeVerdict
from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.domain.red_flags import RedFlagAnswer
from clinic_desktop.domain.registration import PossibleDuplicate
from clinic_desktop.domain.running_profile import RunningProfileForm
from clinic_desktop.storage.models import AuditEventRow, OutcomeResponseRow, VisitRow
from tests.conftest import sign_in_as


def audit_actions(clinic) -> list[str]:
    with clinic.database.reading() as session:
        return list(session.scalars(select(AuditEventRow.action).order_by(AuditEventRow.id)))


def runner(clinic, **changes):
    values = dict(
        family_name="Núñez",
        given_name="José",
        birth_date=dt.date(1990, 5, 17),
        sex="male",
        phone="600 123 456",
        weight_kg="72.5",
        height_cm="178",
    )
    values.update(changes)
    return clinic.patients.register(NewPatient(**values))


def achilles(**changes) -> EpisodeForm:
    values = dict(
        kind="injury",
        diagnosis_id="achilles_tendinopathy",
        side="left",
        onset_type="gradual",
        onset_date="2026-01-10",
        started_on="2026-02-01",
    )
    values.update(changes)
    return EpisodeForm(**values)


# --- patients --------------------------------------------------------------------------------


def test_the_full_demographics_are_stored_and_audited(clinic):
    patient = runner(
        clinic,
        address="Calle Mayor 1",
        emergency_contact="Ana, 600 999 888",
        referring_provider="Dr. Park",
        notes="Trail runner",
    )
    assert (patient.weight_kg, patient.height_cm) == (72.5, 178.0)
    assert patient.emergency_contact == "Ana, 600 999 888"
    assert patient.mrn == "P000001"
    assert audit_actions(clinic) == ["patient.create"]


def test_the_same_person_twice_is_caught_and_can_be_registered_once_checked(clinic):
    first = runner(clinic)
    with pytest.raises(PossibleDuplicate) as same_name:
        runner(clinic, family_name="NUNEZ", given_name="jose", phone="")
    assert [m.patient.id for m in same_name.value.matches] == [first.id]
    assert same_name.value.matches[0].reasons == ("same name and date of birth",)
    with pytest.raises(PossibleDuplicate) as same_phone:
        runner(clinic, family_name="Other", birth_date=dt.date(1980, 1, 1), phone="600-123-456")
    assert same_phone.value.matches[0].reasons == ("same phone number",)
    assert clinic.patients.count() == 1
    registered = clinic.patients.register(
        NewPatient("Núñez", "José", dt.date(1990, 5, 17), "male"), allow_duplicate=True
    )
    assert registered.id != first.id and clinic.patients.count() == 2


def test_an_update_checks_the_version_and_keeps_the_record_number_unique(clinic):
    patient = runner(clinic)
    other = runner(clinic, family_name="Kim", given_name="Bo", phone="", mrn="K1")
    changed = NewPatient("Núñez", "José", "1990-05-17", "male", phone="600 123 456", email="j@x.es")
    updated = clinic.patients.update(patient.id, changed, patient.version)
    assert updated.email == "j@x.es" and updated.mrn == patient.mrn
    with pytest.raises(StaleRecord):
        clinic.patients.update(patient.id, changed, patient.version)
    taken = NewPatient("Núñez", "José", "1990-05-17", "male", mrn="k1")
    with pytest.raises(ValidationErrors) as refused:
        clinic.patients.update(patient.id, taken, updated.version)
    assert refused.value.by_field() == {"mrn": "The record number K1 is already in use."}
    assert clinic.patients.details(other.id).mrn == "K1"
    assert audit_actions(clinic)[-1] == "patient.update"


# --- episodes --------------------------------------------------------------------------------


def test_starting_an_episode_opens_its_initial_evaluation(clinic):
    patient = runner(clinic)
    episode = clinic.intake.start_episode(patient.id, achilles())
    assert (episode.diagnosis_code, episode.status) == ("M76.62", "active")
    with clinic.database.reading() as session:
        visits = session.scalars(select(VisitRow).where(VisitRow.episode_id == episode.id)).all()
    assert [(v.kind, v.visit_date, v.status) for v in visits] == [
        ("initial", dt.date(2026, 2, 1), "draft")
    ]
    assert clinic.patients.details(patient.id).id == patient.id
    assert audit_actions(clinic)[-2:] == ["episode.create", "visit.create"]


def test_a_second_active_episode_asks_what_becomes_of_the_first(clinic):
    patient = runner(clinic)
    first = clinic.intake.start_episode(patient.id, achilles())
    second_form = achilles(diagnosis_id="plantar_fasciitis", started_on="2026-03-01")
    with pytest.raises(ActiveEpisodeExists) as asked:
        clinic.intake.start_episode(patient.id, second_form)
    assert asked.value.active.id == first.id
    assert len(clinic.intake.episodes(patient.id)) == 1  # nothing saved
    second = clinic.intake.start_episode(patient.id, second_form, previous="hold")
    statuses = {e.id: e.status for e in clinic.intake.episodes(patient.id)}
    assert statuses == {first.id: "on_hold", second.id: "active"}
    with pytest.raises(ValidationError, match="not signed yet"):
        clinic.intake.start_episode(
            patient.id, achilles(started_on="2026-04-01"), previous="discharge"
        )
    assert clinic.intake.current_episode(patient.id).id == second.id  # nothing saved
    for visit in clinic.assessments.visits(second.id):
        clinic.assessments.sign(visit.id, expected_version=visit.version)
    third = clinic.intake.start_episode(
        patient.id, achilles(started_on="2026-04-01"), previous="discharge"
    )
    episodes = {e.id: e for e in clinic.intake.episodes(patient.id)}
    assert episodes[second.id].status == "discharged"
    assert episodes[second.id].ended_on == dt.date(2026, 4, 1)
    assert clinic.intake.current_episode(patient.id).id == third.id


def test_an_episode_on_hold_cannot_become_active_beside_another(clinic):
    patient = runner(clinic)
    first = clinic.intake.start_episode(patient.id, achilles())
    clinic.intake.start_episode(patient.id, achilles(started_on="2026-03-01"), previous="hold")
    held = next(e for e in clinic.intake.episodes(patient.id) if e.id == first.id)
    with pytest.raises(ValidationErrors) as refused:
        clinic.intake.update_episode(first.id, achilles(status="active"), held.version)
    assert "already active" in refused.value.by_field()["status"]


def test_a_stale_episode_save_is_refused_and_nothing_is_overwritten(clinic):
    patient = runner(clinic)
    episode = clinic.intake.start_episode(patient.id, achilles())
    clinic.intake.update_episode(episode.id, achilles(mechanism="Hills"), episode.version)
    with pytest.raises(StaleRecord):
        clinic.intake.update_episode(episode.id, achilles(mechanism="Track"), episode.version)
    assert clinic.intake.current_episode(patient.id).mechanism == "Hills"


# --- running profile and history -------------------------------------------------------------


def test_a_running_profile_typed_in_miles_is_stored_in_kilometres(clinic):
    patient = runner(clinic)
    episode = clinic.intake.start_episode(patient.id, achilles())
    form = RunningProfileForm(
        weekly_distance_before="25", runs_per_week="5", usual_pace="8:00", running_status="reduced"
    )
    profile = clinic.intake.save_running_profile(episode.id, form, 0, distance_unit="mi")
    assert profile.weekly_km_before == pytest.approx(40.234, abs=0.001)
    assert profile.usual_pace_s_per_km == 298
    assert clinic.intake.running_profile(episode.id) == profile
    with pytest.raises(StaleRecord):
        clinic.intake.save_running_profile(episode.id, form, 0, distance_unit="mi")


def test_history_pain_goes_on_the_initial_visit_and_a_signed_visit_keeps_it(clinic):
    patient = runner(clinic)
    episode = clinic.intake.start_episode(patient.id, achilles())
    form = HistoryForm(
        pain_now="4",
        pain_best="2",
        pain_worst="7",
        pain_locations=(PainLocation("achilles", "left"),),
        aggravating="Hills, first steps in the morning",
        medications="None",
    )
    history = clinic.intake.save_history(episode.id, form, 0, 0)
    assert (history.pain_now, history.pain_best, history.pain_worst) == (4, 2, 7)
    assert clinic.intake.history(episode.id) == history
    with clinic.database.transaction() as session:
        visit = session.scalar(select(VisitRow).where(VisitRow.episode_id == episode.id))
        visit.status = "signed"
    again = clinic.intake.history(episode.id)
    changed = HistoryForm(**{**form.__dict__, "pain_now": "5"})
    with pytest.raises(ValidationErrors) as refused:
        clinic.intake.save_history(episode.id, changed, again.version, again.visit_version)
    assert "signed" in refused.value.by_field()["pain_now"]
    assert clinic.intake.history(episode.id).pain_now == 4


# --- red flags -------------------------------------------------------------------------------


def test_a_positive_red_flag_alerts_until_a_therapist_acknowledges_it(clinic):
    patient = runner(clinic)
    episode = clinic.intake.start_episode(patient.id, achilles())
    answers = [RedFlagAnswer("night_pain", True, ""), RedFlagAnswer("fever_unwell", False)]
    with pytest.raises(ValidationErrors) as refused:
        clinic.red_flags.save_answers(episode.id, answers, {})
    assert "red_flags.night_pain" in refused.value.by_field()
    answers[0] = RedFlagAnswer("night_pain", True, "Wakes at 3 am, eases when walking")
    record = clinic.red_flags.save_answers(episode.id, answers, {})
    assert [e.code for e in record.waiting] == ["night_pain"]
    assert [a.text() for a in clinic.red_flags.alerts(patient.id)] == [
        "RED FLAG to review: night pain"
    ]
    with pytest.raises(ValidationErrors):
        clinic.red_flags.acknowledge(episode.id, "   ")
    record = clinic.red_flags.acknowledge(episode.id, "Mechanical pattern; GP letter sent")
    entry = next(e for e in record.entries if e.code == "night_pain")
    assert entry.acknowledged_by == "Tester" and entry.acknowledgement_note.startswith("Mech")
    assert (
        clinic.red_flags.alerts(patient.id)[0]
        .text()
        .startswith("Red flag: night pain (acknowledged by Tester on ")
    )
    assert audit_actions(clinic)[-2:] == ["red_flags.save", "red_flags.acknowledge"]


def test_only_a_therapist_may_record_or_acknowledge_red_flags(clinic):
    patient = runner(clinic)
    episode = clinic.intake.start_episode(patient.id, achilles())
    sign_in_as(clinic, frozenset({Role.FRONT_DESK}), username="desk")
    with pytest.raises(PermissionDenied):
        clinic.red_flags.save_answers(episode.id, [RedFlagAnswer("night_pain", False)], {})
    with pytest.raises(PermissionDenied):
        clinic.red_flags.acknowledge(episode.id, "fine")


# --- questionnaires --------------------------------------------------------------------------


def lefs(value=None, **items):
    answers = {n: value for n in range(1, 21)}
    answers.update({int(k.removeprefix("i")): v for k, v in items.items()})
    return answers


def test_lefs_totals_are_stored_at_zero_eighty_and_typical_values(clinic):
    patient = runner(clinic)
    episode = clinic.intake.start_episode(patient.id, achilles())
    visit_id = clinic.outcomes.visits(episode.id)[0].id
    zero = clinic.outcomes.save_response(visit_id, "lefs", lefs(0), 0)
    assert zero.score.total == 0
    top = clinic.outcomes.save_response(visit_id, "lefs", lefs(4), zero.version)
    assert top.score.total == 80
    typical = {n: (2, 3, 4, 1)[n % 4] for n in range(1, 21)}
    saved = clinic.outcomes.save_response(visit_id, "lefs", typical, top.version)
    assert saved.score.total == 50
    with clinic.database.reading() as session:
        row = session.scalar(select(OutcomeResponseRow))
    assert row.total == 50.0 and json.loads(row.answers)["1"] == 3


def test_missing_lefs_items_are_prorated_or_left_unscored_never_silently(clinic):
    patient = runner(clinic)
    episode = clinic.intake.start_episode(patient.id, achilles())
    visit_id = clinic.outcomes.visits(episode.id)[0].id
    four_missing = clinic.outcomes.save_response(
        visit_id, "lefs", lefs(3, i1=None, i2=None, i3=None, i4=None), 0
    )
    assert four_missing.score.total == 60 and four_missing.score.prorated
    assert "items 1, 2, 3, 4" in four_missing.score.explanation
    five_missing = clinic.outcomes.save_response(
        visit_id, "lefs", lefs(3, i1=None, i2=None, i3=None, i4=None, i5=None), 1
    )
    assert five_missing.score.total is None
    assert five_missing.score.explanation.startswith("Not scored: 5 of 20 items unanswered")
    with clinic.database.reading() as session:
        assert session.scalar(select(OutcomeResponseRow.total)) is None
    with pytest.raises(ValidationErrors) as refused:
        clinic.outcomes.save_response(visit_id, "lefs", lefs(None), 2)
    assert "at least one LEFS item" in refused.value.by_field()["lefs.answers"]
    with pytest.raises(ValidationErrors) as off_scale:
        clinic.outcomes.save_response(visit_id, "lefs", lefs(3, i7=5), 2)
    assert "item 7" in off_scale.value.by_field()["lefs.item_7"]


def test_the_history_judges_the_change_from_the_first_visit_against_the_mcid(demo_clinic):
    patient = demo_clinic.patients.search("D0001")[0]
    episode = demo_clinic.intake.episodes(patient.id)[0]
    history = demo_clinic.outcomes.history(episode.id, "lefs")
    assert len(history.rows) == 9 and history.rows[0].change is None
    first, last = history.rows[0].score.total, history.rows[-1].score.total
    assert last - first >= 9
    assert history.latest_change.verdict is ChangeVerdict.IMPROVED
    assert "Improved by" in history.summary()
