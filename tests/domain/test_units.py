"""Unit conversion and display: what the clinic types and reads in its own units."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_desktop.domain.units import (
    DISTANCE_UNITS,
    FORCE_UNITS,
    LENGTH_UNITS,
    convert_distance,
    convert_force,
    format_distance,
    format_force,
    format_force_per_kg,
    format_measurement,
    format_number,
    read_number,
    unit_words,
)

magnitudes = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
all_distance_units = (*LENGTH_UNITS, "m", *DISTANCE_UNITS)


# --- conversion factors (NIST SP 811) ----------------------------------------------------


def test_one_kilogram_force_is_9_80665_newtons():
    assert convert_force(1, "kgf", "N") == 9.80665
    assert convert_force(9.80665, "N", "kgf") == pytest.approx(1.0, rel=1e-15)


def test_one_pound_force_is_4_448222_newtons():
    assert convert_force(1, "lbf", "N") == 4.448222
    assert convert_force(10, "kgf", "lbf") == pytest.approx(98.0665 / 4.448222, rel=1e-15)


def test_a_mile_is_1_609344_km_and_an_inch_2_54_cm():
    assert convert_distance(1, "mi", "km") == pytest.approx(1.609344, rel=1e-15)
    assert convert_distance(10, "km", "mi") == pytest.approx(6.213712, rel=1e-6)
    assert convert_distance(1, "in", "cm") == pytest.approx(2.54, rel=1e-15)
    assert convert_distance(254, "cm", "in") == pytest.approx(100.0, rel=1e-15)


@given(magnitudes, st.sampled_from(FORCE_UNITS), st.sampled_from(FORCE_UNITS))
def test_force_survives_a_round_trip_between_any_two_units(value, there, back):
    returned = convert_force(convert_force(value, there, back), back, there)
    assert math.isclose(returned, value, rel_tol=1e-12, abs_tol=1e-9)


@given(magnitudes, st.sampled_from(all_distance_units), st.sampled_from(all_distance_units))
def test_distance_survives_a_round_trip_between_any_two_units(value, there, back):
    returned = convert_distance(convert_distance(value, there, back), back, there)
    assert math.isclose(returned, value, rel_tol=1e-12, abs_tol=1e-9)


@given(st.floats(min_value=0.001, max_value=1e5), st.sampled_from(FORCE_UNITS))
def test_a_larger_force_stays_larger_in_every_unit(force_n, unit):
    assert convert_force(force_n * 1.01, "N", unit) > convert_force(force_n, "N", unit)


@pytest.mark.parametrize("unit", ["kg", "lb", "newton", ""])
def test_an_unknown_force_unit_is_a_programming_error(unit):
    with pytest.raises(ValueError, match="Unknown unit"):
        convert_force(1, unit, "N")


def test_an_unknown_distance_unit_is_a_programming_error():
    with pytest.raises(ValueError, match="Unknown unit"):
        convert_distance(1, "km", "yd")


# --- reading what was typed --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "value"),
    [("135", 135.0), (" -5 ", -5.0), ("+5", 5.0), ("12.5", 12.5), (".5", 0.5), ("5.", 5.0),
     ("\u22125", -5.0), ("\u20135", -5.0), (7, 7.0), (2.25, 2.25)],
)  # fmt: skip
def test_plain_decimals_are_read(raw, value):
    assert read_number(raw) == value


@pytest.mark.parametrize(
    "raw", ["", " ", "12,5", "1e3", "nan", "inf", "-", "12 5", "abc", "5°", None, True,
            math.nan, math.inf, [5]],
)  # fmt: skip
def test_anything_but_a_plain_decimal_is_not_a_number(raw):
    assert read_number(raw) is None


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda v: round(v, 3)))
def test_a_number_typed_as_shown_reads_back_unchanged(value):
    assert read_number(format_number(value, 3)) == value


# --- display -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [(135.0, 1, "135"), (12.5, 1, "12.5"), (12.25, 1, "12.2"), (2.349, 2, "2.35"),
     (-0.04, 1, "0"), (-5.0, 1, "-5"), (100, 0, "100"), (1500.4, 0, "1500"), (0.0, 2, "0")],
)  # fmt: skip
def test_numbers_show_without_trailing_zeros(value, decimals, text):
    assert format_number(value, decimals) == text


@given(magnitudes, st.integers(min_value=0, max_value=4))
def test_a_shown_number_is_within_half_a_last_place_of_the_value(value, decimals):
    shown = float(format_number(value, decimals))
    assert abs(shown - value) <= 0.5 * 10**-decimals + 1e-9


@pytest.mark.parametrize(
    ("force_n", "unit", "text"),
    [(245.2, "N", "245 N"), (250, "kgf", "25.5 kgf"), (245, "lbf", "55.1 lbf")],
)
def test_force_shows_in_the_clinic_unit(force_n, unit, text):
    assert format_force(force_n, unit) == text


def test_force_per_body_mass_shows_two_decimals():
    assert format_force_per_kg(3.5) == "3.5 N/kg"
    assert format_force_per_kg(3.256) == "3.26 N/kg"


def test_distances_show_in_the_clinic_unit():
    assert format_distance(10, "km", "mi") == "6.2 mi"
    assert format_distance(21.1, "km", "km") == "21.1 km"
    assert format_distance(150, "cm", "in") == "59.1 in"


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(135, "deg", "135°"), (-7.5, "deg", "-7.5°"), (12.5, "cm", "12.5 cm"), (245, "N", "245 N"),
     (9, "grade", "4+"), (1, "grade", "T"), (25, "reps", "25 reps"), (2.345, "s", "2.35 s"),
     (1, "pass_fail", "Pass"), (0, "pass_fail", "Fail")],
)  # fmt: skip
def test_each_battery_unit_has_a_display(value, unit, text):
    assert format_measurement(value, unit) == text


def test_measurements_follow_the_clinic_force_and_length_units():
    assert format_measurement(250, "N", force_unit="kgf") == "25.5 kgf"
    assert format_measurement(150, "cm", length_unit="in") == "59.1 in"


@pytest.mark.parametrize(
    ("value", "unit"), [(0.5, "pass_fail"), (8.5, "grade"), (1, "furlong"), (math.nan, "deg")]
)
def test_values_without_a_display_are_refused(value, unit):
    with pytest.raises(ValueError):
        format_measurement(value, unit)


def test_units_read_as_words_in_sentences():
    assert unit_words("deg") == "degrees"
    assert unit_words("s") == "seconds"
    assert unit_words("reps") == "repetitions"
    with pytest.raises(ValueError):
        unit_words("furlong")


def test_timed_values_keep_their_hundredths_and_whole_holds_stay_whole():
    from clinic_desktop.domain.units import format_measurement

    assert format_measurement(2.1, "s") == "2.10 s"
    assert format_measurement(2.13, "s") == "2.13 s"
    assert format_measurement(63.0, "s") == "63 s"
