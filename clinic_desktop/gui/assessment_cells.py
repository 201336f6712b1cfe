"""How each cell of the assessment grid reads, and the editor a value is typed in.

The figures themselves come from the domain (:class:`GridRow`); this module only words
them for the grid's narrow cells and their tooltips.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPersistentModelIndex, QRect, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from clinic_desktop.domain import units
from clinic_desktop.domain.assessment import GridRow
from clinic_desktop.domain.assessment_values import (
    SIDE_WORDS,
    CellKey,
    Measurement,
    VisitRecord,
    cell_name,
    difference_text,
    entry_text,
    percent_text,
    value_text,
)
from clinic_desktop.domain.battery import TestDefinition
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.measures import ChangeVerdict

ARROWS = {ChangeVerdict.IMPROVED_BEYOND_MDC: "\u25b2", ChangeVerdict.WORSE_BEYOND_MDC: "\u25bc"}
VERDICT_WORDS = {
    ChangeVerdict.IMPROVED_BEYOND_MDC: "improved beyond",
    ChangeVerdict.WITHIN_ERROR: "within",
    ChangeVerdict.WORSE_BEYOND_MDC: "worse beyond",
}
SIDE_LETTERS = {"left": "L", "right": "R", "none": ""}
#: Data role carrying whether a value cell is marked painful (for the delegate's badge).
PAINFUL_ROLE = Qt.ItemDataRole.UserRole + 1
BADGE_SPACE = 36


def value_cell_text(
    test: TestDefinition, measurement: Measurement | None, force_unit: str, record: VisitRecord
) -> str:
    """A value as the cell shows it: "118°", "25.5 kgf · 4.2 N/kg", "Fail (2)"."""
    if measurement is None:
        return ""
    text = value_text(test, measurement.value, force_unit, record.weight_kg)
    if measurement.compensations:
        text += f" ({len(measurement.compensations)})"
    return text


def value_tooltip(test: TestDefinition, key: CellKey, record: VisitRecord) -> str:
    """What a value cell explains on hover: how to type it, what was seen, its history."""
    lines = [cell_name(test, key)[:1].upper() + cell_name(test, key)[1:] + "."]
    measurement = record.measurement(key)
    if test.unit == "grade":
        lines.append("Type a Kendall grade: 0, T, 2-, 2, 2+, 3-, 3, 3+, 4-, 4, 4+ or 5.")
    elif test.unit == "pass_fail":
        lines.append("Type p for pass or f for fail; Ctrl+K lists what was seen.")
    elif test.sign_convention:
        lines.append(test.sign_convention)
    if measurement is not None and measurement.painful:
        lines.append("Painful.")
    labels = {item.code: item.label for item in test.checklist}
    if measurement is not None and measurement.compensations:
        seen = ", ".join(labels.get(c, c).lower() for c in measurement.compensations)
        lines.append(f"Seen: {seen}.")
    for amendment in record.amendments_of(key):
        when = format_date(amendment.amended_at.date())
        who = f" by {amendment.amended_by}" if amendment.amended_by else ""
        old = units.format_measurement(amendment.old_value, test.unit)
        new = units.format_measurement(amendment.new_value, test.unit)
        lines.append(f"Amended {when}{who}: {old} \u2192 {new}. Reason: {amendment.reason}")
    return "\n".join(lines)


def norm_text(row: GridRow, force_unit: str) -> str:
    """The norm with its unit; an asterisk marks a figure only seen second-hand."""
    if row.norm is None:
        return ""
    text = units.format_measurement(row.norm, row.test.unit, force_unit=force_unit)
    return text + ("*" if row.test.norm_unconfirmed else "")


def norm_tooltip(row: GridRow) -> str | None:
    test = row.test
    lines = []
    if row.norm is not None:
        basis = f" for {row.norm_basis}" if row.norm_basis else ""
        source = test.age_sex_norms_source if row.norm_basis else test.norm_source
        lines.append(f"Norm{basis}: {source}.")
        if test.norm_unconfirmed:
            lines.append("* Unconfirmed: seen second-hand, check against the original.")
        if test.norm_note:
            lines.append(test.norm_note)
    elif test.age_sex_norms:
        lines.append("No age and sex norm for this patient (outside the ages studied).")
    if test.mdc is not None:
        mdc = units.format_measurement(test.mdc, test.unit)
        between = ""
        if test.mdc_between_testers is not None:
            other = units.format_measurement(test.mdc_between_testers, test.unit)
            between = f", {other} between testers"
        lines.append(f"Minimal detectable change {mdc} same tester{between} ({test.mdc_source}).")
    return "\n".join(lines) or None


def percent_of_norm_text(row: GridRow) -> str:
    """% of norm per side: "L 93% · R 67%", or "60%" for a single value."""
    parts = []
    for figures in row.sides:
        if figures.percent_of_norm is None:
            continue
        letter = SIDE_LETTERS[figures.side]
        parts.append(f"{letter} {figures.percent_of_norm:.0f}%".strip())
    return " \u00b7 ".join(parts)


def lsi_text(row: GridRow) -> str:
    return "" if row.lsi is None else percent_text(row.lsi, row.symmetry_threshold_pct)


def change_text(row: GridRow, force_unit: str) -> str:
    """Change since each side was last measured, with ▲/▼ only beyond the MDC."""
    parts = []
    for figures in row.sides:
        if figures.change is None or figures.earlier is None:
            continue
        letter = SIDE_LETTERS[figures.side]
        if row.test.unit in ("grade", "pass_fail"):
            before = entry_text(row.test, figures.earlier.value)
            after = entry_text(row.test, figures.value)
            shown = "=" if before == after else f"{before}\u2192{after}"
        else:
            shown = difference_text(row.test, figures.change, force_unit)
        arrow = ARROWS.get(figures.verdict, "")
        parts.append(f"{letter} {shown}{arrow}".strip())
    if parts and all(part.endswith("=") for part in parts):
        return "no change"
    return " \u00b7 ".join(parts)


def change_tooltip(row: GridRow, force_unit: str) -> str | None:
    lines = []
    for figures in row.sides:
        earlier = figures.earlier
        if earlier is None or figures.value is None:
            continue
        side = SIDE_WORDS[figures.side] or "Value"
        before = value_text(row.test, earlier.value, force_unit)
        after = value_text(row.test, figures.value, force_unit)
        line = f"{side}: {before} on {format_date(earlier.visit_date)} \u2192 {after}"
        if figures.verdict is not None and figures.mdc is not None:
            mdc = units.format_measurement(figures.mdc, row.test.unit)
            tester = {True: "same tester", False: "another tester", None: "tester not recorded"}
            line += (
                f": {VERDICT_WORDS[figures.verdict]} the MDC of {mdc} "
                f"({tester[earlier.same_tester]})"
            )
        elif row.test.mdc is None:
            line += " (no MDC known for this test)"
        lines.append(line + ".")
    return "\n".join(lines) or None


class ValueEditor(QLineEdit):
    """The line a value is typed into; the cell's text is selected so typing replaces it."""


