"""The patient workspace: the tabs on the right of the main window.

Every tab is a ``WorkspacePage``. The main window tells the visible page which patient is
open, tells the others when they are first shown, and asks every page to keep its unsaved
work (``keep_work``) before the patient changes, the window closes or the screen locks.
Pages build heavy content (charts, PDF previews) when first shown, never at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.services.clinic import Clinic


class WorkspacePage(QWidget):
    """Base of the workspace tabs; subclasses set ``title`` and override the hooks."""

    title = ""
    #: What the signed-in user needs for the tab to be shown at all.
    permission = Permission.CLINICAL_READ
    #: A sentence for the status bar (saved, refused, restored from a draft...).
    status_message = Signal(str)
    #: The page changed something other pages show (a new visit, a new diagnosis...).
    record_changed = Signal()

    def __init__(self, clinic: Clinic, settings: ClinicSettings, parent=None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.settings = settings
        self.patient_id: int | None = None

    def show_patient(self, patient_id: int) -> None:
        """Load ``patient_id``'s record into the page (it is already known to exist)."""
        self.patient_id = patient_id

    def keep_work(self) -> None:
        """Save whatever is typed but not yet saved as a draft. Must never raise."""

    def apply_settings(self, settings: ClinicSettings) -> None:
        self.settings = settings
