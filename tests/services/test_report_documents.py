"""The patient's documents: listed newest first, reopened exactly as generated, a print
noted, and a stored copy that no longer matches its fingerprint refused."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clinic_desktop.domain.errors import NotFound
from clinic_desktop.storage.models import AuditEventRow, DocumentRow


def test_generated_reports_are_listed_newest_first_and_reopen_byte_for_byte(demo_clinic):
    patient_id = demo_clinic.reports.patient_id_for_mrn("D0001")
    before = {d.id for d in demo_clinic.reports.documents(patient_id)}
    progress = demo_clinic.reports.generate(patient_id, "progress")
    discharge = demo_clinic.reports.generate(patient_id, "discharge")
    listed = [d for d in demo_clinic.reports.documents(patient_id) if d.id not in before]
    assert [d.id for d in listed] == [discharge.document_id, progress.document_id]
    assert listed[0].kind == "discharge" and listed[0].title == discharge.title
    assert listed[0].created_by == demo_clinic.access.user.display_name
    assert listed[0].printed_at is None
    again = demo_clinic.reports.document(progress.document_id)
    assert again.pdf == progress.pdf and again.sha256 == progress.sha256


def test_a_print_is_noted_on_the_document_and_audited(demo_clinic):
    patient_id = demo_clinic.reports.patient_id_for_mrn("D0001")
    report = demo_clinic.reports.generate(patient_id, "progress")
    demo_clinic.reports.mark_printed(report.document_id)
    listed = {d.id: d for d in demo_clinic.reports.documents(patient_id)}
    assert listed[report.document_id].printed_at is not None
    with demo_clinic.database.reading() as session:
        actions = session.scalars(
            select(AuditEventRow.action).where(AuditEventRow.entity_id == report.document_id)
        ).all()
    assert "document.print" in actions


def test_a_stored_copy_changed_after_it_was_made_is_not_shown(demo_clinic):
    patient_id = demo_clinic.reports.patient_id_for_mrn("D0001")
    report = demo_clinic.reports.generate(patient_id, "progress")
    with demo_clinic.database.transaction() as session:
        row = session.get(DocumentRow, report.document_id)
        row.content = row.content.replace(b"Progress", b"Regress", 1)
    with pytest.raises(NotFound, match="does not match the fingerprint"):
        demo_clinic.reports.document(report.document_id)


def test_making_a_report_says_how_far_it_got(demo_clinic):
    patient_id = demo_clinic.reports.patient_id_for_mrn("D0001")
    heard = []
    demo_clinic.reports.generate(patient_id, "progress", progress=lambda p, t: heard.append(p))
    assert heard == sorted(heard) and heard[0] < 50 <= heard[-1] < 100
