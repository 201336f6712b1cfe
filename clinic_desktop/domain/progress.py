"""Progress over an episode of care: every measure, symmetry, pain and questionnaire totals.

:func:`episode_progress` is the one place that turns an episode's records into chart
series, reference lines and bands, verdicts and deficits. The Progress tab draws its
result and the progress and discharge reports print the same result, so the screen and
the paper never disagree. Inputs are plain values (no database rows); values are returned
in the clinic's display units.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from clinic_desktop.domain.assessment import DEFAULT_SYMMETRY_THRESHOLD
from clinic_desktop.domain.battery import Battery
from clinic_desktop.domain.charts import (
    Chart,
    ChartKind,
    LineRole,
    ReferenceLine,
)
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.episode_records import (
    GoalTarget,
    MeasuredValue,
    OutcomeTotal,
    VisitRecord,
)
from clinic_desktop.domain.measure_chart import (
    MeasureProgress,
    SideGoal,
    SideValue,
    measure_progress,
)
from clinic_desktop.domain.outcomes import Instrument
from clinic_desktop.domain.progress_measures import DeficitStatus, PatientFacts, VisitFacts
from clinic_desktop.domain.scale_charts import outcome_charts, pain_chart, pain_scale

__all__ = [
    "DeficitStatus",
    "EpisodeChoice",
    "EpisodeProgress",
    "GoalTarget",
    "MeasureProgress",
    "MeasuredValue",
    "OutcomeTotal",
    "PatientProgress",
    "ProgressState",
    "VisitRecord",
    "empty_progress",
    "episode_progress",
    "pain_scale",
]

VISIT_KIND_WORDS = {
    "initial": "initial evaluation",
    "follow_up": "follow-up",
    "re_evaluation": "re-evaluation",
    "discharge": "discharge",
}


# --- results -------------------------------------------------------------------------------


class ProgressState(StrEnum):
    NO_VISITS = "no_visits"  # nothing attended yet
    NO_DATA = "no_data"  # visits, but no value recorded at any
    ONE_VISIT = "one_visit"  # values from a single visit: a baseline, no change yet
    READY = "ready"


@dataclass(frozen=True)
class VisitMark:
    id: int
    day: dt.date
    kind: str


@dataclass(frozen=True)
class EpisodeProgress:
    """Everything the Progress tab and the reports show for one episode.

    ``measures`` come deficits first: those still short at the latest visit (largest
    shortfall first), then those short only at the first, then the rest in battery order.
    ``message`` says, for every state but READY, what to do next.
    """

    state: ProgressState
    message: str
    involved_side: str = "none"
    visits: tuple[VisitMark, ...] = ()
    measures: tuple[MeasureProgress, ...] = ()
    symmetry: Chart | None = None
    pain: Chart | None = None
    outcomes: tuple[Chart, ...] = ()

    def measure(self, key: str) -> MeasureProgress:
        """Return the measure with ``key`` ("hip_flexion/active"); raises ``KeyError``."""
        for measure in self.measures:
            if measure.key == key:
                return measure
        raise KeyError(key)

    def symmetry_for(self, keys: Iterable[str]) -> Chart | None:
        """The symmetry chart with only the named measures' series; ``None`` if none has one."""
        if self.symmetry is None:
            return None
        wanted = frozenset(keys) & {s.key for s in self.symmetry.series}
        return self.symmetry.only(wanted) if wanted else None

    @property
    def charts(self) -> tuple[Chart, ...]:
        """Every chart: measures, symmetry, pain, questionnaires (for a report)."""
        extra = tuple(c for c in (self.symmetry, self.pain) if c is not None)
        return tuple(m.chart for m in self.measures) + extra + self.outcomes


@dataclass(frozen=True)
class EpisodeChoice:
    """An episode of the patient, as the episode picker names it."""

    id: int
    title: str
    status: str
    side: str


@dataclass(frozen=True)
class PatientProgress:
    """A patient's episodes and the progress of the one shown (``episode_id``)."""

    patient_id: int
    episodes: tuple[EpisodeChoice, ...]
    episode_id: int | None
    progress: EpisodeProgress


def empty_progress(message: str) -> EpisodeProgress:
    """Progress for a patient with nothing to chart, with the sentence to show instead."""
    return EpisodeProgress(ProgressState.NO_VISITS, message)


# --- the computation -----------------------------------------------------------------------


