"""The exercise library: the shipped exercises for runners plus the clinic's own.

The shipped library lives in ``resources/exercises.json``; a clinic may add exercises in a
JSON file of the same shape in its data folder (``{"exercises": [...]}``), each optionally
with a ``photo`` file name found next to that file. ``load_library`` reads both and checks
them: ids unique and snake_case, every required field present, the dosage within the
clinic's limits, every easier/harder link pointing to an entry. A problem in the clinic's
file raises ``ClinicError`` naming the file and the entry, so the clinic can correct it.

An entry's fields (JSON and ``Exercise`` alike): ``id``, ``name``, ``category`` (a key of
``CATEGORIES``), ``body_region``, ``purpose``, ``starting_position``, ``steps``, ``cues``,
``common_mistakes``, ``dosage`` (see ``dosage.Dosage``), ``dosage_source``, ``easier`` and
``harder`` (lists of ids), ``equipment``, ``pose`` (the stick-figure description drawn by
``reports.figures``; its schema is documented there) and, for the clinic's own, ``photo``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from clinic_desktop.domain.dosage import Dosage, dosage_from_mapping
from clinic_desktop.domain.errors import ClinicError, NotFound, ValidationErrors
from clinic_desktop.domain.patient_rules import fold_name
from clinic_desktop.domain.resources import load_json_resource

__all__ = [
    "CATEGORIES",
    "Dosage",
    "Exercise",
    "Library",
    "category_label",
    "exercise_from_mapping",
    "exercise_to_mapping",
    "load_library",
]

# The library's sections, in the order lists and handouts show them.
CATEGORIES: Mapping[str, str] = MappingProxyType(
    {
        "stretching_mobility": "Stretching and mobility",
        "strength": "Strength",
        "balance": "Balance and control",
        "plyometric": "Hops and jumps",
        "running_drill": "Return-to-run drills",
    }
)

_ID = re.compile(r"[a-z][a-z0-9_]{1,59}")
_PHOTO = re.compile(r"[^/\\]+\.(png|jpe?g)", re.IGNORECASE)
_REQUIRED_TEXT = ("id", "name", "category", "body_region", "purpose", "starting_position")
_REQUIRED_TEXT += ("dosage_source",)
_TEXT_LISTS = ("steps", "cues", "common_mistakes", "equipment", "easier", "harder")
_KNOWN = {*_REQUIRED_TEXT, *_TEXT_LISTS, "dosage", "pose", "photo"}
MAX_STEPS = 10


def category_label(category: str) -> str:
    """Return the plain name of a category id ("strength" -> "Strength")."""
    return CATEGORIES.get(category, category.replace("_", " ").capitalize())


@dataclass(frozen=True)
class Exercise:
    """One library entry, ready for the home-program screen and the handout.

    ``steps``, ``cues`` and ``common_mistakes`` are short sentences for a patient at home.
    ``easier`` and ``harder`` hold ids of other entries. ``pose`` is a read-only nested
    mapping (or ``None``) that ``reports.figures`` draws. ``photo`` is the clinic's picture
    (an absolute path that may no longer exist: check before use); built-ins have none.
    """

    id: str
    name: str
    category: str
    body_region: str
    purpose: str
    starting_position: str
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    common_mistakes: tuple[str, ...]
    dosage: Dosage
    dosage_source: str
    easier: tuple[str, ...] = ()
    harder: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    pose: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)
    photo: Path | None = None
    built_in: bool = True

    @property
    def category_label(self) -> str:
        return category_label(self.category)


# --- reading entries ------------------------------------------------------------------------


class _EntryProblem(Exception):
    pass


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return MappingProxyType({key: _freeze(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    return value


def _text(raw: Mapping[str, Any], key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _EntryProblem(f"'{key}' is missing or empty.")
    return value.strip()


def _text_list(raw: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _EntryProblem(f"'{key}' must be a list of texts.")
    return tuple(v.strip() for v in value)


def _exercise(raw: Any, folder: Path, built_in: bool) -> Exercise:
    if not isinstance(raw, dict):
        raise _EntryProblem("an entry must be an object with named fields.")
    unknown = sorted(set(raw) - _KNOWN)
    if unknown:
        raise _EntryProblem(f"unknown field '{unknown[0]}'.")
    texts = {key: _text(raw, key) for key in _REQUIRED_TEXT}
    if not _ID.fullmatch(texts["id"]):
        raise _EntryProblem(
            "the id must be 2-60 lowercase letters, digits and underscores, starting with a letter."
        )
    if texts["category"] not in CATEGORIES:
        raise _EntryProblem(
            f"the category '{texts['category']}' is not one of: {', '.join(CATEGORIES)}."
        )
    lists = {key: _text_list(raw, key) for key in _TEXT_LISTS}
    if not 1 <= len(lists["steps"]) <= MAX_STEPS:
        raise _EntryProblem(f"'steps' must hold 1 to {MAX_STEPS} steps.")
    if not isinstance(raw.get("dosage"), dict):
        raise _EntryProblem("'dosage' is missing.")
    try:
        dosage = dosage_from_mapping(raw["dosage"])
    except ValidationErrors as errors:
        raise _EntryProblem(f"dosage: {errors.message}") from None
    pose = raw.get("pose")
    if pose is not None and not isinstance(pose, dict):
        raise _EntryProblem("'pose' must be an object or null.")
    photo = raw.get("photo")
    if photo is not None and not (isinstance(photo, str) and _PHOTO.fullmatch(photo)):
        raise _EntryProblem("'photo' must be the name of a .png or .jpg file in the same folder.")
    return Exercise(
        **texts,
        **lists,
        dosage=dosage,
        pose=_freeze(pose) if pose is not None else None,
        photo=folder / photo if photo else None,
        built_in=built_in,
    )


def exercise_from_mapping(raw: Any, photo_folder: Path, built_in: bool = False) -> Exercise:
    """Read one entry of the library's JSON shape (a clinic's own, kept in its database).

    ``photo_folder`` is where the entry's ``photo`` file name is found. Raises
    ``ClinicError`` with a sentence naming the problem. Links are not checked here; a
    ``Library`` checks them when built.
    """
    try:
        return _exercise(raw, photo_folder, built_in)
    except _EntryProblem as problem:
        name = raw.get("name") if isinstance(raw, dict) else None
        raise ClinicError(f"The exercise “{name or '?'}”: {problem}") from None


def exercise_to_mapping(exercise: Exercise) -> dict[str, Any]:
    """Return the entry in the library's JSON shape, the inverse of ``exercise_from_mapping``."""
    raw: dict[str, Any] = {key: getattr(exercise, key) for key in _REQUIRED_TEXT}
    raw.update({key: list(getattr(exercise, key)) for key in _TEXT_LISTS})
    raw["dosage"] = dict(vars(exercise.dosage))
    if exercise.photo is not None:
        raw["photo"] = exercise.photo.name
    return raw


