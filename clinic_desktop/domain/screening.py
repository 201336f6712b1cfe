"""The red-flag screen of an episode as recorded: answers, notes, and who acknowledged them.

``check_answers`` is the rule for saving a screen (every "yes" carries a note of what the
patient reported); ``ScreenRecord`` is what the intake page, the patient header and the
reports read back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.red_flags import (
    RedFlagAnswer,
    RedFlagScreen,
    evaluate_screen,
    load_red_flags,
)

NOTE_LIMIT = 1000


def flag_name(code: str) -> str:
    """A red flag's short name for alerts and reports: "night pain"."""
    return code.replace("_", " ")


def check_answers(answers: Iterable[RedFlagAnswer]) -> RedFlagScreen:
    """Return the screen the answers make, if they can be saved.

    Every "yes" needs a note saying what the patient reported, and notes have a length
    limit. Raises ``ValidationErrors`` with one error per question on the field
    ``"red_flags.<code>"``, or on ``"red_flags"`` for an answer to an unknown question.
    """
    answers = list(answers)
    screen = evaluate_screen(answers)
    errors = []
    for answer in answers:
        field = f"red_flags.{answer.code}"
        if answer.answer is True and not answer.note.strip():
            errors.append(
                ValidationError(
                    field,
                    f"Note what the patient reported for {flag_name(answer.code)} "
                    "(press Y on the question, then type).",
                )
            )
        elif len(answer.note.strip()) > NOTE_LIMIT:
            errors.append(
                ValidationError(
                    field,
                    f"The note on {flag_name(answer.code)} can be at most {NOTE_LIMIT:,} "
                    "characters.",
                )
            )
    if errors:
        raise ValidationErrors(errors)
    return screen


def check_acknowledgement(note: str, waiting: int) -> str:
    """Return the acknowledgement note if there is something to acknowledge.

    Raises ``ValidationError("acknowledgement_note", ...)`` when no positive flag is
    waiting, when the note is blank, or when it is longer than the limit.
    """
    if waiting == 0:
        raise ValidationError(
            "acknowledgement_note", "There is no positive red flag waiting to be acknowledged."
        )
    cleaned = note.strip()
    if not cleaned:
        raise ValidationError(
            "acknowledgement_note",
            "Write what you decided about the red flags, for example "
            '"Referred to the GP today; cleared for gentle loading".',
        )
    if len(cleaned) > NOTE_LIMIT:
        raise ValidationError(
            "acknowledgement_note", f"The acknowledgement can be at most {NOTE_LIMIT:,} characters."
        )
    return cleaned


@dataclass(frozen=True)
class RedFlagEntry:
    """One screening question as recorded for an episode (``answer`` None: not asked)."""

    code: str
    question: str
    urgency: str
    suggested_action: str
    answer: bool | None
    note: str = ""
    acknowledged_by: str = ""
    acknowledged_at: dt.datetime | None = None
    acknowledgement_note: str = ""
    version: int = 0

    @property
    def waiting_for_acknowledgement(self) -> bool:
        return self.answer is True and self.acknowledged_at is None


@dataclass(frozen=True)
class ScreenRecord:
    """Every screening question of an episode, in the order they are asked."""

    episode_id: int
    entries: tuple[RedFlagEntry, ...]

    @property
    def screen(self) -> RedFlagScreen:
        return evaluate_screen(RedFlagAnswer(e.code, e.answer, e.note) for e in self.entries)

    @property
    def positives(self) -> tuple[RedFlagEntry, ...]:
        return tuple(entry for entry in self.entries if entry.answer is True)

    @property
    def waiting(self) -> tuple[RedFlagEntry, ...]:
        return tuple(entry for entry in self.entries if entry.waiting_for_acknowledgement)

    @property
    def versions(self) -> dict[str, int]:
        return {entry.code: entry.version for entry in self.entries if entry.version}


def blank_entries() -> tuple[RedFlagEntry, ...]:
    """Every shipped question, unanswered."""
    return tuple(
        RedFlagEntry(flag.code, flag.question, flag.urgency.id, flag.suggested_action, None)
        for flag in load_red_flags()
    )


@dataclass(frozen=True)
class RedFlagAlert:
    """A positive red flag of an open episode, for the patient header."""

    code: str
    acknowledged_by: str
    acknowledged_at: dt.datetime | None

    def text(self, date_format: str = "yyyy-mm-dd") -> str:
        name = flag_name(self.code)
        if self.acknowledged_at is None:
            return f"RED FLAG to review: {name}"
        who = f" by {self.acknowledged_by}" if self.acknowledged_by else ""
        day = format_date(self.acknowledged_at.date(), date_format)
        return f"Red flag: {name} (acknowledged{who} on {day})"
