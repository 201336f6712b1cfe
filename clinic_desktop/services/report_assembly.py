"""Gathering one episode's records into :class:`ReportData`, inside the caller's session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select

from clinic_desktop.domain.access import SignedInUser
from clinic_desktop.domain.battery import Battery
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.discharge import DischargeDetails
from clinic_desktop.domain.exercises import Library
from clinic_desktop.domain.goals import goal_standing
from clinic_desktop.domain.outcomes import Instrument
from clinic_desktop.domain.progress import EpisodeProgress
from clinic_desktop.domain.report_data import (
    DISCHARGE,
    Letterhead,
    PatientBlock,
    ReportData,
    Section,
)
from clinic_desktop.domain.report_measures import measure_rows, score_rows
from clinic_desktop.services.goals import goal_from_row
from clinic_desktop.services.progress import (
    _episode_records,
    age_at_last_visit,
    progress_of_records,
)
from clinic_desktop.services.report_care import (
    adherence_section,
    attendance_section,
    program_lines,
    red_flags_section,
    run_plan_section,
    stored_discharge,
)
from clinic_desktop.services.return_to_run import active_run_plan
from clinic_desktop.services.settings import settings_in
from clinic_desktop.storage.models import (
    AuditEventRow,
    EpisodeRow,
    GoalRow,
    PatientRow,
    UserRow,
)

SIDE_WORDS = {"left": "left", "right": "right", "both": "both sides", "none": ""}
MAX_MEASURE_CHARTS = 6


@dataclass(frozen=True)
class Reference:
    """The clinic's reference data a report reads: battery, questionnaires, exercises."""

    battery: Battery
    instruments: Mapping[str, Instrument]
    library: Library | None
    advice: tuple[str, ...]


def assemble(
    session,
    kind: str,
    patient: PatientRow,
    episode: EpisodeRow,
    reference: Reference,
    today: dt.date,
    author: SignedInUser | None,
    discharge: DischargeDetails | None = None,
) -> ReportData:
    """Every section of the report for ``episode``, read in ``session``.

    ``discharge`` is what the therapist is about to record at discharge (reason,
    adherence, follow-up); without it the episode's stored details are printed.
    """
    settings = settings_in(session)
    details = discharge or stored_discharge(episode, today)
    fmt = settings.date_format
    records = _episode_records(session, episode.id, reference.instruments)
    visits = records[0]
    attended = sorted((v for v in visits if v.attendance == "attended"), key=lambda v: v.day)
    age = age_at_last_visit(patient, visits, today)
    progress = progress_of_records(
        records, patient, episode, reference.battery, reference.instruments,
        force_unit=settings.force_unit, date_format=fmt, today=today,
    )  # fmt: skip
    therapist_name, credentials = _therapist(session, visits)
    signer, signer_credentials, signed_on = _signature(
        session, kind, episode, author, discharge is not None, (therapist_name, credentials), today
    )
    goals = [
        goal_from_row(row)
        for row in session.scalars(
            select(GoalRow).where(GoalRow.episode_id == episode.id).order_by(GoalRow.position)
        )
    ]
    standings = tuple(
        goal_standing(
            g,
            progress,
            reference.battery,
            reference.instruments,
            force_unit=settings.force_unit,
            date_format=fmt,
        )
        for g in goals
    )
    program, equipment = program_lines(session, episode.id, reference.library)
    care_to = (
        details.ended_on
        if kind == DISCHARGE
        else episode.ended_on or (attended[-1].day if attended else today)
    )
    name = f"{patient.given_name} {patient.family_name}".strip()
    return ReportData(
        kind=kind,
        letterhead=Letterhead(
            settings.clinic_name, settings.address, settings.phone, settings.logo
        ),
        patient=PatientBlock(
            name=name,
            birth_date=format_date(patient.birth_date, fmt),
            mrn=patient.mrn,
            diagnosis=_diagnosis(episode),
            referral=patient.referring_provider or episode.referral,
            care_from=format_date(episode.started_on, fmt),
            care_to=format_date(care_to, fmt),
            visits_attended=len(attended),
            therapist=", ".join(p for p in (therapist_name, credentials) if p) or "not recorded",
        ),
        report_date=today,
        date_text=format_date(today, fmt),
        date_format=fmt,
        discharge_reason=(details.reason or "not recorded") if kind == DISCHARGE else "",
        measures=measure_rows(
            progress,
            reference.battery,
            force_unit=settings.force_unit,
            sex=patient.sex,
            age_years=age,
        ),
        measures_missing=_measures_missing(progress),
        scores=score_rows(progress),
        scores_missing="No questionnaire or pain rating was recorded in this episode.",
        charts=_charts(progress),
        charts_missing=progress.message or "Nothing was measured in this episode to chart.",
        goals=standings,
        goals_missing="No goals were set for this episode of care.",
        attendance=attendance_section(visits, details, kind),
        sections=(
            adherence_section(session, episode.id, details),
            Section(
                "Equipment given",
                equipment,
                "No equipment (such as a resistance band) was given for the home program.",
            ),
            Section(
                "Follow-up and referrals",
                tuple(line.strip() for line in details.follow_up.splitlines() if line.strip()),
                "No follow-up recommendations or referrals were recorded for this episode.",
            ),
            red_flags_section(session, episode.id, fmt),
            run_plan_section(session, episode.id, fmt, settings.distance_unit),
        ),
        program=program,
        program_missing="No home program was given in this episode of care.",
        advice=Section(
            "Self-management advice",
            settings.advice_lines or reference.advice,
            "The clinic has no self-management advice on file.",
        ),
        therapist_name=signer,
        therapist_credentials=signer_credentials,
        signed_on=format_date(signed_on, fmt),
        author=author.display_name if author else "",
        run_plan=active_run_plan(session, episode.id),
        distance_unit=settings.distance_unit,
    )


