"""Running diagnoses offered at intake and their ICD-10-CM codes.

The catalogue lives in ``resources/diagnoses.json``. An episode stores one code and a label;
``code_for_side`` turns a catalogue entry and the side being treated into that code, and
``validate_icd10_code`` checks a code typed by hand for a free-text diagnosis.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from clinic_desktop.domain.errors import NotFound, ValidationError
from clinic_desktop.domain.patient_rules import fold_name
from clinic_desktop.domain.resources import load_json_resource

SIDES = ("left", "right", "both", "none")


@dataclass(frozen=True)
class SeventhCharacterSet:
    """The 7th characters a code family takes (e.g. A/D/S for injuries), with meanings."""

    name: str
    characters: Mapping[str, str]
    source: str
    note: str


@dataclass(frozen=True)
class Diagnosis:
    """One catalogue entry: the clinic's name for a condition and its ICD-10-CM codes.

    ``code_unspecified`` is the code for an unknown side or, when ``has_laterality`` is
    false, the one code the condition has. ``confirmed`` is false when a code was only
    seen second-hand and must be checked before billing.
    """

    id: str
    name: str
    also_known_as: tuple[str, ...]
    body_region: str
    icd10cm_title: str
    has_laterality: bool
    code_right: str | None
    code_left: str | None
    code_bilateral: str | None
    code_unspecified: str
    seventh_characters: SeventhCharacterSet | None
    source: str
    confirmed: bool
    note: str

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code of this entry, without 7th character, right/left/both/unspecified."""
        found = (self.code_right, self.code_left, self.code_bilateral, self.code_unspecified)
        return tuple(dict.fromkeys(code for code in found if code))

    @property
    def needs_seventh_character(self) -> bool:
        return self.seventh_characters is not None


@dataclass(frozen=True)
class SidedCode:
    """The code to record for a diagnosis on a side, and how it was chosen.

    ``laterality`` is ``"right"``, ``"left"``, ``"bilateral"``, ``"unspecified"`` or
    ``"not_applicable"`` (the code has no side). ``separate_side_codes`` holds the right and
    left codes when both sides are affected but ICD-10-CM has no bilateral code: coding
    guidelines then prefer one code per side. ``explanation`` is empty when the code is the
    plain answer, otherwise a sentence to show next to the code.
    """

    code: str
    laterality: str
    separate_side_codes: tuple[str, ...] = ()
    explanation: str = ""


# --- loading -------------------------------------------------------------------------------


def _seventh_character_sets(raw: Mapping[str, dict]) -> dict[str, SeventhCharacterSet]:
    return {
        name: SeventhCharacterSet(
            name=name,
            characters=MappingProxyType(dict(entry["characters"])),
            source=entry["source"],
            note=entry.get("note", ""),
        )
        for name, entry in raw.items()
    }


def _diagnosis(raw: dict, sets: Mapping[str, SeventhCharacterSet]) -> Diagnosis:
    codes = raw["codes"]
    has_laterality = "no_laterality" not in codes
    set_name = raw.get("seventh_character")
    return Diagnosis(
        id=raw["id"],
        name=raw["name"],
        also_known_as=tuple(raw.get("also_known_as", ())),
        body_region=raw["body_region"],
        icd10cm_title=raw["icd10cm_title"],
        has_laterality=has_laterality,
        code_right=codes.get("right"),
        code_left=codes.get("left"),
        code_bilateral=codes.get("bilateral"),
        code_unspecified=codes["unspecified"] if has_laterality else codes["no_laterality"],
        seventh_characters=sets[set_name] if set_name else None,
        source=raw["source"],
        confirmed=bool(raw["confirmed"]),
        note=raw.get("note", ""),
    )


@cache
def load_diagnoses() -> tuple[Diagnosis, ...]:
    """Return the shipped diagnosis catalogue in the order the intake list shows it.

    Raises ``FileNotFoundError`` or ``KeyError`` only if the shipped data is damaged.
    """
    raw = load_json_resource("diagnoses.json")
    sets = _seventh_character_sets(raw["seventh_character_sets"])
    return tuple(_diagnosis(entry, sets) for entry in raw["diagnoses"])


