"""The key deficits of a visit, as sentences a therapist reads at a glance.

A deficit is one of: a value short of its norm by more than the minimal detectable change;
a limb symmetry index below the clinic's threshold (by more than measurement error); a
side-to-side difference beyond the battery's flag (knee-to-wall 2 cm, Y-balance anterior
4 cm); a Y-balance composite below the risk threshold; a single-leg squat failed, with its
compensations; and values recorded as painful. Everything is read from :class:`GridRow`,
so the summary can never disagree with the grid.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clinic_desktop.domain import measures, units
from clinic_desktop.domain.assessment import GridRow
from clinic_desktop.domain.assessment_values import (
    SIDE_WORDS,
    difference_text,
    percent_text,
    value_text,
)
from clinic_desktop.domain.battery import Battery

Y_BALANCE_REACHES = (
    "y_balance_anterior_cm",
    "y_balance_posteromedial_cm",
    "y_balance_posterolateral_cm",
)
Y_BALANCE_LIMB_LENGTH = "limb_length_cm"
SQUAT = "single_leg_squat"
DEFICIT_KINDS = (
    "below_norm",
    "asymmetry",
    "side_difference",
    "y_balance_composite",
    "movement_control",
    "painful",
)


@dataclass(frozen=True)
class Deficit:
    """One line of the summary: a ``kind`` of :data:`DEFICIT_KINDS` for one test.

    ``sides`` are the sides concerned ("left", "right", or "none" for a single value; empty
    for a finding about both sides together, such as symmetry).
    """

    kind: str
    test_code: str
    sides: tuple[str, ...]
    text: str


def deficit_summary(
    battery: Battery, rows: Sequence[GridRow], force_unit: str = "N"
) -> tuple[Deficit, ...]:
    """Return the visit's deficits, one line per test and kind, grouped by kind in
    :data:`DEFICIT_KINDS` order and in battery order within a kind. Forces are shown in
    ``force_unit``; sides as L and R ("Hip extension (AROM): L 17° (57%), R 14°; norm 30°")."""
    found: list[Deficit] = []
    for row in rows:
        found.extend(_row_deficits(row, force_unit))
    found.extend(_y_balance(battery, rows))
    rank = {kind: index for index, kind in enumerate(DEFICIT_KINDS)}
    return tuple(sorted(found, key=lambda d: rank[d.kind]))  # sorted() keeps battery order


def _row_deficits(row: GridRow, force_unit: str) -> list[Deficit]:
    test = row.test
    name = _row_name(row)
    measured = [f for f in row.sides if f.measurement is not None]
    found = []
    short = [f for f in measured if f.below_norm]
    if short and row.norm is not None:
        values = ", ".join(
            _side_value(row, f.side, value_text(test, f.value, force_unit))
            + (f" ({units.format_number(f.percent_of_norm, 0)}%)" if f.percent_of_norm else "")
            for f in short
        )
        norm = units.format_measurement(row.norm, test.unit, force_unit=force_unit)
        basis = f" ({row.norm_basis})" if row.norm_basis else ""
        found.append(
            Deficit(
                "below_norm", test.code, _sides(short), f"{name}: {values}; norm {norm}{basis}."
            )
        )
    if row.symmetry_deficit and row.lsi is not None:
        lsi = percent_text(row.lsi, row.symmetry_threshold_pct)
        threshold = units.format_number(row.symmetry_threshold_pct or 0, 0)
        if row.lsi_basis == "involved":
            text = f"{name}: LSI {lsi}, below {threshold}%."
        else:
            text = f"{name}: weaker side {lsi} of the stronger, below {threshold}%."
        found.append(Deficit("asymmetry", test.code, (), text))
    if row.side_difference_flagged and row.difference is not None:
        limit = units.format_measurement(test.side_difference_flag, test.unit)
        gap = difference_text(test, abs(row.difference), force_unit).lstrip("+")
        found.append(
            Deficit(
                "side_difference",
                test.code,
                (),
                f"{name}: sides differ by {gap} (flagged above {limit}).",
            )
        )
    if test.code == SQUAT:
        for figures in measured:
            if figures.value == 0:
                found.append(_squat(row, figures.side, figures.measurement.compensations))
    painful = [f for f in measured if f.measurement.painful]
    if painful:
        where = ", ".join(_side_word(f.side) for f in painful if f.side != "none")
        text = f"{name}: {where}." if where else f"{name}."
        found.append(Deficit("painful", test.code, _sides(painful), text))
    return found


def _squat(row: GridRow, side: str, compensations: Sequence[str]) -> Deficit:
    labels = {item.code: item.label for item in row.test.checklist}
    seen = [labels.get(code, code).lower() for code in compensations]
    detail = f" ({', '.join(seen)})" if seen else ""
    text = f"{_row_name(row)}, {_side_word(side)}: failed{detail}."
    return Deficit("movement_control", row.test.code, (side,), text)


def _side_value(row: GridRow, side: str, shown: str) -> str:
    return shown if side == "none" else f"{SIDE_WORDS[side][0]} {shown}"


def _side_word(side: str) -> str:
    return SIDE_WORDS.get(side, "").lower()


def _sides(figures) -> tuple[str, ...]:
    return tuple(f.side for f in figures)


def _y_balance(battery: Battery, rows: Sequence[GridRow]) -> list[Deficit]:
    threshold = battery.threshold("y_balance_composite_risk_pct")
    found = []
    for side, composite in y_balance_composites(rows).items():
        if measures.y_balance_composite_at_risk(composite, threshold):
            found.append(
                Deficit(
                    "y_balance_composite",
                    "y_balance",
                    (side,),
                    f"{SIDE_WORDS[side]} Y-balance composite: "
                    f"{units.format_number(composite, 0)}% of limb length "
                    f"(below {units.format_number(threshold, 0)}%).",
                )
            )
    return found


def y_balance_composites(rows: Sequence[GridRow]) -> dict[str, float | None]:
    """Return each side's Y-balance composite (% of limb length) from the visit's rows."""
    by_code = {row.test.code: row for row in rows if row.mode == "none"}
    result: dict[str, float | None] = {}
    for side in ("left", "right"):
        values = []
        for code in (*Y_BALANCE_REACHES, Y_BALANCE_LIMB_LENGTH):
            figures = by_code[code].figures(side) if code in by_code else None
            values.append(figures.value if figures else None)
        result[side] = measures.y_balance_composite(*values)
    return result


def _row_name(row: GridRow) -> str:
    # Active range is the default and goes unsaid; a passive row says so.
    return f"{row.test.label} (PROM)" if row.mode == "passive" else row.test.label
