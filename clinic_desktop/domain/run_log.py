"""The running log: what the runner reports, read from the keyboard and checked against
the plan.

:func:`read_run` turns the typed fields of one run into a :class:`RunInput` (distances in
km, time in minutes, intervals as "walk/run" minutes or "continuous"). :func:`check_runs`
finds every breach of the plan's rules and pairs it with the clinic's advice line: pain
during a run above the limit, next-morning pain above the runner's usual level, a week over
the distance cap, and intervals or pace raised before the distance that goes with them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clinic_desktop.domain import units
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.patient_rules import parse_date_text
from clinic_desktop.domain.run_plan import RunPlan, weekly_cap
from clinic_desktop.domain.run_programs import AdviceBook

CONTINUOUS = "continuous"
# Distances are typed to 0.1 km or mi: a run this close to a phase's distance covers it.
DISTANCE_SLACK = 1.05
_SLACK = 1e-9
_CONTINUOUS_WORDS = frozenset({"c", "cont", "continuous", "run", "r"})
_INTERVALS = re.compile(r"\s*(\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*")
_CLOCK = re.compile(r"(?:(\d+):)?(\d{1,3}):([0-5]\d)")
INTERVALS_HINT = "Write walk/run minutes such as 2/3, or c for running without walking breaks."


@dataclass(frozen=True)
class RunInput:
    """One run as reported: distance (km) or time (min) or both, pain on the 0-10 scale."""

    run_date: dt.date
    distance_km: float | None = None
    duration_min: float | None = None
    intervals: str = ""
    effort: int | None = None
    pain_during: int | None = None
    pain_after: int | None = None
    pain_next_morning: int | None = None
    notes: str = ""

    @property
    def run_share(self) -> float | None:
        """Share of each cycle spent running (1 when continuous); ``None`` if not given."""
        if not self.intervals:
            return None
        if self.intervals == CONTINUOUS:
            return 1.0
        walk, run = (float(part) for part in self.intervals.split("/"))
        return run / (walk + run)

    @property
    def pace_min_per_km(self) -> float | None:
        if not self.distance_km or self.duration_min is None:
            return None
        return self.duration_min / self.distance_km


@dataclass(frozen=True)
class LoggedRun(RunInput):
    """A stored run, with its record id and version (for refusing stale edits)."""

    id: int = 0
    plan_id: int | None = None
    version: int = 1


@dataclass(frozen=True)
class Breach:
    """A run (or a week) that broke a rule: what happened, and the clinic's advice."""

    code: str
    day: dt.date
    finding: str
    advice: str
    run_id: int | None = None
    week: int | None = None


@dataclass(frozen=True)
class WeekLoad:
    """One plan week of running: distance (km), time (min), runs and the worst pain during."""

    week: int
    first_day: dt.date
    distance_km: float
    duration_min: float
    runs: int
    worst_pain_during: int | None


def parse_intervals(text: str, field: str = "intervals") -> str:
    """Return "walk/run" minutes ("2/3", "1.5/4") or "continuous"; "" for nothing typed.

    Raises :class:`ValidationError` on ``field`` for anything else.
    """
    typed = text.strip().casefold()
    if not typed:
        return ""
    if typed in _CONTINUOUS_WORDS:
        return CONTINUOUS
    match = _INTERVALS.fullmatch(typed)
    if match is None or float(match.group(2)) <= 0:
        raise ValidationError(field, INTERVALS_HINT)
    walk, run = (units.format_number(float(g), 1) for g in match.groups())
    return CONTINUOUS if float(walk) == 0 else f"{walk}/{run}"


def parse_duration(text: str, field: str = "duration") -> float | None:
    """Return minutes for "30", "32.5", "32:30" (min:s) or "1:05:00" (h:min:s); ``None``
    for nothing typed. Raises :class:`ValidationError` on ``field`` for anything else."""
    typed = text.strip()
    if not typed:
        return None
    clock = _CLOCK.fullmatch(typed)
    if clock:
        hours, minutes, seconds = (int(g) if g else 0 for g in clock.groups())
        value = hours * 60 + minutes + seconds / 60
    else:
        value = units.read_number(typed)
    if value is None or not 0 < value <= 600:
        raise ValidationError(field, "Write the time in minutes (45) or as min:s (32:30).")
    return value


