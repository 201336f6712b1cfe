"""Goals set with the patient: what they say, their measurable target, and where they stand.

A goal is a sentence, optionally with a measurable target: a battery test on one side (or
the test's single value) and a value, or a questionnaire total. :func:`validate_goal`
checks what the therapist typed; :func:`goal_standing` reads the episode's progress (the
same :class:`~clinic_desktop.domain.progress.EpisodeProgress` the Progress tab and the
reports draw) and says what was measured last and whether that meets the target.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from clinic_desktop.domain.battery import Battery
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.outcomes import Instrument
from clinic_desktop.domain.patient_rules import parse_date_text
from clinic_desktop.domain.progress import EpisodeProgress
from clinic_desktop.domain.progress_measures import MeasureFormat

GOAL_STATUSES = ("open", "met", "partly_met", "not_met")
STATUS_WORDS = {
    "open": "open",
    "met": "met",
    "partly_met": "partly met",
    "not_met": "not met",
}
GOAL_SIDES = ("left", "right", "none")
MAX_TEXT = 300
_SLACK = 1e-9


@dataclass(frozen=True)
class Goal:
    """A goal of an episode as stored; ``target_value`` is in the test's stored unit
    (newtons for force) or in questionnaire points."""

    id: int
    episode_id: int
    position: int
    text: str
    target_test_code: str | None = None
    target_side: str | None = None
    target_value: float | None = None
    target_instrument: str | None = None
    target_date: dt.date | None = None
    status: str = "open"
    status_note: str = ""
    version: int = 0

    @property
    def measurable(self) -> bool:
        return self.target_value is not None and bool(
            self.target_test_code or self.target_instrument
        )


@dataclass(frozen=True)
class GoalFields:
    """A goal's checked fields, ready to store."""

    text: str
    target_test_code: str | None
    target_side: str | None
    target_value: float | None
    target_instrument: str | None
    target_date: dt.date | None
    status: str
    status_note: str


@dataclass(frozen=True)
class GoalStanding:
    """Where a goal stands at the latest visit.

    ``measured`` is the latest figure for a measurable goal ("Right 182 N on 2025-03-01"),
    empty when nothing was measured; ``target`` words the target ("at least 180 N").
    ``computed_status`` is met / partly met / not met from the figures (``None`` for a goal
    with no measurable target or nothing measured); ``status`` is what the report shows:
    the computed status when there is one, else the therapist's.
    """

    goal: Goal
    target: str
    measured: str
    computed_status: str | None

    @property
    def status(self) -> str:
        return self.computed_status or self.goal.status

    @property
    def status_words(self) -> str:
        return STATUS_WORDS[self.status]


def validate_goal(
    battery: Battery,
    instruments: Mapping[str, Instrument],
    *,
    text: str,
    target_test_code: str | None = None,
    target_side: str | None = None,
    target_value: str | float | None = None,
    target_instrument: str | None = None,
    target_date: str | dt.date | None = None,
    status: str = "open",
    status_note: str = "",
    date_format: str = "yyyy-mm-dd",
) -> GoalFields:
    """Check a goal as typed; raises :class:`ValidationErrors` naming each bad field.

    A target value needs a test or a questionnaire (not both); a test target is checked
    against the test's valid range (``Battery.validate``), a questionnaire target against
    the questionnaire's total range. A bilateral test needs a side.
    """
    errors: list[ValidationError] = []
    text = " ".join((text or "").split())
    if not text:
        errors.append(ValidationError("text", "Write the goal in a few words."))
    elif len(text) > MAX_TEXT:
        errors.append(ValidationError("text", f"Keep the goal under {MAX_TEXT} characters."))
    code = target_test_code or None
    instrument_id = target_instrument or None
    side = target_side or None
    value: float | None = None
    raw_value = "" if target_value is None else str(target_value).strip()
    if code and instrument_id:
        errors.append(
            ValidationError("target", "Choose either a test or a questionnaire as the target.")
        )
    elif code:
        if code not in battery:
            errors.append(ValidationError("target_test_code", "This test is not in the battery."))
        else:
            test = battery.test(code)
            if test.bilateral and side not in ("left", "right"):
                errors.append(ValidationError("target_side", f"Choose the side for {test.label}."))
            if not test.bilateral:
                side = "none"
            if not raw_value:
                errors.append(ValidationError("target_value", f"Type the target for {test.label}."))
            else:
                try:
                    value = battery.validate(code, raw_value, "target_value")
                except ValidationError as error:
                    errors.append(error)
    elif instrument_id:
        side = None
        instrument = instruments.get(instrument_id)
        if instrument is None:
            errors.append(
                ValidationError("target_instrument", "This questionnaire is not on file.")
            )
        elif not raw_value:
            errors.append(ValidationError("target_value", "Type the target total."))
        else:
            value = _questionnaire_target(instrument, raw_value, errors)
    else:
        side = None
        if raw_value:
            errors.append(
                ValidationError("target_value", "Choose the test or questionnaire it is for.")
            )
    if side is not None and side not in GOAL_SIDES:
        errors.append(ValidationError("target_side", "The side is left, right or none."))
    day = _target_date(target_date, date_format, errors)
    if status not in GOAL_STATUSES:
        errors.append(ValidationError("status", "The status is open, met, partly met or not met."))
    if errors:
        raise ValidationErrors(errors)
    return GoalFields(text, code, side, value, instrument_id, day, status, status_note.strip())


