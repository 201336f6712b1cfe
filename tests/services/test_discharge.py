"""Discharging an episode: the review says what the summary will lack and what blocks it,
the preview saves nothing, and the discharge stores the details, ends care and records the
summary in one transaction."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest
from sqlalchemy import func, select

from clinic_desktop.domain.discharge import DischargeDetails, check_discharge
from clinic_desktop.domain.errors import StaleRecord, ValidationError, ValidationErrors
from clinic_desktop.storage.models import AuditEventRow, DocumentRow, EpisodeRow
from tests.episode_cases import START, runner_with_visits


def _details(**changes) -> DischargeDetails:
    values = dict(
        reason="Goals met; back to running 5 km pain-free.",
        ended_on=START + dt.timedelta(days=20),
        program_adherence="most",
        adherence_note="Missed the band work in week two.",
        follow_up="Review in 6 weeks if knee pain returns.\nReferred to a running coach.",
    )
    values.update(changes)
    return DischargeDetails(**values)


def _text(pdf: bytes) -> str:
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in pages))


def test_the_review_lists_tests_not_measured_again_at_the_last_visit(clinic):
    _, episode_id = runner_with_visits(clinic)
    review = clinic.discharge.review(episode_id)
    assert review.can_discharge and review.visits_attended == 3
    assert review.last_visit_on == START + dt.timedelta(days=14)
    missing = [(m.label, m.side) for m in review.missing_measures]
    assert missing == [("Single hop for distance", "right")]
    present = {(m.label, m.side) for m in review.final_measures if m.at_final_visit}
    assert present == {("Knee flexion", "left"), ("Knee flexion", "right")}


def test_an_unsigned_visit_blocks_the_discharge_and_nothing_changes(clinic):
    _, episode_id = runner_with_visits(clinic, signed=False)
    review = clinic.discharge.review(episode_id)
    assert not review.can_discharge
    assert "2026-09-15 is not signed" in review.blocking[0]
    with pytest.raises(ValidationError, match="not signed"):
        clinic.discharge.discharge(episode_id, review.episode_version, _details())
    with clinic.database.reading() as session:
        episode = session.get(EpisodeRow, episode_id)
        assert (episode.status, episode.discharge_reason) == ("active", "")
        assert session.scalar(select(func.count()).select_from(DocumentRow)) == 0


def test_the_preview_prints_the_typed_details_and_saves_nothing(clinic):
    _, episode_id = runner_with_visits(clinic)
    text = _text(clinic.discharge.preview(episode_id, _details()))
    assert "Goals met; back to running 5 km pain-free." in text
    assert "Home program: the runner did most of the program. Missed the band work" in text
    assert "Review in 6 weeks if knee pain returns." in text
    assert "Referred to a running coach." in text
    with clinic.database.reading() as session:
        assert session.get(EpisodeRow, episode_id).status == "active"
        assert session.scalar(select(func.count()).select_from(DocumentRow)) == 0


def test_discharging_ends_care_records_the_summary_and_audits_both(clinic):
    patient_id, episode_id = runner_with_visits(clinic)
    review = clinic.discharge.review(episode_id)
    report = clinic.discharge.discharge(episode_id, review.episode_version, _details())
    with clinic.database.reading() as session:
        episode = session.get(EpisodeRow, episode_id)
        assert episode.status == "discharged"
        assert episode.ended_on == START + dt.timedelta(days=20)
        assert episode.discharge_reason == "Goals met; back to running 5 km pain-free."
        assert (episode.program_adherence, episode.ended_against_advice) == ("most", False)
        assert "running coach" in episode.follow_up
        document = session.get(DocumentRow, report.document_id)
        assert (document.kind, document.episode_id, document.patient_id) == (
            "discharge",
            episode_id,
            patient_id,
        )
        assert document.content == report.pdf
        actions = session.scalars(
            select(AuditEventRow.action).where(AuditEventRow.patient_id == patient_id)
        ).all()
    assert "episode.discharge" in actions and "document.discharge" in actions
    text = _text(report.pdf)
    assert "Goals met; back to running 5 km pain-free." in text
    assert "2026-09-01 to 2026-09-21" in text or "2026-09-21" in text
    # Signed by whoever discharged, on the day they did, on every later reprint too.
    user = clinic.access.user
    reprint = clinic.discharge.report_data(patient_id, "discharge", episode_id)
    assert (reprint.therapist_name, reprint.signed_on) == (
        user.display_name,
        dt.date.today().isoformat(),
    )
    assert f"{user.display_name}" in text.split("Signature:")[-1]
    again = clinic.discharge.review(episode_id)
    assert again.status == "discharged" and not again.can_discharge
    assert again.details.reason.startswith("Goals met")


def test_a_discharge_over_a_newer_version_is_refused(clinic):
    _, episode_id = runner_with_visits(clinic)
    review = clinic.discharge.review(episode_id)
    with clinic.database.transaction() as session:
        session.get(EpisodeRow, episode_id).referral = "Dr Lee"
    with pytest.raises(StaleRecord):
        clinic.discharge.discharge(episode_id, review.episode_version, _details())
    with clinic.database.reading() as session:
        assert session.get(EpisodeRow, episode_id).status == "active"


def test_a_discharge_date_before_the_last_visit_is_refused_by_the_service(clinic):
    _, episode_id = runner_with_visits(clinic)
    review = clinic.discharge.review(episode_id)
    with pytest.raises(ValidationErrors) as refused:
        clinic.discharge.discharge(
            episode_id, review.episode_version, _details(ended_on=START + dt.timedelta(days=3))
        )
    assert "before the episode's last visit (2026-09-15)" in refused.value.by_field()["ended_on"]


@pytest.mark.parametrize(
    ("changes", "field", "sentence"),
    [
        ({"reason": "  "}, "reason", "Give the reason care ends"),
        ({"ended_on": "31/02/2026"}, "ended_on", "real date"),
        ({"ended_on": "2026-12-30"}, "ended_on", "cannot be in the future"),
        ({"program_adherence": "sometimes"}, "program_adherence", "adherence levels"),
        ({"follow_up": "x" * 2001}, "follow_up", "under 2000 characters"),
    ],
)
def test_discharge_details_are_checked_with_a_sentence_per_field(changes, field, sentence):
    typed = dict(reason="Goals met.", ended_on="", program_adherence="full")
    typed.update(changes)
    with pytest.raises(ValidationErrors) as refused:
        check_discharge(started_on=START, today=dt.date(2026, 11, 26), **typed)
    assert sentence in refused.value.by_field()[field]


def test_an_empty_discharge_date_means_today():
    details = check_discharge(
        reason="Moved away.", ended_on="", started_on=START, today=dt.date(2026, 11, 26)
    )
    assert details.ended_on == dt.date(2026, 11, 26)


def test_a_failure_while_the_summary_is_made_leaves_the_episode_in_care(clinic, monkeypatch):
    _, episode_id = runner_with_visits(clinic)
    review = clinic.discharge.review(episode_id)

    def broken(*_args, **_kwargs):
        raise RuntimeError("the printer driver took the font away")

    monkeypatch.setattr("clinic_desktop.services.reports.discharge_summary_pdf", broken)
    with pytest.raises(RuntimeError):
        clinic.discharge.discharge(episode_id, review.episode_version, _details())
    with clinic.database.reading() as session:
        episode = session.get(EpisodeRow, episode_id)
        assert (episode.status, episode.discharge_reason, episode.follow_up) == ("active", "", "")
        assert session.scalar(select(func.count()).select_from(DocumentRow)) == 0
        actions = session.scalars(select(AuditEventRow.action)).all()
    assert "episode.discharge" not in actions
