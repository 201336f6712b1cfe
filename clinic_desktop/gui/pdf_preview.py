"""Document previews (handouts, reports): made off the GUI thread with progress, shown
with QtPdf, printed through the Qt print dialog.

Keyboard: the dialog opens with Print as the default button, so Enter prints (Ctrl+P
too) and Escape closes. Printing renders each PDF page at the printer's resolution onto
the paper size the clinic's settings name; a printed document is noted in its
record.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
)

from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.gui.workers import run_in_background

log = logging.getLogger(__name__)
PRINT_DPI = 300


class PdfPreviewDialog(QDialog):
    """A document made off the GUI thread, then shown with QtPdf, printed or saved.

    ``job(progress)`` runs on a pool thread and returns what ``pdf_of`` turns into the
    PDF's bytes; subclasses word the status line (``ready_text``) and note a print
    (``note_printed``). ``what`` names the document in sentences ("the handout").
    """

    def __init__(self, clinic, job, *, title: str, what: str, parent=None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.what = what
        self.made = None  # what the job returned, once ready
        self.document = None  # QPdfDocument
        self.printed = False
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setResolution(PRINT_DPI)
        self.setWindowTitle(title)
        room = self.screen().availableGeometry()
        self.resize(min(760, room.width()), min(900, room.height() - 60))

        self.status = QLabel(f"Preparing {what}…", self)
        self.status.setObjectName("handoutStatus")
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.pages = QStackedWidget(self)
        self.waiting = QLabel("", self)
        self.pages.addWidget(self.waiting)

        self.buttons = QDialogButtonBox(self)
        self.print_button = QPushButton("&Print…", self)
        self.print_button.setEnabled(False)
        self.print_button.setDefault(True)
        self.print_button.setToolTip(f"Choose a printer and print {what} (Enter or Ctrl+P)")
        self.save_button = QPushButton("&Save PDF…", self)
        self.save_button.setEnabled(False)
        self.close_button = close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.choose_printer_and_print)
        self.save_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.choose_printer_and_print)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.worker = None
        if job is not None:
            self.start(job)

    def start(self, job) -> None:
        """Run ``job`` in the background; its result is shown when ready."""
        self.progress.setValue(0)
        self.progress.show()
        self.worker = run_in_background(job, self._ready, self._failed, self._progress)

    # --- what subclasses word -------------------------------------------------------------

    def pdf_of(self, made) -> bytes:
        return made.pdf

    def ready_text(self, made) -> str:
        return f"{made.title}. Press Enter to print."

    def file_name(self, made) -> str:
        return made.title.replace(",", "").replace(" ", "-").lower() + ".pdf"

    def note_printed(self, made) -> None:
        """Record that ``made`` went to the printer; must not raise."""

    # --- the worker's reports (GUI thread) ----------------------------------------------------

    def _progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(f"Preparing {self.what}… {text}")

    def _failed(self, sentence: str) -> None:
        self.progress.hide()
        self.status.setText(sentence)

    def _ready(self, made) -> None:
        self.made = made
        self.progress.setValue(100)
        self.progress.hide()
        self.status.setText(self.ready_text(made))
        self.save_button.setEnabled(True)
        try:
            self._show_pdf(self.pdf_of(made))
        except ImportError:  # the PDF module is missing: saving still works
            self.waiting.setText(
                "The preview needs the PySide6 PDF module, which is not installed here. "
                "Save the PDF and print it from a PDF viewer."
            )
            return
        self.print_button.setEnabled(True)
        self.print_button.setFocus()

    def _show_pdf(self, data: bytes) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPdfWidgets import QPdfView

        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        old = self.document
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        view = QPdfView(self)
        view.setObjectName("handoutView")
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter stays with Print
        self.view = view
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        if old is not None:
            old.deleteLater()

    # --- printing -------------------------------------------------------------------------

    def choose_printer_and_print(self) -> None:
        if self.document is None or self.made is None or not self.print_button.isEnabled():
            return
        paper = QPageSize.PageSizeId.Letter
        if self.clinic.settings.load().paper_size != "Letter":
            paper = QPageSize.PageSizeId.A4
        self.printer.setPageSize(QPageSize(paper))
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        self.printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(self.printer, self)
        dialog.setWindowTitle(f"Print {self.what}")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if self.print_to(self.printer):
            self.accept()

    def print_to(self, printer: QPrinter) -> bool:
        """Print every page onto ``printer``; a refusal is shown as a sentence."""
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText("The printer could not be opened; nothing was printed.")
            return False
        try:
            target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                size = self.document.pagePointSize(page)
                scale = min(target.width() / size.width(), target.height() / size.height())
                pixels = QSize(round(size.width() * scale), round(size.height() * scale))
                image = self.document.render(page, pixels)
                painter.drawImage(QRect(target.topLeft(), pixels), image)
        finally:
            painter.end()
        self.printed = True
        self.note_printed(self.made)
        return True

    def save_pdf(self) -> None:
        if self.made is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, f"Save {self.what}", self.file_name(self.made), "PDF (*.pdf)"
        )
        if path:
            Path(path).write_bytes(self.pdf_of(self.made))
            self.status.setText(f"Saved {path}.")


class HandoutPreviewDialog(PdfPreviewDialog):
    """Makes the patient's handout (current program, or ``program_id``) and shows it."""

    def __init__(self, clinic, patient_id: int, program_id: int | None = None, parent=None):
        self.patient_id = patient_id
        self.program_id = program_id
        super().__init__(
            clinic,
            lambda progress: clinic.handouts.generate(patient_id, program_id, progress),
            title="Handout preview",
            what="the handout",
            parent=parent,
        )

    def ready_text(self, made) -> str:
        pages = "page" if made.page_count == 1 else "pages"
        return (
            f"{made.title}: {made.exercise_count} exercises on {made.page_count} {pages}. "
            "Press Enter to print."
        )

    def note_printed(self, made) -> None:
        try:
            self.clinic.handouts.mark_printed(made.document_id)
        except ClinicError as error:  # printed all the same; say why the note is missing
            log.warning("Printed handout not noted: %s", error.message)


def open_handout_preview(
    clinic, patient_id: int, parent, program_id: int | None = None
) -> HandoutPreviewDialog:
    """Open the preview over ``parent`` (window-modal) without blocking; it deletes itself
    when closed. ``program_id`` picks an earlier version instead of the current one."""
    dialog = HandoutPreviewDialog(clinic, patient_id, program_id, parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
