"""Walk/run programs and the running-log advice, as data the clinic can extend.

``resources/run_programs.json`` holds the standard progression (Trials 2023) with its
rules and the progression after its last phase (distance before intensity, the weekly cap
and the evidence for it). ``resources/run_advice.json`` holds what the running log says
when a run breaks a rule. A clinic adds programs, and rewords advice, with files of the
same shape in its data folder; both are checked when read, so a typo is reported with the
file's name instead of showing up in a plan.
"""

from __future__ import annotations

import json
import math
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from clinic_desktop.domain import units
from clinic_desktop.domain.errors import ClinicError, NotFound
from clinic_desktop.domain.resources import resource_path

PROGRAMS_FILE_NAME = "run_programs.json"
ADVICE_FILE_NAME = "run_advice.json"
ADVICE_CODES = (
    "pain_during",
    "pain_next_morning",
    "weekly_distance",
    "intervals_before_distance",
    "pace_before_distance",
)
ADVICE_PLACEHOLDERS = frozenset({"limit", "baseline", "cap", "percent", "phase"})


class RunProgramFileError(ClinicError):
    """A program or advice file cannot be used; the sentence names the file and the problem."""


@dataclass(frozen=True)
class Phase:
    """One phase: walk and run minutes per cycle (none when running continuously), the
    distance of one session in km and in miles, and the effort (RPE 0-10) if given."""

    number: int
    walk_min: float | None
    run_min: float | None
    distance_km: float
    distance_mi: float
    effort_rpe: float | None = None

    @property
    def continuous(self) -> bool:
        return self.walk_min is None

    @property
    def run_share(self) -> float:
        """The share of each cycle spent running: 0.6 for walk 2 / run 3, 1 when continuous."""
        if self.continuous:
            return 1.0
        return self.run_min / (self.walk_min + self.run_min)

    @property
    def intervals_code(self) -> str:
        """How a run log writes these intervals: ``"2/3"`` or ``"continuous"``."""
        if self.continuous:
            return "continuous"
        return f"{units.format_number(self.walk_min, 1)}/{units.format_number(self.run_min, 1)}"

    @property
    def intervals_text(self) -> str:
        if self.continuous:
            return "Run without walking breaks"
        walk, run = (units.format_number(v, 1) for v in (self.walk_min, self.run_min))
        return f"Walk {walk} min, run {run} min"


@dataclass(frozen=True)
class PlanRules:
    """The rules a walk/run program is followed by (pain on the 0-10 scale)."""

    rest_days_between_runs: int = 1
    repeats_per_phase: int = 2
    pain_during_max: float = 3.0
    rules_source: str = ""
    pain_during_note: str = ""


@dataclass(frozen=True)
class Progression:
    """What follows the last phase: distance before intensity, within a weekly cap (%)."""

    rule: str
    rule_source: str
    weekly_cap_percent_default: float
    weekly_cap_evidence: tuple[str, ...]
    pace_tolerance_percent: float
    pace_tolerance_source: str


@dataclass(frozen=True)
class RunTemplate:
    """A walk/run program; ``clinic_own`` when it comes from the clinic's file."""

    code: str
    label: str
    source: str
    phases: tuple[Phase, ...]
    rules: PlanRules
    clinic_own: bool = False

    def phase(self, number: int) -> Phase:
        for phase in self.phases:
            if phase.number == number:
                return phase
        raise NotFound(f"The program '{self.label}' has no phase {number}.")


@dataclass(frozen=True)
class RunPrograms:
    templates: tuple[RunTemplate, ...]
    progression: Progression

    def template(self, code: str) -> RunTemplate:
        for template in self.templates:
            if template.code == code:
                return template
        raise NotFound(f"There is no walk/run program '{code}'.")


def load_run_programs(clinic_file: Path | None = None) -> RunPrograms:
    """The shipped programs, with the clinic's own (same code replaces) added after them.

    The clinic's file may also change the ``progression`` figures it names. A missing file
    means no changes. Raises :class:`RunProgramFileError` naming the file and the problem.
    """
    shipped_path = resource_path(PROGRAMS_FILE_NAME)
    shipped = _read(shipped_path)
    documents = [(shipped_path, shipped, False)]
    progression = dict(shipped.get("progression", {}))
    if clinic_file is not None and clinic_file.exists():
        clinic = _read(clinic_file)
        documents.append((clinic_file, clinic, True))
        if isinstance(clinic, dict):
            progression |= clinic.get("progression", {})
    templates: dict[str, RunTemplate] = {}
    for path, document, own in documents:
        try:
            for entry in document.get("templates", []):
                template = _template(entry, own)
                templates[template.code] = template
        except (AttributeError, KeyError, TypeError, ValueError) as problem:
            raise RunProgramFileError(
                f"The walk/run program file {path} cannot be used: {problem}."
            ) from None
    try:
        read = Progression(
            rule=str(progression["rule"]),
            rule_source=str(progression["rule_source"]),
            weekly_cap_percent_default=_number(progression["weekly_cap_percent_default"]),
            weekly_cap_evidence=tuple(str(line) for line in progression["weekly_cap_evidence"]),
            pace_tolerance_percent=_number(progression["pace_tolerance_percent"]),
            pace_tolerance_source=str(progression.get("pace_tolerance_source", "")),
        )
    except (KeyError, TypeError, ValueError) as problem:
        where = clinic_file if clinic_file is not None else shipped_path
        raise RunProgramFileError(
            f"The progression rules in {where} cannot be used: {problem}."
        ) from None
    return RunPrograms(tuple(templates.values()), read)


