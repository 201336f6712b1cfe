"""The discharge summary before and after care ends: previewed with the typed details
(nothing saved), then discharged and recorded, and only then printed or saved."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.gui.pdf_preview import PdfPreviewDialog
from clinic_desktop.gui.workers import run_in_background

if TYPE_CHECKING:
    from clinic_desktop.gui.discharge_dialog import DischargeDialog


class DischargePreviewDialog(PdfPreviewDialog):
    """The discharge summary as it will read; "Discharge and save" ends care, records the
    summary and only then lets it be printed or saved, so what is printed is on file."""

    def __init__(self, review_dialog: DischargeDialog, details) -> None:
        self.review_dialog = review_dialog
        self.details = details
        self.report = None  # the recorded summary once discharged
        self.discharging = False
        clinic, episode_id = review_dialog.clinic, review_dialog.episode_id
        super().__init__(
            clinic,
            lambda progress: clinic.discharge.preview(episode_id, details, progress),
            title="Discharge summary preview",
            what="the discharge summary",
            parent=review_dialog,
        )
        self.discharge_button = QPushButton("&Discharge and save", self)
        self.discharge_button.setEnabled(False)
        self.discharge_button.setToolTip(
            "End this episode of care and record the summary in the patient's documents"
        )
        self.buttons.addButton(self.discharge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.discharge_button.clicked.connect(self.confirm_discharge)
        self.print_button.setDefault(False)
        self.discharge_button.setDefault(True)

    def pdf_of(self, made) -> bytes:
        return made if isinstance(made, bytes) else made.pdf

    def file_name(self, made) -> str:
        return "discharge-summary.pdf" if isinstance(made, bytes) else super().file_name(made)

    def ready_text(self, made) -> str:
        if isinstance(made, bytes):
            return (
                "Preview: nothing is saved yet. Check the summary, then choose Discharge and "
                "save (Enter) to end this episode of care; Close goes back to the review."
            )
        return (
            f"Discharged. {made.title} is recorded in the patient's documents. Press Enter "
            "to print it, or save the PDF."
        )

    def _ready(self, made) -> None:
        super()._ready(made)
        recorded = not isinstance(made, bytes)
        # Only the recorded summary is printed or saved, so what leaves the clinic is on file.
        self.print_button.setEnabled(recorded and self.document is not None)
        self.save_button.setEnabled(recorded)
        self.discharge_button.setEnabled(not recorded)
        if recorded:
            self.discharge_button.hide()
            self.print_button.setDefault(True)
            self.print_button.setFocus()
        else:
            self.discharge_button.setFocus()

    def confirm_discharge(self) -> None:
        if self.report is not None or not self.discharge_button.isEnabled():
            return
        answer = QMessageBox.question(
            self,
            "End this episode of care?",
            "The episode becomes discharged and read-only (signed values can still be "
            "amended with a reason). Discharge now?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.discharge_now()

    def discharge_now(self) -> None:
        """End the episode in the background; the recorded summary replaces the preview."""
        self.discharge_button.setEnabled(False)
        self.discharging = True
        self.close_button.setEnabled(False)
        review = self.review_dialog.review
        clinic = self.clinic
        self.status.setText("Discharging and recording the summary…")
        self.worker = run_in_background(
            lambda progress: clinic.discharge.discharge(
                review.episode_id, review.episode_version, self.details, progress
            ),
            self._recorded,
            self._refused,
            self._progress,
        )

    def _recorded(self, report) -> None:
        self.discharging = False
        self.close_button.setEnabled(True)
        self.report = report
        self._ready(report)
        self.review_dialog.drafts.discard()
        self.review_dialog.discharged.emit(report)

    def _refused(self, sentence: str) -> None:
        self.discharging = False
        self.close_button.setEnabled(True)
        # The review this preview came from is no longer current: start again from it.
        self.status.setText(
            f"Not discharged: {sentence} Nothing was saved. Close this preview and open "
            "Discharge again to review the record as it now stands."
        )

    def done(self, result: int) -> None:
        if self.discharging:  # Esc or Close while the discharge is written: wait for it
            return
        super().done(result)
        if self.report is not None:
            self.review_dialog.accept()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.discharging:
            event.ignore()
            return
        super().closeEvent(event)

    def note_printed(self, made) -> None:
        if isinstance(made, bytes):
            return
        # Printed all the same when the note cannot be written; only the note is missing.
        with contextlib.suppress(ClinicError):
            self.clinic.reports.mark_printed(made.document_id)
