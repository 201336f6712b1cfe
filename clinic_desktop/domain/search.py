"""Reading what someone typed into the patient search box.

A query can be part of a name, an MRN, a birth date (ISO or the clinic's format) or phone
digits, and the same text may be several of these at once ("1985" could be in an MRN or a
phone number). The parse says what each reading would be; storage turns it into SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from clinic_desktop.domain.patient_rules import fold_name, parse_date_text

_PHONE_CHARS = re.compile(r"^[+\d\s().\-]+$")


@dataclass(frozen=True)
class PatientQuery:
    """A parsed search: each field is one way the text could match a patient."""

    text: str
    name_terms: tuple[str, ...] = ()
    mrn: str = ""
    birth_date: dt.date | None = None
    phone_digits: str = ""

    @property
    def is_empty(self) -> bool:
        """Nothing typed: the list shows the most recently seen patients."""
        return not self.text.strip()

    @property
    def matches_nothing(self) -> bool:
        """Something typed that no patient can match (only punctuation, say)."""
        return not self.is_empty and not (
            self.name_terms or self.mrn or self.birth_date or self.phone_digits
        )


def parse_patient_query(text: str, date_format: str = "yyyy-mm-dd") -> PatientQuery:
    """Parse search-box text into the ways it may match a patient.

    ``date_format`` is the clinic's date format ("dd/mm/yyyy", "mm/dd/yyyy" or ISO);
    ISO dates are always understood too.
    """
    stripped = text.strip()
    if not stripped:
        return PatientQuery(text=text)
    birth_date = parse_date_text(stripped, date_format)
    if birth_date is not None:
        return PatientQuery(text=text, birth_date=birth_date)

    terms = tuple(fold_name(stripped).split())
    mrn = stripped.upper() if " " not in stripped and any(c.isdigit() for c in stripped) else ""
    digits = ""
    if _PHONE_CHARS.match(stripped):
        only_digits = re.sub(r"\D", "", stripped)
        if len(only_digits) >= 3:
            digits = only_digits
    # Names hold no digits: text made only of phone characters is a number, and a word
    # with digits in it ("d0042") is a record number, not part of a name.
    name_terms = () if digits else tuple(t for t in terms if not any(c.isdigit() for c in t))
    return PatientQuery(text=text, name_terms=name_terms, mrn=mrn, phone_digits=digits)
