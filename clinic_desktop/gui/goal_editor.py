"""The form under the Goals tab's table: one goal's words, target, date and status.

The form reads what was typed in the clinic's terms (a force in the clinic's unit, a grade
as "4+", a date in the clinic's format) and turns it into checked
:class:`~clinic_desktop.domain.goals.GoalFields`, or sentences under the fields that are
wrong. It says what was measured for the goal, and that a note is expected for a goal not
(fully) met, since the discharge summary prints it.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter, QWidget

from clinic_desktop.domain import units
from clinic_desktop.domain.assessment_values import entry_text, read_entry
from clinic_desktop.domain.battery import Battery, TestDefinition
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.goals import STATUS_WORDS, Goal, GoalFields, GoalStanding, validate_goal
from clinic_desktop.domain.outcomes import Instrument
from clinic_desktop.gui.form_binding import FormBinding, fill_combo
from clinic_desktop.gui.forms.ui_goal_editor import Ui_GoalEditor

KIND_CHOICES = {
    "none": "No measurable target",
    "test": "A battery test",
    "questionnaire": "A questionnaire total",
}
SIDE_CHOICES = {"left": "Left", "right": "Right"}
NOT_MET = ("not_met", "partly_met")
_DATE_HINTS = {"yyyy-mm-dd": "YYYY-MM-DD", "dd/mm/yyyy": "DD/MM/YYYY", "mm/dd/yyyy": "MM/DD/YYYY"}
NOTE_EXPECTED = "A note is expected: why the goal is not fully met (the reports print it)."
NOTE_GIVEN = "The progress report and discharge summary print this note beside the goal."
HINT_STYLE = "color: #8a5a00; font-weight: bold;"
QUIET_STYLE = "color: #555555;"


def target_words(standing: GoalStanding, battery: Battery) -> str:
    """The target as a sentence fragment: "Right hip abductor force (dynamometer) at least
    180 N", "Right single-leg squat passed", "LEFS at least 65 points"; empty for a goal
    without a measurable target."""
    goal = standing.goal
    if not standing.target or not goal.target_test_code or goal.target_test_code not in battery:
        return standing.target
    test = battery.test(goal.target_test_code)
    target = standing.target
    if goal.target_side in SIDE_CHOICES:
        label = test.label[:1].lower() + test.label[1:]
        return f"{SIDE_CHOICES[goal.target_side]} {label} {target}"
    return f"{test.label} {target}"


def measured_words(standing: GoalStanding | None) -> str:
    """What the form says about the figures for the goal shown."""
    if standing is None:
        return "Shown once the goal is saved."
    if not standing.target:
        return "No measurable target: the status chosen below is the one reported."
    if not standing.measured:
        return "Not measured in this episode yet: the status chosen below is reported."
    return (
        f"{standing.measured}: {STATUS_WORDS[standing.computed_status]} by the figures. The "
        "reports show this, whatever status is chosen below."
    )


class GoalEditor(QWidget):
    """The goal form; ``edited`` is emitted for every change the person makes."""

    edited = Signal()

    def __init__(
        self, battery: Battery, instruments: Mapping[str, Instrument], parent=None
    ) -> None:
        super().__init__(parent)
        self.battery = battery
        self.instruments = instruments
        self.force_unit = "N"
        self.date_format = "yyyy-mm-dd"
        self.computed_status: str | None = None
        self.ui = Ui_GoalEditor()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.kindCombo, KIND_CHOICES, blank=None)
        fill_combo(ui.sideCombo, SIDE_CHOICES)
        fill_combo(ui.statusCombo, STATUS_WORDS, blank=None)
        fill_combo(
            ui.questionnaireCombo,
            {key: f"{i.short_name}: {i.name}" for key, i in instruments.items()},
        )
        self._fill_tests()
        ui.testCombo.setInsertPolicy(ui.testCombo.InsertPolicy.NoInsert)
        completer = QCompleter(ui.testCombo.model(), ui.testCombo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        ui.testCombo.setCompleter(completer)
        ui.testCombo.lineEdit().setPlaceholderText("Type part of the name, e.g. abductor")
        ui.measuredLabel.setStyleSheet(QUIET_STYLE)
        self.binding = FormBinding(self, general_label=ui.generalLabel)
        self.binding.add_form(
            ui.leftForm,
            {
                "text": ui.textEdit,
                "target_kind": ui.kindCombo,
                "target_side": ui.sideCombo,
                "target_value": ui.valueEdit,
                "target_instrument": ui.questionnaireCombo,
            },
            errors_only={"target_test_code": ui.testCombo},
        )
        self.binding.add_form(
            ui.rightForm,
            {"target_date": ui.dateEdit, "status": ui.statusCombo, "status_note": ui.noteEdit},
        )
        self.binding.changed.connect(self._changed)
        ui.testCombo.editTextChanged.connect(lambda _t: self._test_typed())

    def _fill_tests(self) -> None:
        combo = self.ui.testCombo
        combo.clear()
        for test in self.battery.enabled_tests():
            combo.addItem(test.label, test.code)
        combo.setCurrentIndex(-1)

    # --- showing a goal -----------------------------------------------------------------------

    def set_units(self, force_unit: str, date_format: str) -> None:
        self.force_unit, self.date_format = force_unit, date_format
        self.ui.dateEdit.setPlaceholderText(_DATE_HINTS.get(date_format, date_format.upper()))
        self._update_target_fields()

    def show_goal(self, goal: Goal | None, standing: GoalStanding | None, side: str = "") -> None:
        """Fill the form with ``goal`` (a blank form for a new goal on ``side``)."""
        values = {"target_kind": "none", "status": "open"}
        test_label = ""
        if goal is None:
            values["target_side"] = side if side in SIDE_CHOICES else ""
        else:
            values.update(
                text=goal.text,
                target_date=format_date(goal.target_date, self.date_format),
                status=goal.status,
                status_note=goal.status_note,
            )
            if goal.target_test_code and goal.target_test_code in self.battery:
                test = self.battery.test(goal.target_test_code)
                test_label = test.label
                values.update(target_kind="test", target_side=goal.target_side or "")
                if goal.target_value is not None:
                    values["target_value"] = entry_text(test, goal.target_value, self.force_unit)
            elif goal.target_instrument:
                values.update(target_kind="questionnaire", target_instrument=goal.target_instrument)
                if goal.target_value is not None:
                    values["target_value"] = units.format_number(goal.target_value, 1)
        self.computed_status = standing.computed_status if standing else None
        self.ui.measuredLabel.setText(measured_words(standing) if goal else measured_words(None))
        self.fill({**values, "target_test": test_label})
        self.binding.clear_errors()

    def fill(self, typed: Mapping[str, str]) -> None:
        """Put typed values back (a goal shown, or a draft restored) without an edit."""
        with self.binding.filling_block():
            self.binding.set_values(dict(typed))
            label = typed.get("target_test", "")
            if label and self.ui.testCombo.findText(label) < 0:
                code = next((t.code for t in self.battery.tests if t.label == label), label)
                self.ui.testCombo.addItem(label, code)  # a test the clinic has switched off
            self.ui.testCombo.setCurrentIndex(self.ui.testCombo.findText(label) if label else -1)
            self.ui.testCombo.setEditText(label)
        self._update_target_fields()

    def typed(self) -> dict[str, str]:
        """Everything as typed, for a draft."""
        return {**self.binding.values(), "target_test": self.ui.testCombo.currentText()}

    # --- reading what was typed ---------------------------------------------------------------

    def checked(self) -> GoalFields:
        """The goal as typed, checked; raises :class:`ValidationErrors` naming each field."""
        typed = self.binding.values()
        kind = typed["target_kind"]
        errors: dict[str, str] = {}
        code = instrument = side = value = None
        if kind == "test":
            test = self._typed_test()
            side = typed["target_side"] or None
            value = typed["target_value"]
            if test is None:
                errors["target_test_code"] = (
                    "Choose the test from the list (type part of its name)."
                )
                value = None
            else:
                code = test.code
                if value.strip():
                    try:
                        value = read_entry(test, value, self.force_unit, "target_value")
                    except ValidationError as error:
                        errors["target_value"] = error.message
                        value = None
        elif kind == "questionnaire":
            instrument = typed["target_instrument"] or None
            value = typed["target_value"] if instrument else None
            if instrument is None:
                errors["target_instrument"] = "Choose the questionnaire whose total is the target."
        try:
            fields = validate_goal(
                self.battery,
                self.instruments,
                text=typed["text"],
                target_test_code=code,
                target_side=side,
                target_value=value,
                target_instrument=instrument,
                target_date=typed["target_date"],
                status=typed["status"],
                status_note=typed["status_note"],
                date_format=self.date_format,
            )
        except ValidationErrors as refused:
            errors = {**refused.by_field(), **errors}
        if errors:
            raise ValidationErrors([ValidationError(f, m) for f, m in errors.items()])
        return fields

    def show_errors(self, errors: dict[str, str]) -> None:
        first = self.binding.show_errors(errors)
        if first is not None:
            first.setFocus()

    def show_general(self, sentence: str) -> None:
        """A sentence under the form that belongs to no one field (a refused save)."""
        self.binding.show_errors({"goal": sentence} if sentence else {})

    # --- keeping the form consistent ------------------------------------------------------------

    def _typed_test(self) -> TestDefinition | None:
        combo = self.ui.testCombo
        index = combo.findText(combo.currentText().strip(), Qt.MatchFlag.MatchFixedString)
        code = combo.itemData(index) if index >= 0 else None
        return self.battery.test(code) if code in self.battery else None

    def _test_typed(self) -> None:
        self._update_target_fields()
        self.binding.notify_changed()

    def _changed(self) -> None:
        self._update_target_fields()
        self.edited.emit()

    def _update_target_fields(self) -> None:
        ui = self.ui
        kind = ui.kindCombo.currentData()
        test = self._typed_test() if kind == "test" else None
        single = test is not None and not test.bilateral
        for widget, on in (
            (ui.testCombo, kind == "test"),
            (ui.sideCombo, kind == "test" and not single),
            (ui.valueEdit, kind in ("test", "questionnaire")),
            (ui.questionnaireCombo, kind == "questionnaire"),
        ):
            widget.setEnabled(on)
        ui.sideCombo.setToolTip("This test gives a single value, without sides." if single else "")
        ui.valueUnitLabel.setText(self._unit_words(kind, test))
        self._update_note_hint()

    def _unit_words(self, kind: str, test: TestDefinition | None) -> str:
        if kind == "questionnaire":
            instrument = self.instruments.get(self.ui.questionnaireCombo.currentData() or "")
            if instrument is None:
                return "points"
            return f"points ({instrument.total_min} to {instrument.total_max})"
        if test is None:
            return ""
        if test.unit == "N":
            return self.force_unit
        if test.unit == "grade":
            return "grade, e.g. 4+"
        if test.unit == "pass_fail":
            return "pass or fail"
        return units.unit_words(test.unit)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == event.Type.EnabledChange:
            self._update_note_hint()

    def _update_note_hint(self) -> None:
        # The reports show the status the figures give, else the one chosen here.
        reported = self.computed_status or self.ui.statusCombo.currentData()
        hint = self.ui.noteHintLabel
        if reported not in NOT_MET or not self.isEnabled():
            hint.hide()
            return
        missing = not self.ui.noteEdit.toPlainText().strip()
        hint.setText(NOTE_EXPECTED if missing else NOTE_GIVEN)
        hint.setStyleSheet(HINT_STYLE if missing else QUIET_STYLE)
        hint.show()
