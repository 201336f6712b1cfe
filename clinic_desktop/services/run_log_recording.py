"""The running log half of the return-to-run service: runs added, changed and removed.

Each call is one transaction and each change is audited in it. An edit or a removal names
the version of the run the screen showed; if another workstation changed it meanwhile the
change is refused and nothing is overwritten.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.errors import NotFound, StaleRecord
from clinic_desktop.domain.run_log import LoggedRun, RunInput
from clinic_desktop.services.access import Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import EpisodeRow, RunLogRow, RunPlanRow

LATER_RUNS = "Runs after discharge belong to a new episode of care."
STALE_RUN = (
    "This run was changed on another workstation while it was shown here. Nothing was "
    "saved; the log has been reloaded, check the run and try again."
)


class RunLogRecording(Service):
    """Runs as the runner reported them, kept with the episode and its current plan."""

    @requires(Permission.CLINICAL_READ)
    def runs(self, episode_id: int) -> tuple[LoggedRun, ...]:
        """The episode's runs, oldest first."""
        with self._db.reading() as session:
            return runs_of(session, episode_id)

    @requires(Permission.CLINICAL_WRITE)
    def add_run(self, episode_id: int, run: RunInput) -> LoggedRun:
        """Log a run for the episode (linked to its current plan, if any).

        Raises :class:`EpisodeClosed` for a discharged episode, :class:`NotFound` for an
        unknown episode.
        """
        with self._db.transaction() as session:
            episode = ensure_episode_open(session, episode_id, "its running log", LATER_RUNS)
            plan_id = session.scalar(
                select(RunPlanRow.id).where(
                    RunPlanRow.episode_id == episode_id, RunPlanRow.is_active.is_(True)
                )
            )
            row = RunLogRow(episode_id=episode_id, plan_id=plan_id)
            _fill(row, run)
            session.add(row)
            session.flush()
            record_event(
                session,
                "run_log.create",
                entity="run_log",
                entity_id=row.id,
                patient_id=episode.patient_id,
                user_id=self.access.user_id,
                detail=_detail(row),
            )
            return logged_run(row)

    @requires(Permission.CLINICAL_WRITE)
    def update_run(self, run_id: int, run: RunInput, *, expected_version: int) -> LoggedRun:
        """Change a logged run. Raises :class:`StaleRecord` if it changed since
        ``expected_version``, :class:`NotFound` if it was removed, :class:`EpisodeClosed`
        if its episode was discharged."""
        with _refusing_stale(self._db) as session:
            row = _run_row(session, run_id, expected_version)
            ensure_episode_open(session, row.episode_id, "its running log", LATER_RUNS)
            before = _detail(row)
            _fill(row, run)
            session.flush()
            record_event(
                session,
                "run_log.update",
                entity="run_log",
                entity_id=row.id,
                patient_id=_patient_of(session, row),
                user_id=self.access.user_id,
                detail={"before": before, "after": _detail(row)},
            )
            return logged_run(row)

    @requires(Permission.CLINICAL_WRITE)
    def delete_run(self, run_id: int, *, expected_version: int) -> None:
        """Remove a logged run (audited with what it held). Raises as :meth:`update_run`."""
        with _refusing_stale(self._db) as session:
            row = _run_row(session, run_id, expected_version)
            ensure_episode_open(session, row.episode_id, "its running log", LATER_RUNS)
            record_event(
                session,
                "run_log.delete",
                entity="run_log",
                entity_id=row.id,
                patient_id=_patient_of(session, row),
                user_id=self.access.user_id,
                detail=_detail(row),
            )
            session.delete(row)


def runs_of(session: Session, episode_id: int) -> tuple[LoggedRun, ...]:
    rows = session.scalars(
        select(RunLogRow)
        .where(RunLogRow.episode_id == episode_id)
        .order_by(RunLogRow.run_date, RunLogRow.id)
    ).all()
    return tuple(logged_run(row) for row in rows)


def logged_run(row: RunLogRow) -> LoggedRun:
    return LoggedRun(
        run_date=row.run_date,
        distance_km=row.distance_km,
        duration_min=row.duration_min,
        intervals=row.intervals,
        effort=row.effort,
        pain_during=row.pain_during,
        pain_after=row.pain_after,
        pain_next_morning=row.pain_next_morning,
        notes=row.notes,
        id=row.id,
        plan_id=row.plan_id,
        version=row.version,
    )


def _fill(row: RunLogRow, run: RunInput) -> None:
    row.run_date, row.distance_km, row.duration_min = (
        run.run_date,
        run.distance_km,
        run.duration_min,
    )
    row.intervals, row.effort, row.notes = run.intervals, run.effort, run.notes
    row.pain_during, row.pain_after, row.pain_next_morning = (
        run.pain_during,
        run.pain_after,
        run.pain_next_morning,
    )


def _detail(row: RunLogRow) -> dict:
    return json.loads(
        json.dumps(
            {
                "date": row.run_date,
                "km": row.distance_km,
                "min": row.duration_min,
                "intervals": row.intervals,
                "effort": row.effort,
                "pain_during": row.pain_during,
                "pain_after": row.pain_after,
                "pain_next_morning": row.pain_next_morning,
            },
            default=str,
        )
    )


def _run_row(session: Session, run_id: int, expected_version: int) -> RunLogRow:
    row = session.get(RunLogRow, run_id) if run_id is not None else None
    if row is None:
        raise NotFound("This run is no longer in the log.")
    if row.version != expected_version:
        raise StaleRecord(STALE_RUN)
    return row


def _patient_of(session: Session, row: RunLogRow) -> int | None:
    return session.scalar(select(EpisodeRow.patient_id).where(EpisodeRow.id == row.episode_id))


@contextmanager
def _refusing_stale(database: Database) -> Iterator[Session]:
    try:
        with database.transaction() as session:
            yield session
    except StaleDataError as stale:
        raise StaleRecord(STALE_RUN) from stale