def _diagnosis(episode: EpisodeRow) -> str:
    label = episode.diagnosis_label or (
        "Performance / prevention" if episode.kind == "performance" else "not recorded"
    )
    side = SIDE_WORDS.get(episode.side, "")
    code = f" ({episode.diagnosis_code})" if episode.diagnosis_code else ""
    return f"{label}{', ' + side if side else ''}{code}"


def _signature(
    session,
    kind: str,
    episode: EpisodeRow,
    author: SignedInUser | None,
    previewing: bool,
    treating: tuple[str, str],
    today: dt.date,
) -> tuple[str, str, dt.date]:
    """Who signs the report and when: the therapist who discharged, on the day they did,
    for a discharge summary on file (reprints too); otherwise whoever makes the report,
    today. A command-line report has no person behind it: the treating therapist signs."""
    if kind == DISCHARGE and not previewing and episode.status == "discharged":
        event = session.scalar(
            select(AuditEventRow)
            .where(
                AuditEventRow.action == "episode.discharge",
                AuditEventRow.entity == "episode",
                AuditEventRow.entity_id == episode.id,
            )
            .order_by(AuditEventRow.id.desc())
            .limit(1)
        )
        user = session.get(UserRow, event.user_id) if event and event.user_id else None
        if user is not None:
            day = event.at.replace(tzinfo=dt.UTC).astimezone().date()
            return user.display_name, user.credentials, day
        return (*treating, episode.ended_on or today)
    if author is not None and author.id and session.get(UserRow, author.id) is not None:
        return author.display_name, author.credentials, today
    return (*treating, today)


def _therapist(session, visits) -> tuple[str, str]:
    ids = [v.therapist_id for v in sorted(visits, key=lambda v: v.day) if v.therapist_id]
    if not ids:
        return "", ""
    user = session.get(UserRow, ids[-1])
    return (user.display_name, user.credentials) if user else ("", "")


def _measures_missing(progress: EpisodeProgress) -> str:
    if progress.state.value == "no_visits":
        return progress.message
    return (
        "No test of the battery was measured at the attended visits of this episode, so "
        "there is no measures table."
    )


def _charts(progress: EpisodeProgress):
    # The measures with a deficit now or at the start (the Progress tab's order), and the
    # symmetry of those only: a symmetry chart of every test is unreadable on paper.
    picked = [m for m in progress.measures if m.deficit.value in ("now", "resolved")]
    picked = picked[:MAX_MEASURE_CHARTS] or list(progress.measures[:2])
    symmetry = progress.symmetry_for(m.key for m in picked)
    extra = [c for c in (symmetry, progress.pain) if c is not None]
    return tuple([m.chart for m in picked] + extra + list(progress.outcomes))
