"""The keyboard tables of the intake: the red-flag screen and the questionnaire items.

Both answer with single keys and move down by themselves, so a screen or a questionnaire
is typed in one pass: Y/N for a red flag (Y opens its note), a digit for an item.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QTableView

from clinic_desktop.domain.outcomes import Instrument
from clinic_desktop.domain.red_flags import RedFlagAnswer
from clinic_desktop.domain.screening import RedFlagEntry, blank_entries

_Index = QModelIndex | QPersistentModelIndex
Answers = dict[int, int | None]
ANSWER_TEXT = {True: "Yes", False: "No", None: "—"}
YES_BRUSH = QBrush(QColor("#fdecea"))
ERROR_BRUSH = QBrush(QColor("#f9c9c4"))
MISSING_BRUSH = QBrush(QColor("#fff4d6"))


class RedFlagModel(QAbstractTableModel):
    """The questions with the answers as typed (not yet saved) and as recorded."""

    COLUMNS = ("Question", "Answer", "What the patient reported")
    QUESTION, ANSWER, NOTE = range(3)
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.entries: list[RedFlagEntry] = list(blank_entries())
        self.answers: dict[str, bool | None] = {}
        self.notes: dict[str, str] = {}
        self.errors: dict[str, str] = {}

    def set_record(self, entries: tuple[RedFlagEntry, ...]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.answers = {e.code: e.answer for e in entries}
        self.notes = {e.code: e.note for e in entries}
        self.errors = {}
        self.endResetModel()

    def set_typed(self, answers: dict[str, bool | None], notes: dict[str, str]) -> None:
        self.beginResetModel()
        self.answers.update(answers)
        self.notes.update(notes)
        self.endResetModel()

    def set_errors(self, errors: dict[str, str]) -> None:
        self.errors = errors
        self._refresh()

    def _refresh(self) -> None:
        if self.entries:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.entries) - 1, 2))

    def code_at(self, row: int) -> str:
        return self.entries[row].code

    def set_answer(self, row: int, answer: bool | None) -> None:
        code = self.entries[row].code
        self.answers[code] = answer
        self.errors.pop(f"red_flags.{code}", None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, 2))
        self.edited.emit()

    def typed_answers(self) -> list[RedFlagAnswer]:
        return [
            RedFlagAnswer(e.code, self.answers.get(e.code), self.notes.get(e.code, ""))
            for e in self.entries
        ]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.NOTE else base

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        answer = self.answers.get(entry.code)
        error = self.errors.get(f"red_flags.{entry.code}")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == self.QUESTION:
                return entry.question
            if index.column() == self.ANSWER:
                return ANSWER_TEXT[answer]
            return self.notes.get(entry.code, "")
        if role == Qt.ItemDataRole.BackgroundRole:
            if error:
                return ERROR_BRUSH
            return YES_BRUSH if answer is True else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if error:
                return error
            return f"If yes: {entry.suggested_action}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.ANSWER:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if index.column() != self.NOTE or role != Qt.ItemDataRole.EditRole:
            return False
        code = self.entries[index.row()].code
        self.notes[code] = str(value)
        if str(value).strip():
            self.errors.pop(f"red_flags.{code}", None)
        self.dataChanged.emit(self.index(index.row(), 0), index)
        self.edited.emit()
        return True


class RedFlagTable(QTableView):
    """Y answers yes and opens the note, N no, Space clears; each answer moves down a row."""

    KEYS = {Qt.Key.Key_Y: True, Qt.Key.Key_N: False, Qt.Key.Key_Space: None}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        model: RedFlagModel = self.model()
        index = self.currentIndex()
        key = Qt.Key(event.key())
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and key in self.KEYS and index.isValid() and index.column() != model.NOTE:
            row = index.row()
            model.set_answer(row, self.KEYS[key])
            if self.KEYS[key] is True:
                note = model.index(row, model.NOTE)
                self.setCurrentIndex(note)
                self.edit(note)
            else:
                self._next_row(row)
            return
        super().keyPressEvent(event)

    def _next_row(self, row: int) -> None:
        model = self.model()
        self.setCurrentIndex(model.index(min(row + 1, model.rowCount() - 1), RedFlagModel.ANSWER))

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 (Qt override)
        row = self.currentIndex().row()
        super().closeEditor(editor, hint)
        if hint != QAbstractItemDelegate.EndEditHint.RevertModelCache:
            self._next_row(row)


class ItemModel(QAbstractTableModel):
    """The items of one questionnaire with the answers typed for one visit."""

    COLUMNS = ("#", "Activity", "Answer", "Meaning")
    ANSWER = 2

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.instrument: Instrument | None = None
        self.answers: Answers = {}
        self.error_item: int | None = None
        self.show_missing = False

    def show(self, instrument: Instrument, answers: Answers) -> None:
        self.beginResetModel()
        self.instrument, self.answers, self.error_item = instrument, dict(answers), None
        self.show_missing = False
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.instrument is None:
            return 0
        return len(self.instrument.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.instrument is None:
            return None
        item = self.instrument.items[index.row()]
        answer = self.answers.get(item.number)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(item.number),
                item.text,
                "" if answer is None else str(answer),
                "" if answer is None else item.anchors[answer],
            )[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.number == self.error_item:
                return ERROR_BRUSH
            if self.show_missing and answer is None:
                return MISSING_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(f"{value} = {label}" for value, label in item.anchors.items())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, self.ANSWER):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def set_answer(self, row: int, value: int | None) -> None:
        self.answers[self.instrument.items[row].number] = value
        self.error_item = None
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 3))


class ItemTable(QTableView):
    """A digit answers the current item and moves to the next; Delete or Space clears it."""

    answered = Signal(int, object)  # row, value or None
    refused = Signal(int, str)  # row, what was typed

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        text = event.text()
        row = self.currentIndex().row()
        if row >= 0 and len(text) == 1 and text.isdigit():
            model: ItemModel = self.model()
            value = int(text)
            if model.instrument.answer_min <= value <= model.instrument.answer_max:
                self.answered.emit(row, value)
                next_row = min(row + 1, model.rowCount() - 1)
                self.setCurrentIndex(model.index(next_row, ItemModel.ANSWER))
            else:
                self.refused.emit(row, text)
            return
        if row >= 0 and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Space):
            self.answered.emit(row, None)
            return
        super().keyPressEvent(event)
