"""The demo clinic: believable, complete enough for every screen, and always the same."""

from __future__ import annotations

import datetime as dt
import hashlib

from sqlalchemy import func, select

from clinic_desktop.domain.battery import load_battery
from clinic_desktop.services.demo import ensure_demo_clinic
from clinic_desktop.storage.database import open_database
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import (
    EpisodeRow,
    GoalRow,
    MeasurementRow,
    OutcomeResponseRow,
    PatientRow,
    VisitRow,
)
from tests.conftest import DEMO_ANCHOR


def test_the_showcase_patient_has_a_full_course_of_care(demo_clinic):
    found = demo_clinic.patients.search("D0001")
    assert found[0].mrn == "D0001"
    overview = demo_clinic.patients.overview(found[0].id)
    kinds = [v.kind for v in overview.visits]
    assert kinds[0] == "initial" and kinds[-1] == "discharge"
    assert kinds.count("follow_up") >= 6 and "re_evaluation" in kinds
    assert overview.episodes[0].diagnosis_code == "M22.2X1"  # right patellofemoral pain
    with demo_clinic.database.reading() as session:
        visit_ids = [v.id for v in overview.visits]
        codes = set(
            session.scalars(
                select(MeasurementRow.test_code).where(MeasurementRow.visit_id.in_(visit_ids))
            )
        )
        lefs = session.scalar(
            select(func.count())
            .select_from(OutcomeResponseRow)
            .where(
                OutcomeResponseRow.visit_id.in_(visit_ids), OutcomeResponseRow.instrument == "lefs"
            )
        )
        goals = session.scalars(
            select(GoalRow).where(GoalRow.episode_id == overview.episodes[0].id)
        ).all()
    kinds_measured = {load_battery().test(code).kind for code in codes}
    assert kinds_measured == {"rom", "strength", "functional"}
    assert lefs == len(visit_ids)
    assert len(goals) >= 3 and any(g.target_test_code for g in goals)


def test_every_measurement_is_a_known_test_within_its_valid_range(demo_clinic):
    battery = load_battery()
    with demo_clinic.database.reading() as session:
        rows = session.execute(
            select(MeasurementRow.test_code, MeasurementRow.value, MeasurementRow.unit)
        ).all()
    assert len(rows) > 1000
    for code, value, unit in rows:
        test = battery.test(code)
        assert test.unit == unit, code
        assert test.valid_min <= value <= test.valid_max, (code, value)


def test_the_clinic_is_varied_like_a_real_caseload(demo_clinic):
    with demo_clinic.database.reading() as session:
        patients = session.scalar(select(func.count()).select_from(PatientRow))
        statuses = dict(
            session.execute(
                select(EpisodeRow.status, func.count()).group_by(EpisodeRow.status)
            ).all()
        )
        kinds = dict(
            session.execute(select(EpisodeRow.kind, func.count()).group_by(EpisodeRow.kind)).all()
        )
        visits_per_episode = session.scalars(
            select(func.count()).select_from(VisitRow).group_by(VisitRow.episode_id)
        ).all()
    assert 35 <= patients <= 45
    assert statuses.get("active", 0) >= 5 and statuses.get("discharged", 0) >= 5
    assert kinds.get("performance") == 1
    assert min(visits_per_episode) >= 3 and max(visits_per_episode) <= 12


def _content_digest(path) -> str:
    database = open_database(DatabaseLocation.sqlite_file(path))
    digest = hashlib.sha256()
    with database.reading() as session:
        for table in ("patient", "episode", "visit", "measurement", "outcome_response", "goal"):
            for row in session.execute(
                select(
                    *[
                        c
                        for c in PatientRow.metadata.tables[table].c
                        if c.name not in ("created_at", "updated_at")
                    ]
                )
            ):
                digest.update(repr(tuple(row)).encode())
    database.dispose()
    return digest.hexdigest()


def test_the_same_anchor_day_always_gives_the_same_clinic(tmp_path):
    paths = [tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"]
    for path in paths:
        database = open_database(DatabaseLocation.sqlite_file(path))
        assert ensure_demo_clinic(database, anchor=DEMO_ANCHOR)
        assert not ensure_demo_clinic(database, anchor=DEMO_ANCHOR)  # only once
        database.dispose()
    assert _content_digest(paths[0]) == _content_digest(paths[1])


def test_the_most_recent_visits_are_close_to_the_anchor_day(demo_clinic):
    latest = demo_clinic.patients.search("")[0].last_visit_on
    assert DEMO_ANCHOR - dt.timedelta(days=21) <= latest <= DEMO_ANCHOR


def test_runners_in_care_have_goals_the_goal_rules_accept(demo_clinic):
    from clinic_desktop.domain.goals import validate_goal
    from clinic_desktop.storage.models import EpisodeRow, GoalRow

    with demo_clinic.database.reading() as session:
        active = session.scalars(
            select(EpisodeRow.id).where(EpisodeRow.status == "active", EpisodeRow.kind == "injury")
        ).all()
        goals = session.scalars(select(GoalRow).where(GoalRow.episode_id.in_(active))).all()
    assert {g.episode_id for g in goals} == set(active)
    for goal in goals:
        validate_goal(
            demo_clinic.goals.battery,
            demo_clinic.goals.instruments,
            text=goal.text,
            target_test_code=goal.target_test_code,
            target_side=goal.target_side,
            target_value=goal.target_value,
            target_instrument=goal.target_instrument,
        )
    assert any(g.target_test_code for g in goals) and any(g.target_instrument for g in goals)
