"""What a visit holds, which rows it shows, and how its values are typed and shown.

A value is stored in one unit per test (forces in newtons, manual muscle grades as their
Kendall 0-10 equivalent, angles in degrees) and typed and shown in the clinic's units.
Rows are keyed by test and mode. A range-of-motion test is recorded actively by default
(its first mode); a passive row appears when the therapist adds one or a passive value
exists. ``visit.planned_tests`` stores the rows as entries: the bare code for the default
mode, ``"code:passive"`` for another mode.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from clinic_desktop.domain import measures, units
from clinic_desktop.domain.battery import Battery, TestDefinition
from clinic_desktop.domain.errors import ClinicError, ValidationError

VISIT_KINDS = ("initial", "follow_up", "re_evaluation", "discharge")
BILATERAL_SIDES = ("left", "right")
SIDE_WORDS = {"left": "Left", "right": "Right", "none": ""}
MODE_SHORT = {"active": "AROM", "passive": "PROM", "none": ""}
# The grid's test column is narrow; clinicians read these abbreviations at a glance.
_GRID_ABBREVIATIONS = {" (manual test)": " · MMT", " (dynamometer)": " · HHD"}


class VisitLocked(ClinicError):
    """A signed visit is locked: its values change only by an amendment with a reason."""


@dataclass(frozen=True)
class CellKey:
    """One value's place in a visit: test, side (left/right/none), mode (active/passive/none)."""

    test_code: str
    side: str
    mode: str

    @property
    def field(self) -> str:
        """The name a :class:`ValidationError` for this cell carries, e.g. ``hip_flexion.left``."""
        return f"{self.test_code}.{self.side}.{self.mode}"


@dataclass(frozen=True)
class Measurement:
    """One stored value, in the test's stored unit (newtons, Kendall 0-10, degrees...)."""

    id: int
    visit_id: int
    test_code: str
    side: str
    mode: str
    value: float
    unit: str
    painful: bool = False
    compensations: tuple[str, ...] = ()
    version: int = 1

    @property
    def key(self) -> CellKey:
        return CellKey(self.test_code, self.side, self.mode)


@dataclass(frozen=True)
class Amendment:
    """A change made to a signed value: both values, the reason, who and when."""

    measurement_id: int
    key: CellKey
    old_value: float
    new_value: float
    reason: str
    amended_at: dt.datetime
    amended_by: str = ""


@dataclass(frozen=True)
class Visit:
    """A visit as the assessment screen lists it; ``planned_tests`` are row entries."""

    id: int
    episode_id: int
    visit_date: dt.date
    kind: str
    attendance: str
    status: str
    therapist_id: int | None
    therapist: str
    signed_at: dt.datetime | None
    signed_by: str
    planned_tests: tuple[str, ...]
    version: int

    @property
    def signed(self) -> bool:
        return self.status == "signed"


@dataclass(frozen=True)
class EarlierValue:
    """The latest value of the same cell at an earlier visit of the episode.

    ``same_tester`` is ``None`` when either visit has no therapist recorded.
    """

    value: float
    visit_id: int
    visit_date: dt.date
    same_tester: bool | None


@dataclass(frozen=True)
class VisitRecord:
    """Everything the grid needs for one visit.

    ``involved_side`` is the episode's side (left, right, both, none); ``age_years`` is the
    age on the visit date; ``earlier`` maps each cell to its latest earlier value.
    """

    visit: Visit
    involved_side: str
    sex: str
    age_years: int | None
    weight_kg: float | None
    measurements: tuple[Measurement, ...] = ()
    earlier: Mapping[CellKey, EarlierValue] = field(default_factory=dict)
    amendments: tuple[Amendment, ...] = ()

    def measurement(self, key: CellKey) -> Measurement | None:
        return next((m for m in self.measurements if m.key == key), None)

    def amendments_of(self, key: CellKey) -> tuple[Amendment, ...]:
        return tuple(a for a in self.amendments if a.key == key)


# --- rows of a visit --------------------------------------------------------------------


def default_mode(test: TestDefinition) -> str:
    """The mode a test is recorded in unless another is chosen: active for range of motion."""
    return test.modes[0] if test.modes else "none"


def sides_of(test: TestDefinition) -> tuple[str, ...]:
    """The sides a test is recorded on: left and right, or "none" for a single value."""
    return BILATERAL_SIDES if test.bilateral else ("none",)


def planned_entry(test: TestDefinition, mode: str) -> str:
    """The ``planned_tests`` entry for a row: the code, with ``:mode`` if not the default."""
    return test.code if mode == default_mode(test) else f"{test.code}:{mode}"


def parse_planned_entry(entry: str, battery: Battery) -> tuple[TestDefinition, str] | None:
    """Return the test and mode of a ``planned_tests`` entry, or ``None`` if the clinic's
    battery no longer has the test or the mode (entries outlive battery changes)."""
    code, _, mode = entry.partition(":")
    if code not in battery:
        return None
    test = battery.test(code)
    mode = mode or default_mode(test)
    if mode != default_mode(test) and mode not in test.modes:
        return None
    return test, mode


def initial_plan(battery: Battery) -> tuple[str, ...]:
    """The rows of a new evaluation: every test the clinic uses, in its default mode."""
    return tuple(test.code for test in battery.enabled_tests())


