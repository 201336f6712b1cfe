"""The assessment test battery: what each test code means and how a typed value is checked.

The battery is data (``resources/battery.json``): for every test its region, label, kind,
unit, the values that can be typed, its norm and minimal detectable change (MDC) with their
sources. A clinic can switch shipped tests off, change figures and add its own tests through
a file of the same shape in its data folder, merged over the shipped file. Both are checked
the same way when loaded, so a typo fails at start-up, not in the middle of an evaluation.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any

from clinic_desktop.domain import units
from clinic_desktop.domain.errors import ClinicError, NotFound, ValidationError
from clinic_desktop.domain.resources import resource_path

BATTERY_FILE_NAME = "battery.json"
KINDS = ("rom", "strength", "functional")
UNITS = ("deg", "cm", "N", "grade", "reps", "s", "pass_fail")
MODES = ("active", "passive")
CLINIC_SETTING_SOURCE = "Clinic setting"

_CODE = re.compile(r"[a-z][a-z0-9_]{0,59}")  # measurement.test_code holds 60 characters
_PASS_WORDS = frozenset({"pass", "p", "yes", "y", "1"})
_FAIL_WORDS = frozenset({"fail", "f", "no", "n", "0"})
_UNITS_BY_KIND = {
    "rom": ("deg", "cm"),
    "strength": ("grade", "N"),
    "functional": ("deg", "cm", "reps", "s", "pass_fail"),
}
_FIXED_RANGES = {"grade": (0.0, 10.0), "pass_fail": (0.0, 1.0)}

# Field name -> (shape, required). "note" is text that may be empty; "number?" may be null.
_TEST_FIELDS = {
    "code": ("code", True), "region": ("text", True), "label": ("text", True),
    "kind": ("kind", True), "unit": ("unit", True),
    "valid_min": ("number", True), "valid_max": ("number", True),
    "norm": ("number?", True), "norm_source": ("note", False),
    "norm_unconfirmed": ("flag", False), "norm_note": ("note", False),
    "mdc": ("number?", True), "mdc_between_testers": ("number?", False),
    "mdc_source": ("note", False),
    "higher_is_better": ("flag", True), "bilateral": ("flag", True),
    "modes": ("modes", True), "enabled": ("flag", True), "order": ("whole", True),
    "example": ("number?", False), "note": ("note", False), "sign_convention": ("note", False),
    "side_difference_flag": ("number?", False), "side_difference_flag_source": ("note", False),
    "age_sex_norms": ("age_rows", False), "age_sex_norms_source": ("note", False),
    "checklist": ("checklist", False),
}  # fmt: skip
_REGION_FIELDS = {"code": ("code", True), "label": ("text", True), "order": ("whole", True)}
_THRESHOLD_FIELDS = {"value": ("number", True), "source": ("text", True)}
_AGE_ROW_FIELDS = {
    "age_from_years": ("whole", True), "age_to_years": ("whole", True),
    "male": ("number", True), "female": ("number", True),
}  # fmt: skip
_CHECKLIST_FIELDS = {"code": ("code", True), "label": ("text", True)}
_SHAPES = {
    "code": "a code of lowercase letters, digits and underscores starting with a letter",
    "text": "non-empty text", "note": "text", "number": "a number",
    "number?": "a number or null", "whole": "a whole number", "flag": "true or false",
    "kind": f"one of {', '.join(KINDS)}", "unit": f"one of {', '.join(UNITS)}",
    "modes": f"a list drawn from {', '.join(MODES)}", "age_rows": "a list of age bands",
    "checklist": "a list of checklist items",
}  # fmt: skip
_TOP_LEVEL_FIELDS = (
    "format_version", "about", "sign_convention", "regions", "thresholds", "tests"
)  # fmt: skip
# A clinic may not change what stored values mean: a new meaning needs a new code.
_FIXED_TEST_FIELDS = ("kind", "unit")
# A changed figure without its own source must not keep the shipped source beside it.
_FIGURE_COMPANIONS: dict[str, dict[str, Any]] = {
    "norm": {"norm_source": CLINIC_SETTING_SOURCE, "norm_unconfirmed": False},
    "mdc": {"mdc_source": CLINIC_SETTING_SOURCE, "mdc_between_testers": None},
    "side_difference_flag": {"side_difference_flag_source": CLINIC_SETTING_SOURCE},
    "age_sex_norms": {"age_sex_norms_source": CLINIC_SETTING_SOURCE},
}


class BatteryFileError(ClinicError):
    """A battery file cannot be used; the message names the file and what is wrong."""

    def __init__(self, path: Path, problem: str, *, shipped: bool) -> None:
        if shipped:
            message = f"The test battery shipped with the application ({path}) is damaged: "
        else:
            message = f"The clinic's test battery file {path} cannot be used: "
        super().__init__(message + problem)
        self.path = path
        self.problem = problem


class _Problem(Exception):
    """What is wrong inside a battery document; the loader adds which file."""


@dataclass(frozen=True)
class Region:
    """A body region that groups tests on screen and in reports, shown by ``order``."""

    code: str
    label: str
    order: int


@dataclass(frozen=True)
class Threshold:
    """A clinic decision figure with its source, e.g. symmetry to return to running, in %."""

    code: str
    value: float
    source: str


@dataclass(frozen=True)
class AgeSexNorm:
    """One band of an age- and sex-specific norm table; ages in whole years, inclusive."""

    age_from_years: int
    age_to_years: int
    male: float
    female: float


@dataclass(frozen=True)
class ChecklistItem:
    """Something the therapist ticks while watching a test, e.g. knee valgus in a squat."""

    code: str
    label: str


@dataclass(frozen=True, kw_only=True)
class TestDefinition:
    """What one test code means: unit, typeable range, norm and MDC with their sources.

    ``valid_min``/``valid_max`` are inclusive. ``norm`` is ``None`` where there is none;
    ``norm_unconfirmed`` marks a figure only seen second-hand. ``mdc`` is the change the
    same tester must exceed for it to be real; ``mdc_between_testers`` applies when testers
    differ. Grades are stored as their Kendall 0-10 equivalent, pass/fail as 1/0. A test
    with ``modes`` (range of motion) is recorded per mode; other tests use mode "none".
    """

    __test__ = False  # a clinical test, not a test case for pytest to collect

    code: str
    region: str
    label: str
    kind: str
    unit: str
    valid_min: float
    valid_max: float
    norm: float | None = None
    norm_source: str = ""
    norm_unconfirmed: bool = False
    norm_note: str = ""
    mdc: float | None = None
    mdc_between_testers: float | None = None
    mdc_source: str = ""
    higher_is_better: bool = True
    bilateral: bool = True
    modes: tuple[str, ...] = ()
    enabled: bool = True
    order: int = 0
    example: float | None = None
    note: str = ""
    sign_convention: str = ""
    side_difference_flag: float | None = None
    side_difference_flag_source: str = ""
    age_sex_norms: tuple[AgeSexNorm, ...] = ()
    age_sex_norms_source: str = ""
    checklist: tuple[ChecklistItem, ...] = ()

    @property
    def example_value(self) -> float:
        """A typical value to quote in a hint: the example, else the norm, else mid-range."""
        if self.example is not None:
            return self.example
        if self.norm is not None:
            return self.norm
        return round((self.valid_min + self.valid_max) / 2)

    def validate(self, raw: str | float | None, field: str | None = None) -> float:
        """Return the value to store for what the therapist typed (text or a number).

        Text is read as a plain decimal ("135", "-5", "+5", "12.5"; decimal commas,
        exponents and "nan" are refused). Grade tests read text as a Kendall grade ("4+"
        gives 9.0) but take a number as the 0-10 equivalent already, so stored values
        validate again unchanged. Pass/fail tests take pass/fail, yes/no, 1/0 or a bool and
        give 1.0/0.0. Repetitions must be whole. Raises :class:`ValidationError` on
        ``field`` (default: the test code) with a sentence such as "Knee flexion must be
        between -20 and 170 degrees." or "Knee flexion needs a number, such as 135."
        """
        field_name = field or self.code
        if self.unit == "grade":
            return self._read_grade(raw, field_name)
        if self.unit == "pass_fail":
            return self._read_pass_fail(raw, field_name)
        value = units.read_number(raw)
        example = units.format_number(self.example_value, 2)
        if value is None:
            raise ValidationError(field_name, f"{self.label} needs a number, such as {example}.")
        if self.unit == "reps" and not value.is_integer():
            raise ValidationError(
                field_name, f"{self.label} needs a whole number of repetitions, such as {example}."
            )
        if not self.valid_min <= value <= self.valid_max:
            low, high = (units.format_number(v, 2) for v in (self.valid_min, self.valid_max))
            raise ValidationError(
                field_name,
                f"{self.label} must be between {low} and {high} {units.unit_words(self.unit)}.",
            )
        return value

    def _read_grade(self, raw: object, field_name: str) -> float:
        if isinstance(raw, str):
            return float(units.parse_kendall_grade(raw, field_name))
        value = units.read_number(raw)
        if value is None or not value.is_integer() or not 0 <= value <= 10:
            raise ValidationError(field_name, units.GRADE_HINT)
        return value

    def _read_pass_fail(self, raw: object, field_name: str) -> float:
        if isinstance(raw, bool):
            return 1.0 if raw else 0.0
        if isinstance(raw, int | float) and raw in (0, 1):
            return float(raw)
        word = raw.strip().casefold() if isinstance(raw, str) else None
        if word in _PASS_WORDS or word in _FAIL_WORDS:
            return 1.0 if word in _PASS_WORDS else 0.0
        raise ValidationError(field_name, f"{self.label} needs pass or fail.")


@dataclass(frozen=True)
class Battery:
    """The clinic's battery: regions and tests in display order, and decision thresholds.

    ``tests`` is sorted by region order, then test order, whatever order it was given in.
    """

    regions: tuple[Region, ...]
    tests: tuple[TestDefinition, ...]
    thresholds: Mapping[str, Threshold] = field(default_factory=dict)
    sign_convention: str = ""
    _tests_by_code: Mapping[str, TestDefinition] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        region_order = {region.code: region.order for region in self.regions}
        tests = sorted(
            self.tests, key=lambda t: (region_order.get(t.region, math.inf), t.order, t.code)
        )
        object.__setattr__(self, "regions", tuple(sorted(self.regions, key=lambda r: r.order)))
        object.__setattr__(self, "tests", tuple(tests))
        object.__setattr__(self, "thresholds", MappingProxyType(dict(self.thresholds)))
        object.__setattr__(self, "_tests_by_code", MappingProxyType({t.code: t for t in tests}))

    def __contains__(self, code: object) -> bool:
        return code in self._tests_by_code

    def test(self, code: str) -> TestDefinition:
        """Return the test with ``code``, enabled or not. Raises :class:`NotFound`."""
        try:
            return self._tests_by_code[code]
        except KeyError:
            raise NotFound(f"The test battery has no test with the code '{code}'.") from None

    def enabled_tests(self) -> tuple[TestDefinition, ...]:
        """Return the tests the clinic uses, by region order, then test order."""
        return tuple(test for test in self.tests if test.enabled)

    def tests_in_region(
        self, region_code: str, *, include_disabled: bool = False
    ) -> tuple[TestDefinition, ...]:
        """Return the region's tests in display order; switched-off tests only if asked."""
        return tuple(
            test
            for test in self.tests
            if test.region == region_code and (test.enabled or include_disabled)
        )

    def threshold(self, code: str) -> float:
        """Return a threshold's value: ``threshold("symmetry_running_pct")`` gives 80.0.

        Raises :class:`NotFound` for an unknown threshold.
        """
        try:
            return self.thresholds[code].value
        except KeyError:
            raise NotFound(f"The test battery has no threshold called '{code}'.") from None

    def validate(self, code: str, raw: str | float | None, field: str | None = None) -> float:
        """Return the value to store for ``raw`` typed into test ``code``.

        See :meth:`TestDefinition.validate`. Raises :class:`NotFound` for an unknown code
        and :class:`ValidationError` (on ``field``, default the code) for an unusable value.
        """
        return self.test(code).validate(raw, field)


