"""The assessment grid: one row per test, Left | Right values, then the derived figures.

The model shows a visit's :class:`GridRow` figures (computed in the domain) under a band
per body region. It never saves by itself: a committed cell is announced with
``value_entered`` and the page saves it, then hands back the stored measurement or the
sentence that refused it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from clinic_desktop.domain.assessment import GridRow, grid_rows
from clinic_desktop.domain.assessment_values import (
    SIDE_WORDS,
    CellKey,
    Measurement,
    VisitRecord,
    difference_text,
    entry_text,
    row_label,
)
from clinic_desktop.domain.battery import Battery, Region
from clinic_desktop.gui.assessment_cells import (
    PAINFUL_ROLE,
    change_text,
    change_tooltip,
    lsi_text,
    norm_text,
    norm_tooltip,
    percent_of_norm_text,
    value_cell_text,
    value_tooltip,
)

_Index = QModelIndex | QPersistentModelIndex
TEST, LEFT, RIGHT, NORM, PERCENT, DIFFERENCE, LSI, CHANGE = range(8)
VALUE_COLUMNS = (LEFT, RIGHT)
HEADERS = ("Test", "Left", "Right", "Norm", "% of norm", "Difference", "LSI", "Change")
ERROR_BACKGROUND = QColor("#fde0e0")
ERROR_TEXT = QColor("#b00020")
BAND_BACKGROUND = QColor("#e8eef5")
LOCKED_BACKGROUND = QColor("#f4f4f4")
IMPROVED = QColor("#1b7a34")
WORSE = QColor("#b00020")


class AssessmentGridModel(QAbstractTableModel):
    """A visit's rows under region bands; value cells are Left and Right.

    ``value_entered(key, text)`` is emitted when a cell is committed with new text; the
    owner saves it and calls :meth:`store` or :meth:`refuse`.
    """

    value_entered = Signal(object, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.battery: Battery | None = None
        self.record: VisitRecord | None = None
        self.force_unit = "N"
        self.threshold_pct: float | None = None
        # Set by the page: the visit's episode was discharged, so no cell takes typing.
        self.episode_closed = False
        self._lines: list[Region | GridRow] = []
        self._errors: dict[CellKey, tuple[str, str]] = {}

    # --- content -------------------------------------------------------------------------

    def show_record(
        self,
        battery: Battery,
        record: VisitRecord | None,
        force_unit: str = "N",
        threshold_pct: float | None = None,
    ) -> None:
        """Show a visit (or nothing); errors of the previous visit are forgotten."""
        self.beginResetModel()
        self.battery, self.record = battery, record
        self.force_unit, self.threshold_pct = force_unit, threshold_pct
        self._errors.clear()
        self._lines = self._build_lines()
        self.endResetModel()

    def _build_lines(self) -> list[Region | GridRow]:
        if self.battery is None or self.record is None:
            return []
        lines: list[Region | GridRow] = []
        region = None
        for row in grid_rows(self.battery, self.record, self.threshold_pct):
            if row.test.region != region:
                region = row.test.region
                lines.append(next(r for r in self.battery.regions if r.code == region))
            lines.append(row)
        return lines

    def rows(self) -> list[GridRow]:
        return [line for line in self._lines if isinstance(line, GridRow)]

    def store(self, key: CellKey, measurement: Measurement | None) -> None:
        """Put a saved value (or an emptied cell) into the record and refresh the figures."""
        if self.record is None:
            return
        self._errors.pop(key, None)
        kept = tuple(m for m in self.record.measurements if m.key != key)
        if measurement is not None:
            kept += (measurement,)
        self.replace_record(replace(self.record, measurements=kept))

    def replace_record(self, record: VisitRecord) -> None:
        """Show ``record``'s values; rows keep their places when the row list is unchanged."""
        old_shape = [_line_key(line) for line in self._lines]
        self.record = record
        lines = self._build_lines()
        if [_line_key(line) for line in lines] != old_shape:
            self.beginResetModel()
            self._lines = lines
            self.endResetModel()
            return
        self._lines = lines
        if lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(lines) - 1, CHANGE))

    def refuse(self, key: CellKey, text: str, message: str) -> None:
        """Mark a cell red with the refused text and the sentence saying why."""
        self._errors[key] = (text, message)
        index = self.index_of(key)
        if index.isValid():
            self.dataChanged.emit(index, index)

    def error_at(self, index: _Index) -> str:
        key = self.cell_key(index)
        return self._errors[key][1] if key in self._errors else ""

    # --- addressing ------------------------------------------------------------------------

    def line(self, row: int) -> Region | GridRow | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def cell_key(self, index: _Index) -> CellKey | None:
        """The value cell at ``index`` (Left/Right of a test row), or None."""
        if not index.isValid() or index.column() not in VALUE_COLUMNS:
            return None
        line = self.line(index.row())
        if not isinstance(line, GridRow):
            return None
        if not line.bilateral:
            side = "none" if index.column() == LEFT else None
        else:
            side = "left" if index.column() == LEFT else "right"
        return None if side is None else CellKey(line.test.code, side, line.mode)

    def index_of(self, key: CellKey) -> QModelIndex:
        for row, line in enumerate(self._lines):
            if (
                isinstance(line, GridRow)
                and line.test.code == key.test_code
                and line.mode == key.mode
            ):
                column = RIGHT if key.side == "right" else LEFT
                return self.index(row, column)
        return QModelIndex()

    def measurement_at(self, index: _Index) -> Measurement | None:
        key = self.cell_key(index)
        return None if key is None or self.record is None else self.record.measurement(key)

    @property
    def locked(self) -> bool:
        return self.record is not None and (self.record.visit.signed or self.episode_closed)

    # --- Qt model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        involved = self.record.involved_side if self.record else "none"
        if section in VALUE_COLUMNS:
            side = "left" if section == LEFT else "right"
            return f"{SIDE_WORDS[side]} (involved)" if involved == side else SIDE_WORDS[side]
        if section == DIFFERENCE:
            return "R \u2212 L" if involved == "right" else "L \u2212 R"
        return HEADERS[section]

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self.line(index.row()), Region):
            return Qt.ItemFlag.ItemIsEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.cell_key(index) is not None and not self.locked:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        line = self.line(index.row()) if index.isValid() else None
        if line is None:
            return None
        if isinstance(line, Region):
            return self._band_data(line, index.column(), role)
        key = self.cell_key(index)
        if key is not None:
            return self._value_data(line, key, role)
        return self._figure_data(line, index.column(), role)

    def setData(self, index: _Index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        key = self.cell_key(index)
        if role != Qt.ItemDataRole.EditRole or key is None or self.locked:
            return False
        text = str(value).strip()
        if key not in self._errors and text == (self.data(index, role) or ""):
            return True  # unchanged: nothing to save
        self.value_entered.emit(key, text)
        return True

    # --- cell contents -----------------------------------------------------------------

    def _band_data(self, region: Region, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole and column == TEST:
            return region.label
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(BAND_BACKGROUND)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _value_data(self, row: GridRow, key: CellKey, role):
        measurement = self.record.measurement(key)
        error = self._errors.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            if error is not None:
                return error[0]
            return value_cell_text(row.test, measurement, self.force_unit, self.record)
        if role == Qt.ItemDataRole.EditRole:
            if error is not None:
                return error[0]
            if measurement is None:
                return ""
            return entry_text(row.test, measurement.value, self.force_unit)
        if role == Qt.ItemDataRole.ToolTipRole:
            if error is not None:
                return error[1]
            return value_tooltip(row.test, key, self.record)
        if role == Qt.ItemDataRole.BackgroundRole:
            if error is not None:
                return QBrush(ERROR_BACKGROUND)
            return QBrush(LOCKED_BACKGROUND) if self.locked else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if error is not None:
                return QBrush(ERROR_TEXT)
            figures = row.figures(key.side)
            return QBrush(WORSE) if figures is not None and figures.below_norm else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == PAINFUL_ROLE:
            return bool(measurement and measurement.painful)
        if role == Qt.ItemDataRole.FontRole and self.record.amendments_of(key):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _figure_data(self, row: GridRow, column: int, role):
        if role == Qt.ItemDataRole.DisplayRole:
            return self._figure_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == NORM:
                return norm_tooltip(row)
            if column == CHANGE:
                return change_tooltip(row, self.force_unit)
            if column == LSI and row.lsi is not None:
                return _lsi_tooltip(row)
            if column == TEST:
                notes = (row.test.label, row.test.note, row.test.sign_convention)
                return "\n".join(note for note in notes if note)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._figure_colour(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column != TEST:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _figure_text(self, row: GridRow, column: int) -> str:
        if column == TEST:
            return row_label(row.test, row.mode)
        if column == RIGHT:  # a single-value test has no right side
            return "\u2014"
        if column == NORM:
            return norm_text(row, self.force_unit)
        if column == PERCENT:
            return percent_of_norm_text(row)
        if column == DIFFERENCE:
            if row.difference is None:
                return ""
            return difference_text(row.test, row.difference, self.force_unit)
        if column == LSI:
            return lsi_text(row)
        if column == CHANGE:
            return change_text(row, self.force_unit)
        return ""

    def _figure_colour(self, row: GridRow, column: int):
        if column == LSI and row.symmetry_deficit:
            return QBrush(WORSE)
        if column == DIFFERENCE and (row.side_difference_flagged or row.symmetry_deficit):
            return QBrush(WORSE)
        if column == CHANGE:
            verdicts = {s.verdict.value for s in row.sides if s.verdict is not None}
            if "worse_beyond_mdc" in verdicts:
                return QBrush(WORSE)
            if "improved_beyond_mdc" in verdicts:
                return QBrush(IMPROVED)
        return None


def _lsi_tooltip(row: GridRow) -> str:
    if row.lsi_basis == "weaker":
        text = "Weaker side as a % of the stronger (no single involved side)."
    else:
        text = "Limb symmetry index: involved side as a % of the other (Gokeler 2017)."
    if not row.test.higher_is_better:
        text += " Timed test: the ratio is inverted, other/involved (convention unconfirmed)."
    threshold = row.symmetry_threshold_pct
    if threshold is not None:
        text += f" Flagged below {threshold:g}% when the difference exceeds the MDC."
    return text


def _line_key(line: Region | GridRow) -> tuple[str, str]:
    return (line.code, "") if isinstance(line, Region) else (line.test.code, line.mode)
