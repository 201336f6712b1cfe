"""How much of an exercise a patient does at home, and how the handout says it.

A dosage is sets x repetitions (or holds of so many seconds), how often a day, how many
days a week, which side, and for band exercises the band's colour. ``validate_dosage`` is
the one check every form and every data file goes through; ``describe_dosage`` is the one
sentence a handout prints.

Conventions the shipped library follows (see CLINICAL_REFERENCE.md, "Self-management
dosage conventions"): static stretch 30 s x 2-4, daily (ACSM); strength 2-3 sets of 8-12,
2-3 days a week (ACSM); single-leg balance 30-45 s; side plank 3 x 20-30 s.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from clinic_desktop.domain.errors import ValidationError, ValidationErrors

SIDES = ("each side", "both", "left", "right")

# (field, label in sentences, lowest, highest)
_LIMITS = (
    ("sets", "Sets", 1, 10),
    ("reps", "Repetitions", 1, 100),
    ("hold_s", "Hold time", 0, 300),
    ("times_per_day", "Times per day", 1, 6),
    ("days_per_week", "Days per week", 1, 7),
)
_UNITS = {"hold_s": " seconds"}
MAX_NOTE_CHARS = 200
MAX_BAND_CHARS = 30


@dataclass(frozen=True)
class Dosage:
    """One exercise's prescription.

    ``reps`` counts repetitions, or holds when ``hold_s`` is above zero (a stretch held
    30 s three times is ``sets=1, reps=3, hold_s=30``). ``side`` is one of ``SIDES``:
    "each side" (both sides in turn), "both" (both legs together, or no side), "left" or
    "right". ``band_level`` is the band's colour as written on it, or ``None``. ``tempo``
    and ``note`` are short plain sentences for the handout ("3 s up, 2 s hold, 3 s down").
    """

    sets: int
    reps: int
    hold_s: int = 0
    times_per_day: int = 1
    days_per_week: int = 7
    side: str = "both"
    band_level: str | None = None
    tempo: str = ""
    note: str = ""


def _whole_number(value: Any, field: str, label: str, low: int, high: int) -> int:
    sentence = f"{label} must be between {low} and {high}{_UNITS.get(field, '')}."
    if isinstance(value, bool):
        raise ValidationError(field, sentence)
    if isinstance(value, str):
        value = value.strip()
        if not value.isdigit():
            raise ValidationError(field, sentence)
        value = int(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or not low <= value <= high:
        raise ValidationError(field, sentence)
    return value


def validate_dosage(
    *,
    sets: Any,
    reps: Any,
    hold_s: Any = 0,
    times_per_day: Any = 1,
    days_per_week: Any = 7,
    side: Any = "both",
    band_level: Any = None,
    tempo: Any = "",
    note: Any = "",
) -> Dosage:
    """Return a ``Dosage`` if every value is within the clinic's limits.

    Numbers may be ints or digit strings as typed in a form. Limits: sets 1-10,
    repetitions 1-100, hold 0-300 seconds, times per day 1-6, days per week 1-7. Raises
    ``ValidationErrors`` holding one ``ValidationError(field, sentence)`` per bad field,
    e.g. ``("sets", "Sets must be between 1 and 10.")``.
    """
    raw = {
        "sets": sets,
        "reps": reps,
        "hold_s": hold_s,
        "times_per_day": times_per_day,
        "days_per_week": days_per_week,
    }
    numbers: dict[str, int] = {}
    errors: list[ValidationError] = []
    for field, label, low, high in _LIMITS:
        try:
            numbers[field] = _whole_number(raw[field], field, label, low, high)
        except ValidationError as error:
            errors.append(error)

    side_text = side.strip().lower() if isinstance(side, str) else ""
    if side_text not in SIDES:
        errors.append(ValidationError("side", "Side must be each side, both, left or right."))

    band: str | None = None
    if band_level is not None:
        band = band_level.strip().lower() if isinstance(band_level, str) else ""
        if not band or len(band) > MAX_BAND_CHARS:
            errors.append(
                ValidationError(
                    "band_level",
                    f"Band level must be the band's colour in up to {MAX_BAND_CHARS} letters, "
                    "or left empty.",
                )
            )

    texts: dict[str, str] = {}
    for field, label, value in (("tempo", "Tempo", tempo), ("note", "The note", note)):
        text = value.strip() if isinstance(value, str) else None
        if text is None or len(text) > MAX_NOTE_CHARS:
            errors.append(
                ValidationError(field, f"{label} must be text of at most {MAX_NOTE_CHARS} letters.")
            )
        else:
            texts[field] = text

    if errors:
        raise ValidationErrors(errors)
    return Dosage(side=side_text, band_level=band, **numbers, **texts)


def dosage_from_mapping(raw: Mapping[str, Any]) -> Dosage:
    """Validate a dosage read from a data file (keys as ``Dosage`` fields).

    ``sets`` and ``reps`` are required; the other fields take ``Dosage``'s defaults.
    Unknown keys are refused so a misspelt field is not silently ignored. Raises
    ``ValidationErrors``.
    """
    known = {"sets", "reps", "hold_s", "times_per_day", "days_per_week", "side"}
    known |= {"band_level", "tempo", "note"}
    unknown = sorted(set(raw) - known)
    missing = [key for key in ("sets", "reps") if key not in raw]
    errors = [ValidationError(key, f"The dosage has an unknown field '{key}'.") for key in unknown]
    errors += [ValidationError(key, f"The dosage needs '{key}'.") for key in missing]
    if errors:
        raise ValidationErrors(errors)
    return validate_dosage(**raw)


def _count(number: int) -> str:
    return {1: "once", 2: "twice"}.get(number, f"{number} times")


def describe_dosage(dosage: Dosage) -> str:
    """Return the dosage as one plain line for a patient's handout.

    Examples: ``"3 sets of 12, each side, 3 days a week"``,
    ``"Hold 30 s, 3 times, daily"``, ``"3 sets of 15, each side, twice a day, every day"``.
    A band colour, tempo and note follow as further short sentences.
    """
    parts: list[str] = []
    if dosage.hold_s and dosage.sets == 1:
        parts.append(f"Hold {dosage.hold_s} s, {_count(dosage.reps)}")
    elif dosage.hold_s:
        parts.append(f"{dosage.sets} sets of {dosage.reps}, hold {dosage.hold_s} s each time")
    elif dosage.sets == 1:
        parts.append(f"{dosage.reps} times" if dosage.reps != 1 else "Once")
    else:
        parts.append(f"{dosage.sets} sets of {dosage.reps}")

    if dosage.side == "each side":
        parts.append("each side")
    elif dosage.side in ("left", "right"):
        parts.append(f"{dosage.side} side only")

    if dosage.times_per_day > 1:
        parts.append(f"{_count(dosage.times_per_day)} a day")
    if dosage.days_per_week == 7:
        parts.append("every day" if dosage.times_per_day > 1 else "daily")
    elif dosage.days_per_week == 1:
        parts.append("once a week")
    else:
        parts.append(f"{dosage.days_per_week} days a week")

    sentences = [", ".join(parts)]
    if dosage.band_level:
        sentences.append(f"Use the {dosage.band_level} band")
    sentences += [text.rstrip(".") for text in (dosage.tempo, dosage.note) if text]
    return ". ".join(sentences)
