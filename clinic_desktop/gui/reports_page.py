"""The Reports tab: progress reports, the discharge, and the patient's documents.

A progress report is made from the records as they stand, off the GUI thread, recorded in
the patient's documents and shown for printing. Discharge opens the review of the episode
(:mod:`clinic_desktop.gui.discharge_dialog`). Every document made for the patient is
listed, newest first; Enter reopens one exactly as it was generated.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.gui.pdf_preview import PdfPreviewDialog
from clinic_desktop.gui.text_table import TextRow, TextTableModel, text_table
from clinic_desktop.gui.workspace import WorkspacePage

KIND_WORDS = {"progress": "Progress report", "discharge": "Discharge summary", "handout": "Handout"}
PROGRESS_TIP = "Make a progress report (re-evaluation) from the records as they stand (Ctrl+R)"
DISCHARGE_TIP = "Review the episode, record the discharge and make the discharge summary"
STATUS_WORDS = {"active": "active", "on_hold": "on hold", "discharged": "discharged"}


class ReportPreviewDialog(PdfPreviewDialog):
    """A progress report or discharge summary made (or reopened) in the background."""

    def __init__(self, clinic, job, what: str, parent=None) -> None:
        super().__init__(clinic, job, title=f"{what.capitalize()} preview", what=what,
                         parent=parent)  # fmt: skip

    def ready_text(self, made) -> str:
        return f"{made.title}: recorded in the patient's documents. Press Enter to print."

    def note_printed(self, made) -> None:
        # Printed all the same when the note cannot be written; only the note is missing.
        with contextlib.suppress(ClinicError):
            self.clinic.reports.mark_printed(made.document_id)


class ReportsPage(WorkspacePage):
    title = "R&eports"  # Alt+R is the Progress tab

    def __init__(self, clinic, settings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.episode = None  # the EpisodeRecord reports are made for
        self.preview: PdfPreviewDialog | None = None
        self.discharge_dialog = None
        self.episode_line = QLabel("", self)
        self.episode_line.setObjectName("reportsEpisode")
        self.episode_line.setWordWrap(True)
        # Ctrl+R rather than a mnemonic: Alt+P is the Patient menu, Alt+R the Progress tab.
        self.progress_button = QPushButton("Progress report…", self)
        self.progress_button.setToolTip(PROGRESS_TIP)
        self.discharge_button = QPushButton("&Discharge…", self)
        self.discharge_button.setToolTip(DISCHARGE_TIP)
        self.open_button = QPushButton("Open do&cument", self)
        self.open_button.setToolTip("Reopen the chosen document as it was made (Enter)")
        bar = QHBoxLayout()
        for button in (self.progress_button, self.discharge_button, self.open_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.model = TextTableModel(("Made", "Document", "By", "Printed"), self)
        self.table = text_table(self.model, self, "Patient documents")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel("", self)
        self.empty.setWordWrap(True)
        self.status = QLabel("", self)
        self.status.setObjectName("reportsStatus")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.episode_line)
        layout.addLayout(bar)
        layout.addWidget(QLabel("<b>Documents made for this patient</b>", self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.status)
        layout.addStretch(0)
        self.progress_button.clicked.connect(self.make_progress_report)
        self.discharge_button.clicked.connect(self.open_discharge)
        self.open_button.clicked.connect(self.open_document)
        self.table.activated.connect(lambda _index: self.open_document())
        QShortcut(QKeySequence("Ctrl+R"), self, self.make_progress_report,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        self._refresh_buttons()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        # The tab was opened to make or read a document: start where Enter and Ctrl+R work.
        QTimer.singleShot(0, self._take_focus)

    def _take_focus(self) -> None:
        if not self.isVisible():
            return
        target = self.table if self.model.rows else self.progress_button
        target.setFocus()

    # --- loading ------------------------------------------------------------------------------

    def show_patient(self, patient_id: int) -> None:
        super().show_patient(patient_id)
        self.status.clear()
        episodes = self.clinic.intake.episodes(patient_id)
        open_ones = [e for e in episodes if e.status != "discharged"]
        self.episode = (open_ones or episodes or [None])[0]
        fmt = self.settings.date_format
        if self.episode is None:
            self.episode_line.setText(
                "This patient has no episode of care yet, so there is nothing to report on. "
                "Start one on the Intake tab."
            )
        else:
            e = self.episode
            status = STATUS_WORDS.get(e.status, e.status)
            if e.status == "discharged" and e.ended_on:
                status += f" on {format_date(e.ended_on, fmt)}"
            self.episode_line.setText(
                f"Episode: <b>{e.diagnosis}</b>, since {format_date(e.started_on, fmt)} ({status})."
            )
        self._load_documents()
        self._refresh_buttons()

    def _load_documents(self) -> None:
        documents = self.clinic.reports.documents(self.patient_id) if self.patient_id else ()
        fmt = self.settings.date_format
        rows = []
        for d in documents:
            made = f"{format_date(d.created_at.date(), fmt)} {d.created_at:%H:%M}"
            printed = (
                f"{format_date(d.printed_at.date(), fmt)} {d.printed_at:%H:%M}"
                if d.printed_at
                else "not printed"
            )
            rows.append(TextRow((made, d.title, d.created_by or "—", printed), key=d.id))
        self.model.set_rows(rows)
        self.empty.setText(
            "" if rows else "No report or handout has been made for this patient yet."
        )
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        if rows:
            self.table.selectRow(0)

    def _refresh_buttons(self) -> None:
        episode = self.episode
        writes = self.clinic.access.may(Permission.CLINICAL_WRITE)
        in_care = episode is not None and episode.status != "discharged"
        self.progress_button.setEnabled(in_care)
        self.discharge_button.setEnabled(in_care and writes)
        ended = "This episode of care is discharged; its summary is among the documents."
        self.progress_button.setToolTip(PROGRESS_TIP if in_care or episode is None else ended)
        self.discharge_button.setToolTip(DISCHARGE_TIP if in_care or episode is None else ended)
        self.open_button.setEnabled(bool(self.model.rows))

    # --- actions ------------------------------------------------------------------------------

    def make_progress_report(self) -> None:
        if self.patient_id is None or not self.progress_button.isEnabled():
            return
        patient_id, episode_id = self.patient_id, self.episode.id
        clinic = self.clinic
        self._show_preview(
            lambda progress: clinic.reports.generate(patient_id, "progress", episode_id, progress),
            "the progress report",
        )

    def open_document(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        document_id = self.model.rows[index.row()].key
        clinic = self.clinic
        self._show_preview(lambda _progress: clinic.reports.document(document_id), "the document")

    def _show_preview(self, job, what: str) -> None:
        self.preview = ReportPreviewDialog(self.clinic, job, what, parent=self.window())
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.destroyed.connect(self._preview_closed)
        self.preview.open()

    def _preview_closed(self) -> None:
        self.preview = None
        if self.patient_id is not None:
            self._load_documents()
            self._refresh_buttons()
            self.record_changed.emit()

    def open_discharge(self) -> None:
        if self.episode is None or not self.discharge_button.isEnabled():
            return
        from clinic_desktop.gui.discharge_dialog import DischargeDialog

        try:
            dialog = DischargeDialog(self.clinic, self.settings, self.episode.id, self.window())
        except ClinicError as error:
            self.status.setText(error.message)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.discharged.connect(self._discharged)
        self.discharge_dialog = dialog
        dialog.open()

    def _discharged(self, report) -> None:
        self.status.setText(f"Discharged. {report.title} is recorded below.")
        self.status_message.emit("Episode discharged; the summary is in the documents.")
        self.show_patient(self.patient_id)
        self.record_changed.emit()

    def keep_work(self) -> None:
        dialog = self.discharge_dialog
        if dialog is not None:
            with contextlib.suppress(RuntimeError):  # already closed and deleted
                dialog.keep_work()
