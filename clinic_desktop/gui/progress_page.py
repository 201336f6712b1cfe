"""The Progress tab: what has changed since the first visit, and whether it matters.

The charts (pyqtgraph) are built the first time the tab is shown, never at start-up, and
kept for the life of the window: opening another patient only changes what they show.
Clicking a point asks for that visit (``visit_requested``), which the main window opens in
the Assessment tab.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
)

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.domain.progress import PatientProgress, ProgressState
from clinic_desktop.gui.workspace import WorkspacePage

VIEW_NAMES = ("All measures", "Measure", "Symmetry", "Pain and questionnaires", "Running load")
_FILE_NAMES = ("overview", "measure", "symmetry", "pain-and-scores", "running-load")


class ProgressPage(WorkspacePage):
    """Charts of every measure, symmetry, pain and questionnaire totals for one episode."""

    title = "P&rogress"  # Alt+P opens the Patient menu
    #: A point was clicked: open this visit (in the Assessment tab).
    visit_requested = Signal(int)

    def __init__(self, clinic, settings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.loaded: PatientProgress | None = None
        self.episode_id: int | None = None
        self.built = False
        self._layout = QVBoxLayout(self)

    # --- building, once ------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._build()
        super().showEvent(event)

    def _build(self) -> None:
        if self.built:
            return
        self.built = True
        import pyqtgraph as pg

        from clinic_desktop.gui import chart_export, progress_views
        from clinic_desktop.gui.run_load_view import RunLoadView

        pg.setConfigOptions(antialias=True)
        self._export = chart_export
        self.episode_combo = QComboBox(self)
        self.episode_combo.setAccessibleName("Episode of care")
        self.episode_combo.activated.connect(self._episode_chosen)
        self.episode_label = QLabel("&Episode:", self)
        self.episode_label.setBuddy(self.episode_combo)
        self.export_button = QPushButton("E&xport chart…", self)
        self.export_button.setToolTip("Save the charts of this view as a PNG picture or SVG")
        self.export_button.clicked.connect(self.export_current)
        self.copy_button = QPushButton("&Copy chart", self)
        self.copy_button.setToolTip("Copy the charts of this view to the clipboard")
        self.copy_button.clicked.connect(self.copy_current)
        bar = QHBoxLayout()
        bar.addWidget(self.episode_label)
        bar.addWidget(self.episode_combo, 1)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.copy_button)

        self.banner = QLabel(self)
        self.banner.setObjectName("progressBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel#progressBanner { background: #FFF4D6; border: 1px solid #C9A227;"
            " padding: 6px; }"
        )
        self.banner.hide()
        self.message = QLabel(self)
        self.message.setObjectName("progressMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("QLabel#progressMessage { font-size: 12pt; padding: 24px; }")

        self.overview = progress_views.OverviewView(self)
        self.detail = progress_views.MeasureView(self)
        self.symmetry = progress_views.SymmetryView(self)
        self.scores = progress_views.ScoresView(self)
        self.running_load = RunLoadView(self)
        self.tabs = QTabWidget(self)
        for view, name in zip(self.views, VIEW_NAMES, strict=True):
            self.tabs.addTab(view, name)
        self.overview.measure_chosen.connect(self.open_measure)
        for board in self.boards[1:]:
            board.point_clicked.connect(self._point_clicked)
        self.body = QStackedWidget(self)
        self.body.addWidget(self.message)
        self.body.addWidget(self.tabs)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.banner)
        self._layout.addWidget(self.body, 1)
        self._apply_date_format()

    @property
    def boards(self) -> list:
        """The chart boards of the views, in tab order."""
        return [v.panel.board for v in self.views]

    @property
    def views(self) -> tuple:
        return (self.overview, self.detail, self.symmetry, self.scores, self.running_load)

    # --- the workspace hooks -------------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        if patient_id != self.patient_id:
            self.episode_id = None
        super().show_patient(patient_id)
        self._build()
        self._load()

    def apply_settings(self, settings) -> None:
        super().apply_settings(settings)
        if self.built:
            self._apply_date_format()
            if self.patient_id is not None:
                self._load()

    def _apply_date_format(self) -> None:
        for board in self.boards:
            board.date_format = self.settings.date_format

    # --- loading and showing -------------------------------------------------------------

    def _load(self) -> None:
        try:
            loaded = self.clinic.progress.load(
                self.patient_id,
                self.episode_id,
                force_unit=self.settings.force_unit,
                date_format=self.settings.date_format,
            )
        except ClinicError as error:
            self._show_message(error.message)
            return
        self.show_progress(loaded)

    def show_progress(self, loaded: PatientProgress) -> None:
        """Show already loaded progress (the charts keep their widgets)."""
        self._build()
        self.loaded = loaded
        self.episode_id = loaded.episode_id
        self.episode_combo.clear()
        for choice in loaded.episodes:
            self.episode_combo.addItem(choice.title, choice.id)
        if loaded.episode_id is not None:
            self.episode_combo.setCurrentIndex(self.episode_combo.findData(loaded.episode_id))
        self.episode_combo.setEnabled(len(loaded.episodes) > 1)
        for widget in (self.episode_combo, self.episode_label):
            widget.setVisible(bool(loaded.episodes))
        progress = loaded.progress
        if progress.state in (ProgressState.NO_VISITS, ProgressState.NO_DATA):
            self._show_message(progress.message)
            return
        self.banner.setText(progress.message)
        self.banner.setVisible(progress.state is ProgressState.ONE_VISIT)
        kept = self.detail.chosen_keys()
        present = {m.key for m in progress.measures}
        self.overview.show_progress(progress)
        self.detail.show_progress(progress, [k for k in kept if k in present])
        self.symmetry.show_progress(progress)
        self.scores.show_progress(progress)
        self.running_load.show_episode(
            self.clinic, loaded.patient_id, loaded.episode_id, self.settings
        )
        self.body.setCurrentWidget(self.tabs)
        self.export_button.setEnabled(True)
        self.copy_button.setEnabled(True)

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.banner.hide()
        self.body.setCurrentWidget(self.message)
        self.export_button.setEnabled(False)
        self.copy_button.setEnabled(False)

    def _episode_chosen(self, index: int) -> None:
        episode_id = self.episode_combo.itemData(index)
        if episode_id is not None and episode_id != self.episode_id:
            self.episode_id = episode_id
            self._load()

    def open_measure(self, key: str) -> None:
        """Show one measure in full (from the overview, or from elsewhere)."""
        self.detail.choose([key])
        self.tabs.setCurrentWidget(self.detail)

    def _point_clicked(self, _view, point) -> None:
        if point.visit_id is None:
            return
        kind = point.visit_kind.replace("_", " ")
        when = format_date(point.day, self.settings.date_format)
        self.status_message.emit(f"Opening the {kind} visit of {when}.")
        self.visit_requested.emit(point.visit_id)

    # --- export --------------------------------------------------------------------------

    def current_board(self):
        return self.boards[self.tabs.currentIndex()]

    def export_current(self, path: str | Path | None = None) -> Path | None:
        """Save the current view's charts as PNG or SVG (asks where unless ``path``)."""
        if not self.built or self.body.currentWidget() is not self.tabs:
            return None
        if not path:
            name = f"progress-{_FILE_NAMES[self.tabs.currentIndex()]}.png"
            path, _filter = QFileDialog.getSaveFileName(
                self, "Export chart", name, "PNG picture (*.png);;SVG drawing (*.svg)"
            )
            if not path:
                return None
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".png")
        try:
            self._export.export_board(self.current_board(), target)
        except OSError as error:
            self.status_message.emit(f"The chart was not saved: {error}")
            return None
        self.clinic.audit.record_export(
            self.patient_id,
            "progress chart",
            {"view": _FILE_NAMES[self.tabs.currentIndex()], "file": str(target)},
        )
        self.status_message.emit(f"Chart saved to {target}.")
        return target

    def copy_current(self) -> None:
        """Copy the current view's charts to the clipboard as a picture."""
        if self.built and self.body.currentWidget() is self.tabs:
            self._export.copy_board(self.current_board())
            self.clinic.audit.record_export(
                self.patient_id,
                "progress chart",
                {"view": _FILE_NAMES[self.tabs.currentIndex()], "file": "clipboard"},
            )
            self.status_message.emit("Chart copied; paste it into a letter or an email.")
