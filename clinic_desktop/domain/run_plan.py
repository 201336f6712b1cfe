"""A walk/run plan for one runner: phases, run days, and the progression after them.

:func:`generate_plan` lays a program (:mod:`run_programs`) out from the chosen starting
phase: every phase repeated as often as the rules ask, on run days spread through the week
with a rest day between runs, then week-by-week distance limits after the last phase,
each week at most the clinic's cap (default 10%) above the one before. Distances are kept
in km with miles beside them; :func:`weekly_cap` is the one place the cap is applied.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass
from typing import Any

from clinic_desktop.domain import units
from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.run_programs import Phase, PlanRules, Progression, RunTemplate

MAX_PROGRESSION_WEEKS = 12
PROGRESSION_WEEKS_WITHOUT_TARGET = 6
CAP_LIMITS = (1.0, 100.0)


@dataclass(frozen=True)
class PlannedPhase:
    """A phase as scheduled: how many runs, which run numbers and weeks it covers."""

    phase: Phase
    runs: int
    first_run: int
    first_week: int
    last_week: int


@dataclass(frozen=True)
class PlannedRun:
    """One run of the schedule: its number, week (1 = the first), day of that week (1-7)."""

    number: int
    week: int
    weekday: int
    phase_number: int
    day: dt.date


@dataclass(frozen=True)
class ProgressionWeek:
    """A week after the last phase and the most distance it may hold (km and miles)."""

    week: int
    max_km: float
    max_mi: float


@dataclass(frozen=True)
class RunPlan:
    """A generated plan. ``baseline_pain`` (0-10) is the runner's usual pain, which the
    next morning must come back to; ``target_weekly_km`` the weekly distance aimed for."""

    template_code: str
    template_label: str
    source: str
    start_phase: int
    days_per_week: int
    start_date: dt.date
    weekly_cap_percent: float
    rules: PlanRules
    progression: Progression
    phases: tuple[PlannedPhase, ...]
    baseline_pain: int = 0
    target_weekly_km: float | None = None

    @property
    def runs(self) -> tuple[PlannedRun, ...]:
        """Every run of the phases, in order, with its date."""
        days = run_days(self.days_per_week)
        schedule = []
        for planned in self.phases:
            for offset in range(planned.runs):
                number = planned.first_run + offset
                week, slot = divmod(number - 1, self.days_per_week)
                weekday = days[slot]
                day = self.start_date + dt.timedelta(days=7 * week + weekday - 1)
                schedule.append(PlannedRun(number, week + 1, weekday, planned.phase.number, day))
        return tuple(schedule)

    @property
    def last_week(self) -> int:
        return self.phases[-1].last_week

    @property
    def final_weekly_km(self) -> float:
        """The weekly distance of the last phase run on every run day."""
        return self.phases[-1].phase.distance_km * self.days_per_week

    @property
    def progression_weeks(self) -> tuple[ProgressionWeek, ...]:
        """Week-by-week limits after the last phase, each the cap above the one before,
        until the target is reached (at most 12 weeks), or 6 weeks without a target.

        Empty when the last phase already reaches the target.
        """
        target = self.target_weekly_km
        if target is not None and target <= self.final_weekly_km:
            return ()
        weeks, limit_km = [], self.final_weekly_km
        for index in range(1, MAX_PROGRESSION_WEEKS + 1):
            limit_km = weekly_cap(limit_km, self.weekly_cap_percent)
            shown = limit_km if target is None else min(limit_km, target)
            mi = units.convert_distance(shown, "km", "mi")
            weeks.append(ProgressionWeek(self.last_week + index, shown, mi))
            if (target is not None and shown >= target) or (
                target is None and index >= PROGRESSION_WEEKS_WITHOUT_TARGET
            ):
                break
        return tuple(weeks)

    def phase(self, number: int) -> Phase:
        return next(p.phase for p in self.phases if p.phase.number == number)

    def planned_week_km(self, week: int) -> float:
        """The distance the schedule holds in ``week`` (0 outside the phases)."""
        return sum(self.phase(r.phase_number).distance_km for r in self.runs if r.week == week)


def weekly_cap(previous_week: float, cap_percent: float) -> float:
    """The most a week may hold after a week of ``previous_week`` (same unit back).

    ``weekly_cap(20, 10)`` is 22.0, in km or miles alike, since the cap is a ratio.
    Raises ``ValueError`` for a negative distance or a cap outside 0-100%.
    """
    if previous_week < 0 or not 0 <= cap_percent <= 100:
        raise ValueError(f"No weekly cap for {previous_week} at {cap_percent}%.")
    return previous_week * (1 + cap_percent / 100)


def run_days(days_per_week: int) -> tuple[int, ...]:
    """Run days of the week (1-7) spread as evenly as possible: 3 gives days 1, 3 and 5."""
    return tuple(math.floor(i * 7 / days_per_week) + 1 for i in range(days_per_week))


def max_days_per_week(rules: PlanRules) -> int:
    """The most run days a week holds with the rest days the rules ask between runs."""
    return 7 // (rules.rest_days_between_runs + 1)


def generate_plan(
    template: RunTemplate,
    progression: Progression,
    *,
    start_phase: int,
    days_per_week: int,
    start_date: dt.date,
    weekly_cap_percent: float,
    baseline_pain: int = 0,
    target_weekly_km: float | None = None,
) -> RunPlan:
    """Lay the program out from ``start_phase`` on ``days_per_week`` run days.

    Each phase gets the rules' number of runs (at least two in the standard program);
    runs fall on :func:`run_days` of each week from ``start_date``. Raises
    :class:`ValidationErrors` (fields ``start_phase``, ``days_per_week``,
    ``weekly_cap_percent``) with a sentence for each choice that cannot be used.
    """
    errors = []
    numbers = [p.number for p in template.phases]
    if start_phase not in numbers:
        errors.append(
            ValidationError(
                "start_phase", f"Choose a starting phase from {numbers[0]} to {numbers[-1]}."
            )
        )
    most = max_days_per_week(template.rules)
    if not 1 <= days_per_week <= most:
        rest = template.rules.rest_days_between_runs
        why = f" to keep {rest} rest day{'s' if rest > 1 else ''} between runs" if rest else ""
        errors.append(ValidationError("days_per_week", f"Plan 1 to {most} run days a week{why}."))
    if not CAP_LIMITS[0] <= weekly_cap_percent <= CAP_LIMITS[1]:
        errors.append(
            ValidationError(
                "weekly_cap_percent", "The weekly distance cap must be from 1 to 100 %."
            )
        )
    if errors:
        raise ValidationErrors(errors)
    planned, first_run = [], 1
    repeats = template.rules.repeats_per_phase
    for phase in template.phases:
        if phase.number < start_phase:
            continue
        last_run = first_run + repeats - 1
        planned.append(
            PlannedPhase(
                phase,
                repeats,
                first_run,
                (first_run - 1) // days_per_week + 1,
                (last_run - 1) // days_per_week + 1,
            )
        )
        first_run = last_run + 1
    return RunPlan(
        template.code,
        template.label,
        template.source,
        start_phase,
        days_per_week,
        start_date,
        float(weekly_cap_percent),
        template.rules,
        progression,
        tuple(planned),
        baseline_pain,
        target_weekly_km,
    )


def plan_document(plan: RunPlan) -> dict[str, Any]:
    """The plan as JSON-ready data, for storing with the episode."""
    return {
        "template": {
            "code": plan.template_code,
            "label": plan.template_label,
            "source": plan.source,
        },
        "start_phase": plan.start_phase,
        "days_per_week": plan.days_per_week,
        "start_date": plan.start_date.isoformat(),
        "weekly_cap_percent": plan.weekly_cap_percent,
        "baseline_pain": plan.baseline_pain,
        "target_weekly_km": plan.target_weekly_km,
        "rules": asdict(plan.rules),
        "progression": {
            **asdict(plan.progression),
            "weekly_cap_evidence": list(plan.progression.weekly_cap_evidence),
        },
        "phases": [
            {
                **asdict(p.phase),
                "runs": p.runs,
                "first_run": p.first_run,
                "first_week": p.first_week,
                "last_week": p.last_week,
            }
            for p in plan.phases
        ],
    }


def plan_from_document(document: dict[str, Any]) -> RunPlan:
    """Read back :func:`plan_document`. Raises ``KeyError``/``ValueError`` if damaged."""
    phase_fields = ("number", "walk_min", "run_min", "distance_km", "distance_mi", "effort_rpe")
    phases = tuple(
        PlannedPhase(
            Phase(**{name: entry[name] for name in phase_fields}),
            entry["runs"],
            entry["first_run"],
            entry["first_week"],
            entry["last_week"],
        )
        for entry in document["phases"]
    )
    progression = dict(document["progression"])
    progression["weekly_cap_evidence"] = tuple(progression["weekly_cap_evidence"])
    template = document["template"]
    return RunPlan(
        template["code"],
        template["label"],
        template["source"],
        document["start_phase"],
        document["days_per_week"],
        dt.date.fromisoformat(document["start_date"]),
        document["weekly_cap_percent"],
        PlanRules(**document["rules"]),
        Progression(**progression),
        phases,
        document["baseline_pain"],
        document["target_weekly_km"],
    )
