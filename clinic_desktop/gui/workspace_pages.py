"""The tabs of the patient workspace, in the order a visit uses them.

A new screen becomes a tab by adding an entry here. Entries name their module rather than
import it, so a screen's code loads only for users allowed to see it (the front desk never
loads the clinical screens) and start-up stays light.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from clinic_desktop.domain.access import Permission


@dataclass(frozen=True)
class PageEntry:
    """A workspace tab: where its class lives, and what a user needs to see it."""

    module: str
    class_name: str
    permission: Permission = Permission.CLINICAL_READ

    def load(self) -> type:
        return getattr(import_module(self.module), self.class_name)

    def __call__(self, clinic, settings, parent=None):
        """Build the page, as calling the page class itself would."""
        return self.load()(clinic, settings, parent)


def workspace_pages() -> list[PageEntry]:
    return [
        PageEntry("clinic_desktop.gui.overview", "PatientOverviewPage", Permission.FIND_PATIENTS),
        PageEntry("clinic_desktop.gui.intake_page", "IntakePage"),
        PageEntry("clinic_desktop.gui.assessment_page", "AssessmentPage"),
        PageEntry("clinic_desktop.gui.progress_page", "ProgressPage"),
        PageEntry("clinic_desktop.gui.goals_page", "GoalsPage"),
        PageEntry("clinic_desktop.gui.program_page", "ProgramPage"),
        PageEntry("clinic_desktop.gui.return_to_run_page", "ReturnToRunPage"),
        PageEntry("clinic_desktop.gui.reports_page", "ReportsPage"),
    ]
