"""The one check that a discharged episode of care is no longer changed.

A discharged episode's record is what the discharge summary was written from, so every
service that changes an episode's data asks here first, inside its own transaction and
before writing anything. The only change still allowed is the amendment of a signed
assessment value, which keeps the old value and the reason (see
:meth:`~clinic_desktop.services.assessment_values.ValueRecording.amend`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_desktop.domain.errors import AMEND_ADVICE, EpisodeClosed, NotFound
from clinic_desktop.storage.models import ClinicSettingsRow, EpisodeRow

DISCHARGED = "discharged"


def ensure_episode_open(
    session: Session,
    episode_id: int | None,
    what: str = "its record",
    advice: str = AMEND_ADVICE,
) -> EpisodeRow:
    """The episode's row, if it may still change.

    Raises :class:`EpisodeClosed` (a sentence naming ``what`` is refused, the day of
    discharge in the clinic's date format, and ``advice``) for a discharged episode, and
    :class:`NotFound` for an episode not on file.
    """
    # FOR SHARE on a server database: a discharge (FOR UPDATE) waits for this change to
    # commit, or this change sees the discharge. SQLite serialises writers by itself.
    episode = (
        session.get(EpisodeRow, episode_id, with_for_update={"read": True})
        if episode_id is not None
        else None
    )
    if episode is None:
        raise NotFound("This episode of care is no longer on file.")
    if episode.status == DISCHARGED:
        date_format = (
            session.scalar(select(ClinicSettingsRow.date_format).where(ClinicSettingsRow.id == 1))
            or "yyyy-mm-dd"
        )
        raise EpisodeClosed(episode.ended_on, what, advice, date_format)
    return episode
