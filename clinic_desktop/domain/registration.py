"""Registering a patient: every demographic field checked, and the duplicate-patient rule.

``check_patient`` reads a :class:`NewPatient` as typed at the desk and returns the values to
store, or raises :class:`ValidationErrors` with one sentence per field in form order.
``duplicate_reasons`` is the one definition of "probably the same person".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from clinic_desktop.domain.errors import ClinicError, ValidationError
from clinic_desktop.domain.intake_fields import FieldCollector, bounded_text, read_date
from clinic_desktop.domain.patient_rules import (
    check_birth_date,
    check_email,
    check_height_cm,
    check_phone,
    check_weight_kg,
    fold_name,
    phone_digits,
    require_text,
)
from clinic_desktop.domain.patients import NewPatient, PatientSummary

SEXES = ("female", "male", "other", "unknown")
MRN_MAX_LENGTH = 20
_MRN_SHAPE = re.compile(r"[A-Z0-9][A-Z0-9-]*")

# Longest text each field keeps (the database columns hold at least this much).
NAME_LIMIT = 80
ADDRESS_LIMIT = 500
CONTACT_LIMIT = 200
NOTES_LIMIT = 4000


@dataclass(frozen=True)
class CheckedPatient:
    """Demographics ready to store; ``mrn`` is ``""`` when the next number should be used."""

    mrn: str
    family_name: str
    given_name: str
    preferred_name: str
    birth_date: dt.date
    sex: str
    phone: str
    email: str
    address: str
    emergency_contact: str
    referring_provider: str
    weight_kg: float | None
    height_cm: float | None
    notes: str


def check_mrn(text: str) -> str:
    """Return a typed record number in upper case, ``""`` if blank (the next number is used).

    Raises ``ValidationError("mrn", ...)`` unless it holds only letters A-Z, digits and
    dashes, starts with a letter or digit and has at most 20 characters.
    """
    mrn = text.strip().upper()
    if mrn and (len(mrn) > MRN_MAX_LENGTH or not _MRN_SHAPE.fullmatch(mrn)):
        raise ValidationError(
            "mrn",
            "A record number may only hold letters A to Z, digits and dashes, at most "
            f"{MRN_MAX_LENGTH} characters, for example P000123. Leave it empty for the next "
            "number.",
        )
    return mrn


def _name(text: str, field: str, what: str, required: bool) -> str:
    if required:
        require_text(text, field)
    return bounded_text(text, field, what, NAME_LIMIT)


def _birth_date(value: dt.date | str | None, today: dt.date, date_format: str) -> dt.date:
    if isinstance(value, str):
        value = read_date(value, "birth_date", "the date of birth", date_format)
    if value is None:
        raise ValidationError("birth_date", "Enter the patient's date of birth.")
    return check_birth_date(value, today)


def _sex(value: str) -> str:
    if value not in SEXES:
        raise ValidationError(
            "sex", "Choose the patient's sex: female, male, other or not recorded."
        )
    return value


def _measure(value: float | str | None, check) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return check(value)


def check_patient(
    new: NewPatient, today: dt.date, date_format: str = "yyyy-mm-dd"
) -> CheckedPatient:
    """Return the demographics in ``new`` checked and tidied, ready to store.

    Family name, given name, date of birth and sex are required; the birth date must give
    an age of 5 to 110 years; phone, email, weight (20-250 kg) and height (100-230 cm) are
    checked when given; free text has a length limit. Raises ``ValidationErrors`` with a
    sentence for every field that fails, in the order of the form.
    """
    fields = FieldCollector()
    read = fields.read
    read("family_name", lambda: _name(new.family_name, "family_name", "The family name", True))
    read("given_name", lambda: _name(new.given_name, "given_name", "The given name", True))
    read(
        "preferred_name",
        lambda: _name(new.preferred_name, "preferred_name", "The preferred name", False),
    )
    read("birth_date", lambda: _birth_date(new.birth_date, today, date_format))
    read("sex", lambda: _sex(new.sex))
    read("phone", lambda: check_phone(new.phone))
    read("email", lambda: check_email(new.email))
    read("address", lambda: bounded_text(new.address, "address", "The address", ADDRESS_LIMIT))
    read(
        "emergency_contact",
        lambda: bounded_text(
            new.emergency_contact, "emergency_contact", "The emergency contact", CONTACT_LIMIT
        ),
    )
    read(
        "referring_provider",
        lambda: bounded_text(
            new.referring_provider, "referring_provider", "The referring provider", CONTACT_LIMIT
        ),
    )
    read("weight_kg", lambda: _measure(new.weight_kg, check_weight_kg))
    read("height_cm", lambda: _measure(new.height_cm, check_height_cm))
    read("notes", lambda: bounded_text(new.notes, "notes", "The notes", NOTES_LIMIT))
    read("mrn", lambda: check_mrn(new.mrn))
    fields.finish()
    return CheckedPatient(**fields.values)


# --- possible duplicates -------------------------------------------------------------------


def same_person_name(family_name: str, given_name: str) -> str:
    """The folded family and given name compared by the duplicate guard."""
    return fold_name(f"{family_name} {given_name}")


def duplicate_reasons(
    candidate: CheckedPatient,
    family_name: str,
    given_name: str,
    birth_date: dt.date,
    phone: str,
) -> tuple[str, ...]:
    """Why a patient on file (the last four arguments) may be the same person, if at all.

    Same name (ignoring accents, case and punctuation) and the same date of birth, or the
    same phone digits. Returns the reasons as phrases, empty when neither holds.
    """
    reasons = []
    if birth_date == candidate.birth_date and same_person_name(
        family_name, given_name
    ) == same_person_name(candidate.family_name, candidate.given_name):
        reasons.append("same name and date of birth")
    digits = phone_digits(candidate.phone)
    if digits and digits == phone_digits(phone):
        reasons.append("same phone number")
    return tuple(reasons)


@dataclass(frozen=True)
class DuplicateMatch:
    """A patient on file who may be the one being registered, and why."""

    patient: PatientSummary
    phone: str
    reasons: tuple[str, ...]


class PossibleDuplicate(ClinicError):
    """The patient being saved looks like one already on file; nothing was saved.

    ``matches`` lists them; save again with ``allow_duplicate=True`` once the desk has
    checked that this is a different person.
    """

    def __init__(self, matches: list[DuplicateMatch]) -> None:
        count = len(matches)
        who = "a patient" if count == 1 else f"{count} patients"
        super().__init__(f"This looks like {who} already on file. Nothing was saved.")
        self.matches = matches
