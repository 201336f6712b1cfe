"""Reading what was typed into an intake field: dates, numbers, choices and bounded text.

Every reader takes the text exactly as typed and either returns a clean value or raises
:class:`ValidationError` naming the field, with a sentence the person at the keyboard can
act on. Blank optional fields read as ``None`` (or ``""`` for text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.patient_rules import parse_date_text

_EXAMPLE_DAY = dt.date(2026, 4, 23)
_DATE_PATTERNS = {"yyyy-mm-dd": "%Y-%m-%d", "dd/mm/yyyy": "%d/%m/%Y", "mm/dd/yyyy": "%m/%d/%Y"}
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)")
_WHOLE = re.compile(r"[+-]?\d+")


def date_example(date_format: str) -> str:
    """A sample date written the clinic's way, for sentences and placeholders."""
    return _EXAMPLE_DAY.strftime(_DATE_PATTERNS.get(date_format, "%Y-%m-%d"))


def read_date(text: str, field: str, what: str, date_format: str) -> dt.date | None:
    """Return the date typed for ``what`` (e.g. "the onset date"), ``None`` if blank.

    Reads ISO dates and the clinic's own format (see ``parse_date_text``). Raises
    ``ValidationError(field, "Write the onset date as dd/mm/yyyy, for example 23/04/2026.")``
    for text that is not a real date.
    """
    if not text.strip():
        return None
    day = parse_date_text(text, date_format)
    if day is None:
        raise ValidationError(
            field, f"Write {what} as {date_format}, for example {date_example(date_format)}."
        )
    return day


def bounded_text(text: str, field: str, what: str, limit: int) -> str:
    """Return ``text`` without surrounding spaces if it has at most ``limit`` characters.

    ``what`` starts the sentence, e.g. "The mechanism". Raises ``ValidationError`` when
    the text is longer, saying by how much.
    """
    cleaned = text.strip()
    if len(cleaned) > limit:
        raise ValidationError(
            field,
            f"{what} can be at most {limit:,} characters; this one has {len(cleaned):,}. "
            "Shorten it.",
        )
    return cleaned


def _number_text(text: str) -> str:
    return text.strip().replace(",", ".")


def read_decimal(
    text: str,
    field: str,
    what: str,
    low: float,
    high: float,
    unit: str = "",
) -> float | None:
    """Return the number typed for ``what``, ``None`` if blank.

    A dot or a comma may mark the decimals ("12,5"). Raises ``ValidationError`` for text
    that is not a plain number or a number outside ``low``..``high`` (inclusive), naming
    ``unit`` in the sentence ("Weekly distance now must be between 0 and 250 mi.").
    """
    if not text.strip():
        return None
    suffix = f" {unit}" if unit else ""
    if not _DECIMAL.fullmatch(text.strip()):
        raise ValidationError(field, f"Enter {what.lower()} as a number{_in_unit(unit)}.")
    value = float(_number_text(text))
    if not low <= value <= high:
        raise ValidationError(
            field, f"{what} must be between {low:g} and {high:g}{suffix}; {value:g} is outside."
        )
    return value


def _in_unit(unit: str) -> str:
    return f" in {unit}" if unit else ""


def read_whole(text: str, field: str, what: str, low: int, high: int) -> int | None:
    """Return the whole number typed for ``what``, ``None`` if blank.

    Raises ``ValidationError`` for text that is not a whole number or one outside
    ``low``..``high`` ("Pain now must be a whole number from 0 to 10.").
    """
    if not text.strip():
        return None
    sentence = f"{what} must be a whole number from {low} to {high}."
    if not _WHOLE.fullmatch(text.strip()):
        raise ValidationError(field, sentence)
    value = int(text.strip())
    if not low <= value <= high:
        raise ValidationError(field, sentence)
    return value


def read_choice(value: str, field: str, choices: Mapping[str, str], prompt: str) -> str:
    """Return ``value`` if it is one of ``choices`` (code -> label).

    ``prompt`` completes "Choose ...", e.g. "the side". Raises ``ValidationError`` listing
    the labels when nothing or something else was chosen.
    """
    if value in choices:
        return value
    labels = [label[0].lower() + label[1:] for label in choices.values()]
    options = ", ".join(labels[:-1]) + f" or {labels[-1]}" if len(labels) > 1 else labels[0]
    raise ValidationError(field, f"Choose {prompt}: {options}.")


class FieldCollector:
    """Runs field readers one by one and keeps every failure, so all are shown at once.

    ``read(field, reader)`` returns the reader's value, or ``None`` after a failure;
    ``finish()`` raises :class:`ValidationErrors` if any reader failed.
    """

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []
        self.values: dict[str, Any] = {}

    def read(self, field: str, reader: Callable[[], Any]) -> Any:
        try:
            value = reader()
        except ValidationError as error:
            self.errors.append(error)
            return None
        except ValidationErrors as errors:
            self.errors.extend(errors.errors)
            return None
        self.values[field] = value
        return value

    def fail(self, field: str, message: str) -> None:
        """Record a failure found by comparing fields (e.g. best pain above worst)."""
        self.errors.append(ValidationError(field, message))

    def failed(self, field: str) -> bool:
        return any(error.field == field for error in self.errors)

    def finish(self) -> None:
        if self.errors:
            raise ValidationErrors(self.errors)
