"""Saving assessment values one cell at a time, and amending signed ones.

Each value is saved the moment its cell is committed, so a crash loses at most the cell
being typed. A save names the version of the value the screen showed; if another
workstation changed that value meanwhile, the save is refused and nothing is overwritten.
A signed visit is locked: its values change only by an amendment that keeps both values
and the reason, audited in the same transaction. A discharged episode's visits take no
saves at all (:class:`EpisodeClosed`); amending a signed value is still allowed.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.assessment_values import (
    CellKey,
    Measurement,
    Visit,
    VisitLocked,
    cell_name,
    read_entry,
    sides_of,
    value_text,
)
from clinic_desktop.domain.battery import Battery, TestDefinition
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import (
    NotFound,
    StaleRecord,
    ValidationError,
    ValidationErrors,
)
from clinic_desktop.services.access import Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import (
    EpisodeRow,
    MeasurementAmendmentRow,
    MeasurementRow,
    UserRow,
    VisitRow,
)

STALE_VISIT = (
    "This visit was changed on another workstation while it was open here. Nothing was "
    "saved; it has been reloaded, check it and try again."
)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class ValueRecording(Service):
    """The value-saving half of the assessment service; needs ``battery``.

    Every change is recorded under the signed-in user and needs the therapist's right to
    write clinical data.
    """

    battery: Battery

    @requires(Permission.CLINICAL_WRITE)
    def save_value(
        self,
        visit_id: int,
        key: CellKey,
        text: str,
        *,
        expected_version: int | None,
        force_unit: str = "N",
        painful: bool | None = None,
    ) -> Measurement | None:
        """Save what was typed in one cell; an empty text clears the cell (returns None).

        The text is read by the battery (:func:`read_entry`): forces in ``force_unit``,
        grades such as "4+". ``expected_version`` is the version of the value the screen
        showed, ``None`` if it showed an empty cell. Raises :class:`ValidationError` (on
        ``key.field``) for an unusable value, :class:`VisitLocked` on a signed visit and
        :class:`StaleRecord` if the cell changed elsewhere; nothing is saved then.
        """
        test = self._cell_test(key)
        value = None if not text.strip() else read_entry(test, text, force_unit, key.field)
        with refusing_stale(self._db) as session:
            visit = self._open_draft_visit(session, visit_id)
            row = self._cell_row(session, visit_id, key, expected_version, test)
            old = None if row is None else row.value
            if value is None:
                if row is not None:
                    session.delete(row)
                action, result = "measurement.delete", None
            else:
                if row is None:
                    row = MeasurementRow(
                        visit_id=visit_id,
                        test_code=key.test_code,
                        side=key.side,
                        mode=key.mode,
                        unit=test.unit,
                        detail="",
                    )
                    session.add(row)
                    action = "measurement.create"
                else:
                    action = "measurement.update"
                row.value = value
                if painful is not None:
                    row.painful = painful
                session.flush()
                result = measurement_of(row)
            if old != value:
                record_event(
                    session,
                    action,
                    entity="measurement",
                    entity_id=None if row is None else row.id,
                    user_id=self.access.user_id,
                    patient_id=patient_id_of(session, visit),
                    detail={"visit": visit_id, "cell": key.field, "old": old, "new": value},
                )
            return result

    @requires(Permission.CLINICAL_WRITE)
    def set_painful(
        self, visit_id: int, key: CellKey, painful: bool, *, expected_version: int
    ) -> Measurement:
        """Mark a recorded value painful or not (a value must be recorded first)."""
        return self._update_cell(
            visit_id,
            key,
            expected_version,
            "measurement.painful",
            lambda row: setattr(row, "painful", painful),
            {"painful": painful},
        )

    @requires(Permission.CLINICAL_WRITE)
    def set_compensations(
        self,
        visit_id: int,
        side: str,
        compensations: Sequence[str],
        *,
        expected_version: int,
    ) -> Measurement:
        """Record what the single-leg squat showed (codes from its checklist) on one side.

        Pass or fail must be recorded first. Raises :class:`ValidationError` for a code
        that is not on the checklist.
        """
        test = self.battery.test("single_leg_squat")
        allowed = [item.code for item in test.checklist]
        unknown = [code for code in compensations if code not in allowed]
        key = CellKey(test.code, side, "none")
        if unknown:
            raise ValidationError(key.field, f"The squat checklist has no item '{unknown[0]}'.")
        ordered = [code for code in allowed if code in compensations]
        return self._update_cell(
            visit_id,
            key,
            expected_version,
            "measurement.compensations",
            lambda row: setattr(row, "detail", json.dumps({"compensations": ordered})),
            {"compensations": ordered},
        )

    @requires(Permission.CLINICAL_WRITE)
    def amend(
        self,
        visit_id: int,
        key: CellKey,
        text: str,
        reason: str,
        *,
        expected_version: int,
        force_unit: str = "N",
    ) -> Measurement:
        """Change a value of a signed visit, keeping the old value and the reason.

        Raises :class:`ValidationError` on ``"reason"`` without a reason, on ``key.field``
        for an unusable value, and when the visit is not signed (it is then edited
        directly) or the cell holds no value; :class:`StaleRecord` as for a save.
        """
        test = self._cell_test(key)
        errors = []
        if not reason.strip():
            errors.append(ValidationError("reason", "Give the reason for changing a signed value."))
        try:
            value = read_entry(test, text, force_unit, key.field)
        except ValidationError as error:
            errors.append(error)
        if errors:
            raise ValidationErrors(errors)
        with refusing_stale(self._db) as session:
            visit = visit_row(session, visit_id)
            if visit.status != "signed":
                # Only signed values are amended; a discharged episode takes nothing else.
                ensure_episode_open(session, visit.episode_id, "its assessment values")
                raise ValidationError(
                    "reason", "This visit is not signed yet: change the value in the grid."
                )
            row = self._cell_row(session, visit_id, key, expected_version, test)
            if row is None:
                raise ValidationError(
                    key.field,
                    f"The signed visit has no {cell_name(test, key)} value to amend; "
                    "record it at a new visit.",
                )
            old = row.value
            session.add(
                MeasurementAmendmentRow(
                    measurement_id=row.id,
                    old_value=old,
                    new_value=value,
                    reason=reason.strip(),
                    amended_by=self.access.user_id,
                    amended_at=utc_now(),
                )
            )
            row.value = value
            session.flush()
            record_event(
                session,
                "measurement.amend",
                entity="measurement",
                entity_id=row.id,
                user_id=self.access.user_id,
                patient_id=patient_id_of(session, visit),
                detail={
                    "visit": visit_id,
                    "cell": key.field,
                    "old": old,
                    "new": value,
                    "reason": reason.strip(),
                },
            )
            return measurement_of(row)

    def _cell_test(self, key: CellKey) -> TestDefinition:
        test = self.battery.test(key.test_code)
        modes = test.modes or ("none",)
        if key.side not in sides_of(test) or key.mode not in modes:
            raise ValidationError(key.field, f"{test.label} has no {key.side} {key.mode} value.")
        return test

    def _open_draft_visit(
        self, session: Session, visit_id: int, expected_version: int | None = None
    ) -> VisitRow:
        row = visit_row(session, visit_id)
        ensure_episode_open(session, row.episode_id, "its assessment values")
        if row.status == "signed":
            signed = format_date(row.signed_at.date()) if row.signed_at else ""
            raise VisitLocked(
                f"This visit was signed{' on ' + signed if signed else ''} and is locked. "
                "Change a value by amending it, with a reason."
            )
        if expected_version is not None and row.version != expected_version:
            raise StaleRecord(STALE_VISIT)
        return row

    def _cell_row(
        self, session: Session, visit_id: int, key: CellKey, expected_version: int | None, test
    ) -> MeasurementRow | None:
        row = session.scalar(
            select(MeasurementRow).where(
                MeasurementRow.visit_id == visit_id,
                MeasurementRow.test_code == key.test_code,
                MeasurementRow.side == key.side,
                MeasurementRow.mode == key.mode,
            )
        )
        current = None if row is None else row.version
        if current != expected_version:
            now = "is now empty" if row is None else f"now reads {value_text(test, row.value)}"
            raise StaleRecord(
                f"The {cell_name(test, key)} value was changed on another workstation (it "
                f"{now}). Your entry was not saved; check the value and type it again if needed."
            )
        return row

    def _update_cell(self, visit_id, key, expected_version, action, change, detail):
        test = self._cell_test(key)
        with refusing_stale(self._db) as session:
            visit = self._open_draft_visit(session, visit_id)
            row = self._cell_row(session, visit_id, key, expected_version, test)
            if row is None:
                raise ValidationError(key.field, f"Record {cell_name(test, key)} first.")
            change(row)
            session.flush()
            record_event(
                session,
                action,
                entity="measurement",
                entity_id=row.id,
                user_id=self.access.user_id,
                patient_id=patient_id_of(session, visit),
                detail={"visit": visit_id, "cell": key.field, **detail},
            )
            return measurement_of(row)


@contextmanager
def refusing_stale(database: Database) -> Iterator[Session]:
    """A transaction in which a concurrent write caught by SQLAlchemy's version check reads
    as a :class:`StaleRecord` sentence."""
    try:
        with database.transaction() as session:
            yield session
    except StaleDataError as stale:
        raise StaleRecord(STALE_VISIT) from stale


def visit_row(session: Session, visit_id: int) -> VisitRow:
    row = session.get(VisitRow, visit_id)
    if row is None:
        raise NotFound("This visit is no longer on file.")
    return row


def patient_id_of(session: Session, visit: VisitRow) -> int | None:
    return session.scalar(select(EpisodeRow.patient_id).where(EpisodeRow.id == visit.episode_id))


def user_names(session: Session) -> dict[int, str]:
    return {
        user_id: f"{name}, {credentials}" if credentials else name
        for user_id, name, credentials in session.execute(
            select(UserRow.id, UserRow.display_name, UserRow.credentials)
        )
    }


def visit_of(row: VisitRow, names: dict[int, str]) -> Visit:
    return Visit(
        id=row.id,
        episode_id=row.episode_id,
        visit_date=row.visit_date,
        kind=row.kind,
        attendance=row.attendance,
        status=row.status,
        therapist_id=row.therapist_id,
        therapist=names.get(row.therapist_id, ""),
        signed_at=row.signed_at,
        signed_by=names.get(row.signed_by, ""),
        planned_tests=tuple(json.loads(row.planned_tests or "[]")),
        version=row.version,
    )


def measurement_of(row: MeasurementRow) -> Measurement:
    detail = json.loads(row.detail) if row.detail else {}
    return Measurement(
        id=row.id,
        visit_id=row.visit_id,
        test_code=row.test_code,
        side=row.side,
        mode=row.mode,
        value=row.value,
        unit=row.unit,
        painful=row.painful,
        compensations=tuple(detail.get("compensations", ())),
        version=row.version,
    )
