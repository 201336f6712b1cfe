"""Errors a person at the workstation can understand and act on.

Every error raised for bad input carries a sentence in the clinic's words, ready to be
shown next to the field it concerns. Code that catches them never has to rephrase.
"""

from __future__ import annotations

import datetime as dt

from clinic_desktop.domain.dates import format_date


class ClinicError(Exception):
    """Base of every error the application explains to its user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(ClinicError):
    """One field holds a value that cannot be saved.

    ``field`` names the attribute (``"birth_date"``, ``"hip_flexion.left"``) so a form can
    put ``message`` next to the right widget.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ValidationErrors(ClinicError):
    """Several fields failed at once; ``errors`` keeps them in form order."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__(" ".join(e.message for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}


class NotFound(ClinicError):
    """A record asked for by id is not (or no longer) on file."""


class StaleRecord(ClinicError):
    """Someone else saved the same record first; this save was refused, nothing overwritten."""


class PermissionDenied(ClinicError):
    """The signed-in user's roles do not allow this; the sentence says which role would."""


class SignInRefused(ClinicError):
    """A sign-in did not succeed: wrong password, locked account, or too soon after a miss."""


AMEND_ADVICE = "A signed assessment value can still be amended, with a reason."


class EpisodeClosed(ClinicError):
    """The episode of care was discharged, so its record is read-only.

    Only an amendment of a signed assessment value (with its reason) may still change it.
    ``what`` names the part refused (``"its running log"``), ``advice`` what can still be
    done, and ``ended_on`` is the day of discharge (``None`` when none was recorded),
    written in the clinic's ``date_format``.
    """

    def __init__(
        self,
        ended_on: dt.date | None,
        what: str = "its record",
        advice: str = AMEND_ADVICE,
        date_format: str = "yyyy-mm-dd",
    ) -> None:
        when = f" on {format_date(ended_on, date_format)}" if ended_on is not None else ""
        sentence = f"This episode of care was discharged{when}; {what} can no longer be changed."
        super().__init__(f"{sentence} {advice}" if advice else sentence)
        self.ended_on = ended_on
