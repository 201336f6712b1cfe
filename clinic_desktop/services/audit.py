"""The audit trail: append-only rows chained by SHA-256.

Each row's hash covers its own content and the previous row's hash, so changing or
removing any row breaks the chain from that row on. The application only ever appends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_desktop.domain.access import Permission
from clinic_desktop.services.access import Service, requires
from clinic_desktop.storage.models import AuditEventRow

GENESIS_HASH = "0" * 64


def event_hash(
    prev_hash: str,
    at: dt.datetime,
    user_id: int | None,
    action: str,
    entity: str,
    entity_id: int | None,
    patient_id: int | None,
    detail: str,
) -> str:
    """SHA-256 over a row's content and the hash of the row before it."""
    content = json.dumps(
        [prev_hash, at.isoformat(), user_id, action, entity, entity_id, patient_id, detail],
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def record_event(
    session: Session,
    action: str,
    *,
    entity: str = "",
    entity_id: int | None = None,
    patient_id: int | None = None,
    user_id: int | None = None,
    detail: dict | None = None,
) -> AuditEventRow:
    """Append one event inside the caller's transaction."""
    prev_hash = (
        session.scalar(select(AuditEventRow.hash).order_by(AuditEventRow.id.desc()).limit(1))
        or GENESIS_HASH
    )
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    detail_text = json.dumps(detail or {}, sort_keys=True, ensure_ascii=False, default=str)
    row = AuditEventRow(
        at=at,
        user_id=user_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        patient_id=patient_id,
        detail=detail_text,
        prev_hash=prev_hash,
        hash=event_hash(prev_hash, at, user_id, action, entity, entity_id, patient_id, detail_text),
    )
    session.add(row)
    session.flush()
    return row


def first_broken_event(session: Session) -> int | None:
    """The id of the first row whose hash or link does not hold, or None if the chain is whole."""
    expected_prev = GENESIS_HASH
    for row in session.scalars(select(AuditEventRow).order_by(AuditEventRow.id)):
        recomputed = event_hash(
            row.prev_hash,
            row.at,
            row.user_id,
            row.action,
            row.entity,
            row.entity_id,
            row.patient_id,
            row.detail,
        )
        if row.prev_hash != expected_prev or row.hash != recomputed:
            return row.id
        expected_prev = row.hash
    return None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    user: str
    action: str
    entity: str
    entity_id: int | None
    patient_mrn: str
    detail: str


@dataclass(frozen=True)
class ChainCheck:
    """The outcome of "verify chain": whole, or the first row that was altered."""

    rows_checked: int
    first_broken_id: int | None

    @property
    def intact(self) -> bool:
        return self.first_broken_id is None

    def sentence(self) -> str:
        if self.intact:
            return f"The audit trail is intact: all {self.rows_checked} entries check out."
        return (
            f"The audit trail was altered: entry {self.first_broken_id} no longer matches its "
            "hash. Entries before it are intact; keep this database for investigation."
        )


class AuditService(Service):
    """The admin's view of the trail: filter it, and verify the hash chain."""

    @requires(Permission.VIEW_AUDIT)
    def events(
        self,
        user_id: int | None = None,
        patient_mrn: str = "",
        action: str = "",
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 2000,
    ) -> list[AuditEntry]:
        """Newest first, at most ``limit`` rows, filtered by user, patient, action and date."""
        from clinic_desktop.storage.models import PatientRow, UserRow

        query = (
            select(AuditEventRow, UserRow.username, PatientRow.mrn)
            .outerjoin(UserRow, UserRow.id == AuditEventRow.user_id)
            .outerjoin(PatientRow, PatientRow.id == AuditEventRow.patient_id)
            .order_by(AuditEventRow.id.desc())
            .limit(limit)
        )
        if user_id is not None:
            query = query.where(AuditEventRow.user_id == user_id)
        if patient_mrn.strip():
            query = query.where(PatientRow.mrn == patient_mrn.strip().upper())
        if action.strip():
            query = query.where(AuditEventRow.action.startswith(action.strip(), autoescape=True))
        if since is not None:
            query = query.where(AuditEventRow.at >= dt.datetime.combine(since, dt.time()))
        if until is not None:
            end = dt.datetime.combine(until + dt.timedelta(days=1), dt.time())
            query = query.where(AuditEventRow.at < end)
        with self._db.reading() as session:
            return [
                AuditEntry(
                    row.id,
                    row.at,
                    username or "",
                    row.action,
                    row.entity,
                    row.entity_id,
                    mrn or "",
                    row.detail,
                )
                for row, username, mrn in session.execute(query)
            ]

    @requires(Permission.VIEW_AUDIT)
    def actions(self) -> list[str]:
        with self._db.reading() as session:
            return list(
                session.scalars(
                    select(AuditEventRow.action).distinct().order_by(AuditEventRow.action)
                )
            )

    @requires(Permission.VIEW_AUDIT)
    def verify_chain(self) -> ChainCheck:
        with self._db.reading() as session:
            count = session.scalar(select(func.count()).select_from(AuditEventRow)) or 0
            broken = first_broken_event(session)
        with self._db.transaction() as session:
            record_event(
                session,
                "audit.verify",
                user_id=self.access.user_id,
                detail={"intact": broken is None, "first_broken": broken},
            )
        return ChainCheck(rows_checked=count, first_broken_id=broken)

    @requires(Permission.FIND_PATIENTS)
    def record_patient_opened(self, patient_id: int) -> None:
        """Leave a trace that the signed-in user opened this patient's record."""
        with self._db.transaction() as session:
            record_event(
                session,
                "patient.open",
                entity="patient",
                entity_id=patient_id,
                patient_id=patient_id,
                user_id=self.access.user_id,
            )

    @requires(Permission.CLINICAL_READ)
    def record_export(self, patient_id: int | None, what: str, detail: dict) -> None:
        """Leave a trace that clinical data left the application (a file, the clipboard)."""
        with self._db.transaction() as session:
            record_event(
                session,
                "export",
                entity=what,
                patient_id=patient_id,
                user_id=self.access.user_id,
                detail=detail,
            )
