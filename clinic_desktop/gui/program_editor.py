"""The program list and the dosage form of the Home program tab.

``ProgramModel`` lists the program's exercises with their dosage in the handout's words;
dragging a row asks for a move (``move_requested(from_row, to_row)``), the page calls the
service and shows the program it returns. ``DosageEditor`` is the form for one exercise:
numbers are typed as text so a wrong value reaches the one validation path
(``domain.dosage.validate_dosage``) and its sentence shows under the field.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPushButton, QWidget

from clinic_desktop.domain.dosage import SIDES, Dosage, describe_dosage
from clinic_desktop.domain.exercises import Library
from clinic_desktop.domain.home_program import HomeProgram, ProgramItem
from clinic_desktop.gui.field_errors import FieldErrors

ROW_MIME = "application/x-clinic-program-row"
NUMBER_FIELDS = (
    ("sets", "&Sets", "1 to 10"),
    ("reps", "&Repetitions", "1 to 100; holds, for a stretch"),
    ("hold_s", "&Hold (seconds)", "0 for none, up to 300"),
    ("times_per_day", "&Times a day", "1 to 6"),
    ("days_per_week", "&Days a week", "1 to 7"),
)


class ProgramModel(QAbstractTableModel):
    COLUMNS = ("#", "Exercise", "Dosage")
    move_requested = Signal(int, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: tuple[ProgramItem, ...] = ()
        self.library: Library | None = None
        self.editable = False

    def set_program(self, program: HomeProgram | None, library: Library, editable: bool) -> None:
        self.beginResetModel()
        self.items = program.items if program else ()
        self.library, self.editable = library, editable
        self.endResetModel()

    def name_of(self, item: ProgramItem) -> str:
        if self.library is not None and item.exercise_id in self.library:
            return self.library.get(item.exercise_id).name
        return item.exercise_id.replace("_", " ")

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(index.row() + 1), self.name_of(item), describe_dosage(item.dosage))[
                index.column()
            ]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return describe_dosage(item.dosage)
        return None

    # --- drag and drop to reorder ----------------------------------------------------------

    def flags(self, index):
        base = super().flags(index)
        if not self.editable:
            return base
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self):  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ROW_MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        data.setData(ROW_MIME, str(indexes[0].row()).encode())
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not data.hasFormat(ROW_MIME) or not self.editable:
            return False
        source = int(bytes(data.data(ROW_MIME)).decode())
        if row < 0:  # dropped onto a row: take its place
            target = parent.row() if parent.isValid() else len(self.items) - 1
        else:  # dropped between rows: in front of ``row``
            target = row - 1 if row > source else row
        if target != source:
            self.move_requested.emit(source, target)
        return False  # the page reloads the program; the view removes nothing itself


class DosageEditor(QWidget):
    """Sets, repetitions, hold, times a day, days a week, side, band and a note."""

    #: The typed values, as ``validate_dosage`` takes them.
    apply_requested = Signal(dict)
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        self.fields: dict[str, QWidget] = {}
        for name, label, hint in NUMBER_FIELDS:
            edit = QLineEdit(self)
            edit.setPlaceholderText(hint)
            edit.setMaxLength(4)
            edit.setAccessibleName(label.replace("&", ""))
            form.addRow(label, edit)
            self.fields[name] = edit
        self.side = QComboBox(self)
        self.side.addItems(SIDES)
        self.side.setAccessibleName("Side")
        form.addRow("Si&de", self.side)
        self.band = QComboBox(self)
        self.band.setEditable(True)
        self.band.setAccessibleName("Band colour")
        self.band.lineEdit().setPlaceholderText("no band")
        form.addRow("&Band colour", self.band)
        self.note = QLineEdit(self)
        self.note.setAccessibleName("Note for the patient")
        self.note.setPlaceholderText("a short note printed with the dosage")
        form.addRow("&Note", self.note)
        self.apply_button = QPushButton("&Apply dosage (Ctrl+S)", self)
        form.addRow("", self.apply_button)
        self.fields.update(side=self.side, band_level=self.band, note=self.note)
        self.errors = FieldErrors(form, dict(self.fields))
        self.apply_button.clicked.connect(self.request_apply)
        for name, _label, _hint in NUMBER_FIELDS:
            self.fields[name].returnPressed.connect(self.request_apply)
            self.fields[name].textEdited.connect(lambda _t: self.edited.emit())
        self.note.returnPressed.connect(self.request_apply)
        self.note.textEdited.connect(lambda _t: self.edited.emit())
        self.side.activated.connect(lambda _i: self.edited.emit())
        self.band.lineEdit().textEdited.connect(lambda _t: self.edited.emit())

    def set_band_levels(self, levels: tuple[str, ...]) -> None:
        self.band.clear()
        self.band.addItems(["", *levels])

    def show_dosage(self, dosage: Dosage | None) -> None:
        self.errors.clear()
        values = vars(dosage) if dosage else {}
        for name, _label, _hint in NUMBER_FIELDS:
            self.fields[name].setText(str(values.get(name, "")))
        self.side.setCurrentText(values.get("side", "both"))
        self.band.setCurrentText(values.get("band_level") or "")
        self.note.setText(values.get("note", ""))

    def typed(self) -> dict:
        values = {name: self.fields[name].text() for name, _l, _h in NUMBER_FIELDS}
        values.update(
            side=self.side.currentText(),
            band_level=self.band.currentText().strip() or None,
            note=self.note.text(),
        )
        return values

    def show_typed(self, values: dict) -> None:
        for name, _label, _hint in NUMBER_FIELDS:
            self.fields[name].setText(str(values.get(name, "")))
        self.side.setCurrentText(values.get("side", "both"))
        self.band.setCurrentText(values.get("band_level") or "")
        self.note.setText(values.get("note", ""))

    def request_apply(self) -> None:
        self.apply_requested.emit(self.typed())

    def show_errors(self, by_field: dict[str, str]) -> None:
        first = self.errors.show(by_field)
        if first is not None:
            first.setFocus()
