"""Is the runner ready to start a walk/run program? Each criterion judged on the latest data.

:func:`evaluate_readiness` takes an episode's visits and values as plain data and the
clinic's criteria (one numbered version), and returns a :class:`ReadinessVerdict`: every
criterion met, not met or not tested, with the figure behind it and the visit it comes
from, and the overall answer "Ready to start walk/run", "Not yet (n criteria open)" or
"Incomplete". Each criterion uses the most recent visit that measured it, so an old
failure stays visible until the test is repeated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from clinic_desktop.domain import measures, units
from clinic_desktop.domain.battery import Battery, TestDefinition
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.readiness_criteria import Criterion, ReadinessSettings

KIND_WORDS = {
    "initial": "initial evaluation",
    "follow_up": "follow-up",
    "re_evaluation": "re-evaluation",
    "discharge": "discharge",
}
SIDE_WORDS = {"left": "Left", "right": "Right", "none": ""}


class CriterionStatus(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_TESTED = "not_tested"

    @property
    def label(self) -> str:
        return {"met": "Met", "not_met": "Not met", "not_tested": "Not tested"}[self.value]


class Overall(StrEnum):
    READY = "ready"
    NOT_YET = "not_yet"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class ReadinessVisit:
    """An attended visit of the episode: its date, kind and pain at rest (0-10) if rated."""

    id: int
    day: dt.date
    kind: str
    pain_now: int | None = None


@dataclass(frozen=True)
class ReadinessValue:
    """A stored measurement (stored unit), with what a movement test saw and pain (0-10)."""

    visit_id: int
    test_code: str
    side: str
    value: float
    compensations: tuple[str, ...] = ()
    pain: int | None = None


@dataclass(frozen=True)
class ReadinessFacts:
    """What the verdict is drawn from; ``involved_side`` is left, right, both or none."""

    visits: tuple[ReadinessVisit, ...]
    values: tuple[ReadinessValue, ...]
    involved_side: str = "none"
    sex: str = "unknown"
    age_years: int | None = None


@dataclass(frozen=True)
class CriterionResult:
    """One criterion's judgement, the figure behind it and where it was measured."""

    code: str
    title: str
    status: CriterionStatus
    figure: str
    where: str = ""
    source: str = ""
    clinic_default: bool = False
    visit_id: int | None = None
    day: dt.date | None = None


@dataclass(frozen=True)
class ReadinessVerdict:
    """The overall answer and each applying criterion, judged by ``criteria_version``.

    ``rest_pain`` is the latest pain at rest (0-10) the pain criterion used, if any: the
    runner's baseline for the running log.
    """

    overall: Overall
    headline: str
    results: tuple[CriterionResult, ...]
    criteria_version: int
    evaluated_on: dt.date
    rest_pain: int | None = None

    @property
    def open_count(self) -> int:
        return sum(r.status is not CriterionStatus.MET for r in self.results)

    def result(self, code: str) -> CriterionResult:
        return next(r for r in self.results if r.code == code)

    def to_document(self) -> dict[str, Any]:
        """Plain JSON-ready data, kept with a plan to show what it was generated from."""
        return {
            "overall": self.overall.value,
            "headline": self.headline,
            "criteria_version": self.criteria_version,
            "evaluated_on": self.evaluated_on.isoformat(),
            "rest_pain": self.rest_pain,
            "results": [
                {
                    "code": r.code,
                    "title": r.title,
                    "status": r.status.value,
                    "figure": r.figure,
                    "where": r.where,
                    "source": r.source,
                }
                for r in self.results
            ],
        }


def verdict_from_document(document: dict[str, Any]) -> ReadinessVerdict | None:
    """Read back :meth:`ReadinessVerdict.to_document`; ``None`` for an empty document."""
    if not document:
        return None
    return ReadinessVerdict(
        overall=Overall(document["overall"]),
        headline=document["headline"],
        results=tuple(
            CriterionResult(
                r["code"],
                r["title"],
                CriterionStatus(r["status"]),
                r["figure"],
                r["where"],
                r.get("source", ""),
            )
            for r in document["results"]
        ),
        criteria_version=document["criteria_version"],
        evaluated_on=dt.date.fromisoformat(document["evaluated_on"]),
        rest_pain=document.get("rest_pain"),
    )


