"""Clinic settings: shared by every workstation, validated before anything is saved."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from clinic_desktop.domain.errors import StaleRecord, ValidationErrors
from clinic_desktop.services.settings import SettingsService


def png_bytes(width=40, height=20) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_fresh_clinic_has_defaults_and_saves_trimmed_values(clinic):
    settings = clinic.settings.load()
    assert (settings.paper_size, settings.distance_unit, settings.force_unit) == ("A4", "km", "N")
    saved = clinic.settings.save(
        settings.with_changes(
            clinic_name="  Stride Running Clinic ",
            mrn_prefix="run",
            distance_unit="mi",
            force_unit="lbf",
            paper_size="Letter",
            date_format="mm/dd/yyyy",
            logo=png_bytes(),
        )
    )
    again = clinic.settings.load()
    assert again == saved
    assert (again.clinic_name, again.mrn_prefix, again.logo_mime) == (
        "Stride Running Clinic",
        "RUN",
        "image/png",
    )


@pytest.mark.parametrize(
    "changes, field, sentence",
    [
        ({"clinic_name": "   "}, "clinic_name", "Enter the clinic's name."),
        ({"mrn_prefix": "R-1"}, "mrn_prefix", "up to 6 letters"),
        ({"paper_size": "A5"}, "paper_size", "A4 or Letter"),
        ({"logo": b"GIF89a not allowed"}, "logo", "PNG or JPEG"),
        ({"logo": b"\x89PNG\r\n\x1a\n" + b"\x00" * 100}, "logo", "damaged or is not a picture"),
        ({"logo": b"\x89PNG\r\n\x1a\n" + b"\x00" * (2 * 1024 * 1024)}, "logo", "at most 2 MB"),
        ({"phone": "call us"}, "phone", "phone number"),
    ],
)
def test_invalid_settings_get_a_sentence_and_nothing_is_saved(clinic, changes, field, sentence):
    before = clinic.settings.save(clinic.settings.load().with_changes(clinic_name="Stride"))
    with pytest.raises(ValidationErrors) as refused:
        clinic.settings.save(before.with_changes(**changes))
    assert sentence in refused.value.by_field()[field]
    assert clinic.settings.load() == before


def test_a_stale_save_from_a_second_workstation_is_refused_and_nothing_is_overwritten(clinic):
    first_desk = SettingsService(clinic.database, clinic.access)
    second_desk = SettingsService(clinic.database, clinic.access)
    opened_at_second = second_desk.load()
    saved_first = first_desk.save(first_desk.load().with_changes(clinic_name="Stride North"))
    with pytest.raises(StaleRecord):
        second_desk.save(opened_at_second.with_changes(clinic_name="Stride South"))
    assert first_desk.load().clinic_name == saved_first.clinic_name == "Stride North"
