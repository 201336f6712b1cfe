"""What every generated document shares once it exists: noting that it was printed."""

from __future__ import annotations

import datetime as dt

from clinic_desktop.domain.errors import NotFound
from clinic_desktop.services.audit import record_event
from clinic_desktop.storage.models import DocumentRow


def note_printed(session, document_id: int, user_id: int | None) -> None:
    """Stamp the document as printed now and audit it, in the caller's transaction.
    Raises :class:`NotFound` when the document is no longer on file."""
    row = session.get(DocumentRow, document_id)
    if row is None:
        raise NotFound("This document is no longer on file.")
    row.printed_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    record_event(
        session, "document.print", entity="document", entity_id=row.id,
        patient_id=row.patient_id, user_id=user_id or None,
        detail={"kind": row.kind, "sha256": row.sha256},
    )  # fmt: skip