def evaluate_readiness(
    settings: ReadinessSettings,
    facts: ReadinessFacts,
    battery: Battery,
    *,
    evaluated_on: dt.date,
    force_unit: str = "N",
    date_format: str = "yyyy-mm-dd",
) -> ReadinessVerdict:
    """Judge every criterion that applies on the latest data and give the overall answer.

    Ready when every applying criterion is met; "Not yet" when any is not met (n counts
    every criterion still open, untested ones included); "Incomplete" when none failed but
    some are not tested. Forces are shown in ``force_unit``. Never raises for missing data:
    a criterion without data is "not tested".
    """
    judge = _Judge(facts, battery, force_unit, date_format)
    results = tuple(judge.criterion(c) for c in settings.applying)
    not_met = sum(r.status is CriterionStatus.NOT_MET for r in results)
    untested = sum(r.status is CriterionStatus.NOT_TESTED for r in results)
    if not_met:
        open_count = not_met + untested
        word = "criterion" if open_count == 1 else "criteria"
        overall, headline = Overall.NOT_YET, f"Not yet ({open_count} {word} open)"
    elif untested:
        word = "criterion" if untested == 1 else "criteria"
        overall, headline = Overall.INCOMPLETE, f"Incomplete ({untested} {word} not tested)"
    else:
        overall, headline = Overall.READY, "Ready to start walk/run"
    return ReadinessVerdict(
        overall, headline, results, settings.version, evaluated_on, judge.rest_pain
    )


