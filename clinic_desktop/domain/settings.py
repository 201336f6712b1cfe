"""The clinic's settings and the rules they must follow."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.patient_rules import check_phone

PAPER_SIZES = ("A4", "Letter")
DISTANCE_UNITS = ("km", "mi")
FORCE_UNITS = ("N", "kgf", "lbf")
DATE_FORMATS = ("yyyy-mm-dd", "dd/mm/yyyy", "mm/dd/yyyy")
LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_TYPES = ("image/png", "image/jpeg")
MAX_ADVICE = 4000
_MRN_PREFIX = re.compile(r"^[A-Z]{0,6}$")


@dataclass(frozen=True)
class ClinicSettings:
    """Settings every workstation shares (they live in the database, not on one computer)."""

    clinic_name: str = "My running clinic"
    address: str = ""
    phone: str = ""
    logo: bytes | None = None
    logo_mime: str | None = None
    paper_size: str = "A4"
    distance_unit: str = "km"
    force_unit: str = "N"
    date_format: str = "yyyy-mm-dd"
    mrn_prefix: str = "P"
    lock_after_minutes: int = 10
    #: A progress report is due after this many visits or days since the last one.
    progress_report_visits: int = 10
    progress_report_days: int = 30
    #: The clinic's self-management advice for reports, one line each; None = shipped.
    self_management_advice: str | None = None
    version: int = 0

    @property
    def advice_lines(self) -> tuple[str, ...]:
        """The clinic's own advice lines, empty when it uses the shipped advice."""
        text = self.self_management_advice or ""
        return tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())

    def with_changes(self, **changes) -> ClinicSettings:
        return replace(self, **changes)


def validate_settings(settings: ClinicSettings) -> ClinicSettings:
    """Return the settings with surrounding spaces trimmed, or raise ValidationErrors.

    The logo's bytes are checked for size and type here; that they decode as a picture is
    checked where an image library is at hand (the settings service).
    """
    errors: list[ValidationError] = []
    name = settings.clinic_name.strip()
    if not name:
        errors.append(ValidationError("clinic_name", "Enter the clinic's name."))
    elif len(name) > 120:
        errors.append(
            ValidationError("clinic_name", "The clinic's name can be at most 120 characters.")
        )
    try:
        check_phone(settings.phone)
    except ValidationError as error:
        errors.append(error)
    if settings.paper_size not in PAPER_SIZES:
        errors.append(ValidationError("paper_size", "Choose A4 or Letter paper."))
    if settings.distance_unit not in DISTANCE_UNITS:
        errors.append(ValidationError("distance_unit", "Choose kilometres or miles."))
    if settings.force_unit not in FORCE_UNITS:
        errors.append(ValidationError("force_unit", "Choose newtons, kgf or lbf for force."))
    if settings.date_format not in DATE_FORMATS:
        errors.append(ValidationError("date_format", "Choose one of the offered date formats."))
    prefix = settings.mrn_prefix.strip().upper()
    if not _MRN_PREFIX.match(prefix):
        errors.append(
            ValidationError(
                "mrn_prefix", "The record-number prefix can only be up to 6 letters A to Z."
            )
        )
    if not isinstance(settings.lock_after_minutes, int) or not (
        1 <= settings.lock_after_minutes <= 120
    ):
        errors.append(
            ValidationError(
                "lock_after_minutes", "Lock the screen after 1 to 120 minutes without use."
            )
        )
    for field_name, low, high, what in (
        ("progress_report_visits", 1, 50, "visits"),
        ("progress_report_days", 1, 365, "days"),
    ):
        value = getattr(settings, field_name)
        if not isinstance(value, int) or not low <= value <= high:
            errors.append(
                ValidationError(
                    field_name, f"A progress report falls due after {low} to {high} {what}."
                )
            )
    advice = (settings.self_management_advice or "").strip()
    if len(advice) > MAX_ADVICE:
        errors.append(
            ValidationError(
                "self_management_advice",
                f"Keep the self-management advice under {MAX_ADVICE} characters.",
            )
        )
    if settings.logo is not None:
        if len(settings.logo) > LOGO_MAX_BYTES:
            size_mb = len(settings.logo) / (1024 * 1024)
            errors.append(
                ValidationError(
                    "logo", f"The logo is {size_mb:.1f} MB; choose an image of at most 2 MB."
                )
            )
        elif sniff_image_type(settings.logo) is None:
            errors.append(ValidationError("logo", "The logo must be a PNG or JPEG picture."))
    if errors:
        raise ValidationErrors(errors)
    logo_mime = sniff_image_type(settings.logo) if settings.logo is not None else None
    return replace(
        settings,
        clinic_name=name,
        address=settings.address.strip(),
        phone=settings.phone.strip(),
        mrn_prefix=prefix,
        logo_mime=logo_mime,
        self_management_advice=advice or None,
    )


def sniff_image_type(data: bytes | None) -> str | None:
    """'image/png' or 'image/jpeg' from the file's signature, else None."""
    if not data:
        return None
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    return None
