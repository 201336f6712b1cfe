"""Editing the assessment grid: saving cells, shortcuts, amendments, rows and drafts.

A mixin of :class:`AssessmentPage`: it works on the page's grid, model and services. Each
committed cell is saved at once; the cell being typed is kept as a draft a moment after
each keystroke and whenever the workspace asks to keep work.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QInputDialog

from clinic_desktop.domain.assessment_values import (
    CellKey,
    cell_name,
    entry_text,
    plan_with,
    row_label,
    value_text,
)
from clinic_desktop.domain.errors import ClinicError, ValidationError
from clinic_desktop.gui.assessment_cells import ValueDelegate
from clinic_desktop.gui.assessment_dialogs import AmendDialog, SquatDialog
from clinic_desktop.gui.assessment_grid import LEFT, RIGHT

log = logging.getLogger(__name__)

DRAFT_FORM = "assessment"


class CellEditing:
    """What the page does with a cell: save, refuse, copy, mark, amend, keep as a draft."""

    # --- values -------------------------------------------------------------------------

    def save_cell(self, key: CellKey, text: str) -> None:
        """Save one committed cell; a refused value turns the cell red with its sentence."""
        record = self.model.record
        if record is None:
            return
        current = record.measurement(key)
        try:
            saved = self.service.save_value(
                record.visit.id,
                key,
                text,
                expected_version=None if current is None else current.version,
                force_unit=self.settings.force_unit,
            )
        except ValidationError as error:
            self.model.refuse(key, text, error.message)
            self.status_message.emit(error.message)
            self._forget_typing()
            return
        except ClinicError as error:
            self.status_message.emit(error.message)
            self._forget_typing()
            self.reload()
            return
        self._forget_typing()
        self.model.store(key, saved)
        self._refresh_summary()

    def clear_cell(self, index: QModelIndex) -> None:
        key = self.model.cell_key(index)
        if key is not None and (self.model.measurement_at(index) or self.model.error_at(index)):
            if self.model.error_at(index) and self.model.measurement_at(index) is None:
                self.model.store(key, None)  # only a refused text: forget it
                return
            self.save_cell(key, "")

    def commit_typing(self) -> None:
        """Ctrl+S: save the cell being typed (every other value is saved already)."""
        editor = self.grid.focusWidget()
        if self.grid.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor, ValueDelegate.EndEditHint.NoHint)

    def _shortcut(self, action: str, index) -> None:
        if index is None:
            self.commit_typing()
            index = self.grid.currentIndex()
        index = self.model.index(index.row(), index.column())
        key = self.model.cell_key(index)
        if key is None or self.model.record is None:
            return
        if action == "copy":
            self.copy_left_to_right(index)
        elif action == "painful":
            self.toggle_painful(key)
        elif action == "squat":
            self.squat_checklist(key)

    def copy_left_to_right(self, index: QModelIndex) -> None:
        line = self.model.line(index.row())
        left_key = self.model.cell_key(self.model.index(index.row(), LEFT))
        right_index = self.model.index(index.row(), RIGHT)
        right_key = self.model.cell_key(right_index)
        left = self.model.record.measurement(left_key) if left_key else None
        if right_key is None or left is None:
            self.status_message.emit("Type the left value first; Ctrl+D copies it to the right.")
            return
        self.save_cell(right_key, entry_text(line.test, left.value, self.settings.force_unit))
        self.grid.setCurrentIndex(self.model.index(index.row(), LEFT))
        self.grid.move_down()

    def toggle_painful(self, key: CellKey) -> None:
        measurement = self.model.record.measurement(key)
        if measurement is None:
            self.status_message.emit("Type the value first, then mark it painful with Ctrl+P.")
            return
        self._change_cell(
            lambda: self.service.set_painful(
                self.model.record.visit.id,
                key,
                not measurement.painful,
                expected_version=measurement.version,
            ),
            key,
        )

    def squat_checklist(self, key: CellKey) -> None:
        test = self.service.battery.test(key.test_code)
        if not test.checklist or key.side == "none":
            self.status_message.emit("Ctrl+K opens the checklist of the single-leg squat.")
            return
        measurement = self.model.record.measurement(key)
        dialog = SquatDialog(
            test,
            key.side,
            None if measurement is None else measurement.value == 1,
            () if measurement is None else measurement.compensations,
            self,
        )
        if not dialog.exec():
            return
        result = "pass" if dialog.passed else "fail"
        if measurement is None or entry_text(test, measurement.value) != result:
            self.save_cell(key, result)
            measurement = self.model.record.measurement(key)
        if measurement is None:
            return
        self._change_cell(
            lambda: self.service.set_compensations(
                self.model.record.visit.id,
                key.side,
                dialog.compensations,
                expected_version=measurement.version,
            ),
            key,
        )

    def _change_cell(self, call, key: CellKey) -> None:
        try:
            saved = call()
        except ClinicError as error:
            self.status_message.emit(error.message)
            self.reload()
            return
        self.model.store(key, saved)
        self._refresh_summary()

    def amend_cell(self, index: QModelIndex) -> None:
        key = self.model.cell_key(index)
        measurement = self.model.measurement_at(index)
        record = self.model.record
        if key is None or record is None:
            return
        test = self.service.battery.test(key.test_code)
        if not record.visit.signed:  # locked only because its episode was discharged
            self.status_message.emit(
                "This episode was discharged and this visit was never signed: its values "
                "can no longer change."
            )
            return
        if measurement is None:
            self.status_message.emit(
                "A signed visit takes no new values"
                + ("." if self.model.episode_closed else "; record it at a new visit.")
            )
            return
        current = entry_text(test, measurement.value, self.settings.force_unit)
        shown = value_text(test, measurement.value, self.settings.force_unit)
        dialog = AmendDialog(
            test,
            key,
            current,
            shown,
            lambda text, reason: self.service.amend(
                record.visit.id,
                key,
                text,
                reason,
                expected_version=measurement.version,
                force_unit=self.settings.force_unit,
            ),
            self,
        )
        if dialog.exec():
            self.reload()
            self.status_message.emit("Value amended; the original and your reason are kept.")
            self.record_changed.emit()

    # --- rows ---------------------------------------------------------------------------

    def add_passive_row(self) -> None:
        line = self.model.line(self.grid.currentIndex().row())
        record = self.model.record
        if record is None or line is None or not hasattr(line, "test"):
            return
        if "passive" not in line.test.modes:
            self.status_message.emit(f"{line.test.label} has no passive measurement.")
            return
        self._change_plan(
            plan_with(record.visit.planned_tests, self.service.battery, line.test, "passive"),
            line.test.code,
            "passive",
        )

    def add_test(self) -> None:
        record = self.model.record
        if record is None or record.visit.signed:
            return
        shown = {(row.test.code, row.mode) for row in self.model.rows()}
        choices = [
            test
            for test in self.service.battery.enabled_tests()
            if (test.code, test.modes[0] if test.modes else "none") not in shown
        ]
        if not choices:
            self.status_message.emit("Every test of the battery is already on this visit.")
            return
        labels = [row_label(t, t.modes[0] if t.modes else "none") for t in choices]
        label, ok = QInputDialog.getItem(self, "Add a test", "&Test", labels, 0, False)
        if not ok:
            return
        test = choices[labels.index(label)]
        mode = test.modes[0] if test.modes else "none"
        self._change_plan(
            plan_with(record.visit.planned_tests, self.service.battery, test, mode), test.code, mode
        )

    def _change_plan(self, plan, code: str, mode: str) -> None:
        record = self.model.record
        if record.visit.signed:
            self.status_message.emit("This visit is signed; start a new visit to add tests.")
            return
        try:
            self.service.set_plan(record.visit.id, plan, expected_version=record.visit.version)
        except ClinicError as error:
            self.status_message.emit(error.message)
        self.reload()
        for row in range(self.model.rowCount()):
            line = self.model.line(row)
            if getattr(line, "mode", None) == mode and line.test.code == code:
                self.grid.setCurrentIndex(self.model.index(row, LEFT))
                break

    # --- drafts -------------------------------------------------------------------------

    def _typed(self, index, text: str) -> None:
        key = self.model.cell_key(self.model.index(index.row(), index.column()))
        if key is not None:
            self.typing = (key, text)
            self.draft_timer.start()

    def _forget_typing(self) -> None:
        if self.typing is not None:
            self.typing = None
            self._discard_draft()
        self.draft_timer.stop()

    def _draft_key(self) -> str | None:
        record = self.model.record
        return None if record is None else f"visit:{record.visit.id}"

    def keep_work(self) -> None:
        """Keep the cell being typed as a draft. Never raises."""
        self.draft_timer.stop()
        record_key = self._draft_key()
        if self.typing is None or record_key is None:
            return
        key, text = self.typing
        payload = {"test_code": key.test_code, "side": key.side, "mode": key.mode, "text": text}
        try:
            self.clinic.drafts.save(DRAFT_FORM, record_key, payload, self.patient_id)
        except Exception:  # a draft must never take the screen down with it
            log.exception("the assessment draft was not kept")

    def _discard_draft(self) -> None:
        record_key = self._draft_key()
        if record_key is None:
            return
        try:
            self.clinic.drafts.discard(DRAFT_FORM, record_key)
        except ClinicError as error:
            log.warning("assessment draft not discarded: %s", error)

    def _offer_draft(self) -> None:
        record_key = self._draft_key()
        try:
            draft = self.clinic.drafts.load(DRAFT_FORM, record_key) if record_key else None
        except ClinicError:
            draft = None
        if draft is None:
            return
        payload = draft.payload
        key = CellKey(
            payload.get("test_code", ""), payload.get("side", ""), payload.get("mode", "")
        )
        index = self.model.index_of(key)
        if self.model.locked or not index.isValid() or self.model.cell_key(index) != key:
            self._discard_draft()
            return
        text = str(payload.get("text", ""))
        self.grid.setFocus()
        self.grid.setCurrentIndex(index)
        self.grid.edit(index)
        editor = self.delegate.open_editor
        if editor is not None:
            editor.setText(text)
        self.typing = (key, text)
        name = cell_name(self.model.line(index.row()).test, key)
        self.status_message.emit(
            f"Restored what was being typed in {name} (\u201c{text}\u201d) when the program "
            "stopped: press Enter to save it or Esc to drop it."
        )
