"""The Assessment tab: choose or start a visit, type values side by side, see the deficits.

Each committed cell is saved at once; the cell being typed is kept as a draft a moment
after each keystroke and whenever the workspace asks to keep work, so a crash or a power
cut loses at most that cell, and reopening the visit offers it back in place.
"""

from __future__ import annotations

import logging
from html import escape

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
)

from clinic_desktop.domain.assessment import DEFAULT_SYMMETRY_THRESHOLD
from clinic_desktop.domain.assessment_values import (
    VISIT_KINDS,
    CellKey,
)
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.deficits import deficit_summary
from clinic_desktop.domain.errors import ClinicError, NotFound
from clinic_desktop.domain.patients import VISIT_KIND_LABELS
from clinic_desktop.gui.assessment_cells import ValueDelegate
from clinic_desktop.gui.assessment_editing import CellEditing
from clinic_desktop.gui.assessment_grid import (
    CHANGE,
    DIFFERENCE,
    LEFT,
    LSI,
    NORM,
    PERCENT,
    RIGHT,
    TEST,
    AssessmentGridModel,
)
from clinic_desktop.gui.assessment_view import AssessmentGridView
from clinic_desktop.gui.workspace import WorkspacePage

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 1500
SUMMARY_HEADINGS = {
    "below_norm": "Below norm (beyond the MDC)",
    "asymmetry": "Symmetry below threshold",
    "side_difference": "Side-to-side difference",
    "y_balance_composite": "Y-balance",
    "movement_control": "Movement control",
    "painful": "Painful",
}
# Value and figure columns; the test name takes the rest of the width.
COLUMN_WIDTHS = {
    LEFT: 124, RIGHT: 124, NORM: 56, PERCENT: 114, DIFFERENCE: 64, LSI: 46, CHANGE: 128,
}  # fmt: skip
# Wider than this, the summary sits beside the grid; narrower, below it.
SIDE_BY_SIDE_MIN_WIDTH = 1150
KEY_HINT = (
    "Type a value · Tab: left \u2192 right \u2192 next row · Enter: down · Ctrl+D: copy left to "
    "right · Ctrl+P: painful · Ctrl+K: squat checklist · Ctrl+Shift+P: add passive row · "
    "Ctrl+T: add a test · Del: clear"
)


