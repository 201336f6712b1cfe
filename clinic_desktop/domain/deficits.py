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
    CellKey,
    cell_name,
    difference_text,
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
    """One finding of the summary; ``kind`` is one of :data:`DEFICIT_KINDS`."""

    kind: str
    test_code: str
    side: str
    text: str


def deficit_summary(
    battery: Battery, rows: Sequence[GridRow], force_unit: str = "N"
) -> tuple[Deficit, ...]:
    """Return the visit's deficits, grouped by kind in :data:`DEFICIT_KINDS` order and in
    battery order within a kind. Sentences show forces in ``force_unit``."""
    found: list[Deficit] = []
    for row in rows:
        found.extend(_row_deficits(row, force_unit))
    found.extend(_y_balance(battery, rows))
    rank = {kind: index for index, kind in enumerate(DEFICIT_KINDS)}
    return tuple(sorted(found, key=lambda d: rank[d.kind]))  # sorted() keeps battery order


def _row_deficits(row: GridRow, force_unit: str) -> list[Deficit]:
    test = row.test
    found = []
    for figures in row.sides:
        if figures.value is None:
            continue
        name = _capitalised(cell_name(test, CellKey(test.code, figures.side, row.mode)))
        if figures.below_norm and row.norm is not None:
            shown = value_text(test, figures.value, force_unit)
            norm = units.format_measurement(row.norm, test.unit, force_unit=force_unit)
            basis = f", {row.norm_basis}" if row.norm_basis else ""
            percent = (
                f" ({units.format_number(figures.percent_of_norm, 0)}% of norm)"
                if figures.percent_of_norm is not None
                else ""
            )
            found.append(
                Deficit(
                    "below_norm",
                    test.code,
                    figures.side,
                    f"{name}: {shown}, norm {norm}{basis}{percent}.",
                )
            )
        if test.code == SQUAT and figures.value == 0:
            found.append(_squat(row, figures.side, figures.measurement.compensations, name))
        if figures.measurement.painful:
            found.append(Deficit("painful", test.code, figures.side, f"{name}: painful."))
    if row.symmetry_deficit and row.lsi is not None:
        if row.lsi_basis == "involved":
            inv = SIDE_WORDS[row.involved_side].lower()
            whose = f"{inv} side at {units.format_number(row.lsi, 0)}% of the other"
        else:
            whose = f"weaker side at {units.format_number(row.lsi, 0)}% of the stronger"
        threshold = units.format_number(row.symmetry_threshold_pct or 0, 0)
        found.append(
            Deficit(
                "asymmetry",
                test.code,
                row.involved_side or "",
                f"{_row_name(row)}: {whose} (below {threshold}%).",
            )
        )
    if row.side_difference_flagged and row.difference is not None:
        limit = units.format_measurement(test.side_difference_flag, test.unit)
        found.append(
            Deficit(
                "side_difference",
                test.code,
                "",
                f"{_row_name(row)}: sides differ by "
                f"{difference_text(test, abs(row.difference), force_unit).lstrip('+')}"
                f" (flag above {limit}).",
            )
        )
    return found


def _squat(row: GridRow, side: str, compensations: Sequence[str], name: str) -> Deficit:
    labels = {item.code: item.label for item in row.test.checklist}
    seen = [labels.get(code, code).lower() for code in compensations]
    detail = f": {', '.join(seen)}" if seen else ""
    return Deficit("movement_control", row.test.code, side, f"{name} failed{detail}.")


def _y_balance(battery: Battery, rows: Sequence[GridRow]) -> list[Deficit]:
    threshold = battery.threshold("y_balance_composite_risk_pct")
    found = []
    for side, composite in y_balance_composites(rows).items():
        if measures.y_balance_composite_at_risk(composite, threshold):
            found.append(
                Deficit(
                    "y_balance_composite",
                    "y_balance",
                    side,
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
    short = {"active": "AROM", "passive": "PROM"}.get(row.mode, "")
    label = row.test.label
    return f"{label} ({short})" if short and len(row.test.modes) > 1 else label


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
