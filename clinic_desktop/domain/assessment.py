"""One visit's assessment as the grid shows it: values, norms, symmetry and change.

Plain values come in (a :class:`VisitRecord`: the visit, its measurements, the latest
earlier value of each cell, who the patient is) and every derived figure goes out,
computed by ``measures`` and nowhere else: the grid, the deficit summary, the Progress
screen and the PDF reports all read the same :class:`GridRow`.
"""

from __future__ import annotations

from dataclasses import dataclass

from clinic_desktop.domain import measures
from clinic_desktop.domain.assessment_values import (
    BILATERAL_SIDES,
    CellKey,
    EarlierValue,
    Measurement,
    VisitRecord,
    sides_of,
    visit_rows,
)
from clinic_desktop.domain.battery import Battery, TestDefinition

DEFAULT_SYMMETRY_THRESHOLD = "symmetry_sport_pct"
# Symmetry as a ratio is read for forces, distances, repetitions and times. Range of
# motion is compared side to side in degrees instead; a ratio of ordinal manual grades
# or of pass/fail means little, and limb length is a body dimension, not a performance.
LSI_UNITS = frozenset({"N", "cm", "reps", "s"})
NOT_LSI_TESTS = frozenset({"limb_length_cm"})
_DIFFERENCE_UNITS = frozenset({"deg", "cm", "N", "reps", "s"})
_FLOAT_SLACK = 1e-9


# --- the grid ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SideFigures:
    """One side's value with its % of norm and its change since it was last measured."""

    side: str
    measurement: Measurement | None
    percent_of_norm: float | None = None
    below_norm: bool = False
    earlier: EarlierValue | None = None
    change: float | None = None
    verdict: measures.ChangeVerdict | None = None
    mdc: float | None = None

    @property
    def value(self) -> float | None:
        return None if self.measurement is None else self.measurement.value


@dataclass(frozen=True)
class GridRow:
    """One test in one mode at one visit, with every figure the grid and reports show.

    ``sides`` holds left and right for a bilateral test, else the single value ("none").
    ``difference`` is involved minus uninvolved, or left minus right when the episode has
    no single involved side. ``lsi`` is the involved side's symmetry index; with no single
    involved side it is the weaker side over the stronger (``lsi_basis`` "weaker").
    ``symmetry_deficit`` is an LSI below the threshold by more than measurement error.
    """

    test: TestDefinition
    mode: str
    sides: tuple[SideFigures, ...]
    norm: float | None = None
    norm_basis: str = ""
    involved_side: str | None = None
    difference: float | None = None
    lsi: float | None = None
    lsi_basis: str = ""
    symmetry_threshold_pct: float | None = None
    symmetry_deficit: bool = False
    side_difference_flagged: bool = False

    @property
    def bilateral(self) -> bool:
        return self.test.bilateral

    def figures(self, side: str) -> SideFigures | None:
        return next((s for s in self.sides if s.side == side), None)

    @property
    def difference_label(self) -> str:
        """Which way the difference is taken: "R − L" when the right side is involved."""
        if self.involved_side == "right":
            return "R \u2212 L"
        return "L \u2212 R"


def grid_rows(
    battery: Battery, record: VisitRecord, symmetry_threshold_pct: float | None = None
) -> tuple[GridRow, ...]:
    """Return the grid rows of a visit, each with its derived figures.

    ``symmetry_threshold_pct`` defaults to the battery's ``symmetry_sport_pct`` (90%,
    Gokeler 2017), which a clinic may change in its battery file.
    """
    if symmetry_threshold_pct is None:
        symmetry_threshold_pct = battery.threshold(DEFAULT_SYMMETRY_THRESHOLD)
    return tuple(
        grid_row(test, mode, record, symmetry_threshold_pct)
        for test, mode in visit_rows(battery, record)
    )


