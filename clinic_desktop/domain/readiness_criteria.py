"""The clinic's criteria for starting a walk/run program, as numbered versions.

The defaults are data (``resources/readiness_criteria.json``), each criterion with its
source or "Clinic default". The clinic changes thresholds and chooses which criteria apply;
every change becomes a new version (the service stores it), so a verdict can always name
the version it was judged by. The same settings carry the clinic's weekly distance cap for
the plans it writes (default 10%).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from clinic_desktop.domain import units
from clinic_desktop.domain.battery import Battery
from clinic_desktop.domain.errors import ClinicError, ValidationError, ValidationErrors
from clinic_desktop.domain.resources import load_json_resource

CRITERIA_FILE_NAME = "readiness_criteria.json"
RULES = ("pain", "pass", "symmetry", "symmetry_or_norm")
SYMMETRY_UNITS = frozenset({"N", "reps", "cm", "s", "grade"})
PAIN_RANGE = (0.0, 10.0)
SYMMETRY_RANGE = (50.0, 100.0)
CAP_RANGE = (1.0, 100.0)


class CriteriaDocumentError(ClinicError):
    """A stored or shipped criteria document cannot be read; the sentence says why."""


@dataclass(frozen=True, kw_only=True)
class Criterion:
    """One readiness criterion.

    ``rule`` says how it is judged: ``pain`` (rest pain and pain with hopping at most
    ``max_pain``, 0-10), ``pass`` (the pass/fail test ``test_code`` passed, on each side
    for a two-sided test), ``symmetry`` (limb symmetry index of the first of ``tests``
    measured at least ``min_symmetry_pct``) and ``symmetry_or_norm`` (symmetry, or
    repetitions at the age and sex norm). ``clinic_default`` marks convention rather than
    trial evidence.
    """

    code: str
    label: str
    rule: str
    source: str
    applies: bool = True
    clinic_default: bool = False
    max_pain: float | None = None
    hop_test: str | None = None
    test_code: str | None = None
    tests: tuple[str, ...] = ()
    min_symmetry_pct: float | None = None

    @property
    def has_threshold(self) -> bool:
        return self.rule != "pass"

    @property
    def threshold(self) -> float | None:
        """The figure the clinic may change: the pain limit or the symmetry in %."""
        return self.max_pain if self.rule == "pain" else self.min_symmetry_pct

    @property
    def requirement(self) -> str:
        """What must hold, in words: "at most 2/10", "at least 80% symmetry"."""
        if self.rule == "pain":
            return f"at most {units.format_number(self.max_pain, 1)}/10"
        if self.rule == "pass":
            return "done without a problem"
        pct = units.format_number(self.min_symmetry_pct, 1)
        if self.rule == "symmetry":
            return f"at least {pct}% symmetry"
        return f"at least {pct}% symmetry, or repetitions at the age and sex norm"

    @property
    def title(self) -> str:
        """The criterion as the panel lists it, e.g. "Calf strength symmetry: at least 80%"."""
        if self.rule == "pass":
            return self.label
        if self.rule == "symmetry":
            return f"{self.label}: at least {units.format_number(self.min_symmetry_pct, 1)}%"
        return f"{self.label}: {self.requirement}"


@dataclass(frozen=True)
class ReadinessSettings:
    """One version of the clinic's readiness criteria and its weekly distance cap (%)."""

    version: int
    criteria: tuple[Criterion, ...]
    weekly_cap_percent: float = 10.0
    created_at: dt.datetime | None = None
    created_by: str = ""

    @property
    def applying(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.applies)

    def criterion(self, code: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.code == code:
                return criterion
        raise KeyError(code)


def default_document() -> dict[str, Any]:
    """The shipped default criteria, as stored in a version (``criteria`` and the cap)."""
    shipped = load_json_resource(CRITERIA_FILE_NAME)
    return {"criteria": shipped["criteria"], "weekly_cap_percent": shipped["weekly_cap_percent"]}


def settings_from_document(
    document: Mapping[str, Any],
    version: int,
    battery: Battery | None = None,
    created_at: dt.datetime | None = None,
    created_by: str = "",
) -> ReadinessSettings:
    """Read a stored (or the shipped) criteria document.

    With ``battery`` every test a criterion names must be in it with a unit the rule can
    judge. Raises :class:`CriteriaDocumentError` naming what is wrong.
    """
    try:
        criteria = tuple(_criterion(entry) for entry in document["criteria"])
        cap = float(document.get("weekly_cap_percent", 10))
    except (KeyError, TypeError, ValueError) as problem:
        raise CriteriaDocumentError(
            f"Version {version} of the return-to-run criteria cannot be read ({problem})."
        ) from None
    codes = [c.code for c in criteria]
    if len(set(codes)) != len(codes):
        raise CriteriaDocumentError(f"Version {version} of the criteria repeats a code.")
    if not CAP_RANGE[0] <= cap <= CAP_RANGE[1]:
        raise CriteriaDocumentError(f"Version {version} has a weekly cap of {cap}%.")
    if battery is not None:
        for criterion in criteria:
            _check_tests(criterion, battery)
    return ReadinessSettings(version, criteria, cap, created_at, created_by)


def settings_document(settings: ReadinessSettings) -> dict[str, Any]:
    """The document to store for ``settings`` (the inverse of :func:`settings_from_document`)."""
    criteria = []
    for c in settings.criteria:
        entry: dict[str, Any] = {
            "code": c.code,
            "label": c.label,
            "rule": c.rule,
            "applies": c.applies,
            "source": c.source,
            "clinic_default": c.clinic_default,
        }
        if c.rule == "pain":
            entry |= {"max_pain": c.max_pain, "hop_test": c.hop_test}
        elif c.rule == "pass":
            entry["test_code"] = c.test_code
        else:
            entry |= {"tests": list(c.tests), "min_symmetry_pct": c.min_symmetry_pct}
        criteria.append(entry)
    return {"criteria": criteria, "weekly_cap_percent": settings.weekly_cap_percent}


def revise_settings(
    current: ReadinessSettings,
    *,
    applies: Mapping[str, bool],
    thresholds: Mapping[str, str | float],
    weekly_cap_percent: str | float,
) -> ReadinessSettings:
    """Return the criteria with the clinic's changes, numbered as the next version.

    ``applies`` and ``thresholds`` map criterion codes to the new choice (codes left out
    keep theirs); a threshold is the pain limit (0-10) or the symmetry in % (50-100).
    Raises :class:`ValidationErrors` with a sentence per field (the criterion's code, or
    ``weekly_cap_percent``); nothing changes then. A changed figure keeps its criterion's
    source and adds that the clinic set it.
    """
    errors: list[ValidationError] = []
    revised = []
    for criterion in current.criteria:
        changed = replace(criterion, applies=applies.get(criterion.code, criterion.applies))
        if criterion.code in thresholds and criterion.has_threshold:
            low, high = PAIN_RANGE if criterion.rule == "pain" else SYMMETRY_RANGE
            value = units.read_number(thresholds[criterion.code])
            if value is None or not low <= value <= high:
                what = "pain limit" if criterion.rule == "pain" else "symmetry threshold"
                unit = "out of 10" if criterion.rule == "pain" else "%"
                errors.append(
                    ValidationError(
                        criterion.code,
                        f"The {what} for '{criterion.label}' must be a number from "
                        f"{low:g} to {high:g} {unit}.",
                    )
                )
            elif value != criterion.threshold:
                figure = "max_pain" if criterion.rule == "pain" else "min_symmetry_pct"
                source = criterion.source
                if "clinic setting" not in source.casefold():
                    source = f"{source}; figure changed by the clinic (clinic setting)"
                changed = replace(changed, source=source, **{figure: value})
        revised.append(changed)
    cap = units.read_number(weekly_cap_percent)
    if cap is None or not CAP_RANGE[0] <= cap <= CAP_RANGE[1]:
        errors.append(
            ValidationError(
                "weekly_cap_percent",
                "The weekly distance cap must be a number from 1 to 100 %.",
            )
        )
    if errors:
        raise ValidationErrors(errors)
    return ReadinessSettings(current.version + 1, tuple(revised), cap)


def _criterion(entry: Mapping[str, Any]) -> Criterion:
    rule = entry["rule"]
    if rule not in RULES:
        raise ValueError(f"unknown rule {rule!r}")
    common = {
        "code": str(entry["code"]),
        "label": str(entry["label"]),
        "rule": rule,
        "source": str(entry["source"]),
        "applies": bool(entry.get("applies", True)),
        "clinic_default": bool(entry.get("clinic_default", False)),
    }
    if rule == "pain":
        limit = _figure(entry["max_pain"], PAIN_RANGE, "max_pain")
        return Criterion(**common, max_pain=limit, hop_test=entry.get("hop_test"))
    if rule == "pass":
        return Criterion(**common, test_code=str(entry["test_code"]))
    tests = tuple(str(code) for code in entry["tests"])
    if not tests:
        raise ValueError(f"criterion {common['code']} names no test")
    pct = _figure(entry["min_symmetry_pct"], SYMMETRY_RANGE, "min_symmetry_pct")
    return Criterion(**common, tests=tests, min_symmetry_pct=pct)


def _figure(raw: Any, limits: tuple[float, float], name: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        raise ValueError(f"{name} must be a number")
    if not limits[0] <= raw <= limits[1]:
        raise ValueError(f"{name} {raw} is outside {limits[0]:g}-{limits[1]:g}")
    return float(raw)


def _check_tests(criterion: Criterion, battery: Battery) -> None:
    named = [criterion.test_code] if criterion.rule == "pass" else list(criterion.tests)
    if criterion.rule == "pain" and criterion.hop_test:
        named = [criterion.hop_test]
    for code in named:
        if code not in battery:
            raise CriteriaDocumentError(
                f"The criterion '{criterion.label}' names the test '{code}', which the test "
                "battery does not have."
            )
        unit = battery.test(code).unit
        wanted = {"pass_fail"} if criterion.rule in ("pass", "pain") else SYMMETRY_UNITS
        if unit not in wanted:
            raise CriteriaDocumentError(
                f"The criterion '{criterion.label}' cannot judge the test '{code}' ({unit})."
            )