def load_battery(clinic_file: Path | None = None) -> Battery:
    """Return the shipped battery with the clinic's file, if any, merged over it.

    In the clinic's file (same shape as ``resources/battery.json``, every part optional), a
    test or region whose code is shipped changes only the fields it names (e.g.
    ``{"code": "hip_adduction", "enabled": false}``), except a test's ``kind`` and ``unit``,
    which cannot change; any other code adds a complete test or region. A changed norm, MDC,
    flag or norm table without its own source is credited to "Clinic setting". Thresholds
    are merged by name. A clinic file that does not exist means no changes. Raises
    :class:`BatteryFileError` naming the file and the problem if either file is unreadable
    or inconsistent.
    """
    shipped_path = resource_path(BATTERY_FILE_NAME)
    shipped_document = _read_document(shipped_path, shipped=True)
    try:
        battery = _build_battery(shipped_document)
    except _Problem as problem:
        raise BatteryFileError(shipped_path, str(problem), shipped=True) from None
    if clinic_file is None or not clinic_file.exists():
        return battery
    clinic_document = _read_document(clinic_file, shipped=False)
    try:
        return _build_battery(_merge(shipped_document, clinic_document))
    except _Problem as problem:
        raise BatteryFileError(clinic_file, str(problem), shipped=False) from None


