"""Return to running in the demo clinic: the showcase runner's discharge, plan and first runs.

At D0001's discharge the two yes/no items are answered (30-minute walk, hops without pain),
readiness is judged by criteria version 1 (the shipped defaults) and a walk/run plan is
generated from it. The runner then reports five runs; the fourth hurt (4/10 during the
run), so the log shows one breach with its advice, and the fifth goes back a phase.
"""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_desktop.domain.battery import shipped_battery
from clinic_desktop.domain.readiness_criteria import (
    default_document,
    settings_document,
    settings_from_document,
)
from clinic_desktop.domain.return_to_run import HOP_TEST, WALK_TEST
from clinic_desktop.domain.run_plan import generate_plan, plan_document
from clinic_desktop.domain.run_programs import load_run_programs
from clinic_desktop.services.readiness_recording import episode_verdict
from clinic_desktop.storage.models import (
    EpisodeRow,
    MeasurementRow,
    PatientRow,
    ReadinessCriteriaRow,
    RunLogRow,
    RunningProfileRow,
    RunPlanRow,
    VisitRow,
)

SHOWCASE_MRN = "D0001"
# Run number in the plan, distance (km), time (min), walk/run, effort, pain during, after,
# next morning, what the runner said.
REPORTED_RUNS = (
    (1, 1.6, 15.5, "2/3", 3, 1, 1, 0, "Easy; knee quiet."),
    (2, 1.6, 15.0, "2/3", 3, 1, 0, 0, ""),
    (3, 2.4, 22.5, "2/3", 3, 2, 1, 0, "First longer one; fine."),
    (4, 2.4, 21.0, "2/3", 4, 4, 3, 0, "Sharp pain at the kneecap after 15 minutes; finished."),
    (5, 1.6, 15.5, "2/3", 3, 1, 1, 0, "Went back a phase as advised; no pain."),
)


def add_return_to_run(session: Session) -> None:
    """Add the showcase runner's answers, criteria version 1, plan and runs."""
    patient = session.scalar(select(PatientRow).where(PatientRow.mrn == SHOWCASE_MRN))
    episode = session.scalar(select(EpisodeRow).where(EpisodeRow.patient_id == patient.id))
    discharge = session.scalar(
        select(VisitRow).where(VisitRow.episode_id == episode.id, VisitRow.kind == "discharge")
    )
    for test_code, side in ((WALK_TEST, "none"), (HOP_TEST, "left"), (HOP_TEST, "right")):
        session.add(
            MeasurementRow(
                visit_id=discharge.id,
                test_code=test_code,
                side=side,
                mode="none",
                value=1.0,
                unit="pass_fail",
            )
        )
    battery = shipped_battery()
    settings = settings_from_document(default_document(), 1, battery)
    session.add(
        ReadinessCriteriaRow(
            version=1,
            criteria=json.dumps(settings_document(settings)),
            created_at=dt.datetime.combine(episode.started_on, dt.time(8, 0)),
            created_by=discharge.therapist_id,
        )
    )
    session.flush()
    verdict = episode_verdict(session, episode, settings, battery, discharge.visit_date)
    programs = load_run_programs()
    template = programs.template("standard_walk_run")
    profile = session.scalar(
        select(RunningProfileRow).where(RunningProfileRow.episode_id == episode.id)
    )
    plan = generate_plan(
        template,
        programs.progression,
        start_phase=1,
        days_per_week=3,
        start_date=discharge.visit_date + dt.timedelta(days=2),
        weekly_cap_percent=settings.weekly_cap_percent,
        baseline_pain=verdict.rest_pain or 0,
        target_weekly_km=None if profile is None else profile.weekly_km_before,
    )
    plan_row = RunPlanRow(
        episode_id=episode.id,
        visit_id=discharge.id,
        template=template.code,
        start_phase=1,
        days_per_week=3,
        weekly_cap_percent=plan.weekly_cap_percent,
        phases=json.dumps(plan_document(plan)),
        readiness=json.dumps(verdict.to_document()),
        criteria_version=verdict.criteria_version,
        is_active=True,
        created_at=dt.datetime.combine(discharge.visit_date, dt.time(11, 30)),
        created_by=discharge.therapist_id,
    )
    session.add(plan_row)
    session.flush()
    planned_days = {run.number: run.day for run in plan.runs}
    for number, km, minutes, intervals, effort, during, after, morning, notes in REPORTED_RUNS:
        session.add(
            RunLogRow(
                episode_id=episode.id,
                plan_id=plan_row.id,
                run_date=planned_days[number],
                distance_km=km,
                duration_min=minutes,
                intervals=intervals,
                effort=effort,
                pain_during=during,
                pain_after=after,
                pain_next_morning=morning,
                notes=notes,
            )
        )
