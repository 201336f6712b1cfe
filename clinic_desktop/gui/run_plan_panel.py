"""The walk/run plan panel: choose the program, starting phase, run days, start day and
weekly cap (with the evidence beside it), generate, and read the plan as a table."""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from clinic_desktop.domain import units
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.return_to_run import StoredPlan
from clinic_desktop.domain.run_plan import max_days_per_week
from clinic_desktop.domain.run_programs import RunPrograms
from clinic_desktop.gui.field_errors import ERROR_STYLE, INVALID_STYLE
from clinic_desktop.gui.text_table import TextRow, TextTableModel, text_table

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class RunPlanPanel(QGroupBox):
    """Plan choices and the current plan; ``generate_requested`` carries the choices."""

    #: template code, start phase, days a week, start date text, weekly cap %
    generate_requested = Signal(str, int, int, str, float)

    def __init__(self, parent=None) -> None:
        super().__init__("Walk/run plan", parent)
        self.programs: RunPrograms | None = None
        self.template_combo = QComboBox(self)
        self.template_combo.setAccessibleName("Program")
        self.template_combo.currentIndexChanged.connect(self._template_chosen)
        self.template_combo.setMinimumContentsLength(36)
        self.start_phase = QSpinBox(self)
        self.start_phase.setAccessibleName("Starting phase")
        self.days = QSpinBox(self)
        self.days.setAccessibleName("Run days a week")
        self.days.setRange(1, 3)
        self.days.setValue(3)
        self.start_date = QLineEdit(self)
        self.start_date.setAccessibleName("Start on")
        self.start_date.setMinimumWidth(
            self.start_date.fontMetrics().horizontalAdvance("2026-12-31") + 16
        )
        self.cap = QDoubleSpinBox(self)
        self.cap.setAccessibleName("Weekly distance cap")
        self.cap.setRange(1, 100)
        self.cap.setDecimals(0)
        self.cap.setSuffix(" %")
        self.generate_button = QPushButton("&Generate plan", self)
        self.generate_button.clicked.connect(self._generate)
        self.start_date.returnPressed.connect(self._generate)
        self.evidence = QLabel(self)
        self.evidence.setObjectName("capEvidence")
        self.evidence.setWordWrap(True)
        self.evidence.setStyleSheet("color: #444; font-size: 9pt;")
        self.errors = QLabel(self)
        self.errors.setObjectName("planErrors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()
        self.fields = {
            "start_phase": self.start_phase,
            "days_per_week": self.days,
            "start_date": self.start_date,
            "weekly_cap_percent": self.cap,
        }

        grid = QGridLayout()
        for column, (text, widget) in enumerate(
            (
                ("Program", self.template_combo),
                ("Start at pha&se", self.start_phase),
                ("Run days a wee&k", self.days),
                ("Start o&n", self.start_date),
                ("&Weekly cap", self.cap),
            )
        ):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, 0, column)
            grid.addWidget(widget, 1, column)
        grid.addWidget(self.generate_button, 1, 5)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(3, 1)

        self.summary = QLabel(self)
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        self.model = TextTableModel(
            ("Phase", "Each run", "Distance", "Effort", "Runs", "Planned days"), self
        )
        self.table = text_table(self.model, self, "Walk/run plan")
        self.after = QLabel(self)
        self.after.setObjectName("planAfter")
        self.after.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.evidence)
        layout.addWidget(self.errors)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.after)

    # --- choices ---------------------------------------------------------------------

    def set_programs(
        self, programs: RunPrograms, clinic_cap: float, start: dt.date, date_format: str
    ) -> None:
        """Offer the programs; reset the start day and cap to the defaults given."""
        self.programs = programs
        current = self.template_combo.currentData()
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        for template in programs.templates:
            own = " (clinic's own)" if template.clinic_own else ""
            self.template_combo.addItem(template.label + own, template.code)
        index = self.template_combo.findData(current)
        self.template_combo.setCurrentIndex(max(index, 0))
        self.template_combo.blockSignals(False)
        self._template_chosen()
        self.cap.setValue(clinic_cap)
        self.start_date.setText(format_date(start, date_format))
        evidence = " ".join(programs.progression.weekly_cap_evidence)
        self.evidence.setText(
            f"Cap: the most the weekly distance may grow after the last phase. "
            f"{units.format_number(clinic_cap, 1)}% is the clinic's setting. {evidence}"
        )

    def _template_chosen(self, *_args) -> None:
        if self.programs is None or self.template_combo.currentData() is None:
            return
        template = self.programs.template(self.template_combo.currentData())
        numbers = [p.number for p in template.phases]
        self.start_phase.setRange(numbers[0], numbers[-1])
        self.days.setRange(1, max_days_per_week(template.rules))

    def _generate(self) -> None:
        code = self.template_combo.currentData()
        if code is not None:
            self.generate_requested.emit(
                code,
                self.start_phase.value(),
                self.days.value(),
                self.start_date.text(),
                self.cap.value(),
            )

    def show_errors(self, errors: dict[str, str]) -> None:
        """Put each sentence in the error line and mark its field; empty clears them."""
        for name, widget in self.fields.items():
            widget.setStyleSheet(INVALID_STYLE if name in errors else "")
            widget.setToolTip(errors.get(name, ""))
        self.errors.setText(" ".join(errors.values()))
        self.errors.setVisible(bool(errors))
        first = next((self.fields[n] for n in self.fields if n in errors), None)
        if first is not None:
            first.setFocus()

    # --- the plan --------------------------------------------------------------------

    def show_plan(self, stored: StoredPlan | None, distance_unit: str, date_format: str) -> None:
        if stored is None:
            self.summary.setText(
                "No plan yet. When the runner is ready, choose the program and generate the plan."
            )
            self.model.set_rows([])
            self.after.setText("")
            return
        plan = stored.plan
        verdict = stored.readiness
        judged = (
            ""
            if verdict is None
            else (
                f" from the readiness verdict \u201c{escape(verdict.headline)}\u201d (criteria "
                f"version {verdict.criteria_version})"
            )
        )
        self.summary.setText(
            f"<b>{escape(plan.template_label)}</b>, generated "
            f"{format_date(stored.created_at.date(), date_format)}"
            f"{' by ' + escape(stored.created_by) if stored.created_by else ''}{judged}. "
            f"Runs {plan.days_per_week} days a week from "
            f"{WEEKDAYS[plan.start_date.weekday()]} {format_date(plan.start_date, date_format)}; "
            f"usual pain {plan.baseline_pain}/10."
        )
        rows = []
        schedule = plan.runs
        for planned in plan.phases:
            phase = planned.phase
            days = ", ".join(
                f"{WEEKDAYS[r.day.weekday()]} {format_date(r.day, date_format)}"
                for r in schedule
                if r.phase_number == phase.number
            )
            effort = "–" if phase.effort_rpe is None else units.format_number(phase.effort_rpe)
            rows.append(
                TextRow(
                    (
                        str(phase.number),
                        phase.intervals_text,
                        units.format_distance(phase.distance_km, "km", distance_unit),
                        effort,
                        str(planned.runs),
                        days,
                    ),
                    key=phase.number,
                )
            )
        self.model.set_rows(rows)
        weeks = plan.progression_weeks
        cap = units.format_number(plan.weekly_cap_percent, 1)
        text = f"<b>After the last phase:</b> {escape(plan.progression.rule)} At most {cap}% more "
        text += "distance each week"
        if weeks:
            first, last = weeks[0], weeks[-1]
            dist = lambda km: units.format_distance(km, "km", distance_unit)  # noqa: E731
            text += (
                f": week {first.week} up to {dist(first.max_km)}, week {last.week} up to "
                f"{dist(last.max_km)}"
            )
            if plan.target_weekly_km is not None:
                text += f" (the {dist(plan.target_weekly_km)} a week before the injury)"
        self.after.setText(text + ".")
