"""The history taken at intake: pain scores, where it hurts, and the runner's background.

Pain now/best/worst belongs to the initial visit (each visit records its own pain); the
rest belongs to the episode. Body regions are a fixed list so reports and charts can group
them; the side says which leg, or "central" for the spine.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.intake_fields import FieldCollector, bounded_text, read_whole

BODY_REGIONS = {
    "lower_back": "Lower back",
    "buttock": "Buttock",
    "hip_lateral": "Outer hip",
    "groin": "Groin / front of hip",
    "thigh_front": "Front of thigh",
    "thigh_back": "Back of thigh (hamstring)",
    "thigh_lateral": "Outer thigh (IT band)",
    "knee_front": "Front of knee",
    "knee_lateral": "Outer knee",
    "knee_medial": "Inner knee",
    "knee_back": "Back of knee",
    "shin": "Shin",
    "calf": "Calf",
    "achilles": "Achilles tendon",
    "ankle": "Ankle",
    "heel": "Heel",
    "arch": "Arch of the foot",
    "forefoot": "Forefoot / toes",
}
LOCATION_SIDES = {"left": "Left", "right": "Right", "both": "Both", "central": "Central"}
TEXT_LIMIT = 2000

HISTORY_TEXT_FIELDS = {
    "aggravating": "The aggravating activities",
    "easing": "The easing activities",
    "pattern_24h": "The 24-hour pattern",
    "previous_injuries": "The previous running injuries",
    "medical_history": "The medical history",
    "medications": "The medications",
    "imaging": "The imaging",
}


@dataclass(frozen=True)
class PainLocation:
    region: str
    side: str

    @property
    def label(self) -> str:
        region = BODY_REGIONS.get(self.region, self.region)
        if self.side == "central":
            return f"{region} (central)"
        return f"{LOCATION_SIDES.get(self.side, self.side)} {region[0].lower()}{region[1:]}"


def check_pain_location(region: str, side: str) -> PainLocation:
    """Return a location if both the region and the side are known choices.

    Raises ``ValidationError`` on ``"pain_region"`` or ``"pain_side"`` otherwise.
    """
    if region not in BODY_REGIONS:
        raise ValidationError("pain_region", "Choose the body region where it hurts.")
    if side not in LOCATION_SIDES:
        raise ValidationError("pain_side", "Choose the side: left, right, both or central.")
    return PainLocation(region, side)


@dataclass(frozen=True)
class HistoryForm:
    """The history fields as typed; pain scores are text until checked."""

    pain_now: str = ""
    pain_best: str = ""
    pain_worst: str = ""
    pain_locations: tuple[PainLocation, ...] = ()
    aggravating: str = ""
    easing: str = ""
    pattern_24h: str = ""
    previous_injuries: str = ""
    medical_history: str = ""
    medications: str = ""
    imaging: str = ""


@dataclass(frozen=True)
class ClinicalHistory:
    """The history as stored. ``version`` is the history row's, ``visit_version`` the
    initial visit's (which holds the pain scores); 0 means not saved yet."""

    pain_now: int | None
    pain_best: int | None
    pain_worst: int | None
    pain_locations: tuple[PainLocation, ...] = ()
    aggravating: str = ""
    easing: str = ""
    pattern_24h: str = ""
    previous_injuries: str = ""
    medical_history: str = ""
    medications: str = ""
    imaging: str = ""
    version: int = 0
    visit_version: int = 0


def check_history(form: HistoryForm, episode_kind: str = "injury") -> ClinicalHistory:
    """Return the history in ``form`` checked.

    Pain scores are whole numbers 0-10, with best <= now <= worst where given; an injury
    needs at least one pain location; free text has a length limit. Raises
    ``ValidationErrors`` naming every field that fails.
    """
    fields = FieldCollector()
    read = fields.read
    now = read("pain_now", lambda: read_whole(form.pain_now, "pain_now", "Pain now", 0, 10))
    best = read("pain_best", lambda: read_whole(form.pain_best, "pain_best", "Best pain", 0, 10))
    worst = read(
        "pain_worst", lambda: read_whole(form.pain_worst, "pain_worst", "Worst pain", 0, 10)
    )
    if best is not None and worst is not None and best > worst:
        fields.fail("pain_best", f"Best pain ({best}) cannot be higher than the worst ({worst}).")
    elif best is not None and now is not None and best > now:
        fields.fail("pain_best", f"Best pain ({best}) cannot be higher than pain now ({now}).")
    if now is not None and worst is not None and now > worst:
        fields.fail("pain_worst", f"Worst pain ({worst}) cannot be lower than pain now ({now}).")
    if episode_kind == "injury" and not form.pain_locations:
        fields.fail(
            "pain_locations", "Add at least one pain location: choose the region and the side."
        )
    for name, what in HISTORY_TEXT_FIELDS.items():
        read(
            name,
            lambda name=name, what=what: bounded_text(getattr(form, name), name, what, TEXT_LIMIT),
        )
    fields.finish()
    values = fields.values
    return ClinicalHistory(
        pain_now=now,
        pain_best=best,
        pain_worst=worst,
        pain_locations=tuple(dict.fromkeys(form.pain_locations)),
        **{name: values[name] for name in HISTORY_TEXT_FIELDS},
    )


def locations_to_json(locations: tuple[PainLocation, ...]) -> str:
    return json.dumps([{"region": p.region, "side": p.side} for p in locations])


def locations_from_json(text: str) -> tuple[PainLocation, ...]:
    """Read stored locations; entries that are not a region and side are skipped."""
    try:
        raw = json.loads(text or "[]")
    except ValueError:
        return ()
    return tuple(
        PainLocation(str(entry["region"]), str(entry["side"]))
        for entry in raw
        if isinstance(entry, dict) and "region" in entry and "side" in entry
    )
