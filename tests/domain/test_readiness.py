"""Readiness to start walk/run: each criterion judged on the latest data, and the verdict."""

from __future__ import annotations

import datetime as dt

import pytest

from clinic_desktop.domain.battery import load_battery
from clinic_desktop.domain.errors import ValidationErrors
from clinic_desktop.domain.readiness import (
    CriterionStatus,
    Overall,
    ReadinessFacts,
    ReadinessValue,
    ReadinessVisit,
    evaluate_readiness,
    verdict_from_document,
)
from clinic_desktop.domain.readiness_criteria import (
    CriteriaDocumentError,
    default_document,
    revise_settings,
    settings_document,
    settings_from_document,
)

BATTERY = load_battery()
DISCHARGE = ReadinessVisit(20, dt.date(2026, 9, 14), "discharge", pain_now=1)
EARLIER = ReadinessVisit(10, dt.date(2026, 8, 1), "re_evaluation", pain_now=4)
TODAY = dt.date(2026, 9, 15)


@pytest.fixture
def settings():
    return settings_from_document(default_document(), 1, BATTERY)


def all_met_values(visit_id: int = 20) -> dict[tuple[str, str], float]:
    """Every criterion met for a right-sided injury (a 34-year-old woman: norm 27 raises)."""
    values = {
        ("walk_30min_pain_free", "none"): 1,
        ("hops_pain_free_10", "left"): 1,
        ("hops_pain_free_10", "right"): 1,
        ("single_leg_squat", "left"): 1,
        ("single_leg_squat", "right"): 1,
        ("heel_raise_reps", "left"): 30,
        ("heel_raise_reps", "right"): 28,
    }
    for code in ("hhd_quadriceps", "hhd_hamstrings", "hhd_hip_abductors", "hhd_calf"):
        values[(code, "left")] = 400
        values[(code, "right")] = 380
    return values


def facts(values, visits=(DISCHARGE,), visit_id=20, side="right", details=None):
    rows = []
    for (code, where), value in values.items():
        detail = (details or {}).get((code, where), {})
        rows.append(ReadinessValue(visit_id, code, where, float(value), **detail))
    return ReadinessFacts(tuple(visits), tuple(rows), side, "female", 34)


def judge(settings, the_facts):
    return evaluate_readiness(settings, the_facts, BATTERY, evaluated_on=TODAY)


def test_a_runner_meeting_every_criterion_is_ready_and_the_verdict_names_its_version(settings):
    verdict = judge(settings, facts(all_met_values()))
    assert verdict.overall is Overall.READY
    assert verdict.headline == "Ready to start walk/run"
    assert [r.status for r in verdict.results] == [CriterionStatus.MET] * 9
    assert verdict.criteria_version == 1
    assert verdict.rest_pain == 1
    quads = verdict.result("strength_quadriceps")
    assert quads.figure == "Left 400 N, Right (involved) 380 N; symmetry 95%"
    assert quads.where == "discharge, 2026-09-14"
    assert verdict.result("pain").figure == "Pain at rest 1/10; with hopping 0/10"


def test_one_criterion_short_means_not_yet_with_one_open(settings):
    values = all_met_values()
    values[("hhd_calf", "right")] = 300  # 75% of the left
    verdict = judge(settings, facts(values))
    assert verdict.overall is Overall.NOT_YET
    assert verdict.headline == "Not yet (1 criterion open)"
    calf = verdict.result("strength_calf")
    assert calf.status is CriterionStatus.NOT_MET
    assert "symmetry 75%" in calf.figure
    assert calf.source.startswith("Clinic default")


def test_nothing_tested_is_incomplete_and_every_criterion_says_not_tested(settings):
    verdict = judge(settings, ReadinessFacts((), (), "right"))
    assert verdict.overall is Overall.INCOMPLETE
    assert verdict.headline == "Incomplete (9 criteria not tested)"
    assert {r.status for r in verdict.results} == {CriterionStatus.NOT_TESTED}
    assert verdict.result("strength_hamstrings").figure == "Not measured in this episode yet."


def test_a_failure_and_untested_items_count_together_as_open(settings):
    values = {("single_leg_squat", "left"): 1, ("single_leg_squat", "right"): 0}
    verdict = judge(settings, facts(values))
    assert verdict.headline == "Not yet (9 criteria open)"
    assert verdict.result("single_leg_squat").status is CriterionStatus.NOT_MET


@pytest.mark.parametrize(
    ("right_force", "status"),
    [(320, CriterionStatus.MET), (319.6, CriterionStatus.NOT_MET)],
    ids=["exactly 80% is met", "79.9% is not"],
)
def test_strength_symmetry_on_the_threshold(settings, right_force, status):
    values = all_met_values()
    values[("hhd_quadriceps", "right")] = right_force
    assert judge(settings, facts(values)).result("strength_quadriceps").status is status


@pytest.mark.parametrize(
    ("pain_now", "status"), [(2, CriterionStatus.MET), (3, CriterionStatus.NOT_MET)]
)
def test_pain_at_rest_on_the_limit(settings, pain_now, status):
    visit = ReadinessVisit(20, DISCHARGE.day, "discharge", pain_now=pain_now)
    verdict = judge(settings, facts(all_met_values(), visits=(visit,)))
    assert verdict.result("pain").status is status


