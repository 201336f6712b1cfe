"""Progress series of a known runner: the figures the chart and the reports both draw."""

from __future__ import annotations

import datetime as dt

import pytest

from clinic_desktop.domain.battery import shipped_battery
from clinic_desktop.domain.charts import BandRole, ChartKind, LineRole, SeriesRole
from clinic_desktop.domain.outcomes import load_instruments
from clinic_desktop.domain.progress import (
    DeficitStatus,
    GoalTarget,
    MeasuredValue,
    OutcomeTotal,
    ProgressState,
    VisitRecord,
    episode_progress,
)

D1, D2, D3, D4 = (dt.date(2026, 3, 2), dt.date(2026, 3, 9), dt.date(2026, 3, 16),
                  dt.date(2026, 4, 6))  # fmt: skip
VISITS = (
    VisitRecord(1, D1, "initial", therapist_id=7, pain_now=6, pain_worst=8, pain_best=3),
    VisitRecord(2, D2, "follow_up", attendance="missed", therapist_id=7),
    VisitRecord(3, D3, "follow_up", therapist_id=7, pain_now=4, pain_worst=6),
    VisitRecord(4, D4, "re_evaluation", therapist_id=9, pain_now=1, pain_worst=2, pain_best=0),
)


def _values(code, mode, by_visit):
    return [
        MeasuredValue(visit, code, side, value, mode)
        for visit, sides in by_visit.items()
        for side, value in sides.items()
    ]


MEASURED = (
    _values("hip_abduction", "active", {1: {"left": 45, "right": 36}, 3: {"left": 45, "right": 39},
                                        4: {"left": 46, "right": 44}})
    + _values("knee_flexion", "active", {1: {"left": 135, "right": 130},
                                         3: {"left": 136, "right": 124}})
    + _values("hhd_quadriceps", "none", {1: {"left": 400, "right": 300},
                                         4: {"left": 410, "right": 380}})
    + _values("heel_raise_reps", "none", {1: {"left": 20}, 3: {"left": 24}})
    + _values("single_hop_cm", "none", {4: {"left": 150, "right": 140}})
    + _values("lumbar_flexion", "active", {1: {"none": 40}, 4: {"none": 48}})
    + _values("hip_flexion", "active", {2: {"left": 99, "right": 99}})  # the missed visit
    + _values("no_such_test", "none", {1: {"left": 1, "right": 1}})
)  # fmt: skip
OUTCOMES = (
    OutcomeTotal(1, "lefs", 30),
    OutcomeTotal(3, "lefs", None),  # too many items missing: no total
    OutcomeTotal(4, "lefs", 50),
)
GOALS = (
    GoalTarget("Right quadriceps at least 360 N", "hhd_quadriceps", "right", 360.0),
    GoalTarget("LEFS of at least 60", instrument_id="lefs", value=60.0),
    GoalTarget("Run 5 km without pain"),
)


def progress(**options):
    arguments = dict(
        visits=VISITS,
        measurements=MEASURED,
        battery=shipped_battery(),
        involved_side="right",
        outcomes=OUTCOMES,
        instruments=load_instruments(),
        goals=GOALS,
        age_years=34,
        sex="female",
    )
    arguments.update(options)
    return episode_progress(**arguments)


def test_each_side_is_a_series_of_values_on_the_attended_visit_dates():
    chart = progress().measure("hip_abduction/active").chart
    left, right = chart.series_by_key("left"), chart.series_by_key("right")
    assert (left.role, right.role) == (SeriesRole.LEFT, SeriesRole.RIGHT)
    assert (left.name, right.name) == ("Left", "Right (involved)")
    assert left.days == right.days == (D1, D3, D4)
    assert left.values == (45, 45, 46) and right.values == (36, 39, 44)
    assert [p.visit_id for p in right.points] == [1, 3, 4]
    assert [p.visit_kind for p in right.points] == ["initial", "follow_up", "re_evaluation"]
    assert right.points[0].text == "36°"
    assert chart.unit == "degrees" and chart.kind is ChartKind.MEASURE


def test_a_missed_visit_and_an_unknown_test_put_nothing_on_the_charts():
    result = progress()
    assert [v.id for v in result.visits] == [1, 3, 4]
    keys = {m.key for m in result.measures}
    assert "hip_flexion/active" not in keys and not any("no_such_test" in k for k in keys)


