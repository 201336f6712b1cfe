"""The intake tab: a first evaluation in the order it runs.

Patient -> episode of care -> running profile -> history -> red flags -> questionnaires.
Ctrl+S saves every step with typing, in that order, each through its own service call;
the first step refused stays on screen with its sentences. Typing is kept as a draft every
few seconds and whenever the focus leaves a field; reopening the patient offers it back.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabBar,
    QVBoxLayout,
)

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.gui.draft_keeper import DraftKeeper
from clinic_desktop.gui.intake_episode import EpisodeStep
from clinic_desktop.gui.intake_outcomes import OutcomeStep
from clinic_desktop.gui.intake_profile import HistoryStep, RunningProfileStep
from clinic_desktop.gui.intake_red_flags import RedFlagStep
from clinic_desktop.gui.intake_step import IntakeContext, IntakeStep, PatientStep
from clinic_desktop.gui.workspace import WorkspacePage

log = logging.getLogger(__name__)

DRAFT_FORM = "intake"
STEP_NAMES = ("patient", "episode", "running_profile", "history", "red_flags", "questionnaires")
BANNER_STYLE = (
    "QFrame#draftBanner { background: #fff4d6; border: 1px solid #e0b000; border-radius: 4px; }"
)


def _local_time(saved_at_utc: dt.datetime, date_format: str) -> str:
    local = saved_at_utc.replace(tzinfo=dt.UTC).astimezone()
    return f"{format_date(local.date(), date_format)} {local:%H:%M}"


class IntakePage(WorkspacePage):
    title = "&Intake"
    permission = Permission.CLINICAL_READ
    #: The main window opens this tab right after a new patient is registered.
    follows_registration = True

    def __init__(self, clinic, settings: ClinicSettings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.steps: list[IntakeStep] = []
        self.context: IntakeContext | None = None
        self.drafts = DraftKeeper(clinic.drafts, DRAFT_FORM, self, self.draft_payload)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)

    # --- building (on first use, not at start-up) --------------------------------------------

    def _ensure_built(self) -> None:
        if self.steps:
            return
        self.banner = QFrame(self)
        self.banner.setObjectName("draftBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setWordWrap(True)
        self.restore_button = QPushButton("&Restore the typing", self.banner)
        self.restore_button.setAutoDefault(True)
        self.discard_button = QPushButton("Discard it", self.banner)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_label, 1)
        banner_layout.addWidget(self.restore_button)
        banner_layout.addWidget(self.discard_button)
        self.banner.hide()
        self.restore_button.clicked.connect(self.restore_draft)
        self.discard_button.clicked.connect(self.discard_draft)

        self.step_bar = QTabBar(self)
        self.step_bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_bar.setDocumentMode(True)
        self.stack = QStackedWidget(self)
        date_format = self.settings.date_format
        self.steps = [
            PatientStep(self.clinic, date_format),
            EpisodeStep(self.clinic),
            RunningProfileStep(self.clinic),
            HistoryStep(self.clinic),
            RedFlagStep(self.clinic),
            OutcomeStep(self.clinic),
        ]
        for number, step in enumerate(self.steps, start=1):
            scroll = QScrollArea(self.stack)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(step)
            self.stack.addWidget(scroll)
            self.step_bar.addTab(f"{number} {step.title}")
            step.changed.connect(self._typed)
            step.status_message.connect(self.status_message)
        self.steps[4].alerts_changed.connect(self.record_changed)
        self.step_bar.currentChanged.connect(self.go_to_step)

        self.note_label = QLabel(self)
        self.note_label.setWordWrap(True)
        self.next_button = QPushButton("Save and &next step", self)
        self.next_button.setAutoDefault(True)
        self.save_button = QPushButton("&Save all (Ctrl+S)", self)
        self.save_button.setAutoDefault(True)
        self.next_button.clicked.connect(self.save_and_next)
        self.save_button.clicked.connect(self.save_all)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note_label, 1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.save_button)

        self._layout.addWidget(self.banner)
        self._layout.addWidget(self.step_bar)
        self._layout.addWidget(self.stack, 1)
        self._layout.addLayout(buttons)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_all)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            move = QShortcut(QKeySequence(keys), self, activated=lambda s=step: self.move(s))
            move.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- the workspace hooks -----------------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        self.keep_work()
        super().show_patient(patient_id)
        self._ensure_built()
        self._load(patient_id)
        self.drafts.track(f"patient:{patient_id}", patient_id)
        self._offer_draft()

    def _load(self, patient_id: int) -> None:
        patient = self.clinic.patients.details(patient_id)
        episode = self.clinic.intake.current_episode(patient_id)
        self.context = IntakeContext(patient, episode, self.settings)
        for step in self.steps:
            step.load(self.context)
        self._mark_steps()
        # A patient without an open episode has just been registered or is coming back.
        self.go_to_step(1 if episode is None else 0)

    def keep_work(self) -> None:
        if self.steps:
            self.drafts.save_now()

    def apply_settings(self, settings: ClinicSettings) -> None:
        super().apply_settings(settings)
        if self.context is not None:
            self.context.settings = settings
            for step in self.steps:  # units and date format; typing in progress stays as is
                if not step.dirty:
                    step.load(self.context)

    # --- moving between steps ----------------------------------------------------------------

    @property
    def current_index(self) -> int:
        return self.stack.currentIndex()

    def go_to_step(self, index: int) -> None:
        index = max(0, min(index, len(self.steps) - 1))
        if self.step_bar.currentIndex() != index:
            self.step_bar.setCurrentIndex(index)  # comes back here through the signal
            return
        self.stack.setCurrentIndex(index)
        self.steps[index].first_field.setFocus()

    def move(self, offset: int) -> None:
        self.go_to_step(self.current_index + offset)

    def _typed(self) -> None:
        self._mark_steps()
        self.drafts.mark_changed()

    def _mark_steps(self) -> None:
        for number, step in enumerate(self.steps, start=1):
            marker = " •" if step.dirty else ""
            self.step_bar.setTabText(number - 1, f"{number} {step.title}{marker}")
        unsaved = [s.title.lower() for s in self.steps if s.dirty]
        self.note_label.setText(
            f"Not saved yet: {', '.join(unsaved)} (kept as a draft)." if unsaved else ""
        )

    # --- saving ------------------------------------------------------------------------------

    def save_all(self) -> bool:
        """Save every step with typing, in order; stop at the first that is refused."""
        if self.context is None:
            return False
        saved = []
        for index, step in enumerate(self.steps):
            if not step.dirty:
                continue
            had_episode = self.context.episode
            if not step.save(self.context):
                self._mark_steps()
                self.go_to_step(index)
                self.drafts.save_now()
                return False
            saved.append(step.title.lower())
            if index == 1 and self.context.episode is not had_episode:
                self._episode_changed()
        self._mark_steps()
        if saved:
            self.drafts.discard()
            self.status_message.emit(f"Saved: {', '.join(saved)}.")
            self.record_changed.emit()
        return True

    def _episode_changed(self) -> None:
        """A new or corrected episode: later steps without typing show its records."""
        for step in self.steps[2:]:
            if not step.dirty:
                step.load(self.context)

    def save_and_next(self) -> None:
        if self.save_all():
            self.move(1)

    # --- drafts ------------------------------------------------------------------------------

    def _named_steps(self) -> list[tuple[str, IntakeStep]]:
        return list(zip(STEP_NAMES, self.steps, strict=True))

    def draft_payload(self) -> dict[str, Any]:
        return {
            "steps": {name: step.state() for name, step in self._named_steps() if step.dirty},
            "current": self.current_index,
        }

    def _offer_draft(self) -> None:
        draft = self.drafts.load()
        if draft is None or not draft.payload.get("steps"):
            self.banner.hide()
            return
        self._draft = draft
        titles = [s.title.lower() for n, s in self._named_steps() if n in draft.payload["steps"]]
        self.banner_label.setText(
            f"Typing from {_local_time(draft.saved_at, self.settings.date_format)} was kept "
            "but not saved "
            f"({', '.join(titles)}). Restore it to check and save it, or discard it."
        )
        self.banner.show()
        self.restore_button.setFocus()

    def restore_draft(self) -> None:
        """Put the kept typing back into its steps; it stays unsaved until Ctrl+S."""
        draft = self.drafts.load()
        self.banner.hide()
        if draft is None:
            return
        for name, step in self._named_steps():
            state = draft.payload.get("steps", {}).get(name)
            if state is None:
                continue
            try:
                step.restore(state)
            except (ClinicError, KeyError, TypeError, ValueError) as error:
                log.warning("draft step %s not restored: %s", name, error)
        self._mark_steps()
        self.drafts.unsaved = True
        self.go_to_step(int(draft.payload.get("current", 0)))
        self.status_message.emit("The kept typing is back; press Ctrl+S to save it.")

    def discard_draft(self) -> None:
        self.banner.hide()
        self.drafts.discard()
        self.status_message.emit("The kept typing was discarded.")
        self.steps[self.current_index].first_field.setFocus()
