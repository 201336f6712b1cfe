"""The sections of a report about the course of care beyond its measures: attendance,
adherence, the home program and equipment, red flags and the return to running, each
read from the episode's records in the caller's session."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter

from sqlalchemy import select

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.discharge import DischargeDetails
from clinic_desktop.domain.dosage import Dosage, describe_dosage
from clinic_desktop.domain.errors import NotFound
from clinic_desktop.domain.exercises import Library
from clinic_desktop.domain.readiness import verdict_from_document
from clinic_desktop.domain.red_flags import red_flag_by_code
from clinic_desktop.domain.report_data import (
    DISCHARGE,
    ProgramLine,
    Section,
)
from clinic_desktop.domain.run_programs import load_run_programs
from clinic_desktop.storage.models import (
    EpisodeRow,
    HomeProgramRow,
    ProgramItemRow,
    RedFlagAnswerRow,
    RunLogRow,
    RunPlanRow,
)


def stored_discharge(episode: EpisodeRow, today: dt.date) -> DischargeDetails:
    """The discharge details on file for ``episode`` (empty while it is open)."""
    return DischargeDetails(
        reason=episode.discharge_reason,
        ended_on=episode.ended_on or today,
        against_advice=episode.ended_against_advice,
        program_adherence=episode.program_adherence,
        adherence_note=episode.adherence_note,
        follow_up=episode.follow_up,
    )


def attendance_section(visits, details: DischargeDetails, kind: str) -> Section:
    counts = Counter(v.attendance for v in visits)
    lines = [
        f"Visits attended: {counts['attended']}. Missed: {counts['missed']}. "
        f"Cancelled: {counts['cancelled']}."
    ]
    if kind == DISCHARGE:
        lines.append(
            "Care ended against the therapist's advice."
            if details.against_advice
            else "Care did not end against the therapist's advice."
        )
    return Section("Attendance", tuple(lines))


def adherence_section(session, episode_id: int, details: DischargeDetails) -> Section:
    runs = session.scalars(select(RunLogRow).where(RunLogRow.episode_id == episode_id)).all()
    lines = []
    if details.program_adherence:
        note = f" {details.adherence_note}" if details.adherence_note else ""
        lines.append(f"Home program: the runner {details.adherence_words}.{note}")
    elif details.adherence_note:
        lines.append(f"Home program: {details.adherence_note}")
    if runs:
        painful = sum(1 for r in runs if r.pain_during is not None and r.pain_during > 3)
        lines.append(
            f"Running log: {len(runs)} runs recorded; {painful} with pain during the run "
            "above 3/10."
        )
    return Section(
        "Adherence",
        tuple(lines),
        "No adherence to the home program or the running plan was recorded in this episode.",
    )


def program_lines(session, episode_id: int, library: Library | None):
    latest = session.scalar(
        select(HomeProgramRow)
        .where(HomeProgramRow.episode_id == episode_id)
        .order_by(HomeProgramRow.issued_at.desc(), HomeProgramRow.id.desc())
        .limit(1)
    )
    if latest is None:
        return (), ()
    items = session.scalars(
        select(ProgramItemRow)
        .where(ProgramItemRow.program_id == latest.id)
        .order_by(ProgramItemRow.position)
    ).all()
    lines, given, at_home = [], [], []
    for item in items:
        exercise = (
            library.get(item.exercise_code) if library and item.exercise_code in library else None
        )
        base = exercise.dosage if exercise else Dosage(1, 1)
        dosage = Dosage(
            sets=item.sets or base.sets,
            reps=item.reps or base.reps,
            hold_s=item.hold_s if item.hold_s is not None else base.hold_s,
            times_per_day=item.times_per_day or base.times_per_day,
            days_per_week=item.days_per_week or base.days_per_week,
            side=item.side or base.side,
            band_level=item.band_level or None,
        )
        name = exercise.name if exercise else item.exercise_code.replace("_", " ")
        lines.append(ProgramLine(name, describe_dosage(dosage), item.notes, exercise))
        # Bands are handed over (their level matters for progression); a wall, a mat or a
        # step is what the runner already has at home.
        if item.band_level:
            given.append(f"Resistance band, {item.band_level}: for {_lower(name)}.")
        elif exercise:
            for thing in exercise.equipment:
                if "band" in thing:
                    given.append(f"{thing.capitalize()}: for {_lower(name)}.")
                else:
                    at_home.append(thing)
    if at_home:
        lead = "Also used at home" if given else "Nothing handed over; the program uses"
        given.append(f"{lead}: {', '.join(dict.fromkeys(at_home))}.")
    return tuple(lines), tuple(dict.fromkeys(given))


def red_flags_section(session, episode_id: int, fmt: str) -> Section:
    rows = session.scalars(
        select(RedFlagAnswerRow).where(
            RedFlagAnswerRow.episode_id == episode_id, RedFlagAnswerRow.answer.is_(True)
        )
    ).all()
    lines = []
    for row in rows:
        try:
            question = red_flag_by_code(row.code).question
        except NotFound:
            question = row.code
        if row.acknowledged_at is not None:
            done = f"acknowledged on {format_date(row.acknowledged_at.date(), fmt)}"
            if row.acknowledgement_note:
                done += f": {row.acknowledgement_note}"
        else:
            done = "not yet acknowledged"
        lines.append(f"{question} Yes; {done}.")
    return Section("Red flags", tuple(lines), "No red flag was answered yes during this episode.")


def run_plan_section(session, episode_id: int, fmt: str, distance_unit: str) -> Section:
    plan = session.scalar(
        select(RunPlanRow)
        .where(RunPlanRow.episode_id == episode_id)
        .order_by(RunPlanRow.is_active.desc(), RunPlanRow.id.desc())
        .limit(1)
    )
    if plan is None:
        return Section(
            "Return to running", (), "No return-to-run plan was recorded for this episode."
        )
    lines = [
        f"Walk/run plan: {_program_label(plan.template)}, from phase {plan.start_phase}, "
        f"{plan.days_per_week} days a week, weekly distance increase capped at "
        f"{plan.weekly_cap_percent:g}%."
    ]
    verdict = _stored_verdict(plan.readiness)
    if verdict is not None:
        lines.append(
            f"Readiness when the plan was made ({format_date(verdict.evaluated_on, fmt)}, "
            f"criteria version {verdict.criteria_version}): {verdict.headline.rstrip('.')}."
        )
        lines += [
            f"{r.title}: {r.status.label.lower()}{' (' + r.figure + ')' if r.figure else ''}."
            for r in verdict.results
        ]
    return Section("Return to running", tuple(lines))


def _stored_verdict(document: str | None):
    """The readiness verdict a plan was generated from, if it was kept readable."""
    try:
        return verdict_from_document(json.loads(document or "null") or {})
    except (ValueError, KeyError, TypeError):
        return None


def _program_label(code: str) -> str:
    """The walk/run program's name as the clinic knows it, not its code."""
    try:
        return load_run_programs().template(code).label
    except (NotFound, OSError, ValueError):
        return code.replace("_", " ")


def _lower(name: str) -> str:
    """An exercise name inside a sentence ("Side plank" -> "side plank")."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name
