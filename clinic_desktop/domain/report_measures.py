"""The measures and scores tables of a report, read off the episode's progress.

Every figure comes from :func:`clinic_desktop.domain.progress.episode_progress` (the
series the Progress tab draws, their first-to-latest change judged against the MDC, the
limb symmetry index of the assessment grid) and from ``measures`` for % of norm, so the
paper and the screen agree.
"""

from __future__ import annotations

from clinic_desktop.domain import units
from clinic_desktop.domain.assessment import norm_for
from clinic_desktop.domain.battery import Battery
from clinic_desktop.domain.charts import Chart, Series
from clinic_desktop.domain.measures import percent_of_norm
from clinic_desktop.domain.progress import EpisodeProgress, MeasureProgress
from clinic_desktop.domain.progress_measures import MeasureFormat, side_name
from clinic_desktop.domain.report_data import MeasureRow, ScoreRow

NO_SIDE = "—"  # a test with one value, not a side

ONE_VALUE = "measured once"


def measure_rows(
    progress: EpisodeProgress,
    battery: Battery,
    *,
    force_unit: str = "N",
    sex: str | None = None,
    age_years: int | None = None,
) -> tuple[MeasureRow, ...]:
    """One row per side of every test measured in the episode, in the Progress tab's
    order (deficits first)."""
    rows: list[MeasureRow] = []
    for measure in progress.measures:
        rows.extend(_rows_of(measure, battery, force_unit, sex, age_years, progress.involved_side))
    return tuple(rows)


def score_rows(progress: EpisodeProgress) -> tuple[ScoreRow, ...]:
    """Questionnaire totals and pain ratings, first to latest, judged against the MCID."""
    rows = []
    for chart in progress.outcomes:
        rows.extend(_score_rows(chart, chart.series[:1], chart.title))
    if progress.pain is not None:
        now = tuple(s for s in progress.pain.series if s.key == "pain_now")
        rows.extend(_score_rows(progress.pain, now, "Pain now (0-10)"))
    return tuple(rows)


def _rows_of(
    measure: MeasureProgress,
    battery: Battery,
    force_unit: str,
    sex: str | None,
    age_years: int | None,
    involved: str,
) -> list[MeasureRow]:
    test = battery.test(measure.test_code)
    fmt = MeasureFormat(test, force_unit)
    norm, _basis = norm_for(test, sex or "unknown", age_years)
    norm_text = "" if norm is None else fmt.text(norm)
    lsi = ""
    if measure.symmetry is not None and measure.symmetry.latest is not None:
        lsi = measure.symmetry.latest.text
    changes = {c.series_key: c for c in measure.chart.changes}
    keys = [s.key for s in measure.chart.series]
    # The index is printed on the involved side's row, else on the test's first row.
    lsi_key = involved if involved in keys else (keys[0] if keys else "")
    rows = []
    for index, series in enumerate(measure.chart.series):
        first, latest = series.first, series.latest
        if first is None or latest is None:
            continue
        change = changes.get(series.key)
        if change is None:
            change_text, verdict = "", ONE_VALUE
        elif test.unit == "pass_fail":
            change_text, verdict = "", change.phrase
        else:
            stored = change.change
            if test.unit == "N":
                stored = units.convert_force(change.change, force_unit, "N")
            change_text, verdict = fmt.signed(stored), change.phrase
        percent = None
        if test.higher_is_better and norm is not None:
            percent = percent_of_norm(latest.value, fmt.value(norm))
        rows.append(
            MeasureRow(
                test_label=measure.label,
                side=NO_SIDE if series.name == side_name("none", "") else series.name,
                first=first.text,
                latest=latest.text,
                change=change_text,
                verdict=verdict,
                norm=norm_text if index == 0 else "",
                percent_of_norm="" if percent is None else f"{units.format_number(percent, 0)}%",
                lsi=lsi if series.key == lsi_key else "",
                first_of_test=index == 0,
            )
        )
    return rows


def _score_rows(chart: Chart, series: tuple[Series, ...], title: str) -> list[ScoreRow]:
    changes = {c.series_key: c for c in chart.changes}
    rows = []
    for item in series:
        if item.first is None or item.latest is None:
            continue
        change = changes.get(item.key)
        name = title or item.name
        if change is None:
            rows.append(ScoreRow(name, item.first.text, item.latest.text, "", ONE_VALUE))
            continue
        sign = "+" if change.change > 0 else ("−" if change.change < 0 else "±")
        rows.append(
            ScoreRow(
                name,
                item.first.text,
                item.latest.text,
                f"{sign}{units.format_number(abs(change.change), 1)} points",
                change.phrase,
            )
        )
    return rows
