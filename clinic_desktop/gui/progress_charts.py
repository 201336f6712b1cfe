"""Drawing domain charts with pyqtgraph: one plot per chart, items made once and reused.

A :class:`ChartView` draws any :class:`~clinic_desktop.domain.charts.Chart` (a measure,
symmetry, pain, a questionnaire, or running load later) into one plot. It keeps its
curves, lines and bands and updates them with ``setData``, so showing another patient
never rebuilds a widget. A :class:`ChartBoard` holds several views in one scene and turns
the pointer into hover texts and clicked points.

This module imports pyqtgraph; the Progress tab imports it only when first shown.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import QToolTip

from clinic_desktop.domain.charts import BandRole, Chart, ChartPoint, LineRole, Series
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.patients import VISIT_KIND_LABELS
from clinic_desktop.gui.chart_style import BAND_FILLS, GRID_GREY, INK, LINE_STYLES, series_style

HIT_RADIUS_PX = 12.0
_NOTHING = object()
_LABEL_FILL = (255, 255, 255, 200)  # labels stay legible over a curve
# Axis units as a small chart writes them.
SHORT_UNITS = {
    "degrees": "deg", "repetitions": "reps", "seconds": "s", "Kendall grade": "grade",
    "pass / fail": "",
}  # fmt: skip
_DAY_S = 86400.0


def day_to_x(day: dt.date) -> float:
    """The x coordinate of a date: its local noon as a Unix time (what DateAxisItem reads)."""
    return dt.datetime.combine(day, dt.time(12)).timestamp()


def describe(series: Series, point: ChartPoint, date_format: str) -> str:
    """The hover text: "Right (involved): 142 N (painful)", then date and visit kind."""
    note = f" ({point.note})" if point.note else ""
    when = format_date(point.day, date_format)
    kind = VISIT_KIND_LABELS.get(point.visit_kind, point.visit_kind)
    visit = f" · {kind}" if kind else ""
    return f"{series.name}: {point.text}{note}\n{when}{visit}"


def date_ticks(
    days: Sequence[dt.date], most: int, with_year: bool = True
) -> list[tuple[float, str]]:
    """Ticks at visit dates ("5 Jul"), at most ``most`` of them spread evenly; the first
    also names the year."""
    if not days:
        return []
    if len(days) > most:
        step = (len(days) - 1) / (most - 1)
        days = [days[round(i * step)] for i in range(most)]
    ticks = [(day_to_x(day), f"{day.day} {day:%b}") for day in days]
    if with_year:
        ticks[0] = (ticks[0][0], f"{ticks[0][1]} {days[0].year}")
    return ticks


def scale_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """About five round ticks across a scale's full range (0-10 pain, 0-80 LEFS)."""
    raw = (high - low) / 5
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = int((high - low) / step + 1e-9)
    return [(low + i * step, f"{low + i * step:g}") for i in range(count + 1)]


def _colour(hex_colour: str, alpha: int = 255) -> QColor:
    colour = QColor(hex_colour)
    colour.setAlpha(alpha)
    return colour


