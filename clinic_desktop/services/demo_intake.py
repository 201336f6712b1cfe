"""The demo clinic's intake records: a history and a red-flag screen for every episode.

Drawn from a generator of its own, so adding them leaves the rest of the demo clinic
exactly as it was. One patient in care has a positive red flag that no therapist has
acknowledged yet, so the alert on the patient header can be seen and tried.
"""

from __future__ import annotations

import random

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_desktop.domain.clinical_history import PainLocation, locations_to_json
from clinic_desktop.domain.diagnoses import diagnosis_for_code
from clinic_desktop.domain.red_flags import load_red_flags
from clinic_desktop.storage.models import (
    ClinicalHistoryRow,
    EpisodeRow,
    PatientRow,
    RedFlagAnswerRow,
    VisitRow,
)

SEED = 20261127

# Diagnosis id -> where it hurts, what brings it on, what eases it.
PICTURES = {
    "patellofemoral_pain": (
        ("knee_front",),
        "Stairs down, squatting, sitting through a film, downhill running",
        "Walking on the flat, a short rest",
    ),
    "it_band_syndrome": (
        ("knee_lateral", "thigh_lateral"),
        "Downhill and cambered roads; comes on at a set distance into a run",
        "Stopping the run; pain gone within an hour",
    ),
    "achilles_tendinopathy": (
        ("achilles",),
        "First steps in the morning, hills, speed work, flat shoes",
        "Warming up; eases after 10 minutes of running, worse the next morning",
    ),
    "plantar_fasciitis": (
        ("heel", "arch"),
        "First steps out of bed and after sitting; long standing at work",
        "Walking it off, a frozen bottle under the arch",
    ),
    "medial_tibial_stress_syndrome": (
        ("shin",),
        "Running on hard surfaces, hopping, the first mile of a run",
        "Rest days; soft surfaces",
    ),
    "hamstring_strain": (
        ("thigh_back",),
        "Sprinting, long strides, bending to tie shoes",
        "Gentle walking, heat",
    ),
    "stress_fracture_tibia": (
        ("shin",),
        "Every run, now also walking fast and hopping",
        "Rest only",
    ),
    "greater_trochanteric_pain": (
        ("hip_lateral",),
        "Lying on that side at night, stairs up, standing on one leg",
        "A pillow between the knees, avoiding crossing the legs",
    ),
}
PATTERNS = (
    "Stiff for the first steps in the morning, better by mid-morning, aches after runs.",
    "Fine at rest; builds during runs and settles the same evening.",
    "Worst in the evening after a day on the feet; no night pain.",
)
PREVIOUS = (
    "None before this.",
    "Shin pain two years ago, settled with rest.",
    "Ankle sprain on the same side in 2023; Achilles niggles last autumn.",
)
MEDICAL = ("Nothing of note.", "Mild asthma.", "Hypothyroidism, well controlled.")
MEDICATIONS = ("None.", "Salbutamol inhaler when needed.", "Levothyroxine 50 mcg daily.")
IMAGING = ("None.", "None; not needed so far.", "Ultrasound three weeks ago: no tear.")
BONE_IMAGING = "MRI two weeks ago: bone stress reaction of the posteromedial tibia."
# The one positive flag of the demo, and what the runner said.
POSITIVE_FLAG = (
    "focal_bone_tenderness",
    "Pinpoint tenderness on the inner shin, a hand's width above the ankle.",
)


def add_intake_records(session: Session) -> None:
    """Give every episode a history and a red-flag screen (all "no" but one patient's)."""
    rng = random.Random(SEED)
    rows = session.execute(
        select(EpisodeRow, PatientRow.mrn)
        .join(PatientRow, PatientRow.id == EpisodeRow.patient_id)
        .order_by(PatientRow.mrn, EpisodeRow.id)
    ).all()
    flagged = _flagged_episode([(episode, mrn) for episode, mrn in rows])
    for episode, _mrn in rows:
        visit = session.scalar(
            select(VisitRow)
            .where(VisitRow.episode_id == episode.id, VisitRow.kind == "initial")
            .limit(1)
        )
        therapist = visit.therapist_id if visit is not None else None
        session.add(_history(episode, rng))
        for flag in load_red_flags():
            positive = episode.id == flagged and flag.code == POSITIVE_FLAG[0]
            session.add(
                RedFlagAnswerRow(
                    episode_id=episode.id,
                    code=flag.code,
                    answer=positive,
                    note=POSITIVE_FLAG[1] if positive else "",
                    recorded_by=therapist,
                )
            )


def _flagged_episode(rows: list[tuple[EpisodeRow, str]]) -> int | None:
    """The first episode in care with a bone-stress picture (the showcase patient aside)."""
    in_care = [e for e, mrn in rows if e.status == "active" and mrn != "D0001"]
    for episode in in_care:
        diagnosis = diagnosis_for_code(episode.diagnosis_code) if episode.diagnosis_code else None
        if diagnosis is not None and diagnosis.id in (
            "stress_fracture_tibia",
            "medial_tibial_stress_syndrome",
        ):
            return episode.id
    return in_care[0].id if in_care else None


def _history(episode: EpisodeRow, rng: random.Random) -> ClinicalHistoryRow:
    diagnosis = diagnosis_for_code(episode.diagnosis_code) if episode.diagnosis_code else None
    picture = PICTURES.get(diagnosis.id) if diagnosis is not None else None
    side = {"left": "left", "right": "right", "both": "both"}.get(episode.side, "central")
    if picture is None:  # performance/prevention: nothing hurts
        regions, aggravating, easing = (), "", ""
    else:
        regions, aggravating, easing = picture
    background = rng.randrange(len(MEDICAL))  # a condition goes with its medicine
    return ClinicalHistoryRow(
        episode_id=episode.id,
        pain_locations=locations_to_json(tuple(PainLocation(r, side) for r in regions)),
        aggravating=aggravating,
        easing=easing,
        pattern_24h=rng.choice(PATTERNS) if picture else "",
        previous_injuries=rng.choice(PREVIOUS),
        medical_history=MEDICAL[background],
        medications=MEDICATIONS[background],
        imaging=_imaging(diagnosis.id if diagnosis else "", rng),
    )


def _imaging(diagnosis_id: str, rng: random.Random) -> str:
    if diagnosis_id == "stress_fracture_tibia":
        return BONE_IMAGING
    return rng.choice(IMAGING) if diagnosis_id else "None."
