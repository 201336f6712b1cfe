"""Step 6: outcome questionnaires per visit, typed a digit per item, with the history."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError, ValidationErrors
from clinic_desktop.domain.outcome_history import OutcomeHistory
from clinic_desktop.domain.outcomes import Instrument, score
from clinic_desktop.domain.patients import VISIT_KIND_LABELS
from clinic_desktop.gui.field_errors import ERROR_STYLE
from clinic_desktop.gui.forms.ui_outcome_form import Ui_OutcomeForm
from clinic_desktop.gui.intake_step import IntakeContext, IntakeStep
from clinic_desktop.gui.intake_tables import ItemModel, ItemTable
from clinic_desktop.gui.text_table import TextRow, TextTableModel

_Index = QModelIndex | QPersistentModelIndex
Answers = dict[int, int | None]
ERROR_BRUSH = QBrush(QColor("#f9c9c4"))
MISSING_BRUSH = QBrush(QColor("#fff4d6"))


SHORT_VISIT_KINDS = {
    "initial": "Initial",
    "follow_up": "Follow-up",
    "re_evaluation": "Re-eval.",
    "discharge": "Discharge",
}
# How a change from the first visit compares with the minimal clinically important difference.
MCID_VERDICTS = {"improved": "met", "within_mcid": "below", "worse": "worse"}


class OutcomeStep(IntakeStep):
    title = "Questionnaires"

    def __init__(self, clinic, parent: QWidget | None = None) -> None:
        super().__init__(clinic, parent)
        self.ui = Ui_OutcomeForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = ItemModel(self)
        self.table: ItemTable = ui.itemTable
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.answered.connect(self._answered)
        self.table.refused.connect(self._refused)
        ui.answersErrorLabel.setStyleSheet(ERROR_STYLE)
        ui.answersErrorLabel.hide()
        self.history_model = TextTableModel(("Date", "Visit", "Total", "Change", "MCID"), self)
        ui.historyTable.setModel(self.history_model)
        ui.historyTable.verticalHeader().hide()
        ui.historyTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        ui.historyTable.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        ui.historyTable.horizontalHeader().setStretchLastSection(True)
        ui.visitCombo.currentIndexChanged.connect(lambda _i: self._show_entry())
        ui.instrumentCombo.currentIndexChanged.connect(lambda _i: self._show_entry())
        self.instruments: dict[str, Instrument] = {}
        self.saved: dict[str, tuple[Answers, int]] = {}  # "visit:instrument" -> answers, version
        self.typed: dict[str, Answers] = {}
        self.signed_visits: set[int] = set()
        self.context: IntakeContext | None = None

    @property
    def first_field(self) -> QWidget:
        return self.table

    # --- showing -----------------------------------------------------------------------------

    def _key(self) -> str | None:
        visit_id = self.ui.visitCombo.currentData()
        instrument_id = self.ui.instrumentCombo.currentData()
        if visit_id is None or instrument_id is None:
            return None
        return f"{visit_id}:{instrument_id}"

    def load(self, context: IntakeContext) -> None:
        self.context = context
        ui = self.ui
        self.saved.clear()
        self.typed.clear()
        if not self.instruments:
            self.instruments = {i.id: i for i in self.clinic.outcomes.instruments()}
        visits = []
        if context.episode is not None:
            visits = self.clinic.outcomes.visits(context.episode.id)
        self.signed_visits = {v.id for v in visits if v.status == "signed"}
        for combo in (ui.visitCombo, ui.instrumentCombo):
            combo.blockSignals(True)
        ui.visitCombo.clear()
        for visit in visits:
            kind = VISIT_KIND_LABELS.get(visit.kind, visit.kind)
            signed = " (signed)" if visit.status == "signed" else ""
            ui.visitCombo.addItem(
                f"{format_date(visit.visit_date, context.date_format)} · {kind}{signed}", visit.id
            )
        if ui.instrumentCombo.count() == 0:
            for instrument in self.instruments.values():
                ui.instrumentCombo.addItem(instrument.name, instrument.id)
        open_visits = [i for i, v in enumerate(visits) if v.status != "signed"]
        ui.visitCombo.setCurrentIndex(open_visits[-1] if open_visits else 0)
        for combo in (ui.visitCombo, ui.instrumentCombo):
            combo.blockSignals(False)
        self._show_entry()
        self.dirty = False

    def _answers_for(self, key: str) -> Answers:
        if key in self.typed:
            return self.typed[key]
        if key not in self.saved:
            visit_id, instrument_id = key.split(":", 1)
            response = self.clinic.outcomes.response(int(visit_id), instrument_id)
            self.saved[key] = (dict(response.answers), response.version) if response else ({}, 0)
        return dict(self.saved[key][0])

    def _show_entry(self) -> None:
        ui = self.ui
        key = self._key()
        instrument = self.instruments.get(ui.instrumentCombo.currentData() or "")
        ui.answersErrorLabel.hide()
        if instrument is None:
            return
        answers = self._answers_for(key) if key else {}
        self.model.show(instrument, answers)
        self.table.setCurrentIndex(self.model.index(0, ItemModel.ANSWER))
        visit_id = ui.visitCombo.currentData()
        read_only = visit_id in self.signed_visits
        self.table.setEnabled(key is not None and not read_only)
        ui.instructionsLabel.setText(
            "No visit yet: save the episode of care first."
            if key is None
            else "This visit is signed: its answers can no longer change."
            if read_only
            else f"{instrument.instructions} Type {instrument.answer_min}-"
            f"{instrument.answer_max} for each item; Delete clears one."
        )
        wording = (
            f" Item wording: {instrument.wording_note}" if instrument.wording_to_verify else ""
        )
        mcid = (
            f" MCID {instrument.mcid.value:g} ({instrument.mcid.source})."
            if instrument.mcid
            else ""
        )
        ui.sourceLabel.setText(
            f"<small>Source: {escape(instrument.source.rstrip('.'))}.{escape(mcid)}"
            f"{escape(wording)}</small>"
        )
        self._show_total()
        self._show_history(instrument)

    def _show_total(self) -> None:
        instrument = self.model.instrument
        answers = self.model.answers
        given = [v for v in answers.values() if v is not None]
        result = score(instrument, answers)
        if not given:
            text = f"No answers yet ({len(instrument.items)} items)."
        elif result.missing_items:
            missing = ", ".join(str(n) for n in result.missing_items)
            text = (
                f"Running total {sum(given)} from {len(given)} of {len(instrument.items)} "
                f"items; unanswered: {missing}. {result.explanation}"
            )
        else:
            text = result.explanation
        self.ui.totalLabel.setText(f"<b>{escape(text)}</b>")

    def _show_history(self, instrument: Instrument) -> None:
        if self.context is None or self.context.episode is None:
            self.history_model.set_rows([])
            self.ui.changeLabel.setText("")
            return
        history = self.clinic.outcomes.history(self.context.episode.id, instrument.id)
        self.history_model.set_rows([TextRow(cells) for cells in self._history_rows(history)])
        self.ui.changeLabel.setText(history.summary())
        self.ui.historyBox.setTitle(f"{instrument.short_name} in this episode")

    def _history_rows(self, history: OutcomeHistory) -> list[tuple[str, ...]]:
        fmt = self.context.date_format
        rows = []
        for row in history.rows:
            total = "not scored" if row.score.total is None else str(row.score.total)
            if row.score.prorated:
                total += " (prorated)"
            change = verdict = ""
            if row.change is not None:
                change = f"{row.change.change:+g}"
                verdict = MCID_VERDICTS[row.change.verdict.value]
            kind = SHORT_VISIT_KINDS.get(row.visit_kind, row.visit_kind)
            rows.append((format_date(row.visit_date, fmt), kind, total, change, verdict))
        return rows

    # --- typing ------------------------------------------------------------------------------

    def _answered(self, row: int, value: int | None) -> None:
        key = self._key()
        if key is None:
            return
        self.model.set_answer(row, value)
        self.typed[key] = dict(self.model.answers)
        self.ui.answersErrorLabel.hide()
        self._show_total()
        self._typed()

    def _refused(self, row: int, text: str) -> None:
        instrument = self.model.instrument
        item = instrument.items[row]
        self.model.error_item = item.number
        self.model.dataChanged.emit(self.model.index(row, 0), self.model.index(row, 3))
        self.ui.answersErrorLabel.setText(
            f"{instrument.short_name} item {item.number} needs an answer from "
            f"{instrument.answer_min} to {instrument.answer_max}; {text} is not one. "
            "Nothing was kept for this item."
        )
        self.ui.answersErrorLabel.show()

    def state(self) -> dict[str, Any]:
        return {
            "typed": {
                key: {str(n): v for n, v in answers.items()} for key, answers in self.typed.items()
            },
            "visit_id": self.ui.visitCombo.currentData(),
            "instrument": self.ui.instrumentCombo.currentData(),
        }

    def restore(self, state: dict[str, Any]) -> None:
        for key, answers in dict(state.get("typed", {})).items():
            self.typed[key] = {int(n): v for n, v in dict(answers).items()}
        for combo, value in (
            (self.ui.visitCombo, state.get("visit_id")),
            (self.ui.instrumentCombo, state.get("instrument")),
        ):
            index = combo.findData(value)
            if index >= 0:
                combo.setCurrentIndex(index)
        self._show_entry()
        self.dirty = bool(self.typed)

    def save(self, context: IntakeContext) -> bool:
        if not self.dirty:
            return True
        for key, answers in list(self.typed.items()):
            visit_id, instrument_id = key.split(":", 1)
            version = self.saved.get(key, ({}, 0))[1]
            try:
                response = self.clinic.outcomes.save_response(
                    int(visit_id), instrument_id, answers, version
                )
            except ValidationErrors as errors:
                self._select(key)
                self.ui.answersErrorLabel.setText(" ".join(errors.by_field().values()))
                self.ui.answersErrorLabel.show()
                self.model.show_missing = True
                self.table.setFocus()
                return False
            except ClinicError as error:
                return self.refused(error)
            self.saved[key] = (dict(response.answers), response.version)
            del self.typed[key]
            if response.score.total is None or response.score.prorated:
                self.status_message.emit(response.score.explanation)
        self.dirty = False
        self._show_entry()
        return True

    def _select(self, key: str) -> None:
        visit_id, instrument_id = key.split(":", 1)
        self.ui.visitCombo.setCurrentIndex(max(0, self.ui.visitCombo.findData(int(visit_id))))
        index = self.ui.instrumentCombo.findData(instrument_id)
        self.ui.instrumentCombo.setCurrentIndex(max(0, index))
