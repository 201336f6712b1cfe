"""Patient-reported outcome questionnaires: the instruments as data, and their scoring.

Each instrument is one JSON file: shipped ones in ``resources/instruments/``, the clinic's
own (or its corrected copies of shipped ones, same ``id``) in a clinic folder. This module is
the one place that turns item answers into a total and a total change into a verdict.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from clinic_desktop.domain.errors import ClinicError, NotFound, ValidationError
from clinic_desktop.domain.resources import resource_path

SCORING_RULES = ("sum",)
MISSING_ITEM_RULES = ("prorate", "none")


class InstrumentFileError(ClinicError):
    """A questionnaire file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class InstrumentItem:
    """One question; ``anchors`` maps each allowed answer to its label."""

    number: int
    text: str
    anchors: Mapping[int, str]


@dataclass(frozen=True)
class MissingItemRule:
    """How many items may be left blank and still give a total.

    ``rule`` is ``"prorate"`` (up to ``max_missing`` blanks: mean of the answered items
    times the item count, rounded half up) or ``"none"`` (every item must be answered).
    """

    rule: str
    max_missing: int
    description: str
    source: str
    confirmed: bool


@dataclass(frozen=True)
class ReferenceFigure:
    """A published figure (MCID, MDC) with where it comes from."""

    value: float
    source: str
    confirmed: bool


@dataclass(frozen=True)
class Instrument:
    """A questionnaire: its items, answer scale, scoring rules and reference figures.

    ``origin`` is ``"shipped"`` or ``"clinic"``; the clinic's own files are always
    ``editable``. ``wording_to_verify`` means the clinic must
    check the item wording against the licensed form before clinical use.
    """

    id: str
    name: str
    short_name: str
    version: str
    instructions: str
    items: tuple[InstrumentItem, ...]
    answer_min: int
    answer_max: int
    scoring_rule: str
    missing_items: MissingItemRule
    total_min: int
    total_max: int
    higher_is_better: bool
    mcid: ReferenceFigure | None
    mdc: ReferenceFigure | None
    source: str
    licence_note: str
    wording_to_verify: bool
    wording_note: str
    editable: bool
    origin: str

    def item(self, number: int) -> InstrumentItem:
        """Return item ``number``; raises ``ValidationError`` if there is no such item."""
        for item in self.items:
            if item.number == number:
                return item
        raise ValidationError(
            f"{self.id}.items",
            f"{self.short_name} has no item {number}; its items are numbered "
            f"1 to {len(self.items)}.",
        )


# --- reading instrument files --------------------------------------------------------------


def _figure(raw: Mapping[str, Any] | None) -> ReferenceFigure | None:
    if raw is None:
        return None
    return ReferenceFigure(float(raw["value"]), raw["source"], bool(raw["confirmed"]))


def _anchors(raw: Mapping[str, str]) -> Mapping[int, str]:
    return MappingProxyType({int(value): label for value, label in raw.items()})


def _check(instrument: Instrument) -> None:
    scale = set(range(instrument.answer_min, instrument.answer_max + 1))
    numbers = [item.number for item in instrument.items]
    if numbers != list(range(1, len(numbers) + 1)):
        raise ValueError("items must be numbered 1, 2, 3 ... in order")
    for item in instrument.items:
        if set(item.anchors) != scale:
            raise ValueError(f"item {item.number} needs one label for every answer on the scale")
    if instrument.scoring_rule not in SCORING_RULES:
        raise ValueError(f"scoring rule '{instrument.scoring_rule}' is not supported")
    rule = instrument.missing_items
    if rule.rule not in MISSING_ITEM_RULES:
        raise ValueError(f"missing-item rule '{rule.rule}' is not supported")
    if not 0 <= rule.max_missing < len(numbers) or (rule.rule == "none" and rule.max_missing):
        raise ValueError("max_missing must be 0 for rule 'none' and fewer than the items")
    count = len(numbers)
    if (instrument.total_min, instrument.total_max) != (
        count * instrument.answer_min,
        count * instrument.answer_max,
    ):
        raise ValueError("the total range does not match the items and the answer scale")