def diagnosis_by_id(diagnosis_id: str) -> Diagnosis:
    """Return the catalogue entry with this id; raises ``NotFound`` if there is none."""
    for diagnosis in load_diagnoses():
        if diagnosis.id == diagnosis_id:
            return diagnosis
    raise NotFound(f"There is no diagnosis '{diagnosis_id}' in the catalogue.")


def _bare_code(code: str) -> str:
    return code.replace(".", "").strip().upper()


def diagnosis_for_code(code: str) -> Diagnosis | None:
    """Return the catalogue entry one of whose codes ``code`` is, or ``None``.

    A 7th character on ``code`` is ignored (``"S76.311D"`` finds the hamstring strain), and
    the dot is optional. Where two entries share a code (tibia and fibula share the
    unspecified M84.369) the first in the catalogue is returned.
    """
    wanted = _bare_code(code)
    for diagnosis in load_diagnoses():
        for own in diagnosis.codes:
            bare = _bare_code(own)
            if wanted == bare or (
                diagnosis.needs_seventh_character
                and len(wanted) == 7
                and wanted[:6] == _pad_with_placeholders(bare)
            ):
                return diagnosis
    return None


# --- search --------------------------------------------------------------------------------

_CODE_LIKE = re.compile(r"[A-Za-z]\d[0-9A-Za-z]?\.?[0-9A-Za-z]{0,4}")


def _search_words(diagnosis: Diagnosis) -> tuple[list[str], list[str]]:
    name_words = fold_name(diagnosis.name).split()
    other_text = " ".join((*diagnosis.also_known_as, diagnosis.icd10cm_title))
    other_words = fold_name(f"{other_text} {diagnosis.body_region}").split()
    return name_words, other_words


def _words_match(query_words: Iterable[str], words: list[str]) -> bool:
    return all(any(word.startswith(q) for word in words) for q in query_words)


def search_diagnoses(text: str) -> list[Diagnosis]:
    """Return the catalogue entries matching ``text``, best matches first.

    ``text`` may be words (every word must begin a word of the name, another name, the
    ICD-10-CM title or the body region, ignoring case and accents: ``"achil"``,
    ``"shin splints"``) or the start of a code with or without the dot (``"M76"``,
    ``"m84.36"``). Entries whose own name matches come before those matched by another
    name. Blank text returns the whole catalogue. Never raises.
    """
    catalogue = load_diagnoses()
    query = text.strip()
    if not query:
        return list(catalogue)
    by_code: list[Diagnosis] = []
    if _CODE_LIKE.fullmatch(query):
        prefix = _bare_code(query)
        by_code = [
            d for d in catalogue if any(_bare_code(code).startswith(prefix) for code in d.codes)
        ]
    query_words = fold_name(query).split()
    by_name: list[Diagnosis] = []
    by_other: list[Diagnosis] = []
    for diagnosis in catalogue:
        if diagnosis in by_code or not query_words:
            continue
        name_words, other_words = _search_words(diagnosis)
        if _words_match(query_words, name_words):
            by_name.append(diagnosis)
        elif _words_match(query_words, name_words + other_words):
            by_other.append(diagnosis)
    return by_code + by_name + by_other


# --- codes ---------------------------------------------------------------------------------


def _pad_with_placeholders(bare_code: str) -> str:
    # A 7th character always sits in position 7; shorter codes are filled with X first.
    return bare_code.ljust(6, "X")


def _with_seventh_character(diagnosis: Diagnosis, code: str, seventh: str | None) -> str:
    character_set = diagnosis.seventh_characters
    if character_set is None:
        if seventh:
            raise ValidationError(
                "diagnosis_code",
                f"{diagnosis.name} ({code}) takes no 7th character; leave it empty.",
            )
        return code
    choices = ", ".join(f"{key} {meaning}" for key, meaning in character_set.characters.items())
    if not seventh:
        raise ValidationError(
            "diagnosis_code",
            f"Choose the 7th character for {diagnosis.name} ({code}-): {choices}.",
        )
    seventh = seventh.strip().upper()
    if seventh not in character_set.characters:
        raise ValidationError(
            "diagnosis_code",
            f"'{seventh}' is not a 7th character for {diagnosis.name}; choose {choices}.",
        )
    padded = _pad_with_placeholders(_bare_code(code))
    return f"{padded[:3]}.{padded[3:]}{seventh}"


