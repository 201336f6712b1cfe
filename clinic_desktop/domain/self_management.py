"""The clinic's self-management advice for reports: shipped defaults, or the clinic's file."""

from __future__ import annotations

import json
from pathlib import Path

from clinic_desktop.domain.resources import load_json_resource

ADVICE_FILE = "self_management.json"


def load_advice(clinic_file: Path | None = None) -> tuple[str, ...]:
    """The advice lines: those of ``clinic_file`` when it exists and is readable, else the
    shipped defaults. A clinic file that cannot be read falls back to the defaults (the
    report says nothing wrong rather than nothing at all)."""
    if clinic_file is not None and clinic_file.is_file():
        try:
            lines = _lines(json.loads(clinic_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            lines = ()
        if lines:
            return lines
    return _lines(load_json_resource(ADVICE_FILE))


def _lines(document: object) -> tuple[str, ...]:
    if not isinstance(document, dict) or not isinstance(document.get("advice"), list):
        return ()
    return tuple(" ".join(str(line).split()) for line in document["advice"] if str(line).strip())
