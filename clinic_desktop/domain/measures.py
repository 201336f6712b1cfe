"""Derived clinical figures: symmetry, norms, change that matters, grades, Y-balance.

Every figure shown on screen or printed in a report is computed here and nowhere else, so
the chart and the PDF always agree. A figure that cannot be computed (a value not yet
entered, a zero to divide by) is ``None``, never an exception: a half-finished assessment
still shows everything it can.

Percentages are plain numbers (``87.5`` means 87.5%), unrounded; round only for display.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import StrEnum

from clinic_desktop.domain.battery import AgeSexNorm, shipped_battery
from clinic_desktop.domain.units import format_kendall_grade, parse_kendall_grade

__all__ = [
    "ChangeVerdict",
    "anterior_asymmetry_flag",
    "change_verdict",
    "format_kendall_grade",
    "heel_raise_norm",
    "limb_symmetry_index",
    "normalised_force_n_per_kg",
    "parse_kendall_grade",
    "percent_of_norm",
    "side_difference",
    "symmetry_met",
    "y_balance_composite",
    "y_balance_composite_at_risk",
]

# Entries are decimals stored as binary floats, so 12.3 - 10.4 comes out a hair above 1.9.
# Differences closer than this to a threshold count as equal to it.
_FLOAT_SLACK = 1e-9


class ChangeVerdict(StrEnum):
    """How a change between two visits compares with the test's minimal detectable change."""

    IMPROVED_BEYOND_MDC = "improved_beyond_mdc"
    WITHIN_ERROR = "within_error"
    WORSE_BEYOND_MDC = "worse_beyond_mdc"


def limb_symmetry_index(
    involved: float | None, uninvolved: float | None, higher_is_better: bool = True
) -> float | None:
    """Return the limb symmetry index (LSI) in %.

    Where more is better (distance, force, repetitions, degrees):
    LSI = involved / uninvolved x 100 (Gokeler 2017), so 100 is symmetry and 80 means the
    involved side reaches 80% of the other. For timed tests (``higher_is_better=False``,
    e.g. the 6 m timed hop) the ratio is inverted, LSI = uninvolved / involved x 100, so
    that a slower involved side also scores below 100. The inversion is a common convention
    but unconfirmed against a primary source.

    Returns ``None`` if either side is missing or negative (a ratio of signed angles is not
    a symmetry) or the divisor is zero.
    """
    if involved is None or uninvolved is None or involved < 0 or uninvolved < 0:
        return None
    numerator, divisor = (involved, uninvolved) if higher_is_better else (uninvolved, involved)
    if divisor == 0:
        return None
    return numerator / divisor * 100


def symmetry_met(lsi_pct: float | None, threshold_pct: float) -> bool | None:
    """Return whether a limb symmetry index reaches a threshold (LSI >= threshold, in %).

    Thresholds come from the battery (``symmetry_running_pct`` 80, ``symmetry_sport_pct``
    90; a hop passes at 90, Gokeler 2017). An LSI a rounding error below the threshold
    counts as reaching it. Returns ``None`` when there is no LSI.
    """
    if lsi_pct is None:
        return None
    return lsi_pct >= threshold_pct - _FLOAT_SLACK


def side_difference(involved: float | None, uninvolved: float | None) -> float | None:
    """Return involved minus uninvolved, in the test's unit; ``None`` if either is missing.

    Negative means the involved side measured less. Use ``abs()`` for a plain asymmetry
    when neither side is involved (e.g. a prevention screen, left minus right).
    """
    if involved is None or uninvolved is None:
        return None
    return involved - uninvolved


def percent_of_norm(value: float | None, norm: float | None) -> float | None:
    """Return the value as a percentage of the norm: value / norm x 100.

    Returns ``None`` when either is missing or the norm is zero or below (knee extension's
    norm of 0 degrees has no meaningful percentage; show the difference instead).
    """
    if value is None or norm is None or norm <= 0:
        return None
    return value / norm * 100


def change_verdict(
    previous: float | None, current: float | None, mdc: float | None, higher_is_better: bool
) -> ChangeVerdict | None:
    """Return whether the change from ``previous`` to ``current`` is beyond measurement error.

    The minimal detectable change (MDC, in the test's unit) is the smallest change a
    re-test can show that is not measurement error. A change of exactly the MDC is counted
    as WITHIN_ERROR: the MDC marks the edge of the error band, and claiming progress on the
    edge would overstate it. Direction follows ``higher_is_better`` (for a timed test a
    drop is an improvement). Returns ``None`` if a value or the MDC is missing; raises
    ``ValueError`` for a negative MDC.
    """
    if previous is None or current is None or mdc is None:
        return None
    if mdc < 0:
        raise ValueError(f"A minimal detectable change cannot be negative ({mdc}).")
    gain = current - previous if higher_is_better else previous - current
    if abs(gain) <= mdc + _FLOAT_SLACK:
        return ChangeVerdict.WITHIN_ERROR
    return ChangeVerdict.IMPROVED_BEYOND_MDC if gain > 0 else ChangeVerdict.WORSE_BEYOND_MDC