def test_the_norm_is_a_line_and_the_mdc_a_band_around_each_sides_first_value():
    chart = progress().measure("hip_abduction/active").chart
    (norm,) = [line for line in chart.lines if line.role is LineRole.NORM]
    assert norm.value == 45 and "45°" in norm.label and norm.source
    bands = {band.series_key: band for band in chart.bands if band.role is BandRole.MDC}
    # The latest visit was by another therapist: the between-testers MDC (6°) applies.
    assert (bands["right"].low, bands["right"].high) == (30, 42)
    assert (bands["left"].low, bands["left"].high) == (39, 51)
    assert "between different testers" in bands["right"].label


def test_changes_are_judged_against_the_mdc_that_applies():
    result = progress()
    abduction = {c.series_key: c for c in result.measure("hip_abduction/active").chart.changes}
    assert abduction["right"].verdict == "improved_beyond_mdc"  # +8° > 6° between testers
    assert abduction["right"].phrase == "improved beyond MDC"
    assert abduction["right"].change == 8
    assert abduction["left"].verdict == "within_error"  # +1°
    assert abduction["left"].phrase == "within measurement error"
    flexion = {c.series_key: c for c in result.measure("knee_flexion/active").chart.changes}
    assert flexion["right"].verdict == "worse_beyond_mdc"  # -6° > 4° for the same tester
    assert flexion["right"].phrase == "worse beyond MDC"
    assert "130° on 2026-03-02 → 124°" in flexion["right"].sentence


def test_forces_follow_the_clinics_unit_and_a_goal_is_a_line_on_its_side():
    chart = progress(force_unit="kgf").measure("hhd_quadriceps/none").chart
    right = chart.series_by_key("right")
    assert right.values == pytest.approx((300 / 9.80665, 380 / 9.80665))
    assert right.points[0].text == "30.6 kgf" and chart.unit == "kgf"
    (goal,) = [line for line in chart.lines if line.role is LineRole.GOAL]
    assert goal.value == pytest.approx(360 / 9.80665) and goal.series_key == "right"
    assert goal.label == "Goal right 36.7 kgf"
    # No MDC is on file for dynamometry: no band and no verdict, and the sentence says so.
    assert not [b for b in chart.bands if b.role is BandRole.MDC]
    assert {c.verdict for c in chart.changes} == {None}
    assert "no verdict" in chart.changes[0].sentence


def test_symmetry_runs_involved_over_uninvolved_against_the_clinic_thresholds():
    result = progress()
    symmetry = result.symmetry
    assert symmetry.kind is ChartKind.SYMMETRY and symmetry.unit == "%"
    thresholds = {line.value: line for line in symmetry.lines}
    assert set(thresholds) == {80.0, 90.0}
    assert all(line.role is LineRole.THRESHOLD and line.source for line in thresholds.values())
    quads = symmetry.series_by_key("hhd_quadriceps/none")
    assert quads.days == (D1, D4)
    assert quads.values == pytest.approx((75.0, 380 / 410 * 100))
    assert quads.name == "Quadriceps force (dynamometer): right ÷ left"
    assert result.measure("hhd_quadriceps/none").symmetry == quads
    # Range of motion is compared in degrees, not as a ratio.
    assert result.measure("hip_abduction/active").symmetry is None


def test_with_no_single_involved_side_symmetry_is_the_weaker_over_the_stronger_side():
    quads = progress(involved_side="none").symmetry.series_by_key("hhd_quadriceps/none")
    assert quads.values == pytest.approx((75.0, 380 / 410 * 100))
    assert "weaker ÷ stronger" in quads.name
    chart = progress(involved_side="none").measure("hhd_quadriceps/none").chart
    assert [s.name for s in chart.series] == ["Left", "Right"]


def test_deficits_at_the_latest_visit_come_first_then_those_resolved_since():
    measures = progress().measures
    statuses = [m.deficit for m in measures]
    rank = {DeficitStatus.NOW: 0, DeficitStatus.RESOLVED: 1}
    assert [rank.get(s, 2) for s in statuses] == sorted(rank.get(s, 2) for s in statuses)
    flexion = progress().measure("knee_flexion/active")
    assert flexion.deficit is DeficitStatus.NOW and "124°" in flexion.deficit_text
    quads = progress().measure("hhd_quadriceps/none")  # 75% at first, 93% at the latest
    assert quads.deficit is DeficitStatus.RESOLVED and "75%" in quads.deficit_text
    assert measures[0].deficit is DeficitStatus.NOW


