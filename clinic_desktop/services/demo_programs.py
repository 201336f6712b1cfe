"""Home programs for the demo clinic, versioned at visits like a real course of care.

``D0001`` (right patellofemoral pain) gets three versions: a gentle start at the initial
evaluation, a progression at the re-evaluation, and a twelve-exercise self-management
program at discharge, with band colours moving up. Every third other patient gets a
program for their diagnosis at the first visit and, after a few visits, a harder one. No
random numbers: the same demo clinic always has the same programs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from clinic_desktop.domain.diagnoses import diagnosis_by_id
from clinic_desktop.domain.dosage import Dosage
from clinic_desktop.domain.exercises import Library, load_library
from clinic_desktop.storage.models import (
    EpisodeRow,
    HomeProgramRow,
    PatientRow,
    ProgramItemRow,
    VisitRow,
)

# (exercise id, changes to its default dosage)
Plan = tuple[tuple[str, dict], ...]

SHOWCASE: tuple[tuple[int, Plan], ...] = (
    (0, (
        ("quadriceps_stretch_standing", {}),
        ("calf_stretch_straight_knee", {}),
        ("bridge", {"sets": 2}),
        ("clamshell_band", {"band_level": "yellow"}),
        ("side_lying_hip_abduction", {"sets": 2}),
        ("wall_sit", {"hold_s": 20}),
    )),
    (4, (
        ("quadriceps_stretch_standing", {}),
        ("hip_flexor_stretch_half_kneeling", {}),
        ("calf_stretch_straight_knee", {}),
        ("clamshell_band", {"band_level": "red"}),
        ("monster_walk_band", {"band_level": "red"}),
        ("single_leg_bridge", {}),
        ("step_down_forward", {"note": "Use a low step (10 cm) until it is pain-free"}),
        ("split_squat", {}),
        ("single_leg_balance", {}),
        ("dead_bug", {}),
    )),
    (8, (
        ("quadriceps_stretch_standing", {"days_per_week": 5}),
        ("hip_flexor_stretch_half_kneeling", {"days_per_week": 5}),
        ("calf_stretch_straight_knee", {"days_per_week": 5}),
        ("monster_walk_band", {"band_level": "green"}),
        ("side_step_band", {"band_level": "green"}),
        ("single_leg_squat", {}),
        ("step_down_forward", {"note": "Now from a 20 cm step"}),
        ("single_leg_bridge", {}),
        ("side_plank", {"hold_s": 30}),
        ("single_leg_balance_cushion", {}),
        ("hop_and_stick", {"days_per_week": 2}),
        ("a_skip", {"days_per_week": 2, "note": "Before your runs, as a warm-up"}),
    )),
)

BY_DIAGNOSIS: dict[str, tuple[Plan, Plan]] = {
    "patellofemoral_pain": (
        (("quadriceps_stretch_standing", {}), ("bridge", {}),
         ("clamshell_band", {"band_level": "yellow"}), ("wall_sit", {"hold_s": 20})),
        (("clamshell_band", {"band_level": "red"}), ("step_down_forward", {}),
         ("side_step_band", {"band_level": "red"}), ("single_leg_balance", {})),
    ),
    "it_band_syndrome": (
        (("glute_stretch_figure_four", {}), ("side_lying_hip_abduction", {}),
         ("hip_hike", {}), ("clamshell_band", {"band_level": "yellow"})),
        (("side_step_band", {"band_level": "red"}), ("single_leg_squat", {}),
         ("side_plank", {}), ("cadence_drill", {})),
    ),
    "achilles_tendinopathy": (
        (("calf_stretch_bent_knee", {}), ("eccentric_heel_drop_straight_knee", {}),
         ("eccentric_heel_drop_bent_knee", {}), ("single_leg_balance", {})),
        (("calf_raise_single_leg", {}), ("pogo_hops", {"sets": 2}),
         ("single_leg_balance_cushion", {})),
    ),
    "plantar_fasciitis": (
        (("calf_stretch_straight_knee", {}), ("high_load_heel_raise_rathleff", {}),
         ("short_foot", {})),
        (("calf_raise_single_leg", {}), ("single_leg_balance_cushion", {}),
         ("walk_run_intervals", {})),
    ),
    "medial_tibial_stress_syndrome": (
        (("calf_raise_double", {}), ("tibialis_raise_wall", {}), ("short_foot", {})),
        (("calf_raise_single_leg", {}), ("single_leg_hops_in_place", {"sets": 2}),
         ("cadence_drill", {})),
    ),
    "hamstring_strain": (
        (("hamstring_bridge_heels", {}), ("bird_dog", {}), ("single_leg_balance", {})),
        (("nordic_hamstring_curl", {}), ("single_leg_romanian_deadlift", {}),
         ("strides", {})),
    ),
    "stress_fracture_tibia": (
        (("calf_raise_double", {}), ("bridge", {}), ("tandem_stance", {})),
        (("calf_raise_single_leg", {}), ("walk_run_intervals", {})),
    ),
    "greater_trochanteric_pain": (
        (("side_lying_hip_abduction", {"sets": 2}), ("bridge", {}), ("hip_hike", {})),
        (("side_step_band", {"band_level": "yellow"}), ("single_leg_bridge", {}),
         ("side_plank_knees", {})),
    ),
}  # fmt: skip
PERFORMANCE: tuple[Plan, Plan] = (
    (("single_leg_bridge", {}), ("calf_raise_single_leg", {}), ("side_plank", {}),
     ("a_skip", {})),
    (("single_leg_squat", {}), ("hop_and_stick", {}), ("strides", {})),
)  # fmt: skip


def add_demo_programs(session: Session) -> None:
    """Give the demo patients their home programs (called once the visits exist)."""
    library = load_library()
    labels = {diagnosis_by_id(key).name: key for key in BY_DIAGNOSIS}
    episodes = session.execute(
        select(EpisodeRow, PatientRow.mrn)
        .join(PatientRow, PatientRow.id == EpisodeRow.patient_id)
        .order_by(PatientRow.mrn)
    ).all()
    for episode, mrn in episodes:
        visits = session.scalars(
            select(VisitRow)
            .where(VisitRow.episode_id == episode.id, VisitRow.attendance == "attended")
            .order_by(VisitRow.visit_date, VisitRow.id)
        ).all()
        if not visits:
            continue
        if mrn == "D0001":
            for index, plan in SHOWCASE:
                _version(session, library, episode, visits[min(index, len(visits) - 1)], plan)
            continue
        if int(mrn[1:]) % 3 != 2:
            continue
        first, later = (
            PERFORMANCE if episode.kind == "performance" else
            BY_DIAGNOSIS.get(labels.get(episode.diagnosis_label, ""), PERFORMANCE)
        )  # fmt: skip
        _version(session, library, episode, visits[0], first)
        if len(visits) >= 5:
            kept = tuple(step for step in first if step[0] not in {s[0] for s in later})
            _version(session, library, episode, visits[3], kept[:2] + later)


def _version(
    session: Session, library: Library, episode: EpisodeRow, visit: VisitRow, plan: Plan
) -> None:
    program = HomeProgramRow(
        episode_id=episode.id,
        visit_id=visit.id,
        issued_at=dt.datetime.combine(visit.visit_date, dt.time(10, 40)),
        issued_by=visit.therapist_id,
    )
    session.add(program)
    session.flush()
    for position, (exercise_id, changes) in enumerate(plan):
        dosage: Dosage = replace(library.get(exercise_id).dosage, **changes)
        session.add(
            ProgramItemRow(
                program_id=program.id, position=position, exercise_code=exercise_id,
                sets=dosage.sets, reps=dosage.reps, hold_s=dosage.hold_s,
                times_per_day=dosage.times_per_day, days_per_week=dosage.days_per_week,
                side=dosage.side, band_level=dosage.band_level or "", notes=dosage.note,
            )
        )  # fmt: skip
    session.flush()