@cache
def shipped_battery() -> Battery:
    """Return the battery as shipped, without clinic changes (read once, then reused)."""
    return load_battery()


def _read_document(path: Path, *, shipped: bool) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except json.JSONDecodeError as exc:
        problem = f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
    except UnicodeDecodeError:
        problem = "it is not UTF-8 text."
    except OSError as exc:
        problem = f"it could not be read ({exc.strerror or exc})."
    raise BatteryFileError(path, problem, shipped=shipped)


def _merge(shipped: dict[str, Any], clinic: Any) -> dict[str, Any]:
    if not isinstance(clinic, dict):
        raise _Problem("the file must hold one JSON object, shaped like the shipped battery.")
    _refuse_unknown(clinic, _TOP_LEVEL_FIELDS, "the file")
    merged = dict(shipped)
    for key in ("format_version", "sign_convention"):
        if key in clinic:
            merged[key] = clinic[key]
    merged["regions"] = _merge_entries(shipped["regions"], clinic.get("regions", []), "regions")
    merged["tests"] = _merge_entries(shipped["tests"], clinic.get("tests", []), "tests")
    thresholds = clinic.get("thresholds", {})
    if not isinstance(thresholds, dict):
        raise _Problem("'thresholds' must be an object of named thresholds.")
    merged["thresholds"] = dict(shipped["thresholds"])
    for code, change in thresholds.items():
        if not isinstance(change, dict):
            raise _Problem(f"threshold '{code}' must be an object with a 'value'.")
        merged["thresholds"][code] = {"source": CLINIC_SETTING_SOURCE} | change
    return merged