def code_for_side(
    diagnosis: Diagnosis, side: str, seventh_character: str | None = None
) -> SidedCode:
    """Return the ICD-10-CM code for ``diagnosis`` on ``side``.

    ``side`` is ``"left"``, ``"right"``, ``"both"`` or ``"none"`` (side not known or not
    relevant). For ``"both"`` the bilateral code is used when ICD-10-CM has one (knee
    osteoarthritis: M17.0); otherwise the unspecified-side code is returned, with the right
    and left codes in ``separate_side_codes`` and an explanation saying so. A condition
    without laterality (plantar heel pain, M72.2) returns its one code for every side.

    Codes that need a 7th character (strains, stress fractures) take it from
    ``seventh_character`` (e.g. ``"A"``, ``"D"``, ``"S"``), adding X placeholders where the
    code is shorter than six characters.

    Raises ``ValueError`` for a side that is not one of ``SIDES``, and
    ``ValidationError("diagnosis_code", ...)`` when a needed 7th character is missing or not
    one the code takes, or one is given for a code that takes none.
    """
    if side not in SIDES:
        raise ValueError(f"Unknown side {side!r}; expected one of {', '.join(SIDES)}.")

    def finish(code: str, laterality: str, others: tuple[str, ...] = (), why: str = ""):
        others = tuple(_with_seventh_character(diagnosis, c, seventh_character) for c in others)
        return SidedCode(
            _with_seventh_character(diagnosis, code, seventh_character), laterality, others, why
        )

    if not diagnosis.has_laterality:
        why = "" if side == "none" else f"{diagnosis.code_unspecified} has no side in ICD-10-CM."
        return finish(diagnosis.code_unspecified, "not_applicable", why=why)
    if side == "right" and diagnosis.code_right:
        return finish(diagnosis.code_right, "right")
    if side == "left" and diagnosis.code_left:
        return finish(diagnosis.code_left, "left")
    if side == "both":
        if diagnosis.code_bilateral:
            return finish(diagnosis.code_bilateral, "bilateral")
        pair = tuple(c for c in (diagnosis.code_right, diagnosis.code_left) if c)
        return finish(
            diagnosis.code_unspecified,
            "unspecified",
            pair,
            f"ICD-10-CM has no code for {diagnosis.name.lower()} on both sides; the "
            "unspecified-side code is used. Coding guidelines prefer one code per side: "
            + " and ".join(pair)
            + ".",
        )
    return finish(diagnosis.code_unspecified, "unspecified")


_ICD10_SHAPE = re.compile(r"([A-Z]\d[0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?")


def validate_icd10_code(text: str) -> str:
    """Return a hand-typed ICD-10 code tidied up: upper case, dot after the third character.

    Checks the shape only, not that the code exists: a letter, a digit, a digit or letter
    (most codes have two digits; a few categories such as M1A end in a letter), then
    optionally a dot and up to four letters or digits, placeholder X included
    (``"m22.2x1"`` gives ``"M22.2X1"``, ``"S76311A"`` gives ``"S76.311A"``).
    Raises ``ValidationError("diagnosis_code", ...)`` with a sentence when the shape is wrong.
    """
    typed = text.strip().upper()
    if not typed:
        raise ValidationError("diagnosis_code", "Enter an ICD-10 code, for example M76.61.")
    match = _ICD10_SHAPE.fullmatch(typed)
    if match is None:
        raise ValidationError(
            "diagnosis_code",
            f"'{text.strip()}' is not shaped like an ICD-10 code: a letter, two digits, then "
            "optionally a dot and up to four letters or digits, for example M76.61 or "
            "S76.311A.",
        )
    category, rest = match.groups()
    return f"{category}.{rest}" if rest else category
