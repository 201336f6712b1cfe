"""An episode's records as the progress charts take them: plain values, no database rows."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class VisitRecord:
    """A visit of the episode; only attended visits carry values onto the charts."""

    id: int
    day: dt.date
    kind: str
    attendance: str = "attended"
    therapist_id: int | None = None
    pain_now: int | None = None
    pain_worst: int | None = None
    pain_best: int | None = None


@dataclass(frozen=True)
class MeasuredValue:
    """One stored measurement: test code, side (left/right/none), mode, value (stored unit)."""

    visit_id: int
    test_code: str
    side: str
    value: float
    mode: str = "none"
    painful: bool = False
    compensations: tuple[str, ...] = ()  # what a movement test saw, e.g. "knee_valgus"


@dataclass(frozen=True)
class OutcomeTotal:
    """A questionnaire's total at a visit; ``None`` when too many items were missing."""

    visit_id: int
    instrument_id: str
    total: float | None
    note: str = ""  # how the total was reached, e.g. "prorated"


@dataclass(frozen=True)
class GoalTarget:
    """A goal with its measurable target: a test and side, or a questionnaire total.

    ``value`` is in the test's stored unit (newtons for force) or in questionnaire points.
    """

    text: str
    test_code: str | None = None
    side: str | None = None
    value: float | None = None
    instrument_id: str | None = None
    status: str = "open"
