"""The Goals tab: the goals set with the runner for one episode, where each one stands,
and the form that sets or changes them.

Keyboard: Ctrl+N starts a new goal (the focus goes to its words), Ctrl+S (or Enter in a
one-line field) saves it, Esc puts the goal back as saved; in the table Up/Down choose the
goal shown in the form and Delete removes it after a confirmation. Unsaved typing is kept as
a draft every few seconds, when a field is left and when the patient changes, and comes
back when that goal is opened again. The goals of a discharged episode are read-only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
)

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError, StaleRecord, ValidationErrors
from clinic_desktop.domain.goals import Goal, GoalStanding
from clinic_desktop.gui.draft_keeper import DraftKeeper
from clinic_desktop.gui.goal_editor import GoalEditor, target_words
from clinic_desktop.gui.text_table import TextRow, TextTableModel, text_table
from clinic_desktop.gui.workspace import WorkspacePage

DRAFT_FORM = "goal_editor"
COLUMNS = ("Goal", "Target", "Target date", "Measured now", "Status", "Note")
STATUS_COLOURS = {"met": "#1b5e20", "partly_met": "#8a5a00", "not_met": "#b00020"}
EDITING_STYLE = "font-weight: bold;"
RESTORED_STYLE = "background: #fff4d6; border: 1px solid #e0b000; border-radius: 4px; padding: 3px;"
EPISODE_STATUS = {"active": "active", "on_hold": "on hold", "discharged": "discharged"}


class GoalsPage(WorkspacePage):
    """The goals of one episode of care: a table of where they stand, and their form."""

    title = "Goa&ls"  # Alt+G is the Home program

    def __init__(self, clinic, settings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.built = False
        self.episodes = []
        self.episode = None
        self.standings: tuple[GoalStanding, ...] = ()
        #: The goal in the form, as saved; None while a new goal is typed.
        self.goal: Goal | None = None
        self.editable = False
        self._quiet = False

    # --- building, once --------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._build()
        super().showEvent(event)
        # The tab was opened to work on goals: start in the list, or in the words of the
        # first goal when there is none yet (once the patient is known).
        QTimer.singleShot(0, self._focus_start)

    def _focus_start(self) -> None:
        if not self.built or not self.isVisible():
            return
        if self.model.rowCount():
            self.table.setFocus()
        elif self.editable:
            self.editor.ui.textEdit.setFocus()

    def _build(self) -> None:
        if self.built:
            return
        self.built = True
        self.episode_box = QComboBox(self)
        self.episode_box.setAccessibleName("Episode of care")
        caption = QLabel("&Episode:", self)
        caption.setBuddy(self.episode_box)
        bar = QHBoxLayout()
        bar.addWidget(caption)
        bar.addWidget(self.episode_box, 1)
        self.note = QLabel(self)
        self.note.setObjectName("goalsNote")
        self.note.setWordWrap(True)
        self.model = TextTableModel(COLUMNS, self)
        self.table = text_table(self.model, self, "Goals")
        header = self.table.horizontalHeader()
        # The goal's words and the note share the width; the figures keep theirs.
        header.setStretchLastSection(False)
        for column in (0, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 210)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.editor = GoalEditor(self.clinic.goals.battery, self.clinic.goals.instruments, self)
        self.editor.set_units(self.settings.force_unit, self.settings.date_format)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)

        self.drafts = DraftKeeper(self.clinic.drafts, DRAFT_FORM, self, self._draft_payload)
        ui = self.editor.ui
        self.episode_box.activated.connect(self._choose_episode)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._row_chosen())
        self.editor.edited.connect(self.drafts.mark_changed)
        ui.saveButton.clicked.connect(self.save)
        ui.newButton.clicked.connect(self.new_goal)
        ui.cancelButton.clicked.connect(self.cancel_edits)
        ui.removeButton.clicked.connect(self.remove_current)
        for field in (ui.textEdit, ui.valueEdit, ui.dateEdit):
            field.returnPressed.connect(self.save)
        self.actions_by_key = {}
        for keys, slot, where, context in (
            ("Ctrl+N", self.new_goal, self, Qt.ShortcutContext.WidgetWithChildrenShortcut),
            ("Ctrl+S", self.save, self, Qt.ShortcutContext.WidgetWithChildrenShortcut),
            ("Delete", self.remove_current, self.table, Qt.ShortcutContext.WidgetShortcut),
            ("Esc", self.cancel_edits, self.editor, Qt.ShortcutContext.WidgetWithChildrenShortcut),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(context)
            action.triggered.connect(slot)
            where.addAction(action)
            self.actions_by_key[keys] = action
        if self.patient_id is not None:
            self.show_patient(self.patient_id)

    # --- patient and episode ---------------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        self.keep_work()
        super().show_patient(patient_id)
        if not self.built:
            return
        self.episodes = self.clinic.intake.episodes(patient_id)
        index = next((i for i, e in enumerate(self.episodes) if e.status == "active"), 0)
        self.episode_box.clear()
        for episode in self.episodes:
            started = format_date(episode.started_on, self.settings.date_format)
            status = EPISODE_STATUS.get(episode.status, episode.status)
            self.episode_box.addItem(f"{episode.diagnosis}, from {started} ({status})")
        self.episode_box.setEnabled(bool(self.episodes))
        self._choose_episode(index if self.episodes else -1)

    def _choose_episode(self, index: int) -> None:
        self.drafts.save_now()
        self.episode = self.episodes[index] if 0 <= index < len(self.episodes) else None
        if self.episode is not None:
            self.episode_box.setCurrentIndex(index)
        self._reload(select_id=self._goal_with_draft())

    def _reload(self, select_id: int | None = None, keep_form: bool = False) -> None:
        """Read the episode's goals again and show them; the form shows ``select_id`` (else
        the first goal), or keeps what is typed with ``keep_form``."""
        episode = self.episode
        self.standings = self.clinic.goals.standings(episode.id) if episode else ()
        writer = self.clinic.access.may(Permission.CLINICAL_WRITE)
        self.editable = episode is not None and episode.status != "discharged" and writer
        battery = self.clinic.goals.battery
        self.model.set_rows([self._row(s, battery) for s in self.standings])
        self.table.resizeRowsToContents()
        self.note.setText(self._episode_note(writer))
        self.editor.setEnabled(self.editable)
        for keys in ("Ctrl+N", "Ctrl+S", "Delete", "Esc"):
            self.actions_by_key[keys].setEnabled(self.editable)
        ids = [s.goal.id for s in self.standings]
        row = ids.index(select_id) if select_id in ids else (0 if ids and select_id != 0 else -1)
        self._quiet = True
        try:
            self.table.setCurrentIndex(self.model.index(row, 0) if row >= 0 else QModelIndex())
        finally:
            self._quiet = False
        if not keep_form:
            self._open(self.standings[row].goal if row >= 0 else None)

    def _row(self, standing: GoalStanding, battery) -> TextRow:
        goal = standing.goal
        computed = standing.computed_status is not None
        measured = standing.measured or ("not measured yet" if standing.target else "—")
        return TextRow(
            cells=(
                goal.text,
                target_words(standing, battery) or "not measurable",
                format_date(goal.target_date, self.settings.date_format) or "—",
                measured,
                standing.status_words,
                goal.status_note,
            ),
            tooltip="Status from the latest figures." if computed else "Status as set in the form.",
            key=goal.id,
            colours=((4, STATUS_COLOURS[standing.status]),) if standing.status in STATUS_COLOURS
            else (),
        )  # fmt: skip

    def _episode_note(self, writer: bool) -> str:
        episode = self.episode
        if episode is None:
            return (
                "This patient has no episode of care yet. Start one in the Intake tab; its "
                "goals are set here."
            )
        if episode.status == "discharged":
            ended = format_date(episode.ended_on, self.settings.date_format) or "an unknown day"
            return f"This episode was discharged on {ended}; its goals can no longer be changed."
        which = "active episode" if episode.status == "active" else "latest episode (on hold)"
        text = f"Goals of the {which}."
        if not writer:
            return text + " Your role may read these goals, not change them."
        if not self.standings:
            return text + " No goals yet: type the first one below (Ctrl+N starts another)."
        return text + " Up/Down choose a goal, Ctrl+N starts a new one, Delete removes one."

    # --- the goal in the form ----------------------------------------------------------------

    def _row_chosen(self) -> None:
        if self._quiet:
            return
        row = self.table.currentIndex().row()
        self._open(self.standings[row].goal if 0 <= row < len(self.standings) else None)

    def _draft_key(self, goal: Goal | None) -> str | None:
        if not self.editable or self.episode is None:
            return None
        return f"goal:{goal.id}" if goal is not None else f"episode:{self.episode.id}:new-goal"

    def _open(self, goal: Goal | None) -> None:
        """Show ``goal`` (None: a new one) in the form, with its draft if one was kept."""
        if self.drafts.unsaved and self._draft_key(goal) != self.drafts.record_key:
            self.status_message.emit(
                "The typing on the other goal is kept as a draft; it comes back when you "
                "open that goal."
            )
        self.drafts.track(self._draft_key(goal), self.patient_id)
        self.goal = goal
        standing = next((s for s in self.standings if goal and s.goal.id == goal.id), None)
        side = self.episode.side if self.episode else ""
        self.editor.show_goal(goal, standing, side)
        self.editor.ui.removeButton.setEnabled(goal is not None)
        label = self.editor.ui.editingLabel
        if goal is None:
            label.setText("New goal: Ctrl+S adds it to the list.")
        else:
            number = next(i for i, s in enumerate(self.standings, 1) if s.goal.id == goal.id)
            label.setText(f"Goal {number} of {len(self.standings)}, as saved.")
        label.setStyleSheet(EDITING_STYLE)
        draft = self.drafts.load()
        if draft is None or not isinstance(draft.payload.get("typed"), dict):
            return
        self.editor.fill(draft.payload["typed"])
        self.drafts.unsaved = True
        saved_at = draft.saved_at.replace(tzinfo=dt.UTC).astimezone()
        when = f"{format_date(saved_at.date(), self.settings.date_format)} {saved_at:%H:%M}"
        text = (
            f"Typing from {when} that was not saved is back in the form: Ctrl+S saves it, "
            "Esc puts the goal back as saved."
        )
        if goal is not None and draft.payload.get("version") != goal.version:
            text += " The goal was changed since then: compare before saving."
        label.setText(text)
        label.setStyleSheet(RESTORED_STYLE)

    def _goal_with_draft(self) -> int | None:
        """The goal whose unsaved typing was kept most recently (0: a new goal), if any."""
        if self.episode is None or self.patient_id is None:
            return None
        try:
            drafts = self.clinic.drafts.drafts_for_patient(self.patient_id)
        except ClinicError:
            return None
        new_key = f"episode:{self.episode.id}:new-goal"
        goal_ids = {g.id for g in self.clinic.goals.list(self.episode.id)}
        found = None
        for draft in drafts:  # oldest first: the last match is the latest typing
            if draft.form != DRAFT_FORM:
                continue
            if draft.record_key == new_key:
                found = 0
            elif draft.record_key.startswith("goal:") and draft.record_key[5:].isdigit():
                goal_id = int(draft.record_key[5:])
                found = goal_id if goal_id in goal_ids else found
        return found

    def _draft_payload(self) -> dict:
        return {
            "goal_id": self.goal.id if self.goal else None,
            "version": self.goal.version if self.goal else None,
            "typed": self.editor.typed(),
        }

    # --- changes ------------------------------------------------------------------------------

    def new_goal(self) -> None:
        if not self.editable:
            self.status_message.emit(self.note.text())
            return
        self._quiet = True
        try:
            self.table.setCurrentIndex(QModelIndex())
        finally:
            self._quiet = False
        self._open(None)
        self.editor.ui.textEdit.setFocus()

    def save(self) -> None:
        if not self.editable or self.episode is None:
            self.status_message.emit(self.note.text())
            return
        try:
            fields = self.editor.checked()
        except ValidationErrors as errors:
            self.editor.show_errors(errors.by_field())
            self.status_message.emit("Nothing was saved: " + errors.message)
            return
        try:
            if self.goal is None:
                saved = self.clinic.goals.add(self.episode.id, fields)
            else:
                saved = self.clinic.goals.update(self.goal.id, self.goal.version, fields)
        except StaleRecord as error:
            self.drafts.save_now()
            self._reload(select_id=self.goal.id, keep_form=True)
            self._refused(error.message + " Your typing is kept: Esc shows their version.")
            return
        except ClinicError as error:
            self._refused(error.message)
            return
        added = self.goal is None
        self.drafts.discard()
        self._reload(select_id=saved.id)
        self.table.setFocus()
        self.record_changed.emit()
        self.status_message.emit(f"{'Added' if added else 'Saved'} the goal “{saved.text}”.")

    def _refused(self, sentence: str) -> None:
        self.editor.show_general(sentence)
        self.status_message.emit(sentence)

    def cancel_edits(self) -> None:
        """Forget the typing: the goal as saved comes back (a new goal's form is emptied)."""
        if not self.editable:
            return
        self.drafts.discard()
        if self.goal is not None:
            self._reload(select_id=self.goal.id)
        else:
            self._open(None)
        self.editor.ui.textEdit.setFocus()
        self.status_message.emit("The typing was discarded; the goal is shown as saved.")

    def remove_current(self) -> None:
        row = self.table.currentIndex().row()
        if not self.editable or not 0 <= row < len(self.standings):
            return
        goal = self.standings[row].goal
        answer = QMessageBox.question(
            self,
            "Remove goal",
            f"Remove the goal “{goal.text}”?\n\nThe audit trail keeps a record of it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.clinic.goals.remove(goal.id, goal.version)
        except ClinicError as error:
            self._reload(select_id=goal.id)
            self._refused(error.message)
            return
        if self.drafts.record_key == f"goal:{goal.id}":
            self.drafts.discard()
        remaining = [s.goal.id for s in self.standings if s.goal.id != goal.id]
        self._reload(select_id=remaining[min(row, len(remaining) - 1)] if remaining else 0)
        self.table.setFocus()
        self.record_changed.emit()
        self.status_message.emit(f"Removed the goal “{goal.text}”.")

    # --- the workspace hooks -----------------------------------------------------------------

    def keep_work(self) -> None:
        if self.built:
            self.drafts.save_now()

    def apply_settings(self, settings) -> None:
        super().apply_settings(settings)
        if self.built:
            self.keep_work()
            self.editor.set_units(settings.force_unit, settings.date_format)
            if self.patient_id is not None:
                self.show_patient(self.patient_id)
