"""Where the reference data shipped with the application lives.

In an installed wheel the files sit in ``clinic_desktop/resources``; in a source checkout
they sit in the top-level ``resources/`` folder. Both are found the same way.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


@cache
def resources_dir() -> Path:
    """Return the folder holding the shipped reference data."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"The application's reference data folder is missing (looked in {_PACKAGE_DIR})."
    )


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource file, e.g. ``resource_path("battery.json")``."""
    return resources_dir().joinpath(*parts)


def load_json_resource(*parts: str) -> Any:
    """Read and parse a shipped JSON resource."""
    with resource_path(*parts).open(encoding="utf-8") as handle:
        return json.load(handle)
