"""The home program: which exercises a patient does at home, in what order, and how much.

A program belongs to an episode of care and is kept in versions, one per visit: what the
patient was given at a visit stays as it was when a later visit changes the program.
Templates are programs the clinic saved under a name to start from again; applying one
copies its items, so later edits never change the template.

The handout types at the end are the plain data a printed handout is made from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_desktop.domain.dosage import Dosage
from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.exercises import Exercise
from clinic_desktop.domain.run_plan import RunPlan

MAX_ITEMS = 30
MAX_TEMPLATE_NAME = 80


@dataclass(frozen=True)
class ProgramItem:
    """One exercise of a program. ``id`` is ``None`` for an item of a template."""

    exercise_id: str
    dosage: Dosage
    id: int | None = None


@dataclass(frozen=True)
class ProgramVersion:
    """One version of an episode's program: the visit it was made for and who made it.

    ``number`` counts the episode's versions from 1. ``issued_at`` is when the version
    was started (UTC, naive).
    """

    id: int
    episode_id: int
    number: int
    visit_id: int | None
    visit_date: dt.date | None
    visit_kind: str
    issued_at: dt.datetime
    issued_by: str
    item_count: int


@dataclass(frozen=True)
class HomeProgram:
    """A version with its items in order. ``is_current`` marks the episode's latest."""

    version: ProgramVersion
    items: tuple[ProgramItem, ...]
    is_current: bool
    patient_id: int

    @property
    def id(self) -> int:
        return self.version.id

    def item(self, item_id: int) -> ProgramItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)


@dataclass(frozen=True)
class ProgramTemplate:
    """A named program the clinic reuses, e.g. "Patellofemoral pain, phase 1"."""

    name: str
    items: tuple[ProgramItem, ...]
    saved_at: dt.datetime | None = None
    saved_by: str = ""


def check_template_name(name: str) -> str:
    """Return the name trimmed; raises ``ValidationError("name", ...)`` if blank or long."""
    text = " ".join(str(name).split())
    if not text:
        raise ValidationError("name", "Give the template a name, e.g. “Achilles, phase 1”.")
    if len(text) > MAX_TEMPLATE_NAME:
        raise ValidationError(
            "name", f"A template name can be at most {MAX_TEMPLATE_NAME} characters."
        )
    return text


# --- what a handout is made from --------------------------------------------------------------


@dataclass(frozen=True)
class Letterhead:
    """The clinic's name, address, phone and logo as the settings hold them."""

    clinic_name: str
    address: str = ""
    phone: str = ""
    logo: bytes | None = None
    paper_size: str = "A4"


@dataclass(frozen=True)
class HandoutExercise:
    """An exercise as the patient's handout prints it, with the dosage prescribed."""

    exercise: Exercise
    dosage: Dosage


@dataclass(frozen=True)
class Handout:
    """Everything a home-exercise handout shows; the report layer draws it.

    ``patient_name`` is in reading order ("Sofía Rivera"). ``program_date`` is the day the
    program was given (its visit), ``printed_on`` the day of printing; both are written in
    ``date_format``. ``run_plan`` is the episode's walk/run plan, if any, printed after the
    exercises with distances in ``distance_unit``.
    """

    letterhead: Letterhead
    patient_name: str
    mrn: str
    therapist: str
    program_date: dt.date
    printed_on: dt.date
    exercises: tuple[HandoutExercise, ...]
    date_format: str = "yyyy-mm-dd"
    episode_id: int | None = None
    program_id: int | None = None
    run_plan: RunPlan | None = None
    distance_unit: str = "km"
