"""Rules for the patient's demographic and contact details.

Two kinds of helper live here:

* text folding used by search and by the duplicate-patient guard (``fold_name``,
  ``phone_digits``), which must give the same answer on the desk and in storage;
* field checks that raise :class:`ValidationError` with a sentence the front desk can act
  on, e.g. "Enter the patient's family name."
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from clinic_desktop.domain.errors import ValidationError

# Latin letters that Unicode does not decompose into a base letter plus accent, so NFKD
# alone would leave them non-ASCII. Applied after case folding, so lowercase keys suffice.
_LATIN_WITHOUT_DECOMPOSITION = str.maketrans(
    {
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "ð": "d",
        "đ": "d",
        "þ": "th",
        "ħ": "h",
        "ı": "i",
        "ĸ": "k",
        "ł": "l",
        "ŋ": "n",
        "ŧ": "t",
        "ƒ": "f",
        "ƀ": "b",
        "ɨ": "i",
        "ʉ": "u",
        # Modifier-letter apostrophes count as letters in Unicode but are written as
        # apostrophes in names (ŉ decomposes to one), so they separate words like "'".
        "ʼ": " ",
        "ʻ": " ",
        "ʽ": " ",
    }
)


def _fold_once(text: str) -> str:  # one pass is a fixed point: see the tests
    text = unicodedata.normalize("NFKD", text).casefold()
    # Case folding can produce new composed letters; decompose again before dropping marks.
    text = unicodedata.normalize("NFKD", text).translate(_LATIN_WITHOUT_DECOMPOSITION)
    kept: list[str] = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Mn", "Me"):
            continue  # accents and other non-spacing marks
        if category[0] in "LN" or category == "Mc":
            kept.append(char)
        else:
            kept.append(" ")  # hyphens, apostrophes, dots, symbols, any kind of space
    return " ".join("".join(kept).split())


def fold_name(text: str) -> str:
    """Return ``text`` folded for accent- and case-insensitive comparison.

    The result is lowercase (Unicode case folding), has accents removed (NFKD with the
    combining marks dropped, plus a few Latin letters such as ``ø``, ``ł`` and ``æ`` spelled
    with plain letters), turns hyphens, apostrophes and other punctuation into spaces and
    collapses runs of spaces. ``"  Zoë O'Brien-Núñez "`` becomes ``"zoe o brien nunez"``.
    Names written with the letters of European languages (Latin-1 and Latin Extended-A)
    fold to ASCII; other scripts keep their letters. Folding a folded text changes nothing,
    so a search typed in folded form finds the same patients. Never raises.
    """
    return _fold_once(text)


def phone_digits(text: str) -> str:
    """Return only the digits of a phone number, as ASCII ``0-9``.

    ``"+44 (0)20 7946-0958"`` becomes ``"4402079460958"``. Digits from other scripts
    (e.g. full-width) are converted to ASCII. Used for phone search and duplicate checks.
    Never raises.
    """
    return "".join(str(unicodedata.decimal(char)) for char in text if char.isdecimal())


def age_on(birth_date: date, day: date) -> int:
    """Return the age in completed years on ``day`` of someone born on ``birth_date``.

    A person born on 29 February turns a year older on 1 March in non-leap years.
    Raises ``ValidationError("birth_date", ...)`` if ``day`` is before ``birth_date``.
    """
    if day < birth_date:
        raise ValidationError(
            "birth_date", f"The birth date {birth_date.isoformat()} is after {day.isoformat()}."
        )
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


CLINIC_DATE_FORMATS = ("yyyy-mm-dd", "dd/mm/yyyy", "mm/dd/yyyy")

_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CLINIC_DATE = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


def parse_date_text(text: str, clinic_format: str) -> date | None:
    """Read a date typed at the desk; return ``None`` if it is not a real date.

    Accepts ISO ``yyyy-mm-dd`` always, and the clinic's own format ``clinic_format``:
    ``"dd/mm/yyyy"`` or ``"mm/dd/yyyy"``, where ``/``, ``.`` or ``-`` may separate the parts
    and day and month may have one digit. A clinic that writes ISO dates
    (``"yyyy-mm-dd"``) gets ISO only, since the order of day and month would be a guess.
    Two-digit years are refused (``None``) because their century is a guess. Surrounding
    spaces are ignored.
    Raises ``ValueError`` only if ``clinic_format`` is not one of ``CLINIC_DATE_FORMATS``.
    """
    if clinic_format not in CLINIC_DATE_FORMATS:
        raise ValueError(f"Unknown clinic date format {clinic_format!r}.")
    text = text.strip()
    if match := _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    elif clinic_format != "yyyy-mm-dd" and (match := _CLINIC_DATE.fullmatch(text)):
        first, second, year = (int(part) for part in match.groups())
        day, month = (first, second) if clinic_format == "dd/mm/yyyy" else (second, first)
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- field checks -------------------------------------------------------------------------

MIN_AGE_YEARS = 5
MAX_AGE_YEARS = 110


def check_birth_date(birth_date: date, today: date) -> date:
    """Return ``birth_date`` if it is not in the future and gives an age of 5 to 110 years.

    Raises ``ValidationError("birth_date", ...)`` otherwise.
    """
    if birth_date > today:
        raise ValidationError("birth_date", "The birth date cannot be in the future.")
    age = age_on(birth_date, today)
    if age < MIN_AGE_YEARS:
        raise ValidationError(
            "birth_date",
            f"The birth date makes the patient {age} years old; the clinic sees patients "
            f"from {MIN_AGE_YEARS} years. Check the year.",
        )
    if age > MAX_AGE_YEARS:
        raise ValidationError(
            "birth_date",
            f"The birth date makes the patient {age} years old, more than {MAX_AGE_YEARS}. "
            "Check the year.",
        )
    return birth_date


_EMAIL_SHAPE = re.compile(
    r"[^@\s]+@(?:[^@\s.]+\.)+[^@\s.\d][^@\s.]+"  # local part @ labels . top-level (2+ chars)
)


def check_email(text: str) -> str:
    """Return the email address with surrounding spaces removed; ``""`` if left blank.

    Checks the shape only (``name@example.com``): one ``@``, no spaces, a domain with a dot.
    Raises ``ValidationError("email", ...)`` when the shape is wrong.
    """
    email = text.strip()
    if email and not _EMAIL_SHAPE.fullmatch(email):
        raise ValidationError(
            "email", "The email address should look like name@example.com, with no spaces."
        )
    return email


MIN_PHONE_DIGITS = 7
MAX_PHONE_DIGITS = 15  # the longest number the international (E.164) plan allows

_PHONE_CHARACTERS = re.compile(r"\+?[0-9 ().\-]*")


def check_phone(text: str, field: str = "phone") -> str:
    """Return the phone number with surrounding spaces removed; ``""`` if left blank.

    A phone number may hold digits, spaces, dashes, dots and brackets, with an optional
    leading ``+``, and must have 7 to 15 digits. Raises ``ValidationError(field, ...)``.
    """
    phone = text.strip()
    if not phone:
        return ""
    if not _PHONE_CHARACTERS.fullmatch(phone):
        raise ValidationError(
            field,
            "A phone number may only contain digits, spaces, dashes, dots, brackets "
            "and a + at the start.",
        )
    digits = len(phone_digits(phone))
    if not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
        raise ValidationError(
            field,
            f"A phone number needs {MIN_PHONE_DIGITS} to {MAX_PHONE_DIGITS} digits; "
            f"this one has {digits}.",
        )
    return phone


def _number_from(value: float | int | str, field: str, sentence: str) -> float:
    if isinstance(value, str):
        cleaned = value.strip().replace(",", ".")
        try:
            return float(cleaned)
        except ValueError:
            raise ValidationError(field, sentence) from None
    return float(value)


MIN_WEIGHT_KG = 20
MAX_WEIGHT_KG = 250
MIN_HEIGHT_CM = 100
MAX_HEIGHT_CM = 230


def check_weight_kg(value: float | int | str) -> float:
    """Return the body weight in kilograms if it is between 20 and 250 kg.

    Text is accepted with a dot or a comma as decimal mark ("68,5").
    Raises ``ValidationError("weight_kg", ...)`` for text that is not a number or a
    weight outside the range.
    """
    weight = _number_from(
        value, "weight_kg", "Enter the weight in kilograms as a number, for example 68.5."
    )
    if not MIN_WEIGHT_KG <= weight <= MAX_WEIGHT_KG:
        raise ValidationError(
            "weight_kg", f"Weight must be between {MIN_WEIGHT_KG} and {MAX_WEIGHT_KG} kg."
        )
    return weight


def check_height_cm(value: float | int | str) -> float:
    """Return the height in centimetres if it is between 100 and 230 cm.

    Text is accepted with a dot or a comma as decimal mark.
    Raises ``ValidationError("height_cm", ...)`` for text that is not a number or a
    height outside the range.
    """
    height = _number_from(
        value, "height_cm", "Enter the height in centimetres as a number, for example 172."
    )
    if not MIN_HEIGHT_CM <= height <= MAX_HEIGHT_CM:
        raise ValidationError(
            "height_cm", f"Height must be between {MIN_HEIGHT_CM} and {MAX_HEIGHT_CM} cm."
        )
    return height


# What the desk is asked to enter when a required patient field is left blank.
REQUIRED_PATIENT_FIELDS = {
    "family_name": "the patient's family name",
    "given_name": "the patient's given name",
    "birth_date": "the patient's date of birth",
    "sex": "the patient's sex",
}


def require_text(text: str | None, field: str, what: str | None = None) -> str:
    """Return ``text`` with surrounding spaces removed if anything is left.

    ``what`` completes the sentence "Enter ...", e.g. ``"the referring doctor's name"``;
    it defaults to the wording in ``REQUIRED_PATIENT_FIELDS`` for ``field``.
    Raises ``ValidationError(field, "Enter the patient's family name.")`` and the like
    when the text is missing or blank.
    """
    cleaned = (text or "").strip()
    if not cleaned:
        prompt = what or REQUIRED_PATIENT_FIELDS.get(field, field.replace("_", " "))
        raise ValidationError(field, f"Enter {prompt}.")
    return cleaned
