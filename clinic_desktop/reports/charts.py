"""The domain's charts drawn as PDF vector graphics.

Draws a :class:`clinic_desktop.domain.charts.Chart` (the same object the Progress tab
draws) with ReportLab's own graphics. Every series differs from the others by its dash
pattern and marker shape as well as its colour, and bands are light tints, so a chart
printed in black and white reads the same.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from clinic_desktop.domain.charts import BandRole, Chart, LineRole, SeriesRole
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.units import format_number
from clinic_desktop.reports.fonts import report_fonts


@dataclass(frozen=True)
class Pen:
    colour: colors.Color
    dash: tuple[float, ...] | None
    marker: str  # circle, square, triangle, diamond
    width: float = 1.4


_SERIES_PENS = {
    SeriesRole.LEFT: Pen(colors.HexColor("#1f5fa8"), None, "circle"),
    SeriesRole.RIGHT: Pen(colors.HexColor("#b8452a"), (4, 2), "square"),
    SeriesRole.SINGLE: Pen(colors.HexColor("#333333"), None, "diamond"),
    SeriesRole.PAIN_NOW: Pen(colors.HexColor("#b8452a"), None, "circle"),
    SeriesRole.PAIN_WORST: Pen(colors.HexColor("#5a2a82"), (4, 2), "triangle"),
    SeriesRole.PAIN_BEST: Pen(colors.HexColor("#2c7a3f"), (1, 2), "square"),
    SeriesRole.OUTCOME: Pen(colors.HexColor("#1f5fa8"), None, "circle"),
    SeriesRole.LOAD: Pen(colors.HexColor("#333333"), None, "square"),
}
# Symmetry charts hold one series per test: cycle through distinguishable pens.
_CYCLE = (
    Pen(colors.HexColor("#1f5fa8"), None, "circle"),
    Pen(colors.HexColor("#b8452a"), (4, 2), "square"),
    Pen(colors.HexColor("#2c7a3f"), (1, 2), "triangle"),
    Pen(colors.HexColor("#5a2a82"), (6, 2, 1, 2), "diamond"),
    Pen(colors.HexColor("#8a6d00"), (2, 2), "circle"),
    Pen(colors.HexColor("#333333"), (8, 3), "square"),
)
_LINE_PENS = {
    LineRole.NORM: Pen(colors.HexColor("#555555"), (6, 3), "", 0.9),
    LineRole.GOAL: Pen(colors.HexColor("#2c7a3f"), (1.5, 1.5), "", 1.2),
    LineRole.THRESHOLD: Pen(colors.HexColor("#444444"), (5, 2, 1, 2), "", 0.8),
}
_BAND_FILL = {
    BandRole.MDC: colors.Color(0.55, 0.55, 0.55, alpha=0.16),
    BandRole.MCID: colors.Color(0.55, 0.55, 0.55, alpha=0.16),
    BandRole.NORM: colors.Color(0.2, 0.5, 0.3, alpha=0.14),
}
_AXIS = colors.HexColor("#444444")
_GRID = colors.HexColor("#dddddd")
_LEFT, _BOTTOM, _TOP, _RIGHT = 34.0, 16.0, 24.0, 8.0
_LEGEND_ROW = 9.5
_FONT_SIZE = 6.5


def chart_drawing(
    chart: Chart, width: float, plot_height: float, date_format: str = "yyyy-mm-dd"
) -> Drawing:
    """Draw ``chart`` ``width`` points wide with a plot ``plot_height`` high; the
    legend below grows the drawing as it needs."""
    fonts = report_fonts()
    legend = _legend_entries(chart)
    rows = _legend_rows(legend, width - 4, fonts.regular)
    height = _TOP + plot_height + _BOTTOM + len(rows) * _LEGEND_ROW + 2
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 10, chart.title, fontName=fonts.bold, fontSize=8))
    x0, y0 = _LEFT, len(rows) * _LEGEND_ROW + 2 + _BOTTOM
    plot_w, plot_h = width - _LEFT - _RIGHT, plot_height
    days = chart.days
    if not days:
        return drawing
    low, high = _value_range(chart)
    first_day = days[0]
    span_days = max((days[-1] - first_day).days, 1)

    def x_of(day) -> float:
        if len(days) == 1:
            return x0 + plot_w / 2
        return x0 + (day - first_day).days / span_days * plot_w

    def y_of(value: float) -> float:
        return y0 + (value - low) / (high - low) * plot_h

    for band in chart.bands:
        bottom, top = y_of(max(band.low, low)), y_of(min(band.high, high))
        if top > bottom:
            fill = _BAND_FILL.get(band.role, _BAND_FILL[BandRole.MDC])
            drawing.add(Rect(x0, bottom, plot_w, top - bottom, fillColor=fill, strokeColor=None))
    for value, label in _value_ticks(chart, low, high):
        y = y_of(value)
        drawing.add(Line(x0, y, x0 + plot_w, y, strokeColor=_GRID, strokeWidth=0.4))
        drawing.add(
            String(
                x0 - 3, y - 2, label, fontName=fonts.regular, fontSize=_FONT_SIZE, textAnchor="end"
            )
        )
    drawing.add(Line(x0, y0, x0, y0 + plot_h, strokeColor=_AXIS, strokeWidth=0.6))
    drawing.add(Line(x0, y0, x0 + plot_w, y0, strokeColor=_AXIS, strokeWidth=0.6))
    drawing.add(
        String(x0, y0 + plot_h + 2, chart.unit, fontName=fonts.italic, fontSize=_FONT_SIZE - 0.5)
    )
    for day in days:
        drawing.add(Line(x_of(day), y0, x_of(day), y0 - 2.5, strokeColor=_AXIS, strokeWidth=0.5))
    labelled = [days[0]] if len(days) == 1 else [days[0], days[-1]]
    for index, day in enumerate(labelled):
        anchor = "middle" if len(labelled) == 1 else ("start" if index == 0 else "end")
        drawing.add(
            String(
                x_of(day),
                y0 - 10,
                format_date(day, date_format),
                fontName=fonts.regular,
                fontSize=_FONT_SIZE,
                textAnchor=anchor,
            )
        )
    for line in chart.lines:
        if low <= line.value <= high:
            pen = _LINE_PENS[line.role]
            y = y_of(line.value)
            drawing.add(
                Line(
                    x0,
                    y,
                    x0 + plot_w,
                    y,
                    strokeColor=pen.colour,
                    strokeWidth=pen.width,
                    strokeDashArray=pen.dash,
                )
            )
    for series, pen in zip(chart.series, _series_pens(chart), strict=True):
        points = [(x_of(p.day), y_of(min(max(p.value, low), high))) for p in series.points]
        if len(points) > 1:
            drawing.add(
                PolyLine(
                    [c for xy in points for c in xy],
                    strokeColor=pen.colour,
                    strokeWidth=pen.width,
                    strokeDashArray=pen.dash,
                )
            )
        for x, y in points:
            drawing.add(_marker(pen, x, y, 2.2))
    _draw_legend(drawing, rows, fonts.regular)
    return drawing


def _series_pens(chart: Chart) -> list[Pen]:
    pens, cycled = [], 0
    for series in chart.series:
        if series.role is SeriesRole.SYMMETRY or series.role not in _SERIES_PENS:
            pens.append(_CYCLE[cycled % len(_CYCLE)])
            cycled += 1
        else:
            pens.append(_SERIES_PENS[series.role])
    return pens


def _legend_entries(chart: Chart) -> list[tuple[str, Pen | None, colors.Color | None]]:
    entries: list[tuple[str, Pen | None, colors.Color | None]] = [
        (s.name, pen, None) for s, pen in zip(chart.series, _series_pens(chart), strict=True)
    ]
    entries += [(line.label, _LINE_PENS[line.role], None) for line in chart.lines]
    seen = set()
    for band in chart.bands:
        label = "Shaded: first value ± MDC" if band.role is BandRole.MDC else band.label
        if band.role is BandRole.MCID:
            label = "Shaded: first value ± MCID"
        if label not in seen:
            seen.add(label)
            entries.append((label, None, _BAND_FILL.get(band.role)))
    return entries


def _legend_rows(entries, width: float, font: str) -> list[list[tuple[float, tuple]]]:
    rows: list[list[tuple[float, tuple]]] = [[]]
    x = 0.0
    for entry in entries:
        item_w = 16 + stringWidth(entry[0], font, _FONT_SIZE) + 8
        if x > 0 and x + item_w > width:
            rows.append([])
            x = 0.0
        rows[-1].append((x, entry))
        x += item_w
    return rows if rows[0] else []


def _draw_legend(drawing: Drawing, rows, font: str) -> None:
    for index, row in enumerate(rows):
        y = (len(rows) - 1 - index) * _LEGEND_ROW + 3
        for x, (label, pen, fill) in row:
            if fill is not None:
                drawing.add(Rect(x, y - 1, 12, 6, fillColor=fill, strokeColor=None))
            elif pen is not None:
                drawing.add(
                    Line(
                        x,
                        y + 2,
                        x + 12,
                        y + 2,
                        strokeColor=pen.colour,
                        strokeWidth=pen.width,
                        strokeDashArray=pen.dash,
                    )
                )
                if pen.marker:
                    drawing.add(_marker(pen, x + 6, y + 2, 2.0))
            drawing.add(String(x + 15, y, label, fontName=font, fontSize=_FONT_SIZE))


def _marker(pen: Pen, x: float, y: float, r: float):
    style = {"fillColor": pen.colour, "strokeColor": pen.colour, "strokeWidth": 0.5}
    if pen.marker == "square":
        return Rect(x - r, y - r, 2 * r, 2 * r, **style)
    if pen.marker == "triangle":
        return Polygon([x - r, y - r, x + r, y - r, x, y + r * 1.2], **style)
    if pen.marker == "diamond":
        return Polygon([x, y - r * 1.3, x + r, y, x, y + r * 1.3, x - r, y], **style)
    return Circle(x, y, r, **style)


def _value_range(chart: Chart) -> tuple[float, float]:
    if chart.value_range is not None:
        return chart.value_range
    values = [p.value for s in chart.series for p in s.points]
    values += [line.value for line in chart.lines]
    values += [v for band in chart.bands for v in (band.low, band.high)]
    low, high = min(values), max(values)
    if math.isclose(low, high):
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    step = _nice_step((high - low) / 4)
    return math.floor(low / step) * step, math.ceil(high / step) * step


def _value_ticks(chart: Chart, low: float, high: float) -> Sequence[tuple[float, str]]:
    if chart.ticks:
        named = [(v, label) for v, label in chart.ticks if low <= v <= high]
        every = max(1, len(named) // 5)
        return named[::every]
    step = _nice_step((high - low) / 4)
    ticks, value = [], math.ceil(low / step) * step
    while value <= high + step * 1e-6:
        ticks.append((value, format_number(value, 1)))
        value += step
    return ticks


def _nice_step(raw: float) -> float:
    if raw <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude
