"""One battery test over an episode: left and right values, norm, MDC, goals, symmetry, deficit.

Used by :mod:`clinic_desktop.domain.progress`, which assembles the whole episode; the
figures themselves (limb symmetry, change against the MDC, percent of norm) come from
:mod:`clinic_desktop.domain.measures`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from clinic_desktop.domain import units
from clinic_desktop.domain.assessment import GridRow, grid_row, mdc_for, norm_for
from clinic_desktop.domain.assessment_values import Measurement, Visit
from clinic_desktop.domain.assessment_values import VisitRecord as GridVisit
from clinic_desktop.domain.battery import Battery, TestDefinition
from clinic_desktop.domain.charts import (
    BandRole,
    ChangeSummary,
    ChartPoint,
    LineRole,
    ReferenceBand,
    ReferenceLine,
    Series,
    SeriesRole,
)
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.deficits import deficit_summary
from clinic_desktop.domain.measures import ChangeVerdict, change_verdict, heel_raise_norm

SIDE_ROLES = {"left": SeriesRole.LEFT, "right": SeriesRole.RIGHT, "none": SeriesRole.SINGLE}
VERDICT_PHRASES = {
    ChangeVerdict.IMPROVED_BEYOND_MDC: "improved beyond MDC",
    ChangeVerdict.WITHIN_ERROR: "within measurement error",
    ChangeVerdict.WORSE_BEYOND_MDC: "worse beyond MDC",
}
_AXIS_UNITS = {"deg": "degrees", "grade": "Kendall grade", "pass_fail": "pass / fail"}
_SLACK = 1e-9


class DeficitStatus(StrEnum):
    """Whether a measure shows a deficit at the latest visit, or had one at the first."""

    NOW = "now"
    RESOLVED = "resolved"
    NONE = "none"
    UNKNOWN = "unknown"  # nothing to compare with: no norm and only one side


@dataclass(frozen=True)
class VisitFacts:
    """What a point needs to know about its visit."""

    id: int
    day: dt.date
    kind: str
    therapist_id: int | None = None


@dataclass(frozen=True)
class Deficit:
    """How far one visit's values fall short; ``shortfall_pct`` orders the overview."""

    shortfall_pct: float
    reasons: tuple[str, ...]


class MeasureFormat:
    """Display of one test's values in the clinic's units (force shown as it chooses)."""

    def __init__(self, test: TestDefinition, force_unit: str) -> None:
        self.test = test
        self.force_unit = force_unit

    def value(self, stored: float) -> float:
        if self.test.unit == "N":
            return units.convert_force(stored, "N", self.force_unit)
        return stored

    def text(self, stored: float) -> str:
        return units.format_measurement(stored, self.test.unit, force_unit=self.force_unit)

    def amount(self, stored: float) -> str:
        """A size such as an MDC or a change: "4°", "12 N", "2 grade points"."""
        if self.test.unit in ("grade", "pass_fail"):
            words = units.unit_words(self.test.unit) or "points"
            return f"{units.format_number(stored, 1)} {words}"
        return self.text(stored)

    def signed(self, stored: float) -> str:
        sign = "+" if stored > _SLACK else ("−" if stored < -_SLACK else "±")
        return sign + self.amount(abs(stored))

    @property
    def axis_unit(self) -> str:
        if self.test.unit == "N":
            return self.force_unit
        return _AXIS_UNITS.get(self.test.unit) or units.unit_words(self.test.unit)

    @property
    def ticks(self) -> tuple[tuple[float, str], ...]:
        if self.test.unit == "grade":
            return tuple((float(v), units.format_kendall_grade(v)) for v in range(11))
        if self.test.unit == "pass_fail":
            return ((0.0, "Fail"), (1.0, "Pass"))
        return ()


def side_name(side: str, involved_side: str) -> str:
    if side == "none":
        return "Value"
    name = side.capitalize()
    return f"{name} (involved)" if side == involved_side else name


