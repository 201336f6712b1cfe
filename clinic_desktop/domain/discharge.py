"""Ending an episode of care: what the therapist records at discharge, what must be in
place first, and when a progress report falls due.

The discharge summary prints what is recorded here (reason, whether care ended against
advice, adherence, follow-up and referrals). :func:`check_discharge` checks what was typed;
:func:`final_measures` says which tests measured during the episode were not measured again
at its last visit, so the review can show what the summary will lack;
:func:`progress_report_due` words the header reminder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.patient_rules import parse_date_text

#: How the runner kept to the home program and the running plan ("" = not recorded).
ADHERENCE_WORDS = {
    "": "not recorded",
    "full": "did the program as agreed",
    "most": "did most of the program",
    "some": "did some of the program",
    "little": "did little of the program",
}
MAX_REASON = 1000
MAX_NOTE = 2000


@dataclass(frozen=True)
class DischargeDetails:
    """What the therapist records when care ends, checked and ready to store."""

    reason: str
    ended_on: dt.date
    against_advice: bool = False
    program_adherence: str = ""
    adherence_note: str = ""
    follow_up: str = ""

    @property
    def adherence_words(self) -> str:
        return ADHERENCE_WORDS.get(self.program_adherence, "not recorded")


@dataclass(frozen=True)
class FinalMeasure:
    """A test measured during the episode, and whether its last visit measured it again."""

    label: str
    side: str  # "left", "right" or "none"
    last_measured_on: dt.date
    at_final_visit: bool


@dataclass(frozen=True)
class DischargeReview:
    """What the therapist checks before discharging: the summary's gaps and what blocks it.

    ``blocking`` holds sentences that stop the discharge (an unsigned visit, an episode
    already discharged); ``goals`` are the goal standings the summary will print.
    """

    episode_id: int
    episode_version: int
    patient_id: int
    patient_name: str
    diagnosis: str
    started_on: dt.date
    last_visit_on: dt.date | None
    visits_attended: int
    status: str
    details: DischargeDetails | None
    goals: tuple = ()
    final_measures: tuple[FinalMeasure, ...] = ()
    blocking: tuple[str, ...] = ()
    #: The clinic's today when reviewed: the default discharge date and its upper bound.
    today: dt.date | None = None

    @property
    def missing_measures(self) -> tuple[FinalMeasure, ...]:
        return tuple(m for m in self.final_measures if not m.at_final_visit)

    @property
    def can_discharge(self) -> bool:
        return not self.blocking


def check_discharge(
    *,
    reason: str,
    ended_on: str | dt.date | None,
    started_on: dt.date,
    today: dt.date,
    last_visit_on: dt.date | None = None,
    against_advice: bool = False,
    program_adherence: str = "",
    adherence_note: str = "",
    follow_up: str = "",
    date_format: str = "yyyy-mm-dd",
) -> DischargeDetails:
    """Check the discharge as typed; raises :class:`ValidationErrors` naming each bad field.

    The reason is required. The discharge date defaults to today and lies between the
    episode's last attended visit (or its start) and today.
    """
    errors: list[ValidationError] = []
    reason = " ".join((reason or "").split())
    if not reason:
        errors.append(
            ValidationError("reason", "Give the reason care ends (for example: goals met).")
        )
    elif len(reason) > MAX_REASON:
        errors.append(ValidationError("reason", f"Keep the reason under {MAX_REASON} characters."))
    day = _ended_on(ended_on, date_format, today, errors)
    earliest = max(d for d in (started_on, last_visit_on) if d is not None)
    if day is not None:
        if day > today:
            errors.append(
                ValidationError("ended_on", "The discharge date cannot be in the future.")
            )
        elif day < earliest:
            what = "last visit" if last_visit_on and last_visit_on >= started_on else "start"
            errors.append(
                ValidationError(
                    "ended_on",
                    f"The discharge date is before the episode's {what} "
                    f"({format_date(earliest, date_format)}).",
                )
            )
    if program_adherence not in ADHERENCE_WORDS:
        errors.append(ValidationError("program_adherence", "Choose one of the adherence levels."))
    adherence_note = (adherence_note or "").strip()
    follow_up = (follow_up or "").strip()
    for name, text in (("adherence_note", adherence_note), ("follow_up", follow_up)):
        if len(text) > MAX_NOTE:
            errors.append(ValidationError(name, f"Keep this under {MAX_NOTE} characters."))
    if errors:
        raise ValidationErrors(errors)
    return DischargeDetails(
        reason=reason,
        ended_on=day,
        against_advice=bool(against_advice),
        program_adherence=program_adherence,
        adherence_note=adherence_note,
        follow_up=follow_up,
    )


def final_measures(
    measured: list[tuple[str, str, dt.date]], final_visit_on: dt.date | None, labels: dict[str, str]
) -> tuple[FinalMeasure, ...]:
    """For every (test, side) measured in the episode, the day it was last measured and
    whether that was the final visit. ``measured`` holds (test code, side, visit day);
    ``labels`` maps test codes to their names. Ordered as first measured."""
    last: dict[tuple[str, str], dt.date] = {}
    for code, side, day in measured:
        key = (code, side)
        if key not in last or day > last[key]:
            last[key] = day
    return tuple(
        FinalMeasure(labels.get(code, code), side, day, day == final_visit_on)
        for (code, side), day in last.items()
    )


def progress_report_due(
    *,
    last_report_on: dt.date | None,
    last_report_kind: str,
    visits_since: int,
    today: dt.date,
    visits_limit: int = 10,
    days_limit: int = 30,
    date_format: str = "yyyy-mm-dd",
) -> str | None:
    """The header reminder when a progress report is due, else ``None``.

    Due once ``visits_since`` attended visits (after the last evaluation or progress
    report, dated ``last_report_on``) reach ``visits_limit``, or ``days_limit`` days have
    passed since it, whichever comes first. ``last_report_kind`` words what it was
    ("evaluation", "re-evaluation", "progress report"). No evaluation yet: nothing is due.
    """
    if last_report_on is None:
        return None
    days = (today - last_report_on).days
    since = f"since the {last_report_kind} of {format_date(last_report_on, date_format)}"
    if visits_since >= visits_limit:
        return f"Progress report due: {visits_since} visits {since}."
    if days >= days_limit:
        return f"Progress report due: {days} days {since}."
    return None


def _ended_on(raw, date_format: str, today: dt.date, errors: list[ValidationError]):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return today
    if isinstance(raw, dt.date):
        return raw
    day = parse_date_text(raw, date_format)
    if day is None:
        errors.append(ValidationError("ended_on", "Type the discharge date as a real date."))
    return day
