"""Return to running through the service: verdicts on stored data, versions, plans, the log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from clinic_desktop.domain.access import Role
from clinic_desktop.domain.assessment_values import VisitLocked
from clinic_desktop.domain.errors import PermissionDenied, StaleRecord, ValidationError
from clinic_desktop.domain.readiness import CriterionStatus, Overall
from clinic_desktop.domain.run_log import RunInput
from clinic_desktop.storage.models import (
    AuditEventRow,
    EpisodeRow,
    MeasurementRow,
    PatientRow,
    ReadinessCriteriaRow,
    RunningProfileRow,
    VisitRow,
)
from tests.conftest import sign_in_as

VISIT_DAY = dt.date(2026, 9, 14)
READY_VALUES = {
    "single_leg_squat": (1, 1),
    "heel_raise_reps": (30, 29),
    "hhd_quadriceps": (400, 380),
    "hhd_hamstrings": (250, 240),
    "hhd_hip_abductors": (200, 190),
    "hhd_calf": (700, 690),
}


def judge_on(clinic, day: dt.date) -> None:
    """Date the verdicts (and count ages) on ``day`` instead of today."""
    service = clinic.return_to_run
    service = service.resolve() if hasattr(service, "resolve") else service  # built on first use
    service._today = lambda: day


@pytest.fixture
def runner(clinic):
    """A runner with right-sided knee pain, one draft visit with everything but the two
    yes/no items measured. Returns (patient id, episode id, visit id)."""
    judge_on(clinic, VISIT_DAY)
    with clinic.database.transaction() as session:
        patient = PatientRow(
            mrn="P000009",
            family_name="Okafor",
            given_name="Ada",
            sex="female",
            birth_date=dt.date(1991, 5, 1),
        )
        session.add(patient)
        session.flush()
        episode = EpisodeRow(
            patient_id=patient.id,
            kind="injury",
            side="right",
            started_on=dt.date(2026, 6, 1),
            diagnosis_label="Patellofemoral pain",
        )
        session.add(episode)
        session.flush()
        session.add(RunningProfileRow(episode_id=episode.id, weekly_km_before=30.0))
        visit = VisitRow(
            episode_id=episode.id, visit_date=VISIT_DAY, kind="re_evaluation", pain_now=1
        )
        session.add(visit)
        session.flush()
        for code, (left, right) in READY_VALUES.items():
            unit = {"hhd": "N", "hee": "reps", "sin": "pass_fail"}[code[:3]]
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
        return patient.id, episode.id, visit.id


def answer_all(clinic, visit_id):
    service = clinic.return_to_run
    service.answer(visit_id, "walk_30min_pain_free", "none", True, expected_version=None)
    for side in ("left", "right"):
        service.answer(visit_id, "hops_pain_free_10", side, True, expected_version=None)


def audit_actions(clinic) -> list[str]:
    with clinic.database.reading() as session:
        return list(session.scalars(select(AuditEventRow.action).order_by(AuditEventRow.id)))


def test_the_verdict_is_drawn_from_stored_values_and_waits_for_the_yes_no_items(clinic, runner):
    patient_id, episode_id, visit_id = runner
    state = clinic.return_to_run.load(patient_id)
    assert state.episode_id == episode_id and state.answer_visit.id == visit_id
    assert state.verdict.overall is Overall.INCOMPLETE
    assert state.verdict.headline == "Incomplete (3 criteria not tested)"
    assert state.target_weekly_km == 30.0
    answer_all(clinic, visit_id)
    ready = clinic.return_to_run.load(patient_id).verdict
    assert ready.overall is Overall.READY and ready.criteria_version == 1


def test_the_shipped_criteria_become_version_one_once(clinic, runner):
    clinic.return_to_run.load(runner[0])
    clinic.return_to_run.load(runner[0])
    with clinic.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(ReadinessCriteriaRow)) == 1
    assert audit_actions(clinic).count("readiness_criteria.create") == 1


def test_yes_no_answers_are_measurements_of_the_visit_with_the_pain_felt(clinic, runner):
    patient_id, _, visit_id = runner
    service = clinic.return_to_run
    answer = service.answer(visit_id, "hops_pain_free_10", "right", False, 3, expected_version=None)
    assert (answer.passed, answer.pain) == (False, 3)
    with clinic.database.reading() as session:
        row = session.scalar(
            select(MeasurementRow).where(MeasurementRow.test_code == "hops_pain_free_10")
        )
        assert (row.value, row.unit, row.side, row.painful) == (0.0, "pass_fail", "right", True)
    state = service.load(patient_id)
    assert state.answer("hops_pain_free_10", "right").pain == 3
    assert state.verdict.result("pain").figure == "Pain at rest 1/10; with hopping 3/10"
    assert state.verdict.result("pain").status is CriterionStatus.NOT_MET
    cleared = service.answer(
        visit_id, "hops_pain_free_10", "right", None, expected_version=answer.version
    )
    assert cleared.passed is None
    assert service.load(patient_id).answer("hops_pain_free_10", "right") is None
    measurement_events = [a for a in audit_actions(clinic) if a.startswith("measurement.")]
    assert measurement_events == ["measurement.create", "measurement.delete"]


def test_answers_refuse_a_signed_visit_a_stale_screen_and_other_items(clinic, runner):
    _, _, visit_id = runner
    service = clinic.return_to_run
    service.answer(visit_id, "walk_30min_pain_free", "none", True, expected_version=None)
    with pytest.raises(StaleRecord):
        service.answer(visit_id, "walk_30min_pain_free", "none", False, expected_version=None)
    with pytest.raises(ValidationError):
        service.answer(visit_id, "single_leg_squat", "left", True, expected_version=None)
    with clinic.database.transaction() as session:
        session.get(VisitRow, visit_id).status = "signed"
    with pytest.raises(VisitLocked):
        service.answer(visit_id, "hops_pain_free_10", "left", True, expected_version=None)


def test_a_clinic_change_to_the_criteria_is_a_new_version_the_verdict_names(clinic, runner):
    patient_id, _, visit_id = runner
    answer_all(clinic, visit_id)
    service = clinic.return_to_run
    current = service.criteria()
    revised = service.save_criteria(
        applies={"strength_calf": False},
        thresholds={"strength_quadriceps": "97"},
        weekly_cap_percent=8,
        expected_version=current.version,
    )
    assert revised.version == 2 and revised.created_by == "Tester, PT"
    verdict = service.load(patient_id).verdict
    assert verdict.criteria_version == 2 and verdict.headline == "Not yet (1 criterion open)"
    assert [v.version for v in service.criteria_versions()] == [2, 1]
    with pytest.raises(StaleRecord):
        service.save_criteria(applies={}, thresholds={}, weekly_cap_percent=10, expected_version=1)


def test_only_an_admin_changes_the_criteria(clinic, runner):
    sign_in_as(clinic, {Role.THERAPIST}, username="therapist")
    with pytest.raises(PermissionDenied, match="admin"):
        clinic.return_to_run.save_criteria(
            applies={}, thresholds={}, weekly_cap_percent=10, expected_version=1
        )
    sign_in_as(clinic, {Role.ADMIN}, username="admin")
    assert clinic.return_to_run.criteria().version == 1


def test_a_plan_needs_a_ready_runner_or_the_therapists_confirmation(clinic, runner):
    patient_id, episode_id, visit_id = runner
    service = clinic.return_to_run
    choices = {"start_phase": 1, "days_per_week": 3, "start_date": dt.date(2026, 9, 16)}
    with pytest.raises(ValidationError) as refused:
        service.generate_plan(episode_id, "standard_walk_run", **choices)
    assert refused.value.field == "readiness"
    assert "Incomplete (3 criteria not tested)" in refused.value.message
    anyway = service.generate_plan(
        episode_id, "standard_walk_run", accept_not_ready=True, **choices
    )
    assert anyway.readiness.overall is Overall.INCOMPLETE
    answer_all(clinic, visit_id)
    plan = service.generate_plan(episode_id, "standard_walk_run", **choices)
    assert plan.readiness.overall is Overall.READY and plan.criteria_version == 1
    assert plan.plan.weekly_cap_percent == 10 and plan.plan.target_weekly_km == 30
    assert plan.plan.baseline_pain == 1
    assert [p.is_active for p in service.plans(episode_id)] == [True, False]
    assert service.current_plan(episode_id).id == plan.id
    assert service.load(patient_id).plan.id == plan.id
    assert audit_actions(clinic).count("run_plan.create") == 2


def test_runs_are_logged_checked_changed_and_removed_with_an_audit_trail(clinic, runner):
    patient_id, episode_id, visit_id = runner
    answer_all(clinic, visit_id)
    service = clinic.return_to_run
    plan = service.generate_plan(
        episode_id,
        "standard_walk_run",
        start_phase=1,
        days_per_week=3,
        start_date=dt.date(2026, 9, 21),
    )
    first = service.add_run(episode_id, RunInput(dt.date(2026, 9, 21), 1.6, 15, "2/3", 3, 2, 2, 1))
    second = service.add_run(episode_id, RunInput(dt.date(2026, 9, 23), 1.6, 15, "2/3", 3, 5, 4, 1))
    assert first.plan_id == plan.id
    state = service.load(patient_id)
    assert [b.code for b in state.breaches] == ["pain_during"]
    assert state.breaches[0].run_id == second.id
    changed = service.update_run(
        second.id,
        RunInput(dt.date(2026, 9, 23), 1.6, 15, "2/3", 3, 2),
        expected_version=second.version,
    )
    assert service.load(patient_id).breaches == ()
    with pytest.raises(StaleRecord):
        service.delete_run(second.id, expected_version=second.version)
    service.delete_run(changed.id, expected_version=changed.version)
    assert [r.id for r in service.runs(episode_id)] == [first.id]
    assert audit_actions(clinic)[-4:] == [
        "run_log.create",
        "run_log.create",
        "run_log.update",
        "run_log.delete",
    ]


def test_the_front_desk_may_fetch_the_plan_to_print_but_not_the_record(clinic, runner):
    patient_id, episode_id, visit_id = runner
    answer_all(clinic, visit_id)
    clinic.return_to_run.generate_plan(
        episode_id,
        "standard_walk_run",
        start_phase=2,
        days_per_week=2,
        start_date=dt.date(2026, 9, 21),
    )
    sign_in_as(clinic, {Role.FRONT_DESK}, username="desk")
    printable = clinic.return_to_run.plan_for_handout(patient_id)
    assert printable.plan.start_phase == 2
    with pytest.raises(PermissionDenied):
        clinic.return_to_run.load(patient_id)