def test_a_norm_by_age_and_sex_is_a_line_or_without_the_sex_a_band():
    chart = progress().measure("heel_raise_reps/none").chart
    (norm,) = chart.lines
    assert norm.value == 27 and norm.role is LineRole.NORM  # women 30-39 (Hebert-Losier 2017)
    unknown = progress(sex="unknown").measure("heel_raise_reps/none").chart
    (band,) = [b for b in unknown.bands if b.role is BandRole.NORM]
    assert (band.low, band.high) == (27, 32) and not unknown.lines


def test_a_chart_says_when_one_side_or_one_visit_is_all_there_is():
    result = progress()
    heel = result.measure("heel_raise_reps/none").chart
    assert "Only the left side was measured" in heel.notice
    assert "right side" in heel.notice
    hop = result.measure("single_hop_cm/none").chart
    assert "one visit only (2026-04-06)" in hop.notice
    assert result.measure("hip_abduction/active").chart.notice == ""


def test_a_test_without_sides_is_one_series():
    chart = progress().measure("lumbar_flexion/active").chart
    (single,) = chart.series
    assert single.role is SeriesRole.SINGLE and single.values == (40, 48)


def test_pain_is_charted_0_to_10_with_the_mcid_band_from_the_first_rating():
    pain = progress().pain
    assert pain.kind is ChartKind.PAIN and pain.value_range == (0.0, 10.0)
    now = pain.series_by_key("pain_now")
    assert now.role is SeriesRole.PAIN_NOW and now.values == (6, 4, 1)
    assert pain.series_by_key("pain_best").days == (D1, D4)
    (band,) = pain.bands
    assert (band.low, band.high, band.role) == (4, 8, BandRole.MCID)
    (change,) = pain.changes
    assert change.verdict == "improved" and change.change == -5
    assert "at least the minimal clinically important difference of 2 points" in change.sentence


def test_questionnaire_totals_with_their_mcid_goal_and_verdict():
    (lefs,) = progress().outcomes
    (series,) = lefs.series
    assert series.values == (30, 50) and series.days == (D1, D4)  # the unscored total is left out
    assert lefs.value_range == (0.0, 80.0)
    (band,) = lefs.bands
    assert (band.low, band.high) == (21, 39)
    (goal,) = lefs.lines
    assert goal.value == 60 and goal.role is LineRole.GOAL
    (change,) = lefs.changes
    assert change.verdict == "improved" and change.phrase == "improved by at least the MCID"


def test_sentences_use_the_clinics_date_format():
    result = progress(date_format="dd/mm/yyyy")
    flexion = result.measure("knee_flexion/active").chart.changes
    assert any("02/03/2026" in change.sentence for change in flexion)


def test_states_say_what_to_do_when_there_is_little_or_nothing_to_chart():
    nothing = progress(visits=())
    assert nothing.state is ProgressState.NO_VISITS and "Assessment tab" in nothing.message
    empty = progress(visits=(VisitRecord(5, D1, "initial"),), measurements=(), outcomes=())
    assert empty.state is ProgressState.NO_DATA and "Assessment tab" in empty.message
    one = progress(visits=VISITS[:1], outcomes=OUTCOMES[:1])
    assert one.state is ProgressState.ONE_VISIT
    assert "initial evaluation, 2026-03-02" in one.message and "next visit" in one.message
    assert progress().state is ProgressState.READY and progress().message == ""


def test_a_symmetry_chart_can_be_narrowed_to_chosen_measures():
    result = progress()
    narrowed = result.symmetry_for(["hhd_quadriceps/none", "hip_abduction/active"])
    assert [s.key for s in narrowed.series] == ["hhd_quadriceps/none"]
    assert len(narrowed.lines) == 2
    assert result.symmetry_for(["hip_abduction/active"]) is None


def test_a_timed_test_divides_the_other_way_so_a_slower_involved_side_is_below_100():
    timed = _values("timed_hop_6m_s", "none", {1: {"left": 2.0, "right": 2.5}})
    result = progress(measurements=timed)
    hop = result.symmetry.series_by_key("timed_hop_6m_s/none")
    assert hop.values == pytest.approx((80.0,))
    assert hop.name.endswith("left time ÷ right time")
