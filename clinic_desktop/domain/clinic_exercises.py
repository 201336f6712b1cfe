"""The clinic's own exercises, as typed into the "New exercise" form.

The form has the same fields as a shipped entry; lists (steps, cues, mistakes) are typed
one per line, equipment separated by commas. ``check_exercise_form`` returns the entry in
the library's JSON shape or raises ``ValidationErrors`` with a sentence per field, so the
form can show each next to its field. Photos are checked where an image library is at hand
(the programs service).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from clinic_desktop.domain.dosage import validate_dosage
from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.exercises import CATEGORIES, MAX_STEPS
from clinic_desktop.domain.patient_rules import fold_name

MAX_NAME = 120
MAX_REGION = 40
MAX_TEXT = 600
PHOTO_MAX_BYTES = 5 * 1024 * 1024
PHOTO_FORMATS = ("PNG", "JPEG")
#: The longest side of a stored photo, in pixels; larger pictures are scaled down.
PHOTO_MAX_SIDE = 1200
CODE_PREFIX = "clinic_"


@dataclass(frozen=True)
class ExerciseForm:
    """What the form holds, as typed. Dosage numbers may be digit strings."""

    name: str
    category: str
    body_region: str
    purpose: str
    starting_position: str
    steps: str
    cues: str = ""
    common_mistakes: str = ""
    equipment: str = ""
    sets: Any = 2
    reps: Any = 10
    hold_s: Any = 0
    times_per_day: Any = 1
    days_per_week: Any = 3
    side: str = "both"
    band_level: str = ""
    easier: tuple[str, ...] = ()
    harder: tuple[str, ...] = ()


def _lines(text: str) -> list[str]:
    return [line.strip(" \t-•") for line in text.splitlines() if line.strip(" \t-•")]


def exercise_code(name: str, taken: Collection[str]) -> str:
    """A stable id for a new clinic exercise: ``clinic_`` and the name in snake case."""
    slug = re.sub(r"[^a-z0-9]+", "_", fold_name(name)).strip("_")[:40] or "exercise"
    code, number = CODE_PREFIX + slug, 2
    while code in taken:
        code = f"{CODE_PREFIX}{slug}_{number}"
        number += 1
    return code


def check_exercise_form(
    form: ExerciseForm, taken_codes: Collection[str], known_names: Collection[str] = ()
) -> dict[str, Any]:
    """Return the new entry in the library's JSON shape (without a photo).

    ``taken_codes`` are the ids already in the library (links must point to them);
    ``known_names`` their names, so a second exercise of the same name is refused. Raises
    ``ValidationErrors`` with one sentence per bad field.
    """
    errors: list[ValidationError] = []

    def text(field: str, value: str, label: str, limit: int = MAX_TEXT) -> str:
        cleaned = " ".join(value.split())
        if not cleaned:
            errors.append(ValidationError(field, f"Enter the {label}."))
        elif len(cleaned) > limit:
            errors.append(ValidationError(field, f"The {label} can be at most {limit} characters."))
        return cleaned

    name = text("name", form.name, "exercise's name", MAX_NAME)
    folded = {fold_name(known) for known in known_names}
    if name and fold_name(name) in folded:
        errors.append(
            ValidationError("name", f"The library already has an exercise called “{name}”.")
        )
    if form.category not in CATEGORIES:
        errors.append(ValidationError("category", "Choose the exercise's category."))
    region = text("body_region", form.body_region, "body region", MAX_REGION).lower()
    purpose = text("purpose", form.purpose, "purpose (what the exercise is for)")
    start = text("starting_position", form.starting_position, "starting position")
    steps = _lines(form.steps)
    if not 1 <= len(steps) <= MAX_STEPS:
        errors.append(
            ValidationError("steps", f"Write 1 to {MAX_STEPS} steps, one on each line.")
        )
    lists = {key: _lines(getattr(form, key)) for key in ("cues", "common_mistakes")}
    for key, items in (("steps", steps), *lists.items()):
        if any(len(item) > MAX_TEXT for item in items):
            errors.append(
                ValidationError(key, f"Each line can be at most {MAX_TEXT} characters.")
            )
    equipment = [item.strip() for item in form.equipment.split(",") if item.strip()]
    band = form.band_level.strip() or None
    try:
        dosage = validate_dosage(
            sets=form.sets, reps=form.reps, hold_s=form.hold_s,
            times_per_day=form.times_per_day, days_per_week=form.days_per_week,
            side=form.side, band_level=band,
        )  # fmt: skip
    except ValidationErrors as bad:
        errors += bad.errors
        dosage = None
    for key in ("easier", "harder"):
        unknown = [link for link in getattr(form, key) if link not in taken_codes]
        if unknown:
            errors.append(
                ValidationError(key, f"“{unknown[0]}” is not an exercise in the library.")
            )
    if errors:
        raise ValidationErrors(errors)
    assert dosage is not None
    return {
        "id": exercise_code(name, taken_codes),
        "name": name,
        "category": form.category,
        "body_region": region,
        "purpose": purpose,
        "starting_position": start,
        "steps": steps,
        "cues": lists["cues"],
        "common_mistakes": lists["common_mistakes"],
        "equipment": equipment,
        "dosage": dict(vars(dosage)),
        "dosage_source": "clinic's own prescription",
        "easier": list(form.easier),
        "harder": list(form.harder),
    }
