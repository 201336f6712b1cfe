"""Steps 3 and 4: the running profile (in the clinic's distance unit) and the history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QListWidgetItem, QWidget

from clinic_desktop.domain.clinical_history import (
    BODY_REGIONS,
    LOCATION_SIDES,
    HistoryForm,
    PainLocation,
    check_pain_location,
)
from clinic_desktop.domain.errors import ClinicError, ValidationError, ValidationErrors
from clinic_desktop.domain.running_profile import (
    RUNNING_STATUS_CHOICES,
    RunningProfileForm,
    profile_form,
)
from clinic_desktop.domain.units import format_number
from clinic_desktop.gui.form_binding import FormBinding, fill_combo
from clinic_desktop.gui.forms.ui_history_form import Ui_HistoryForm
from clinic_desktop.gui.forms.ui_running_profile_form import Ui_RunningProfileForm
from clinic_desktop.gui.intake_step import IntakeContext, IntakeStep
from clinic_desktop.gui.patient_form import date_placeholder

_PROFILE_FIELDS = tuple(RunningProfileForm.__dataclass_fields__)
_HISTORY_TEXTS = tuple(n for n in HistoryForm.__dataclass_fields__ if n != "pain_locations")


def _no_episode(step: IntakeStep) -> bool:
    step.status_message.emit(
        f"Save the episode of care first: the {step.title.lower()} belongs to it."
    )
    return False


class RunningProfileStep(IntakeStep):
    title = "Running profile"

    def __init__(self, clinic, parent: QWidget | None = None) -> None:
        super().__init__(clinic, parent)
        self.ui = Ui_RunningProfileForm()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.runningStatusCombo, RUNNING_STATUS_CHOICES)
        self.binding = FormBinding(self)
        self.binding.add_form(
            ui.trainingForm,
            {
                "weekly_distance_before": ui.weeklyBeforeEdit,
                "weekly_distance_now": ui.weeklyNowEdit,
                "runs_per_week": ui.runsPerWeekEdit,
                "longest_run": ui.longestRunEdit,
                "years_running": ui.yearsRunningEdit,
                "usual_pace": ui.paceEdit,
                "running_status": ui.runningStatusCombo,
            },
        )
        self.binding.add_form(
            ui.goalsForm,
            {
                "goal_event": ui.goalEventEdit,
                "goal_date": ui.goalDateEdit,
                "surfaces": ui.surfacesEdit,
                "shoes": ui.shoesEdit,
                "shoe_distance": ui.shoeDistanceEdit,
                "cross_training": ui.crossTrainingEdit,
            },
        )
        self.binding.changed.connect(self._typed)
        self.version = 0

    @property
    def first_field(self) -> QWidget:
        return self.ui.weeklyBeforeEdit

    def _label_units(self, unit: str, date_format: str) -> None:
        ui = self.ui
        ui.weeklyBeforeEditLabel.setText(f"Weekly distance before ({unit})")
        ui.weeklyNowEditLabel.setText(f"Weekly distance now ({unit})")
        ui.longestRunEditLabel.setText(f"Longest run ({unit})")
        ui.paceEditLabel.setText(f"Usual easy pace (min/{unit})")
        ui.shoeDistanceEditLabel.setText(f"Shoes' distance ({unit})")
        ui.weeklyBeforeEdit.setPlaceholderText("Before the problem began")
        ui.paceEdit.setPlaceholderText("minutes:seconds, e.g. 5:30")
        ui.goalDateEdit.setPlaceholderText(date_placeholder(date_format))

    def load(self, context: IntakeContext) -> None:
        unit = context.settings.distance_unit
        self._label_units(unit, context.date_format)
        self.binding.clear_errors()
        profile = None
        if context.episode is not None:
            profile = self.clinic.intake.running_profile(context.episode.id)
        self.version = profile.version if profile is not None else 0
        form = profile_form(profile, unit, context.date_format) if profile else None
        self.binding.set_values(form.__dict__ if form else {})
        self.dirty = False

    def state(self) -> dict[str, Any]:
        return self.binding.values()

    def restore(self, state: dict[str, Any]) -> None:
        self.binding.set_values(state)
        self.dirty = True

    def save(self, context: IntakeContext) -> bool:
        if not self.dirty:
            return True
        if context.episode is None:
            return _no_episode(self)
        self.binding.clear_errors()
        values = self.binding.values()
        try:
            self.clinic.intake.save_running_profile(
                context.episode.id,
                RunningProfileForm(**{name: values[name] for name in _PROFILE_FIELDS}),
                self.version,
                distance_unit=context.settings.distance_unit,
                date_format=context.date_format,
            )
        except ValidationErrors as errors:
            first = self.binding.show_errors(errors.by_field())
            if first is not None:
                first.setFocus()
            return False
        except ClinicError as error:
            return self.refused(error)
        self.load(context)
        return True


class HistoryStep(IntakeStep):
    """Pain now/best/worst (kept on the initial visit), where it hurts, and background."""

    title = "History"

    def __init__(self, clinic, parent: QWidget | None = None) -> None:
        super().__init__(clinic, parent)
        self.ui = Ui_HistoryForm()
        self.ui.setupUi(self)
        ui = self.ui
        fill_combo(ui.regionCombo, BODY_REGIONS, "Body region…")
        fill_combo(ui.locationSideCombo, LOCATION_SIDES, "Side…")
        self.binding = FormBinding(self)
        self.binding.add_form(
            ui.painForm,
            {
                "pain_now": ui.painNowEdit,
                "pain_best": ui.painBestEdit,
                "pain_worst": ui.painWorstEdit,
                "aggravating": ui.aggravatingEdit,
                "easing": ui.easingEdit,
            },
            errors_only={
                "pain_region": ui.regionCombo,
                "pain_side": ui.locationSideCombo,
                "pain_locations": ui.locationList,
            },
        )
        self.binding.add_form(
            ui.backgroundForm,
            {
                "pattern_24h": ui.pattern24hEdit,
                "previous_injuries": ui.previousInjuriesEdit,
                "medical_history": ui.medicalHistoryEdit,
                "medications": ui.medicationsEdit,
                "imaging": ui.imagingEdit,
            },
        )
        self.binding.changed.connect(self._typed)
        ui.addLocationButton.clicked.connect(self.add_location)
        ui.locationList.installEventFilter(self)
        ui.locationList.setToolTip("Delete removes the selected location.")
        self.locations: list[PainLocation] = []
        self.version = 0
        self.visit_version = 0

    @property
    def first_field(self) -> QWidget:
        return self.ui.painNowEdit

    def add_location(self) -> None:
        """Add the chosen region and side to the list (once), or say what is missing."""
        try:
            location = check_pain_location(
                self.ui.regionCombo.currentData() or "",
                self.ui.locationSideCombo.currentData() or "",
            )
        except ValidationError as error:
            widget = self.binding.widget(error.field)
            self.binding.show_errors({error.field: error.message})
            widget.setFocus()
            return
        self.binding.show_errors({})
        if location not in self.locations:
            self.locations.append(location)
            self._show_locations()
            self._typed()
        with self.binding.filling_block():
            self.ui.regionCombo.setCurrentIndex(0)
            self.ui.locationSideCombo.setCurrentIndex(0)
        self.ui.regionCombo.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.ui.locationList
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        ):
            row = self.ui.locationList.currentRow()
            if 0 <= row < len(self.locations):
                del self.locations[row]
                self._show_locations()
                self._typed()
            return True
        return False

    def _show_locations(self) -> None:
        self.ui.locationList.clear()
        for location in self.locations:
            self.ui.locationList.addItem(QListWidgetItem(location.label))
        if self.locations:
            self.ui.locationList.setCurrentRow(len(self.locations) - 1)

    def load(self, context: IntakeContext) -> None:
        self.binding.clear_errors()
        history = None
        if context.episode is not None:
            history = self.clinic.intake.history(context.episode.id)
        if history is None:
            self.version = self.visit_version = 0
            self.locations = []
            self.binding.set_values({})
        else:
            self.version, self.visit_version = history.version, history.visit_version
            self.locations = list(history.pain_locations)
            values = {name: getattr(history, name) for name in _HISTORY_TEXTS}
            for name in ("pain_now", "pain_best", "pain_worst"):
                score = getattr(history, name)
                values[name] = "" if score is None else format_number(score, 0)
            self.binding.set_values(values)
        self._show_locations()
        self.dirty = False

    def state(self) -> dict[str, Any]:
        return {
            **self.binding.values(),
            "pain_locations": [[p.region, p.side] for p in self.locations],
        }

    def restore(self, state: dict[str, Any]) -> None:
        self.binding.set_values({k: v for k, v in state.items() if isinstance(v, str)})
        self.locations = [
            PainLocation(str(region), str(side)) for region, side in state.get("pain_locations", [])
        ]
        self._show_locations()
        self.dirty = True

    def save(self, context: IntakeContext) -> bool:
        if not self.dirty:
            return True
        if context.episode is None:
            return _no_episode(self)
        self.binding.clear_errors()
        values = self.binding.values()
        form = HistoryForm(
            pain_locations=tuple(self.locations),
            **{name: values[name] for name in _HISTORY_TEXTS},
        )
        try:
            self.clinic.intake.save_history(
                context.episode.id, form, self.version, self.visit_version
            )
        except ValidationErrors as errors:
            first = self.binding.show_errors(errors.by_field())
            if first is not None:
                first.setFocus()
            return False
        except ClinicError as error:
            return self.refused(error)
        self.load(context)
        return True
