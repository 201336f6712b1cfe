"""Intake: the episode of care, the running profile and the history of a first evaluation.

Each public call is one transaction and appends its audit row. Saves quote the version the
form was loaded with (0 for a record not saved yet); a record saved elsewhere in between is
refused with StaleRecord and nothing is overwritten.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.clinical_history import (
    HISTORY_TEXT_FIELDS,
    ClinicalHistory,
    HistoryForm,
    check_history,
    locations_from_json,
    locations_to_json,
)
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.episodes import (
    ActiveEpisodeExists,
    EpisodeForm,
    EpisodeRecord,
    check_episode,
)
from clinic_desktop.domain.errors import NotFound, StaleRecord, ValidationError, ValidationErrors
from clinic_desktop.domain.patient_rules import age_on
from clinic_desktop.domain.running_profile import (
    RunningProfile,
    RunningProfileForm,
    check_running_profile,
)
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.storage.models import (
    ClinicalHistoryRow,
    EpisodeRow,
    PatientRow,
    RunningProfileRow,
    VisitRow,
)

PREVIOUS_EPISODE_CHOICES = ("discharge", "hold")
_EPISODE_FIELDS = (
    "kind",
    "diagnosis_code",
    "diagnosis_label",
    "side",
    "onset_date",
    "onset_type",
    "mechanism",
    "referral",
    "status",
    "started_on",
)
_PROFILE_FIELDS = tuple(name for name in RunningProfile.__dataclass_fields__ if name != "version")


def _stale(what: str) -> StaleRecord:
    return StaleRecord(
        f"{what} was changed at another workstation after you opened it. Nothing was "
        "saved; reopen the patient to see the current record, then type your change again."
    )


def episode_record(row: EpisodeRow) -> EpisodeRecord:
    return EpisodeRecord(
        id=row.id,
        patient_id=row.patient_id,
        version=row.version,
        ended_on=row.ended_on,
        **{name: getattr(row, name) for name in _EPISODE_FIELDS},
    )


def initial_visit(session: Session, episode: EpisodeRow, therapist_id: int | None) -> VisitRow:
    """The episode's initial evaluation, created on the start date if it has none."""
    visit = session.scalar(
        select(VisitRow)
        .where(VisitRow.episode_id == episode.id, VisitRow.kind == "initial")
        .order_by(VisitRow.visit_date, VisitRow.id)
        .limit(1)
    )
    if visit is not None:
        return visit
    visit = VisitRow(
        episode_id=episode.id,
        visit_date=episode.started_on,
        kind="initial",
        attendance="attended",
        therapist_id=therapist_id,
        status="draft",
    )
    session.add(visit)
    patient = session.get(PatientRow, episode.patient_id)
    if patient.last_visit_on is None or patient.last_visit_on < episode.started_on:
        patient.last_visit_on = episode.started_on
    session.flush()
    record_event(
        session,
        "visit.create",
        entity="visit",
        entity_id=visit.id,
        patient_id=episode.patient_id,
        user_id=therapist_id,
        detail={"kind": "initial", "episode_id": episode.id},
    )
    return visit