def test_pain_with_hopping_comes_from_the_hop_answer(settings):
    values = all_met_values()
    values[("hops_pain_free_10", "right")] = 0
    verdict = judge(settings, facts(values, details={("hops_pain_free_10", "right"): {"pain": 3}}))
    assert verdict.result("pain").status is CriterionStatus.NOT_MET
    assert verdict.result("pain").figure == "Pain at rest 1/10; with hopping 3/10"
    assert verdict.result("hops_pain_free").figure == "Left yes; Right (involved) no (pain 3/10)"
    unscored = judge(settings, facts(values))
    assert unscored.result("pain").status is CriterionStatus.NOT_TESTED


def test_heel_raises_pass_by_symmetry_or_by_the_age_and_sex_norm(settings):
    values = all_met_values()
    values[("heel_raise_reps", "left")] = 40
    values[("heel_raise_reps", "right")] = 27  # 67%, but the norm for a woman in her 30s
    result = judge(settings, facts(values)).result("heel_raise")
    assert result.status is CriterionStatus.MET
    assert "norm 27 (female, 34 y)" in result.figure
    values[("heel_raise_reps", "right")] = 26
    assert judge(settings, facts(values)).result("heel_raise").status is CriterionStatus.NOT_MET


def test_the_latest_visit_that_measured_a_test_decides(settings):
    later = dict(all_met_values())
    old_squat = [
        ReadinessValue(10, "single_leg_squat", "right", 0.0, ("knee_valgus",)),
        ReadinessValue(10, "single_leg_squat", "left", 1.0),
    ]
    rows = [ReadinessValue(20, c, s, float(v)) for (c, s), v in later.items()]
    the_facts = ReadinessFacts((EARLIER, DISCHARGE), tuple(old_squat + rows), "right")
    squat = judge(settings, the_facts).result("single_leg_squat")
    assert squat.status is CriterionStatus.MET
    assert squat.where == "discharge, 2026-09-14"
    only_old = ReadinessFacts((EARLIER, DISCHARGE), tuple(old_squat), "right")
    failed = judge(settings, only_old).result("single_leg_squat")
    assert failed.figure == "Left pass; Right (involved) fail (knee moves inward)"
    assert failed.where == "re-evaluation, 2026-08-01"


def test_manual_grades_count_when_the_involved_side_grades_as_well(settings):
    values = {("mmt_calf", "left"): 10, ("mmt_calf", "right"): 9}
    result = judge(settings, facts(values)).result("strength_calf")
    assert result.status is CriterionStatus.NOT_MET
    assert result.figure.startswith("Left 5, Right (involved) 4+ (manual grades")
    values[("mmt_calf", "right")] = 10
    assert judge(settings, facts(values)).result("strength_calf").status is CriterionStatus.MET


def test_without_an_involved_side_the_weaker_leg_is_compared_with_the_stronger(settings):
    values = {("hhd_hamstrings", "left"): 200, ("hhd_hamstrings", "right"): 300}
    result = judge(settings, facts(values, side="both")).result("strength_hamstrings")
    assert result.status is CriterionStatus.NOT_MET
    assert "symmetry 67%" in result.figure


def test_the_clinic_chooses_criteria_and_thresholds_as_a_new_version(settings):
    revised = revise_settings(
        settings,
        applies={"strength_hip_abductors": False},
        thresholds={"strength_calf": "70", "pain": 3},
        weekly_cap_percent="15",
    )
    assert revised.version == 2 and revised.weekly_cap_percent == 15
    assert revised.criterion("strength_calf").min_symmetry_pct == 70
    assert "clinic setting" in revised.criterion("strength_calf").source
    values = all_met_values()
    values[("hhd_calf", "right")] = 300  # 75%: short of 80, enough for 70
    verdict = judge(revised, facts(values))
    assert verdict.overall is Overall.READY and verdict.criteria_version == 2
    assert "strength_hip_abductors" not in [r.code for r in verdict.results]
    stored = settings_from_document(settings_document(revised), 2, BATTERY)
    assert stored.criteria == revised.criteria


def test_unusable_changes_are_refused_field_by_field(settings):
    with pytest.raises(ValidationErrors) as refused:
        revise_settings(
            settings,
            applies={},
            thresholds={"pain": "eleven", "heel_raise": 40},
            weekly_cap_percent=0,
        )
    assert set(refused.value.by_field()) == {"pain", "heel_raise", "weekly_cap_percent"}
    assert refused.value.by_field()["pain"].startswith("The pain limit for 'Pain at rest")


def test_every_shipped_criterion_names_its_source_and_tests_the_battery_has(settings):
    assert len(settings.criteria) == 9
    assert all(c.source for c in settings.criteria)
    assert sum(c.clinic_default for c in settings.criteria) >= 4
    document = default_document()
    document["criteria"][5]["tests"] = ["no_such_test"]
    with pytest.raises(CriteriaDocumentError, match="no_such_test"):
        settings_from_document(document, 1, BATTERY)


def test_a_verdict_kept_with_a_plan_reads_back_the_same(settings):
    verdict = judge(settings, facts(all_met_values()))
    again = verdict_from_document(verdict.to_document())
    assert again.headline == verdict.headline and again.criteria_version == 1
    assert [r.figure for r in again.results] == [r.figure for r in verdict.results]