def _read_entries(raw: Any, where: str, folder: Path, built_in: bool) -> list[Exercise]:
    if not isinstance(raw, dict) or not isinstance(raw.get("exercises"), list):
        raise ClinicError(f'{where}: the file must hold {{"exercises": [...]}}.')
    exercises = []
    for index, entry in enumerate(raw["exercises"], start=1):
        try:
            exercises.append(_exercise(entry, folder, built_in))
        except _EntryProblem as problem:
            name = entry.get("id") if isinstance(entry, dict) else None
            label = f"exercise {index}" + (f" ('{name}')" if isinstance(name, str) else "")
            raise ClinicError(f"{where}: {label}: {problem}") from None
    return exercises


def _check_links(exercises: Sequence[Exercise], where: str) -> None:
    seen: set[str] = set()
    for exercise in exercises:
        if exercise.id in seen:
            raise ClinicError(
                f"{where}: the id '{exercise.id}' is used twice; every exercise, shipped "
                "or the clinic's own, needs its own id."
            )
        seen.add(exercise.id)
    for exercise in exercises:
        for link in (*exercise.easier, *exercise.harder):
            if link == exercise.id or link not in seen:
                raise ClinicError(
                    f"{where}: exercise '{exercise.id}' links to '{link}', "
                    "which is not another exercise in the library."
                )


# --- the library ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _SearchKey:
    name: str
    name_words: tuple[str, ...]
    all_words: tuple[str, ...]
    region: str


