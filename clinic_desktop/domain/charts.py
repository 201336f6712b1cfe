"""Charts as plain data: what the screen and the printed report both draw.

A :class:`Chart` is a titled set of :class:`Series` (values over dates) with reference
lines and bands, all in the chart's display unit. A series says *what* it is (its
:class:`SeriesRole`: left, right, limb symmetry, pain now...), never how it looks: the
screen and the PDF each map a role to their own pen, so a chart reads the same on both and
a new kind of series (weekly running distance from a run log) is a new role and a new
builder, with no change to the drawing code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum


class ChartKind(StrEnum):
    """What a chart shows; decides where it appears, not how it is drawn."""

    MEASURE = "measure"  # one test from the battery, left and right
    SYMMETRY = "symmetry"  # limb symmetry index over time
    PAIN = "pain"  # 0-10 pain ratings per visit
    OUTCOME = "outcome"  # a questionnaire's totals
    LOAD = "load"  # running load, e.g. distance per week


class SeriesRole(StrEnum):
    """What one series is; each drawing back end maps a role to a pen and a marker."""

    LEFT = "left"
    RIGHT = "right"
    SINGLE = "single"  # a test with no sides, e.g. lumbar flexion
    SYMMETRY = "symmetry"
    PAIN_NOW = "pain_now"
    PAIN_WORST = "pain_worst"
    PAIN_BEST = "pain_best"
    OUTCOME = "outcome"
    LOAD = "load"


class LineRole(StrEnum):
    """A horizontal reference line."""

    NORM = "norm"  # the normative value for the test
    GOAL = "goal"  # a goal set with the patient
    THRESHOLD = "threshold"  # a decision figure, e.g. symmetry to return to running


class BandRole(StrEnum):
    """A horizontal band between two values."""

    NORM = "norm"  # a normative range
    MDC = "mdc"  # first value +/- the minimal detectable change
    MCID = "mcid"  # first value +/- the minimal clinically important difference


@dataclass(frozen=True)
class ChartPoint:
    """One value on one date.

    ``value`` is in the chart's display unit; ``text`` is the same value as the clinic
    reads it ("135°", "25.5 kgf", "4+", "6/10"). ``visit_id`` and ``visit_kind``
    ("initial", "follow_up", "re_evaluation", "discharge") tie the point to the visit it
    was recorded at; a point from elsewhere (a run log) has neither. ``note`` is a short
    qualifier shown with the value, such as "painful".
    """

    day: dt.date
    value: float
    text: str
    visit_id: int | None = None
    visit_kind: str = ""
    note: str = ""


@dataclass(frozen=True)
class Series:
    """Points in date order under one name, e.g. "Right (involved)"."""

    key: str
    name: str
    role: SeriesRole
    points: tuple[ChartPoint, ...]

    @property
    def days(self) -> tuple[dt.date, ...]:
        return tuple(point.day for point in self.points)

    @property
    def values(self) -> tuple[float, ...]:
        return tuple(point.value for point in self.points)

    @property
    def first(self) -> ChartPoint | None:
        return self.points[0] if self.points else None

    @property
    def latest(self) -> ChartPoint | None:
        return self.points[-1] if self.points else None


@dataclass(frozen=True)
class ReferenceLine:
    """A horizontal line at ``value``, labelled ("Norm 120°") with where it comes from.

    ``series_key`` names the series it belongs to (a goal for the right side), if any.
    """

    value: float
    label: str
    role: LineRole
    source: str = ""
    series_key: str | None = None


@dataclass(frozen=True)
class ReferenceBand:
    """A horizontal band from ``low`` to ``high``, e.g. first value +/- the MDC."""

    low: float
    high: float
    label: str
    role: BandRole
    source: str = ""
    series_key: str | None = None


@dataclass(frozen=True)
class ChangeSummary:
    """How one series changed from its first to its latest point.

    ``verdict`` is the code of the judgement (``"improved_beyond_mdc"``,
    ``"within_error"``, ``"worse_beyond_mdc"`` against the MDC; ``"improved"``,
    ``"within_mcid"``, ``"worse"`` against the MCID), ``None`` when there is no figure to
    judge against; ``phrase`` is its short wording ("improved beyond MDC") and
    ``sentence`` the full line for a report. ``change`` is latest minus first in the
    chart's display unit.
    """

    series_key: str
    first: ChartPoint
    latest: ChartPoint
    change: float
    verdict: str | None
    phrase: str
    sentence: str


@dataclass(frozen=True)
class Chart:
    """Everything needed to draw one chart, in its display unit.

    ``unit`` labels the value axis ("degrees", "N", "%", "points"). ``value_range`` is the
    scale's full extent where it has one (pain 0-10, LEFS 0-80). ``ticks`` names values
    that read better as words (Kendall grades, pass/fail). ``notice`` says what is missing
    and what to do about it ("Only the left side was measured..."); empty when nothing is.
    """

    key: str
    kind: ChartKind
    title: str
    unit: str
    series: tuple[Series, ...]
    lines: tuple[ReferenceLine, ...] = ()
    bands: tuple[ReferenceBand, ...] = ()
    changes: tuple[ChangeSummary, ...] = ()
    value_range: tuple[float, float] | None = None
    ticks: tuple[tuple[float, str], ...] = ()
    notice: str = ""

    def series_by_key(self, key: str) -> Series:
        """Return the series with ``key``; raises ``KeyError`` if the chart has none."""
        for series in self.series:
            if series.key == key:
                return series
        raise KeyError(key)

    @property
    def point_count(self) -> int:
        return sum(len(series.points) for series in self.series)

    @property
    def days(self) -> tuple[dt.date, ...]:
        """Every date with a value in any series, in order, each once."""
        return tuple(sorted({point.day for s in self.series for point in s.points}))

    def only(self, series_keys: set[str] | frozenset[str], title: str | None = None) -> Chart:
        """Return this chart with only the named series (and what belongs to them).

        Lines, bands and changes tied to a dropped series go with it; those tied to no
        series (a threshold) stay.
        """

        def kept(item) -> bool:
            return item.series_key is None or item.series_key in series_keys

        return replace(
            self,
            title=self.title if title is None else title,
            series=tuple(s for s in self.series if s.key in series_keys),
            lines=tuple(line for line in self.lines if kept(line)),
            bands=tuple(band for band in self.bands if kept(band)),
            changes=tuple(c for c in self.changes if c.series_key in series_keys),
        )
