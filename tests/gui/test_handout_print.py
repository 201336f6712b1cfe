"""The front desk prints a patient's handout: select, Print handout, preview, print."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from clinic_desktop.domain.access import Role
from clinic_desktop.gui.main_window import MainWindow
from clinic_desktop.gui.pdf_preview import HandoutPreviewDialog
from clinic_desktop.storage.models import DocumentRow
from tests.conftest import sign_in_as


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(96)  # enough to check pages; keeps the test quick
    return printer


def _printed_at(clinic, document_id):
    with clinic.database.reading() as session:
        return session.get(DocumentRow, document_id).printed_at


def test_printing_through_qprinter_gives_every_page_of_the_handout(qtbot, demo_clinic, tmp_path):
    patient_id = demo_clinic.handouts.patient_for_mrn("D0001")
    dialog = HandoutPreviewDialog(demo_clinic, patient_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document is not None, timeout=20000)
    assert dialog.document.pageCount() == dialog.made.page_count >= 2
    out = tmp_path / "printed.pdf"
    assert dialog.print_to(_pdf_printer(out))
    assert len(PdfReader(out).pages) == dialog.made.page_count
    assert _printed_at(demo_clinic, dialog.made.document_id) is not None


def test_a_patient_without_a_program_gets_a_sentence_and_nothing_to_print(qtbot, demo_clinic):
    patient_id = demo_clinic.handouts.patient_for_mrn("D0003")
    dialog = HandoutPreviewDialog(demo_clinic, patient_id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "no home program" in dialog.status.text(), timeout=20000)
    assert not dialog.print_button.isEnabled()
    with demo_clinic.database.reading() as session:
        assert session.scalars(select(DocumentRow)).first() is None


@pytest.fixture
def front_desk_window(qtbot, demo_clinic, tmp_path):
    sign_in_as(demo_clinic, {Role.FRONT_DESK}, username="desk")
    ui_state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_clinic, ui_state)
    qtbot.addWidget(window)
    window.load()
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_front_desk_prints_a_handout_with_the_keyboard_only(
    qtbot, demo_clinic, front_desk_window, tmp_path
):
    window = front_desk_window
    assert window.print_handout_action.isEnabled()
    assert not any(page.permission.value.startswith("clinical") for page in window.pages)
    # 1. Find the patient: the list selects the first match as she types.
    qtbot.keyClicks(window.patient_list.search_box, "D0001")
    qtbot.waitUntil(lambda: not window._search_timer.isActive())
    assert window.patient_list.current_patient().mrn == "D0001"
    # 2. Ctrl+P: the preview opens and makes the handout in the background.
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(window.patient_list.search_box, Qt.Key.Key_P, ctrl)
    preview = window.handout_preview
    qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=20000)
    assert preview.focusWidget() is preview.print_button
    out = tmp_path / "desk.pdf"
    preview.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    preview.printer.setOutputFileName(str(out))
    preview.printer.setResolution(96)
    accepted = []

    def confirm_print_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(50, confirm_print_dialog)
            return
        accepted.append(dialog)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # 3b. Enter in the print dialog

    QTimer.singleShot(50, confirm_print_dialog)
    # 3. Enter prints: the Qt print dialog comes up, and Enter confirms it.
    qtbot.keyClick(preview.print_button, Qt.Key.Key_Return)
    assert accepted
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0)
    assert len(PdfReader(out).pages) == preview.made.page_count
    assert preview.printed and _printed_at(demo_clinic, preview.made.document_id) is not None


def test_ctrl_p_stays_with_a_screen_that_has_its_own_ctrl_p(qtbot, demo_clinic, tmp_path):
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QLineEdit

    ui_state = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_clinic, ui_state)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    grid = QLineEdit(window.placeholder)  # a screen's widget marking "painful" with Ctrl+P
    own = QAction("Painful", grid)
    own.setShortcut(QKeySequence("Ctrl+P"))
    grid.addAction(own)
    grid.show()
    grid.setFocus()
    qtbot.waitUntil(lambda: window.print_handout_action.shortcut().isEmpty())
    window.patient_list.search_box.setFocus()
    qtbot.waitUntil(lambda: window.print_handout_action.shortcut() == QKeySequence("Ctrl+P"))
