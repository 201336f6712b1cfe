"""The clinic's program templates, kept in a JSON file beside its SQLite database.

The file is ``{"format_version": 1, "templates": [{"name", "saved_at", "saved_by",
"items": [{"exercise", "sets", "reps", ...}]}]}``. It is replaced whole on each save (a
temporary file, then a rename), so a crash never leaves half a file. A template that
cannot be read is skipped rather than hiding the others.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from clinic_desktop.domain.dosage import validate_dosage
from clinic_desktop.domain.errors import ClinicError, NotFound, ValidationErrors
from clinic_desktop.domain.home_program import ProgramItem, ProgramTemplate
from clinic_desktop.domain.patient_rules import fold_name

TEMPLATES_SUFFIX = "-program-templates.json"
NO_FOLDER = (
    "Program templates are kept in the clinic's data folder, and this workstation uses a "
    "database server without one."
)
_DOSAGE_KEYS = ("sets", "reps", "hold_s", "times_per_day", "days_per_week", "side")


def templates_file_for(sqlite_path: Path | None) -> Path | None:
    """``clinic.sqlite3`` keeps its templates in ``clinic-program-templates.json``."""
    if sqlite_path is None:
        return None
    return sqlite_path.with_name(sqlite_path.stem + TEMPLATES_SUFFIX)


def _template_to_json(template: ProgramTemplate) -> dict[str, Any]:
    return {
        "name": template.name,
        "saved_at": template.saved_at.isoformat() if template.saved_at else None,
        "saved_by": template.saved_by,
        "items": [
            {
                "exercise": item.exercise_id,
                **{key: getattr(item.dosage, key) for key in _DOSAGE_KEYS},
                "band_level": item.dosage.band_level,
                "note": item.dosage.note,
            }
            for item in template.items
        ],
    }


def _template_from_json(raw: Any) -> ProgramTemplate | None:
    try:
        items = []
        for entry in raw["items"]:
            dosage = validate_dosage(
                **{key: entry[key] for key in _DOSAGE_KEYS},
                band_level=entry.get("band_level"),
                note=entry.get("note", ""),
            )
            items.append(ProgramItem(exercise_id=str(entry["exercise"]), dosage=dosage))
        saved_at = raw.get("saved_at")
        return ProgramTemplate(
            name=str(raw["name"]),
            items=tuple(items),
            saved_at=dt.datetime.fromisoformat(saved_at) if saved_at else None,
            saved_by=str(raw.get("saved_by", "")),
        )
    except (KeyError, TypeError, ValueError, ValidationErrors):
        return None


class TemplateFile:
    """Reads and replaces the templates file; ``path`` ``None`` means no data folder."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def read(self) -> tuple[ProgramTemplate, ...]:
        if self.path is None or not self.path.exists():
            return ()
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            entries = raw["templates"]
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ClinicError(
                f"The program templates file {self.path} cannot be read ({error}). "
                "Restore it from a backup, or move it away to start again."
            ) from None
        templates = (_template_from_json(entry) for entry in entries)
        return tuple(sorted((t for t in templates if t), key=lambda t: fold_name(t.name)))

    def get(self, name: str) -> ProgramTemplate:
        for template in self.read():
            if template.name == name:
                return template
        raise NotFound(f"There is no program template called “{name}”.")

    def store(self, template: ProgramTemplate) -> None:
        kept = [t for t in self.read() if fold_name(t.name) != fold_name(template.name)]
        self._write([*kept, template])

    def delete(self, name: str) -> None:
        kept = [t for t in self.read() if t.name != name]
        self._write(kept)

    def _write(self, templates: list[ProgramTemplate]) -> None:
        if self.path is None:
            raise ClinicError(NO_FOLDER)
        data = {"format_version": 1, "templates": [_template_to_json(t) for t in templates]}
        temporary = self.path.with_name(self.path.name + ".part")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")
            os.replace(temporary, self.path)
        except OSError as error:
            raise ClinicError(
                f"The program templates could not be saved in {self.path.parent} "
                f"({error.strerror}); nothing was changed."
            ) from None