def visit_rows(battery: Battery, record: VisitRecord) -> tuple[tuple[TestDefinition, str], ...]:
    """Return the (test, mode) rows of a visit in battery order.

    Rows are the planned entries (switched-off tests only if they hold a value) and every
    row that holds a value; a row is never hidden while it holds a value the battery knows.
    """
    measured = {(m.test_code, m.mode) for m in record.measurements}
    rows: set[tuple[str, str]] = set()
    for entry in record.visit.planned_tests:
        parsed = parse_planned_entry(entry, battery)
        if parsed is not None and (parsed[0].enabled or (parsed[0].code, parsed[1]) in measured):
            rows.add((parsed[0].code, parsed[1]))
    rows |= {row for row in measured if row[0] in battery}
    order = {test.code: index for index, test in enumerate(battery.tests)}
    mode_order = {"active": 0, "passive": 1, "none": 2}
    return tuple(
        (battery.test(code), mode)
        for code, mode in sorted(rows, key=lambda r: (order[r[0]], mode_order.get(r[1], 3)))
    )


# --- typing and showing values ------------------------------------------------------------


def read_entry(test: TestDefinition, text: str, force_unit: str = "N", field: str = "") -> float:
    """Return the value to store for what was typed into a cell of ``test``.

    Forces are typed in the clinic's unit (N, kgf, lbf) and stored in newtons; grades are
    typed as Kendall grades ("4+") and stored as their 0-10 equivalent. Every check is the
    battery's (:meth:`TestDefinition.validate`); for a force typed in kgf or lbf the range
    sentence is restated in that unit. Raises :class:`ValidationError` on ``field``.
    """
    field = field or test.code
    if test.unit != "N" or force_unit == "N":
        return test.validate(text, field)
    number = units.read_number(text)
    example = units.convert_force(test.example_value, "N", force_unit)
    if number is None:
        raise ValidationError(
            field,
            f"{test.label} needs a number in {force_unit}, such as "
            f"{units.format_number(example, 1)}.",
        )
    newtons = units.convert_force(number, force_unit, "N")
    # A limit shown rounded to a hundredth of the clinic's unit must read back as the limit.
    slack = units.convert_force(0.005, force_unit, "N")
    for limit in (test.valid_min, test.valid_max):
        if abs(newtons - limit) <= slack:
            newtons = limit
    try:
        return test.validate(newtons, field)
    except ValidationError:
        low, high = (
            units.format_number(units.convert_force(limit, "N", force_unit), 1)
            for limit in (test.valid_min, test.valid_max)
        )
        raise ValidationError(
            field, f"{test.label} must be between {low} and {high} {force_unit}."
        ) from None


def entry_text(test: TestDefinition, value: float, force_unit: str = "N") -> str:
    """Return a stored value as it would be typed: "4+", "pass", "25.5" (kgf), "-5"."""
    if test.unit == "grade":
        return units.format_kendall_grade(value)
    if test.unit == "pass_fail":
        return "pass" if value == 1 else "fail"
    if test.unit == "N":
        value = units.convert_force(value, "N", force_unit)
    return units.format_number(value, 2)


def value_text(
    test: TestDefinition, value: float, force_unit: str = "N", weight_kg: float | None = None
) -> str:
    """Return a stored value as the clinic reads it: "120°", "25.5 kgf · 3.92 N/kg", "4+"."""
    text = units.format_measurement(value, test.unit, force_unit=force_unit)
    per_kg = measures.normalised_force_n_per_kg(value, weight_kg) if test.unit == "N" else None
    if per_kg is not None:
        text += " · " + units.format_force_per_kg(per_kg)
    return text


def percent_text(value: float, threshold: float | None = None) -> str:
    """A percentage for the grid: "84%". A value just below ``threshold`` that would round
    up to it keeps one decimal, floored ("89.9%", never "90%" for a miss)."""
    text = units.format_number(value, 0)
    if threshold is not None and value < threshold - 1e-9 and float(text) >= threshold:
        text = units.format_number(math.floor(value * 10) / 10, 1)
    return f"{text}%"


def difference_text(test: TestDefinition, difference: float, force_unit: str = "N") -> str:
    """Return a signed difference in the test's unit, e.g. "-12°", "+3.5 cm", "-4.1 kgf"."""
    if test.unit == "N":
        shown = units.format_force(abs(difference), force_unit)
    elif test.unit == "deg":
        shown = f"{units.format_number(abs(difference), 1)}°"
    elif test.unit in ("grade", "pass_fail"):
        shown = units.format_number(abs(difference), 0)
    else:
        shown = units.format_measurement(abs(difference), test.unit)
    if shown.startswith("0") and not any(c in "123456789" for c in shown):
        return shown
    return ("+" if difference > 0 else "\u2212") + shown


def row_label(test: TestDefinition, mode: str) -> str:
    """A row's name in the narrow grid: "Hip flexion · AROM", "Quadriceps force · HHD"."""
    label = test.label
    for long, short_form in _GRID_ABBREVIATIONS.items():
        if label.endswith(long):
            label = label[: -len(long)] + short_form
    short = MODE_SHORT.get(mode, "") if test.modes else ""
    return f"{label} · {short}" if short else label


def cell_name(test: TestDefinition, key: CellKey) -> str:
    """A cell in a sentence: "left hip flexion (AROM)", "lumbar flexion"."""
    side = SIDE_WORDS.get(key.side, "").lower()
    short = MODE_SHORT.get(key.mode, "") if test.modes and len(test.modes) > 1 else ""
    name = f"{side} {test.label[0].lower()}{test.label[1:]}".strip()
    return f"{name} ({short})" if short else name


def plan_with(
    plan: Sequence[str], battery: Battery, test: TestDefinition, mode: str
) -> tuple[str, ...]:
    """Return ``plan`` with the row (test, mode) added, unless it is there already."""
    entry = planned_entry(test, mode)
    existing = {
        (parsed[0].code, parsed[1])
        for parsed in (parse_planned_entry(e, battery) for e in plan)
        if parsed is not None
    }
    return tuple(plan) if (test.code, mode) in existing else (*plan, entry)
