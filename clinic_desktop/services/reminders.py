"""Reminders shown on the patient header: when the active episode needs a progress report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sqlalchemy import func, select

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.discharge import progress_report_due
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.settings import settings_in
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import DocumentRow, EpisodeRow, VisitRow

#: Visit kinds that are an evaluation, and how the reminder names them.
EVALUATION_WORDS = {"initial": "evaluation", "re_evaluation": "re-evaluation"}
PROGRESS_DOCUMENT = "progress"


def local_day(utc_moment: dt.datetime) -> dt.date:
    """The workstation's local date of a naive UTC time (how ``document.created_at`` is
    stored): a report generated at 23:30 UTC in Berlin was generated the next day there."""
    return utc_moment.replace(tzinfo=dt.UTC).astimezone().date()


class ReminderService(Service):
    """Works out what the header should remind the therapist of for an open patient."""

    def __init__(
        self,
        database: Database,
        access: Access | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(database, access)
        self._today = today

    @requires(Permission.CLINICAL_READ)
    def progress_report_due(self, patient_id: int) -> str | None:
        """The "Progress report due: ..." sentence for the patient's active episode, or
        ``None`` when nothing is due (no active episode, no evaluation yet, or a recent
        evaluation or progress report).

        The last report is the later of the latest attended initial evaluation or
        re-evaluation and the latest progress report generated for the episode (its local
        date). Attended visits dated after that day, up to today, count towards the clinic's
        visit limit; days since it towards its day limit (both from the clinic settings).
        """
        today = self._today()
        with self._db.reading() as session:
            episode_id = session.scalar(
                select(EpisodeRow.id)
                .where(EpisodeRow.patient_id == patient_id, EpisodeRow.status == "active")
                .order_by(EpisodeRow.started_on.desc(), EpisodeRow.id.desc())
                .limit(1)
            )
            if episode_id is None:
                return None
            settings = settings_in(session)
            attended = (VisitRow.episode_id == episode_id, VisitRow.attendance == "attended")
            evaluation = session.execute(
                select(VisitRow.visit_date, VisitRow.kind)
                .where(*attended, VisitRow.kind.in_(EVALUATION_WORDS))
                .order_by(VisitRow.visit_date.desc(), VisitRow.id.desc())
                .limit(1)
            ).first()
            if evaluation is None:
                return None
            last_on, last_kind = evaluation.visit_date, EVALUATION_WORDS[evaluation.kind]
            reported_at = session.scalar(
                select(func.max(DocumentRow.created_at)).where(
                    DocumentRow.episode_id == episode_id, DocumentRow.kind == PROGRESS_DOCUMENT
                )
            )
            if reported_at is not None and local_day(reported_at) >= last_on:
                last_on, last_kind = local_day(reported_at), "progress report"
            visits_since = session.scalar(
                select(func.count(VisitRow.id)).where(
                    *attended, VisitRow.visit_date > last_on, VisitRow.visit_date <= today
                )
            )
        return progress_report_due(
            last_report_on=last_on,
            last_report_kind=last_kind,
            visits_since=visits_since or 0,
            today=today,
            visits_limit=settings.progress_report_visits,
            days_limit=settings.progress_report_days,
            date_format=settings.date_format,
        )