class IntakeService(Service):
    """Episodes of care, running profiles and intake histories."""

    def __init__(self, database, access: Access | None = None, today=dt.date.today) -> None:
        super().__init__(database, access)
        self._today = today

    # --- episodes ------------------------------------------------------------------------

    @requires(Permission.CLINICAL_READ)
    def episodes(self, patient_id: int) -> list[EpisodeRecord]:
        """The patient's episodes, most recent first."""
        with self._db.reading() as session:
            rows = session.scalars(
                select(EpisodeRow)
                .where(EpisodeRow.patient_id == patient_id)
                .order_by(EpisodeRow.started_on.desc(), EpisodeRow.id.desc())
            )
            return [episode_record(row) for row in rows]

    @requires(Permission.CLINICAL_READ)
    def current_episode(self, patient_id: int) -> EpisodeRecord | None:
        """The active episode, else the latest one on hold, else None."""
        episodes = self.episodes(patient_id)
        for status in ("active", "on_hold"):
            for episode in episodes:
                if episode.status == status:
                    return episode
        return None

    @requires(Permission.CLINICAL_WRITE)
    def start_episode(
        self,
        patient_id: int,
        form: EpisodeForm,
        *,
        previous: str | None = None,
        date_format: str = "yyyy-mm-dd",
    ) -> EpisodeRecord:
        """Start an episode of care and its initial evaluation visit.

        A patient has at most one active episode: if one exists and the new one is active,
        ``previous`` says what becomes of it, ``"discharge"`` or ``"hold"``; without it
        ActiveEpisodeExists is raised and nothing is saved. Raises ValidationErrors for
        the fields of ``form``.
        """
        if previous not in (None, *PREVIOUS_EPISODE_CHOICES):
            raise ValueError(f"previous must be one of {PREVIOUS_EPISODE_CHOICES}")
        user_id = self.access.user_id
        with self._db.transaction() as session:
            patient = session.get(PatientRow, patient_id)
            if patient is None:
                raise NotFound("This patient is no longer on file.")
            checked = check_episode(form, self._today(), date_format, patient.birth_date)
            active = self._active_row(session, patient_id)
            if active is not None and checked.status == "active":
                if previous is None:
                    raise ActiveEpisodeExists(episode_record(active))
                self._close_previous(session, active, previous, checked.started_on, date_format)
            row = EpisodeRow(patient_id=patient_id)
            for name in _EPISODE_FIELDS:
                setattr(row, name, getattr(checked, name))
            session.add(row)
            session.flush()
            record_event(
                session,
                "episode.create",
                entity="episode",
                entity_id=row.id,
                patient_id=patient_id,
                user_id=user_id,
                detail={
                    "kind": row.kind,
                    "diagnosis_code": row.diagnosis_code,
                    "side": row.side,
                    "previous": previous,
                },
            )
            initial_visit(session, row, user_id)
            return episode_record(row)

    @requires(Permission.CLINICAL_WRITE)
    def update_episode(
        self,
        episode_id: int,
        form: EpisodeForm,
        version: int,
        *,
        date_format: str = "yyyy-mm-dd",
    ) -> EpisodeRecord:
        """Correct an episode's intake fields. Raises ValidationErrors (an episode may only
        become active when no other is), EpisodeClosed (a discharged episode stays as it was
        discharged), StaleRecord or NotFound."""
        try:
            with self._db.transaction() as session:
                row = ensure_episode_open(session, episode_id, "its intake details")
                if row.version != version:
                    raise _stale("This episode of care")
                patient = session.get(PatientRow, row.patient_id)
                checked = check_episode(form, self._today(), date_format, patient.birth_date)
                active = self._active_row(session, row.patient_id)
                if checked.status == "active" and active is not None and active.id != row.id:
                    raise ValidationErrors(
                        [
                            ValidationError(
                                "status",
                                f"{episode_record(active).diagnosis} is already active; put it "
                                "on hold or discharge it before making this one active.",
                            )
                        ]
                    )
                changed = [n for n in _EPISODE_FIELDS if getattr(row, n) != getattr(checked, n)]
                for name in _EPISODE_FIELDS:
                    setattr(row, name, getattr(checked, name))
                session.flush()
                record_event(
                    session,
                    "episode.update",
                    entity="episode",
                    entity_id=row.id,
                    patient_id=row.patient_id,
                    user_id=self.access.user_id,
                    detail={"fields": changed},
                )
                return episode_record(row)
        except StaleDataError as error:
            raise _stale("This episode of care") from error

    @staticmethod
    def _active_row(session: Session, patient_id: int) -> EpisodeRow | None:
        return session.scalar(
            select(EpisodeRow)
            .where(EpisodeRow.patient_id == patient_id, EpisodeRow.status == "active")
            .limit(1)
        )

    def _close_previous(
        self,
        session: Session,
        active: EpisodeRow,
        previous: str,
        new_start: dt.date,
        date_format: str,
    ) -> None:
        if previous == "discharge":
            unsigned = session.scalars(
                select(VisitRow.visit_date).where(
                    VisitRow.episode_id == active.id,
                    VisitRow.attendance == "attended",
                    VisitRow.status != "signed",
                )
            ).all()
            if unsigned:  # a discharged episode is read-only: its visits could never be signed
                days = ", ".join(format_date(day, date_format) for day in sorted(unsigned))
                raise ValidationError(
                    "previous",
                    f"The current episode has a visit not signed yet ({days}). Sign it on the "
                    "Assessment tab before discharging the episode, or put it on hold instead.",
                )
            active.status = "discharged"
            active.ended_on = max(active.started_on, min(new_start, self._today()))
            if not active.discharge_reason:
                active.discharge_reason = "Closed at intake when a new episode of care began."
        else:
            active.status = "on_hold"
        session.flush()
        record_event(
            session,
            "episode.discharge" if previous == "discharge" else "episode.hold",
            entity="episode",
            entity_id=active.id,
            patient_id=active.patient_id,
            user_id=self.access.user_id,
            detail={"reason": "new episode started"},
        )

    # --- running profile -----------------------------------------------------------------

    @requires(Permission.CLINICAL_READ)
    def running_profile(self, episode_id: int) -> RunningProfile | None:
        with self._db.reading() as session:
            row = session.scalar(
                select(RunningProfileRow).where(RunningProfileRow.episode_id == episode_id)
            )
            if row is None:
                return None
            return RunningProfile(
                version=row.version, **{n: getattr(row, n) for n in _PROFILE_FIELDS}
            )

    @requires(Permission.CLINICAL_WRITE)
    def save_running_profile(
        self,
        episode_id: int,
        form: RunningProfileForm,
        version: int,
        *,
        distance_unit: str = "km",
        date_format: str = "yyyy-mm-dd",
    ) -> RunningProfile:
        """Save the episode's running profile, read in the clinic's distance unit and stored
        in km. Raises ValidationErrors, EpisodeClosed, StaleRecord or NotFound."""
        try:
            with self._db.transaction() as session:
                episode = ensure_episode_open(session, episode_id, "its running profile")
                patient = session.get(PatientRow, episode.patient_id)
                age = age_on(patient.birth_date, self._today())
                checked = check_running_profile(form, distance_unit, date_format, age)
                row = session.scalar(
                    select(RunningProfileRow).where(RunningProfileRow.episode_id == episode_id)
                )
                if (row.version if row is not None else 0) != version:
                    raise _stale("The running profile")
                if row is None:
                    row = RunningProfileRow(episode_id=episode_id)
                    session.add(row)
                changed = [n for n in _PROFILE_FIELDS if getattr(row, n) != getattr(checked, n)]
                for name in _PROFILE_FIELDS:
                    setattr(row, name, getattr(checked, name))
                session.flush()
                record_event(
                    session,
                    "running_profile.save",
                    entity="running_profile",
                    entity_id=row.id,
                    patient_id=episode.patient_id,
                    user_id=self.access.user_id,
                    detail={"episode_id": episode_id, "fields": changed},
                )
                return RunningProfile(
                    version=row.version, **{n: getattr(row, n) for n in _PROFILE_FIELDS}
                )
        except StaleDataError as error:
            raise _stale("The running profile") from error

    # --- history -------------------------------------------------------------------------

    @requires(Permission.CLINICAL_READ)
    def history(self, episode_id: int) -> ClinicalHistory | None:
        """The intake history with the initial visit's pain scores; None if neither exists."""
        with self._db.reading() as session:
            row = session.scalar(
                select(ClinicalHistoryRow).where(ClinicalHistoryRow.episode_id == episode_id)
            )
            visit = session.scalar(
                select(VisitRow)
                .where(VisitRow.episode_id == episode_id, VisitRow.kind == "initial")
                .order_by(VisitRow.visit_date, VisitRow.id)
                .limit(1)
            )
            if row is None and visit is None:
                return None
            return _history(row, visit)

    @requires(Permission.CLINICAL_WRITE)
    def save_history(
        self, episode_id: int, form: HistoryForm, version: int, visit_version: int
    ) -> ClinicalHistory:
        """Save the history; pain now/best/worst go on the initial visit.

        ``version`` and ``visit_version`` are those of the history and the initial visit as
        loaded (0 when not saved yet). Raises ValidationErrors (also when the initial visit
        is signed: its pain scores then change only by amendment), EpisodeClosed, StaleRecord
        or NotFound.
        """
        try:
            with self._db.transaction() as session:
                episode = ensure_episode_open(session, episode_id, "its history")
                checked = check_history(form, episode.kind)
                row = session.scalar(
                    select(ClinicalHistoryRow).where(ClinicalHistoryRow.episode_id == episode_id)
                )
                visit = initial_visit(session, episode, self.access.user_id)
                if (row.version if row is not None else 0) != version or (
                    visit_version and visit.version != visit_version
                ):
                    raise _stale("The history")
                pain = (checked.pain_now, checked.pain_best, checked.pain_worst)
                if pain != (visit.pain_now, visit.pain_best, visit.pain_worst):
                    if visit.status == "signed":
                        raise ValidationErrors(
                            [
                                ValidationError(
                                    "pain_now",
                                    "The initial evaluation is signed, so its pain scores "
                                    "can only change by an amendment.",
                                )
                            ]
                        )
                    visit.pain_now, visit.pain_best, visit.pain_worst = pain
                if row is None:
                    row = ClinicalHistoryRow(episode_id=episode_id)
                    session.add(row)
                row.pain_locations = locations_to_json(checked.pain_locations)
                for name in HISTORY_TEXT_FIELDS:
                    setattr(row, name, getattr(checked, name))
                session.flush()
                record_event(
                    session,
                    "history.save",
                    entity="clinical_history",
                    entity_id=row.id,
                    patient_id=episode.patient_id,
                    user_id=self.access.user_id,
                    detail={"episode_id": episode_id, "visit_id": visit.id, "pain": pain},
                )
                return _history(row, visit)
        except StaleDataError as error:
            raise _stale("The history") from error


def _history(row: ClinicalHistoryRow | None, visit: VisitRow | None) -> ClinicalHistory:
    texts = {name: getattr(row, name) if row is not None else "" for name in HISTORY_TEXT_FIELDS}
    return ClinicalHistory(
        pain_now=visit.pain_now if visit is not None else None,
        pain_best=visit.pain_best if visit is not None else None,
        pain_worst=visit.pain_worst if visit is not None else None,
        pain_locations=locations_from_json(row.pain_locations) if row is not None else (),
        version=row.version if row is not None else 0,
        visit_version=visit.version if visit is not None else 0,
        **texts,
    )
