"""The exercise library browser: search as you type, filters, and a preview with the figure.

Typing searches names, body regions, categories and equipment (``Library.search``); the
category and region boxes narrow the list. Up and Down move through the list from the
search box; Enter or a double-click chooses the exercise (``exercise_chosen``). The
preview shows the picture the handout prints (the clinic's photo, else the stick figure),
the default dosage in the handout's words, and the steps.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QByteArray, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.dosage import describe_dosage
from clinic_desktop.domain.exercises import CATEGORIES, Exercise, Library

FIGURE_SIZE = QSize(170, 140)


class ExerciseListModel(QAbstractTableModel):
    COLUMNS = ("Exercise", "Category", "Region")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.exercises: list[Exercise] = []

    def set_exercises(self, exercises: list[Exercise]) -> None:
        self.beginResetModel()
        self.exercises = exercises
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.exercises)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        exercise = self.exercises[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{exercise.name} · {exercise.category_label}, {exercise.body_region}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        own = "" if exercise.built_in else " (clinic's own)"
        return (exercise.name + own, exercise.category_label, exercise.body_region)[index.column()]


class _SearchBox(QLineEdit):
    navigate = Signal(int)
    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.navigate.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
        else:
            super().keyPressEvent(event)


class LibraryBrowser(QWidget):
    """Find an exercise; ``exercise_chosen(id)`` on Enter or double-click."""

    exercise_chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.library: Library | None = None
        self._figure: Callable[[str], bytes] | None = None
        self.search_box = _SearchBox(self)
        self.search_box.setPlaceholderText("Find an exercise: name, body region or category")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName("Exercise search")
        self.category_box = QComboBox(self)
        self.category_box.setAccessibleName("Category")
        self.region_box = QComboBox(self)
        self.region_box.setAccessibleName("Body region")
        self.model = ExerciseListModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Exercises found")
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 80)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.count_label = QLabel(self)

        self.figure_label = QLabel(self)
        self.figure_label.setFixedSize(FIGURE_SIZE)
        self.figure_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.figure_label.setStyleSheet("background: white; border: 1px solid #c8ccd2;")
        self.details = QLabel(self)
        self.details.setObjectName("exerciseDetails")
        self.steps = QLabel(self)
        self.steps.setObjectName("exerciseSteps")
        for label in (self.details, self.steps):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            label.setTextFormat(Qt.TextFormat.RichText)

        filters = QHBoxLayout()
        filters.addWidget(self.category_box, 1)
        filters.addWidget(self.region_box, 1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search_box)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.table, 1)
        top_layout.addWidget(self.count_label)
        preview = QWidget(self)
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(4, 4, 4, 4)
        summary = QHBoxLayout()
        summary.addWidget(self.figure_label, 0, Qt.AlignmentFlag.AlignTop)
        summary.addWidget(self.details, 1)
        preview_layout.addLayout(summary)
        preview_layout.addWidget(self.steps, 1)
        scroller = QScrollArea(self)  # a long entry scrolls rather than overlapping
        scroller.setWidget(preview)
        scroller.setWidgetResizable(True)
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(scroller)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setFocusProxy(self.search_box)

        self.search_box.textChanged.connect(lambda _text: self.refresh())
        self.category_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.region_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.search_box.navigate.connect(self._move)
        self.search_box.chosen.connect(self._choose_current)
        self.table.activated.connect(lambda _index: self._choose_current())
        self.table.doubleClicked.connect(lambda _index: self._choose_current())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_preview())

    def set_library(self, library: Library, figure_svg: Callable[[str], bytes]) -> None:
        """Show ``library``; ``figure_svg(id)`` gives an exercise's figure as SVG bytes."""
        self.library, self._figure = library, figure_svg
        for box, first, items in (
            (self.category_box, "All categories",
             [(CATEGORIES[c], c) for c in library.categories]),
            (self.region_box, "All body regions", [(r.capitalize(), r) for r in library.regions]),
        ):  # fmt: skip
            box.blockSignals(True)
            box.clear()
            box.addItem(first, None)
            for label, value in items:
                box.addItem(label, value)
            box.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        if self.library is None:
            return
        found = self.library.search(
            self.search_box.text(),
            category=self.category_box.currentData(),
            region=self.region_box.currentData(),
        )
        self.model.set_exercises(found)
        if found:
            self.table.setCurrentIndex(self.model.index(0, 0))
        else:
            self._show_preview()
        noun = "exercise" if len(found) == 1 else "exercises"
        self.count_label.setText(
            f"{len(found)} {noun}" if found else "No exercise matches; try fewer letters."
        )

    def current_exercise(self) -> Exercise | None:
        row = self.table.currentIndex().row()
        return self.model.exercises[row] if 0 <= row < len(self.model.exercises) else None

    def _move(self, delta: int) -> None:
        count = self.model.rowCount()
        if count:
            row = max(0, min(count - 1, self.table.currentIndex().row() + delta))
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _choose_current(self) -> None:
        exercise = self.current_exercise()
        if exercise is not None:
            self.exercise_chosen.emit(exercise.id)

    def _show_preview(self) -> None:
        exercise = self.current_exercise()
        if exercise is None:
            self.figure_label.clear()
            self.details.clear()
            self.steps.clear()
            return
        self.figure_label.setPixmap(self._picture(exercise))
        self.details.setText(
            f"<b>{_html(exercise.name)}</b><br>{_html(exercise.category_label)}, "
            f"{_html(exercise.body_region)}<br><br>{_html(exercise.purpose)}<br><br>"
            f"<b>Default:</b> {_html(describe_dosage(exercise.dosage))}."
        )
        steps = "".join(f"<li>{_html(step)}</li>" for step in exercise.steps)
        self.steps.setText(f"<ol style='margin-left: 14px'>{steps}</ol>")

    def _picture(self, exercise: Exercise) -> QPixmap:
        if exercise.photo is not None and exercise.photo.is_file():
            photo = QPixmap(str(exercise.photo))
            if not photo.isNull():
                return photo.scaled(FIGURE_SIZE, Qt.AspectRatioMode.KeepAspectRatio,
                                    Qt.TransformationMode.SmoothTransformation)  # fmt: skip
        pixmap = QPixmap(FIGURE_SIZE)
        pixmap.fill(Qt.GlobalColor.white)
        if self._figure is not None:
            renderer = QSvgRenderer(QByteArray(self._figure(exercise.id)))
            painter = QPainter(pixmap)
            renderer.render(painter)
            painter.end()
        return pixmap


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