def goal_standing(
    goal: Goal,
    progress: EpisodeProgress,
    battery: Battery,
    instruments: Mapping[str, Instrument],
    *,
    force_unit: str = "N",
    date_format: str = "yyyy-mm-dd",
) -> GoalStanding:
    """Where ``goal`` stands in ``progress``: target, latest figure, computed status.

    Met when the latest value reaches the target (at or above it where higher is better,
    at or below it for timed tests); partly met when it moved from the first value toward
    the target without reaching it; not met otherwise. A goal without a measurable target,
    or whose target was never measured, keeps the therapist's status.
    """
    if goal.target_value is None:
        return GoalStanding(goal, "", "", None)
    if goal.target_test_code and goal.target_test_code in battery:
        test = battery.test(goal.target_test_code)
        fmt = MeasureFormat(test, force_unit)
        better = "at least" if test.higher_is_better else "at most"
        target_text = f"{better} {fmt.text(goal.target_value)}"
        if test.unit == "pass_fail":  # a pass is a pass, not "at least Pass"
            target_text = "passed" if goal.target_value >= 1 else "failed"
        target = fmt.value(goal.target_value)
        higher_is_better = test.higher_is_better
        measures = [m for m in progress.measures if m.test_code == test.code]
        measures.sort(key=lambda m: m.mode != "active")
        series = None
        for measure in measures:
            try:
                series = measure.chart.series_by_key(goal.target_side or "none")
                break
            except KeyError:
                continue
    elif goal.target_instrument and goal.target_instrument in instruments:
        instrument = instruments[goal.target_instrument]
        higher_is_better = instrument.higher_is_better
        better = "at least" if higher_is_better else "at most"
        target_text = f"{instrument.short_name} {better} {goal.target_value:g} points"
        target = goal.target_value
        series = None
        for chart in progress.outcomes:
            if chart.key == f"outcome:{goal.target_instrument}" and chart.series:
                series = chart.series[0]
    else:
        return GoalStanding(goal, "", "", None)
    if series is None or not series.points:
        return GoalStanding(goal, target_text, "", None)
    first, latest = series.points[0], series.points[-1]
    name = "" if series.name in ("Value",) else f"{series.name.split(' ')[0]} "
    measured = f"{name}{latest.text} on {format_date(latest.day, date_format)}"
    sign = 1.0 if higher_is_better else -1.0
    if sign * (latest.value - target) >= -_SLACK:
        status = "met"
    elif sign * (latest.value - first.value) > _SLACK and len(series.points) > 1:
        status = "partly_met"
    else:
        status = "not_met"
    return GoalStanding(goal, target_text, measured, status)


def _questionnaire_target(
    instrument: Instrument, raw: str, errors: list[ValidationError]
) -> float | None:
    try:
        value = float(raw.replace(",", "."))
    except ValueError:
        errors.append(ValidationError("target_value", "Type the target total as a number."))
        return None
    if not instrument.total_min <= value <= instrument.total_max:
        errors.append(
            ValidationError(
                "target_value",
                f"The {instrument.short_name} total is between {instrument.total_min} and "
                f"{instrument.total_max}.",
            )
        )
        return None
    return value


def _target_date(
    raw: str | dt.date | None, date_format: str, errors: list[ValidationError]
) -> dt.date | None:
    if raw is None or isinstance(raw, dt.date):
        return raw
    if not raw.strip():
        return None
    day = parse_date_text(raw, date_format)
    if day is None:
        errors.append(ValidationError("target_date", "Type the target date as a real date."))
    return day
