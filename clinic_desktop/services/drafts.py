"""Autosaved work in progress: what was typed survives a crash, a power cut or a lock.

A screen saves its unsaved fields as JSON every few seconds and when a field loses focus;
when the same record is opened again, the draft is offered back. Saving the record for
real discards its draft.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from clinic_desktop.domain.access import Permission
from clinic_desktop.services.access import Service, requires
from clinic_desktop.storage.models import DraftRow


@dataclass(frozen=True)
class Draft:
    form: str
    record_key: str
    patient_id: int | None
    payload: dict[str, Any]
    saved_at: dt.datetime


class DraftService(Service):
    """Drafts belong to the work of whoever is signed in; any role may keep its own."""

    @requires(Permission.OWN_WORK)
    def save(
        self,
        form: str,
        record_key: str,
        payload: dict[str, Any],
        patient_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        """Keep ``payload`` as the latest draft of ``form`` for ``record_key``."""
        text = json.dumps(payload, ensure_ascii=False, sort_keys=True, default=str)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self._db.transaction() as session:
            row = session.scalar(
                select(DraftRow).where(DraftRow.form == form, DraftRow.record_key == record_key)
            )
            if row is None:
                session.add(
                    DraftRow(
                        form=form,
                        record_key=record_key,
                        patient_id=patient_id,
                        user_id=user_id if user_id is not None else self.access.user_id,
                        payload=text,
                        saved_at=now,
                    )
                )
            else:
                row.payload, row.saved_at = text, now
                row.user_id = user_id if user_id is not None else self.access.user_id

    @requires(Permission.OWN_WORK)
    def load(self, form: str, record_key: str) -> Draft | None:
        with self._db.reading() as session:
            row = session.scalar(
                select(DraftRow).where(DraftRow.form == form, DraftRow.record_key == record_key)
            )
            if row is None:
                return None
            return Draft(
                row.form, row.record_key, row.patient_id, json.loads(row.payload), row.saved_at
            )

    @requires(Permission.OWN_WORK)
    def drafts_for_patient(self, patient_id: int) -> list[Draft]:
        with self._db.reading() as session:
            rows = session.scalars(
                select(DraftRow)
                .where(DraftRow.patient_id == patient_id)
                .order_by(DraftRow.saved_at)
            ).all()
            return [
                Draft(r.form, r.record_key, r.patient_id, json.loads(r.payload), r.saved_at)
                for r in rows
            ]

    @requires(Permission.OWN_WORK)
    def discard(self, form: str, record_key: str) -> None:
        with self._db.transaction() as session:
            session.execute(
                delete(DraftRow).where(DraftRow.form == form, DraftRow.record_key == record_key)
            )
