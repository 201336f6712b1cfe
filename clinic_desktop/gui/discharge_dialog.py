"""Discharge: review what the summary will say, record the details, preview, then end care.

The review shows the goals with where they stand, the tests not measured again at the
last visit, and anything that blocks the discharge (an unsigned visit). The therapist
types the reason, the date, attendance against advice, adherence and the follow-up plan
(autosaved as a draft), previews the summary with those details (nothing saved yet), and
only then discharges: the episode ends, becomes read-only, and the summary is recorded in
the patient's documents, ready to print.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.discharge import ADHERENCE_WORDS, DischargeReview, check_discharge
from clinic_desktop.domain.errors import ClinicError, ValidationErrors
from clinic_desktop.gui.draft_keeper import DraftKeeper
from clinic_desktop.gui.field_errors import ERROR_STYLE, FieldErrors
from clinic_desktop.gui.pdf_preview import PdfPreviewDialog
from clinic_desktop.gui.workers import run_in_background

DRAFT_FORM = "discharge"
COMMON_REASONS = (
    "Goals met; back to running as planned.",
    "Goals partly met; the runner continues on the self-management program.",
    "The runner chose to stop care.",
    "Referred on for further care.",
    "Did not return for care.",
)
FOLDED_MISSING = 8  # more tests than this not measured again: counted, listed on hover
GOAL_COLOURS = {"met": "#1b5e20", "partly_met": "#8a5a00", "not_met": "#b00020", "open": ""}


class DischargeDialog(QDialog):
    """The review and details of one episode's discharge. ``discharged`` is emitted with
    the recorded summary once care has ended."""

    discharged = Signal(object)

    def __init__(self, clinic, settings, episode_id: int, parent=None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.settings = settings
        self.episode_id = episode_id
        self.review: DischargeReview = clinic.discharge.review(episode_id)
        self.preview: DischargePreviewDialog | None = None
        self.setWindowTitle(f"Discharge: {self.review.patient_name}")
        room = self.screen().availableGeometry()
        self.resize(min(760, room.width()), min(820, room.height() - 60))
        self._build()
        self.drafts = DraftKeeper(clinic.drafts, DRAFT_FORM, self, self._typed)
        self.drafts.track(str(episode_id), self.review.patient_id)
        self._offer_draft()
        for widget in (self.reason.lineEdit(), self.ended_on, self.adherence_note):
            widget.textEdited.connect(self.drafts.mark_changed)
        self.follow_up.textChanged.connect(self.drafts.mark_changed)
        self.against_advice.toggled.connect(self.drafts.mark_changed)
        self.adherence.currentIndexChanged.connect(self.drafts.mark_changed)
        self.reason.setFocus()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        review, fmt = self.review, self.settings.date_format
        body = QWidget(self)
        column = QVBoxLayout(body)
        last = format_date(review.last_visit_on, fmt) if review.last_visit_on else "none yet"
        summary = QLabel(
            f"<b>{review.patient_name}</b>: {review.diagnosis}<br>"
            f"Care since {format_date(review.started_on, fmt)}; "
            f"{review.visits_attended} visits attended; last visit {last}.",
            body,
        )
        summary.setWordWrap(True)
        column.addWidget(summary)
        self.blocking = QLabel("\n".join(review.blocking), body)
        self.blocking.setObjectName("dischargeBlocking")
        self.blocking.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.blocking.setWordWrap(True)
        self.blocking.setVisible(bool(review.blocking))
        column.addWidget(self.blocking)
        column.addWidget(_heading("Goals", body))
        self.goals = QLabel(self._goals_text(), body)
        self.goals.setObjectName("dischargeGoals")
        self.goals.setWordWrap(True)
        self.goals.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.goals)
        column.addWidget(_heading("Final measures", body))
        self.measures = QLabel(body)
        self.measures.setText(self._measures_text())
        self.measures.setObjectName("dischargeMeasures")
        self.measures.setWordWrap(True)
        column.addWidget(self.measures)
        column.addWidget(_heading("Discharge", body))
        form = QFormLayout()
        self.reason = QComboBox(body)
        self.reason.setEditable(True)
        self.reason.addItems(COMMON_REASONS)
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText("Why care ends (choose or type)")
        self.reason.setAccessibleName("Reason for discharge")
        self.ended_on = QLineEdit(body)
        self.ended_on.setPlaceholderText(f"{fmt} (empty: today)")
        self.ended_on.setAccessibleName("Discharge date")
        self.against_advice = QCheckBox("Care ended against the therapist's advice", body)
        self.adherence = QComboBox(body)
        for key, words in ADHERENCE_WORDS.items():
            self.adherence.addItem(words.capitalize() if key else "Not recorded", key)
        self.adherence.setAccessibleName("Home program adherence")
        self.adherence_note = QLineEdit(body)
        self.adherence_note.setPlaceholderText("What got in the way, what helped (optional)")
        self.follow_up = QPlainTextEdit(body)
        self.follow_up.setTabChangesFocus(True)
        self.follow_up.setPlaceholderText(
            "Follow-up recommendations and referrals, one per line (for example: review in "
            "6 weeks if pain returns; referred to a running coach)."
        )
        self.follow_up.setFixedHeight(self.fontMetrics().height() * 5)
        form.addRow("&Reason", self.reason)
        form.addRow("&Date", self.ended_on)
        form.addRow("", self.against_advice)
        form.addRow("&Home program", self.adherence)
        form.addRow("Adherence &note", self.adherence_note)
        form.addRow("&Follow-up", self.follow_up)
        column.addLayout(form)
        self.errors = FieldErrors(
            form,
            {
                "reason": self.reason,
                "ended_on": self.ended_on,
                "program_adherence": self.adherence,
                "adherence_note": self.adherence_note,
                "follow_up": self.follow_up,
            },
        )
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.status = QLabel("", self)
        self.status.setObjectName("dischargeStatus")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.preview_button = QPushButton("&Preview summary…", self)
        self.preview_button.setDefault(True)
        self.preview_button.setEnabled(review.can_discharge)
        self.preview_button.setToolTip("See the discharge summary before care ends (Enter)")
        buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip("Close; what you typed is kept as a draft")
        self.preview_button.clicked.connect(self.open_preview)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _goals_text(self) -> str:
        if not self.review.goals:
            return "No goals were set for this episode; the summary will say so."
        lines = []
        for standing in self.review.goals:
            colour = GOAL_COLOURS.get(standing.status, "")
            status = standing.status_words
            if colour:
                status = f'<span style="color:{colour}"><b>{status}</b></span>'
            figure = f" ({standing.measured})" if standing.measured else ""
            reason = ""
            if standing.status in ("not_met", "partly_met") and not standing.goal.status_note:
                reason = " <i>No reason recorded: add it on the Goals tab.</i>"
            elif standing.status == "open":
                reason = " <i>Still open: mark it met, partly met or not met on the Goals tab.</i>"
            lines.append(f"• {_escape(standing.goal.text)}: {status}{_escape(figure)}{reason}")
        return "<br>".join(lines)

    def _measures_text(self) -> str:
        review, fmt = self.review, self.settings.date_format
        if not review.final_measures:
            return "Nothing was measured in this episode; the summary will say so."
        present = len(review.final_measures) - len(review.missing_measures)
        lines = [
            f"Measured again at the last visit: {present} of {len(review.final_measures)} "
            "tests and sides. The summary prints each test's latest value with its date."
        ]
        # One line per day the missing tests were last measured, sides folded per test.
        by_day: dict = {}
        for m in review.missing_measures:
            sides = by_day.setdefault(m.last_measured_on, {}).setdefault(m.label, [])
            if m.side != "none":
                sides.append(m.side)
        listed = []
        for day, tests in sorted(by_day.items()):
            names = ", ".join(
                f"{label} ({' and '.join(sides)})" if sides else label
                for label, sides in tests.items()
            )
            listed.append(f"Last measured on {format_date(day, fmt)}, not since: {names}.")
        self.measures.setToolTip("\n".join(listed))
        if len(review.missing_measures) > FOLDED_MISSING:
            # A long list buries the goals and the form: counted here, listed in the tooltip.
            days = ", ".join(format_date(day, fmt) for day in sorted(by_day))
            lines.append(
                f"{len(review.missing_measures)} tests and sides were last measured on {days} "
                "and not since (point at this text for the list)."
            )
        else:
            lines += listed
        return "\n".join(lines)

    # --- drafts -------------------------------------------------------------------------------

    def _typed(self) -> dict:
        return {
            "reason": self.reason.currentText(),
            "ended_on": self.ended_on.text(),
            "against_advice": self.against_advice.isChecked(),
            "program_adherence": self.adherence.currentData() or "",
            "adherence_note": self.adherence_note.text(),
            "follow_up": self.follow_up.toPlainText(),
        }

    def _offer_draft(self) -> None:
        # A draft is offered even while something blocks the discharge (a visit waiting to be
        # signed is the usual case): the typing is kept and previewed once it is signed.
        draft = self.drafts.load()
        if draft is None or self.review.status == "discharged":
            return
        typed = draft.payload
        self.reason.setEditText(typed.get("reason", ""))
        self.ended_on.setText(typed.get("ended_on", ""))
        self.against_advice.setChecked(bool(typed.get("against_advice")))
        index = self.adherence.findData(typed.get("program_adherence", ""))
        self.adherence.setCurrentIndex(max(index, 0))
        self.adherence_note.setText(typed.get("adherence_note", ""))
        self.follow_up.setPlainText(typed.get("follow_up", ""))
        self.status.setText("Restored what you typed earlier (kept as a draft).")

    def keep_work(self) -> None:
        self.drafts.save_now()

    def reject(self) -> None:
        self.drafts.save_now()
        super().reject()

    # --- preview and discharge -----------------------------------------------------------------

    def checked_details(self):
        """The typed details checked, or ``None`` with the sentences shown by the fields."""
        typed = self._typed()
        try:
            details = check_discharge(
                reason=typed["reason"],
                ended_on=typed["ended_on"],
                started_on=self.review.started_on,
                today=self.review.today,
                last_visit_on=self.review.last_visit_on,
                against_advice=typed["against_advice"],
                program_adherence=typed["program_adherence"],
                adherence_note=typed["adherence_note"],
                follow_up=typed["follow_up"],
                date_format=self.settings.date_format,
            )
        except ValidationErrors as errors:
            first = self.errors.show(errors.by_field())
            if first is not None:
                first.setFocus()
            self.status.setText("Nothing was saved; see the sentences by the fields.")
            return None
        self.errors.clear()
        return details

    def open_preview(self) -> None:
        if not self.review.can_discharge:
            return
        details = self.checked_details()
        if details is None:
            return
        self.drafts.save_now()
        self.preview = DischargePreviewDialog(self, details)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.open()


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


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>", parent)
    label.setContentsMargins(0, 8, 0, 0)
    return label


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
