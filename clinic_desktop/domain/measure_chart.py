"""One battery test over an episode as a chart, with its symmetry series and its deficit."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from clinic_desktop.domain.assessment import LSI_UNITS, NOT_LSI_TESTS, GridRow
from clinic_desktop.domain.battery import Battery, TestDefinition
from clinic_desktop.domain.charts import (
    Chart,
    ChartKind,
    ChartPoint,
    LineRole,
    ReferenceLine,
    Series,
    SeriesRole,
)
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.progress_measures import (
    SIDE_ROLES,
    DeficitStatus,
    MeasureFormat,
    PatientFacts,
    VisitFacts,
    change_summary,
    mdc_band,
    norm_references,
    row_deficit,
    side_name,
    side_points,
    symmetry_name,
    visit_row,
)
from clinic_desktop.domain.units import format_number


@dataclass(frozen=True)
class MeasureProgress:
    """One test (in one mode) over the episode.

    ``chart`` holds the left and right (or single) values; ``symmetry`` the limb symmetry
    index per visit where it applies; ``deficit`` says whether the latest visit still
    falls short or only the first did, and ``deficit_text`` says how.
    """

    key: str
    test_code: str
    mode: str
    label: str
    region: str
    chart: Chart
    symmetry: Series | None
    deficit: DeficitStatus
    deficit_text: str
    shortfall_pct: float


@dataclass(frozen=True)
class SideValue:
    """A stored value of the test on one side at one visit."""

    visit: VisitFacts
    side: str
    value: float
    painful: bool = False
    compensations: tuple[str, ...] = ()


@dataclass(frozen=True)
class SideGoal:
    """A goal's target for this test: side (or ``None``), value in the stored unit, text."""

    side: str | None
    value: float
    text: str


def measure_label(test: TestDefinition, mode: str, both_modes: bool) -> str:
    if mode == "passive" or (both_modes and mode == "active"):
        return f"{test.label} ({mode})"
    return test.label


def measure_progress(
    test: TestDefinition,
    mode: str,
    values: Sequence[SideValue],
    patient: PatientFacts,
    battery: Battery,
    goals: Sequence[SideGoal] = (),
    *,
    symmetry_threshold_pct: float = 90.0,
    both_modes: bool = False,
    force_unit: str = "N",
    date_format: str = "yyyy-mm-dd",
) -> MeasureProgress:
    """The chart of one test in one mode from its values in visit order.

    Each visit's symmetry index and deficits are the assessment grid's own
    (:func:`clinic_desktop.domain.assessment.grid_row`), so this chart and the grid of
    the same visit always agree.
    """
    fmt = MeasureFormat(test, force_unit)
    label = measure_label(test, mode, both_modes)
    key = f"{test.code}/{mode}"
    involved_side = patient.involved_side
    visits = {v.visit.id: v.visit for v in values}
    by_side: dict[str, list[SideValue]] = defaultdict(list)
    for value in values:
        by_side[value.side].append(value)
    sides = [s for s in ("left", "right", "none") if s in by_side]
    series = tuple(
        Series(
            side,
            side_name(side, involved_side),
            SIDE_ROLES[side],
            side_points([(v.visit, v.value, v.painful) for v in by_side[side]], fmt),
        )
        for side in sides
    )
    lines, bands = norm_references(test, fmt, patient.age_years, patient.sex)
    bands += tuple(b for s in series if (b := mdc_band(s, test, fmt, visits)) is not None)
    lines += tuple(_goal_line(goal, fmt, involved_side, sides) for goal in goals)
    changes = tuple(
        c
        for s in series
        if (c := change_summary(s, [v.value for v in by_side[s.key]], test, fmt, visits,
                                date_format)) is not None
    )  # fmt: skip
    chart = Chart(
        key=f"measure:{key}",
        kind=ChartKind.MEASURE,
        title=label,
        unit=fmt.axis_unit,
        series=series,
        lines=lines,
        bands=bands,
        changes=changes,
        value_range=(0.0, 10.0) if test.unit == "grade" else None,
        ticks=fmt.ticks,
        notice=_notice(test, series, date_format),
    )
    rows = _grid_rows(test, mode, values, patient, symmetry_threshold_pct)
    symmetry = _symmetry_series(test, key, label, rows, involved_side)
    status, shortfall, text = _deficit(rows, battery, fmt, date_format)
    if status is DeficitStatus.NONE and not lines and symmetry is None and len(sides) < 2:
        status, text = DeficitStatus.UNKNOWN, f"{label}: no norm to compare with, one side only."
    elif status is DeficitStatus.NONE:
        text = f"{label}: no deficit at the first or the latest visit."
    return MeasureProgress(
        key, test.code, mode, label, test.region, chart, symmetry, status, text, shortfall
    )