def heel_raise_norm(
    age_years: float | None, sex: str | None, norms: Sequence[AgeSexNorm] | None = None
) -> float | None:
    """Return the expected single-leg heel raises to fatigue for an age and sex.

    Norms by decade (Hebert-Losier 2017; 10 degree incline, 60 beats per minute), men /
    women: 20s 37/30, 30s 32/27, 40s 28/24, 50s 23/21, 60s 19/19, 70s 14/16. ``norms``
    defaults to the table in the shipped battery; pass the clinic's battery table
    (``battery.test("heel_raise_reps").age_sex_norms``) if it changed it.

    ``age_years`` is counted in completed years (29.9 is in the 20s). Outside the table's
    ages (under 20, 80 and over) the result is ``None``: the study did not measure those
    ages, and borrowing the nearest decade would present a guess as a norm. ``sex`` is
    ``"male"`` or ``"female"``; ``"other"``, ``"unknown"`` or ``None`` give ``None`` since
    the table is split by sex. Raises ``ValueError`` for any other ``sex`` text.
    """
    sex_key = sex.strip().casefold() if sex is not None else None
    if sex_key not in ("male", "female", "other", "unknown", None):
        raise ValueError(f"Unknown sex {sex!r}; expected male, female, other or unknown.")
    if age_years is None or not math.isfinite(age_years) or sex_key in (None, "other", "unknown"):
        return None
    if norms is None:
        norms = shipped_battery().test("heel_raise_reps").age_sex_norms
    completed_years = math.floor(age_years)
    for band in norms:
        if band.age_from_years <= completed_years <= band.age_to_years:
            return band.male if sex_key == "male" else band.female
    return None


def y_balance_composite(
    anterior_cm: float | None,
    posteromedial_cm: float | None,
    posterolateral_cm: float | None,
    limb_length_cm: float | None,
) -> float | None:
    """Return the Y-balance composite reach for one leg, in % of limb length.

    Composite = (ANT + PM + PL) / (3 x limb length) x 100 (Plisky 2006), all in cm. Returns
    ``None`` if any reach or the limb length is missing, or the limb length is zero or less.
    """
    reaches = (anterior_cm, posteromedial_cm, posterolateral_cm)
    if limb_length_cm is None or limb_length_cm <= 0 or any(r is None for r in reaches):
        return None
    return (anterior_cm + posteromedial_cm + posterolateral_cm) / (3 * limb_length_cm) * 100


def y_balance_composite_at_risk(
    composite_pct: float | None, threshold_pct: float | None = None
) -> bool | None:
    """Return ``True`` when a Y-balance composite is below the risk threshold.

    The threshold defaults to the shipped battery's ``y_balance_composite_risk_pct``
    (94%, Plisky 2006; Shaffer 2013); pass the clinic's own if it changed it. Exactly 94
    is not flagged. Returns ``None`` when there is no composite.
    """
    if composite_pct is None:
        return None
    if threshold_pct is None:
        threshold_pct = shipped_battery().threshold("y_balance_composite_risk_pct")
    return composite_pct < threshold_pct - _FLOAT_SLACK


def anterior_asymmetry_flag(
    left_anterior_cm: float | None,
    right_anterior_cm: float | None,
    threshold_cm: float | None = None,
) -> bool | None:
    """Return ``True`` when left and right Y-balance anterior reaches differ by more than 4 cm.

    The threshold defaults to the shipped battery's ``side_difference_flag`` for
    ``y_balance_anterior_cm`` (4 cm, Plisky 2006); a difference of exactly 4 cm is not
    flagged. Returns ``None`` if either reach is missing (or no threshold is set).
    """
    if left_anterior_cm is None or right_anterior_cm is None:
        return None
    if threshold_cm is None:
        threshold_cm = shipped_battery().test("y_balance_anterior_cm").side_difference_flag
        if threshold_cm is None:
            return None
    return abs(left_anterior_cm - right_anterior_cm) > threshold_cm + _FLOAT_SLACK


def normalised_force_n_per_kg(force_n: float | None, body_mass_kg: float | None) -> float | None:
    """Return a dynamometer force divided by body mass, in N/kg.

    Lets runners of different size be compared and a norm quoted per kilogram. Returns
    ``None`` if either value is missing or the body mass is zero or less.
    """
    if force_n is None or body_mass_kg is None or body_mass_kg <= 0:
        return None
    return force_n / body_mass_kg
