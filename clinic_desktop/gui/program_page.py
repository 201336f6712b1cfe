"""The Home program tab: the library on the left, the patient's program on the right.

Keyboard: type in the library search, Up/Down to pick, Enter adds the exercise. In the
program list Alt+Up/Alt+Down move the selected exercise, Delete removes it, Enter goes
to its dosage; Ctrl+S (or Enter in a field) applies the dosage. Rows can be dragged too.
An earlier version, or the program of a discharged episode, is shown read-only; the
handout of the version shown can be previewed and printed from here. The widgets are
built the first time the tab is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError, StaleRecord, ValidationErrors
from clinic_desktop.domain.home_program import HomeProgram, ProgramVersion
from clinic_desktop.gui.draft_keeper import DraftKeeper
from clinic_desktop.gui.library_browser import LibraryBrowser
from clinic_desktop.gui.program_editor import DosageEditor, ProgramModel
from clinic_desktop.gui.workspace import WorkspacePage

KINDS = {"initial": "initial evaluation", "follow_up": "follow-up", "re_evaluation":
         "re-evaluation", "discharge": "discharge"}  # fmt: skip


def version_label(version: ProgramVersion, date_format: str, current: bool) -> str:
    day = format_date(version.visit_date or version.issued_at.date(), date_format)
    kind = KINDS.get(version.visit_kind, version.visit_kind.replace("_", " "))
    text = f"Version {version.number}: {day}" + (f", {kind}" if kind else "")
    return text + (" (current)" if current else "")


class ProgramPage(WorkspacePage):
    title = "Home pro&gram"  # Alt+O is the Overview

    def __init__(self, clinic, settings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.built = False
        self.episodes = []
        self.episode = None
        self.program: HomeProgram | None = None
        self.editable = False

    # --- building, once --------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._build()
        super().showEvent(event)
        # The tab was opened to work on the program: start in the library search, once the
        # main window has told the page which patient is open.
        QTimer.singleShot(0, self._focus_search)

    def _focus_search(self) -> None:
        if self.built and self.editable and self.isVisible():
            self.browser.setFocus()

    def _build(self) -> None:
        if self.built:
            return
        self.built = True
        self.episode_box = QComboBox(self)
        self.episode_box.setAccessibleName("Episode of care")
        self.version_box = QComboBox(self)
        self.version_box.setAccessibleName("Program version")
        self.template_box = QComboBox(self)
        self.template_box.setAccessibleName("Program template")
        self.apply_template_button = QPushButton("Use &template", self)
        self.save_template_button = QPushButton("Save as templat&e…", self)
        self.preview_button = QPushButton("Pre&view handout…", self)
        self.note = QLabel(self)
        self.note.setObjectName("programNote")
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        for label, widget in (("E&pisode:", self.episode_box), ("&Version:", self.version_box)):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget, 1)
        bar.addWidget(self.preview_button)
        templates = QHBoxLayout()
        caption = QLabel("Te&mplate:", self)
        caption.setBuddy(self.template_box)
        templates.addWidget(caption)
        templates.addWidget(self.template_box, 1)
        templates.addWidget(self.apply_template_button)
        templates.addWidget(self.save_template_button)

        self.browser = LibraryBrowser(self)
        self.add_button = QPushButton("&Add to program", self)
        self.new_exercise_button = QPushButton("&New exercise…", self)
        self.new_exercise_button.setToolTip("Add the clinic's own exercise to the library")
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.browser, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button, 1)
        buttons.addWidget(self.new_exercise_button)
        left_layout.addLayout(buttons)

        self.model = ProgramModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setObjectName("programTable")
        self.table.setAccessibleName("Home program")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setDropIndicatorShown(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 200)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        self.editor = DosageEditor(self)
        self.remove_button = QPushButton("&Remove (Del)", self)
        move_hint = QLabel("Alt+Up / Alt+Down or drag to reorder", self)
        row = QHBoxLayout()
        row.addWidget(move_hint, 1)
        row.addWidget(self.remove_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.table, 3)
        right_layout.addLayout(row)
        right_layout.addWidget(self.editor)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(templates)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)

        self.drafts = DraftKeeper(self.clinic.drafts, "home_program_dosage", self,
                                  self.editor.typed)  # fmt: skip
        self.browser.exercise_chosen.connect(self.add_exercise)
        self.add_button.clicked.connect(self._add_current)
        self.new_exercise_button.clicked.connect(self.new_exercise)
        self.new_exercise_button.setEnabled(self.clinic.access.may(Permission.CLINICAL_WRITE))
        self.model.move_requested.connect(self._move_rows)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._item_chosen())
        self.table.activated.connect(lambda _i: self.editor.fields["sets"].setFocus())
        self.editor.apply_requested.connect(self.apply_dosage)
        self.editor.edited.connect(self.drafts.mark_changed)
        self.remove_button.clicked.connect(self.remove_current)
        self.episode_box.activated.connect(lambda i: self._choose_episode(i))
        self.version_box.activated.connect(lambda _i: self._choose_version())
        self.apply_template_button.clicked.connect(self.apply_template)
        self.save_template_button.clicked.connect(self.save_template)
        self.preview_button.clicked.connect(self.preview_handout)
        for keys, slot, where in (
            ("Alt+Up", lambda: self.move_current(-1), self.table),
            ("Alt+Down", lambda: self.move_current(1), self.table),
            ("Delete", self.remove_current, self.table),
            ("Ctrl+S", self.editor.request_apply, self),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            where.addAction(action)
        library = self.clinic.exercises.library()
        self.browser.set_library(library, self.clinic.exercises.figure_svg)
        self.editor.set_band_levels(library.band_levels)
        if self.patient_id is not None:
            self.show_patient(self.patient_id)

    # --- patient, episode and version ----------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        self.keep_work()
        super().show_patient(patient_id)
        if not self.built:
            return
        self.episodes = self.clinic.intake.episodes(patient_id)
        current = self.clinic.intake.current_episode(patient_id)
        self.episode_box.clear()
        for episode in self.episodes:
            day = format_date(episode.started_on, self.settings.date_format)
            what = episode.diagnosis_label or ("Performance" if episode.kind == "performance"
                                               else "Episode")  # fmt: skip
            self.episode_box.addItem(f"{what}, from {day} ({episode.status.replace('_', ' ')})")
        index = self.episodes.index(current) if current in self.episodes else 0
        self._choose_episode(index if self.episodes else -1)
        self._load_templates()

    def _choose_episode(self, index: int) -> None:
        self.episode = self.episodes[index] if 0 <= index < len(self.episodes) else None
        if index >= 0:
            self.episode_box.setCurrentIndex(index)
        self._show(self.clinic.programs.current(self.episode.id) if self.episode else None)

    def _choose_version(self) -> None:
        program_id = self.version_box.currentData()
        if program_id is not None and (self.program is None or program_id != self.program.id):
            self._show(self.clinic.programs.program(program_id))

    def _show(self, program: HomeProgram | None, select_row: int | None = None) -> None:
        self.drafts.save_now()
        self.program = program
        discharged = self.episode is not None and self.episode.status == "discharged"
        viewing_old = program is not None and not program.is_current
        self.editable = self.episode is not None and not discharged and not viewing_old
        library = self.clinic.exercises.library()
        self.model.set_program(program, library, self.editable)
        self.table.resizeRowsToContents()
        self.version_box.clear()
        if self.episode is not None:
            versions = self.clinic.programs.versions(self.episode.id)
            for version in versions:
                current = version.id == versions[0].id
                self.version_box.addItem(
                    version_label(version, self.settings.date_format, current), version.id
                )
            if program is not None:
                self.version_box.setCurrentIndex(self.version_box.findData(program.id))
        if self.episode is None:
            note = "This patient has no episode of care yet; start one in the Intake tab."
        elif discharged:
            note = ("This episode of care has ended; its program is shown as it was given and "
                    "can be printed, not changed.")  # fmt: skip
        elif viewing_old:
            note = "An earlier version, as it was given; choose the current one to change it."
        elif program is None:
            note = "No program yet: find an exercise on the left and press Enter to add it."
        else:
            note = "Changes go to the version of the latest visit; earlier ones stay as given."
        self.note.setText(note)
        for widget in (self.add_button, self.remove_button, self.editor,
                       self.apply_template_button):  # fmt: skip
            widget.setEnabled(self.editable)
        self.save_template_button.setEnabled(program is not None and bool(program.items))
        self.preview_button.setEnabled(program is not None and bool(program.items))
        if self.model.rowCount():
            row = min(select_row if select_row is not None else 0, self.model.rowCount() - 1)
            self.table.setCurrentIndex(self.model.index(row, 1))
        self._item_chosen()

    def _item_chosen(self) -> None:
        item = self._current_item()
        self.editor.show_dosage(item.dosage if item else None)
        if item is None or not self.editable:
            self.drafts.track(None)
            return
        self.drafts.track(f"item:{item.id}", self.patient_id)
        draft = self.drafts.load()
        if draft is not None:
            self.editor.show_typed(draft.payload)
            self.drafts.unsaved = True
            self.status_message.emit("Restored the dosage typed earlier but not yet applied.")

    def _current_item(self):
        row = self.table.currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    # --- changes ---------------------------------------------------------------------------

    def _call(self, change, select_row: int | None = None) -> bool:
        """Run one service change and show the program it returns; sentences for refusals."""
        try:
            program = change(self.episode.id, self.program.id if self.program else None)
        except StaleRecord as error:
            self.status_message.emit(error.message)
            self._show(self.clinic.programs.current(self.episode.id))
            return False
        except ClinicError as error:
            self.status_message.emit(error.message)
            self.note.setText(error.message)
            return False
        self._show(program, select_row)
        self.record_changed.emit()
        return True

    def _add_current(self) -> None:
        exercise = self.browser.current_exercise()
        if exercise is not None:
            self.add_exercise(exercise.id)

    def add_exercise(self, exercise_id: str) -> None:
        if not self.editable:
            self.status_message.emit(self.note.text())
            return
        if self._call(lambda e, p: self.clinic.programs.add_exercise(e, p, exercise_id), 99):
            name = self.clinic.exercises.library().get(exercise_id).name
            self.status_message.emit(f"Added {name} to the home program.")

    def remove_current(self) -> None:
        item = self._current_item()
        if item is None or not self.editable:
            return
        row = self.table.currentIndex().row()
        name = self.model.name_of(item)
        if self._call(lambda e, p: self.clinic.programs.remove_item(e, p, item.id), row):
            self.status_message.emit(f"Removed {name} from the home program.")

    def move_current(self, delta: int) -> None:
        row = self.table.currentIndex().row()
        if row >= 0:
            self._move_rows(row, row + delta)

    def _move_rows(self, source: int, target: int) -> None:
        if not self.editable or not 0 <= target < self.model.rowCount():
            return
        item = self.model.items[source]
        self._call(lambda e, p: self.clinic.programs.move_item(e, p, item.id, target), target)
        self.table.setFocus()

    def apply_dosage(self, typed: dict) -> None:
        item = self._current_item()
        if item is None or not self.editable:
            return
        row = self.table.currentIndex().row()
        try:
            program = self.clinic.programs.set_dosage(
                self.episode.id, self.program.id, item.id, **typed
            )
        except ValidationErrors as errors:
            self.editor.show_errors(errors.by_field())
            self.status_message.emit("Nothing was saved: " + errors.message)
            return
        except ClinicError as error:
            self.status_message.emit(error.message)
            return
        self.drafts.discard()
        self._show(program, row)
        self.record_changed.emit()
        self.status_message.emit(f"Saved the dosage of {self.model.name_of(item)}.")

    def new_exercise(self) -> None:
        from clinic_desktop.gui.exercise_dialog import ExerciseDialog

        dialog = ExerciseDialog(self.clinic, self)
        if dialog.exec() and dialog.added is not None:
            self.browser.set_library(self.clinic.exercises.library(),
                                     self.clinic.exercises.figure_svg)  # fmt: skip
            self.browser.search_box.setText(dialog.added.name)
            self.browser.setFocus()
            self.status_message.emit(
                f"Added {dialog.added.name} to the clinic's library; press Enter to add it "
                "to the program."
            )

    # --- templates and the handout ------------------------------------------------------------

    def _load_templates(self) -> None:
        self.template_box.clear()
        try:
            templates = self.clinic.programs.templates()
        except ClinicError as error:
            self.template_box.setToolTip(error.message)
            templates = ()
        self.template_box.addItem("Templates…" if templates else "No templates saved", None)
        for template in templates:
            self.template_box.addItem(f"{template.name} ({len(template.items)})", template.name)

    def apply_template(self) -> None:
        name = self.template_box.currentData()
        if name is None:
            self.status_message.emit("Choose a template first.")
            return
        if self._call(lambda e, p: self.clinic.programs.apply_template(e, p, name), 99):
            self.status_message.emit(f"Copied the template “{name}” into the program.")

    def save_template(self, name: str | None = None) -> None:
        if self.program is None:
            return
        if not name:
            name, ok = QInputDialog.getText(
                self, "Save as template", "Template name (e.g. Patellofemoral pain, phase 1):"
            )
            if not ok:
                return
        try:
            saved = self.clinic.programs.save_template(name, self.program.id)
        except ValidationErrors as errors:
            self.status_message.emit(errors.message)
            return
        except ClinicError as error:
            self.status_message.emit(error.message)
            return
        self._load_templates()
        self.status_message.emit(f"Saved the template “{saved.name}”.")

    def preview_handout(self) -> None:
        from clinic_desktop.gui.pdf_preview import open_handout_preview

        if self.program is not None and self.patient_id is not None:
            program_id = None if self.program.is_current else self.program.id
            self.preview = open_handout_preview(self.clinic, self.patient_id, self, program_id)

    def keep_work(self) -> None:
        if self.built:
            self.drafts.save_now()
