"""A questionnaire answered at a visit, and its history over an episode.

Totals are always recomputed from the stored answers with ``outcomes.score``, so the entry
screen, the history and the reports show the same figure with the same explanation.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from clinic_desktop.domain.outcomes import (
    Instrument,
    OutcomeChange,
    OutcomeScore,
    change_vs_mcid,
    score,
)


@dataclass(frozen=True)
class OutcomeResponse:
    """The answers given at one visit (item number -> answer, ``None`` unanswered)."""

    visit_id: int
    instrument_id: str
    answers: Mapping[int, int | None]
    score: OutcomeScore
    version: int = 0


def answers_to_json(answers: Mapping[int, int | None]) -> str:
    """Answers as stored: item numbers as text keys, unanswered items left out."""
    return json.dumps(
        {str(number): value for number, value in sorted(answers.items()) if value is not None}
    )


def answers_from_json(text: str) -> dict[int, int | None]:
    """Stored answers back as item number -> answer; unreadable entries are dropped."""
    try:
        raw = json.loads(text or "{}")
    except ValueError:
        return {}
    answers: dict[int, int | None] = {}
    for key, value in raw.items() if isinstance(raw, dict) else ():
        if str(key).isdigit() and (value is None or isinstance(value, int)):
            answers[int(key)] = value
    return answers


@dataclass(frozen=True)
class AnsweredVisit:
    """One visit's stored answers, as the history is built from them."""

    visit_id: int
    visit_date: dt.date
    visit_kind: str
    answers: Mapping[int, int | None]


@dataclass(frozen=True)
class OutcomeHistoryRow:
    visit_id: int
    visit_date: dt.date
    visit_kind: str
    score: OutcomeScore
    #: Change from the first scored visit; None for that visit and unscored ones.
    change: OutcomeChange | None


@dataclass(frozen=True)
class OutcomeHistory:
    instrument: Instrument
    rows: tuple[OutcomeHistoryRow, ...]

    @property
    def latest_change(self) -> OutcomeChange | None:
        for row in reversed(self.rows):
            if row.change is not None:
                return row.change
        return None

    def summary(self) -> str:
        """One sentence: the change from the first to the latest total, against the MCID."""
        scored = [row for row in self.rows if row.score.total is not None]
        name = self.instrument.short_name
        if not self.rows:
            return f"No {name} recorded in this episode yet."
        if len(scored) < 2:
            return f"{name}: one scored visit so far; the change shows from the second."
        change = self.latest_change
        if change is None:  # an instrument without an MCID on file
            return f"{name}: {scored[0].score.total} at first, {scored[-1].score.total} now."
        return (
            f"{name} {scored[0].score.total} → {scored[-1].score.total} since "
            f"{scored[0].visit_date.isoformat()}. {change.explanation}"
        )


def outcome_history(instrument: Instrument, visits: Sequence[AnsweredVisit]) -> OutcomeHistory:
    """Score every visit's answers and the change of each from the first scored visit.

    ``visits`` are in date order. A visit whose answers cannot be scored (too many items
    missing) keeps its explanation and gets no change. Stored answers outside the scale
    raise ``ValidationError`` naming the item, as ``score`` does.
    """
    rows = []
    first_total: int | None = None
    for visit in visits:
        result = score(instrument, visit.answers)
        change = None
        if result.total is not None:
            if first_total is None:
                first_total = result.total
            elif instrument.mcid is not None:
                change = change_vs_mcid(first_total, result.total, instrument)
        rows.append(
            OutcomeHistoryRow(visit.visit_id, visit.visit_date, visit.visit_kind, result, change)
        )
    return OutcomeHistory(instrument, tuple(rows))