def _grid_rows(
    test: TestDefinition,
    mode: str,
    values: Sequence[SideValue],
    patient: PatientFacts,
    threshold_pct: float,
) -> list[tuple[VisitFacts, GridRow]]:
    """The grid rows the chart needs: every visit's for a test with a symmetry index,
    else only the first and latest (of those with both sides, if any) for the deficit."""
    grouped: dict[int, tuple[VisitFacts, list]] = {}
    for v in values:
        entry = (v.side, v.value, v.painful, v.compensations)
        grouped.setdefault(v.visit.id, (v.visit, []))[1].append(entry)
    visits = list(grouped.values())
    with_lsi = test.bilateral and test.unit in LSI_UNITS and test.code not in NOT_LSI_TESTS
    if not with_lsi:
        both = [item for item in visits if len({side for side, *_ in item[1]}) > 1]
        judged = both or visits
        visits = [judged[0], judged[-1]] if len(judged) > 1 else judged
    return [
        (visit, visit_row(test, mode, visit, entries, patient, threshold_pct))
        for visit, entries in visits
    ]


def _deficit(
    rows: Sequence[tuple[VisitFacts, GridRow]],
    battery: Battery,
    fmt: MeasureFormat,
    date_format: str,
) -> tuple[DeficitStatus, float, str]:
    """Deficit at the latest visit, else at the first; bilateral tests are judged at
    visits where both sides were measured, when there are any."""
    both = [(v, r) for v, r in rows if all(f.value is not None for f in r.sides)]
    judged = both or list(rows)
    if not judged:
        return DeficitStatus.NONE, 0.0, ""
    (first_visit, first_row), (latest_visit, latest_row) = judged[0], judged[-1]
    latest = row_deficit(latest_row, battery, fmt)
    if latest is not None:
        when = format_date(latest_visit.day, date_format)
        return (
            DeficitStatus.NOW,
            latest.shortfall_pct,
            (f"At the latest visit ({when}): {' '.join(latest.reasons)}"),
        )
    first = row_deficit(first_row, battery, fmt) if len(judged) > 1 else None
    if first is not None:
        when = format_date(first_visit.day, date_format)
        return (
            DeficitStatus.RESOLVED,
            first.shortfall_pct,
            (f"At the first visit ({when}): {' '.join(first.reasons)} Resolved since."),
        )
    return DeficitStatus.NONE, 0.0, ""


def _goal_line(
    goal: SideGoal, fmt: MeasureFormat, involved_side: str, sides: Sequence[str]
) -> ReferenceLine:
    side = goal.side if goal.side in sides else None
    whose = f" {side_name(side, involved_side).split(' ')[0].lower()}" if side else ""
    return ReferenceLine(
        fmt.value(goal.value), f"Goal{whose} {fmt.text(goal.value)}", LineRole.GOAL,
        goal.text, side,
    )  # fmt: skip


def _symmetry_series(
    test: TestDefinition,
    key: str,
    label: str,
    rows: Sequence[tuple[VisitFacts, GridRow]],
    involved_side: str,
) -> Series | None:
    points = tuple(
        ChartPoint(visit.day, row.lsi, f"{format_number(row.lsi, 0)}%", visit.id, visit.kind)
        for visit, row in rows
        if row.lsi is not None
    )
    if not points:
        return None
    name = symmetry_name(label, test, involved_side)
    return Series(key, name, SeriesRole.SYMMETRY, points)


def _notice(test: TestDefinition, series: Sequence[Series], date_format: str) -> str:
    sentences = []
    sides = {s.key for s in series}
    if test.bilateral and len(sides & {"left", "right"}) == 1:
        measured = next(iter(sides & {"left", "right"}))
        other = "right" if measured == "left" else "left"
        sentences.append(
            f"Only the {measured} side was measured. Measure the {other} side as well at "
            "the next visit to compare the sides and follow symmetry."
        )
    days = {p.day for s in series for p in s.points}
    if len(days) == 1:
        day = format_date(next(iter(days)), date_format)
        sentences.append(
            f"Measured at one visit only ({day}). Measure it again at a later visit to see "
            "the change."
        )
    return " ".join(sentences)