class AssessmentPage(CellEditing, WorkspacePage):
    """Visit chooser and starter, the grid per region, and the deficit summary."""

    title = "&Assessment"

    def __init__(self, clinic, settings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.service = clinic.assessments
        self.episodes: list = []
        self.visits: list = []
        self.typing: tuple[CellKey, str] | None = None
        self._laid_out_wide: bool | None = None
        self._build()

    # --- layout --------------------------------------------------------------------------

    def _build(self) -> None:
        self.episode_combo = QComboBox(self)
        self.episode_combo.setObjectName("episodeCombo")
        self.episode_combo.setMinimumContentsLength(22)
        self.visit_combo = QComboBox(self)
        self.visit_combo.setObjectName("visitCombo")
        self.visit_combo.setMinimumContentsLength(24)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("visitKindCombo")
        for kind in VISIT_KINDS:
            self.kind_combo.addItem(VISIT_KIND_LABELS[kind], kind)
        self.start_button = QPushButton("Start &new visit", self)
        self.sign_button = QPushButton("&Sign visit\u2026", self)
        episode_label = QLabel("&Episode", self)
        episode_label.setBuddy(self.episode_combo)
        visit_label = QLabel("&Visit", self)
        visit_label.setBuddy(self.visit_combo)
        top = QHBoxLayout()
        for widget in (episode_label, self.episode_combo, visit_label, self.visit_combo):
            top.addWidget(widget)
        top.addSpacing(16)
        top.addWidget(self.kind_combo)
        top.addWidget(self.start_button)
        top.addStretch(1)
        top.addWidget(self.sign_button)

        self.info = QLabel(self)
        self.info.setObjectName("visitInfo")
        self.info.setWordWrap(True)
        self.model = AssessmentGridModel(self)
        self.grid = AssessmentGridView(self)
        self.grid.setObjectName("assessmentGrid")
        self.grid.setModel(self.model)
        self.delegate = ValueDelegate(self.grid)
        self.grid.setItemDelegate(self.delegate)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEST, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        for column, width in COLUMN_WIDTHS.items():
            self.grid.setColumnWidth(column, width)
        self.summary = QLabel(self)
        self.summary.setObjectName("deficitSummary")
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setContentsMargins(8, 4, 8, 4)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("assessmentSplitter")
        self.splitter.addWidget(self.grid)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        hint = QLabel(KEY_HINT, self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(hint)

        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.keep_work)
        self.episode_combo.activated.connect(lambda _i: self._episode_chosen())
        self.visit_combo.activated.connect(lambda _i: self._visit_chosen())
        self.start_button.clicked.connect(self.start_visit)
        self.sign_button.clicked.connect(self.sign_visit)
        self.model.value_entered.connect(self.save_cell)
        self.delegate.text_edited.connect(self._typed)
        self.delegate.edit_cancelled.connect(lambda _index: self._forget_typing())
        self.delegate.enter_pressed.connect(lambda _index: self.grid.move_down())
        self.delegate.shortcut_pressed.connect(self._shortcut)
        self.grid.amend_requested.connect(self.amend_cell)
        self.grid.clear_requested.connect(self.clear_cell)
        self._add_action("Copy left to right", "Ctrl+D", lambda: self._shortcut("copy", None))
        self._add_action("Painful", "Ctrl+P", lambda: self._shortcut("painful", None))
        self._add_action("Squat checklist", "Ctrl+K", lambda: self._shortcut("squat", None))
        self._add_action("Add passive row", "Ctrl+Shift+P", self.add_passive_row)
        self._add_action("Add a test", "Ctrl+T", self.add_test)
        self._add_action("Save", "Ctrl+S", self.commit_typing)
        self._set_enabled(False)

    def _add_action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _set_enabled(self, has_visit: bool) -> None:
        visit = self.model.record.visit if self.model.record else None
        open_episode = self._closed_episode() is None
        self.sign_button.setEnabled(
            has_visit and visit is not None and not visit.signed and open_episode
        )
        self.start_button.setEnabled(bool(self.episodes) and open_episode)
        self.kind_combo.setEnabled(bool(self.episodes) and open_episode)
        self.grid.setEnabled(has_visit)

    def _closed_episode(self):
        """The chosen episode if it was discharged (its visits are read-only), else None."""
        episode_id = self.episode_combo.currentData()
        chosen = next((e for e in self.episodes if e.id == episode_id), None)
        return chosen if chosen is not None and chosen.status == "discharged" else None

    # --- patient, episode and visit ------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        self.keep_work()
        super().show_patient(patient_id)
        overview = self.clinic.patients.overview(patient_id)
        self.episodes = list(overview.episodes)
        self.episode_combo.clear()
        for episode in self.episodes:
            started = format_date(episode.started_on, self.settings.date_format)
            self.episode_combo.addItem(f"{episode.diagnosis} \u00b7 from {started}", episode.id)
        active = [i for i, e in enumerate(self.episodes) if e.status == "active"]
        self.episode_combo.setCurrentIndex(active[0] if active else len(self.episodes) - 1)
        self.episode_combo.setEnabled(len(self.episodes) > 1)
        self._episode_chosen()

    def _episode_chosen(self, visit_id: int | None = None) -> None:
        episode_id = self.episode_combo.currentData()
        self.model.episode_closed = self._closed_episode() is not None
        self.visits = self.service.visits(episode_id) if episode_id is not None else []
        self.visit_combo.clear()
        for visit in self.visits:
            self.visit_combo.addItem(self._visit_caption(visit), visit.id)
        self.kind_combo.setCurrentIndex(
            VISIT_KINDS.index("follow_up" if self.visits else "initial")
        )
        if not self.visits:
            self._show_visit(None)
            return
        ids = [v.id for v in self.visits]
        self.visit_combo.setCurrentIndex(ids.index(visit_id) if visit_id in ids else len(ids) - 1)
        self._visit_chosen()

    def _visit_caption(self, visit) -> str:
        day = format_date(visit.visit_date, self.settings.date_format)
        state = "signed" if visit.signed else "draft"
        missed = "" if visit.attendance == "attended" else f" \u00b7 {visit.attendance}"
        return (
            f"{day} \u00b7 {VISIT_KIND_LABELS.get(visit.kind, visit.kind)} \u00b7 {state}{missed}"
        )

    def _visit_chosen(self) -> None:
        self.keep_work()
        self._show_visit(self.visit_combo.currentData())

    def open_visit(self, visit_id: int) -> None:
        """Show ``visit_id`` (of the open patient), switching episode if needed."""
        for index in range(self.episode_combo.count()):
            episode_id = self.episode_combo.itemData(index)
            if any(v.id == visit_id for v in self.service.visits(episode_id)):
                self.episode_combo.setCurrentIndex(index)
                self._episode_chosen(visit_id)
                return
        self.status_message.emit("That visit is not one of this patient's visits.")

    def _show_visit(self, visit_id: int | None) -> None:
        self.typing = None
        battery = record = None
        try:  # an unusable clinic battery file is explained, not a crash
            battery = self.service.battery
            record = self.service.record(visit_id) if visit_id is not None else None
        except ClinicError as error:
            self.status_message.emit(error.message)
        self.model.show_record(battery, record, self.settings.force_unit)
        self._show_info()
        if battery is None:
            self.info.setText(self.info.text() + " The test battery could not be read.")
        self._refresh_summary()
        self._set_enabled(record is not None)
        if record is not None:
            first = self.grid.first_value_cell()
            self.grid.setCurrentIndex(first)
            self.grid.scrollToTop()
            if self.isVisible():
                self.grid.setFocus()
            self._offer_draft()

    def reload(self) -> None:
        """Read the open visit again (after a refusal or a change elsewhere)."""
        record = self.model.record
        if record is None:
            return
        current = self.grid.currentIndex()
        position = (current.row(), current.column())
        try:
            self.model.show_record(
                self.service.battery, self.service.record(record.visit.id), self.settings.force_unit
            )
        except NotFound as error:
            self.status_message.emit(error.message)
            self._episode_chosen()
            return
        self.grid.setCurrentIndex(self.model.index(*position))
        self._show_info()
        self._refresh_summary()
        self._set_enabled(True)

    def _show_info(self) -> None:
        record = self.model.record
        if record is None:
            self.info.setText(
                "This patient has no episode of care yet: open one in Intake first."
                if not self.episodes
                else "This episode was discharged without a visit; start a new episode in "
                "Intake to see the runner again."
                if self._closed_episode() is not None
                else "No visit yet in this episode: choose its kind and start one."
            )
            return
        visit = record.visit
        who = f" with {visit.therapist}" if visit.therapist else ""
        closed = self._closed_episode()
        if closed is not None:
            ended = format_date(closed.ended_on, self.settings.date_format)
            when = f" on {ended}" if ended else ""
            state = (
                f"<b>Discharged{when}: values change only by amendment.</b> Press Enter on a "
                "value to amend it with a reason."
                if visit.signed
                else f"<b>Discharged{when}: this visit was never signed and can no longer "
                "change.</b>"
            )
        elif visit.signed:
            when = (
                " " + format_date(visit.signed_at.date(), self.settings.date_format)
                if visit.signed_at
                else ""
            )
            by = f" by {escape(visit.signed_by)}" if visit.signed_by else ""
            state = (
                f"<b>Signed{when}{by}: locked.</b> Press Enter on a value to amend it with a "
                "reason."
            )
        else:
            state = "Draft: every value is saved as soon as you leave its cell."
        side = {"left": "left", "right": "right", "both": "both sides"}.get(record.involved_side)
        involved = f" Involved: {side}." if side else " No single involved side."
        self.info.setText(
            f"{escape(VISIT_KIND_LABELS[visit.kind])}{escape(who)}. {state}{involved}"
        )

    def start_visit(self) -> None:
        episode_id = self.episode_combo.currentData()
        if episode_id is None:
            return
        self.keep_work()
        try:
            visit = self.service.start_visit(episode_id, self.kind_combo.currentData())
        except ClinicError as error:
            self.status_message.emit(error.message)
            return
        self._episode_chosen(visit.id)
        kind = VISIT_KIND_LABELS[visit.kind]
        self.status_message.emit(f"Started: {kind}, {len(visit.planned_tests)} tests planned.")
        self.record_changed.emit()
        self.grid.setFocus()

    def sign_visit(self) -> None:
        record = self.model.record
        if record is None or record.visit.signed:
            return
        self.commit_typing()
        answer = QMessageBox.question(
            self,
            "Sign visit",
            f"Sign the visit of {format_date(record.visit.visit_date, self.settings.date_format)}?"
            "\n\nSigned values can only be changed by an amendment with a reason.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.sign(record.visit.id, expected_version=record.visit.version)
        except ClinicError as error:
            self.status_message.emit(error.message)
            self.reload()
            return
        self._discard_draft()
        self._episode_chosen(record.visit.id)
        self.status_message.emit("Visit signed and locked.")
        self.record_changed.emit()

    # --- summary ------------------------------------------------------------------------

    def _refresh_summary(self) -> None:
        record = self.model.record
        if record is None:
            self.summary.setText("")
            return
        deficits = deficit_summary(
            self.service.battery, self.model.rows(), self.settings.force_unit
        )
        parts = ["<h3 style='margin:0 0 6px 0'>Key deficits</h3>"]
        if not deficits:
            count = len(record.measurements)
            parts.append(
                "<p style='color:#555'>None among the "
                f"{count} value{'s' if count != 1 else ''} entered so far.</p>"
            )
        threshold = self.service.battery.threshold(DEFAULT_SYMMETRY_THRESHOLD)
        for kind, heading in SUMMARY_HEADINGS.items():
            found = [d for d in deficits if d.kind == kind]
            if kind == "asymmetry":
                heading = f"Symmetry below {threshold:g}% (LSI)"
            if found:
                items = "".join(f"<li>{escape(d.text)}</li>" for d in found)
                parts.append(
                    f"<p style='margin:8px 0 2px 0'><b>{heading}</b></p>"
                    f"<ul style='margin:0 0 0 -20px'>{items}</ul>"
                )
        parts.append(
            "<p style='color:#666;font-size:small;margin-top:10px'>Below norm counts only "
            "beyond the minimal detectable change. * marks a norm seen second-hand "
            "(unconfirmed); hover a norm for its source.</p>"
        )
        self.summary.setText("".join(parts))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        wide = self.width() >= SIDE_BY_SIDE_MIN_WIDTH
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self._laid_out_wide is not wide:
            self._laid_out_wide = wide
            self.splitter.setOrientation(orientation)
            total = self.width() if wide else max(self.splitter.height(), self.height() - 120)
            side = 320 if wide else max(170, total // 3)
            self.splitter.setSizes([total - side, side])

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # Opening the tab is opening the grid: the first value is typed without a click.
        focus = QApplication.focusWidget()
        if self.model.record is not None and (focus is None or not self.isAncestorOf(focus)):
            self.grid.setFocus()

    def apply_settings(self, settings) -> None:
        super().apply_settings(settings)
        if self.model.record is not None:
            self.reload()
