"""The readiness half of the return-to-run service: criteria versions, yes/no answers,
and verdicts judged on an episode's latest data.

The criteria are kept as numbered versions that are only ever added; the first time they
are needed the shipped defaults become version 1, so every verdict names a version that is
on file. Each call is one transaction and every change is audited in it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.assessment_values import VisitLocked
from clinic_desktop.domain.battery import Battery, load_battery
from clinic_desktop.domain.errors import NotFound, StaleRecord, ValidationError
from clinic_desktop.domain.patient_rules import age_on
from clinic_desktop.domain.readiness import (
    ReadinessFacts,
    ReadinessValue,
    ReadinessVerdict,
    ReadinessVisit,
    evaluate_readiness,
)
from clinic_desktop.domain.readiness_criteria import (
    ReadinessSettings,
    default_document,
    revise_settings,
    settings_document,
    settings_from_document,
)
from clinic_desktop.domain.return_to_run import ANSWER_TESTS, ReadinessAnswer
from clinic_desktop.services.access import requires
from clinic_desktop.services.assessment_values import refusing_stale, user_names
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.services.run_log_recording import RunLogRecording
from clinic_desktop.storage.models import (
    EpisodeRow,
    MeasurementRow,
    PatientRow,
    ReadinessCriteriaRow,
    VisitRow,
)

STALE_CRITERIA = (
    "The return-to-run criteria were changed on another workstation. Nothing was saved; "
    "they have been reloaded, check them and try again."
)


class ReadinessRecording(RunLogRecording):
    """Criteria versions, the yes/no readiness answers and verdicts.

    Subclasses set ``_battery_file`` (the clinic's battery file, or ``None``) and
    ``_today`` (the day verdicts are dated, and ages counted on).
    """

    _battery_file: Path | None = None
    _battery: Battery | None = None
    _today: Callable[[], dt.date] = dt.date.today

    @property
    def battery(self) -> Battery:
        if self._battery is None:
            self._battery = load_battery(self._battery_file)
        return self._battery

    @requires(Permission.OWN_WORK)
    def criteria(self) -> ReadinessSettings:
        """The criteria version in force (the shipped defaults become version 1 if none).

        Open to anyone signed in: the criteria are the clinic's settings, not patient data.
        """
        with self._db.transaction() as session:
            return self._settings(session)

    @requires(Permission.OWN_WORK)
    def criteria_versions(self) -> tuple[ReadinessSettings, ...]:
        """Every version of the criteria, newest first."""
        with self._db.transaction() as session:
            self._settings(session)
            names = user_names(session)
            rows = session.scalars(
                select(ReadinessCriteriaRow).order_by(ReadinessCriteriaRow.version.desc())
            ).all()
            return tuple(self._settings_of(row, names) for row in rows)

    @requires(Permission.CLINICAL_WRITE)
    def answer(
        self,
        visit_id: int,
        test_code: str,
        side: str,
        passed: bool | None,
        pain: int | None = None,
        *,
        expected_version: int | None,
    ) -> ReadinessAnswer:
        """Record a yes/no readiness item (walk test, hops pain-free) at a visit.

        ``passed`` ``None`` clears the answer; ``pain`` (0-10) is kept with a "no".
        ``expected_version`` is the version of the answer the screen showed (``None`` for
        none). Raises :class:`ValidationError` (field ``test_code.side``),
        :class:`EpisodeClosed` for a discharged episode, :class:`VisitLocked` on a signed
        visit and :class:`StaleRecord` if the answer changed elsewhere; nothing is saved
        then.
        """
        field = f"{test_code}.{side}"
        if side not in ANSWER_TESTS.get(test_code, ()):
            raise ValidationError(field, "This is not a yes/no readiness item.")
        if pain is not None and (not isinstance(pain, int) or not 0 <= pain <= 10):
            raise ValidationError(field, "Pain is a whole number from 0 to 10.")
        keep_pain = None if passed else pain
        with refusing_stale(self._db) as session:
            visit = session.get(VisitRow, visit_id) if visit_id is not None else None
            if visit is None:
                raise NotFound("This visit is no longer on file.")
            ensure_episode_open(session, visit.episode_id, "its readiness answers", advice="")
            if visit.status == "signed":
                raise VisitLocked(
                    "This visit is signed and locked; record the answers at a new visit."
                )
            row = session.scalar(
                select(MeasurementRow).where(
                    MeasurementRow.visit_id == visit_id,
                    MeasurementRow.test_code == test_code,
                    MeasurementRow.side == side,
                    MeasurementRow.mode == "none",
                )
            )
            if (None if row is None else row.version) != expected_version:
                raise StaleRecord(
                    "This answer was changed on another workstation. Nothing "
                    "was saved; check it and answer again."
                )
            old = None if row is None else row.value
            if passed is None:
                if row is not None:
                    session.delete(row)
                action, result = "measurement.delete", ReadinessAnswer(test_code, side, None)
            else:
                action = "measurement.update"
                if row is None:
                    action = "measurement.create"
                    row = MeasurementRow(
                        visit_id=visit_id,
                        test_code=test_code,
                        side=side,
                        mode="none",
                        unit="pass_fail",
                    )
                    session.add(row)
                row.value = 1.0 if passed else 0.0
                row.painful = bool(keep_pain)
                row.detail = "" if keep_pain is None else json.dumps({"pain": keep_pain})
                session.flush()
                result = ReadinessAnswer(test_code, side, passed, keep_pain, row.version)
            patient_id = session.scalar(
                select(EpisodeRow.patient_id).where(EpisodeRow.id == visit.episode_id)
            )
            record_event(
                session,
                action,
                entity="measurement",
                entity_id=None if row is None else row.id,
                patient_id=patient_id,
                user_id=self.access.user_id,
                detail={
                    "visit": visit_id,
                    "cell": field,
                    "old": old,
                    "new": None if passed is None else float(passed),
                    "pain": keep_pain,
                },
            )
            return result

    @requires(Permission.CLINIC_SETTINGS)
    def save_criteria(
        self,
        *,
        applies: Mapping[str, bool],
        thresholds: Mapping[str, str | float],
        weekly_cap_percent: str | float,
        expected_version: int,
    ) -> ReadinessSettings:
        """Keep the clinic's changed criteria as a new version and return it.

        Raises :class:`ValidationErrors` per field (see :func:`revise_settings`) and
        :class:`StaleRecord` if another version was saved since ``expected_version``.
        """
        try:
            with self._db.transaction() as session:
                current = self._settings(session)
                if current.version != expected_version:
                    raise StaleRecord(STALE_CRITERIA)
                revised = revise_settings(
                    current,
                    applies=applies,
                    thresholds=thresholds,
                    weekly_cap_percent=weekly_cap_percent,
                )
                row = self._add_version(session, revised, "clinic change")
                return self._settings_of(row, user_names(session))
        except IntegrityError as clash:  # two workstations saved the same version number
            raise StaleRecord(STALE_CRITERIA) from clash

    def _settings(self, session: Session) -> ReadinessSettings:
        row = session.scalar(
            select(ReadinessCriteriaRow).order_by(ReadinessCriteriaRow.version.desc()).limit(1)
        )
        if row is None:
            defaults = settings_from_document(default_document(), 1, self.battery)
            row = self._add_version(session, defaults, "shipped defaults")
        return self._settings_of(row, user_names(session))

    def _settings_of(self, row: ReadinessCriteriaRow, names: dict) -> ReadinessSettings:
        return settings_from_document(
            json.loads(row.criteria),
            row.version,
            self.battery,
            row.created_at,
            names.get(row.created_by, ""),
        )

    def _add_version(self, session: Session, settings: ReadinessSettings, why: str):
        row = ReadinessCriteriaRow(
            version=settings.version,
            criteria=json.dumps(settings_document(settings)),
            created_by=self.access.user_id,
        )
        session.add(row)
        session.flush()
        record_event(
            session,
            "readiness_criteria.create",
            entity="readiness_criteria",
            entity_id=row.id,
            user_id=self.access.user_id,
            detail={
                "version": settings.version,
                "from": why,
                "applying": [c.code for c in settings.applying],
                "weekly_cap_percent": settings.weekly_cap_percent,
            },
        )
        return row

    def _verdict(self, session, episode, force_unit, date_format, settings=None):
        settings = settings or self._settings(session)
        return episode_verdict(
            session, episode, settings, self.battery, self._today(), force_unit, date_format
        )


def episode_verdict(
    session: Session,
    episode: EpisodeRow,
    settings: ReadinessSettings,
    battery: Battery,
    on_day: dt.date,
    force_unit: str = "N",
    date_format: str = "yyyy-mm-dd",
) -> ReadinessVerdict:
    """Judge the episode's readiness on ``on_day`` from its attended visits and values."""
    patient = session.get(PatientRow, episode.patient_id)
    visits = session.scalars(
        select(VisitRow).where(VisitRow.episode_id == episode.id, VisitRow.attendance == "attended")
    )
    facts_visits = tuple(ReadinessVisit(v.id, v.visit_date, v.kind, v.pain_now) for v in visits)
    ids = [v.id for v in facts_visits]
    values = []
    for m in session.scalars(select(MeasurementRow).where(MeasurementRow.visit_id.in_(ids))):
        detail = json.loads(m.detail) if m.detail else {}
        comps = tuple(detail.get("compensations", ()))
        values.append(
            ReadinessValue(m.visit_id, m.test_code, m.side, m.value, comps, detail.get("pain"))
        )
    age = age_on(patient.birth_date, on_day) if on_day >= patient.birth_date else None
    facts = ReadinessFacts(facts_visits, tuple(values), episode.side, patient.sex, age)
    return evaluate_readiness(
        settings,
        facts,
        battery,
        evaluated_on=on_day,
        force_unit=force_unit,
        date_format=date_format,
    )


def latest_visit(session: Session, episode_id: int) -> VisitRow | None:
    return session.scalar(
        select(VisitRow)
        .where(VisitRow.episode_id == episode_id, VisitRow.attendance == "attended")
        .order_by(VisitRow.visit_date.desc(), VisitRow.id.desc())
        .limit(1)
    )


def answers_at(session: Session, visit_id: int) -> tuple[ReadinessAnswer, ...]:
    rows = session.scalars(
        select(MeasurementRow).where(
            MeasurementRow.visit_id == visit_id, MeasurementRow.test_code.in_(list(ANSWER_TESTS))
        )
    )
    answers = []
    for row in rows:
        pain = (json.loads(row.detail) if row.detail else {}).get("pain")
        answers.append(ReadinessAnswer(row.test_code, row.side, row.value == 1, pain, row.version))
    return tuple(answers)
