"""Weekly running load against pain, as charts for the Progress tab and the reports.

Three charts share the plan's weeks (each point on the week's first day): distance per
week in the clinic's unit, running time per week in minutes, and the worst pain during a
run that week with the plan's limit drawn across it. Load and pain read together: a week
that grew faster than the cap shows up beside the pain it brought.
"""

from __future__ import annotations

from collections.abc import Sequence

from clinic_desktop.domain import units
from clinic_desktop.domain.charts import (
    Chart,
    ChartKind,
    ChartPoint,
    LineRole,
    ReferenceLine,
    Series,
    SeriesRole,
)
from clinic_desktop.domain.run_log import WeekLoad


def weekly_load_charts(
    weeks: Sequence[WeekLoad],
    *,
    distance_unit: str = "km",
    pain_limit: float | None = None,
    pain_limit_source: str = "",
) -> tuple[Chart, ...]:
    """Distance, time and worst pain per week; empty when no run is logged.

    ``pain_limit`` (0-10), the plan's most pain during a run, is drawn as a threshold on
    the pain chart. A week without a time or a pain rating has no point on that chart.
    """
    if not weeks:
        return ()

    def runs_note(week: WeekLoad) -> str:
        return f"week {week.week}, {week.runs} run{'s' if week.runs != 1 else ''}"

    distance = tuple(
        ChartPoint(
            w.first_day,
            units.convert_distance(w.distance_km, "km", distance_unit),
            units.format_distance(w.distance_km, "km", distance_unit),
            note=runs_note(w),
        )
        for w in weeks
        if w.distance_km > 0
    )
    minutes = tuple(
        ChartPoint(
            w.first_day,
            w.duration_min,
            f"{units.format_number(w.duration_min, 0)} min",
            note=runs_note(w),
        )
        for w in weeks
        if w.duration_min > 0
    )
    pain = tuple(
        ChartPoint(
            w.first_day, float(w.worst_pain_during), f"{w.worst_pain_during}/10", note=runs_note(w)
        )
        for w in weeks
        if w.worst_pain_during is not None
    )
    lines = ()
    if pain_limit is not None:
        label = f"{units.format_number(pain_limit, 1)}/10: most pain during a run"
        lines = (ReferenceLine(pain_limit, label, LineRole.THRESHOLD, pain_limit_source),)
    unit_words = "km" if distance_unit == "km" else "miles"
    return (
        Chart(
            "run_load_distance",
            ChartKind.LOAD,
            f"Running distance per week ({unit_words})",
            distance_unit,
            (Series("distance", "Distance per week", SeriesRole.LOAD, distance),),
            value_range=_from_zero(distance),
            notice="" if distance else "No distances logged yet.",
        ),
        Chart(
            "run_load_time",
            ChartKind.LOAD,
            "Running time per week (minutes)",
            "min",
            (Series("time", "Time per week", SeriesRole.LOAD, minutes),),
            value_range=_from_zero(minutes),
            notice="" if minutes else "No run times logged yet.",
        ),
        Chart(
            "run_load_pain",
            ChartKind.PAIN,
            "Worst pain during a run, per week (0-10)",
            "0-10",
            (Series("pain_during", "Worst pain during", SeriesRole.PAIN_WORST, pain),),
            lines=lines,
            value_range=(0.0, 10.0),
            notice="" if pain else "No pain ratings during runs logged yet.",
        ),
    )


def _from_zero(points: Sequence[ChartPoint]) -> tuple[float, float] | None:
    """Load reads against zero: the scale runs from 0 to a little above the largest week."""
    return (0.0, max(p.value for p in points) * 1.15) if points else None
