"""What the Return to run tab shows for one episode, as plain values.

The return-to-run service fills these from the database; the screen and the printed plan
only read them. The figures themselves come from :mod:`readiness`, :mod:`run_plan` and
:mod:`run_log`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_desktop.domain.readiness import ReadinessVerdict
from clinic_desktop.domain.run_log import Breach, LoggedRun, WeekLoad
from clinic_desktop.domain.run_plan import RunPlan

#: The readiness items answered yes/no on the panel, stored as pass/fail measurements.
WALK_TEST = "walk_30min_pain_free"
HOP_TEST = "hops_pain_free_10"
ANSWER_TESTS = {WALK_TEST: ("none",), HOP_TEST: ("left", "right")}


@dataclass(frozen=True)
class EpisodeOption:
    """An episode of the patient as the episode picker names it."""

    id: int
    title: str
    status: str
    side: str


@dataclass(frozen=True)
class AnswerVisit:
    """The visit the yes/no answers are stored with: the episode's latest attended visit."""

    id: int
    day: dt.date
    kind: str
    signed: bool


@dataclass(frozen=True)
class ReadinessAnswer:
    """A yes/no readiness item at a visit; ``version`` is the stored value's, for stale
    saves (``None`` when nothing is stored). ``pain`` is the pain felt (0-10), if given."""

    test_code: str
    side: str
    passed: bool | None
    pain: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class StoredPlan:
    """A plan as kept with the episode, with the readiness verdict it was generated from."""

    id: int
    episode_id: int
    plan: RunPlan
    readiness: ReadinessVerdict | None
    criteria_version: int | None
    is_active: bool
    created_at: dt.datetime
    created_by: str
    version: int


@dataclass(frozen=True)
class ReturnToRunState:
    """Everything the tab shows for one episode of ``patient_id``.

    ``message`` says what to do when there is nothing to show (no episode yet);
    ``target_weekly_km`` is the weekly distance before the injury, from the running
    profile, if known.
    """

    patient_id: int
    episodes: tuple[EpisodeOption, ...] = ()
    episode_id: int | None = None
    involved_side: str = "none"
    verdict: ReadinessVerdict | None = None
    answer_visit: AnswerVisit | None = None
    answers: tuple[ReadinessAnswer, ...] = ()
    plan: StoredPlan | None = None
    runs: tuple[LoggedRun, ...] = ()
    breaches: tuple[Breach, ...] = ()
    weeks: tuple[WeekLoad, ...] = ()
    target_weekly_km: float | None = None
    message: str = ""

    def answer(self, test_code: str, side: str) -> ReadinessAnswer | None:
        return next((a for a in self.answers if a.test_code == test_code and a.side == side), None)
