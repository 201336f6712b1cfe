"""Charts of the patient's own ratings: pain 0-10 per visit and questionnaire totals.

Each is judged against its minimal clinically important difference (MCID) from the first
value, by :func:`clinic_desktop.domain.outcomes.change_vs_mcid`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

from clinic_desktop.domain.charts import (
    BandRole,
    ChangeSummary,
    Chart,
    ChartKind,
    ChartPoint,
    LineRole,
    ReferenceBand,
    ReferenceLine,
    Series,
    SeriesRole,
)
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.episode_records import GoalTarget, OutcomeTotal, VisitRecord
from clinic_desktop.domain.outcomes import Instrument, change_vs_mcid, instrument_from_data
from clinic_desktop.domain.progress_measures import VisitFacts
from clinic_desktop.domain.resources import load_json_resource


@cache
def pain_scale() -> Instrument:
    """The 0-10 pain rating's figures (MCID 2 points), read from ``pain_rating.json``."""
    return instrument_from_data(load_json_resource("pain_rating.json"))


def _mcid_band(first: ChartPoint, instrument: Instrument, key: str) -> ReferenceBand | None:
    if instrument.mcid is None:
        return None
    mcid = instrument.mcid.value
    unconfirmed = "" if instrument.mcid.confirmed else ", unconfirmed"
    return ReferenceBand(
        max(instrument.total_min, first.value - mcid),
        min(instrument.total_max, first.value + mcid),
        f"First value ± MCID {mcid:g} points{unconfirmed}",
        BandRole.MCID,
        instrument.mcid.source,
        key,
    )


def _mcid_change(series: Series, instrument: Instrument, date_format: str) -> ChangeSummary:
    first, latest = series.points[0], series.points[-1]
    since = f"{first.text} on {format_date(first.day, date_format)} → {latest.text}"
    if instrument.mcid is None:
        return ChangeSummary(
            series.key, first, latest, latest.value - first.value, None, "no MCID on file",
            f"{series.name}: {since}; no MCID is on file, so no verdict.",
        )  # fmt: skip
    change = change_vs_mcid(first.value, latest.value, instrument)
    phrase = {"improved": "improved by at least the MCID", "worse": "worse by at least the MCID"}
    return ChangeSummary(
        series.key,
        first,
        latest,
        change.change,
        str(change.verdict),
        phrase.get(str(change.verdict), "within the MCID"),
        f"{series.name}: {since}. {change.explanation}",
    )


def pain_chart(attended: Sequence[VisitRecord], date_format: str) -> Chart | None:
    scale = pain_scale()
    series = []
    for field, role, name in (
        ("pain_now", SeriesRole.PAIN_NOW, "Pain now"),
        ("pain_worst", SeriesRole.PAIN_WORST, "Worst pain"),
        ("pain_best", SeriesRole.PAIN_BEST, "Least pain"),
    ):
        points = tuple(
            ChartPoint(v.day, float(rating), f"{rating}/10", v.id, v.kind)
            for v in attended
            if (rating := getattr(v, field)) is not None
        )
        if points:
            series.append(Series(field, name, role, points))
    if not series:
        return None
    now = series[0] if series[0].key == "pain_now" else None
    bands, changes = (), ()
    if now is not None:
        band = _mcid_band(now.points[0], scale, now.key)
        bands = (band,) if band is not None else ()
        if len(now.points) > 1:
            changes = (_mcid_change(now, scale, date_format),)
    return Chart(
        key="pain",
        kind=ChartKind.PAIN,
        title="Pain (0-10)",
        unit="pain 0-10",
        series=tuple(series),
        bands=bands,
        changes=changes,
        value_range=(0.0, 10.0),
        notice=_single_visit_notice(series[0], "Pain", date_format),
    )


def outcome_charts(
    attended: Sequence[VisitRecord],
    outcomes: Iterable[OutcomeTotal],
    instruments: Mapping[str, Instrument],
    goals: Sequence[GoalTarget],
    facts: Mapping[int, VisitFacts],
    date_format: str,
) -> tuple[Chart, ...]:
    by_instrument: dict[str, list[OutcomeTotal]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.visit_id in facts and outcome.total is not None:
            by_instrument[outcome.instrument_id].append(outcome)
    order = {v.id: index for index, v in enumerate(attended)}
    charts = []
    for instrument_id in sorted(by_instrument, key=lambda i: (i != "lefs", i)):
        instrument = instruments.get(instrument_id)
        if instrument is None:
            continue
        totals = sorted(by_instrument[instrument_id], key=lambda o: order[o.visit_id])
        points = tuple(
            ChartPoint(
                facts[o.visit_id].day,
                o.total,
                f"{o.total:g} of {instrument.total_max}",
                o.visit_id,
                facts[o.visit_id].kind,
                o.note,
            )
            for o in totals
        )
        series = Series(instrument_id, instrument.short_name, SeriesRole.OUTCOME, points)
        band = _mcid_band(points[0], instrument, instrument_id)
        lines = tuple(
            ReferenceLine(g.value, f"Goal {g.value:g} points", LineRole.GOAL, g.text, instrument_id)
            for g in goals
            if g.instrument_id == instrument_id and g.value is not None
        )
        better = "higher" if instrument.higher_is_better else "lower"
        charts.append(
            Chart(
                key=f"outcome:{instrument_id}",
                kind=ChartKind.OUTCOME,
                title=f"{instrument.name} ({better} is better)",
                unit="points",
                series=(series,),
                lines=lines,
                bands=(band,) if band is not None else (),
                changes=(_mcid_change(series, instrument, date_format),) if len(points) > 1 else (),
                value_range=(float(instrument.total_min), float(instrument.total_max)),
                notice=_single_visit_notice(series, instrument.short_name, date_format),
            )
        )
    return tuple(charts)


def _single_visit_notice(series: Series, what: str, date_format: str) -> str:
    if len({p.day for p in series.points}) != 1:
        return ""
    day = format_date(series.points[0].day, date_format)
    return f"{what} was recorded at one visit only ({day}). Record it again to see the change."