def read_run(
    typed: Mapping[str, str], *, distance_unit: str = "km", date_format: str = "yyyy-mm-dd"
) -> RunInput:
    """Read one run from the fields typed (``run_date``, ``distance`` in ``distance_unit``,
    ``duration``, ``intervals``, ``effort``, ``pain_during``, ``pain_after``,
    ``pain_next_morning``, ``notes``). Raises :class:`ValidationErrors` with a sentence
    per field; a run needs its date and a distance or a time."""
    errors: list[ValidationError] = []

    def attempt(reader, *args):
        try:
            return reader(*args)
        except ValidationError as error:
            errors.append(error)
            return None

    day = parse_date_text(typed.get("run_date", ""), date_format)
    if day is None:
        errors.append(ValidationError("run_date", "Enter the date of the run."))
    distance = _number(
        typed.get("distance", ""),
        "distance",
        0.1,
        100,
        errors,
        f"The distance must be from 0.1 to 100 {distance_unit}.",
    )
    duration = attempt(parse_duration, typed.get("duration", ""))
    if (
        distance is None
        and duration is None
        and not any(e.field in ("distance", "duration") for e in errors)
    ):
        errors.append(ValidationError("distance", "Enter the distance or the time of the run."))
    intervals = attempt(parse_intervals, typed.get("intervals", "")) or ""
    scores = {}
    for name, what in (
        ("effort", "Effort"),
        ("pain_during", "Pain during the run"),
        ("pain_after", "Pain after the run"),
        ("pain_next_morning", "Pain the next morning"),
    ):
        value = _number(
            typed.get(name, ""),
            name,
            0,
            10,
            errors,
            f"{what} is a whole number from 0 to 10.",
            whole=True,
        )
        scores[name] = None if value is None else int(value)
    if errors:
        raise ValidationErrors(errors)
    km = None if distance is None else units.convert_distance(distance, distance_unit, "km")
    return RunInput(day, km, duration, intervals, notes=typed.get("notes", "").strip(), **scores)


def _number(text, field, low, high, errors, sentence, whole=False) -> float | None:
    if not str(text).strip():
        return None
    value = units.read_number(text)
    if value is None or not low <= value <= high or (whole and not value.is_integer()):
        errors.append(ValidationError(field, sentence))
        return None
    return value


def plan_week(plan_start: dt.date, day: dt.date) -> int:
    """The plan week ``day`` falls in: 1 for the first seven days from ``plan_start``."""
    return (day - plan_start).days // 7 + 1


def week_loads(runs: Sequence[RunInput], plan_start: dt.date) -> tuple[WeekLoad, ...]:
    """Distance, time, runs and worst pain during per plan week, weeks with runs only."""
    weeks: dict[int, list[RunInput]] = {}
    for run in sorted(runs, key=lambda r: r.run_date):
        weeks.setdefault(plan_week(plan_start, run.run_date), []).append(run)
    loads = []
    for week, held in sorted(weeks.items()):
        pains = [r.pain_during for r in held if r.pain_during is not None]
        loads.append(
            WeekLoad(
                week,
                plan_start + dt.timedelta(days=7 * (week - 1)),
                sum(r.distance_km or 0.0 for r in held),
                sum(r.duration_min or 0.0 for r in held),
                len(held),
                max(pains) if pains else None,
            )
        )
    return tuple(loads)


def format_pace(min_per_km: float, distance_unit: str) -> str:
    """A pace as min:s per km or per mile, e.g. "5:40 /km"."""
    per_unit = min_per_km * units.convert_distance(1, distance_unit, "km")
    seconds = round(per_unit * 60)
    return f"{seconds // 60}:{seconds % 60:02d} /{distance_unit}"