def instrument_from_data(raw: Mapping[str, Any], origin: str = "shipped") -> Instrument:
    """Build an :class:`Instrument` from the parsed contents of an instrument file.

    Raises ``ValueError`` (or ``KeyError`` for a missing key) when the data is inconsistent:
    items not numbered 1..n, an item without a label for every answer, an unknown scoring or
    missing-item rule, or a total range that does not follow from the items.
    """
    scale = raw["answer_scale"]
    scale_anchors = _anchors(scale["anchors"])
    missing = raw["missing_items"]
    instrument = Instrument(
        id=raw["id"],
        name=raw["name"],
        short_name=raw.get("short_name", raw["name"]),
        version=str(raw["version"]),
        instructions=raw.get("instructions", ""),
        items=tuple(
            InstrumentItem(
                number=int(item["number"]),
                text=item["text"],
                anchors=_anchors(item["anchors"]) if "anchors" in item else scale_anchors,
            )
            for item in raw["items"]
        ),
        answer_min=int(scale["min"]),
        answer_max=int(scale["max"]),
        scoring_rule=raw["scoring"]["rule"],
        missing_items=MissingItemRule(
            rule=missing["rule"],
            max_missing=int(missing["max_missing"]),
            description=missing.get("description", ""),
            source=missing.get("source", ""),
            confirmed=bool(missing.get("confirmed", False)),
        ),
        total_min=int(raw["total_range"]["min"]),
        total_max=int(raw["total_range"]["max"]),
        higher_is_better=bool(raw["higher_is_better"]),
        mcid=_figure(raw.get("mcid")),
        mdc=_figure(raw.get("mdc")),
        source=raw["source"],
        licence_note=raw.get("licence_note", ""),
        wording_to_verify=bool(raw.get("wording_to_verify", True)),
        wording_note=raw.get("wording_note", ""),
        editable=origin == "clinic" or bool(raw.get("editable", False)),
        origin=origin,
    )
    _check(instrument)
    return instrument


def _read_folder(folder: Path, origin: str) -> dict[str, Instrument]:
    found: dict[str, Instrument] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            with path.open(encoding="utf-8") as handle:
                instrument = instrument_from_data(json.load(handle), origin)
        except (OSError, ValueError, KeyError, TypeError) as problem:
            detail = f"missing entry {problem}" if isinstance(problem, KeyError) else problem
            raise InstrumentFileError(
                f"The questionnaire file {path.name} cannot be used: {detail}."
            ) from problem
        if instrument.id in found:
            raise InstrumentFileError(
                f"Two questionnaire files in {folder} use the id '{instrument.id}'."
            )
        found[instrument.id] = instrument
    return found


@cache
def _shipped() -> Mapping[str, Instrument]:
    return MappingProxyType(_read_folder(resource_path("instruments"), "shipped"))


def load_instruments(clinic_dir: Path | None = None) -> dict[str, Instrument]:
    """Return every instrument by id: shipped ones, then those in ``clinic_dir``.

    A clinic file with the id of a shipped instrument replaces it (that is how the clinic
    corrects wording it has checked against the licensed form). A missing ``clinic_dir`` is
    treated as empty. Raises :class:`InstrumentFileError` naming the file when a file cannot
    be read or is inconsistent.
    """
    instruments = dict(_shipped())
    if clinic_dir is not None and clinic_dir.is_dir():
        instruments.update(_read_folder(clinic_dir, "clinic"))
    return instruments


def available_instruments(clinic_dir: Path | None = None) -> list[Instrument]:
    """Return the instruments the clinic can use, shipped first, each group by name."""
    return sorted(
        load_instruments(clinic_dir).values(), key=lambda i: (i.origin != "shipped", i.name)
    )


def load_instrument(instrument_id: str, clinic_dir: Path | None = None) -> Instrument:
    """Return one instrument by id; raises ``NotFound`` if no file defines it."""
    try:
        return load_instruments(clinic_dir)[instrument_id]
    except KeyError:
        raise NotFound(f"There is no questionnaire '{instrument_id}'.") from None


# --- scoring -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OutcomeScore:
    """The result of scoring one completed questionnaire.

    ``total`` is ``None`` when too many items are missing; ``explanation`` always says how
    the total was reached or why there is none, so a figure is never shown without it.
    """

    instrument_id: str
    total: int | None
    answered_count: int
    item_count: int
    missing_items: tuple[int, ...]
    prorated: bool
    explanation: str


def validate_answer(instrument: Instrument, item_number: int, value: object) -> int | None:
    """Return ``value`` if it is an allowed answer to item ``item_number``, or ``None``.

    ``None`` means unanswered. Raises ``ValidationError`` (field ``"<id>.item_<n>"``) with a
    sentence naming the item when the value is not a whole number on the answer scale, and
    when the instrument has no such item.
    """
    item = instrument.item(item_number)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value not in item.anchors:
        raise ValidationError(
            f"{instrument.id}.item_{item_number}",
            f"{instrument.short_name} item {item_number} ({item.text}) needs an answer from "
            f"{instrument.answer_min} to {instrument.answer_max}; {value!r} is not one.",
        )
    return value


def _prorated_total(answered_sum: int, answered_count: int, item_count: int) -> int:
    # mean x item count, rounded half up, in whole numbers so 42.5 never becomes 42.4999
    return (2 * answered_sum * item_count + answered_count) // (2 * answered_count)


