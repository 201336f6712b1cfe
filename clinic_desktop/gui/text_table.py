"""A read-only table of already worded rows, with a tint and a tooltip per row.

The return-to-run panels show figures the domain has already worded (criteria, phases,
runs); this model only lays them out, marks rows that need attention and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TextRow:
    """One row: its cells, an optional background tint ("#rrggbb"), tooltip, and key."""

    cells: tuple[str, ...]
    tint: str | None = None
    tooltip: str = ""
    key: object = None
    #: Cells (by column) drawn in a colour, e.g. a status in red: {column: "#rrggbb"}.
    colours: tuple[tuple[int, str], ...] = ()


class TextTableModel(QAbstractTableModel):
    def __init__(self, columns: tuple[str, ...], parent=None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[TextRow] = []

    def set_rows(self, rows: list[TextRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(text for text in (row.cells[index.column()], row.tooltip) if text)
        if role == Qt.ItemDataRole.BackgroundRole and row.tint:
            return QBrush(QColor(row.tint))
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = dict(row.colours).get(index.column())
            return QBrush(QColor(colour)) if colour else None
        return None


def text_table(
    model: TextTableModel, parent: QWidget, name: str, view_type: type[QTableView] = QTableView
) -> QTableView:
    """A read-only, row-selecting table view for ``model``, named for screen readers."""
    table = view_type(parent)
    table.setObjectName(name)
    table.setAccessibleName(name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table
