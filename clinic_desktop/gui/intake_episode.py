"""Step 2: the episode of care, with the diagnosis picker (name or code, side applied)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QListWidgetItem, QMessageBox, QWidget

from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.diagnoses import (
    Diagnosis,
    code_for_side,
    diagnosis_by_id,
    diagnosis_for_code,
    search_diagnoses,
)
from clinic_desktop.domain.episodes import (
    INTAKE_STATUS_CHOICES,
    KIND_CHOICES,
    ONSET_CHOICES,
    SIDE_CHOICES,
    ActiveEpisodeExists,
    EpisodeForm,
    EpisodeRecord,
)
from clinic_desktop.domain.errors import ClinicError, NotFound, ValidationError, ValidationErrors
from clinic_desktop.gui.form_binding import FormBinding, fill_combo
from clinic_desktop.gui.forms.ui_episode_form import Ui_EpisodeForm
from clinic_desktop.gui.intake_step import IntakeContext, IntakeStep
from clinic_desktop.gui.patient_form import date_placeholder

PICKER_ROWS = 8
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def ask_about_active_episode(parent: QWidget, active: EpisodeRecord) -> str | None:
    """Ask what becomes of the active episode: "discharge", "hold", or None to keep it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("An episode of care is still active")
    box.setText(
        f"{active.diagnosis}, started {active.started_on.isoformat()}, is still active. "
        "A patient has one active episode at a time."
    )
    box.setInformativeText("What should happen to it before the new episode starts?")
    discharge = box.addButton("&Discharge it", QMessageBox.ButtonRole.AcceptRole)
    hold = box.addButton("Put it on &hold", QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton("&Keep it; start nothing", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is discharge:
        return "discharge"
    if clicked is hold:
        return "hold"
    return None


class EpisodeStep(IntakeStep):
    title = "Episode"
    needs_episode = False

    def __init__(self, clinic, parent: QWidget | None = None) -> None:
        super().__init__(clinic, parent)
        self.ui = Ui_EpisodeForm()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.kindCombo, KIND_CHOICES)
        fill_combo(ui.sideCombo, SIDE_CHOICES)
        fill_combo(ui.onsetTypeCombo, ONSET_CHOICES)
        fill_combo(ui.statusCombo, INTAKE_STATUS_CHOICES)
        self.binding = FormBinding(self)
        self.binding.add_form(
            ui.diagnosisForm,
            {
                "kind": ui.kindCombo,
                "side": ui.sideCombo,
                "seventh_character": ui.seventhCombo,
                "diagnosis_label": ui.diagnosisLabelEdit,
                "diagnosis_code": ui.diagnosisCodeEdit,
            },
        )
        self.binding.add_form(
            ui.courseForm,
            {
                "onset_date": ui.onsetDateEdit,
                "onset_type": ui.onsetTypeCombo,
                "mechanism": ui.mechanismEdit,
                "referral": ui.referralEdit,
                "started_on": ui.startedOnEdit,
                "status": ui.statusCombo,
            },
        )
        self.binding.changed.connect(self._typed)
        self.diagnosis_id = ""
        self.code_typed = False
        self.episode: EpisodeRecord | None = None
        self.creating = True
        ui.diagnosisSearchEdit.textEdited.connect(self._search)
        ui.diagnosisSearchEdit.installEventFilter(self)
        ui.diagnosisList.installEventFilter(self)
        ui.diagnosisList.itemActivated.connect(self._pick_item)
        ui.sideCombo.currentIndexChanged.connect(lambda _i: self._update_code())
        ui.seventhCombo.currentIndexChanged.connect(lambda _i: self._update_code())
        ui.diagnosisCodeEdit.textEdited.connect(self._code_edited)
        ui.diagnosisLabelEdit.textEdited.connect(self._label_edited)
        ui.newEpisodeButton.clicked.connect(self.start_new)
        ui.codeNoteLabel.setStyleSheet("color: #555;")
        self._search("")
        self._show_seventh(None)

    @property
    def first_field(self) -> QWidget:
        return self.ui.kindCombo

    # --- the diagnosis picker --------------------------------------------------------------

    def _search(self, text: str) -> None:
        found = search_diagnoses(text)[:PICKER_ROWS]
        self.ui.diagnosisList.clear()
        for diagnosis in found:
            codes = diagnosis.code_unspecified + (", by side" if diagnosis.has_laterality else "")
            item = QListWidgetItem(f"{diagnosis.name}  ({codes})")
            item.setData(Qt.ItemDataRole.UserRole, diagnosis.id)
            item.setToolTip(
                f"{diagnosis.icd10cm_title}\nCodes: {', '.join(diagnosis.codes)}\n"
                f"Source: {diagnosis.source}"
            )
            self.ui.diagnosisList.addItem(item)
        if found and text.strip():  # a highlighted line is what Enter will pick
            self.ui.diagnosisList.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() != QEvent.Type.KeyPress:
            return False
        key = event.key()
        if watched is self.ui.diagnosisSearchEdit:
            if key == Qt.Key.Key_Down and self.ui.diagnosisList.count():
                if self.ui.diagnosisList.currentRow() < 0:
                    self.ui.diagnosisList.setCurrentRow(0)
                self.ui.diagnosisList.setFocus()
                return True
            if key in _ENTER:  # Enter picks the highlighted diagnosis; it never discards
                item = self.ui.diagnosisList.currentItem()
                if item is not None and self.ui.diagnosisSearchEdit.text().strip():
                    self._pick_item(item)
                return True
        if watched is self.ui.diagnosisList and key in _ENTER:
            item = self.ui.diagnosisList.currentItem()
            if item is not None:
                self._pick_item(item)
            return True
        return False

    def _pick_item(self, item: QListWidgetItem) -> None:
        self.pick(diagnosis_by_id(item.data(Qt.ItemDataRole.UserRole)))
        self.ui.sideCombo.setFocus()

    def pick(self, diagnosis: Diagnosis) -> None:
        """Use a catalogue diagnosis: its name, and its code for the side chosen."""
        self.diagnosis_id = diagnosis.id
        self.code_typed = False
        self.ui.diagnosisLabelEdit.setText(diagnosis.name)
        self._show_seventh(diagnosis)
        self._update_code()
        self._typed()

    def _show_seventh(self, diagnosis: Diagnosis | None) -> None:
        characters = diagnosis.seventh_characters if diagnosis is not None else None
        with self.binding.filling_block():
            previous = self.ui.seventhCombo.currentData()
            fill_combo(
                self.ui.seventhCombo,
                {k: f"{k}: {meaning}" for k, meaning in characters.characters.items()}
                if characters
                else {},
            )
            if previous:
                index = self.ui.seventhCombo.findData(previous)
                self.ui.seventhCombo.setCurrentIndex(max(index, 0))
        self.ui.diagnosisForm.setRowVisible(self.ui.seventhCombo, characters is not None)

    def _update_code(self) -> None:
        if not self.diagnosis_id or self.code_typed:
            return
        diagnosis = diagnosis_by_id(self.diagnosis_id)
        side = self.ui.sideCombo.currentData() or "none"
        seventh = self.ui.seventhCombo.currentData() or None
        note = ""
        try:
            sided = code_for_side(diagnosis, side, seventh)
            code, note = sided.code, sided.explanation
        except ValidationError as missing:
            code, note = "", missing.message
        with self.binding.filling_block():
            self.ui.diagnosisCodeEdit.setText(code)
        if not diagnosis.confirmed:
            note = (note + " " if note else "") + "Code seen second-hand: check before billing."
        self.ui.codeNoteLabel.setText(note)
        self.ui.codeNoteLabel.setVisible(bool(note))

    def _code_edited(self, _text: str) -> None:
        self.code_typed = True

    def _label_edited(self, text: str) -> None:
        if self.diagnosis_id and text.strip() != diagnosis_by_id(self.diagnosis_id).name:
            # A diagnosis written by hand: the catalogue code no longer follows the side.
            self.diagnosis_id = ""
            self._show_seventh(None)
            if not self.code_typed:
                self.ui.diagnosisCodeEdit.clear()
            self.ui.codeNoteLabel.hide()

    # --- loading and saving ------------------------------------------------------------------

    def load(self, context: IntakeContext) -> None:
        self.ui.onsetDateEdit.setPlaceholderText(date_placeholder(context.date_format))
        self.ui.startedOnEdit.setPlaceholderText("Empty: today")
        self.binding.clear_errors()
        self.episode = context.episode
        self.creating = context.episode is None
        if context.episode is None:
            self._show_values({"status": "active", "referral": context.patient.referring_provider})
        else:
            e = context.episode
            self._show_values(
                {
                    "kind": e.kind,
                    "side": e.side,
                    "diagnosis_label": e.diagnosis_label,
                    "diagnosis_code": e.diagnosis_code,
                    "onset_date": format_date(e.onset_date, context.date_format),
                    "onset_type": e.onset_type or "",
                    "mechanism": e.mechanism,
                    "referral": e.referral,
                    "started_on": format_date(e.started_on, context.date_format),
                    "status": e.status,
                }
            )
        self._describe(context)
        self.dirty = False

    def _show_values(self, values: dict[str, str], diagnosis_id: str = "") -> None:
        code = values.get("diagnosis_code", "")
        found = diagnosis_for_code(code) if code and not diagnosis_id else None
        if found is not None and values.get("diagnosis_label") == found.name:
            diagnosis_id = found.id
        self.diagnosis_id = diagnosis_id
        self.code_typed = bool(code) and not diagnosis_id
        try:
            diagnosis = diagnosis_by_id(diagnosis_id) if diagnosis_id else None
        except NotFound:
            diagnosis, self.diagnosis_id = None, ""
        self._show_seventh(diagnosis)
        if diagnosis is not None and diagnosis.needs_seventh_character and len(code) == 8:
            values = {**values, "seventh_character": values.get("seventh_character") or code[-1]}
        self.binding.set_values(values)
        self.ui.diagnosisSearchEdit.clear()
        self._search("")
        self._highlight_current()
        self.ui.codeNoteLabel.hide()

    def _highlight_current(self) -> None:
        """Show the episode's own diagnosis as the chosen line of the list."""
        listing = self.ui.diagnosisList
        for row in range(listing.count()):
            if listing.item(row).data(Qt.ItemDataRole.UserRole) == self.diagnosis_id:
                listing.setCurrentRow(row)
                listing.scrollToItem(listing.item(row))
                return

    def _describe(self, context: IntakeContext) -> None:
        if self.creating and context.episode is not None:
            text = (
                f"New episode of care. {context.episode.diagnosis} is open; saving will ask "
                "whether to discharge it or put it on hold."
            )
        elif self.creating:
            text = "New episode of care: the patient has no open episode."
        else:
            e = context.episode
            status = INTAKE_STATUS_CHOICES.get(e.status, e.status).lower()
            text = (
                f"Episode {status} since {format_date(e.started_on, context.date_format)}: "
                f"{e.diagnosis}."
            )
        self.ui.episodeStateLabel.setText(text)
        self.ui.newEpisodeButton.setVisible(not self.creating)

    def start_new(self) -> None:
        """Clear the form for a second episode; the open one is asked about on saving."""
        self.creating = True
        self.binding.clear_errors()
        self._show_values({"status": "active", "referral": self.ui.referralEdit.text()})
        context_episode = self.episode
        self.ui.episodeStateLabel.setText(
            f"New episode of care. {context_episode.diagnosis} is open; saving will ask "
            "whether to discharge it or put it on hold."
            if context_episode is not None
            else "New episode of care."
        )
        self.ui.newEpisodeButton.hide()
        self._typed()
        self.ui.kindCombo.setFocus()

    def state(self) -> dict[str, Any]:
        return {
            **self.binding.values(),
            "diagnosis_id": self.diagnosis_id,
            "code_typed": self.code_typed,
            "creating": self.creating,
        }

    def restore(self, state: dict[str, Any]) -> None:
        values = {k: str(v) for k, v in state.items() if isinstance(v, str)}
        self._show_values(values, str(state.get("diagnosis_id", "")))
        self.code_typed = bool(state.get("code_typed", self.code_typed))
        self.creating = bool(state.get("creating", self.creating))
        if self.creating:
            self.ui.newEpisodeButton.hide()
        self.dirty = True

    def form(self) -> EpisodeForm:
        values = self.binding.values()
        return EpisodeForm(
            kind=values["kind"],
            diagnosis_id=self.diagnosis_id,
            diagnosis_label=values["diagnosis_label"],
            diagnosis_code=values["diagnosis_code"] if self.code_typed else "",
            seventh_character=values["seventh_character"],
            side=values["side"],
            onset_date=values["onset_date"],
            onset_type=values["onset_type"],
            mechanism=values["mechanism"],
            referral=values["referral"],
            status=values["status"],
            started_on=values["started_on"],
        )

    def save(self, context: IntakeContext, previous: str | None = None) -> bool:
        if not self.dirty:
            return True
        self.binding.clear_errors()
        intake = self.clinic.intake
        try:
            if self.creating:
                episode = intake.start_episode(
                    context.patient.id,
                    self.form(),
                    previous=previous,
                    date_format=context.date_format,
                )
            else:
                episode = intake.update_episode(
                    context.episode.id,
                    self.form(),
                    context.episode.version,
                    date_format=context.date_format,
                )
        except ValidationErrors as errors:
            first = self.binding.show_errors(errors.by_field())
            if first is not None:
                first.setFocus()
            return False
        except ActiveEpisodeExists as exists:
            choice = ask_about_active_episode(self, exists.active)
            if choice is None:
                self.status_message.emit(
                    "Nothing saved: the active episode stays as it is. Your typing is kept."
                )
                return False
            return self.save(context, previous=choice)
        except ClinicError as error:
            return self.refused(error)
        context.episode = episode
        self.load(context)
        return True