def _label_text(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")  # InfLineLabel formats its text


class ChartView:
    """One plot showing one domain chart (or nothing, hidden)."""

    def __init__(self, plot: pg.PlotItem, compact: bool = False) -> None:
        self.plot = plot
        self.compact = compact
        self.chart: Chart | None = None
        self.curves: list[pg.PlotDataItem] = []
        self.lines: list[pg.InfiniteLine] = []
        self.line_labels: list[pg.InfLineLabel] = []
        self.bands: list[pg.LinearRegionItem] = []
        self.band_labels: list[pg.InfLineLabel] = []
        self._shown: list[tuple[pg.PlotDataItem, Series]] = []
        self._drawn: dict[str, object] = {}
        if compact:
            # Small charts take the size the grid gives them, however long their title.
            plot.setMinimumSize(150, 120)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setPen(pg.mkPen(INK))
            axis.setTextPen(pg.mkPen(INK))
            axis.enableAutoSIPrefix(False)  # 780 N stays 780 N, never "0.78 kN"
        self.legend = None
        if not compact:
            self.legend = plot.addLegend(
                offset=(8, 4), brush=_colour("#FFFFFF", 230), labelTextColor=INK,
                labelTextSize="10pt",
            )  # fmt: skip

    # --- drawing -----------------------------------------------------------------------

    def _changed(self, what: str, value: object) -> bool:
        """Whether ``what`` differs from what is drawn; remembers ``value``. Redrawing only
        what changed keeps switching patients quick (each Qt call costs)."""
        if self._drawn.get(what, _NOTHING) == value:
            return False
        self._drawn[what] = value
        return True

    def set_chart(self, chart: Chart | None, title: str | None = None) -> None:
        """Draw ``chart`` (``None`` hides the plot), reusing the existing items.

        ``title`` replaces the chart's own title (rich text allowed).
        """
        self.chart = chart
        if self._changed("visible", chart is not None):
            self.plot.setVisible(chart is not None)
        if chart is None:
            return
        title = chart.title if title is None else title
        if self._changed("title", title):
            self.plot.setTitle(title, color=INK, size="9pt" if self.compact else "11pt")
        unit = chart.unit
        if self.compact:  # named ticks (grades, pass/fail) say the unit themselves
            unit = "" if chart.ticks else SHORT_UNITS.get(chart.unit, chart.unit)
        if self._changed("unit", unit):
            self.plot.setLabel("left", unit, color=INK)
        self._draw_series(chart)
        self._draw_lines(chart)
        self._draw_bands(chart)
        self._set_ranges(chart)

    def _draw_series(self, chart: Chart) -> None:
        while len(self.curves) < len(chart.series):
            # Clinical values never reach the magnitudes the range limit guards against;
            # without it a change of range does not redo every curve.
            curve = pg.PlotDataItem(dynamicRangeLimit=None)
            self.plot.addItem(curve)
            self.curves.append(curve)
        names = tuple((s.name, s.role, i) for i, s in enumerate(chart.series))
        legend_changed = self._changed("legend", names)
        if self.legend is not None and legend_changed:
            self.legend.clear()
        self._shown = []
        for index, curve in enumerate(self.curves):
            if index >= len(chart.series):
                if self._changed(f"curve{index}", None):
                    curve.setData([], [])
                    curve.setVisible(False)
                continue
            series = chart.series[index]
            style = series_style(series.role, index)
            if self._changed(f"style{index}", style):
                self._style_curve(curve, style)
            data = (series.days, series.values)
            if self._changed(f"curve{index}", data):
                curve.setData([day_to_x(day) for day in series.days], list(series.values))
                curve.setVisible(True)
            self._shown.append((curve, series))
            if self.legend is not None and legend_changed:
                self.legend.addItem(curve, series.name)

    def _style_curve(self, curve: pg.PlotDataItem, style) -> None:
        width = 1.6 if self.compact else 2.4
        curve.setPen(pg.mkPen(style.colour, width=width, style=style.line))
        curve.setSymbol(style.symbol)
        curve.setSymbolSize(7 if self.compact else 10)
        curve.setSymbolPen(pg.mkPen(style.colour, width=2))
        curve.setSymbolBrush(pg.mkBrush(style.colour if style.filled else "#FFFFFF"))

    def _draw_lines(self, chart: Chart) -> None:
        while len(self.lines) < len(chart.lines):
            line = pg.InfiniteLine(angle=0, movable=False)
            label = pg.InfLineLabel(
                line, "", position=0.98, anchors=[(1, 1), (1, 1)], color=INK, fill=_LABEL_FILL
            )
            self.plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
            self.line_labels.append(label)
        if not self._changed("lines", chart.lines):
            return
        for index, line in enumerate(self.lines):
            if index >= len(chart.lines):
                line.setVisible(False)
                continue
            reference = chart.lines[index]
            style = LINE_STYLES[reference.role]
            line.setPen(pg.mkPen(style.colour, width=style.width, style=style.line))
            line.setValue(reference.value)
            line.setToolTip(f"{reference.label}\n{reference.source}".strip())
            label = self.line_labels[index]
            label.setVisible(not self.compact)
            # Norm labels sit at the left end, goals and thresholds at the right end.
            left = reference.role is LineRole.NORM
            label.anchors = [(0, 1), (0, 1)] if left else [(1, 1), (1, 1)]
            label.setPosition(0.02 if left else 0.98)
            label.setFormat(_label_text(reference.label))
            line.setVisible(True)

    def _draw_bands(self, chart: Chart) -> None:
        # A small chart keeps only the norm: error bands around each side would hide it.
        shown = [b for b in chart.bands if not self.compact or b.role is BandRole.NORM]
        while len(self.bands) < len(shown):
            band = pg.LinearRegionItem(orientation="horizontal", movable=False)
            band.setZValue(-20)
            for edge in band.lines:
                edge.setPen(pg.mkPen(None))
            label = pg.InfLineLabel(
                band.lines[1], "", position=0.5, anchors=[(0.5, 1), (0.5, 1)], color="#333333"
            )
            self.plot.addItem(band, ignoreBounds=True)
            self.bands.append(band)
            self.band_labels.append(label)
        colours = {s.key: series_style(s.role, i).colour for i, s in enumerate(chart.series)}
        if not self._changed("bands", (tuple(shown), tuple(colours.items()))):
            return
        for index, band in enumerate(self.bands):
            if index >= len(shown):
                band.setVisible(False)
                continue
            reference = shown[index]
            colour, alpha = BAND_FILLS[reference.role]
            colour = colour or colours.get(reference.series_key or "", GRID_GREY)
            band.setBrush(pg.mkBrush(_colour(colour, alpha)))
            band.setRegion((reference.low, reference.high))
            band.setToolTip(f"{reference.label}\n{reference.source}".strip())
            label = self.band_labels[index]
            label.setVisible(not self.compact)
            label.setFormat(_label_text(reference.label))
            band.setVisible(True)

    def _set_ranges(self, chart: Chart) -> None:
        days = chart.days
        x_range = None
        if days:
            first, last = day_to_x(days[0]), day_to_x(days[-1])
            # Room at both ends for the first and the last date label.
            pad = max((last - first) * (0.09 if self.compact else 0.06), 4 * _DAY_S)
            x_range = (first - pad, last + pad)
        most = 4 if self.compact else 10
        ticks = date_ticks(days, most, not self.compact)
        if self._changed("x ticks", ticks):
            self.plot.getAxis("bottom").setTicks([ticks])
        if chart.value_range is not None:
            low, high = chart.value_range
        else:
            values = [v for s in chart.series for v in s.values]
            values += [line.value for line in chart.lines]
            values += [v for band in chart.bands for v in (band.low, band.high)]
            values = [v for v in values if math.isfinite(v)]
            low, high = (min(values), max(values)) if values else (0.0, 1.0)
        span = (high - low) or max(abs(high), 1.0)
        top = 0.08
        if self.legend is not None and chart.series:
            # Room above the data for the legend: one row per two or three names.
            columns = 2 if max(len(s.name) for s in chart.series) > 24 else 3
            if self._changed("legend columns", columns):
                self.legend.setColumnCount(columns)
            rows = -(-len(chart.series) // columns)
            top = 0.12 + 0.1 * rows
        y_range = (low - span * 0.08, high + span * top)
        if self._changed("ranges", (x_range, y_range)):
            self.plot.vb.setRange(xRange=x_range, yRange=y_range, padding=0)
        if chart.ticks:
            step = 2 if self.compact and len(chart.ticks) > 4 else 1
            y_ticks = [[t for i, t in enumerate(chart.ticks) if i % step == 0]]
        elif chart.value_range is not None:
            y_ticks = [scale_ticks(low, high)]
        else:
            y_ticks = None
        if self._changed("y ticks", y_ticks):
            self.plot.getAxis("left").setTicks(y_ticks)

    # --- finding points ------------------------------------------------------------------

    def contains(self, scene_pos: QPointF) -> bool:
        return self.plot.isVisible() and self.plot.vb.sceneBoundingRect().contains(scene_pos)

    def point_scene_pos(self, series_key: str, index: int) -> QPointF:
        """Where a point is drawn, in scene coordinates (for keyboard focus and tests)."""
        for _curve, series in self._shown:
            if series.key == series_key:
                point = series.points[index]
                return self.plot.vb.mapViewToScene(QPointF(day_to_x(point.day), point.value))
        raise KeyError(series_key)

    def point_near(
        self, scene_pos: QPointF, radius_px: float = HIT_RADIUS_PX
    ) -> tuple[Series, ChartPoint] | None:
        """The drawn point nearest ``scene_pos`` within ``radius_px`` pixels, if any."""
        best, best_distance = None, radius_px
        view = self.plot.vb
        for _curve, series in self._shown:
            for point in series.points:
                at = view.mapViewToScene(QPointF(day_to_x(point.day), point.value))
                distance = math.hypot(at.x() - scene_pos.x(), at.y() - scene_pos.y())
                if distance <= best_distance:
                    best, best_distance = (series, point), distance
        return best


class ChartBoard(pg.GraphicsLayoutWidget):
    """Several chart views in one scene, with hover texts and clickable points."""

    point_clicked = Signal(object, object)  # (ChartView, ChartPoint)
    chart_clicked = Signal(object)  # ChartView clicked away from any point
    point_hovered = Signal(str)  # the hover text, "" when the pointer leaves the points

    def __init__(
        self,
        columns: int = 1,
        compact: bool = False,
        parent=None,
        *,
        column_px: int | None = None,
        row_px: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.columns = columns
        self.compact = compact
        #: With ``column_px`` the number of columns follows the width; with ``row_px`` the
        #: board is as tall as its rows (for a scroll area).
        self.column_px = column_px
        self.row_px = row_px
        self.date_format = "yyyy-mm-dd"
        self.views: list[ChartView] = []
        self._placed: list[ChartView] = []
        self._placed_columns = columns
        self.ci.setSpacing(6)
        self.scene().sigMouseMoved.connect(self._moved)
        self.scene().sigMouseClicked.connect(self._clicked)

    def show_charts(self, charts: Sequence[Chart], titles: Sequence[str] | None = None) -> None:
        """Show ``charts`` in grid order, with ``titles`` in place of their own if given.

        Views are made only when there have never been enough; views beyond ``charts``
        leave the grid (and are kept for later).
        """
        while len(self.views) < len(charts):
            plot = pg.PlotItem(axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
            self.views.append(ChartView(plot, self.compact))
        for index, view in enumerate(self.views):
            chart = charts[index] if index < len(charts) else None
            title = titles[index] if titles is not None and chart is not None else None
            view.set_chart(chart, title)
        self._arrange()

    def _arrange(self) -> None:
        shown = self.shown_views
        if shown == self._placed and self.columns == self._placed_columns:
            return
        for view in self._placed:
            self.ci.removeItem(view.plot)
        for index, view in enumerate(shown):
            row, column = divmod(index, self.columns)
            self.ci.addItem(view.plot, row=row, col=column)
        self._placed, self._placed_columns = shown, self.columns
        if self.row_px is not None:
            rows = -(-len(shown) // self.columns)
            self.setFixedHeight(max(1, rows) * self.row_px)
            # Fit the scene to the new height now, not at the next resize event.
            pg.GraphicsView.resizeEvent(self, None)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        # pyqtgraph resizes the view while it is being made, before these exist.
        if getattr(self, "column_px", None) is not None:
            columns = max(1, min(4, self.width() // self.column_px))
            if columns != self.columns:
                self.columns = columns
                self._arrange()

    @property
    def shown_views(self) -> list[ChartView]:
        return [view for view in self.views if view.chart is not None]

    def view_at(self, scene_pos: QPointF) -> ChartView | None:
        return next((v for v in self.views if v.chart is not None and v.contains(scene_pos)),
                    None)  # fmt: skip

    def hit(self, scene_pos: QPointF) -> tuple[ChartView, Series, ChartPoint] | None:
        view = self.view_at(scene_pos)
        found = view.point_near(scene_pos) if view is not None else None
        return None if found is None else (view, *found)

    def _moved(self, scene_pos: QPointF) -> None:
        found = self.hit(scene_pos)
        text = describe(found[1], found[2], self.date_format) if found else ""
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()
        self.point_hovered.emit(text)

    def _clicked(self, event) -> None:
        found = self.hit(event.scenePos())
        if found is not None:
            self.point_clicked.emit(found[0], found[2])
            return
        view = self.view_at(event.scenePos())
        if view is not None:
            self.chart_clicked.emit(view)