def _merge_entries(shipped: list[dict[str, Any]], changes: Any, what: str) -> list[Any]:
    if not isinstance(changes, list):
        raise _Problem(f"'{what}' must be a list.")
    by_code: dict[str, dict[str, Any]] = {entry["code"]: dict(entry) for entry in shipped}
    seen: set[str] = set()
    for change in changes:
        code = change.get("code") if isinstance(change, dict) else None
        if not isinstance(code, str):
            raise _Problem(f"every entry in '{what}' needs a 'code'.")
        if code in seen:
            raise _Problem(f"the code '{code}' appears twice in '{what}'.")
        seen.add(code)
        if code not in by_code:
            by_code[code] = dict(change)
            continue
        current = by_code[code]
        if what == "tests":
            for key in _FIXED_TEST_FIELDS:
                if key in change and change[key] != current[key]:
                    raise _Problem(
                        f"the {key} of the shipped test '{code}' cannot change (measurements "
                        "are stored in it); add a test with a new code instead."
                    )
            for figure, companions in _FIGURE_COMPANIONS.items():
                if figure in change:
                    current.update({k: v for k, v in companions.items() if k not in change})
        current.update(change)
    return list(by_code.values())


def _build_battery(document: Any) -> Battery:
    if not isinstance(document, dict):
        raise _Problem("the file must hold one JSON object.")
    _refuse_unknown(document, _TOP_LEVEL_FIELDS, "the file")
    if document.get("format_version", 1) != 1:
        raise _Problem("only format_version 1 is understood.")
    regions = [Region(**_read(r, _REGION_FIELDS, "a region")) for r in _list(document, "regions")]
    region_codes = _unique([region.code for region in regions], "region")
    tests = [_build_test(entry, region_codes) for entry in _list(document, "tests")]
    _unique([test.code for test in tests], "test")
    raw_thresholds = document.get("thresholds", {})
    if not isinstance(raw_thresholds, dict):
        raise _Problem("'thresholds' must be an object of named thresholds.")
    thresholds = {
        code: Threshold(code, **_read(entry, _THRESHOLD_FIELDS, f"threshold '{code}'"))
        for code, entry in raw_thresholds.items()
    }
    sign_convention = document.get("sign_convention", "")
    sign_convention = _convert(sign_convention, "note", "sign_convention", "the file")
    return Battery(tuple(regions), tuple(tests), thresholds, sign_convention)


