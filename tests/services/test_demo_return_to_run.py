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
