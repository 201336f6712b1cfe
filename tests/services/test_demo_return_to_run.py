"""The demo clinic's return to running: the showcase runner's discharge, plan and runs."""

from __future__ import annotations

from clinic_desktop.domain.readiness import Overall
from tests.conftest import DEMO_ANCHOR


def test_the_showcase_runner_was_discharged_ready_with_a_plan_and_one_breach(demo_clinic):
    patient = demo_clinic.patients.search("D0001")[0]
    state = demo_clinic.return_to_run.load(patient.id)
    assert state.answer_visit.kind == "discharge" and state.answer_visit.signed
    assert {(a.test_code, a.side, a.passed) for a in state.answers} == {
        ("walk_30min_pain_free", "none", True),
        ("hops_pain_free_10", "left", True),
        ("hops_pain_free_10", "right", True),
    }
    assert state.verdict.overall is Overall.READY
    plan = state.plan
    assert plan.readiness.overall is Overall.READY and plan.criteria_version == 1
    assert plan.plan.template_code == "standard_walk_run" and plan.created_by
    assert plan.plan.start_date > state.answer_visit.day
    assert len(state.runs) == 5 and all(r.plan_id == plan.id for r in state.runs)
    assert [(b.code, b.run_id) for b in state.breaches] == [("pain_during", state.runs[3].id)]
    assert state.runs[-1].run_date < DEMO_ANCHOR  # reported before the demo's "today"


def test_the_showcase_running_log_is_charted_as_weekly_load_against_pain(demo_clinic):
    patient = demo_clinic.patients.search("D0001")[0]
    distance, time, pain = demo_clinic.return_to_run.load_charts(patient.id)
    assert [round(v, 1) for v in distance.series[0].values] == [5.6, 4.0]
    assert time.series[0].values == (53.0, 36.5)
    assert pain.series[0].values == (2.0, 4.0) and pain.lines[0].value == 3
    assert demo_clinic.return_to_run.load_charts(demo_clinic.patients.search("D0002")[0].id) == ()
