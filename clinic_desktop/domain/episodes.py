"""An episode of care as typed at intake, its checks, and the one-active-episode rule.

A diagnosis is either picked from the catalogue (``diagnosis_id``; the code then follows from
the side and, for injuries and stress fractures, a 7th character) or written by hand (a
label, and optionally an ICD-10 code checked for shape). Performance/prevention episodes
need no diagnosis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clinic_desktop.domain.diagnoses import (
    code_for_side,
    diagnosis_by_id,
    validate_icd10_code,
)
from clinic_desktop.domain.errors import ClinicError, NotFound, ValidationError
from clinic_desktop.domain.intake_fields import (
    FieldCollector,
    bounded_text,
    read_choice,
    read_date,
)

KIND_CHOICES = {"injury": "Injury rehabilitation", "performance": "Performance/prevention"}
SIDE_CHOICES = {"left": "Left", "right": "Right", "both": "Both", "none": "No side"}
ONSET_CHOICES = {"gradual": "Gradual", "sudden": "Sudden"}
# Discharge is recorded with its reason by the discharge summary, not at intake.
INTAKE_STATUS_CHOICES = {"active": "Active", "on_hold": "On hold"}

LABEL_LIMIT = 200
MECHANISM_LIMIT = 2000
REFERRAL_LIMIT = 200


@dataclass(frozen=True)
class EpisodeForm:
    """The episode fields exactly as typed or chosen; codes for the choices."""

    kind: str = ""
    diagnosis_id: str = ""
    diagnosis_label: str = ""
    diagnosis_code: str = ""
    seventh_character: str = ""
    side: str = ""
    onset_date: str = ""
    onset_type: str = ""
    mechanism: str = ""
    referral: str = ""
    status: str = "active"
    started_on: str = ""


@dataclass(frozen=True)
class CheckedEpisode:
    kind: str
    diagnosis_code: str
    diagnosis_label: str
    side: str
    onset_date: dt.date | None
    onset_type: str | None
    mechanism: str
    referral: str
    status: str
    started_on: dt.date


@dataclass(frozen=True)
class EpisodeRecord:
    """An episode as stored, with its version for a later save."""

    id: int
    patient_id: int
    kind: str
    diagnosis_code: str
    diagnosis_label: str
    side: str
    onset_date: dt.date | None
    onset_type: str | None
    mechanism: str
    referral: str
    status: str
    started_on: dt.date
    ended_on: dt.date | None
    version: int

    @property
    def diagnosis(self) -> str:
        if not self.diagnosis_label and not self.diagnosis_code:
            return KIND_CHOICES["performance"] if self.kind == "performance" else "No diagnosis"
        code = f" ({self.diagnosis_code})" if self.diagnosis_code else ""
        return f"{self.diagnosis_label or 'Diagnosis'}{code}"


class ActiveEpisodeExists(ClinicError):
    """A patient may have one active episode; starting another needs a decision on it.

    Start again with ``previous="discharge"`` (close it) or ``previous="hold"`` (keep it,
    paused), or keep it and start nothing.
    """

    def __init__(self, active: EpisodeRecord) -> None:
        super().__init__(
            f"{active.diagnosis} is still active (started {active.started_on.isoformat()}). "
            "Close it or keep it before starting a new episode."
        )
        self.active = active


def _diagnosis(form: EpisodeForm, side: str | None, kind: str | None) -> tuple[str, str]:
    """Return (code, label) for the diagnosis part of the form."""
    label = bounded_text(form.diagnosis_label, "diagnosis_label", "The diagnosis", LABEL_LIMIT)
    typed_code = form.diagnosis_code.strip()
    if form.diagnosis_id:
        try:
            diagnosis = diagnosis_by_id(form.diagnosis_id)
        except NotFound as missing:
            raise ValidationError("diagnosis_label", missing.message) from None
        if side is None:
            return "", label or diagnosis.name
        try:
            code = code_for_side(diagnosis, side, form.seventh_character or None).code
        except ValidationError as error:  # only the 7th character can be wrong here
            raise ValidationError("seventh_character", error.message) from None
        if typed_code and validate_icd10_code(typed_code) != code:
            # The therapist overrode the catalogue code: keep theirs, checked for shape.
            code = validate_icd10_code(typed_code)
        return code, label or diagnosis.name
    code = validate_icd10_code(typed_code) if typed_code else ""
    if kind == "injury" and not label and not code:
        raise ValidationError(
            "diagnosis_label",
            "Choose a diagnosis from the list, or write one (with its ICD-10 code if known).",
        )
    if code and not label:
        raise ValidationError("diagnosis_label", f"Write what {code} stands for.")
    return code, label


def check_episode(
    form: EpisodeForm,
    today: dt.date,
    date_format: str = "yyyy-mm-dd",
    birth_date: dt.date | None = None,
) -> CheckedEpisode:
    """Return the episode in ``form`` checked and ready to store.

    Kind, side and status are required, and the onset type for an injury. Dates are read
    in the clinic's format (ISO always works); neither may be in the future, the onset not
    before the patient's birth nor after the start of care. Raises ``ValidationErrors``
    naming every field that fails.
    """
    fields = FieldCollector()
    read = fields.read
    kind = read("kind", lambda: read_choice(form.kind, "kind", KIND_CHOICES, "the kind of care"))
    side = read("side", lambda: read_choice(form.side, "side", SIDE_CHOICES, "the side"))
    code_label = read("diagnosis", lambda: _diagnosis(form, side, kind))
    if form.onset_type or kind == "injury":
        onset_type = read(
            "onset_type",
            lambda: read_choice(
                form.onset_type, "onset_type", ONSET_CHOICES, "how the problem began"
            ),
        )
    else:
        onset_type = None
    onset = read(
        "onset_date",
        lambda: read_date(form.onset_date, "onset_date", "the onset date", date_format),
    )
    started = read(
        "started_on",
        lambda: read_date(form.started_on, "started_on", "the start of care", date_format) or today,
    )
    read(
        "mechanism",
        lambda: bounded_text(form.mechanism, "mechanism", "The mechanism", MECHANISM_LIMIT),
    )
    read(
        "referral", lambda: bounded_text(form.referral, "referral", "The referral", REFERRAL_LIMIT)
    )
    read(
        "status",
        lambda: read_choice(form.status, "status", INTAKE_STATUS_CHOICES, "the episode's status"),
    )
    if onset is not None:
        if onset > today:
            fields.fail("onset_date", "The onset date cannot be in the future.")
        elif birth_date is not None and onset < birth_date:
            fields.fail("onset_date", "The onset date is before the patient was born.")
        elif started is not None and onset > started:
            fields.fail("onset_date", "The onset date is after the start of care.")
    if started is not None and started > today:
        fields.fail("started_on", "The start of care cannot be in the future.")
    fields.finish()
    code, label = code_label
    values = fields.values
    return CheckedEpisode(
        kind=kind,
        diagnosis_code=code,
        diagnosis_label=label,
        side=side,
        onset_date=onset,
        onset_type=onset_type,
        mechanism=values["mechanism"],
        referral=values["referral"],
        status=values["status"],
        started_on=started,
    )
