"""How dates are written, on screen and on paper, in the clinic's chosen format."""

from __future__ import annotations

import datetime as dt

_PATTERNS = {"yyyy-mm-dd": "%Y-%m-%d", "dd/mm/yyyy": "%d/%m/%Y", "mm/dd/yyyy": "%m/%d/%Y"}


def format_date(day: dt.date | None, date_format: str = "yyyy-mm-dd") -> str:
    """``day`` in the clinic's date format; an empty string for no date."""
    if day is None:
        return ""
    return day.strftime(_PATTERNS.get(date_format, "%Y-%m-%d"))
