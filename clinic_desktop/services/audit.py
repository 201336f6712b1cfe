"""The audit trail: append-only rows chained by SHA-256.

Each row's hash covers its own content and the previous row's hash, so changing or
removing any row breaks the chain from that row on. The application only ever appends.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

from sqlalchemy import select
from sqlalchemy.orm import Session

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
