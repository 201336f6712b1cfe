"""The four views of the Progress tab: all measures, one measure, symmetry, pain and scores.

Each view draws domain charts and never computes a figure. Views keep their widgets for
the life of the tab; a new patient only changes what they show.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.charts import Chart, SeriesRole
from clinic_desktop.domain.progress import DeficitStatus, EpisodeProgress, MeasureProgress
from clinic_desktop.gui.chart_style import SERIES_STYLES
from clinic_desktop.gui.progress_charts import ChartBoard

THUMBNAIL_HEIGHT = 190
THUMBNAIL_WIDTH = 360  # the narrowest a small chart gets before a column is dropped
TITLE_CHARACTERS = 42
MAX_DETAIL_MEASURES = 3
DEFAULT_SYMMETRY_MEASURES = 4
DEFICIT_WORDS = {DeficitStatus.NOW: "deficit now", DeficitStatus.RESOLVED: "resolved"}


def _side_key() -> str:
    left, right = SERIES_STYLES[SeriesRole.LEFT], SERIES_STYLES[SeriesRole.RIGHT]
    return (
        f"<span style='color:{left.colour}'>●━━</span> Left: {left.words} · "
        f"<span style='color:{right.colour}'>□╍╍</span> Right: {right.words} · "
        "dotted line: norm · dash-dot line: goal"
    )


def _title(measure: MeasureProgress) -> str:
    """A small chart's title: the measure, its unit, and a deficit marked in words."""
    label = measure.label
    if len(label) > TITLE_CHARACTERS:
        label = label[: TITLE_CHARACTERS - 1].rstrip() + "…"
    title = escape(label)
    if measure.deficit is DeficitStatus.NOW:
        return f"{title} <b style='color:#A33F00'>▲ deficit now</b>"
    if measure.deficit is DeficitStatus.RESOLVED:
        return f"{title} <span style='color:#555'>(resolved)</span>"
    return title


def _wrapping_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def sentences_html(charts: Sequence[Chart], extra: Sequence[str] = ()) -> str:
    """The change sentences of ``charts`` (and ``extra`` lines) as a short list."""
    lines = [escape(text) for text in extra if text]
    lines += [escape(change.sentence) for chart in charts for change in chart.changes]
    return "<br>".join(lines)


