"""The "progress report due" reminder: counted from the last evaluation or progress report."""

from __future__ import annotations

import datetime as dt
import os
import time

import pytest
from sqlalchemy import select

from clinic_desktop.domain.episodes import EpisodeForm
from clinic_desktop.domain.errors import PermissionDenied
from clinic_desktop.domain.registration import NewPatient
from clinic_desktop.services.reminders import local_day
from clinic_desktop.storage.models import DocumentRow, EpisodeRow, VisitRow
from tests.conftest import sign_in_as

EVALUATED_ON = dt.date(2026, 9, 1)


def on_day(clinic, day: dt.date) -> None:
    """Date the reminder on ``day`` instead of today."""
    clinic.reminders.resolve()._today = lambda: day


@pytest.fixture
def runner(clinic):
    """A runner whose episode began with an initial evaluation on EVALUATED_ON."""
    patient = clinic.patients.register(
        NewPatient(family_name="Lindqvist", given_name="Åsa", birth_date=dt.date(1988, 3, 9))
    )
    episode = clinic.intake.start_episode(
        patient.id,
        EpisodeForm(kind="performance", side="none", started_on=EVALUATED_ON.isoformat()),
    )
    return patient.id, episode.id


def follow_ups(clinic, episode_id: int, first: dt.date, count: int, every_days: int = 2):
    return [
        clinic.assessments.start_visit(
            episode_id, "follow_up", first + dt.timedelta(days=i * every_days)
        )
        for i in range(count)
    ]


def test_due_on_the_tenth_visit_after_the_evaluation(clinic, runner):
    patient_id, episode_id = runner
    visits = follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=1), 10)
    on_day(clinic, visits[8].visit_date)  # nine visits so far, 16 days
    assert clinic.reminders.progress_report_due(patient_id) is None
    on_day(clinic, visits[9].visit_date)
    assert clinic.reminders.progress_report_due(patient_id) == (
        "Progress report due: 10 visits since the evaluation of 2026-09-01."
    )


def test_missed_visits_do_not_count(clinic, runner):
    patient_id, episode_id = runner
    visits = follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=1), 10)
    with clinic.database.transaction() as session:
        session.get(VisitRow, visits[0].id).attendance = "missed"
    on_day(clinic, visits[9].visit_date)
    assert clinic.reminders.progress_report_due(patient_id) is None


def test_due_thirty_days_after_the_evaluation_even_with_few_visits(clinic, runner):
    patient_id, episode_id = runner
    follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=7), 2, every_days=7)
    on_day(clinic, EVALUATED_ON + dt.timedelta(days=29))
    assert clinic.reminders.progress_report_due(patient_id) is None
    on_day(clinic, EVALUATED_ON + dt.timedelta(days=31))
    assert clinic.reminders.progress_report_due(patient_id) == (
        "Progress report due: 31 days since the evaluation of 2026-09-01."
    )


def test_a_re_evaluation_starts_the_count_again(clinic, runner):
    patient_id, episode_id = runner
    follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=1), 8)
    re_evaluated_on = dt.date(2026, 9, 20)
    clinic.assessments.start_visit(episode_id, "re_evaluation", re_evaluated_on)
    follow_ups(clinic, episode_id, re_evaluated_on + dt.timedelta(days=1), 3)
    on_day(clinic, dt.date(2026, 10, 1))
    assert clinic.reminders.progress_report_due(patient_id) is None
    on_day(clinic, re_evaluated_on + dt.timedelta(days=30))
    assert clinic.reminders.progress_report_due(patient_id) == (
        "Progress report due: 30 days since the re-evaluation of 2026-09-20."
    )