def check_runs(
    plan: RunPlan,
    runs: Sequence[LoggedRun],
    advice: AdviceBook,
    *,
    distance_unit: str = "km",
    date_format: str = "yyyy-mm-dd",
) -> tuple[Breach, ...]:
    """Every breach of ``plan``'s rules in ``runs``, by date (none for a compliant log).

    The week's distance may reach the larger of the plan's own week (with 5% for rounding)
    and the previous week's distance plus the cap; a week after a week without runs, and
    outside the phases, is not judged. Intervals count as raised before distance when no
    phase up to the run's distance runs that much of each cycle; pace when a run without
    walking breaks is faster than the previous one by more than the clinic's tolerance
    while the weekly distance is still below the target (always, without a target).
    """
    ordered = sorted(runs, key=lambda r: (r.run_date, r.id))
    dist = lambda km: units.format_distance(km, "km", distance_unit)  # noqa: E731
    limit = plan.rules.pain_during_max
    figures = {
        "limit": units.format_number(limit, 1),
        "baseline": str(plan.baseline_pain),
        "percent": units.format_number(plan.weekly_cap_percent, 1),
    }
    breaches: list[Breach] = []

    def add(code, run, finding, week=None, **extra):
        line = advice.line(code, **figures, phase=_phase_of(plan, run), **extra)
        breaches.append(Breach(code, run.run_date, finding, line, run.id, week))

    for run in ordered:
        if run.pain_during is not None and run.pain_during > limit:
            add(
                "pain_during",
                run,
                f"Pain during the run {run.pain_during}/10, above {figures['limit']}/10.",
            )
        if run.pain_next_morning is not None and run.pain_next_morning > plan.baseline_pain:
            add(
                "pain_next_morning",
                run,
                f"Pain the next morning {run.pain_next_morning}/10, above the usual "
                f"{plan.baseline_pain}/10.",
            )
        share = run.run_share
        if share is not None and run.distance_km:
            allowed = [
                p.phase
                for p in plan.phases
                if p.phase.distance_km <= run.distance_km * DISTANCE_SLACK
            ]
            most = max((p.run_share for p in allowed), default=plan.phases[0].phase.run_share)
            if share > most + _SLACK:
                first = next((p.phase for p in plan.phases if p.phase.run_share >= share), None)
                reach = (
                    ""
                    if first is None
                    else (f"; the plan runs that much only from {dist(first.distance_km)}")
                )
                shown = (
                    "no walking breaks"
                    if run.intervals == CONTINUOUS
                    else (f"walk/run {run.intervals} min")
                )
                add(
                    "intervals_before_distance",
                    run,
                    f"Ran {shown} over {dist(run.distance_km)}{reach}.",
                )
    loads = {load.week: load for load in week_loads(ordered, plan.start_date)}
    _check_weeks(plan, ordered, loads, add, dist)
    _check_pace(plan, ordered, loads, add, dist, distance_unit, date_format)
    return tuple(sorted(breaches, key=lambda b: (b.day, b.run_id or 0)))


def _check_weeks(plan, ordered, loads, add, dist) -> None:
    for week, load in loads.items():
        limits = []
        planned = plan.planned_week_km(week)
        if planned:
            limits.append(planned * DISTANCE_SLACK)
        before = loads.get(week - 1)
        if before is not None and before.distance_km > 0:
            limits.append(weekly_cap(before.distance_km, plan.weekly_cap_percent))
        if not limits or load.distance_km <= max(limits) + _SLACK:
            continue
        allowed, total = max(limits), 0.0
        for run in (r for r in ordered if plan_week(plan.start_date, r.run_date) == week):
            total += run.distance_km or 0.0
            if total > allowed + _SLACK:
                add(
                    "weekly_distance",
                    run,
                    f"Week {week}: {dist(load.distance_km)}, over the limit of "
                    f"{dist(allowed)} for that week.",
                    week=week,
                    cap=dist(allowed),
                )
                break


def _check_pace(plan, ordered, loads, add, dist, distance_unit, date_format) -> None:
    tolerance = plan.progression.pace_tolerance_percent
    target = plan.target_weekly_km
    previous = None
    for run in ordered:
        pace = run.pace_min_per_km
        if run.intervals != CONTINUOUS or pace is None:
            continue
        if previous is not None:
            before = previous.pace_min_per_km
            faster_pct = (before - pace) / before * 100
            last_week = loads.get(plan_week(plan.start_date, run.run_date) - 1)
            weekly = 0.0 if last_week is None else last_week.distance_km
            if faster_pct > tolerance + _SLACK and (target is None or weekly < target):
                short = (
                    ""
                    if target is None
                    else f", while last week's distance ({dist(weekly)}) is below the "
                    f"{dist(target)} aimed for"
                )
                add(
                    "pace_before_distance",
                    run,
                    f"Pace {format_pace(pace, distance_unit)}, "
                    f"{units.format_number(faster_pct, 0)}% faster than on "
                    f"{format_date(previous.run_date, date_format)} "
                    f"({format_pace(before, distance_unit)}){short}.",
                )
        previous = run


def _phase_of(plan: RunPlan, run: RunInput) -> str:
    if not run.distance_km:
        return "?"
    reached = [
        p.phase.number
        for p in plan.phases
        if p.phase.distance_km <= run.distance_km * DISTANCE_SLACK
    ]
    return str(max(reached) if reached else plan.phases[0].phase.number)
