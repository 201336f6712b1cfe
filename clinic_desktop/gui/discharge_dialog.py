"""Discharge: review what the summary will say, record the details, preview, then end care.

The review shows the goals with where they stand, the tests not measured again at the
last visit, and anything that blocks the discharge (an unsigned visit). The therapist
types the reason, the date, attendance against advice, adherence and the follow-up plan
(autosaved as a draft), previews the summary with those details (nothing saved yet), and
only then discharges: the episode ends, becomes read-only, and the summary is recorded in
the patient's documents, ready to print.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.discharge import ADHERENCE_WORDS, DischargeReview, check_discharge
from clinic_desktop.domain.errors import ValidationErrors
from clinic_desktop.gui.discharge_preview import DischargePreviewDialog
from clinic_desktop.gui.draft_keeper import DraftKeeper
from clinic_desktop.gui.field_errors import ERROR_STYLE, FieldErrors

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


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(f"<b>{text}</b>", parent)
    label.setContentsMargins(0, 8, 0, 0)
    return label


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