def grid_row(
    test: TestDefinition, mode: str, record: VisitRecord, symmetry_threshold_pct: float
) -> GridRow:
    """Return one row's figures (see :class:`GridRow`)."""
    norm, norm_basis = norm_for(test, record.sex, record.age_years)
    sides = tuple(
        _side_figures(test, CellKey(test.code, side, mode), record, norm) for side in sides_of(test)
    )
    if not test.bilateral:
        return GridRow(test, mode, sides, norm, norm_basis)
    left, right = (s.value for s in sides)
    involved = record.involved_side if record.involved_side in BILATERAL_SIDES else None
    lsi = difference = None
    basis = ""
    with_lsi = test.unit in LSI_UNITS and test.code not in NOT_LSI_TESTS
    if test.unit in _DIFFERENCE_UNITS:
        if involved is None:
            difference = measures.side_difference(left, right)
            if with_lsi:
                lsi = _weaker_over_stronger(left, right, test.higher_is_better)
                basis = "weaker"
        else:
            inv, uninv = (left, right) if involved == "left" else (right, left)
            difference = measures.side_difference(inv, uninv)
            if with_lsi:
                lsi = measures.limb_symmetry_index(inv, uninv, test.higher_is_better)
                basis = "involved"
    beyond_error = difference is not None and (
        test.mdc is None or abs(difference) > test.mdc + _FLOAT_SLACK
    )
    met = measures.symmetry_met(lsi, symmetry_threshold_pct)
    flagged = (
        difference is not None
        and test.side_difference_flag is not None
        and abs(difference) > test.side_difference_flag + _FLOAT_SLACK
    )
    return GridRow(
        test,
        mode,
        sides,
        norm,
        norm_basis,
        involved,
        difference,
        lsi,
        basis if lsi is not None else "",
        symmetry_threshold_pct,
        symmetry_deficit=met is False and beyond_error,
        side_difference_flagged=flagged,
    )


def norm_for(test: TestDefinition, sex: str, age_years: int | None) -> tuple[float | None, str]:
    """Return the norm for this patient and what it is based on ("women 30-39 y").

    A test with an age and sex table (heel raises) takes its norm from the table, or none
    when the patient is outside it; others use their single norm.
    """
    if not test.age_sex_norms:
        return test.norm, ""
    value = measures.heel_raise_norm(age_years, sex, test.age_sex_norms)
    if value is None:
        return None, ""
    band = next(
        b for b in test.age_sex_norms if b.age_from_years <= (age_years or 0) <= b.age_to_years
    )
    who = "men" if sex == "male" else "women"
    return value, f"{who} {band.age_from_years}-{band.age_to_years} y"


def below_norm(test: TestDefinition, value: float | None, norm: float | None) -> bool:
    """Return whether a value falls short of the norm by more than the test's MDC.

    Without an MDC (manual grades, heel raises) any shortfall counts. Where lower is better
    (timed tests) a value above the norm falls short.
    """
    if value is None or norm is None:
        return False
    allowance = (test.mdc or 0.0) + _FLOAT_SLACK
    if test.higher_is_better:
        return value < norm - allowance
    return value > norm + allowance


def mdc_for(test: TestDefinition, same_tester: bool | None) -> float | None:
    """The change threshold for a re-test: between testers when the therapist changed."""
    if same_tester is False and test.mdc_between_testers is not None:
        return test.mdc_between_testers
    return test.mdc


def _side_figures(
    test: TestDefinition, key: CellKey, record: VisitRecord, norm: float | None
) -> SideFigures:
    measurement = record.measurement(key)
    value = None if measurement is None else measurement.value
    earlier = record.earlier.get(key)
    mdc = mdc_for(test, earlier.same_tester if earlier else None)
    change = None if value is None or earlier is None else value - earlier.value
    return SideFigures(
        side=key.side,
        measurement=measurement,
        percent_of_norm=measures.percent_of_norm(value, norm) if test.higher_is_better else None,
        below_norm=below_norm(test, value, norm),
        earlier=earlier,
        change=change,
        verdict=measures.change_verdict(
            earlier.value if earlier else None, value, mdc, test.higher_is_better
        ),
        mdc=mdc,
    )


def _weaker_over_stronger(
    left: float | None, right: float | None, higher_is_better: bool
) -> float | None:
    # A prevention screen has no involved side: compare the weaker side with the stronger.
    if left is None or right is None:
        return None
    worse, better = (min, max) if higher_is_better else (max, min)
    return measures.limb_symmetry_index(worse(left, right), better(left, right), higher_is_better)
