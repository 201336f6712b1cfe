"""The Return to run tab: readiness at a glance, the walk/run plan, and the running log.

Readiness is judged again every time the tab shows an episode, on the latest data. The
yes/no items are saved as soon as they are answered; the plan is generated from the
choices beside it; runs are typed in one row, Enter (or Ctrl+S) adds them, and every breach of the
plan's rules is listed with the clinic's advice. Typing a run not yet added is kept as a
draft and comes back when the episode is opened again.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
)

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import (
    ClinicError,
    EpisodeClosed,
    ValidationError,
    ValidationErrors,
)
from clinic_desktop.domain.patient_rules import parse_date_text
from clinic_desktop.domain.return_to_run import ReturnToRunState
from clinic_desktop.domain.run_log import read_run
from clinic_desktop.gui.draft_keeper import DraftKeeper
from clinic_desktop.gui.readiness_criteria_dialog import edit_criteria
from clinic_desktop.gui.readiness_panel import ReadinessPanel
from clinic_desktop.gui.run_log_panel import RunLogPanel
from clinic_desktop.gui.run_plan_panel import RunPlanPanel
from clinic_desktop.gui.workspace import WorkspacePage
from clinic_desktop.services.run_log_recording import LATER_RUNS

DRAFT_FORM = "run_log"
WIDE_LAYOUT_PX = 1200
STACKED_HEIGHT_PX = 1400


class ReturnToRunPage(WorkspacePage):
    """Readiness, plan and running log of one episode."""

    title = "Re&turn to run"

    def __init__(self, clinic, settings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.state: ReturnToRunState | None = None
        self.episode_id: int | None = None
        self.refusal = ""  # why a discharged episode's log takes no run
        self.episode_combo = QComboBox(self)
        self.episode_combo.setAccessibleName("Episode of care")
        self.episode_combo.activated.connect(self._episode_chosen)
        episode_label = QLabel("&Episode:", self)
        episode_label.setBuddy(self.episode_combo)
        bar = QHBoxLayout()
        bar.addWidget(episode_label)
        bar.addWidget(self.episode_combo, 1)

        self.readiness = ReadinessPanel(self)
        self.plan_panel = RunPlanPanel(self)
        self.log_panel = RunLogPanel(self)
        self.readiness.answered.connect(self.answer)
        self.readiness.criteria_requested.connect(self.show_criteria)
        self.plan_panel.generate_requested.connect(self.generate_plan)
        self.log_panel.save_requested.connect(self.save_run)
        self.log_panel.delete_requested.connect(self.delete_run)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.plan_panel)
        right.addWidget(self.log_panel)
        right.setSizes([380, 420])
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.readiness)
        self.splitter.addWidget(right)
        self.splitter.setSizes([640, 760])
        # Side by side on a wide screen; stacked, scrolling, beside the patient list.
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.splitter)
        self.message = QLabel(self)
        self.message.setObjectName("returnToRunMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.message)
        self.body.addWidget(self.scroll)
        self.closed_note = QLabel(self)
        self.closed_note.setObjectName("episodeClosedNote")
        self.closed_note.setWordWrap(True)
        self.closed_note.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.closed_note)
        layout.addWidget(self.body, 1)
        self.drafts = DraftKeeper(clinic.drafts, DRAFT_FORM, self, self.log_panel.typed)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self.log_panel.save_typed)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.log_panel.edited.connect(self.drafts.mark_changed)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE_LAYOUT_PX
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)
            self.splitter.setMinimumHeight(0 if wide else STACKED_HEIGHT_PX)
            self.splitter.setSizes([640, 760] if wide else [560, STACKED_HEIGHT_PX - 560])

    # --- the workspace hooks ---------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        if patient_id != self.patient_id:
            self.episode_id = None
        super().show_patient(patient_id)
        self.reload(offer_draft=True)

    def keep_work(self) -> None:
        self.drafts.save_now()

    def apply_settings(self, settings) -> None:
        super().apply_settings(settings)
        if self.patient_id is not None:
            self.reload()

    def _episode_chosen(self, index: int) -> None:
        episode_id = self.episode_combo.itemData(index)
        if episode_id is not None and episode_id != self.episode_id:
            self.drafts.save_now()
            self.episode_id = episode_id
            self.reload(offer_draft=True)

    # --- loading ---------------------------------------------------------------------

    def reload(self, offer_draft: bool = False) -> None:
        """Read the episode again and show it (readiness judged on the latest data)."""
        service, s = self.clinic.return_to_run, self.settings
        try:
            state = service.load(
                self.patient_id,
                self.episode_id,
                force_unit=s.force_unit,
                distance_unit=s.distance_unit,
                date_format=s.date_format,
            )
            programs = service.programs() if state.episode_id is not None else None
            cap = service.criteria().weekly_cap_percent if programs is not None else 10.0
        except ClinicError as error:
            self._show_message(error.message)
            return
        first_load = state.episode_id != (self.state.episode_id if self.state else None)
        self.state, self.episode_id = state, state.episode_id
        self.episode_combo.clear()
        for option in state.episodes:
            self.episode_combo.addItem(option.title, option.id)
        self.episode_combo.setCurrentIndex(max(self.episode_combo.findData(state.episode_id), 0))
        self.episode_combo.setEnabled(len(state.episodes) > 1)
        if state.episode_id is None:
            self._show_message(state.message)
            return
        self.body.setCurrentWidget(self.scroll)
        self.readiness.show_state(state, s.date_format)
        self._show_closure()
        self.readiness.criteria_button.setEnabled(True)
        if first_load or offer_draft:
            start = dt.date.today() + dt.timedelta(days=1)
            self.plan_panel.set_programs(programs, cap, start, s.date_format)
            self.plan_panel.show_errors({})
        self.plan_panel.show_plan(state.plan, s.distance_unit, s.date_format)
        self.log_panel.set_unit(s.distance_unit)
        self.log_panel.show_log(state.runs, state.breaches, s.distance_unit, s.date_format)
        if first_load or offer_draft:
            self._track_draft(offer_draft)

    def _closed(self) -> bool:
        """The episode shown was discharged: its readiness, plan and log are read-only."""
        state = self.state
        options = () if state is None else state.episodes
        return any(o.id == self.episode_id and o.status == "discharged" for o in options)

    def _show_closure(self) -> None:
        """Say once that a discharged episode no longer changes, and offer no typing."""
        closed = self._closed()
        text = ""
        if closed:
            episodes = self.clinic.intake.episodes(self.patient_id)
            ended_on = next((e.ended_on for e in episodes if e.id == self.episode_id), None)
            ended = format_date(ended_on, self.settings.date_format)
            self.refusal = EpisodeClosed(
                ended_on, "its running log", LATER_RUNS, self.settings.date_format
            ).message
            text = (
                f"<b>Discharged{' on ' + ended if ended else ''}:</b> readiness, the walk/run "
                "plan and the running log are kept as they were and can no longer change."
            )
        self.closed_note.setText(text)
        self.closed_note.setVisible(closed)
        plan, log = self.plan_panel, self.log_panel
        for widget in (
            plan.template_combo, *plan.fields.values(), plan.generate_button,
            *log.inputs.values(), log.save_button, log.cancel_button,
        ):  # fmt: skip
            widget.setEnabled(not closed)
        if closed:  # the panel enables them only for an unsigned visit
            for widget in (self.readiness.walk, self.readiness.hop_left, self.readiness.hop_right,
                           self.readiness.pain_left, self.readiness.pain_right):  # fmt: skip
                widget.setEnabled(False)
            self.readiness.answer_note.hide()  # "start a follow-up visit" no longer applies

    def _track_draft(self, offer: bool) -> None:
        self.drafts.track(f"episode:{self.episode_id}", self.patient_id)
        if self._closed():
            self.log_panel.clear_entry()
            draft = self.drafts.load() if offer else None
            if draft is not None:
                self.drafts.discard()  # its run could never be added now
                values = (str(draft.payload.get(n, "")).strip() for n in self.log_panel.inputs)
                typed = ", ".join(v for v in values if v)
                if typed:
                    self.status_message.emit(
                        f"A run typed for this episode ({typed}) was never added; the episode "
                        "is now discharged, so it was dropped: its log no longer changes."
                    )
            return
        self.log_panel.clear_entry(self._next_run_date())
        draft = self.drafts.load() if offer else None
        if draft is not None and any(str(v).strip() for v in draft.payload.values()):
            self.log_panel.fill({k: str(v) for k, v in draft.payload.items()})
            self.status_message.emit(
                "The run you were typing was kept; it is back in the log's entry row."
            )

    def _next_run_date(self) -> str:
        """Two days after the last run (a rest day between), else the plan's first day."""
        state, fmt = self.state, self.settings.date_format
        if state is None:
            return ""
        if state.runs:
            return format_date(state.runs[-1].run_date + dt.timedelta(days=2), fmt)
        return format_date(state.plan.plan.start_date, fmt) if state.plan else ""

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.body.setCurrentWidget(self.message)

    # --- readiness -------------------------------------------------------------------

    def answer(self, test_code: str, side: str, passed, pain) -> None:
        """Save a yes/no item for the latest visit and judge readiness again."""
        state = self.state
        if state is None or state.answer_visit is None:
            return
        current = state.answer(test_code, side)
        if current is not None and (current.passed, current.pain) == (passed, pain):
            return
        if current is None and passed is None:
            return
        try:
            self.clinic.return_to_run.answer(
                state.answer_visit.id,
                test_code,
                side,
                passed,
                pain,
                expected_version=None if current is None else current.version,
            )
        except ClinicError as error:
            self.status_message.emit(error.message)
        else:
            self.record_changed.emit()
        self.reload()

    def show_criteria(self) -> None:
        try:
            saved = edit_criteria(self.clinic, self.settings.date_format, self)
        except ClinicError as error:
            self.status_message.emit(error.message)
            return
        if saved is not None:
            self.status_message.emit(f"Criteria version {saved.version} saved.")
            self.reload(offer_draft=False)
            self.plan_panel.cap.setValue(saved.weekly_cap_percent)

    # --- the plan --------------------------------------------------------------------

    def generate_plan(self, code: str, phase: int, days: int, start: str, cap: float) -> None:
        day = parse_date_text(start, self.settings.date_format)
        if day is None:
            self.plan_panel.show_errors({"start_date": "Enter the day of the first run."})
            return
        choices = {
            "start_phase": phase,
            "days_per_week": days,
            "start_date": day,
            "weekly_cap_percent": cap,
            "force_unit": self.settings.force_unit,
            "date_format": self.settings.date_format,
        }
        service = self.clinic.return_to_run
        try:
            try:
                stored = service.generate_plan(self.episode_id, code, **choices)
            except ValidationError as refused:
                if refused.field != "readiness" or not self._confirm_not_ready(refused.message):
                    raise
                stored = service.generate_plan(
                    self.episode_id, code, accept_not_ready=True, **choices
                )
        except ValidationErrors as errors:
            self.plan_panel.show_errors(errors.by_field())
            return
        except ValidationError as error:
            if error.field != "readiness":
                self.plan_panel.show_errors({error.field: error.message})
            return
        except ClinicError as error:
            self.status_message.emit(error.message)
            return
        self.plan_panel.show_errors({})
        self.status_message.emit(
            f"Plan generated: {len(stored.plan.runs)} runs from "
            f"{format_date(stored.plan.start_date, self.settings.date_format)}."
        )
        self.record_changed.emit()
        self.reload()
        if not self.log_panel.typed()["run_date"].strip():
            self.log_panel.inputs["run_date"].setText(self._next_run_date())

    def _confirm_not_ready(self, sentence: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Generate the plan?",
            f"{sentence}\n\nGenerate the walk/run plan anyway?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- the log ---------------------------------------------------------------------

    def save_run(self, typed: dict, run_id, version) -> None:
        if self._closed():  # Ctrl+S on the read-only log: say why, not what is missing
            self.log_panel.show_errors({"": self.refusal})
            return
        s = self.settings
        service = self.clinic.return_to_run
        try:
            run = read_run(typed, distance_unit=s.distance_unit, date_format=s.date_format)
            if run_id is None:
                service.add_run(self.episode_id, run)
            else:
                service.update_run(run_id, run, expected_version=version)
        except ValidationErrors as errors:
            self.log_panel.show_errors(errors.by_field())
            return
        except ClinicError as error:
            self.log_panel.show_errors({"": error.message})
            self.reload()
            return
        self.drafts.discard()
        self.status_message.emit(
            f"Run of {format_date(run.run_date, s.date_format)} "
            f"{'added' if run_id is None else 'changed'}."
        )
        self.reload()
        self.log_panel.clear_entry(format_date(run.run_date + dt.timedelta(days=2), s.date_format))
        self.log_panel.inputs["distance"].setFocus()

    def delete_run(self, run_id: int, version: int) -> None:
        answer = QMessageBox.StandardButton.Yes
        if not self._closed():  # a discharged episode's log: the service says why not
            answer = QMessageBox.question(
                self,
                "Remove the run?",
                "Remove this run from the log? The audit trail keeps it.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.clinic.return_to_run.delete_run(run_id, expected_version=version)
        except ClinicError as error:
            self.status_message.emit(error.message)
        else:
            self.status_message.emit("Run removed from the log.")
        self.reload()
