"""The running log panel: one row of fields for a run typed from what the runner reports,
the runs so far with their breaches marked, and the advice for each breach.

Enter in any field adds the run (or saves the one being changed); the date moves on two
days, a rest day after the run. Enter on a run in the table brings it back to change it;
Delete removes it after asking.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from clinic_desktop.domain import units
from clinic_desktop.domain.dates import format_date
from clinic_desktop.domain.run_log import CONTINUOUS, Breach, LoggedRun
from clinic_desktop.gui.field_errors import ERROR_STYLE, INVALID_STYLE
from clinic_desktop.gui.text_table import TextRow, TextTableModel, text_table

FIELDS = (
    ("run_date", "&Date", "Date of the run"),
    ("distance", "Distance", "Distance"),
    ("duration", "Time", "Time in minutes, or min:s"),
    ("intervals", "Walk/run", "Walk/run minutes such as 2/3, or c for no walking breaks"),
    ("effort", "Effort", "Effort 0-10"),
    ("pain_during", "Pain during", "Pain during the run, 0-10"),
    ("pain_after", "Pain after", "Pain after the run, 0-10"),
    ("pain_next_morning", "Ne&xt morning", "Pain the next morning, 0-10"),
    ("notes", "Notes", "Notes"),
)
BREACH_TINT = "#fde7e9"
BREACH_WORDS = {
    "pain_during": "pain during",
    "pain_next_morning": "next-morning pain",
    "weekly_distance": "weekly distance",
    "intervals_before_distance": "intervals before distance",
    "pace_before_distance": "pace before distance",
}


class _RunsTable(QTableView):
    """Enter opens the selected run for a change, Delete asks to remove it."""

    open_run = Signal()
    remove_run = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_run.emit()
        elif event.key() == Qt.Key.Key_Delete:
            self.remove_run.emit()
        else:
            super().keyPressEvent(event)


class RunLogPanel(QGroupBox):
    """Typing runs in; ``save_requested`` carries the typed fields and, for a change, the
    run's id and version; ``delete_requested`` a run to remove; ``edited`` any typing."""

    save_requested = Signal(dict, object, object)
    delete_requested = Signal(int, int)
    edited = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__("Running log (what the runner reports)", parent)
        self.editing: LoggedRun | None = None
        self.runs: tuple[LoggedRun, ...] = ()
        self.inputs: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        for column, (name, text, tip) in enumerate(FIELDS):
            edit = QLineEdit(self)
            edit.setObjectName(f"run_{name}")
            edit.setAccessibleName(tip)
            edit.setToolTip(tip)
            edit.returnPressed.connect(self.save_typed)
            edit.textEdited.connect(self.edited)
            label = QLabel(text, self)
            label.setBuddy(edit)
            grid.addWidget(label, 0, column)
            grid.addWidget(edit, 1, column)
            self.inputs[name] = edit
            width = {"run_date": "2026-12-31", "distance": "10.25", "duration": "1:05:00"}
            if name in width:
                edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance(width[name]) + 16)
            grid.setColumnStretch(column, 4 if name == "notes" else 2 if column < 4 else 1)
        self.save_button = QPushButton("Add r&un", self)
        self.save_button.clicked.connect(self.save_typed)
        self.cancel_button = QPushButton("Cancel change", self)
        self.cancel_button.clicked.connect(self.clear_entry)
        self.cancel_button.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        grid.addLayout(buttons, 1, len(FIELDS))
        self.errors = QLabel(self)
        self.errors.setObjectName("runErrors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()
        self.model = TextTableModel(
            (
                "Date",
                "Distance",
                "Time",
                "Walk/run",
                "Effort",
                "Pain during",
                "After",
                "Next morning",
                "Check",
                "Notes",
            ),
            self,
        )
        self.table = text_table(self.model, self, "Runs", _RunsTable)
        self.table.open_run.connect(self._open_selected)
        self.table.remove_run.connect(self._remove_selected)
        self.table.doubleClicked.connect(self._open_selected)
        self.advice = QLabel(self)
        self.advice.setObjectName("runAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.errors)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.advice)

    # --- entry -----------------------------------------------------------------------

    def set_unit(self, distance_unit: str) -> None:
        self.inputs["distance"].setPlaceholderText(distance_unit)
        self.inputs["duration"].setPlaceholderText("min")

    def typed(self) -> dict[str, str]:
        return {name: edit.text() for name, edit in self.inputs.items()}

    def fill(self, typed: dict[str, str]) -> None:
        for name, edit in self.inputs.items():
            edit.setText(typed.get(name, ""))

    def save_typed(self) -> None:
        """Ask to add the typed run (or save the one being changed)."""
        editing = self.editing
        self.save_requested.emit(
            self.typed(),
            None if editing is None else editing.id,
            None if editing is None else editing.version,
        )

    def show_errors(self, errors: dict[str, str]) -> None:
        labels = {name: text.replace("&", "") for name, text, _ in FIELDS}
        for name, edit in self.inputs.items():
            edit.setStyleSheet(INVALID_STYLE if name in errors else "")
        self.errors.setText(
            " ".join(f"{labels.get(n, n)}: {m}" for n, m in errors.items() if n in labels)
            or " ".join(errors.values())
        )
        self.errors.setVisible(bool(errors))
        first = next((self.inputs[n] for n in self.inputs if n in errors), None)
        if first is not None:
            first.setFocus()

    def clear_entry(self, next_date: str = "") -> None:
        """Empty the fields (the date becomes ``next_date``) and leave change mode."""
        self.editing = None
        self.fill({"run_date": next_date})
        self.show_errors({})
        self.save_button.setText("Add r&un")
        self.cancel_button.hide()

    def _open_selected(self, *_args) -> None:
        run = self._selected()
        if run is None:
            return
        self.editing = run
        self.fill(self._typed_of(run))
        self.save_button.setText("Sa&ve run")
        self.cancel_button.show()
        self.inputs["distance"].setFocus()

    def _remove_selected(self) -> None:
        run = self._selected()
        if run is not None:
            self.delete_requested.emit(run.id, run.version)

    def _selected(self) -> LoggedRun | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        run_id = self.model.rows[rows[0].row()].key
        return next((r for r in self.runs if r.id == run_id), None)

    # --- showing ---------------------------------------------------------------------

    def show_log(self, runs, breaches: tuple[Breach, ...], unit: str, fmt: str) -> None:
        self.runs, self.unit, self.fmt = tuple(runs), unit, fmt
        by_run: dict[int, list[Breach]] = {}
        for breach in breaches:
            by_run.setdefault(breach.run_id, []).append(breach)
        rows = []
        for run in self.runs:
            found = by_run.get(run.id, [])
            check = "; ".join(BREACH_WORDS.get(b.code, b.code) for b in found)
            rows.append(
                TextRow(
                    (
                        format_date(run.run_date, fmt),
                        self._distance(run),
                        _minutes(run.duration_min),
                        _intervals(run.intervals),
                        _score(run.effort),
                        _score(run.pain_during),
                        _score(run.pain_after),
                        _score(run.pain_next_morning),
                        "\u26a0 " + check if check else "\u2713",
                        run.notes,
                    ),
                    tint=BREACH_TINT if found else None,
                    tooltip=" ".join(b.finding for b in found),
                    key=run.id,
                    colours=((8, "#b00020" if found else "#1b5e20"),),
                )
            )
        self.model.set_rows(rows)
        if not breaches:
            self.advice.setText("No breaches of the plan's rules in the log." if runs else "")
            return
        lines = "".join(
            f"<li><b>{escape(format_date(b.day, fmt))}</b>: {escape(b.finding)}<br/>"
            f"<i>Advice:</i> {escape(b.advice)}</li>"
            for b in breaches
        )
        self.advice.setText(f"<b>What to tell the runner</b><ul>{lines}</ul>")

    def _distance(self, run: LoggedRun) -> str:
        return (
            ""
            if run.distance_km is None
            else units.format_distance(run.distance_km, "km", self.unit)
        )

    def _typed_of(self, run: LoggedRun) -> dict[str, str]:
        distance = (
            ""
            if run.distance_km is None
            else units.format_number(units.convert_distance(run.distance_km, "km", self.unit), 2)
        )
        return {
            "run_date": format_date(run.run_date, self.fmt),
            "distance": distance,
            "duration": _minutes(run.duration_min),
            "intervals": run.intervals,
            "effort": _score(run.effort),
            "pain_during": _score(run.pain_during),
            "pain_after": _score(run.pain_after),
            "pain_next_morning": _score(run.pain_next_morning),
            "notes": run.notes,
        }


def _score(value: int | None) -> str:
    return "" if value is None else str(value)


def _minutes(value: float | None) -> str:
    if value is None:
        return ""
    seconds = round(value * 60)
    return f"{seconds // 60}:{seconds % 60:02d}" if seconds % 60 else str(seconds // 60)


def _intervals(text: str) -> str:
    return "continuous" if text == CONTINUOUS else text
