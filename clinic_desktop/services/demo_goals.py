"""Goals for the demo clinic's runners still in care, set at their first visit.

Each active injury episode gets three goals set with the runner: a running goal in words,
a strength target on the involved side at 90% of the other side's first force, and a LEFS
total. No random numbers: the targets come from the runner's own first measurements, so the
same demo clinic always has the same goals. ``D0001``'s goals are set with her course.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_desktop.storage.models import (
    EpisodeRow,
    GoalRow,
    MeasurementRow,
    PatientRow,
    VisitRow,
)

STRENGTH_TESTS = {
    "hhd_hip_abductors": "hip abductors",
    "hhd_quadriceps": "quadriceps",
    "hhd_hip_extensors": "hip extensors",
}
RUNNING_GOALS = (
    "Run 5 km on the road without pain above 2/10",
    "Run three times a week without pain the next morning",
    "Back to the weekly long run at an easy pace",
)
LEFS_TARGET = 72.0


def add_demo_goals(session: Session) -> None:
    """Goals for every active injury episode that has none yet."""
    episodes = session.scalars(
        select(EpisodeRow)
        .join(PatientRow, PatientRow.id == EpisodeRow.patient_id)
        .where(EpisodeRow.status == "active", EpisodeRow.kind == "injury")
        .order_by(PatientRow.mrn)
    ).all()
    for episode in episodes:
        if session.scalar(select(GoalRow.id).where(GoalRow.episode_id == episode.id).limit(1)):
            continue
        first = session.scalar(
            select(VisitRow)
            .where(VisitRow.episode_id == episode.id, VisitRow.attendance == "attended")
            .order_by(VisitRow.visit_date, VisitRow.id)
            .limit(1)
        )
        if first is None:
            continue
        target_date = first.visit_date + dt.timedelta(days=56)
        goals = [
            GoalRow(text=RUNNING_GOALS[episode.id % len(RUNNING_GOALS)], status="open"),
            *_strength_goal(session, episode, first),
            GoalRow(
                text=f"Everyday and running function back: LEFS at least {LEFS_TARGET:g}",
                target_instrument="lefs",
                target_value=LEFS_TARGET,
                status="open",
            ),
        ]
        for position, goal in enumerate(goals):
            goal.episode_id = episode.id
            goal.position = position
            goal.target_date = target_date
            session.add(goal)
    session.flush()


def _strength_goal(session: Session, episode: EpisodeRow, first: VisitRow) -> list[GoalRow]:
    """90% of the other side's first force on the involved side, when both were measured."""
    if episode.side not in ("left", "right"):
        return []
    other = "left" if episode.side == "right" else "right"
    for code, muscles in STRENGTH_TESTS.items():
        values = dict(
            session.execute(
                select(MeasurementRow.side, MeasurementRow.value).where(
                    MeasurementRow.visit_id == first.id, MeasurementRow.test_code == code
                )
            ).all()
        )
        if episode.side in values and other in values:
            target = round(values[other] * 0.9 / 5) * 5
            return [
                GoalRow(
                    text=f"{episode.side.capitalize()} {muscles} at 90% of the {other} side",
                    target_test_code=code,
                    target_side=episode.side,
                    target_value=float(target),
                    status="open",
                )
            ]
    return []
