"""The red-flag screen of an episode: answers, the therapist's acknowledgement, alerts.

A positive answer stays an alert on the patient header for as long as the episode is open:
first as "to review", and after a therapist has acknowledged it with a note, as reviewed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.errors import (
    NotFound,
    StaleRecord,
    ValidationError,
    ValidationErrors,
)
from clinic_desktop.domain.red_flags import RedFlagAnswer, load_red_flags
from clinic_desktop.domain.screening import (
    RedFlagAlert,
    RedFlagEntry,
    ScreenRecord,
    check_acknowledgement,
    check_answers,
)
from clinic_desktop.services.access import Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.services.episode_guard import ensure_episode_open
from clinic_desktop.storage.models import EpisodeRow, RedFlagAnswerRow, UserRow

ACKNOWLEDGE_ADVICE = (
    "A positive flag still waiting for review can be acknowledged with its follow-up."
)
_STALE = (
    "The red-flag screen was changed at another workstation after you opened it. Nothing "
    "was saved; reopen the patient to see the current answers."
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class RedFlagService(Service):
    """Record the screen, acknowledge positives, and list what the header must show."""

    @requires(Permission.CLINICAL_READ)
    def screen(self, episode_id: int) -> ScreenRecord:
        """Every screening question with the episode's answer, in the order they are asked."""
        with self._db.reading() as session:
            return _record(session, episode_id)

    @requires(Permission.CLINICAL_WRITE)
    def save_answers(
        self,
        episode_id: int,
        answers: Iterable[RedFlagAnswer],
        versions: Mapping[str, int],
    ) -> ScreenRecord:
        """Save the answers given; questions not in ``answers`` keep what they had.

        ``versions`` maps each question code to the version it was loaded with (missing
        means not saved before). Changing a "yes" clears its acknowledgement, and a new
        "yes" waits for one. Raises ValidationErrors (a "yes" needs a note), EpisodeClosed
        (the answers of a discharged episode are what was found during care), StaleRecord
        or NotFound.
        """
        answers = list(answers)
        check_answers(answers)
        try:
            with self._db.transaction() as session:
                episode = ensure_episode_open(
                    session, episode_id, "its red-flag answers", ACKNOWLEDGE_ADVICE
                )
                rows = _rows(session, episode_id)
                changed = []
                for answer in answers:
                    row = rows.get(answer.code)
                    if (row.version if row is not None else 0) != versions.get(answer.code, 0):
                        raise StaleRecord(_STALE)
                    note = answer.note.strip()
                    if row is None:
                        if answer.answer is None and not note:
                            continue
                        row = RedFlagAnswerRow(episode_id=episode_id, code=answer.code)
                        session.add(row)
                    elif row.answer == answer.answer and row.note == note:
                        continue
                    if row.answer is True and answer.answer is not True:
                        row.acknowledged_by = None
                        row.acknowledged_at = None
                        row.acknowledgement_note = ""
                    row.answer, row.note = answer.answer, note
                    row.recorded_by = self.access.user_id
                    changed.append({"code": answer.code, "answer": answer.answer})
                session.flush()
                if changed:
                    record_event(
                        session,
                        "red_flags.save",
                        entity="episode",
                        entity_id=episode_id,
                        patient_id=episode.patient_id,
                        user_id=self.access.user_id,
                        detail={"answers": changed},
                    )
                return _record(session, episode_id)
        except StaleDataError as error:
            raise StaleRecord(_STALE) from error

    @requires(Permission.CLINICAL_WRITE)
    def acknowledge(self, episode_id: int, note: str) -> ScreenRecord:
        """The signed-in therapist acknowledges every positive flag still waiting, with a
        note of what was decided. Raises ValidationErrors (nothing waiting, blank note).

        Allowed after discharge too, unlike every other change to a discharged episode: the
        answers found during care stay as they were, and a positive flag left waiting is a
        safety matter whose follow-up (a call to the doctor, a referral) often happens
        after the last visit. Recording it, dated and audited as made after discharge, is
        better than leaving the flag unanswered for good.
        """
        with self._db.transaction() as session:
            episode = _episode(session, episode_id)
            waiting = [
                row
                for row in _rows(session, episode_id).values()
                if row.answer is True and row.acknowledged_at is None
            ]
            try:
                cleaned = check_acknowledgement(note, len(waiting))
            except ValidationError as error:
                raise ValidationErrors([error]) from None
            now = _now()
            for row in waiting:
                row.acknowledged_by = self.access.user_id
                row.acknowledged_at = now
                row.acknowledgement_note = cleaned
            session.flush()
            record_event(
                session,
                "red_flags.acknowledge",
                entity="episode",
                entity_id=episode_id,
                patient_id=episode.patient_id,
                user_id=self.access.user_id,
                detail={
                    "codes": [row.code for row in waiting],
                    "note": cleaned,
                    "after_discharge": episode.status == "discharged",
                },
            )
            return _record(session, episode_id)

    @requires(Permission.CLINICAL_READ)
    def alerts(self, patient_id: int) -> list[RedFlagAlert]:
        """Positive flags of the patient's open (not discharged) episodes, those waiting for
        acknowledgement first."""
        with self._db.reading() as session:
            rows = session.execute(
                select(RedFlagAnswerRow, UserRow.display_name)
                .join(EpisodeRow, EpisodeRow.id == RedFlagAnswerRow.episode_id)
                .outerjoin(UserRow, UserRow.id == RedFlagAnswerRow.acknowledged_by)
                .where(
                    EpisodeRow.patient_id == patient_id,
                    EpisodeRow.status != "discharged",
                    RedFlagAnswerRow.answer.is_(True),
                )
                .order_by(RedFlagAnswerRow.id)
            ).all()
        order = {flag.code: index for index, flag in enumerate(load_red_flags())}
        alerts = [RedFlagAlert(row.code, name or "", row.acknowledged_at) for row, name in rows]
        return sorted(alerts, key=lambda a: (a.acknowledged_at is not None, order.get(a.code, 99)))


def _episode(session: Session, episode_id: int) -> EpisodeRow:
    episode = session.get(EpisodeRow, episode_id)
    if episode is None:
        raise NotFound("This episode of care is no longer on file.")
    return episode


def _rows(session: Session, episode_id: int) -> dict[str, RedFlagAnswerRow]:
    rows = session.scalars(
        select(RedFlagAnswerRow).where(RedFlagAnswerRow.episode_id == episode_id)
    )
    return {row.code: row for row in rows}


def _record(session: Session, episode_id: int) -> ScreenRecord:
    rows = _rows(session, episode_id)
    names = dict(
        session.execute(
            select(UserRow.id, UserRow.display_name).where(
                UserRow.id.in_([r.acknowledged_by for r in rows.values() if r.acknowledged_by])
            )
        ).all()
    )
    entries = []
    for flag in load_red_flags():
        row = rows.get(flag.code)
        entries.append(
            RedFlagEntry(
                code=flag.code,
                question=flag.question,
                urgency=flag.urgency.id,
                suggested_action=flag.suggested_action,
                answer=row.answer if row is not None else None,
                note=row.note if row is not None else "",
                acknowledged_by=names.get(row.acknowledged_by, "") if row is not None else "",
                acknowledged_at=row.acknowledged_at if row is not None else None,
                acknowledgement_note=row.acknowledgement_note if row is not None else "",
                version=row.version if row is not None else 0,
            )
        )
    return ScreenRecord(episode_id, tuple(entries))
