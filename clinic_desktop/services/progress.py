"""Progress between visits: one episode's records read at once and turned into charts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from pathlib import Path

from sqlalchemy import select

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.battery import Battery, load_battery
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.episode_records import (
    GoalTarget,
    MeasuredValue,
    OutcomeTotal,
    VisitRecord,
)
from clinic_desktop.domain.errors import NotFound, ValidationError
from clinic_desktop.domain.outcome_history import answers_from_json
from clinic_desktop.domain.outcomes import Instrument, load_instruments, score
from clinic_desktop.domain.patient_rules import age_on
from clinic_desktop.domain.progress import (
    EpisodeChoice,
    EpisodeProgress,
    PatientProgress,
    empty_progress,
    episode_progress,
)
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import (
    EpisodeRow,
    GoalRow,
    MeasurementRow,
    OutcomeResponseRow,
    PatientRow,
    VisitRow,
)

NO_EPISODE = (
    "This patient has no episode of care yet. Start one in the Intake tab, then record the "
    "initial evaluation in the Assessment tab: its measurements are charted here."
)


class ProgressService(Service):
    """Reads what the progress charts need; each call is one read transaction.

    ``battery_file`` is the clinic's own battery file (merged over the shipped battery)
    and ``instruments_dir`` its own questionnaire folder, so norms, MDCs and MCIDs are the
    ones the assessment and the questionnaires use.
    """

    def __init__(
        self,
        database: Database,
        battery_file: Path | None = None,
        instruments_dir: Path | None = None,
        access: Access | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(database, access)
        self._battery_file = battery_file
        self._instruments_dir = instruments_dir
        self._battery: Battery | None = None
        self._instruments: Mapping[str, Instrument] | None = None
        self._today = today

    @property
    def battery(self) -> Battery:
        if self._battery is None:
            self._battery = load_battery(self._battery_file)
        return self._battery

    @property
    def instruments(self) -> Mapping[str, Instrument]:
        if self._instruments is None:
            self._instruments = load_instruments(self._instruments_dir)
        return self._instruments

    @requires(Permission.CLINICAL_READ)
    def load(
        self,
        patient_id: int,
        episode_id: int | None = None,
        *,
        force_unit: str = "N",
        date_format: str = "yyyy-mm-dd",
    ) -> PatientProgress:
        """The charts of one episode of ``patient_id`` and the episodes to choose from.

        Without ``episode_id`` (or with one that is not this patient's) the most recently
        started active episode is shown, else the most recently started. Forces are shown
        in ``force_unit``. Raises :class:`NotFound` if the patient is not on file.
        """
        with self._db.reading() as session:
            patient = session.get(PatientRow, patient_id)
            if patient is None:
                raise NotFound("This patient is no longer on file.")
            episodes = session.scalars(
                select(EpisodeRow)
                .where(EpisodeRow.patient_id == patient_id)
                .order_by(EpisodeRow.started_on.desc(), EpisodeRow.id.desc())
            ).all()
            choices = tuple(
                EpisodeChoice(e.id, _episode_title(e, date_format), e.status, e.side)
                for e in episodes
            )
            episode = next((e for e in episodes if e.id == episode_id), None)
            if episode is None:
                episode = next((e for e in episodes if e.status == "active"), None)
            if episode is None and episodes:
                episode = episodes[0]
            if episode is None:
                return PatientProgress(patient_id, (), None, empty_progress(NO_EPISODE))
            progress = read_episode_progress(
                session,
                episode,
                self.battery,
                self.instruments,
                force_unit=force_unit,
                date_format=date_format,
                today=self._today(),
            )
        return PatientProgress(patient_id, choices, episode.id, progress)


def read_episode_progress(
    session,
    episode: EpisodeRow,
    battery: Battery,
    instruments: Mapping[str, Instrument],
    *,
    force_unit: str,
    date_format: str,
    today: dt.date,
) -> EpisodeProgress:
    """The progress of ``episode`` read in ``session``: the series the Progress tab draws.

    Norms by age are taken on the last attended visit (``today`` if none was attended).
    """
    patient = session.get(PatientRow, episode.patient_id)
    records = _episode_records(session, episode.id, instruments)
    return progress_of_records(
        records, patient, episode, battery, instruments,
        force_unit=force_unit, date_format=date_format, today=today,
    )  # fmt: skip


def progress_of_records(
    records,
    patient: PatientRow,
    episode: EpisodeRow,
    battery: Battery,
    instruments: Mapping[str, Instrument],
    *,
    force_unit: str,
    date_format: str,
    today: dt.date,
) -> EpisodeProgress:
    """The progress of ``episode`` from its already read ``records`` (visits, values,
    questionnaire totals, goal targets), for callers that print the records too."""
    visits, measured, totals, goals = records
    return episode_progress(
        visits,
        measured,
        battery,
        episode.side,
        totals,
        instruments,
        goals,
        force_unit=force_unit,
        age_years=age_at_last_visit(patient, visits, today),
        sex=patient.sex,
        date_format=date_format,
    )


def age_at_last_visit(patient: PatientRow, visits, today: dt.date) -> int | None:
    """The patient's age on the last attended visit (``today`` if none was attended)."""
    attended = [v.day for v in visits if v.attendance == "attended"]
    return age_on(patient.birth_date, max(attended) if attended else today)


def _episode_records(session, episode_id: int, instruments: Mapping[str, Instrument]):
    # Plain column queries on the session's connection: thousands of values come back
    # without the ORM's per-row bookkeeping, in the same transaction.
    connection = session.connection()
    visits = [
        VisitRecord(*row)
        for row in connection.execute(
            select(
                VisitRow.id,
                VisitRow.visit_date,
                VisitRow.kind,
                VisitRow.attendance,
                VisitRow.therapist_id,
                VisitRow.pain_now,
                VisitRow.pain_worst,
                VisitRow.pain_best,
            ).where(VisitRow.episode_id == episode_id)
        )
    ]
    measured = [
        MeasuredValue(*row[:-1], compensations=_compensations(row[-1]))
        for row in connection.execute(
            select(
                MeasurementRow.visit_id,
                MeasurementRow.test_code,
                MeasurementRow.side,
                MeasurementRow.value,
                MeasurementRow.mode,
                MeasurementRow.painful,
                MeasurementRow.detail,
            )
            .join(VisitRow, VisitRow.id == MeasurementRow.visit_id)
            .where(VisitRow.episode_id == episode_id)
        )
    ]
    totals = []
    for visit_id, instrument_id, answers in connection.execute(
        select(
            OutcomeResponseRow.visit_id,
            OutcomeResponseRow.instrument,
            OutcomeResponseRow.answers,
        )
        .join(VisitRow, VisitRow.id == OutcomeResponseRow.visit_id)
        .where(VisitRow.episode_id == episode_id)
    ):
        instrument = instruments.get(instrument_id)
        if instrument is None:
            continue
        # The total is scored from the stored answers, as the questionnaire screen does.
        try:
            result = score(instrument, answers_from_json(answers))
        except ValidationError:
            continue
        note = "prorated" if result.prorated else ""
        totals.append(OutcomeTotal(visit_id, instrument_id, result.total, note))
    goals = [
        GoalTarget(*row)
        for row in connection.execute(
            select(
                GoalRow.text,
                GoalRow.target_test_code,
                GoalRow.target_side,
                GoalRow.target_value,
                GoalRow.target_instrument,
                GoalRow.status,
            )
            .where(GoalRow.episode_id == episode_id)
            .order_by(GoalRow.position)
        )
    ]
    return visits, measured, totals, goals


def _compensations(detail: str) -> tuple[str, ...]:
    """What a movement test saw, from the measurement's detail JSON (empty if none)."""
    if not detail:
        return ()
    try:
        seen = json.loads(detail).get("compensations", ())
    except (ValueError, AttributeError):
        return ()
    return tuple(str(code) for code in seen) if isinstance(seen, list) else ()


def _episode_title(episode: EpisodeRow, date_format: str) -> str:
    if episode.kind == "performance" and not episode.diagnosis_label:
        what = "Performance/prevention"
    else:
        what = episode.diagnosis_label or "Episode of care"
    status = {"active": "active", "on_hold": "on hold", "discharged": "discharged"}
    started = format_date(episode.started_on, date_format)
    return f"{what}, from {started} ({status.get(episode.status, episode.status)})"