class ChartPanel(QWidget):
    """A board with notes under it, or, when there is nothing to draw, a sentence instead."""

    def __init__(self, board: ChartBoard, parent=None, scroll: bool = False) -> None:
        super().__init__(parent)
        self.board = board
        self.stack = QStackedWidget(self)
        self.message = _wrapping_label(self, "panelMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notes = _wrapping_label(self, "panelNotes")
        self.hover = QLabel(self)
        self.hover.setObjectName("hoverText")
        charts = QWidget(self)
        layout = QVBoxLayout(charts)
        layout.setContentsMargins(0, 0, 0, 0)
        if scroll:
            area = QScrollArea(charts)
            area.setWidgetResizable(True)
            area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
            area.setWidget(board)
            layout.addWidget(area, 1)
        else:
            layout.addWidget(board, 1)
        layout.addWidget(self.hover)
        layout.addWidget(self.notes)
        self.stack.addWidget(charts)
        self.stack.addWidget(self.message)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        board.point_hovered.connect(lambda text: self.hover.setText(text.replace("\n", " · ")))

    def show_charts(
        self,
        charts: Sequence[Chart],
        empty_message: str,
        notes: str = "",
        titles: Sequence[str] | None = None,
    ) -> None:
        self.board.show_charts(charts, titles)
        self.notes.setText(notes)
        self.notes.setVisible(bool(notes))
        self.hover.setText("")
        self.message.setText(empty_message)
        self.stack.setCurrentIndex(0 if charts else 1)


class OverviewView(QWidget):
    """A small chart of every measure with data, deficits first; a click opens one."""

    measure_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.key = _wrapping_label(self, "sideKey")
        self.key.setText(_side_key() + " · Deficits first; click a chart to open it.")
        self.board = ChartBoard(
            columns=2, compact=True, column_px=THUMBNAIL_WIDTH, row_px=THUMBNAIL_HEIGHT
        )
        self.panel = ChartPanel(self.board, self, scroll=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key)
        layout.addWidget(self.panel, 1)
        self.measures: tuple[MeasureProgress, ...] = ()
        self.board.chart_clicked.connect(self._open)
        self.board.point_clicked.connect(lambda view, _point: self._open(view))

    def show_progress(self, progress: EpisodeProgress) -> None:
        self.measures = progress.measures
        charts = [m.chart for m in self.measures]
        self.panel.show_charts(
            charts,
            "No tests were measured in this episode yet. Enter measurements in the "
            "Assessment tab and each test gets a chart here.",
            titles=[_title(measure) for measure in self.measures],
        )

    def _open(self, view) -> None:
        if view.chart is not None and view.chart.key.startswith("measure:"):
            self.measure_chosen.emit(view.chart.key.removeprefix("measure:"))


class _ListAndPanel(QWidget):
    def __init__(self, board: ChartBoard, list_title: str, parent=None) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setAccessibleName(list_title)
        self.panel = ChartPanel(board, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([270, 700])
        QVBoxLayout(self).addWidget(splitter)
        self.progress: EpisodeProgress | None = None

    def _fill(self, rows: Sequence[tuple[str, str]], checked: set[str] | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for key, text in rows:
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            if checked is not None:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked
                item.setCheckState(state)
        self.list.blockSignals(False)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(row) for row in range(self.list.count())]


class MeasureView(_ListAndPanel):
    """The chosen measures (up to three) in full, with their symmetry and verdicts."""

    def __init__(self, parent=None) -> None:
        super().__init__(ChartBoard(columns=1), "Measures", parent)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._draw)

    def show_progress(self, progress: EpisodeProgress, keep: Sequence[str] = ()) -> None:
        self.progress = progress
        rows = []
        for measure in progress.measures:
            words = DEFICIT_WORDS.get(measure.deficit)
            rows.append((measure.key, f"{measure.label} — {words}" if words else measure.label))
        self._fill(rows, None)
        for item, measure in zip(self._items(), progress.measures, strict=True):
            item.setToolTip(f"{measure.label}\n{measure.deficit_text}")
        self.choose(keep or [k for k, _ in rows[:1]])

    def choose(self, keys: Sequence[str]) -> None:
        """Select the measures with ``keys`` (the first few that exist) and draw them."""
        self.list.blockSignals(True)
        self.list.clearSelection()
        first = None
        for item in self._items():
            if item.data(Qt.ItemDataRole.UserRole) in keys:
                item.setSelected(True)
                first = first or item
        if first is not None:
            self.list.setCurrentItem(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.list.blockSignals(False)
        self._draw()

    def chosen_keys(self) -> list[str]:
        return [i.data(Qt.ItemDataRole.UserRole) for i in self._items() if i.isSelected()]

    def _draw(self) -> None:
        if self.progress is None:
            return
        keys = self.chosen_keys()[:MAX_DETAIL_MEASURES]
        measures = [self.progress.measure(key) for key in keys]
        charts = [m.chart for m in measures]
        symmetry = self.progress.symmetry_for(keys)
        extra = [m.chart.notice for m in measures]
        extra += [m.deficit_text for m in measures]
        both_sides = all({"left", "right"} <= {s.key for s in m.chart.series} for m in measures)
        if symmetry is not None:
            charts.append(symmetry)
        elif measures and both_sides:  # then no index because of the kind of test
            extra.append(
                "Symmetry as a ratio is charted for strength in newtons, hops, heel raises "
                "and planks; for range of motion compare the two sides above."
            )
        self.panel.show_charts(
            charts,
            "Choose a measure on the left to see it in full.",
            sentences_html(charts, extra),
        )


class SymmetryView(_ListAndPanel):
    """The limb symmetry index of the ticked measures against the clinic's thresholds."""

    def __init__(self, parent=None) -> None:
        super().__init__(ChartBoard(columns=1), "Measures with a symmetry index", parent)
        self.list.itemChanged.connect(lambda _item: self._draw())

    def show_progress(self, progress: EpisodeProgress) -> None:
        self.progress = progress
        with_lsi = [m for m in progress.measures if m.symmetry is not None]
        flagged = [m.key for m in with_lsi if m.deficit in DEFICIT_WORDS]
        ticked = set((flagged or [m.key for m in with_lsi])[:DEFAULT_SYMMETRY_MEASURES])
        self._fill([(m.key, m.label) for m in with_lsi], ticked)
        self._draw()

    def ticked_keys(self) -> list[str]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def _draw(self) -> None:
        if self.progress is None:
            return
        chart = self.progress.symmetry_for(self.ticked_keys())
        if self.progress.symmetry is None:
            empty = (
                "No symmetry to chart yet: it needs both sides of a strength, hop, heel-raise "
                "or plank test at the same visit. Measure both sides in the Assessment tab."
            )
        else:
            empty = "Tick one or more measures on the left to chart their symmetry."
        charts = [chart] if chart is not None else []
        self.panel.show_charts(charts, empty, sentences_html(charts))


class ScoresView(QWidget):
    """Pain at each visit and the questionnaire totals, each with its MCID band."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.panel = ChartPanel(ChartBoard(columns=1), self)
        QVBoxLayout(self).addWidget(self.panel)

    def show_progress(self, progress: EpisodeProgress) -> None:
        charts = [c for c in (progress.pain, *progress.outcomes) if c is not None]
        notices = [c.notice for c in charts]
        self.panel.show_charts(
            charts,
            "No pain ratings or questionnaires in this episode yet. Record pain at each visit "
            "and the LEFS in the Assessment tab; they are charted here.",
            sentences_html(charts, notices),
        )
