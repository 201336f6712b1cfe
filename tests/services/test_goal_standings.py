"""Goal standings: each goal beside the latest figure the Progress tab charts for it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clinic_desktop.domain.access import Role
from clinic_desktop.domain.errors import NotFound, PermissionDenied
from clinic_desktop.domain.goals import validate_goal
from clinic_desktop.domain.units import format_force
from clinic_desktop.storage.models import EpisodeRow
from tests.conftest import sign_in_as


def _showcase(clinic):
    patient_id = clinic.patients.search("D0001")[0].id
    with clinic.database.reading() as session:
        episode_id = session.scalar(
            select(EpisodeRow.id).where(EpisodeRow.patient_id == patient_id)
        )
    return patient_id, episode_id


def _latest(progress, test_code: str, side: str):
    measure = next(m for m in progress.measures if m.test_code == test_code)
    return measure.chart.series_by_key(side).points[-1]


def test_each_goal_stands_beside_the_latest_figure_the_progress_tab_draws(demo_clinic):
    patient_id, episode_id = _showcase(demo_clinic)
    standings = demo_clinic.goals.standings(episode_id)
    assert [s.goal.text for s in standings] == [g.text for g in demo_clinic.goals.list(episode_id)]
    progress = demo_clinic.progress.load(patient_id, episode_id).progress
    hip = standings[1]
    latest = _latest(progress, "hhd_hip_abductors", "right")
    assert hip.target == "at least 180 N"
    assert hip.measured == f"Right {latest.text} on {latest.day.isoformat()}"
    assert hip.computed_status == "met" and latest.value >= 180
    lefs = standings[3]
    lefs_points = next(c for c in progress.outcomes if c.key == "outcome:lefs").series[0].points
    assert lefs.target == "LEFS at least 72 points"
    assert lefs.measured.endswith(f"{lefs_points[-1].text} on {lefs_points[-1].day.isoformat()}")
    # The figures decide a measurable goal, whatever status was typed for it.
    assert lefs.goal.status == "partly_met" and lefs.status == "met"
    # A goal with no measurable target keeps the status the therapist gave it.
    assert standings[0].computed_status is None and standings[0].status == "met"


def test_figures_and_dates_are_worded_in_the_clinics_units_and_date_format(demo_clinic):
    _patient_id, episode_id = _showcase(demo_clinic)
    saved = demo_clinic.settings.load()
    demo_clinic.settings.save(saved.with_changes(force_unit="lbf", date_format="dd/mm/yyyy"))
    hip = demo_clinic.goals.standings(episode_id)[1]
    assert hip.target == f"at least {format_force(180.0, 'lbf')}"
    figure, day = hip.measured.removeprefix("Right ").split(" on ")
    assert figure.endswith(" lbf")
    assert len(day) == 10 and day[2] == "/" and day[5] == "/"


def test_an_episode_without_goals_has_no_standings_and_an_unknown_one_is_refused(demo_clinic):
    # A runner discharged before goals were written down in the demo: none on file.
    other = demo_clinic.patients.search("D0019")[0].id
    episode_id = demo_clinic.progress.load(other).episode_id
    assert demo_clinic.goals.standings(episode_id) == ()
    with pytest.raises(NotFound):
        demo_clinic.goals.standings(999_999)


def test_the_front_desk_cannot_read_goal_standings(demo_clinic):
    _patient_id, episode_id = _showcase(demo_clinic)
    sign_in_as(demo_clinic, frozenset({Role.FRONT_DESK}), username="desk")
    with pytest.raises(PermissionDenied):
        demo_clinic.goals.standings(episode_id)


def test_a_new_goal_measured_for_the_first_time_is_judged_on_that_figure(demo_clinic):
    _patient_id, episode_id = _showcase(demo_clinic)
    with demo_clinic.database.transaction() as session:
        session.get(EpisodeRow, episode_id).status = "active"
    fields = validate_goal(
        demo_clinic.goals.battery,
        demo_clinic.goals.instruments,
        text="Left hip abductors as strong as ever",
        target_test_code="hhd_hip_abductors",
        target_side="left",
        target_value="1400",
    )
    demo_clinic.goals.add(episode_id, fields)
    added = demo_clinic.goals.standings(episode_id)[-1]
    assert added.measured.startswith("Left ")
    assert added.computed_status in ("not_met", "partly_met")
    assert added.status_words in ("not met", "partly met")
