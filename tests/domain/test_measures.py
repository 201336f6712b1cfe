"""Derived clinical figures: every number the therapist reads off a chart or a report."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_desktop.domain.battery import AgeSexNorm
from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.measures import (
    ChangeVerdict,
    anterior_asymmetry_flag,
    change_verdict,
    format_kendall_grade,
    heel_raise_norm,
    limb_symmetry_index,
    normalised_force_n_per_kg,
    parse_kendall_grade,
    percent_of_norm,
    side_difference,
    symmetry_met,
    y_balance_composite,
    y_balance_composite_at_risk,
)

positive = st.floats(min_value=0.1, max_value=5000, allow_nan=False)

# --- limb symmetry -----------------------------------------------------------------------


def test_lsi_is_involved_over_uninvolved_when_more_is_better():
    assert limb_symmetry_index(120, 150) == pytest.approx(80.0)
    assert limb_symmetry_index(150, 150) == 100.0


def test_lsi_can_exceed_100_when_the_involved_side_is_stronger():
    assert limb_symmetry_index(165, 150) == pytest.approx(110.0)


def test_timed_test_lsi_is_inverted_so_a_slower_involved_side_scores_below_100():
    # involved 2.5 s, uninvolved 2.0 s: the involved side is slower
    assert limb_symmetry_index(2.5, 2.0, higher_is_better=False) == pytest.approx(80.0)
    assert limb_symmetry_index(2.5, 2.0, higher_is_better=True) == pytest.approx(125.0)


@given(positive, positive)
def test_a_weaker_involved_side_scores_below_100_in_both_directions(a, b):
    weaker, stronger = sorted((a, b))
    if weaker == stronger:
        return
    assert limb_symmetry_index(weaker, stronger) < 100
    # for a timed test, the weaker side is the one taking longer
    assert limb_symmetry_index(stronger, weaker, higher_is_better=False) < 100


@pytest.mark.parametrize(
    ("involved", "uninvolved", "higher_is_better"),
    [(None, 100, True), (100, None, True), (100, 0, True), (0, 2.0, False),
     (-5, 10, True), (10, -5, True)],
)  # fmt: skip
def test_lsi_is_none_when_it_cannot_be_computed(involved, uninvolved, higher_is_better):
    assert limb_symmetry_index(involved, uninvolved, higher_is_better) is None


def test_an_involved_side_that_produced_no_force_has_lsi_zero():
    assert limb_symmetry_index(0, 200) == 0.0


@pytest.mark.parametrize(
    ("lsi", "threshold", "met"),
    [(90.0, 90, True), (89.9, 90, False), (90 - 1e-12, 90, True), (80.0, 80, True),
     (79.99, 80, False), (None, 90, None)],
)  # fmt: skip
def test_symmetry_threshold_is_met_at_or_above(lsi, threshold, met):
    assert symmetry_met(lsi, threshold) is met


def test_side_difference_is_involved_minus_uninvolved():
    assert side_difference(8.5, 11.0) == pytest.approx(-2.5)
    assert side_difference(11.0, 8.5) == pytest.approx(2.5)
    assert side_difference(None, 8.5) is None


# --- norms -------------------------------------------------------------------------------


def test_percent_of_norm():
    assert percent_of_norm(108, 120) == pytest.approx(90.0)
    assert percent_of_norm(150, 135) == pytest.approx(111.111, rel=1e-4)


@pytest.mark.parametrize(("value", "norm"), [(None, 120), (100, None), (-5, 0), (5, 0)])
def test_percent_of_norm_is_none_without_a_usable_norm(value, norm):
    assert percent_of_norm(value, norm) is None


@pytest.mark.parametrize(
    ("age", "sex", "norm"),
    [(20, "male", 37), (29, "female", 30), (29.9, "male", 37), (30, "male", 32),
     (35, "female", 27), (40, "male", 28), (49, "female", 24), (55, "male", 23),
     (50, "female", 21), (65, "male", 19), (60, "female", 19), (70, "male", 14),
     (79, "female", 16), (42, " Female ", 24)],
)  # fmt: skip
def test_heel_raise_norm_by_decade_and_sex(age, sex, norm):
    assert heel_raise_norm(age, sex) == norm


@pytest.mark.parametrize("age", [19, 19.99, 80, 85, -1, None, math.nan, math.inf])
def test_no_heel_raise_norm_outside_the_ages_studied(age):
    assert heel_raise_norm(age, "female") is None


@pytest.mark.parametrize("sex", ["other", "unknown", None])
def test_no_heel_raise_norm_without_a_sex_the_table_is_split_by(sex):
    assert heel_raise_norm(35, sex) is None


def test_a_misspelt_sex_is_a_programming_error_not_a_missing_norm():
    with pytest.raises(ValueError, match="Unknown sex"):
        heel_raise_norm(35, "M")


def test_heel_raise_norm_uses_the_clinic_table_when_given():
    clinic_table = [AgeSexNorm(18, 24, male=40, female=33)]
    assert heel_raise_norm(18, "male", clinic_table) == 40
    assert heel_raise_norm(30, "male", clinic_table) is None


# --- change between visits ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("previous", "current", "mdc", "higher_is_better", "verdict"),
    [
        (120, 125, 4, True, ChangeVerdict.IMPROVED_BEYOND_MDC),
        (120, 124.1, 4, True, ChangeVerdict.IMPROVED_BEYOND_MDC),
        (120, 124, 4, True, ChangeVerdict.WITHIN_ERROR),  # exactly the MDC
        (120, 123.9, 4, True, ChangeVerdict.WITHIN_ERROR),
        (120, 120, 4, True, ChangeVerdict.WITHIN_ERROR),
        (120, 116, 4, True, ChangeVerdict.WITHIN_ERROR),  # exactly the MDC, worse
        (120, 115.9, 4, True, ChangeVerdict.WORSE_BEYOND_MDC),
        (10.4, 12.3, 1.9, True, ChangeVerdict.WITHIN_ERROR),  # 1.9000000000000004 in floats
        (10.4, 12.4, 1.9, True, ChangeVerdict.IMPROVED_BEYOND_MDC),
        (3.0, 2.0, 0.5, False, ChangeVerdict.IMPROVED_BEYOND_MDC),  # faster timed hop
        (2.0, 3.0, 0.5, False, ChangeVerdict.WORSE_BEYOND_MDC),
        (2.0, 2.5, 0.5, False, ChangeVerdict.WITHIN_ERROR),
    ],
)
def test_change_is_judged_against_the_minimal_detectable_change(
    previous, current, mdc, higher_is_better, verdict
):
    assert change_verdict(previous, current, mdc, higher_is_better) is verdict


@pytest.mark.parametrize(("previous", "current", "mdc"), [(None, 1, 4), (1, None, 4), (1, 9, None)])
def test_no_verdict_without_both_values_and_an_mdc(previous, current, mdc):
    assert change_verdict(previous, current, mdc, True) is None


def test_a_negative_mdc_is_refused():
    with pytest.raises(ValueError):
        change_verdict(1, 2, -1, True)


def test_verdicts_have_stable_names_for_storage_and_reports():
    assert [v.value for v in ChangeVerdict] == [
        "improved_beyond_mdc", "within_error", "worse_beyond_mdc"
    ]  # fmt: skip


# --- manual muscle test grades -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("0", 0), ("T", 1), ("t", 1), ("1", 1), ("2-", 1), ("2", 2), ("2+", 3), ("3-", 4),
     ("3", 5), ("3+", 6), ("4-", 7), ("4", 8), ("4+", 9), ("5", 10), (" 4 + ", 9),
     ("4\u2212", 7)],
)  # fmt: skip
def test_kendall_grades_read_as_their_0_to_10_equivalent(text, value):
    assert parse_kendall_grade(text) == value


@pytest.mark.parametrize("text", ["6", "4++", "5+", "0+", "-", "", "T+", "3.5", "five"])
def test_grades_that_do_not_exist_are_refused(text):
    with pytest.raises(ValidationError) as caught:
        parse_kendall_grade(text, field="mmt_calf.left")
    assert caught.value.field == "mmt_calf.left"
    assert caught.value.message.startswith("Use a grade such as 4+")


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (1, "T"), (2, "2"), (3, "2+"), (4, "3-"), (5, "3"), (6, "3+"), (7, "4-"),
     (8, "4"), (9, "4+"), (10, "5"), (9.0, "4+")],
)  # fmt: skip
def test_stored_equivalents_display_as_kendall_grades(value, text):
    assert format_kendall_grade(value) == text


@pytest.mark.parametrize("value", [-1, 11, 8.5, True])
def test_only_whole_equivalents_0_to_10_display_as_grades(value):
    with pytest.raises(ValueError):
        format_kendall_grade(value)


@given(st.integers(min_value=0, max_value=10))
def test_every_equivalent_survives_display_and_reentry(value):
    assert parse_kendall_grade(format_kendall_grade(value)) == value


# --- Y-balance ---------------------------------------------------------------------------


def test_y_balance_composite_is_the_mean_reach_over_limb_length():
    # (65 + 105 + 100) / (3 x 90) x 100 = 100
    assert y_balance_composite(65, 105, 100, 90) == pytest.approx(100.0)
    # (60 + 90 + 88) / (3 x 85) x 100 = 93.33
    assert y_balance_composite(60, 90, 88, 85) == pytest.approx(93.333, rel=1e-4)


@pytest.mark.parametrize(
    "reaches", [(None, 90, 88, 85), (60, None, 88, 85), (60, 90, None, 85), (60, 90, 88, None),
                (60, 90, 88, 0), (60, 90, 88, -85)],
)  # fmt: skip
def test_y_balance_composite_is_none_when_incomplete(reaches):
    assert y_balance_composite(*reaches) is None


@pytest.mark.parametrize(
    ("composite", "at_risk"), [(93.9, True), (94.0, False), (94 - 1e-12, False), (100, False),
                               (None, None)],
)  # fmt: skip
def test_composite_below_94_percent_flags_risk(composite, at_risk):
    assert y_balance_composite_at_risk(composite) is at_risk


def test_composite_risk_uses_the_clinic_threshold_when_given():
    assert y_balance_composite_at_risk(95, threshold_pct=96) is True


@pytest.mark.parametrize(
    ("left", "right", "flag"),
    [(60, 64, False), (64, 60, False), (60, 64.5, True), (64.5, 60, True),
     (30.2, 34.2, False), (None, 60, None), (60, None, None)],
)  # fmt: skip
def test_anterior_reach_difference_over_4_cm_flags_risk(left, right, flag):
    # 34.2 - 30.2 is 4.0000000000000036 in floats: still exactly 4 cm to the therapist
    assert anterior_asymmetry_flag(left, right) is flag


def test_anterior_flag_uses_the_clinic_threshold_when_given():
    assert anterior_asymmetry_flag(60, 63, threshold_cm=2) is True


# --- force per body mass -----------------------------------------------------------------


def test_force_is_normalised_to_body_mass():
    assert normalised_force_n_per_kg(245, 70) == pytest.approx(3.5)


@pytest.mark.parametrize(("force", "mass"), [(None, 70), (245, None), (245, 0), (245, -70)])
def test_force_per_body_mass_is_none_without_a_usable_mass(force, mass):
    assert normalised_force_n_per_kg(force, mass) is None