class ValueDelegate(QStyledItemDelegate):
    """Edits value cells. Enter commits and moves down; Ctrl+D copies left to right;
    Ctrl+P marks painful; Ctrl+K opens the squat checklist; typing is reported for drafts.
    """

    #: The text in the open editor changed (for the draft of the cell being typed).
    text_edited = Signal(object, str)
    #: The editor closed without saving (Esc).
    edit_cancelled = Signal(object)
    #: Enter committed the cell: move down.
    enter_pressed = Signal(object)
    #: A shortcut pressed while typing, after the cell was committed: "copy", "painful",
    #: "squat". The page acts on the committed cell.
    shortcut_pressed = Signal(str, object)

    SHORTCUTS = {Qt.Key.Key_D: "copy", Qt.Key.Key_P: "painful", Qt.Key.Key_K: "squat"}

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editing: QPersistentModelIndex | None = None
        self.open_editor: ValueEditor | None = None

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt override)
        editor = ValueEditor(parent)
        editor.setObjectName("assessmentCellEditor")
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editing = QPersistentModelIndex(index)
        self.open_editor = editor
        editor.textEdited.connect(lambda text: self.text_edited.emit(self.editing, text))
        return editor

    def destroyEditor(self, editor, index) -> None:  # noqa: N802 (Qt override)
        if editor is self.open_editor:
            self.open_editor = None
        super().destroyEditor(editor, index)

    def setEditorData(self, editor, index) -> None:  # noqa: N802 (Qt override)
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.selectAll()

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 (Qt override)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 (Qt override)
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            return super().eventFilter(editor, event)
        key, modifiers = event.key(), event.modifiers()
        control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
        shifted = bool(modifiers & Qt.KeyboardModifier.ShiftModifier)
        action = self.SHORTCUTS.get(key) if control and not shifted else None
        if kind == QEvent.Type.ShortcutOverride:
            if action is not None:
                event.accept()  # keep it for the editor rather than the page's action
                return True
            return super().eventFilter(editor, event)
        index = self.editing
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not control:
            self._commit_and_close(editor)
            self.enter_pressed.emit(index)
            return True
        if action is not None:
            self._commit_and_close(editor)
            self.shortcut_pressed.emit(action, index)
            return True
        if key == Qt.Key.Key_Escape:
            self.edit_cancelled.emit(index)
        return super().eventFilter(editor, event)

    def _commit_and_close(self, editor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def paint(self, painter, option, index) -> None:
        if not index.data(PAINFUL_ROLE):
            super().paint(painter, option, index)
            return
        # The badge takes the left of the cell; the value keeps the rest, never covered.
        strip = QRect(option.rect.left(), option.rect.top(), BADGE_SPACE, option.rect.height())
        selected = option.state & QStyle.StateFlag.State_Selected
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if selected:
            painter.fillRect(strip, option.palette.highlight())
        elif background is not None:
            painter.fillRect(strip, background)
        text_option = QStyleOptionViewItem(option)
        text_option.rect = option.rect.adjusted(BADGE_SPACE, 0, 0, 0)
        super().paint(painter, text_option, index)
        paint_painful_badge(painter, option.rect)


def paint_painful_badge(painter: QPainter, rect: QRect) -> None:
    """A small red "pain" mark at the left of a value cell."""
    painter.save()
    badge = QRect(rect.left() + 3, rect.top() + (rect.height() - 14) // 2, 30, 14)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#c62828"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(badge, 4, 4)
    painter.setPen(QColor("white"))
    font = painter.font()
    font.setPointSizeF(max(6.5, font.pointSizeF() * 0.75))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "pain")
    painter.restore()
