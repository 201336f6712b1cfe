"""The runner's training at the start of an episode: as typed, as checked, as stored.

Distances are typed and shown in the clinic's unit (km or mi) and stored in kilometres;
the usual pace is typed as minutes:seconds per that unit and stored in seconds per km.
All conversion goes through ``units.convert_distance``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.intake_fields import (
    FieldCollector,
    bounded_text,
    read_choice,
    read_date,
    read_decimal,
    read_whole,
)
from clinic_desktop.domain.units import convert_distance, format_number

RUNNING_STATUS_CHOICES = {"stopped": "Stopped", "reduced": "Reduced", "unchanged": "Unchanged"}

# Upper limits in km, wide enough for ultra runners, narrow enough to catch a slip.
MAX_WEEKLY_KM = 400.0
MAX_LONGEST_RUN_KM = 300.0
MAX_SHOE_KM = 5000.0
MAX_YEARS_RUNNING = 80.0
MAX_RUNS_PER_WEEK = 21
FASTEST_PACE_S_PER_KM = 120  # 2:00 per km, faster than any world record
SLOWEST_PACE_S_PER_KM = 1200  # 20:00 per km, a walk
TEXT_LIMIT = 200
CROSS_TRAINING_LIMIT = 1000

_PACE = re.compile(r"(\d{1,2})[:.'](\d{2})")


@dataclass(frozen=True)
class RunningProfileForm:
    """The running-profile fields as typed: distances and pace in the clinic's unit."""

    weekly_distance_before: str = ""
    weekly_distance_now: str = ""
    runs_per_week: str = ""
    longest_run: str = ""
    years_running: str = ""
    usual_pace: str = ""
    goal_event: str = ""
    goal_date: str = ""
    surfaces: str = ""
    shoes: str = ""
    shoe_distance: str = ""
    cross_training: str = ""
    running_status: str = ""


@dataclass(frozen=True)
class RunningProfile:
    """The profile as stored: kilometres and seconds per kilometre."""

    weekly_km_before: float | None
    weekly_km_now: float | None
    runs_per_week: int | None
    longest_run_km: float | None
    years_running: float | None
    usual_pace_s_per_km: int | None
    goal_event: str
    goal_date: dt.date | None
    surfaces: str
    shoes: str
    shoe_km: float | None
    cross_training: str
    running_status: str | None
    version: int = 0


def _km_limit(limit_km: float, unit: str) -> float:
    return float(int(convert_distance(limit_km, "km", unit)))


def _distance_km(text: str, field: str, what: str, limit_km: float, unit: str) -> float | None:
    value = read_decimal(text, field, what, 0, _km_limit(limit_km, unit), unit)
    return None if value is None else round(convert_distance(value, unit, "km"), 3)


def format_pace(s_per_km: int | None, unit: str) -> str:
    """Return a pace stored in seconds per km as "m:ss" per ``unit`` ("5:30")."""
    if s_per_km is None:
        return ""
    seconds = round(s_per_km * convert_distance(1, unit, "km"))
    return f"{seconds // 60}:{seconds % 60:02d}"


def read_pace(text: str, unit: str) -> int | None:
    """Return a pace typed as minutes:seconds per ``unit`` in whole seconds per km.

    Blank reads as ``None``. Raises ``ValidationError("usual_pace", ...)`` for any other
    shape or a pace outside 2:00-20:00 per km (converted to the clinic's unit).
    """
    typed = text.strip()
    if not typed:
        return None
    fastest = format_pace(FASTEST_PACE_S_PER_KM, unit)
    slowest = format_pace(SLOWEST_PACE_S_PER_KM, unit)
    match = _PACE.fullmatch(typed)
    if match is None or int(match.group(2)) >= 60:
        raise ValidationError(
            "usual_pace", f"Write the usual pace as minutes:seconds per {unit}, for example 5:30."
        )
    per_unit = int(match.group(1)) * 60 + int(match.group(2))
    s_per_km = round(per_unit / convert_distance(1, unit, "km"))
    if not FASTEST_PACE_S_PER_KM <= s_per_km <= SLOWEST_PACE_S_PER_KM:
        raise ValidationError(
            "usual_pace",
            f"The usual pace must be between {fastest} and {slowest} per {unit}; "
            f"{typed} is outside.",
        )
    return s_per_km


