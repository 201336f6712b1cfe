"""Weekly running load against pain, as the Progress tab charts it."""

from __future__ import annotations

import datetime as dt

import pytest

from clinic_desktop.domain.charts import ChartKind, LineRole, SeriesRole
from clinic_desktop.domain.run_load import weekly_load_charts
from clinic_desktop.domain.run_log import WeekLoad

WEEKS = (
    WeekLoad(1, dt.date(2026, 9, 7), 5.6, 53.0, 3, 2),
    WeekLoad(2, dt.date(2026, 9, 14), 4.0, 36.5, 2, 4),
    WeekLoad(3, dt.date(2026, 9, 21), 3.2, 0.0, 1, None),
)


def test_distance_time_and_pain_are_charted_per_week_in_the_clinics_unit():
    distance, time, pain = weekly_load_charts(WEEKS, distance_unit="mi", pain_limit=3)
    assert distance.kind is ChartKind.LOAD and distance.series[0].role is SeriesRole.LOAD
    assert distance.title == "Running distance per week (miles)"
    assert distance.series[0].values == pytest.approx(
        [5.6 / 1.609344, 4.0 / 1.609344, 3.2 / 1.609344]
    )
    assert [p.text for p in distance.series[0].points] == ["3.5 mi", "2.5 mi", "2 mi"]
    assert distance.series[0].points[0].note == "week 1, 3 runs"
    assert distance.value_range[0] == 0
    assert time.series[0].values == (53.0, 36.5)  # week 3 has no time
    assert pain.series[0].values == (2.0, 4.0) and pain.value_range == (0.0, 10.0)
    (limit,) = pain.lines
    assert (limit.value, limit.role) == (3, LineRole.THRESHOLD)
    assert limit.label == "3/10: most pain during a run"


def test_no_runs_means_no_charts():
    assert weekly_load_charts(()) == ()
