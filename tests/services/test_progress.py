"""Progress service: an episode's records read at once, charted by the domain."""

from __future__ import annotations

import datetime as dt

import pytest

from clinic_desktop.domain.access import Role
from clinic_desktop.domain.charts import LineRole
from clinic_desktop.domain.errors import NotFound, PermissionDenied
from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.domain.progress import DeficitStatus, ProgressState
from tests.conftest import sign_in_as


def _showcase_id(clinic) -> int:
    return clinic.patients.search("D0001")[0].id


def test_the_showcase_runner_has_every_chart_over_nine_visits(demo_clinic):
    loaded = demo_clinic.progress.load(_showcase_id(demo_clinic))
    progress = loaded.progress
    assert loaded.episode_id == loaded.episodes[0].id and len(loaded.episodes) == 1
    assert progress.state is ProgressState.READY and progress.involved_side == "right"
    assert len(progress.visits) == 9
    assert progress.visits[0].kind == "initial" and progress.visits[-1].kind == "discharge"
    # Every bilateral test the demo records appears, with values on both sides.
    abductors = progress.measure("hhd_hip_abductors/none").chart
    assert [s.key for s in abductors.series] == ["left", "right"]
    assert len(abductors.series_by_key("right").points) == 9
    (goal,) = [line for line in abductors.lines if line.role is LineRole.GOAL]
    assert goal.value == 180 and goal.series_key == "right"
    (lefs,) = progress.outcomes
    assert [line.value for line in lefs.lines] == [72]
    assert progress.pain is not None and len(progress.pain.series_by_key("pain_now").points) == 9
    assert progress.symmetry is not None and len(progress.symmetry.series) >= 10
    statuses = [m.deficit for m in progress.measures]
    assert DeficitStatus.RESOLVED in statuses


def test_forces_come_in_the_clinics_unit(demo_clinic):
    loaded = demo_clinic.progress.load(_showcase_id(demo_clinic), force_unit="lbf")
    chart = loaded.progress.measure("hhd_hip_abductors/none").chart
    assert chart.unit == "lbf" and chart.series[0].points[0].text.endswith(" lbf")


def test_a_patient_without_an_episode_is_told_where_to_start(clinic):
    patient = clinic.patients.register(
        NewPatient("Moreau", "Léa", dt.date(1990, 5, 1), sex="female")
    )
    loaded = clinic.progress.load(patient.id)
    assert loaded.episodes == () and loaded.episode_id is None
    assert loaded.progress.state is ProgressState.NO_VISITS
    assert "no episode of care yet" in loaded.progress.message


def test_another_patients_episode_is_never_shown(demo_clinic):
    showcase = _showcase_id(demo_clinic)
    other = demo_clinic.patients.search("D0002")[0].id
    others_episode = demo_clinic.progress.load(other).episode_id
    loaded = demo_clinic.progress.load(showcase, episode_id=others_episode)
    assert loaded.episode_id != others_episode
    assert loaded.episode_id in {e.id for e in loaded.episodes}


def test_an_unknown_patient_is_not_found(demo_clinic):
    with pytest.raises(NotFound):
        demo_clinic.progress.load(999_999)


def test_the_front_desk_cannot_read_clinical_progress(demo_clinic):
    sign_in_as(demo_clinic, frozenset({Role.FRONT_DESK}), username="desk")
    with pytest.raises(PermissionDenied):
        demo_clinic.progress.load(_showcase_id(demo_clinic))