class _Judge:
    """Looks up the latest values and words each criterion's figure."""

    def __init__(self, facts: ReadinessFacts, battery: Battery, force_unit: str, fmt: str):
        self.battery = battery
        self.force_unit = force_unit
        self.fmt = fmt
        self.involved = facts.involved_side if facts.involved_side in ("left", "right") else None
        self.sex, self.age = facts.sex, facts.age_years
        self.visits = sorted(facts.visits, key=lambda v: (v.day, v.id))
        order = {v.id: index for index, v in enumerate(self.visits)}
        self.by_id = {v.id: v for v in self.visits}
        self.values = sorted(
            (v for v in facts.values if v.visit_id in order), key=lambda v: order[v.visit_id]
        )
        self.rest_pain: int | None = None

    def criterion(self, c: Criterion) -> CriterionResult:
        rule = {"pain": self._pain, "pass": self._pass}.get(c.rule, self._symmetry)
        status, figure, visits = rule(c)
        shown = [v for v in dict.fromkeys(visits) if v is not None]
        where = "; ".join(self._where(v) for v in shown)
        latest = shown[-1] if shown else None
        return CriterionResult(
            c.code,
            c.title,
            status,
            figure,
            where,
            c.source,
            c.clinic_default,
            latest.id if latest else None,
            latest.day if latest else None,
        )

    # --- lookups ---------------------------------------------------------------------

    def _where(self, visit: ReadinessVisit) -> str:
        return f"{KIND_WORDS.get(visit.kind, visit.kind)}, {format_date(visit.day, self.fmt)}"

    def _latest_by_side(self, code: str) -> dict[str, ReadinessValue]:
        latest: dict[str, ReadinessValue] = {}
        for value in self.values:
            if value.test_code == code:
                latest[value.side] = value
        return latest

    def _sides(self, test: TestDefinition) -> tuple[str, ...]:
        return ("left", "right") if test.bilateral else ("none",)

    def _side_name(self, side: str) -> str:
        name = SIDE_WORDS[side]
        return f"{name} (involved)" if side == self.involved else name

    # --- the rules -------------------------------------------------------------------

    def _pain(self, c: Criterion):
        limit = c.max_pain
        rest_visit = next((v for v in reversed(self.visits) if v.pain_now is not None), None)
        rest = None if rest_visit is None else rest_visit.pain_now
        self.rest_pain = rest
        hop, hop_visit, hop_text = None, None, "with hopping not recorded"
        if c.hop_test and c.hop_test in self.battery:
            latest = self._latest_by_side(c.hop_test)
            pains = [
                v.pain if v.pain is not None else (0 if v.value == 1 else None)
                for v in latest.values()
            ]
            if latest:
                hop_visit = self.by_id[max(latest.values(), key=self._rank).visit_id]
            if pains and None not in pains:
                hop = max(pains)
                hop_text = f"with hopping {hop}/10"
            elif pains:
                hop_text = "with hopping painful, score not recorded"
        rest_text = "at rest not rated" if rest is None else f"at rest {rest}/10"
        figure = f"Pain {rest_text}; {hop_text}"
        known = [p for p in (rest, hop) if p is not None]
        if any(p > limit for p in known):
            status = CriterionStatus.NOT_MET
        elif len(known) == 2:
            status = CriterionStatus.MET
        else:
            status = CriterionStatus.NOT_TESTED
        return (
            status,
            figure,
            sorted(
                (v for v in (rest_visit, hop_visit) if v is not None), key=lambda v: (v.day, v.id)
            ),
        )

    def _rank(self, value: ReadinessValue) -> tuple:
        visit = self.by_id[value.visit_id]
        return (visit.day, visit.id)

    def _pass(self, c: Criterion):
        if c.test_code not in self.battery:
            return CriterionStatus.NOT_TESTED, "The test battery has no such test.", []
        test = self.battery.test(c.test_code)
        latest = self._latest_by_side(test.code)
        labels = {item.code: item.label.lower() for item in test.checklist}
        parts, failed, missing = [], False, False
        for side in self._sides(test):
            value = latest.get(side)
            name = self._side_name(side)
            if value is None:
                missing = True
                parts.append(f"{name} not tested".strip().capitalize())
                continue
            words = ("pass", "fail") if test.checklist else ("yes", "no")
            word = words[0] if value.value == 1 else words[1]
            failed |= value.value != 1
            extras = [labels.get(code, code) for code in value.compensations]
            if value.pain is not None and value.value != 1:
                extras.append(f"pain {value.pain}/10")
            extra = f" ({', '.join(extras)})" if extras else ""
            parts.append(f"{name} {word}{extra}".strip().capitalize())
        if failed:
            status = CriterionStatus.NOT_MET
        else:
            status = CriterionStatus.NOT_TESTED if missing else CriterionStatus.MET
        visits = sorted(
            (self.by_id[v.visit_id] for v in latest.values()), key=lambda v: (v.day, v.id)
        )
        return status, "; ".join(parts), visits

    def _symmetry(self, c: Criterion):
        tests = [self.battery.test(code) for code in c.tests if code in self.battery]
        for visit in reversed(self.visits):
            here = {(v.test_code, v.side): v.value for v in self.values if v.visit_id == visit.id}
            for test in tests:
                sides = {
                    side: here[(test.code, side)]
                    for side in ("left", "right")
                    if (test.code, side) in here
                }
                if len(sides) == 2 or (sides and c.rule == "symmetry_or_norm"):
                    return (*self._judge_pair(c, test, sides), [visit])
        seen = [v for v in self.values if v.test_code in c.tests]
        if seen:
            last = seen[-1]
            text = f"Only the {last.side} side was measured; both sides are needed."
            return CriterionStatus.NOT_TESTED, text, [self.by_id[last.visit_id]]
        return CriterionStatus.NOT_TESTED, "Not measured in this episode yet.", []

    def _judge_pair(self, c: Criterion, test: TestDefinition, sides: dict[str, float]):
        shown = ", ".join(
            f"{self._side_name(s)} {self._value_text(test, v)}" for s, v in sides.items()
        )
        if test.unit == "grade":
            if len(sides) < 2:
                return CriterionStatus.NOT_TESTED, shown
            met = self._pair(sides, test)[0] >= self._pair(sides, test)[1]
            note = " (manual grades; a dynamometer gives the %)"
            status = CriterionStatus.MET if met else CriterionStatus.NOT_MET
            return status, shown + note
        lsi = None
        if len(sides) == 2:
            involved, other = self._pair(sides, test)
            lsi = measures.limb_symmetry_index(involved, other, test.higher_is_better)
        parts = [shown]
        if lsi is not None:
            parts.append(f"symmetry {units.format_number(lsi, 0)}%")
        met = bool(measures.symmetry_met(lsi, c.min_symmetry_pct))
        if c.rule == "symmetry_or_norm":
            norm = measures.heel_raise_norm(self.age, self.sex, test.age_sex_norms or None)
            if norm is not None:
                judged = [
                    sides[s] for s in ([self.involved] if self.involved else sides) if s in sides
                ]
                at_norm = bool(judged) and all(v >= norm for v in judged)
                parts.append(f"norm {units.format_number(norm, 0)} ({self.sex}, {self.age} y)")
                met = met or at_norm
            elif lsi is None:
                return CriterionStatus.NOT_TESTED, shown + "; no norm for this age and sex"
        return (CriterionStatus.MET if met else CriterionStatus.NOT_MET), "; ".join(parts)

    def _pair(self, sides: dict[str, float], test: TestDefinition) -> tuple[float, float]:
        """(involved, uninvolved); weaker over stronger when no single side is involved."""
        if self.involved is not None:
            other = "left" if self.involved == "right" else "right"
            return sides[self.involved], sides[other]
        low, high = sorted(sides.values())
        return (low, high) if test.higher_is_better else (high, low)

    def _value_text(self, test: TestDefinition, value: float) -> str:
        return units.format_measurement(value, test.unit, force_unit=self.force_unit)