def _build_test(entry: Any, region_codes: set[str]) -> TestDefinition:
    code = entry.get("code") if isinstance(entry, dict) else None
    where = f"test '{code}'" if isinstance(code, str) else "a test"
    test = TestDefinition(**_read(entry, _TEST_FIELDS, where))
    low, high = test.valid_min, test.valid_max
    bands = test.age_sex_norms
    rules = [
        (test.region in region_codes, f"the region '{test.region}' is not in 'regions'"),
        (low < high, "valid_min must be below valid_max"),
        (test.unit in _UNITS_BY_KIND[test.kind], f"a {test.kind} test cannot use {test.unit}"),
        (_FIXED_RANGES.get(test.unit, (low, high)) == (low, high),
         f"{test.unit} tests must range from {_FIXED_RANGES.get(test.unit, ())}"),
        (bool(test.modes) == (test.kind == "rom"),
         "range-of-motion tests need modes and other tests must have none"),
        (test.norm is None or low <= test.norm <= high, "the norm is outside the valid range"),
        (test.norm is None or bool(test.norm_source.strip()), "a norm needs its norm_source"),
        (test.mdc is None or test.mdc > 0, "the mdc must be above zero"),
        (test.mdc is None or bool(test.mdc_source.strip()), "an mdc needs its mdc_source"),
        (test.mdc_between_testers is None or test.mdc is not None,
         "mdc_between_testers needs an mdc as well"),
        (test.mdc_between_testers is None or test.mdc_between_testers > 0,
         "mdc_between_testers must be above zero"),
        (test.example is None or low <= test.example <= high, "the example is out of range"),
        (test.side_difference_flag is None or test.side_difference_flag > 0,
         "side_difference_flag must be above zero"),
        (test.side_difference_flag is None or bool(test.side_difference_flag_source.strip()),
         "side_difference_flag needs its side_difference_flag_source"),
        (not bands or bool(test.age_sex_norms_source.strip()),
         "age_sex_norms need their age_sex_norms_source"),
        (all(b.age_from_years <= b.age_to_years for b in bands)
         and all(a.age_to_years < b.age_from_years for a, b in pairwise(bands)),
         "age_sex_norms bands must run from youngest to oldest without overlapping"),
        (all(low <= v <= high for b in bands for v in (b.male, b.female)),
         "an age_sex_norms figure is outside the valid range"),
        (len({item.code for item in test.checklist}) == len(test.checklist),
         "a checklist code is used twice"),
    ]  # fmt: skip
    for holds, problem in rules:
        if not holds:
            raise _Problem(f"{where}: {problem}.")
    return test


def _read(entry: Any, spec: dict[str, tuple[str, bool]], where: str) -> dict[str, Any]:
    """Return the fields of ``spec`` present in ``entry``, converted to their shapes."""
    if not isinstance(entry, dict):
        raise _Problem(f"{where} must be a JSON object, not {entry!r}.")
    _refuse_unknown(entry, spec.keys(), where)
    missing = sorted(key for key, (_, required) in spec.items() if required and key not in entry)
    if missing:
        raise _Problem(f"{where} is missing {', '.join(missing)}.")
    return {
        key: _convert(entry[key], shape, key, where)
        for key, (shape, _) in spec.items()
        if key in entry
    }


def _convert(value: Any, shape: str, key: str, where: str) -> Any:
    is_number = isinstance(value, int | float) and not isinstance(value, bool)
    if shape == "number?" and value is None:
        return None
    if shape in ("number", "number?") and is_number and math.isfinite(value):
        return float(value)
    if shape == "whole" and is_number and isinstance(value, int):
        return value
    if shape in ("text", "note") and isinstance(value, str) and (shape == "note" or value.strip()):
        return value
    if shape == "code" and isinstance(value, str) and _CODE.fullmatch(value):
        return value
    if (shape == "kind" and value in KINDS) or (shape == "unit" and value in UNITS):
        return value
    if shape == "flag" and isinstance(value, bool):
        return value
    if shape == "modes" and isinstance(value, list) and all(m in MODES for m in value):
        return tuple(dict.fromkeys(value))
    if shape == "age_rows" and isinstance(value, list):
        rows = [AgeSexNorm(**_read(row, _AGE_ROW_FIELDS, f"{where} age band")) for row in value]
        return tuple(sorted(rows, key=lambda row: row.age_from_years))
    if shape == "checklist" and isinstance(value, list):
        where = f"{where} checklist item"
        return tuple(ChecklistItem(**_read(item, _CHECKLIST_FIELDS, where)) for item in value)
    raise _Problem(f"{where}: '{key}' must be {_SHAPES[shape]}, not {value!r}.")


def _unique(codes: list[str], what: str) -> set[str]:
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            raise _Problem(f"the {what} code '{code}' is used twice.")
        seen.add(code)
    return seen


def _refuse_unknown(entry: dict[str, Any], known: Any, where: str) -> None:
    unknown = sorted(set(entry) - set(known))
    if unknown:
        raise _Problem(f"{where} has unknown field(s): {', '.join(unknown)}.")


def _list(document: dict[str, Any], key: str) -> list[Any]:
    value = document.get(key)
    if not isinstance(value, list):
        raise _Problem(f"'{key}' must be a list.")
    return value