def check_running_profile(
    form: RunningProfileForm,
    distance_unit: str,
    date_format: str = "yyyy-mm-dd",
    age_years: int | None = None,
) -> RunningProfile:
    """Return the profile in ``form`` checked and converted to stored units.

    Distances are read in ``distance_unit`` ("km" or "mi") and must lie between 0 and a
    generous upper limit; runs per week 0-21; years running not more than the patient's age;
    whether running is stopped, reduced or unchanged is required. Raises
    ``ValidationErrors`` naming every field that fails.
    """
    unit = distance_unit
    fields = FieldCollector()
    read = fields.read
    read(
        "weekly_km_before",
        lambda: _distance_km(
            form.weekly_distance_before,
            "weekly_distance_before",
            "Weekly distance before the problem",
            MAX_WEEKLY_KM,
            unit,
        ),
    )
    read(
        "weekly_km_now",
        lambda: _distance_km(
            form.weekly_distance_now,
            "weekly_distance_now",
            "Weekly distance now",
            MAX_WEEKLY_KM,
            unit,
        ),
    )
    read(
        "runs_per_week",
        lambda: read_whole(
            form.runs_per_week, "runs_per_week", "Runs per week", 0, MAX_RUNS_PER_WEEK
        ),
    )
    read(
        "longest_run_km",
        lambda: _distance_km(
            form.longest_run, "longest_run", "The longest run", MAX_LONGEST_RUN_KM, unit
        ),
    )
    years_limit = MAX_YEARS_RUNNING if age_years is None else float(age_years)
    read(
        "years_running",
        lambda: read_decimal(form.years_running, "years_running", "Years running", 0, years_limit),
    )
    read("usual_pace_s_per_km", lambda: read_pace(form.usual_pace, unit))
    read(
        "goal_event",
        lambda: bounded_text(form.goal_event, "goal_event", "The goal event", TEXT_LIMIT),
    )
    read(
        "goal_date",
        lambda: read_date(form.goal_date, "goal_date", "the goal date", date_format),
    )
    read("surfaces", lambda: bounded_text(form.surfaces, "surfaces", "The surfaces", TEXT_LIMIT))
    read("shoes", lambda: bounded_text(form.shoes, "shoes", "The shoes", TEXT_LIMIT))
    read(
        "shoe_km",
        lambda: _distance_km(
            form.shoe_distance, "shoe_distance", "The shoes' distance", MAX_SHOE_KM, unit
        ),
    )
    read(
        "cross_training",
        lambda: bounded_text(
            form.cross_training, "cross_training", "The cross-training", CROSS_TRAINING_LIMIT
        ),
    )
    read(
        "running_status",
        lambda: read_choice(
            form.running_status,
            "running_status",
            RUNNING_STATUS_CHOICES,
            "whether running is stopped, reduced or unchanged",
        ),
    )
    fields.finish()
    return RunningProfile(**fields.values)


def _distance_text(km: float | None, unit: str) -> str:
    return "" if km is None else format_number(convert_distance(km, "km", unit), 1)


def profile_form(
    profile: RunningProfile, distance_unit: str, date_format: str = "yyyy-mm-dd"
) -> RunningProfileForm:
    """Return a stored profile as the fields show it, in the clinic's unit and date format."""
    unit = distance_unit
    return RunningProfileForm(
        weekly_distance_before=_distance_text(profile.weekly_km_before, unit),
        weekly_distance_now=_distance_text(profile.weekly_km_now, unit),
        runs_per_week="" if profile.runs_per_week is None else str(profile.runs_per_week),
        longest_run=_distance_text(profile.longest_run_km, unit),
        years_running="" if profile.years_running is None else format_number(profile.years_running),
        usual_pace=format_pace(profile.usual_pace_s_per_km, unit),
        goal_event=profile.goal_event,
        goal_date=format_date(profile.goal_date, date_format),
        surfaces=profile.surfaces,
        shoes=profile.shoes,
        shoe_distance=_distance_text(profile.shoe_km, unit),
        cross_training=profile.cross_training,
        running_status=profile.running_status or "",
    )