def _item_list(numbers: tuple[int, ...]) -> str:
    label = "item" if len(numbers) == 1 else "items"
    return f"{label} {', '.join(str(n) for n in numbers)}"


def score(instrument: Instrument, answers: Mapping[int, int | None]) -> OutcomeScore:
    """Score ``answers`` (item number -> answer, ``None`` or absent for unanswered).

    All items answered: the total is their sum. Some missing: with the ``"prorate"`` rule
    and no more than ``max_missing`` blanks, the total is the mean of the answered items
    times the item count, rounded half up; otherwise there is no total and the explanation
    says why ("Not scored: 6 of 20 items unanswered; at most 4 may be missing.").
    Raises ``ValidationError`` naming the item for an answer outside the scale or an item
    number the instrument does not have.
    """
    given = {number: validate_answer(instrument, number, v) for number, v in answers.items()}
    values = [v for v in given.values() if v is not None]
    count = len(instrument.items)
    missing = tuple(item.number for item in instrument.items if given.get(item.number) is None)
    name, out_of = instrument.short_name, instrument.total_max

    def result(total: int | None, prorated: bool, explanation: str) -> OutcomeScore:
        return OutcomeScore(
            instrument.id, total, len(values), count, missing, prorated, explanation
        )

    if not missing:
        total = sum(values)
        return result(total, False, f"{name} {total} of {out_of}, all {count} items answered.")
    allowed = instrument.missing_items.max_missing
    if instrument.missing_items.rule == "prorate" and len(missing) <= allowed:
        total = _prorated_total(sum(values), len(values), count)
        return result(
            total,
            True,
            f"{name} {total} of {out_of}, prorated: {len(missing)} of {count} items "
            f"unanswered ({_item_list(missing)}), so the mean of the {len(values)} answered "
            f"items was scaled to {count} items.",
        )
    limit = f"at most {allowed} may be missing" if allowed else "every item must be answered"
    return result(
        None,
        False,
        f"Not scored: {len(missing)} of {count} items unanswered; {limit}.",
    )


# --- change between two visits -------------------------------------------------------------


class ChangeVerdict(StrEnum):
    """How a change in total compares with the minimal clinically important difference."""

    IMPROVED = "improved"  # better by at least the MCID
    WITHIN_MCID = "within_mcid"  # smaller than the MCID either way
    WORSE = "worse"  # worse by at least the MCID


@dataclass(frozen=True)
class OutcomeChange:
    """The change from a first to a latest total, judged against the MCID (and MDC).

    ``change`` is latest minus first; ``improvement`` is the same size, positive when the
    patient is better whichever direction the scale runs. ``beyond_mdc`` is ``None`` when
    the instrument has no minimal detectable change on file.
    """

    change: float
    improvement: float
    verdict: ChangeVerdict
    mcid: float
    beyond_mdc: bool | None
    explanation: str


def _points(value: float) -> str:
    text = f"{value:g}"
    return f"{text} point" if text == "1" else f"{text} points"


def change_vs_mcid(
    first_total: float, latest_total: float, instrument: Instrument
) -> OutcomeChange:
    """Judge the change from ``first_total`` to ``latest_total`` against the MCID.

    A change of at least the MCID towards the better end is ``IMPROVED``, at least the MCID
    towards the worse end is ``WORSE``, anything smaller is ``WITHIN_MCID``. Raises
    ``ValueError`` if the instrument has no MCID or a total is outside the total range.
    """
    if instrument.mcid is None:
        raise ValueError(f"{instrument.short_name} has no MCID on file.")
    for total in (first_total, latest_total):
        if not instrument.total_min <= total <= instrument.total_max:
            raise ValueError(
                f"{instrument.short_name} totals run from {instrument.total_min} to "
                f"{instrument.total_max}; {total:g} is outside."
            )
    change = latest_total - first_total
    improvement = change if instrument.higher_is_better else -change
    mcid = instrument.mcid.value
    beyond_mdc = None if instrument.mdc is None else abs(change) >= instrument.mdc.value
    threshold = f"the minimal clinically important difference of {_points(mcid)}"
    if improvement >= mcid:
        verdict = ChangeVerdict.IMPROVED
        sentence = f"Improved by {_points(improvement)}, at least {threshold}."
    elif improvement <= -mcid:
        verdict = ChangeVerdict.WORSE
        sentence = f"Worse by {_points(-improvement)}, at least {threshold}."
    else:
        verdict = ChangeVerdict.WITHIN_MCID
        if improvement == 0:
            sentence = "No change in the total."
        else:
            direction = "Better" if improvement > 0 else "Worse"
            sentence = f"{direction} by {_points(abs(improvement))}, less than {threshold}."
    if not instrument.mcid.confirmed:
        sentence += " The MCID for this questionnaire is unconfirmed."
    return OutcomeChange(change, improvement, verdict, mcid, beyond_mdc, sentence)
