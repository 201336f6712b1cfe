"""The assessment grid's view: it moves the way a therapist types.

Tab goes Left -> Right -> next row, Enter goes down, and both skip everything that is not
a value cell (region bands, figures, the missing right side of a single-value test).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView

from clinic_desktop.gui.assessment_grid import LEFT, RIGHT, VALUE_COLUMNS, AssessmentGridModel


class AssessmentGridView(QTableView):
    """Keyboard-first movement: Tab Left -> Right -> next row, Enter down, values only.

    ``amend_requested(index)`` asks the page to amend a value of a signed visit (Enter,
    F2 or typing on it); ``clear_requested(index)`` empties a cell (Delete).
    """

    amend_requested = Signal(object)
    clear_requested = Signal(object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        self.setAlternatingRowColors(False)

    def model(self) -> AssessmentGridModel:  # narrowed for callers
        return super().model()

    def value_cells(self) -> list[QModelIndex]:
        """Every value cell in Tab order: Left then Right of each row, top to bottom."""
        model = self.model()
        cells = []
        for row in range(model.rowCount()):
            for column in VALUE_COLUMNS:
                index = model.index(row, column)
                if model.cell_key(index) is not None:
                    cells.append(index)
        return cells

    def first_value_cell(self) -> QModelIndex:
        cells = self.value_cells()
        return cells[0] if cells else QModelIndex()

    def moveCursor(self, action, modifiers):  # noqa: N802 (Qt override)
        Move = QAbstractItemView.CursorAction  # noqa: N806
        current = self.currentIndex()
        if action in (Move.MoveNext, Move.MovePrevious):
            return self._step(current, 1 if action == Move.MoveNext else -1)
        if action in (Move.MoveDown, Move.MoveUp):
            return self._vertical(current, 1 if action == Move.MoveDown else -1)
        return super().moveCursor(action, modifiers)

    def _step(self, current: QModelIndex, step: int) -> QModelIndex:
        cells = self.value_cells()
        if not cells:
            return current
        here = (current.row(), current.column())
        if step > 0:
            later = [c for c in cells if (c.row(), c.column()) > here]
            return later[0] if later else cells[-1]
        earlier = [c for c in cells if (c.row(), c.column()) < here]
        return earlier[-1] if earlier else cells[0]

    def _vertical(self, current: QModelIndex, step: int) -> QModelIndex:
        model = self.model()
        column = current.column() if current.column() in VALUE_COLUMNS else LEFT
        row = current.row() + step
        while 0 <= row < model.rowCount():
            index = model.index(row, column)
            if model.cell_key(index) is not None:
                return index
            fallback = model.index(row, LEFT)  # a single-value row under a Right cell
            if column == RIGHT and model.cell_key(fallback) is not None:
                return fallback
            row += step
        return current

    def move_down(self) -> None:
        target = self._vertical(self.currentIndex(), 1)
        self.setCurrentIndex(target)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        editing = self.state() == QAbstractItemView.State.EditingState
        on_value = self.model().cell_key(self.currentIndex()) is not None
        if not editing and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            if self.model().locked and on_value:
                self.amend_requested.emit(self.currentIndex())
                return
            if key != Qt.Key.Key_F2:
                self.move_down()
                return
        if not editing and on_value and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_requested.emit(self.currentIndex())
            return
        if (
            not editing
            and self.model().locked
            and event.text().strip()
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and on_value
        ):
            self.amend_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
