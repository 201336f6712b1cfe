"""Outcome questionnaires answered at visits: entry, scoring, and the episode's history."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.errors import (
    NotFound,
    StaleRecord,
    ValidationError,
    ValidationErrors,
)
from clinic_desktop.domain.outcome_history import (
    AnsweredVisit,
    OutcomeHistory,
    OutcomeResponse,
    answers_from_json,
    answers_to_json,
    outcome_history,
)
from clinic_desktop.domain.outcomes import Instrument, available_instruments, load_instrument
from clinic_desktop.domain.outcomes import score as score_answers
from clinic_desktop.domain.patients import VisitSummary
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import EpisodeRow, OutcomeResponseRow, VisitRow

INSTRUMENTS_FOLDER = "instruments"

_STALE = (
    "This questionnaire was changed at another workstation after you opened it. Nothing was "
    "saved; reopen the patient to see the current answers."
)


def clinic_instruments_dir(location: DatabaseLocation) -> Path | None:
    """Where the clinic keeps its own questionnaire files: beside its SQLite database."""
    if location.sqlite_path is None:
        return None
    return location.sqlite_path.parent / INSTRUMENTS_FOLDER


class OutcomeService(Service):
    """Questionnaire answers per visit; totals always come from ``outcomes.score``."""

    def __init__(
        self, database, access: Access | None = None, instruments_dir: Path | None = None
    ) -> None:
        super().__init__(database, access)
        self._instruments_dir = instruments_dir

    @requires(Permission.CLINICAL_READ)
    def instruments(self) -> list[Instrument]:
        """The questionnaires the clinic uses: shipped ones, then the clinic's own."""
        return available_instruments(self._instruments_dir)

    def _instrument(self, instrument_id: str) -> Instrument:
        return load_instrument(instrument_id, self._instruments_dir)

    @requires(Permission.CLINICAL_READ)
    def visits(self, episode_id: int) -> list[VisitSummary]:
        """The episode's attended visits, oldest first, for choosing where answers belong."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(VisitRow)
                .where(VisitRow.episode_id == episode_id, VisitRow.attendance == "attended")
                .order_by(VisitRow.visit_date, VisitRow.id)
            )
            return [
                VisitSummary(
                    id=v.id,
                    episode_id=v.episode_id,
                    visit_date=v.visit_date,
                    kind=v.kind,
                    attendance=v.attendance,
                    therapist="",
                    pain_now=v.pain_now,
                    status=v.status,
                )
                for v in rows
            ]

    @requires(Permission.CLINICAL_READ)
    def response(self, visit_id: int, instrument_id: str) -> OutcomeResponse | None:
        instrument = self._instrument(instrument_id)
        with self._db.reading() as session:
            row = _row(session, visit_id, instrument_id)
            if row is None:
                return None
            answers = answers_from_json(row.answers)
            return OutcomeResponse(
                visit_id, instrument_id, answers, score_answers(instrument, answers), row.version
            )

    @requires(Permission.CLINICAL_WRITE)
    def save_response(
        self,
        visit_id: int,
        instrument_id: str,
        answers: Mapping[int, int | None],
        version: int,
    ) -> OutcomeResponse:
        """Score and save the answers given at a visit.

        The total is stored only when the instrument's missing-item rule allows one; the
        returned score always explains itself. ``version`` is the one loaded (0 for a new
        response). Raises ValidationErrors (an answer off the scale, no answer at all, a
        signed visit), EpisodeClosed (a discharged episode), StaleRecord or NotFound.
        """
        instrument = self._instrument(instrument_id)
        try:
            result = score_answers(instrument, answers)
        except ValidationError as error:
            raise ValidationErrors([error]) from None
        if result.answered_count == 0:
            raise ValidationErrors(
                [
                    ValidationError(
                        f"{instrument_id}.answers",
                        f"Answer at least one {instrument.short_name} item before saving.",
                    )
                ]
            )
        try:
            with self._db.transaction() as session:
                visit = session.get(VisitRow, visit_id)
                if visit is None:
                    raise NotFound("This visit is no longer on file.")
                ensure_episode_open(session, visit.episode_id, "its questionnaires")
                row = _row(session, visit_id, instrument_id)
                if (row.version if row is not None else 0) != version:
                    raise StaleRecord(_STALE)
                if visit.status == "signed":
                    raise ValidationErrors(
                        [
                            ValidationError(
                                f"{instrument_id}.answers",
                                "This visit is signed; its questionnaires can no longer change.",
                            )
                        ]
                    )
                if row is None:
                    row = OutcomeResponseRow(visit_id=visit_id, instrument=instrument_id)
                    session.add(row)
                row.answers = answers_to_json(answers)
                row.total = None if result.total is None else float(result.total)
                session.flush()
                episode = session.get(EpisodeRow, visit.episode_id)
                record_event(
                    session,
                    "outcome.save",
                    entity="outcome_response",
                    entity_id=row.id,
                    patient_id=episode.patient_id,
                    user_id=self.access.user_id,
                    detail={
                        "visit_id": visit_id,
                        "instrument": instrument_id,
                        "total": result.total,
                        "missing_items": list(result.missing_items),
                    },
                )
                saved = answers_from_json(row.answers)
                return OutcomeResponse(visit_id, instrument_id, saved, result, row.version)
        except StaleDataError as error:
            raise StaleRecord(_STALE) from error

    @requires(Permission.CLINICAL_READ)
    def history(self, episode_id: int, instrument_id: str) -> OutcomeHistory:
        """Every visit of the episode with this questionnaire, oldest first, with the change
        of each total from the first scored one judged against the MCID."""
        instrument = self._instrument(instrument_id)
        with self._db.reading() as session:
            rows = session.execute(
                select(VisitRow.id, VisitRow.visit_date, VisitRow.kind, OutcomeResponseRow.answers)
                .join(OutcomeResponseRow, OutcomeResponseRow.visit_id == VisitRow.id)
                .where(
                    VisitRow.episode_id == episode_id,
                    OutcomeResponseRow.instrument == instrument_id,
                )
                .order_by(VisitRow.visit_date, VisitRow.id)
            ).all()
        visits = [
            AnsweredVisit(visit_id, day, kind, answers_from_json(answers))
            for visit_id, day, kind, answers in rows
        ]
        return outcome_history(instrument, visits)


def _row(session, visit_id: int, instrument_id: str) -> OutcomeResponseRow | None:
    return session.scalar(
        select(OutcomeResponseRow).where(
            OutcomeResponseRow.visit_id == visit_id,
            OutcomeResponseRow.instrument == instrument_id,
        )
    )