def episode_progress(
    visits: Sequence[VisitRecord],
    measurements: Iterable[MeasuredValue],
    battery: Battery,
    involved_side: str = "none",
    outcomes: Iterable[OutcomeTotal] = (),
    instruments: Mapping[str, Instrument] | None = None,
    goals: Sequence[GoalTarget] = (),
    *,
    force_unit: str = "N",
    age_years: int | None = None,
    sex: str | None = None,
    date_format: str = "yyyy-mm-dd",
) -> EpisodeProgress:
    """Compute every chart of an episode from its records.

    ``involved_side`` is the episode's side ("left", "right", "both", "none"): it names
    the series ("Right (involved)") and orients the limb symmetry index (involved over
    uninvolved; weaker over stronger when no single side is involved). Measurements of
    visits not in ``visits`` or not attended, and of tests the battery does not know, are
    left out. ``instruments`` maps questionnaire ids to their definitions (totals of an
    unknown questionnaire are left out). ``age_years`` and ``sex`` pick an age-and-sex norm
    (heel raises). Forces are shown in ``force_unit``; dates in sentences use
    ``date_format``. Never raises for missing values: what cannot be computed is absent.
    """
    attended = sorted(
        (v for v in visits if v.attendance == "attended"), key=lambda v: (v.day, v.id)
    )
    if not attended:
        return empty_progress(
            "No attended visits in this episode yet. Record the initial evaluation in the "
            "Assessment tab; its measurements, pain and questionnaires are charted here."
        )
    facts = {v.id: VisitFacts(v.id, v.day, v.kind, v.therapist_id) for v in attended}
    order = {v.id: index for index, v in enumerate(attended)}
    grouped: dict[tuple[str, str], list[SideValue]] = defaultdict(list)
    for m in measurements:
        if m.visit_id in facts and m.test_code in battery:
            grouped[(m.test_code, m.mode)].append(
                SideValue(facts[m.visit_id], m.side, m.value, m.painful, m.compensations)
            )
    modes_of: dict[str, set[str]] = defaultdict(set)
    for code, mode in grouped:
        modes_of[code].add(mode)
    threshold = battery.thresholds.get(DEFAULT_SYMMETRY_THRESHOLD)
    patient = PatientFacts(involved_side, sex or "unknown", age_years)
    measures = [
        measure_progress(
            battery.test(code),
            mode,
            sorted(values, key=lambda v: (order[v.visit.id], v.side)),
            patient,
            battery,
            [
                SideGoal(g.side, g.value, g.text)
                for g in goals
                if g.test_code == code and g.value is not None
            ],
            symmetry_threshold_pct=90.0 if threshold is None else threshold.value,
            both_modes=len(modes_of[code]) > 1,
            force_unit=force_unit,
            date_format=date_format,
        )
        for (code, mode), values in grouped.items()
    ]
    battery_order = {test.code: index for index, test in enumerate(battery.tests)}
    rank = {DeficitStatus.NOW: 0, DeficitStatus.RESOLVED: 1}
    measures.sort(
        key=lambda m: (
            rank.get(m.deficit, 2),
            -m.shortfall_pct if m.deficit in rank else 0.0,
            battery_order[m.test_code],
            m.mode != "active",
        )
    )
    pain = pain_chart(attended, date_format)
    outcomes_drawn = outcome_charts(
        attended, outcomes, instruments or {}, goals, facts, date_format
    )
    symmetry = _symmetry_chart(measures, battery)
    with_data = {p.visit_id for c in [m.chart for m in measures] for s in c.series
                 for p in s.points}  # fmt: skip
    for chart in (pain, *outcomes_drawn):
        if chart is not None:
            with_data |= {p.visit_id for s in chart.series for p in s.points}
    state, message = _state(attended, with_data, date_format)
    return EpisodeProgress(
        state=state,
        message=message,
        involved_side=involved_side,
        visits=tuple(VisitMark(v.id, v.day, v.kind) for v in attended),
        measures=tuple(measures),
        symmetry=symmetry,
        pain=pain,
        outcomes=outcomes_drawn,
    )


def _state(
    attended: Sequence[VisitRecord], with_data: set[int | None], date_format: str
) -> tuple[ProgressState, str]:
    if not with_data:
        return ProgressState.NO_DATA, (
            "The visits of this episode have no measurements, pain ratings or questionnaires "
            "yet. Enter them in the Assessment tab and they are charted here."
        )
    if len(with_data) == 1:
        visit = next(v for v in attended if v.id in with_data)
        kind = VISIT_KIND_WORDS.get(visit.kind, visit.kind)
        return ProgressState.ONE_VISIT, (
            f"Only one visit has values so far ({kind}, {format_date(visit.day, date_format)})"
            ": they are the baseline. Measure again at the next visit to see the change."
        )
    return ProgressState.READY, ""


def _symmetry_chart(measures: Sequence[MeasureProgress], battery: Battery) -> Chart | None:
    series = tuple(m.symmetry for m in measures if m.symmetry is not None)
    if not series:
        return None
    lines = []
    for code, what in (
        ("symmetry_running_pct", "return to running"),
        ("symmetry_sport_pct", "return to sport"),
    ):
        if code in battery.thresholds:
            figure = battery.thresholds[code]
            label = f"{figure.value:g}%: {what}"
            lines.append(ReferenceLine(figure.value, label, LineRole.THRESHOLD, figure.source))
    return Chart(
        key="symmetry",
        kind=ChartKind.SYMMETRY,
        title="Limb symmetry index",
        unit="%",
        series=series,
        lines=tuple(lines),
    )
