"""The one place that converts and displays units.

Values are stored in one unit each (force in newtons, lengths in centimetres, running
distances in kilometres, manual muscle test grades as their Kendall 0-10 equivalent) and
converted only for display or for reading what the clinic typed in its own unit.

Conversion factors (NIST SP 811): 1 kgf = 9.80665 N exactly; 1 lbf = 4.448222 N;
1 in = 2.54 cm exactly; 1 mi = 1.609344 km exactly.
"""

from __future__ import annotations

import math
import re

from clinic_desktop.domain.errors import ValidationError

NEWTONS_PER_KGF = 9.80665
NEWTONS_PER_LBF = 4.448222
CM_PER_INCH = 2.54
KM_PER_MILE = 1.609344

FORCE_UNITS = ("N", "kgf", "lbf")
DISTANCE_UNITS = ("km", "mi")
LENGTH_UNITS = ("cm", "in")

_NEWTONS_PER_FORCE_UNIT = {"N": 1.0, "kgf": NEWTONS_PER_KGF, "lbf": NEWTONS_PER_LBF}
_METRES_PER_DISTANCE_UNIT = {
    "cm": 0.01,
    "in": CM_PER_INCH / 100,
    "m": 1.0,
    "km": 1000.0,
    "mi": KM_PER_MILE * 1000,
}
# Decimals shown on screen and in reports: enough for the precision of the instrument.
_FORCE_DECIMALS = {"N": 0, "kgf": 1, "lbf": 1}
_DISTANCE_DECIMALS = {"cm": 1, "in": 1, "m": 2, "km": 1, "mi": 1}

# Words used in sentences shown to the clinic, per battery unit.
_UNIT_WORDS = {
    "deg": "degrees",
    "cm": "cm",
    "N": "N",
    "grade": "grade points",
    "reps": "repetitions",
    "s": "seconds",
    "pass_fail": "",
}

# Kendall 2005: manual muscle test grades and their 0-10 equivalents.
# "T" (trace) and "2-" share the equivalent 1.
KENDALL_GRADES: tuple[tuple[str, int], ...] = (
    ("0", 0),
    ("T", 1),
    ("2-", 1),
    ("2", 2),
    ("2+", 3),
    ("3-", 4),
    ("3", 5),
    ("3+", 6),
    ("4-", 7),
    ("4", 8),
    ("4+", 9),
    ("5", 10),
)
# MRC grade 1 (a flicker) is the same finding as Kendall's trace, so "1" is read as "T".
_GRADE_VALUES = {text: value for text, value in KENDALL_GRADES} | {"1": 1}
# Equivalent 1 is shown as "T", the more cautious of its two grades: a report never
# suggests more movement than the therapist may have seen.
_GRADE_TEXTS = {value: text for text, value in reversed(KENDALL_GRADES)}
GRADE_HINT = "Use a grade such as 4+ (" + ", ".join(text for text, _ in KENDALL_GRADES) + ")."
# Dashes that keyboards and word processors put where a minus sign was meant.
TYPOGRAPHIC_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2010": "-", "\u2011": "-"})
_PLAIN_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def convert_force(value: float, from_unit: str, to_unit: str) -> float:
    """Return a force given in ``from_unit`` expressed in ``to_unit``.

    Units are ``"N"``, ``"kgf"`` and ``"lbf"``. Raises ``ValueError`` for any other unit.
    """
    return (
        value
        * _factor(_NEWTONS_PER_FORCE_UNIT, from_unit)
        / _factor(_NEWTONS_PER_FORCE_UNIT, to_unit)
    )


def convert_distance(value: float, from_unit: str, to_unit: str) -> float:
    """Return a distance or length given in ``from_unit`` expressed in ``to_unit``.

    Units are ``"cm"``, ``"in"``, ``"m"``, ``"km"`` and ``"mi"``, so the same call serves a
    hop distance (cm <-> in) and a weekly running distance (km <-> mi). Raises ``ValueError``
    for any other unit.
    """
    return (
        value
        * _factor(_METRES_PER_DISTANCE_UNIT, from_unit)
        / _factor(_METRES_PER_DISTANCE_UNIT, to_unit)
    )


def _factor(table: dict[str, float], unit: str) -> float:
    try:
        return table[unit]
    except KeyError:
        raise ValueError(f"Unknown unit {unit!r}; expected one of {sorted(table)}.") from None


def read_number(raw: object) -> float | None:
    """Return the number in what the clinic typed, or ``None`` if it is not one.

    Accepts an int or float, or text holding a plain decimal ("135", " -5", "+5", "12.5",
    ".5"); a typographic minus (U+2212) or dash reads as "-". Refuses booleans, decimal
    commas, exponents, "nan", "inf" and anything else, so a slip never becomes a value.
    """
    value = math.nan
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        value = float(raw)
    elif isinstance(raw, str):
        text = raw.strip().translate(TYPOGRAPHIC_MINUS)
        if _PLAIN_DECIMAL.fullmatch(text):
            value = float(text)
    return value if math.isfinite(value) else None


