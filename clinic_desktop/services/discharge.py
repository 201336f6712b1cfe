"""Discharging an episode of care: review, preview the summary, then end care for good.

The therapist reviews what the discharge summary will say (goal standings, tests not
measured again at the last visit, unsigned visits that block it), previews the summary
with the details typed so far (nothing is saved), and then discharges: the details are
stored, the episode becomes discharged and read-only, and the summary that goes to the
patient and the referrer is generated and recorded, all in one transaction.
"""

from __future__ import annotations

from sqlalchemy import select

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.discharge import (
    DischargeDetails,
    DischargeReview,
    check_discharge,
    final_measures,
)
from clinic_desktop.domain.errors import NotFound, StaleRecord, ValidationError
from clinic_desktop.domain.report_data import DISCHARGE
from clinic_desktop.services.access import requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.report_care import stored_discharge
from clinic_desktop.services.reports import GeneratedReport, Progress, ReportService
from clinic_desktop.services.settings import settings_in
from clinic_desktop.storage.models import EpisodeRow, MeasurementRow, VisitRow


class DischargeService(ReportService):
    """The discharge of one episode of care, from review to the recorded summary."""

    @requires(Permission.CLINICAL_READ)
    def review(self, episode_id: int) -> DischargeReview:
        """What the discharge summary of ``episode_id`` will hold, and what blocks it."""
        with self._db.reading() as session:
            episode = _episode(session, episode_id)
            data, _ = self._assemble(session, episode.patient_id, DISCHARGE, episode_id)
            fmt = settings_in(session).date_format
            visits = _attended(session, episode_id)
            blocking = _blocking(episode, visits, fmt)
            rows = session.execute(
                select(MeasurementRow.test_code, MeasurementRow.side, VisitRow.visit_date)
                .join(VisitRow, VisitRow.id == MeasurementRow.visit_id)
                .where(VisitRow.episode_id == episode_id, VisitRow.attendance == "attended")
                .order_by(VisitRow.visit_date, VisitRow.id, MeasurementRow.id)
            ).all()
            battery = self._load_reference().battery
            labels = {test.code: test.label for test in battery.tests}
            last_day = visits[-1].visit_date if visits else None
            return DischargeReview(
                episode_id=episode.id,
                episode_version=episode.version,
                patient_id=episode.patient_id,
                patient_name=data.patient.name,
                diagnosis=data.patient.diagnosis,
                started_on=episode.started_on,
                last_visit_on=last_day,
                visits_attended=len(visits),
                status=episode.status,
                details=(
                    stored_discharge(episode, self._today())
                    if episode.status == "discharged"
                    else None
                ),
                goals=data.goals,
                final_measures=final_measures(
                    [(r.test_code, r.side, r.visit_date) for r in rows], last_day, labels
                ),
                blocking=blocking,
                today=self._today(),
            )

    @requires(Permission.CLINICAL_READ)
    def preview(
        self, episode_id: int, details: DischargeDetails, progress: Progress | None = None
    ) -> bytes:
        """The discharge summary as it would read with ``details``; nothing is saved or
        recorded (the PDF is for the screen only)."""
        with self._db.reading() as session:
            episode = _episode(session, episode_id)
            data, _ = self._assemble(session, episode.patient_id, DISCHARGE, episode_id, details)
            return self._build(session, data, progress)

    @requires(Permission.CLINICAL_WRITE)
    def discharge(
        self,
        episode_id: int,
        expected_version: int,
        details: DischargeDetails,
        progress: Progress | None = None,
    ) -> GeneratedReport:
        """End the episode with ``details`` and record its discharge summary.

        In one transaction: the details are checked again against the episode, stored,
        the episode becomes discharged (read-only from then on), the summary is generated
        and recorded, and both are audited. Raises :class:`ValidationError` when a visit is
        unsigned or the episode is already discharged, :class:`StaleRecord` when the
        episode changed since ``expected_version``; nothing is saved then.
        """
        with self._db.transaction() as session:
            # Locked first: a visit started at another workstation meanwhile is either
            # committed before the check below or refused by the episode guard after it.
            episode = _episode(session, episode_id, lock=True)
            if episode.version != expected_version:
                raise StaleRecord(
                    "This episode of care was changed on another workstation after you "
                    "opened the discharge. Nothing was saved; review it again."
                )
            fmt = settings_in(session).date_format
            visits = _attended(session, episode_id)
            blocking = _blocking(episode, visits, fmt)
            if blocking:
                raise ValidationError("episode", " ".join(blocking))
            checked = check_discharge(
                reason=details.reason,
                ended_on=details.ended_on,
                started_on=episode.started_on,
                today=self._today(),
                last_visit_on=visits[-1].visit_date if visits else None,
                against_advice=details.against_advice,
                program_adherence=details.program_adherence,
                adherence_note=details.adherence_note,
                follow_up=details.follow_up,
                date_format=fmt,
            )
            episode.status = "discharged"
            episode.ended_on = checked.ended_on
            episode.discharge_reason = checked.reason
            episode.ended_against_advice = checked.against_advice
            episode.program_adherence = checked.program_adherence
            episode.adherence_note = checked.adherence_note
            episode.follow_up = checked.follow_up
            session.flush()
            record_event(
                session,
                "episode.discharge",
                entity="episode",
                entity_id=episode.id,
                patient_id=episode.patient_id,
                user_id=self.access.user_id,
                detail={
                    "reason": checked.reason,
                    "ended_on": checked.ended_on.isoformat(),
                    "against_advice": checked.against_advice,
                    "program_adherence": checked.program_adherence,
                },
            )
            data, _ = self._assemble(session, episode.patient_id, DISCHARGE, episode_id)
            return self._record(session, data, episode.id, episode.patient_id, progress)


def _episode(session, episode_id: int, lock: bool = False) -> EpisodeRow:
    episode = session.get(EpisodeRow, episode_id, with_for_update=lock or None)
    if episode is None:
        raise NotFound("This episode of care is no longer on file.")
    return episode


def _attended(session, episode_id: int) -> list[VisitRow]:
    return list(
        session.scalars(
            select(VisitRow)
            .where(VisitRow.episode_id == episode_id, VisitRow.attendance == "attended")
            .order_by(VisitRow.visit_date, VisitRow.id)
        )
    )


def _blocking(episode: EpisodeRow, visits: list[VisitRow], fmt: str) -> tuple[str, ...]:
    if episode.status == "discharged":
        ended = format_date(episode.ended_on, fmt) if episode.ended_on else ""
        return (f"This episode of care was already discharged{' on ' + ended if ended else ''}.",)
    unsigned = [v for v in visits if v.status != "signed"]
    if not unsigned:
        return ()
    days = ", ".join(format_date(v.visit_date, fmt) for v in unsigned)
    visits_word = "The visit" if len(unsigned) == 1 else "The visits"
    return (
        f"{visits_word} of {days} {'is' if len(unsigned) == 1 else 'are'} not signed: sign "
        "on the Assessment tab before discharging, so the summary reports signed figures.",
    )
