"""Reading and saving the clinic's shared settings."""

from __future__ import annotations

import io
from dataclasses import fields

from sqlalchemy.orm.exc import StaleDataError

from clinic_desktop.domain.access import Permission
from clinic_desktop.domain.errors import StaleRecord, ValidationError, ValidationErrors
from clinic_desktop.domain.settings import ClinicSettings, validate_settings
from clinic_desktop.services.access import Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.storage.models import ClinicSettingsRow

_FIELDS = [f.name for f in fields(ClinicSettings) if f.name != "version"]


def settings_in(session) -> ClinicSettings:
    """The saved settings read in the caller's ``session``, or the defaults if none were
    saved yet: the one way services read units, formats and limits inside a transaction."""
    row = session.get(ClinicSettingsRow, 1)
    if row is None:
        return ClinicSettings()
    return ClinicSettings(**{name: getattr(row, name) for name in _FIELDS}, version=row.version)


class SettingsService(Service):
    @requires(None)  # the sign-in screen shows the clinic's name
    def load(self) -> ClinicSettings:
        """The saved settings, or the defaults if none were saved yet."""
        with self._db.reading() as session:
            return settings_in(session)

    @requires(Permission.CLINIC_SETTINGS)
    def save(self, settings: ClinicSettings) -> ClinicSettings:
        """Validate and save; raises ValidationErrors, or StaleRecord if another workstation
        saved the settings since ``settings`` were loaded (nothing is overwritten then).
        """
        checked = validate_settings(settings)
        if checked.logo is not None:
            _check_logo_decodes(checked.logo)
        try:
            with self._db.transaction() as session:
                row = session.get(ClinicSettingsRow, 1)
                if row is None:
                    row = ClinicSettingsRow(id=1)
                    session.add(row)
                elif row.version != settings.version:
                    raise StaleRecord(
                        "The settings were changed on another workstation while you were "
                        "editing them. Nothing was saved; close the dialog and open it again."
                    )
                changed = [n for n in _FIELDS if getattr(row, n, None) != getattr(checked, n)]
                for name in _FIELDS:
                    setattr(row, name, getattr(checked, name))
                session.flush()
                record_event(
                    session,
                    "settings.update",
                    entity="clinic_settings",
                    entity_id=1,
                    user_id=self.access.user_id,
                    detail={"fields": changed},
                )
                version = row.version
        except StaleDataError as error:
            raise StaleRecord(
                "The settings were changed on another workstation at the same moment. "
                "Nothing was saved; open the settings again."
            ) from error
        return checked.with_changes(version=version)


def _check_logo_decodes(data: bytes) -> None:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ValidationErrors(
            [ValidationError("logo", "The logo file is damaged or is not a picture.")]
        ) from error