@dataclass(frozen=True)
class AdviceBook:
    """The clinic's advice line for each kind of breach."""

    lines: Mapping[str, str]

    def line(self, code: str, **figures: str) -> str:
        """The advice for ``code`` with its figures filled in (a missing figure reads "?")."""
        values = {name: figures.get(name, "?") for name in ADVICE_PLACEHOLDERS}
        return self.lines[code].format_map(values)


def load_advice(clinic_file: Path | None = None) -> AdviceBook:
    """The shipped advice lines with the clinic's rewording (only the lines it names).

    Raises :class:`RunProgramFileError` for an unknown breach code or a placeholder other
    than {limit}, {baseline}, {cap}, {percent} and {phase}.
    """
    lines: dict[str, str] = {}
    files = [resource_path(ADVICE_FILE_NAME)]
    if clinic_file is not None and clinic_file.exists():
        files.append(clinic_file)
    for path in files:
        document = _read(path)
        advice = document.get("advice") if isinstance(document, dict) else None
        if not isinstance(advice, dict):
            raise RunProgramFileError(f"The advice file {path} needs an 'advice' object.")
        for code, text in advice.items():
            problem = _advice_problem(code, text)
            if problem:
                raise RunProgramFileError(f"The advice file {path} cannot be used: {problem}")
            lines[code] = text.strip()
    missing = [code for code in ADVICE_CODES if code not in lines]
    if missing:
        raise RunProgramFileError(f"The advice lines for {', '.join(missing)} are missing.")
    return AdviceBook(MappingProxyType(lines))


def _advice_problem(code: str, text: Any) -> str:
    if code not in ADVICE_CODES:
        return f"'{code}' is not a kind of breach ({', '.join(ADVICE_CODES)})."
    if not isinstance(text, str) or not text.strip():
        return f"the advice for '{code}' must be a sentence."
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError as error:
        return f"the advice for '{code}' has an unmatched brace ({error})."
    unknown = sorted(names - ADVICE_PLACEHOLDERS)
    if unknown:
        return f"the advice for '{code}' uses {{{unknown[0]}}}, which is not a known figure."
    return ""


def _read(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except json.JSONDecodeError as exc:
        problem = f"it is not valid JSON (line {exc.lineno}, column {exc.colno})"
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"it could not be read ({exc})"
    raise RunProgramFileError(f"The file {path} cannot be used: {problem}.")


def _number(raw: Any, *, allow_none: bool = False) -> float | None:
    if raw is None and allow_none:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        raise ValueError(f"{raw!r} is not a number")
    return float(raw)


def _template(entry: dict[str, Any], own: bool) -> RunTemplate:
    code = entry["code"]
    phases = []
    for raw in entry["phases"]:
        if "distance_mi" in raw:
            miles = _number(raw["distance_mi"])
            km = units.convert_distance(miles, "mi", "km")
        else:
            km = _number(raw["distance_km"])
            miles = units.convert_distance(km, "km", "mi")
        continuous = bool(raw.get("continuous", False))
        walk = None if continuous else _number(raw["walk_min"])
        run = None if continuous else _number(raw["run_min"])
        if km <= 0 or (not continuous and (walk < 0 or run <= 0)):
            raise ValueError(f"program '{code}' phase {raw.get('phase')} has impossible figures")
        effort = _number(raw.get("effort_rpe"), allow_none=True)
        phases.append(Phase(int(raw["phase"]), walk, run, km, miles, effort))
    numbers = [p.number for p in phases]
    if not phases or numbers != sorted(set(numbers)):
        raise ValueError(f"program '{code}' needs phases numbered in order, each once")
    rules = entry.get("rules", {})
    read_rules = PlanRules(
        rest_days_between_runs=int(rules.get("rest_days_between_runs", 1)),
        repeats_per_phase=int(rules.get("repeats_per_phase", 2)),
        pain_during_max=_number(rules.get("pain_during_max", 3)),
        rules_source=str(rules.get("rules_source", entry["source"])),
        pain_during_note=str(rules.get("pain_during_note", "")),
    )
    if not (0 <= read_rules.rest_days_between_runs <= 3 and read_rules.repeats_per_phase >= 1):
        raise ValueError(f"program '{code}' has impossible rules")
    return RunTemplate(
        str(code), str(entry["label"]), str(entry["source"]), tuple(phases), read_rules, own
    )