def test_a_generated_progress_report_clears_the_reminder(clinic, runner):
    patient_id, episode_id = runner
    visits = follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=1), 10)
    reported_on = visits[9].visit_date
    on_day(clinic, reported_on)
    assert clinic.reminders.progress_report_due(patient_id) is not None

    generated = clinic.reports.generate(patient_id, "progress")
    # The report is dated when it is made; pin it to the afternoon of the tenth visit.
    with clinic.database.transaction() as session:
        row = session.get(DocumentRow, generated.document_id)
        row.created_at = dt.datetime.combine(reported_on, dt.time(14, 0))
    assert clinic.reminders.progress_report_due(patient_id) is None

    later = follow_ups(clinic, episode_id, reported_on + dt.timedelta(days=1), 10)
    on_day(clinic, later[9].visit_date)
    assert clinic.reminders.progress_report_due(patient_id) == (
        "Progress report due: 10 visits since the progress report of 2026-09-20."
    )


def test_a_progress_report_of_another_episode_does_not_count(clinic, runner):
    patient_id, episode_id = runner
    visits = follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=1), 10)
    with clinic.database.transaction() as session:
        session.add(
            DocumentRow(
                patient_id=patient_id, episode_id=None, kind="progress", title="Older",
                created_at=dt.datetime(2026, 9, 15, 12, 0), sha256="0" * 64,
            )
        )  # fmt: skip
    on_day(clinic, visits[9].visit_date)
    assert "10 visits" in clinic.reminders.progress_report_due(patient_id)


def test_nothing_is_due_before_the_first_evaluation(clinic, runner):
    patient_id, episode_id = runner
    with clinic.database.transaction() as session:
        for visit in session.scalars(select(VisitRow).where(VisitRow.episode_id == episode_id)):
            session.delete(visit)
    follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=1), 12)
    on_day(clinic, dt.date(2026, 12, 1))
    assert clinic.reminders.progress_report_due(patient_id) is None


def test_a_discharged_or_paused_episode_needs_no_progress_report(clinic, runner):
    patient_id, episode_id = runner
    follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=1), 12)
    on_day(clinic, dt.date(2026, 11, 1))
    assert clinic.reminders.progress_report_due(patient_id) is not None
    for status in ("on_hold", "discharged"):
        with clinic.database.transaction() as session:
            episode = session.get(EpisodeRow, episode_id)
            episode.status = status
            episode.ended_on = dt.date(2026, 10, 1) if status == "discharged" else None
        assert clinic.reminders.progress_report_due(patient_id) is None


def test_the_clinics_own_limits_and_date_format_are_used(clinic, runner):
    patient_id, episode_id = runner
    visits = follow_ups(clinic, episode_id, EVALUATED_ON + dt.timedelta(days=1), 6)
    on_day(clinic, visits[5].visit_date)
    assert clinic.reminders.progress_report_due(patient_id) is None
    clinic.settings.save(
        clinic.settings.load().with_changes(
            progress_report_visits=6, progress_report_days=60, date_format="dd/mm/yyyy"
        )
    )
    assert clinic.reminders.progress_report_due(patient_id) == (
        "Progress report due: 6 visits since the evaluation of 01/09/2026."
    )
    on_day(clinic, EVALUATED_ON + dt.timedelta(days=45))  # 45 days: under the clinic's 60
    clinic.settings.save(clinic.settings.load().with_changes(progress_report_visits=20))
    assert clinic.reminders.progress_report_due(patient_id) is None


def test_the_front_desk_cannot_ask_for_clinical_reminders(clinic, runner):
    from clinic_desktop.domain.access import Role

    patient_id, _episode_id = runner
    sign_in_as(clinic, frozenset({Role.FRONT_DESK}), username="desk")
    with pytest.raises(PermissionDenied):
        clinic.reminders.progress_report_due(patient_id)


@pytest.mark.skipif(not hasattr(time, "tzset"), reason="the time zone is set with tzset")
def test_a_report_made_late_in_the_evening_counts_on_the_local_day():
    saved = os.environ.get("TZ")
    os.environ["TZ"] = "NZST-12"  # twelve hours ahead of UTC, no daylight saving
    time.tzset()
    try:
        assert local_day(dt.datetime(2026, 9, 20, 14, 30)) == dt.date(2026, 9, 21)
        assert local_day(dt.datetime(2026, 9, 20, 9, 0)) == dt.date(2026, 9, 20)
    finally:
        if saved is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = saved
        time.tzset()
