"""Goals of an episode: list, add, change and remove, each change audited."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.battery import Battery, load_battery
from clinic_desktop.domain.errors import NotFound, StaleRecord
from clinic_desktop.domain.goals import Goal, GoalFields, GoalStanding, goal_standing
from clinic_desktop.domain.outcomes import Instrument, load_instruments
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.services.progress import read_episode_progress
from clinic_desktop.services.settings import settings_in
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import EpisodeRow, GoalRow


class GoalService(Service):
    """The goals set with the patient for one episode of care.

    ``battery`` and ``instruments`` are the clinic's, for checking targets in the GUI
    (:func:`clinic_desktop.domain.goals.validate_goal`).
    """

    def __init__(
        self,
        database: Database,
        battery_file: Path | None = None,
        instruments_dir: Path | None = None,
        access: Access | None = None,
    ) -> None:
        super().__init__(database, access)
        self._battery_file = battery_file
        self._instruments_dir = instruments_dir
        self._battery: Battery | None = None
        self._instruments: Mapping[str, Instrument] | None = None

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
    def list(self, episode_id: int) -> tuple[Goal, ...]:
        """The episode's goals in their order."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(GoalRow)
                .where(GoalRow.episode_id == episode_id)
                .order_by(GoalRow.position, GoalRow.id)
            ).all()
            return tuple(goal_from_row(row) for row in rows)

    @requires(Permission.CLINICAL_READ)
    def standings(self, episode_id: int) -> tuple[GoalStanding, ...]:
        """Each goal of the episode, in order, with its target in words, the latest figure
        measured for it and the status the figures give (see
        :func:`~clinic_desktop.domain.goals.goal_standing`).

        The figures are the episode's progress series, read as the Progress tab reads
        them; forces and dates are worded in the clinic's units and date format. Raises
        :class:`NotFound` if the episode is not on file.
        """
        with self._db.reading() as session:
            episode = session.get(EpisodeRow, episode_id)
            if episode is None:
                raise NotFound("This episode of care is no longer on file.")
            settings = settings_in(session)
            force_unit, date_format = settings.force_unit, settings.date_format
            goals = [
                goal_from_row(row)
                for row in session.scalars(
                    select(GoalRow)
                    .where(GoalRow.episode_id == episode_id)
                    .order_by(GoalRow.position, GoalRow.id)
                )
            ]
            if not goals:
                return ()
            progress = read_episode_progress(
                session,
                episode,
                self.battery,
                self.instruments,
                force_unit=force_unit,
                date_format=date_format,
                today=dt.date.today(),
            )
        return tuple(
            goal_standing(
                goal,
                progress,
                self.battery,
                self.instruments,
                force_unit=force_unit,
                date_format=date_format,
            )
            for goal in goals
        )

    @requires(Permission.CLINICAL_WRITE)
    def add(self, episode_id: int, fields: GoalFields) -> Goal:
        """Add a goal at the end of the list; refused for a discharged episode."""
        with self._db.transaction() as session:
            episode = _open_episode(session, episode_id)
            position = session.scalar(
                select(func.coalesce(func.max(GoalRow.position), -1)).where(
                    GoalRow.episode_id == episode_id
                )
            )
            row = GoalRow(episode_id=episode_id, position=position + 1, **_columns(fields))
            session.add(row)
            session.flush()
            record_event(
                session, "goal.create", entity="goal", entity_id=row.id,
                patient_id=episode.patient_id, user_id=self.access.user_id,
                detail={"episode_id": episode_id, "text": fields.text},
            )  # fmt: skip
            return goal_from_row(row)

    @requires(Permission.CLINICAL_WRITE)
    def update(self, goal_id: int, version: int, fields: GoalFields) -> Goal:
        """Change a goal; a save over a newer version is refused (:class:`StaleRecord`)."""
        with _refusing_stale(), self._db.transaction() as session:
            row = _current(session, goal_id, version)
            episode = _open_episode(session, row.episode_id)
            before = {"status": row.status, "text": row.text}
            for name, value in _columns(fields).items():
                setattr(row, name, value)
            session.flush()
            record_event(
                session, "goal.update", entity="goal", entity_id=row.id,
                patient_id=episode.patient_id, user_id=self.access.user_id,
                detail={"before": before, "status": fields.status, "text": fields.text},
            )  # fmt: skip
            return goal_from_row(row)

    @requires(Permission.CLINICAL_WRITE)
    def remove(self, goal_id: int, version: int) -> None:
        """Remove a goal (audited with its text)."""
        with self._db.transaction() as session:
            row = _current(session, goal_id, version)
            episode = _open_episode(session, row.episode_id)
            record_event(
                session, "goal.delete", entity="goal", entity_id=row.id,
                patient_id=episode.patient_id, user_id=self.access.user_id,
                detail={"text": row.text, "status": row.status},
            )  # fmt: skip
            session.delete(row)


def goal_from_row(row: GoalRow) -> Goal:
    return Goal(
        id=row.id,
        episode_id=row.episode_id,
        position=row.position,
        text=row.text,
        target_test_code=row.target_test_code,
        target_side=row.target_side,
        target_value=row.target_value,
        target_instrument=row.target_instrument,
        target_date=row.target_date,
        status=row.status,
        status_note=row.status_note,
        version=row.version,
    )


def _columns(fields: GoalFields) -> dict:
    return {
        "text": fields.text,
        "target_test_code": fields.target_test_code,
        "target_side": fields.target_side,
        "target_value": fields.target_value,
        "target_instrument": fields.target_instrument,
        "target_date": fields.target_date,
        "status": fields.status,
        "status_note": fields.status_note,
    }


def _open_episode(session, episode_id: int) -> EpisodeRow:
    return ensure_episode_open(session, episode_id, "its goals")


@contextlib.contextmanager
def _refusing_stale():
    """Two saves of one goal at the same instant: the later one is refused, not merged."""
    try:
        yield
    except StaleDataError as error:
        raise StaleRecord(
            "Someone else saved this goal at the same moment. Nothing was saved; reopen the "
            "goals to see their change."
        ) from error


def _current(session, goal_id: int, version: int) -> GoalRow:
    row = session.get(GoalRow, goal_id)
    if row is None:
        raise NotFound("This goal is no longer on file.")
    if row.version != version:
        raise StaleRecord(
            "Someone else changed this goal after you opened it. Nothing was saved; "
            "reopen the goals to see their change."
        )
    return row
