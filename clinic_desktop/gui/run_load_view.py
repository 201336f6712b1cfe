"""The Progress tab's running-load view: distance and time per week above the worst pain
during a run, from the episode's running log, drawn by the same chart board as the rest."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.gui.progress_charts import ChartBoard
from clinic_desktop.gui.progress_views import ChartPanel, sentences_html

EMPTY = (
    "No runs logged in this episode yet. When the runner starts the walk/run plan, log each "
    "run in the Return to run tab: distance and time per week are charted here against pain."
)


class RunLoadView(QWidget):
    """Weekly load against pain for one episode."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.panel = ChartPanel(ChartBoard(columns=1), self)
        QVBoxLayout(self).addWidget(self.panel)
        self.charts: tuple = ()

    def show_episode(self, clinic, patient_id: int, episode_id: int | None, settings) -> None:
        """Read the episode's log through the return-to-run service and draw it."""
        try:
            self.charts = clinic.return_to_run.load_charts(
                patient_id, episode_id, distance_unit=settings.distance_unit
            )
        except ClinicError as error:
            self.charts = ()
            self.panel.show_charts((), error.message)
            return
        notices = [chart.notice for chart in self.charts]
        self.panel.show_charts(self.charts, EMPTY, sentences_html(self.charts, notices))