def side_points(
    values: Sequence[tuple[VisitFacts, float, bool]], fmt: MeasureFormat
) -> tuple[ChartPoint, ...]:
    """Chart points for one side from (visit, stored value, painful), in visit order."""
    return tuple(
        ChartPoint(
            day=visit.day,
            value=fmt.value(stored),
            text=fmt.text(stored),
            visit_id=visit.id,
            visit_kind=visit.kind,
            note="painful" if painful else "",
        )
        for visit, stored, painful in values
    )


def mdc_between(
    test: TestDefinition, first: VisitFacts, latest: VisitFacts
) -> tuple[float | None, str]:
    """The MDC that applies between two visits (in the stored unit) and how to name it.

    When both visits name their therapist and the two differ, the between-testers MDC
    applies if the battery has one (goniometry: 4 degrees same tester, 6 between testers,
    Boone 1978), as in the assessment grid.
    """
    same = None
    if first.therapist_id is not None and latest.therapist_id is not None:
        same = first.therapist_id == latest.therapist_id
    mdc = mdc_for(test, same)
    between = mdc is not None and mdc != test.mdc
    return mdc, " between different testers" if between else ""


def norm_references(
    test: TestDefinition, fmt: MeasureFormat, age_years: int | None, sex: str | None
) -> tuple[tuple[ReferenceLine, ...], tuple[ReferenceBand, ...]]:
    """The test's norm for this patient as a line; for an age-and-sex table when the sex
    is not recorded, the band between the women's and the men's figures."""
    norm, basis = norm_for(test, sex or "unknown", age_years)
    unconfirmed = " (unconfirmed)" if test.norm_unconfirmed else ""
    if norm is not None:
        source = test.age_sex_norms_source if test.age_sex_norms else test.norm_source
        label = f"Norm {fmt.text(norm)}{f', {basis}' if basis else ''}{unconfirmed}"
        return (ReferenceLine(fmt.value(norm), label, LineRole.NORM, source),), ()
    if not test.age_sex_norms or age_years is None:
        return (), ()
    women = heel_raise_norm(age_years, "female", test.age_sex_norms)
    men = heel_raise_norm(age_years, "male", test.age_sex_norms)
    if women is None or men is None:
        return (), ()
    low, high = sorted((women, men))
    label = f"Norm at {age_years} y: {fmt.text(low)} to {fmt.text(high)} (women, men)"
    band = ReferenceBand(
        fmt.value(low), fmt.value(high), label, BandRole.NORM, test.age_sex_norms_source
    )
    return (), (band,)


def mdc_band(
    series: Series, test: TestDefinition, fmt: MeasureFormat, visits: Mapping[int, VisitFacts]
) -> ReferenceBand | None:
    """First value +/- the MDC that applies to the series' latest visit."""
    first, latest = series.first, series.latest
    if first is None or latest is None:
        return None
    mdc, between = mdc_between(test, visits[first.visit_id], visits[latest.visit_id])
    if mdc is None:
        return None
    centre = first.value
    half = fmt.value(mdc)
    label = f"{series.name}: first value ± MDC {fmt.amount(mdc)}{between}"
    return ReferenceBand(
        centre - half, centre + half, label, BandRole.MDC, test.mdc_source, series.key
    )