def format_number(value: float, max_decimals: int = 1) -> str:
    """Return ``value`` rounded to at most ``max_decimals`` decimals, without trailing zeros.

    ``135.0`` gives ``"135"``, ``12.25`` with one decimal gives ``"12.2"`` (round half to
    even on the stored binary value), and a value that rounds to zero never shows as ``"-0"``.
    """
    text = f"{value:.{max_decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def unit_words(unit: str) -> str:
    """Return how a battery unit reads in a sentence: ``"deg"`` gives ``"degrees"``.

    Raises ``ValueError`` for a unit the battery does not know.
    """
    try:
        return _UNIT_WORDS[unit]
    except KeyError:
        raise ValueError(f"Unknown battery unit {unit!r}.") from None


def format_force(force_n: float, unit: str = "N") -> str:
    """Return a force stored in newtons as text in the clinic's unit, e.g. ``"25.5 kgf"``."""
    value = convert_force(force_n, "N", unit)
    return f"{format_number(value, _FORCE_DECIMALS[unit])} {unit}"


def format_force_per_kg(force_n_per_kg: float) -> str:
    """Return a force normalised to body mass as text, e.g. ``"3.25 N/kg"``."""
    return f"{format_number(force_n_per_kg, 2)} N/kg"


def format_distance(value: float, stored_unit: str, display_unit: str) -> str:
    """Return a distance stored in ``stored_unit`` as text in ``display_unit``.

    ``format_distance(10, "km", "mi")`` gives ``"6.2 mi"``; ``format_distance(150, "cm",
    "in")`` gives ``"59.1 in"``. Raises ``ValueError`` for an unknown unit.
    """
    shown = convert_distance(value, stored_unit, display_unit)
    return f"{format_number(shown, _DISTANCE_DECIMALS[display_unit])} {display_unit}"


def parse_kendall_grade(text: str, field: str = "grade") -> int:
    """Return the Kendall 0-10 equivalent of a manual muscle test grade typed as text.

    Accepts the Kendall grades 0, T, 2-, 2, 2+, 3-, 3, 3+, 4-, 4, 4+, 5 (case, spaces and
    typographic minus signs do not matter) and "1", the MRC flicker, read as T. Both "T" and
    "2-" give 1 (Kendall 2005). Raises :class:`ValidationError` on ``field`` for anything
    else, e.g. "6", "5+" or "4++".
    """
    key = "".join(str(text).split()).translate(TYPOGRAPHIC_MINUS).upper()
    try:
        return _GRADE_VALUES[key]
    except KeyError:
        raise ValidationError(field, GRADE_HINT) from None


def format_kendall_grade(value: float) -> str:
    """Return the Kendall grade text for a stored 0-10 equivalent: 9 gives ``"4+"``.

    The equivalent 1 is shown as ``"T"``: it may have been recorded as T or as 2-, and T is
    the more cautious reading. Raises ``ValueError`` if ``value`` is not a whole number
    from 0 to 10.
    """
    if isinstance(value, bool) or not float(value).is_integer() or int(value) not in _GRADE_TEXTS:
        raise ValueError(f"{value!r} is not a Kendall 0-10 grade equivalent.")
    return _GRADE_TEXTS[int(value)]


def format_measurement(
    value: float, unit: str, *, force_unit: str = "N", length_unit: str = "cm"
) -> str:
    """Return a stored measurement as the clinic reads it, in the clinic's units.

    ``unit`` is the battery unit the value is stored in (``"deg"``, ``"cm"``, ``"N"``,
    ``"grade"``, ``"reps"``, ``"s"``, ``"pass_fail"``); ``force_unit`` (N, kgf, lbf) and
    ``length_unit`` (cm, in) are the clinic's display choices. Examples: ``"135°"``,
    ``"59.1 in"``, ``"25.5 kgf"``, ``"4+"``, ``"25 reps"``, ``"2.35 s"``, ``"Pass"``.
    Raises ``ValueError`` for an unknown unit or a value that has no display (a grade
    that is not a whole 0-10 equivalent, a pass/fail that is neither 1 nor 0).
    """
    if not math.isfinite(value):
        raise ValueError(f"{value!r} cannot be shown as a measurement.")
    if unit == "deg":
        return f"{format_number(value, 1)}°"
    if unit == "cm":
        return format_distance(value, "cm", length_unit)
    if unit == "N":
        return format_force(value, force_unit)
    if unit == "grade":
        return format_kendall_grade(value)
    if unit == "reps":
        return f"{format_number(value, 0)} reps"
    if unit == "s":
        # A stopwatch reads hundredths: 2.10 s beside 2.13 s, but a hold of 63 s stays 63 s.
        whole = abs(value - round(value)) < 0.005
        return f"{format_number(value, 0)} s" if whole else f"{value:.2f} s"
    if unit == "pass_fail":
        if value in (0, 1):
            return "Pass" if value == 1 else "Fail"
        raise ValueError(f"{value!r} is neither pass (1) nor fail (0).")
    raise ValueError(f"Unknown battery unit {unit!r}.")
