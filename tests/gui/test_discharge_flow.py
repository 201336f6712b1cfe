"""The therapist discharges a runner from the Reports tab: review, details with a sentence
for what is missing, preview (nothing saved), discharge and save, print; the episode is
then discharged and read-only."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.domain.goals import GoalFields
from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.gui.reports_page import ReportsPage
from clinic_desktop.storage.models import DocumentRow, EpisodeRow
from tests.episode_cases import runner_with_visits


@pytest.fixture
def page(qtbot, clinic):
    widget = ReportsPage(clinic, ClinicSettings())
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def _pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(96)
    return printer


def test_discharge_from_review_to_a_read_only_episode(qtbot, clinic, page, monkeypatch, tmp_path):
    patient_id, episode_id = runner_with_visits(clinic)
    clinic.goals.add(
        episode_id,
        GoalFields("Run 5 km without knee pain", None, None, None, None, None, "met", ""),
    )
    page.show_patient(patient_id)
    assert "Patellofemoral pain" in page.episode_line.text()
    assert page.discharge_button.isEnabled()

    qtbot.mouseClick(page.discharge_button, Qt.MouseButton.LeftButton)
    dialog = page.discharge_dialog
    qtbot.waitExposed(dialog)
    # The review: the goal and the test not measured again at the last visit.
    assert "Run 5 km without knee pain" in dialog.goals.text()
    assert "not since: Single hop for distance (right)" in (dialog.measures.text())
    # Enter with no reason: a sentence by the field, no preview, nothing saved.
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert "Give the reason care ends" in dialog.errors.message("reason")
    assert dialog.preview is None
    qtbot.keyClicks(dialog.reason.lineEdit(), "Goals met; back to 5 km runs.")
    qtbot.keyClicks(dialog.follow_up, "Referred to a running coach.")
    dialog.adherence.setCurrentIndex(dialog.adherence.findData("full"))
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    preview = dialog.preview
    qtbot.waitUntil(lambda: preview.discharge_button.isEnabled(), timeout=20000)
    assert "nothing is saved yet" in preview.status.text()
    assert not preview.print_button.isEnabled(), "only the recorded summary is printed"
    with clinic.database.reading() as session:
        assert session.get(EpisodeRow, episode_id).status == "active"

    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    qtbot.keyClick(preview, Qt.Key.Key_Return)  # the default button: Discharge and save
    qtbot.waitUntil(lambda: preview.report is not None, timeout=20000)
    qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=20000)
    out = tmp_path / "printed.pdf"
    assert preview.print_to(_pdf_printer(out))
    assert len(PdfReader(out).pages) == preview.document.pageCount() >= 2

    with clinic.database.reading() as session:
        episode = session.get(EpisodeRow, episode_id)
        assert (episode.status, episode.discharge_reason) == (
            "discharged",
            "Goals met; back to 5 km runs.",
        )
        assert (episode.program_adherence, episode.follow_up) == (
            "full",
            "Referred to a running coach.",
        )
        document = session.scalar(select(DocumentRow).where(DocumentRow.kind == "discharge"))
        assert document.printed_at is not None
    assert clinic.drafts.load("discharge", str(episode_id)) is None
    # The page now lists the summary and offers no second discharge.
    assert "discharged" in page.episode_line.text()
    assert page.model.rows[0].cells[1].startswith("Discharge summary")
    assert not page.discharge_button.isEnabled() and not page.progress_button.isEnabled()
    assert "discharged" in page.progress_button.toolTip()
    # Read-only: neither its goals nor its visits can change any more.
    with pytest.raises(ClinicError, match="discharged"):
        clinic.goals.add(
            episode_id, GoalFields("Another goal", None, None, None, None, None, "open", "")
        )
    with pytest.raises(ClinicError, match="discharged"):
        clinic.assessments.start_visit(episode_id, "follow_up")


def test_an_unsigned_visit_blocks_the_discharge_with_a_sentence(qtbot, clinic, page):
    patient_id, _ = runner_with_visits(clinic, signed=False)
    page.show_patient(patient_id)
    page.open_discharge()
    dialog = page.discharge_dialog
    assert "is not signed" in dialog.blocking.text() and dialog.blocking.isVisibleTo(dialog)
    assert not dialog.preview_button.isEnabled()


def test_typed_discharge_details_come_back_after_closing(qtbot, clinic, page):
    patient_id, episode_id = runner_with_visits(clinic)
    page.show_patient(patient_id)
    page.open_discharge()
    dialog = page.discharge_dialog
    qtbot.keyClicks(dialog.reason.lineEdit(), "Moved to another city.")
    dialog.against_advice.setChecked(True)
    dialog.reject()  # Cancel keeps the typing as a draft
    page.open_discharge()
    again = page.discharge_dialog
    assert again is not dialog
    assert again.reason.currentText() == "Moved to another city."
    assert again.against_advice.isChecked()
    assert "Restored" in again.status.text()
    again.reject()


def test_a_progress_report_is_made_recorded_and_listed(qtbot, clinic, page):
    patient_id, _ = runner_with_visits(clinic)
    page.show_patient(patient_id)
    assert page.empty.isVisibleTo(page)
    qtbot.keyClick(page.progress_button, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    preview = page.preview
    qtbot.waitUntil(lambda: preview.print_button.isEnabled(), timeout=20000)
    assert preview.made.kind == "progress"
    preview.close()
    qtbot.waitUntil(lambda: page.model.rows != [], timeout=5000)
    assert page.model.rows[0].cells[1].startswith("Progress report")
    assert page.model.rows[0].cells[3] == "not printed"


def _preview_ready(qtbot, page, reason: str):
    page.open_discharge()
    dialog = page.discharge_dialog
    qtbot.keyClicks(dialog.reason.lineEdit(), reason)
    dialog.open_preview()
    preview = dialog.preview
    qtbot.waitUntil(lambda: preview.discharge_button.isEnabled(), timeout=20000)
    return dialog, preview


def test_closing_the_preview_while_it_discharges_waits_for_the_discharge(qtbot, clinic, page):
    patient_id, episode_id = runner_with_visits(clinic)
    page.show_patient(patient_id)
    _dialog, preview = _preview_ready(qtbot, page, "Goals met.")
    preview.discharge_now()
    preview.reject()  # Esc while the discharge is being written
    assert preview.isVisible() and not preview.close_button.isEnabled()
    qtbot.waitUntil(lambda: preview.report is not None, timeout=20000)
    assert "discharged" in page.episode_line.text()
    assert clinic.drafts.load("discharge", str(episode_id)) is None


def test_a_refused_discharge_is_not_retried_on_the_old_review(qtbot, clinic, page):
    patient_id, episode_id = runner_with_visits(clinic)
    page.show_patient(patient_id)
    _dialog, preview = _preview_ready(qtbot, page, "Goals met.")
    with clinic.database.transaction() as session:  # another workstation edits the episode
        session.get(EpisodeRow, episode_id).referral = "Dr Lee"
    preview.discharge_now()
    qtbot.waitUntil(lambda: "Not discharged" in preview.status.text(), timeout=20000)
    assert "open Discharge again" in preview.status.text()
    assert not preview.discharge_button.isEnabled() and preview.close_button.isEnabled()
    with clinic.database.reading() as session:
        assert session.get(EpisodeRow, episode_id).status == "active"


def test_typing_kept_while_a_visit_waits_to_be_signed_is_not_lost(qtbot, clinic, page):
    patient_id, episode_id = runner_with_visits(clinic, signed=False)
    page.show_patient(patient_id)
    page.open_discharge()
    blocked = page.discharge_dialog
    assert not blocked.preview_button.isEnabled()
    qtbot.keyClicks(blocked.reason.lineEdit(), "Goals met; running 5 km.")
    blocked.reject()
    page.open_discharge()
    again = page.discharge_dialog
    assert again.reason.currentText() == "Goals met; running 5 km."
    qtbot.keyClicks(again.follow_up, "Review in 6 weeks.")
    again.keep_work()
    kept = clinic.drafts.load("discharge", str(episode_id)).payload
    assert (kept["reason"], kept["follow_up"]) == ("Goals met; running 5 km.", "Review in 6 weeks.")
    again.reject()


def test_a_goal_still_open_is_pointed_out_in_the_review(qtbot, clinic, page):
    patient_id, episode_id = runner_with_visits(clinic)
    clinic.goals.add(
        episode_id,
        GoalFields("Hill repeats without pain", None, None, None, None, None, "open", ""),
    )
    page.show_patient(patient_id)
    page.open_discharge()
    assert "Still open: mark it met, partly met or not met" in page.discharge_dialog.goals.text()
    page.discharge_dialog.reject()
