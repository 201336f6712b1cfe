"""Red-flag screening at intake: questions whose "yes" asks the therapist to act.

The questions live in ``resources/red_flags.json``. A screen is a set of
:class:`RedFlagAnswer`; :func:`evaluate_screen` says whether any answer is positive,
which flags they are (most urgent first) and which questions are still unanswered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from clinic_desktop.domain.errors import NotFound, ValidationError
from clinic_desktop.domain.resources import load_json_resource


@dataclass(frozen=True)
class UrgencyLevel:
    """How soon a positive flag must be acted on; rank 1 is the most urgent."""

    id: str
    rank: int
    meaning: str


@dataclass(frozen=True)
class RedFlag:
    """One screening question with the reason it is asked and what a "yes" calls for."""

    code: str
    question: str
    why_it_matters: str
    suggested_action: str
    urgency: UrgencyLevel
    source: str


@dataclass(frozen=True)
class RedFlagAnswer:
    """The patient's answer to one red-flag question.

    ``answer`` is ``True`` for yes (a positive screen), ``False`` for no and ``None`` when
    the question was not asked or the patient was unsure. ``note`` keeps the therapist's
    detail, e.g. "night sweats for two weeks".
    """

    code: str
    answer: bool | None
    note: str = ""


@dataclass(frozen=True)
class RedFlagScreen:
    """What a set of answers means.

    ``positives`` are the flags answered yes, most urgent first (then in question order);
    ``unanswered`` are the questions with no yes/no answer yet.
    """

    positives: tuple[RedFlag, ...]
    unanswered: tuple[RedFlag, ...]
    notes: dict[str, str]

    @property
    def any_positive(self) -> bool:
        return bool(self.positives)

    @property
    def complete(self) -> bool:
        """True when every question has a yes or no answer."""
        return not self.unanswered

    @property
    def most_urgent(self) -> UrgencyLevel | None:
        return self.positives[0].urgency if self.positives else None

    def summary(self) -> str:
        """Return one sentence for the intake page or a report."""
        if self.positives:
            names = ", ".join(flag.code.replace("_", " ") for flag in self.positives)
            count = len(self.positives)
            flags = "red flag" if count == 1 else "red flags"
            return f"{count} {flags} positive ({names}). {self.positives[0].urgency.meaning}"
        if self.unanswered:
            count = len(self.unanswered)
            questions = "question" if count == 1 else "questions"
            return f"No red flags so far; {count} {questions} not yet answered."
        return "No red flags: every screening question was answered no."


# --- loading -------------------------------------------------------------------------------


@cache
def _load() -> tuple[dict[str, UrgencyLevel], tuple[RedFlag, ...]]:
    raw = load_json_resource("red_flags.json")
    levels = {
        level["id"]: UrgencyLevel(level["id"], int(level["rank"]), level["meaning"])
        for level in raw["urgency_levels"]
    }
    flags = tuple(
        RedFlag(
            code=entry["code"],
            question=entry["question"],
            why_it_matters=entry["why_it_matters"],
            suggested_action=entry["suggested_action"],
            urgency=levels[entry["urgency"]],
            source=entry["source"],
        )
        for entry in raw["flags"]
    )
    return levels, flags


def load_red_flags() -> tuple[RedFlag, ...]:
    """Return the shipped screening questions in the order they are asked.

    Raises ``FileNotFoundError`` or ``KeyError`` only if the shipped data is damaged.
    """
    return _load()[1]


def urgency_levels() -> tuple[UrgencyLevel, ...]:
    """Return the urgency levels, most urgent first."""
    return tuple(sorted(_load()[0].values(), key=lambda level: level.rank))


def red_flag_by_code(code: str) -> RedFlag:
    """Return the screening question with this code; raises ``NotFound`` if there is none."""
    for flag in load_red_flags():
        if flag.code == code:
            return flag
    raise NotFound(f"There is no red-flag question '{code}'.")


# --- evaluating a screen -------------------------------------------------------------------


def evaluate_screen(answers: Iterable[RedFlagAnswer]) -> RedFlagScreen:
    """Return which red flags a screen shows and which questions are still open.

    Every positive answer is reported; none is dropped. Raises
    ``ValidationError("red_flags", ...)`` if an answer names a question that is not in the
    screening list (so a "yes" can never disappear silently) or if one question has two
    different answers.
    """
    flags = load_red_flags()
    known = {flag.code: flag for flag in flags}
    given: dict[str, RedFlagAnswer] = {}
    for answer in answers:
        if answer.code not in known:
            raise ValidationError(
                "red_flags",
                f"The screen holds an answer to '{answer.code}', which is not a red-flag "
                "question this version knows. Review the screen before saving.",
            )
        earlier = given.get(answer.code)
        if earlier is not None and earlier.answer != answer.answer:
            raise ValidationError(
                "red_flags",
                f"The question '{known[answer.code].question}' has two different answers.",
            )
        given[answer.code] = answer

    def answered(flag: RedFlag, value: bool) -> bool:
        return flag.code in given and given[flag.code].answer is value

    order = {flag.code: position for position, flag in enumerate(flags)}
    positives = sorted(
        (flag for flag in flags if answered(flag, True)),
        key=lambda flag: (flag.urgency.rank, order[flag.code]),
    )
    unanswered = tuple(
        flag for flag in flags if not answered(flag, True) and not answered(flag, False)
    )
    notes = {code: answer.note for code, answer in given.items() if answer.note.strip()}
    return RedFlagScreen(tuple(positives), unanswered, notes)
