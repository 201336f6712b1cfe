"""Patients as the rest of the application sees them: plain values, no database objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

EPISODE_KIND_LABELS = {"injury": "Injury rehabilitation", "performance": "Performance/prevention"}
EPISODE_STATUS_LABELS = {"active": "Active", "on_hold": "On hold", "discharged": "Discharged"}
VISIT_KIND_LABELS = {
    "initial": "Initial evaluation",
    "follow_up": "Follow-up",
    "re_evaluation": "Re-evaluation",
    "discharge": "Discharge",
}
ATTENDANCE_LABELS = {"attended": "Attended", "missed": "Missed", "cancelled": "Cancelled"}
SEX_LABELS = {"female": "Female", "male": "Male", "other": "Other", "unknown": "Not recorded"}
SIDE_LABELS = {"left": "Left", "right": "Right", "both": "Both", "none": "—"}


def display_name(family_name: str, given_name: str, preferred_name: str = "") -> str:
    """'Family, Given (Preferred)' as the clinic files its patients."""
    name = f"{family_name}, {given_name}" if given_name else family_name
    if preferred_name and preferred_name != given_name:
        name += f" ({preferred_name})"
    return name


@dataclass(frozen=True)
class PatientSummary:
    """One line of the patient list."""

    id: int
    mrn: str
    name: str
    birth_date: dt.date
    age_years: int
    active_diagnosis: str
    last_visit_on: dt.date | None


@dataclass(frozen=True)
class PatientDetails:
    id: int
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
    version: int

    @property
    def name(self) -> str:
        return display_name(self.family_name, self.given_name, self.preferred_name)


@dataclass(frozen=True)
class EpisodeSummary:
    id: int
    kind: str
    diagnosis_code: str
    diagnosis_label: str
    side: str
    status: str
    started_on: dt.date
    ended_on: dt.date | None
    discharge_reason: str

    @property
    def diagnosis(self) -> str:
        if self.kind == "performance" and not self.diagnosis_label:
            return "Performance/prevention (no injury)"
        code = f" ({self.diagnosis_code})" if self.diagnosis_code else ""
        return f"{self.diagnosis_label}{code}"


@dataclass(frozen=True)
class VisitSummary:
    id: int
    episode_id: int
    visit_date: dt.date
    kind: str
    attendance: str
    therapist: str
    pain_now: int | None
    status: str


@dataclass(frozen=True)
class PatientOverview:
    """Everything the overview page shows for one patient."""

    patient: PatientDetails
    age_years: int
    episodes: list[EpisodeSummary] = field(default_factory=list)
    visits: list[VisitSummary] = field(default_factory=list)


@dataclass(frozen=True)
class NewPatient:
    """What the front desk types to register (or correct) a patient.

    Checked by ``registration.check_patient``. ``birth_date`` may be a date or the text as
    typed (read in the clinic's date format); ``weight_kg`` and ``height_cm`` may be numbers
    or text as typed, blank for not measured. A blank ``mrn`` asks for the next number.
    """

    family_name: str
    given_name: str
    birth_date: dt.date | str | None
    sex: str = "unknown"
    preferred_name: str = ""
    phone: str = ""
    email: str = ""
    mrn: str = ""
    address: str = ""
    emergency_contact: str = ""
    referring_provider: str = ""
    weight_kg: float | str | None = None
    height_cm: float | str | None = None
    notes: str = ""
