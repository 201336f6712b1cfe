"""What the assessment grid shows for a visit: every figure, as the clinic relies on it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_desktop.domain.assessment import grid_row, grid_rows
from clinic_desktop.domain.assessment_values import (
    CellKey,
    EarlierValue,
    Measurement,
    Visit,
    VisitRecord,
    cell_name,
    difference_text,
    entry_text,
    initial_plan,
    parse_planned_entry,
    percent_text,
    plan_with,
    planned_entry,
    read_entry,
    row_label,
    value_text,
    visit_rows,
)
from clinic_desktop.domain.battery import shipped_battery
from clinic_desktop.domain.deficits import deficit_summary, y_balance_composites
from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.measures import ChangeVerdict

BATTERY = shipped_battery()
THRESHOLD = 90.0


def visit(plan=(), therapist_id=1) -> Visit:
    return Visit(
        id=10, episode_id=1, visit_date=dt.date(2026, 10, 1), kind="follow_up",
        attendance="attended", status="draft", therapist_id=therapist_id, therapist="",
        signed_at=None, signed_by="", planned_tests=tuple(plan), version=1,
    )  # fmt: skip


def record(values, involved="right", earlier=None, sex="female", age=34, weight=60.0, plan=()):
    """``values``: {(code, side, mode): value or (value, painful, compensations)}."""
    measurements = []
    for number, ((code, side, mode), value) in enumerate(values.items(), start=1):
        value, painful, compensations = value if isinstance(value, tuple) else (value, False, ())
        measurements.append(
            Measurement(
                number, 10, code, side, mode, float(value), BATTERY.test(code).unit,
                painful, tuple(compensations),
            )
        )  # fmt: skip
    earlier_values = {
        CellKey(*key): EarlierValue(value, 9, dt.date(2026, 9, 20), same)
        for key, (value, same) in (earlier or {}).items()
    }
    return VisitRecord(
        visit(plan), involved, sex, age, weight, tuple(measurements), earlier_values
    )


def row_for(code, values, mode=None, **kwargs):
    test = BATTERY.test(code)
    mode = mode or (test.modes[0] if test.modes else "none")
    return grid_row(test, mode, record(values, **kwargs), THRESHOLD)


# --- typing values ------------------------------------------------------------------------


def test_a_kendall_grade_is_stored_as_its_0_to_10_equivalent():
    assert read_entry(BATTERY.test("mmt_hip_abductors"), "4+") == 9.0


@pytest.mark.parametrize("text", ["6", "4++", "5+", "abc"])
def test_an_impossible_grade_is_refused_with_the_grades_that_exist(text):
    with pytest.raises(ValidationError) as error:
        read_entry(BATTERY.test("mmt_quadriceps"), text, field="mmt_quadriceps.left.none")
    assert error.value.field == "mmt_quadriceps.left.none"
    assert "4+" in error.value.message


def test_an_out_of_range_angle_reads_as_a_sentence_in_degrees():
    with pytest.raises(ValidationError) as error:
        read_entry(BATTERY.test("knee_flexion"), "200")
    assert error.value.message == "Knee flexion must be between -20 and 170 degrees."


def test_text_in_a_number_cell_asks_for_a_number():
    with pytest.raises(ValidationError) as error:
        read_entry(BATTERY.test("knee_flexion"), "lots")
    assert error.value.message == "Knee flexion needs a number, such as 135."


def test_a_hop_of_zero_is_refused():
    with pytest.raises(ValidationError) as error:
        read_entry(BATTERY.test("single_hop_cm"), "0")
    assert "between 1 and 400 cm" in error.value.message


def test_a_force_typed_in_kgf_is_stored_in_newtons():
    assert read_entry(BATTERY.test("hhd_quadriceps"), "25.5", "kgf") == pytest.approx(250.0696)


def test_a_force_out_of_range_is_explained_in_the_clinic_unit():
    with pytest.raises(ValidationError) as error:
        read_entry(BATTERY.test("hhd_quadriceps"), "400", "lbf")
    assert error.value.message == "Quadriceps force (dynamometer) must be between 0 and 337.2 lbf."
    with pytest.raises(ValidationError) as error:
        read_entry(BATTERY.test("hhd_quadriceps"), "strong", "kgf")
    assert "needs a number in kgf" in error.value.message


@given(
    force_n=st.floats(min_value=0, max_value=1500, allow_nan=False),
    unit=st.sampled_from(["N", "kgf", "lbf"]),
)
def test_a_force_shown_for_editing_reads_back_within_the_shown_precision(force_n, unit):
    test = BATTERY.test("hhd_calf")
    text = entry_text(test, force_n, unit)
    # Two decimals in the clinic's unit: off by at most half a hundredth of that unit.
    half_hundredth_n = {"N": 0.005, "kgf": 0.049034, "lbf": 0.022242}[unit]
    assert read_entry(test, text, unit) == pytest.approx(force_n, abs=half_hundredth_n)


@pytest.mark.parametrize("value", [float(v) for v in range(11)])
def test_every_grade_shown_for_editing_reads_back_to_the_same_equivalent(value):
    test = BATTERY.test("mmt_calf")
    assert read_entry(test, entry_text(test, value)) == (1.0 if value == 1 else value)


def test_values_are_shown_in_the_clinic_units_with_force_per_body_mass():
    assert value_text(BATTERY.test("hip_flexion"), 118) == "118°"
    assert value_text(BATTERY.test("hhd_quadriceps"), 392.266, "kgf", 80) == (
        "40 kgf · 4.9 N/kg"
    )
    assert value_text(BATTERY.test("hhd_quadriceps"), 392.266, "kgf", None) == "40 kgf"
    assert value_text(BATTERY.test("mmt_quadriceps"), 9) == "4+"


def test_differences_carry_a_sign_and_the_unit():
    assert difference_text(BATTERY.test("hip_flexion"), -12) == "\u221212°"
    assert difference_text(BATTERY.test("knee_to_wall"), 3.5) == "+3.5 cm"
    assert difference_text(BATTERY.test("hhd_calf"), -98.0665, "kgf") == "\u221210 kgf"
    assert difference_text(BATTERY.test("hip_flexion"), 0) == "0°"


# --- rows of a visit --------------------------------------------------------------------


def test_a_new_evaluation_lists_every_test_the_clinic_uses():
    plan = initial_plan(BATTERY)
    assert plan[0] == "hip_flexion" and "single_leg_squat" in plan
    assert len(plan) == len(BATTERY.enabled_tests())


def test_a_passive_row_is_planned_with_its_mode_and_sits_under_the_active_row():
    test = BATTERY.test("hip_flexion")
    assert planned_entry(test, "active") == "hip_flexion"
    assert planned_entry(test, "passive") == "hip_flexion:passive"
    assert parse_planned_entry("hip_flexion:passive", BATTERY) == (test, "passive")
    assert parse_planned_entry("no_such_test", BATTERY) is None
    assert parse_planned_entry("knee_to_wall:passive", BATTERY) is None  # active only
    plan = plan_with(("knee_flexion", "hip_flexion"), BATTERY, test, "passive")
    assert plan_with(plan, BATTERY, test, "passive") == plan
    rows = visit_rows(BATTERY, record({}, plan=plan))
    assert [(t.code, mode) for t, mode in rows] == [
        ("hip_flexion", "active"), ("hip_flexion", "passive"), ("knee_flexion", "active"),
    ]  # fmt: skip


def test_a_measured_row_shows_even_when_not_planned_and_unknown_entries_are_skipped():
    values = {("ankle_eversion", "left", "passive"): 12}
    rows = visit_rows(BATTERY, record(values, plan=("knee_flexion", "gone_test")))
    assert [(t.code, mode) for t, mode in rows] == [
        ("knee_flexion", "active"), ("ankle_eversion", "passive"),
    ]  # fmt: skip


def test_a_switched_off_test_shows_only_when_it_holds_a_value():
    off = dataclasses.replace(BATTERY.test("hip_adduction"), enabled=False)
    battery = dataclasses.replace(
        BATTERY, tests=tuple(off if t.code == off.code else t for t in BATTERY.tests)
    )
    assert visit_rows(battery, record({}, plan=("hip_adduction",))) == ()
    held = record({("hip_adduction", "left", "active"): 20}, plan=("hip_adduction",))
    assert [t.code for t, _ in visit_rows(battery, held)] == ["hip_adduction"]


def test_rows_and_cells_are_named_as_the_clinic_says_them():
    test = BATTERY.test("hip_flexion")
    assert row_label(test, "passive") == "Hip flexion · PROM"
    assert row_label(BATTERY.test("single_hop_cm"), "none") == "Single hop for distance"
    assert cell_name(test, CellKey("hip_flexion", "left", "active")) == "left hip flexion (AROM)"
    lumbar = BATTERY.test("lumbar_flexion")
    assert cell_name(lumbar, CellKey("lumbar_flexion", "none", "active")) == "lumbar flexion"


# --- derived figures ----------------------------------------------------------------------


def test_lsi_is_the_involved_side_over_the_other_and_the_difference_involved_minus_other():
    row = row_for("hhd_quadriceps", {("hhd_quadriceps", "left", "none"): 400,
                                     ("hhd_quadriceps", "right", "none"): 300})  # fmt: skip
    assert row.lsi == pytest.approx(75.0) and row.lsi_basis == "involved"
    assert row.difference == pytest.approx(-100) and row.difference_label == "R \u2212 L"
    assert row.symmetry_deficit


def test_lsi_follows_the_involved_side_in_both_directions():
    values = {("single_hop_cm", "left", "none"): 120, ("single_hop_cm", "right", "none"): 150}
    assert row_for("single_hop_cm", values, involved="left").lsi == pytest.approx(80.0)
    assert row_for("single_hop_cm", values, involved="right").lsi == pytest.approx(125.0)
    assert not row_for("single_hop_cm", values, involved="right").symmetry_deficit


def test_a_timed_test_lsi_is_inverted_so_a_slower_involved_side_is_below_100():
    values = {("timed_hop_6m_s", "left", "none"): 2.0, ("timed_hop_6m_s", "right", "none"): 2.5}
    row = row_for("timed_hop_6m_s", values, involved="right")
    assert row.lsi == pytest.approx(80.0) and row.symmetry_deficit


def test_without_a_single_involved_side_the_weaker_side_is_compared_with_the_stronger():
    values = {("hhd_calf", "left", "none"): 600, ("hhd_calf", "right", "none"): 800}
    for side in ("both", "none"):
        row = row_for("hhd_calf", values, involved=side)
        assert row.lsi == pytest.approx(75.0) and row.lsi_basis == "weaker"
        assert row.difference == pytest.approx(-200) and row.difference_label == "L \u2212 R"
    timed = {("timed_hop_6m_s", "left", "none"): 2.5, ("timed_hop_6m_s", "right", "none"): 2.0}
    assert row_for("timed_hop_6m_s", timed, involved="none").lsi == pytest.approx(80.0)


def test_range_of_motion_is_compared_in_degrees_not_as_a_ratio():
    values = {("hip_abduction", "left", "active"): 44, ("hip_abduction", "right", "active"): 30}
    row = row_for("hip_abduction", values)
    assert row.lsi is None and row.difference == pytest.approx(-14)
    assert not row.symmetry_deficit


def test_grades_get_neither_a_ratio_nor_a_difference():
    values = {("mmt_calf", "left", "none"): 10, ("mmt_calf", "right", "none"): 7}
    row = row_for("mmt_calf", values)
    assert row.lsi is None and row.difference is None
    assert row.figures("right").below_norm and not row.figures("left").below_norm


def test_a_low_lsi_within_measurement_error_is_not_a_deficit():
    # Knee-to-wall 5.5 vs 7 cm is 79%, but 1.5 cm is within the 1.9 cm MDC.
    values = {("knee_to_wall", "left", "active"): 7, ("knee_to_wall", "right", "active"): 5.5}
    row = row_for("knee_to_wall", values)
    assert row.lsi == pytest.approx(78.571, abs=0.01)
    assert not row.symmetry_deficit and not row.side_difference_flagged


def test_a_knee_to_wall_difference_over_2_cm_is_flagged():
    values = {("knee_to_wall", "left", "active"): 10, ("knee_to_wall", "right", "active"): 7.5}
    assert row_for("knee_to_wall", values).side_difference_flagged
    values[("knee_to_wall", "right", "active")] = 8.0
    assert not row_for("knee_to_wall", values).side_difference_flagged  # exactly 2 cm


def test_percent_of_norm_and_below_norm_only_beyond_the_mdc():
    values = {("hip_abduction", "left", "active"): 42, ("hip_abduction", "right", "active"): 40}
    row = row_for("hip_abduction", values)
    assert row.norm == 45
    assert row.figures("left").percent_of_norm == pytest.approx(93.333, abs=0.01)
    assert not row.figures("left").below_norm  # 3 degrees short: within the 4 degree MDC
    assert row.figures("right").below_norm  # 5 degrees short


def test_a_knee_that_lacks_extension_is_below_its_zero_norm_without_a_percentage():
    values = {("knee_extension", "left", "active"): 0, ("knee_extension", "right", "active"): -10}
    row = row_for("knee_extension", values)
    assert row.figures("right").below_norm and row.figures("right").percent_of_norm is None
    assert row.difference == pytest.approx(-10) and row.lsi is None


def test_the_heel_raise_norm_follows_age_and_sex():
    values = {("heel_raise_reps", "left", "none"): 28, ("heel_raise_reps", "right", "none"): 22}
    woman = row_for("heel_raise_reps", values, sex="female", age=34)
    assert (woman.norm, woman.norm_basis) == (27, "women 30-39 y")
    assert not woman.figures("left").below_norm and woman.figures("right").below_norm
    man = row_for("heel_raise_reps", values, sex="male", age=52)
    assert (man.norm, man.norm_basis) == (23, "men 50-59 y")
    assert row_for("heel_raise_reps", values, age=17).norm is None


def test_change_since_the_last_measurement_has_a_verdict_only_beyond_the_mdc():
    key = ("hip_flexion", "right", "active")
    values = {key: 110, ("hip_flexion", "left", "active"): 118}
    earlier = {key: (104.0, True), ("hip_flexion", "left", "active"): (116.0, True)}
    row = row_for("hip_flexion", values, earlier=earlier)
    right, left = row.figures("right"), row.figures("left")
    assert right.change == pytest.approx(6) and right.verdict is ChangeVerdict.IMPROVED_BEYOND_MDC
    assert left.change == pytest.approx(2) and left.verdict is ChangeVerdict.WITHIN_ERROR


def test_a_change_between_two_testers_is_judged_against_the_between_tester_mdc():
    key = ("hip_flexion", "right", "active")
    earlier = {key: (104.0, False)}
    right = row_for("hip_flexion", {key: 109}, earlier=earlier).figures("right")
    assert right.mdc == 6 and right.verdict is ChangeVerdict.WITHIN_ERROR
    worse = row_for("timed_hop_6m_s", {("timed_hop_6m_s", "left", "none"): 3.0},
                    earlier={("timed_hop_6m_s", "left", "none"): (2.0, True)})  # fmt: skip
    assert worse.figures("left").change == pytest.approx(1.0)
    assert worse.figures("left").verdict is None  # the timed hop has no MDC in the battery


def test_a_single_value_test_has_one_cell_and_no_symmetry():
    row = row_for("lumbar_flexion", {("lumbar_flexion", "none", "active"): 30})
    assert [s.side for s in row.sides] == ["none"] and row.lsi is None
    assert row.figures("none").below_norm and row.difference is None


# --- the deficit summary ------------------------------------------------------------------


def summary_of(values, **kwargs):
    rows = grid_rows(BATTERY, record(values, **kwargs))
    return deficit_summary(BATTERY, rows)


def test_the_summary_names_values_below_norm_and_low_symmetry_in_clinic_words():
    deficits = summary_of({
        ("hip_abduction", "right", "active"): 30, ("hip_abduction", "left", "active"): 44,
        ("hhd_hip_abductors", "left", "none"): 200, ("hhd_hip_abductors", "right", "none"): 150,
    })  # fmt: skip
    texts = [d.text for d in deficits]
    assert texts == [
        "Hip abduction: R 30° (67%); norm 45°.",
        "Hip abductor force (dynamometer): LSI 75%, below 90%.",
    ]
    assert [(d.kind, d.sides) for d in deficits] == [("below_norm", ("right",)), ("asymmetry", ())]


def test_both_sides_below_norm_share_one_line_and_a_single_value_has_no_side():
    deficits = summary_of({
        ("hip_extension", "left", "active"): 17, ("hip_extension", "right", "active"): 14,
        ("lumbar_flexion", "none", "active"): 30,
        ("heel_raise_reps", "left", "none"): 20, ("heel_raise_reps", "right", "none"): 30,
    }, involved="none")  # fmt: skip
    assert [d.text for d in deficits] == [
        "Hip extension: L 17° (57%), R 14° (47%); norm 30°.",
        "Heel-raise endurance: L 20 reps (74%); norm 27 reps (women 30-39 y).",
        "Lumbar flexion: 30° (60%); norm 50°.",
        "Heel-raise endurance: weaker side 67% of the stronger, below 90%.",
    ]


def test_the_summary_uses_the_clinic_threshold():
    values = {("single_hop_cm", "left", "none"): 150, ("single_hop_cm", "right", "none"): 126}
    rows = grid_rows(BATTERY, record(values), symmetry_threshold_pct=80)
    assert deficit_summary(BATTERY, rows) == ()
    assert [d.kind for d in summary_of(values)] == ["asymmetry"]


def test_a_failed_squat_lists_its_compensations_and_pain_is_reported():
    deficits = summary_of({
        ("single_leg_squat", "right", "none"): (0, False, ("knee_valgus", "pelvic_drop")),
        ("single_leg_squat", "left", "none"): 1,
        ("hip_flexion", "right", "active"): (120, True, ()),
    })  # fmt: skip
    assert [d.text for d in deficits] == [
        "Single-leg squat, right: failed (knee moves inward, pelvis drops on the free-leg side).",
        "Hip flexion: right.",
    ]


def test_a_y_balance_composite_below_94_percent_is_a_deficit():
    values = {}
    for side, reaches in (("left", (62, 105, 100)), ("right", (55, 90, 88))):
        for code, reach in zip(
            ("y_balance_anterior_cm", "y_balance_posteromedial_cm", "y_balance_posterolateral_cm"),
            reaches,
            strict=True,
        ):
            values[(code, side, "none")] = reach
        values[("limb_length_cm", side, "none")] = 90
    rows = grid_rows(BATTERY, record(values))
    composites = y_balance_composites(rows)
    assert composites["left"] == pytest.approx(98.889, abs=0.01)
    assert composites["right"] == pytest.approx(86.296, abs=0.01)
    texts = [d.text for d in deficit_summary(BATTERY, rows)]
    assert "Right Y-balance composite: 86% of limb length (below 94%)." in texts
    assert not any(t.startswith("Left Y-balance") for t in texts)
    assert any("Y-balance anterior reach: sides differ by 7 cm" in t for t in texts)


def test_an_empty_visit_has_no_deficits():
    assert summary_of({}) == ()


@pytest.mark.parametrize(
    ("value", "threshold", "text"),
    [(84.4, 90, "84%"), (89.96, 90, "89.9%"), (90.0, 90, "90%"), (89.5, None, "90%")],
)
def test_a_percentage_just_below_the_threshold_never_reads_as_reaching_it(value, threshold, text):
    assert percent_text(value, threshold) == text


def test_a_passive_row_says_so_in_the_summary():
    deficits = summary_of({("hip_flexion", "right", "passive"): 100})
    assert [d.text for d in deficits] == ["Hip flexion (PROM): R 100° (83%); norm 120°."]