class Library:
    """The exercises a clinic can prescribe, with lookup and instant search.

    Built with ``load_library``; iteration keeps the shipped order, then the clinic's own.
    ``band_levels`` lists band colours from light to heavy.
    """

    def __init__(
        self,
        exercises: Iterable[Exercise],
        band_levels: Sequence[str] = (),
        band_note: str = "",
    ) -> None:
        self._exercises = tuple(exercises)
        _check_links(self._exercises, "The exercise library")
        self._by_id = {exercise.id: exercise for exercise in self._exercises}
        self.band_levels: tuple[str, ...] = tuple(band_levels)
        self.band_note = band_note
        self._keys = tuple(self._search_key(exercise) for exercise in self._exercises)

    @staticmethod
    def _search_key(exercise: Exercise) -> _SearchKey:
        name = fold_name(exercise.name)
        name_words = tuple(name.split())
        other = " ".join(
            (exercise.body_region, exercise.category, exercise.category_label, *exercise.equipment)
        )
        return _SearchKey(
            name=name,
            name_words=name_words,
            all_words=name_words + tuple(fold_name(other).split()),
            region=fold_name(exercise.body_region),
        )

    def __len__(self) -> int:
        return len(self._exercises)

    def __iter__(self) -> Iterator[Exercise]:
        return iter(self._exercises)

    def __contains__(self, exercise_id: object) -> bool:
        return exercise_id in self._by_id

    def get(self, exercise_id: str) -> Exercise:
        """Return the entry with this id; raises ``NotFound`` if there is none."""
        try:
            return self._by_id[exercise_id]
        except KeyError:
            raise NotFound(f"There is no exercise '{exercise_id}' in the library.") from None

    def easier(self, exercise: Exercise) -> tuple[Exercise, ...]:
        return tuple(self._by_id[link] for link in exercise.easier)

    def harder(self, exercise: Exercise) -> tuple[Exercise, ...]:
        return tuple(self._by_id[link] for link in exercise.harder)

    @property
    def categories(self) -> tuple[str, ...]:
        """Category ids that have entries, in ``CATEGORIES`` order."""
        present = {exercise.category for exercise in self._exercises}
        return tuple(category for category in CATEGORIES if category in present)

    @property
    def regions(self) -> tuple[str, ...]:
        """Body regions that have entries, alphabetically."""
        return tuple(sorted({e.body_region for e in self._exercises}, key=fold_name))

    def next_band_level(self, level: str | None) -> str | None:
        """Return the next heavier band colour, or ``None`` at the heaviest or if unknown."""
        folded = (level or "").strip().lower()
        if folded not in self.band_levels:
            return None
        index = self.band_levels.index(folded)
        return self.band_levels[index + 1] if index + 1 < len(self.band_levels) else None

    def search(
        self, text: str, category: str | None = None, region: str | None = None
    ) -> list[Exercise]:
        """Return entries matching ``text``: names starting with it, then other name
        matches, then entries matched by region, category or equipment.

        Every word typed must begin a word of the name, body region, category or equipment,
        ignoring case and accents ("CÂLF" finds the calf exercises, "band hip" the band
        exercises for the hip). ``category``
        (an id) and ``region`` narrow the result. Blank text returns every entry that the
        filters allow, in library order. Never raises.
        """
        folded = fold_name(text)
        query = folded.split()
        wanted_region = fold_name(region) if region else None
        name_starts: list[Exercise] = []
        by_name: list[Exercise] = []
        by_other: list[Exercise] = []
        for exercise, key in zip(self._exercises, self._keys, strict=True):
            if category and exercise.category != category:
                continue
            if wanted_region and key.region != wanted_region:
                continue
            if query and key.name.startswith(folded):
                name_starts.append(exercise)
            elif _all_begin(query, key.name_words):
                by_name.append(exercise)
            elif _all_begin(query, key.all_words):
                by_other.append(exercise)
        return name_starts + by_name + by_other


def _all_begin(query: Sequence[str], words: Sequence[str]) -> bool:
    return all(any(word.startswith(q) for word in words) for q in query)


# --- loading --------------------------------------------------------------------------------

SHIPPED_FILE = "exercises.json"


@cache
def _shipped() -> tuple[tuple[Exercise, ...], tuple[str, ...], str]:
    raw = load_json_resource(SHIPPED_FILE)
    where = f"The shipped exercise library ({SHIPPED_FILE})"
    exercises = _read_entries(raw, where, Path(), built_in=True)
    _check_links(exercises, where)
    bands = raw.get("band_levels", {})
    return tuple(exercises), tuple(bands.get("order", ())), bands.get("note", "")


def _read_clinic_file(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ClinicError(f"The clinic's exercise file {path} could not be read: {error}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ClinicError(
            f"The clinic's exercise file {path} is not valid JSON "
            f"(line {error.lineno}, column {error.colno}: {error.msg})."
        ) from None


def load_library(clinic_file: Path | None = None) -> Library:
    """Return the shipped exercises followed by the clinic's own from ``clinic_file``.

    A missing ``clinic_file`` (or ``None``) means the clinic has none of its own yet.
    The clinic's entries may link to shipped ones; their ids must not repeat a shipped id.
    Raises ``ClinicError`` naming the file and the entry for anything that is wrong.
    """
    shipped, band_levels, band_note = _shipped()
    exercises = list(shipped)
    if clinic_file is not None and clinic_file.exists():
        where = f"The clinic's exercise file {clinic_file}"
        raw = _read_clinic_file(clinic_file)
        exercises += _read_entries(raw, where, clinic_file.parent, built_in=False)
        _check_links(exercises, where)
    return Library(exercises, band_levels=band_levels, band_note=band_note)