def change_summary(
    series: Series,
    stored: Sequence[float],
    test: TestDefinition,
    fmt: MeasureFormat,
    visits: Mapping[int, VisitFacts],
    date_format: str,
) -> ChangeSummary | None:
    """First to latest value of one side, judged against the MDC (``None`` below 2 points)."""
    if len(series.points) < 2:
        return None
    first, latest = series.points[0], series.points[-1]
    mdc, between = mdc_between(test, visits[first.visit_id], visits[latest.visit_id])
    verdict = change_verdict(stored[0], stored[-1], mdc, test.higher_is_better)
    since = format_date(first.day, date_format)
    if test.unit == "pass_fail":
        phrase = "unchanged" if stored[0] == stored[-1] else f"now {latest.text.lower()}"
        sentence = f"{series.name}: {first.text} on {since}, {latest.text} now."
        return ChangeSummary(series.key, first, latest, latest.value - first.value, None,
                             phrase, sentence)  # fmt: skip
    change = f"{first.text} on {since} → {latest.text} ({fmt.signed(stored[-1] - stored[0])})"
    if verdict is None:
        phrase = "no MDC on file"
        judged = "no minimal detectable change is on file for this test, so no verdict"
    else:
        phrase = VERDICT_PHRASES[verdict]
        judged = f"{phrase} (MDC {fmt.amount(mdc)}{between})"
    return ChangeSummary(
        series.key,
        first,
        latest,
        latest.value - first.value,
        None if verdict is None else str(verdict),
        phrase,
        f"{series.name}: {change}, {judged}.",
    )


def symmetry_name(label: str, test: TestDefinition, involved_side: str) -> str:
    """How the index was formed, e.g. "Single hop: right ÷ left"; a timed test divides
    the other way round, so that a slower involved side also scores below 100%."""
    if involved_side in ("left", "right"):
        other = "left" if involved_side == "right" else "right"
        ratio = f"{involved_side} ÷ {other}"
        if not test.higher_is_better:
            ratio = f"{other} time ÷ {involved_side} time"
    else:
        ratio = "weaker ÷ stronger side"
    return f"{label}: {ratio}"


# --- one visit's figures, as the assessment grid computes them ----------------------------


@dataclass(frozen=True)
class PatientFacts:
    """Who the patient is, for norms and symmetry: episode side, sex, age in years."""

    involved_side: str
    sex: str
    age_years: int | None


def visit_row(
    test: TestDefinition,
    mode: str,
    visit: VisitFacts,
    values: Sequence[tuple[str, float, bool, tuple[str, ...]]],
    patient: PatientFacts,
    symmetry_threshold_pct: float,
) -> GridRow:
    """The assessment grid's row of this test at one visit, from (side, stored value,
    painful, compensations) tuples: the same norm, symmetry and flags the grid shows."""
    visit_record = Visit(visit.id, 0, visit.day, visit.kind, "attended", "", visit.therapist_id,
                         "", None, "", (), 0)  # fmt: skip
    measured = tuple(
        Measurement(0, visit.id, test.code, side, mode, value, test.unit, painful, moves)
        for side, value, painful, moves in values
    )
    record = GridVisit(
        visit_record, patient.involved_side, patient.sex, patient.age_years, None, measured
    )
    return grid_row(test, mode, record, symmetry_threshold_pct)


def row_deficit(row: GridRow, battery: Battery, fmt: MeasureFormat) -> Deficit | None:
    """The row's key deficits as the assessment summary words them, with a shortfall in %
    to rank them (the largest of: symmetry below 100, % of norm missing, a flagged side
    difference or a shortfall without a % as a share of the test's range; 50 for a failed
    movement test, 5 for a value that was only painful)."""
    found = deficit_summary(battery, [row], fmt.force_unit)
    if not found:
        return None
    test = row.test
    span = test.valid_max - test.valid_min
    sizes = [5.0]
    if row.symmetry_deficit and row.lsi is not None:
        sizes.append(100 - row.lsi)
    if row.side_difference_flagged and row.difference is not None:
        sizes.append(abs(row.difference) / span * 100)
    for figures in row.sides:
        if figures.below_norm and figures.value is not None and row.norm is not None:
            if figures.percent_of_norm is not None:
                sizes.append(100 - figures.percent_of_norm)
            else:
                sizes.append(abs(figures.value - row.norm) / span * 100)
    if any(d.kind == "movement_control" for d in found):
        sizes.append(50.0)
    return Deficit(max(sizes), tuple(d.text for d in found))
