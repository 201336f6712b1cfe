"""The demo clinic: about forty runners with believable courses of care.

Everything is drawn from one seeded random generator and dated relative to an anchor
day, so the same anchor always gives the same clinic. Patient ``D0001`` has the richest
record: an initial evaluation, follow-ups, a re-evaluation and a discharge, with every kind
of test, LEFS at each visit and goals, so every screen has a full example to show.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clinic_desktop.domain.diagnoses import code_for_side, diagnosis_by_id
from clinic_desktop.domain.patient_rules import fold_name, phone_digits
from clinic_desktop.services.demo_goals import add_demo_goals
from clinic_desktop.services.demo_intake import add_intake_records
from clinic_desktop.services.demo_programs import add_demo_programs
from clinic_desktop.services.demo_return_to_run import add_return_to_run
from clinic_desktop.services.patients import search_key
from clinic_desktop.storage.database import Database
from clinic_desktop.storage.models import (
    ClinicSettingsRow,
    EpisodeRow,
    GoalRow,
    MeasurementRow,
    OutcomeResponseRow,
    PatientRow,
    RunningProfileRow,
    UserRow,
    VisitRow,
)

SEED = 20261126
PATIENT_COUNT = 40

THERAPISTS = (
    ("dwhitfield", "Dana Whitfield", "PT, DPT, OCS"),
    ("shaddad", "Samir Haddad", "PT, DPT"),
    ("lokafor", "Lena Okafor", "PT, MSc Sports Physiotherapy"),
)
FRONT_DESK = ("mreyes", "Marta Reyes", "")
ADMIN = ("ckoh", "Chris Koh", "")
# Shown on the demo clinic's sign-in screen; only the demo database has these accounts.
DEMO_ACCOUNTS = [
    ("Therapist", "dwhitfield", "stride-therapist"),
    ("Front desk", "mreyes", "stride-frontdesk"),
    ("Admin", "ckoh", "stride-admin"),
]

FAMILY_NAMES = (
    "Rivera",
    "Núñez",
    "Okonkwo",
    "Lindqvist",
    "Müller",
    "O'Brien",
    "Kowalczyk",
    "Tanaka",
    "Dubois",
    "García",
    "Nguyen",
    "Haddad",
    "Schmidt",
    "Rossi",
    "Jensen",
    "Ferreira",
    "Patel",
    "MacLeod",
    "Søndergaard",
    "Costa",
    "Fischer",
    "Ahmed",
    "Morales",
    "Kim",
    "Bianchi",
    "Lefèvre",
    "Novak",
    "Walsh",
    "Yilmaz",
    "Andersson",
    "Pérez",
    "Cohen",
    "Moreau",
    "Brennan",
    "Silva",
    "Ivanova",
    "Hughes",
    "Sato",
    "Dupont",
    "Quinn",
)
GIVEN_NAMES_F = (
    "Sofía",
    "Zoë",
    "Amara",
    "Ingrid",
    "Lena",
    "Siobhan",
    "Agnieszka",
    "Yui",
    "Chloé",
    "Lucía",
    "Mai",
    "Nour",
    "Hanna",
    "Giulia",
    "Freja",
    "Inês",
    "Priya",
    "Isla",
    "Maja",
    "Ana",
)
GIVEN_NAMES_M = (
    "José",
    "Mateo",
    "Chidi",
    "Erik",
    "Jonas",
    "Liam",
    "Piotr",
    "Kenji",
    "Théo",
    "Diego",
    "Minh",
    "Karim",
    "Felix",
    "Marco",
    "Mads",
    "João",
    "Arjun",
    "Callum",
    "Emil",
    "Tomás",
)

# Diagnosis id (from the shipped list) and the measures that matter most for it.
DIAGNOSES = (
    ("patellofemoral_pain", ("mmt_hip_abductors", "hhd_quadriceps", "single_hop_cm")),
    ("it_band_syndrome", ("mmt_hip_abductors", "hhd_hip_abductors", "hip_adduction")),
    ("achilles_tendinopathy", ("heel_raise_reps", "knee_to_wall", "hhd_calf")),
    ("plantar_fasciitis", ("heel_raise_reps", "mtp1_extension", "knee_to_wall")),
    ("medial_tibial_stress_syndrome", ("heel_raise_reps", "hhd_calf", "single_hop_cm")),
    ("hamstring_strain", ("hhd_hamstrings", "hip_flexion", "single_hop_cm")),
    ("stress_fracture_tibia", ("heel_raise_reps", "single_hop_cm", "hhd_calf")),
    ("greater_trochanteric_pain", ("hhd_hip_abductors", "mmt_hip_abductors", "hip_adduction")),
)
SEVENTH_CHARACTER = {"hamstring_strain": "A", "stress_fracture_tibia": "G"}


@dataclass(frozen=True)
class DemoMeasure:
    """How one test behaves in the demo: a healthy value, its spread, and the first deficit."""

    code: str
    healthy: float
    spread: float
    deficit: float  # fraction lost on the involved side at the first visit
    decimals: int = 0


MEASURES = (
    DemoMeasure("hip_flexion", 120, 6, 0.12),
    DemoMeasure("hip_extension", 18, 3, 0.35),
    DemoMeasure("hip_abduction", 42, 4, 0.15),
    DemoMeasure("hip_adduction", 26, 3, 0.25),
    DemoMeasure("hip_internal_rotation", 38, 5, 0.15),
    DemoMeasure("hip_external_rotation", 42, 5, 0.12),
    DemoMeasure("knee_flexion", 138, 5, 0.10),
    DemoMeasure("knee_extension", 0, 1.5, 0.0),
    DemoMeasure("ankle_dorsiflexion_knee_flexed", 17, 3, 0.30),
    DemoMeasure("ankle_dorsiflexion_knee_extended", 11, 2.5, 0.30),
    DemoMeasure("ankle_plantarflexion", 52, 5, 0.10),
    DemoMeasure("ankle_inversion", 33, 4, 0.15),
    DemoMeasure("ankle_eversion", 15, 3, 0.15),
    DemoMeasure("mtp1_extension", 68, 6, 0.20),
    DemoMeasure("knee_to_wall", 11, 2, 0.30, 1),
    DemoMeasure("mmt_hip_abductors", 10, 0.5, 0.30),
    DemoMeasure("mmt_hip_extensors", 10, 0.5, 0.20),
    DemoMeasure("mmt_hip_external_rotators", 10, 0.5, 0.20),
    DemoMeasure("mmt_quadriceps", 10, 0.3, 0.20),
    DemoMeasure("mmt_hamstrings", 10, 0.4, 0.20),
    DemoMeasure("mmt_calf", 10, 0.3, 0.20),
    DemoMeasure("hhd_hip_abductors", 190, 30, 0.28),
    DemoMeasure("hhd_hip_extensors", 230, 35, 0.22),
    DemoMeasure("hhd_hip_external_rotators", 140, 20, 0.22),
    DemoMeasure("hhd_quadriceps", 420, 60, 0.25),
    DemoMeasure("hhd_hamstrings", 260, 40, 0.25),
    DemoMeasure("hhd_calf", 780, 110, 0.25),
    DemoMeasure("heel_raise_reps", 28, 5, 0.40),
    DemoMeasure("single_hop_cm", 150, 20, 0.25),
    DemoMeasure("triple_hop_cm", 470, 60, 0.25),
    DemoMeasure("crossover_hop_cm", 410, 55, 0.28),
    DemoMeasure("timed_hop_6m_s", 2.0, 0.2, -0.25, 2),
    DemoMeasure("y_balance_anterior_cm", 62, 5, 0.10),
    DemoMeasure("y_balance_posteromedial_cm", 105, 8, 0.12),
    DemoMeasure("y_balance_posterolateral_cm", 100, 8, 0.12),
    DemoMeasure("side_plank_s", 65, 15, 0.30),
)
SINGLE_MEASURES = (
    DemoMeasure("lumbar_flexion", 50, 5, 0.10),
    DemoMeasure("lumbar_extension", 15, 3, 0.15),
    DemoMeasure("mmt_trunk", 10, 0.4, 0.15),
    DemoMeasure("front_plank_s", 90, 25, 0.30),
)
ROM_CODES = {m.code for m in MEASURES[:15]} | {"lumbar_flexion", "lumbar_extension"}
GRADE_CODES = {m.code for m in MEASURES + SINGLE_MEASURES if m.code.startswith("mmt_")}
UNITS = {
    "mmt_": "grade",
    "hhd_": "N",
    "knee_to_wall": "cm",
    "heel_raise_reps": "reps",
    "timed_hop_6m_s": "s",
    "_plank_s": "s",
    "_cm": "cm",
}
SQUAT = "single_leg_squat"
LIMB_LENGTH = "limb_length_cm"
FOLLOW_UP_SET = (
    "hip_abduction",
    "ankle_dorsiflexion_knee_flexed",
    "knee_to_wall",
    "hhd_hip_abductors",
    "hhd_quadriceps",
    "hhd_calf",
    "heel_raise_reps",
)


def unit_of(code: str) -> str:
    for marker, unit in UNITS.items():
        if code.startswith(marker) or code.endswith(marker) or code == marker:
            return unit
    return "deg"


def ensure_demo_clinic(database: Database, anchor: dt.date | None = None) -> bool:
    """Fill an empty demo database; return True if it was generated now."""
    with database.transaction() as session:
        if session.scalar(select(func.count()).select_from(PatientRow)):
            return False
        DemoClinicBuilder(session, anchor or dt.date.today()).build()
    return True


class DemoClinicBuilder:
    def __init__(self, session: Session, anchor: dt.date) -> None:
        self.session = session
        self.anchor = anchor
        self.rng = random.Random(SEED)
        self.therapists: list[UserRow] = []

    def build(self) -> None:
        self.session.add(
            ClinicSettingsRow(
                id=1,
                clinic_name="Stride Running Clinic (demo)",
                address="12 Riverside Walk\nSpringfield",
                phone="555 0100 200",
                mrn_prefix="D",
                next_mrn_number=PATIENT_COUNT + 1,
            )
        )
        for username, name, credentials in THERAPISTS:
            user = UserRow(
                username=username, display_name=name, credentials=credentials, roles="therapist"
            )
            self.session.add(user)
            self.therapists.append(user)
        for (username, name, credentials), roles in ((FRONT_DESK, "front_desk"), (ADMIN, "admin")):
            self.session.add(
                UserRow(username=username, display_name=name, credentials=credentials, roles=roles)
            )
        self.session.flush()
        self._set_demo_passwords()
        self._showcase_patient()
        for number in range(2, PATIENT_COUNT + 1):
            self._patient(number)
        self.session.flush()
        add_intake_records(self.session)
        add_demo_programs(self.session)
        add_return_to_run(self.session)
        add_demo_goals(self.session)

    def _set_demo_passwords(self) -> None:
        from clinic_desktop.services.users import make_hasher

        hasher = make_hasher()
        for _role, username, password in DEMO_ACCOUNTS:
            user = self.session.scalar(select(UserRow).where(UserRow.username == username))
            user.password_hash = hasher.hash(password)

    # --- patients --------------------------------------------------------------------------

    def _new_patient(self, number: int, family: str, given: str, sex: str, age: int) -> PatientRow:
        rng = self.rng
        birth = self.anchor - dt.timedelta(days=age * 365 + rng.randrange(365))
        phone = f"555 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
        row = PatientRow(
            mrn=f"D{number:04d}",
            family_name=family,
            given_name=given,
            birth_date=birth,
            sex=sex,
            phone=phone,
            phone_digits=phone_digits(phone),
            email=f"{fold_name(given).replace(' ', '')}.{fold_name(family).replace(' ', '')}"
            "@example.com",
            address=f"{rng.randrange(1, 200)} {rng.choice(('Elm', 'Harbour', 'Mill', 'Park'))}"
            " Street\nSpringfield",
            emergency_contact=f"{rng.choice(GIVEN_NAMES_F + GIVEN_NAMES_M)} {family}, "
            f"555 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}",
            referring_provider=rng.choice(
                (
                    "Dr. Helen Park, sports medicine",
                    "Dr. Omar Said, family practice",
                    "Self-referred",
                )
            ),
            weight_kg=round(rng.uniform(52, 68) if sex == "female" else rng.uniform(64, 84), 1),
            height_cm=round(rng.uniform(158, 176) if sex == "female" else rng.uniform(170, 190)),
            search_name=search_key(family, given, ""),
        )
        self.session.add(row)
        self.session.flush()
        return row

    def _patient(self, number: int) -> None:
        rng = self.rng
        sex = "female" if number % 2 else "male"
        given = rng.choice(GIVEN_NAMES_F if sex == "female" else GIVEN_NAMES_M)
        family = FAMILY_NAMES[(number - 1) % len(FAMILY_NAMES)]
        patient = self._new_patient(number, family, given, sex, rng.randrange(19, 66))
        visits = rng.randrange(3, 13)
        performance = number == 7
        # About a third of the caseload is still in care; the others finished at some
        # point over the past year.
        in_care = performance or rng.random() < 0.35
        back = visits * 8 + (rng.randrange(0, 10) if in_care else rng.randrange(45, 400))
        start = self.anchor - dt.timedelta(days=back)
        side = rng.choice(("left", "right", "right", "left", "both"))
        diagnosis_id, key_tests = rng.choice(DIAGNOSES)
        discharged = not in_care
        episode = self._episode(
            patient,
            start,
            None if performance else diagnosis_id,
            "none" if performance else side,
            discharged,
        )
        tests = FOLLOW_UP_SET + key_tests
        self._course(patient, episode, visits, tests, discharged, recovery=rng.uniform(0.6, 1.0))

    def _episode(
        self,
        patient: PatientRow,
        start: dt.date,
        diagnosis_id: str | None,
        side: str,
        discharged: bool,
    ) -> EpisodeRow:
        rng = self.rng
        if diagnosis_id is None:
            label, code, kind = "", "", "performance"
        else:
            diagnosis = diagnosis_by_id(diagnosis_id)
            sided = code_for_side(diagnosis, side, SEVENTH_CHARACTER.get(diagnosis_id))
            label, code, kind = diagnosis.name, sided.code, "injury"
        episode = EpisodeRow(
            patient_id=patient.id,
            kind=kind,
            diagnosis_code=code,
            diagnosis_label=label,
            side=side,
            onset_date=start - dt.timedelta(days=rng.randrange(10, 120)),
            onset_type=None if kind == "performance" else rng.choice(("gradual", "sudden")),
            mechanism=""
            if kind == "performance"
            else rng.choice(
                (
                    "Built up mileage quickly for a half marathon.",
                    "Added hill repeats and a second speed session.",
                    "New shoes with a lower heel drop, then a long trail run.",
                )
            ),
            referral=patient.referring_provider,
            status="discharged" if discharged else "active",
            started_on=start,
        )
        self.session.add(episode)
        self.session.flush()
        self.session.add(
            RunningProfileRow(
                episode_id=episode.id,
                weekly_km_before=float(rng.randrange(20, 70)),
                weekly_km_now=float(rng.randrange(0, 20)),
                runs_per_week=rng.randrange(3, 7),
                longest_run_km=float(rng.randrange(10, 32)),
                years_running=float(rng.randrange(1, 20)),
                usual_pace_s_per_km=rng.randrange(270, 390),
                goal_event=rng.choice(("City half marathon", "Autumn 10 km", "Trail 25 km", "")),
                surfaces=rng.choice(("road", "road, trail", "track, road")),
                shoes=rng.choice(("Neutral trainer", "Stability trainer", "Lightweight racer")),
                shoe_km=float(rng.randrange(50, 900)),
                running_status="unchanged"
                if kind == "performance"
                else rng.choice(("stopped", "reduced")),
            )
        )
        return episode

    def _course(
        self,
        patient: PatientRow,
        episode: EpisodeRow,
        visit_count: int,
        tests: tuple[str, ...],
        discharged: bool,
        recovery: float,
        full_battery_at: frozenset[int] = frozenset(),
        may_miss: bool = True,
    ) -> list[VisitRow]:
        rng = self.rng
        therapist = rng.choice(self.therapists)
        baseline = {m.code: m.healthy + rng.gauss(0, m.spread / 2) for m in MEASURES}
        baseline.update({m.code: m.healthy + rng.gauss(0, m.spread / 2) for m in SINGLE_MEASURES})
        day = episode.started_on
        visits = []
        for index in range(visit_count):
            last = index == visit_count - 1
            kind = (
                "initial"
                if index == 0
                else (
                    "discharge"
                    if last and discharged
                    else ("re_evaluation" if index % 4 == 0 else "follow_up")
                )
            )
            attendance = (
                "missed"
                if may_miss and 0 < index < visit_count - 1 and rng.random() < 0.06
                else "attended"
            )
            progress = min(1.0, recovery * index / max(1, visit_count - 1))
            visit = VisitRow(
                episode_id=episode.id,
                visit_date=day,
                kind=kind,
                attendance=attendance,
                therapist_id=therapist.id,
                pain_now=None
                if attendance != "attended"
                else max(0, round(6 - 6 * progress + rng.gauss(0, 0.7))),
                pain_best=None if attendance != "attended" else max(0, round(3 - 3 * progress)),
                pain_worst=None if attendance != "attended" else max(1, round(8 - 6 * progress)),
                status="signed" if not (last and not discharged) else "draft",
                signed_by=therapist.id if not (last and not discharged) else None,
                signed_at=dt.datetime.combine(day, dt.time(18, 0))
                if not (last and not discharged)
                else None,
                notes="",
            )
            self.session.add(visit)
            self.session.flush()
            if attendance == "attended":
                full = index in full_battery_at or kind in ("initial", "re_evaluation", "discharge")
                codes = None if full else tests
                self._measure(visit, episode.side, baseline, progress, codes)
                self._lefs(visit, progress, episode.kind == "performance")
                patient.last_visit_on = day
            visits.append(visit)
            day += dt.timedelta(days=rng.choice((5, 7, 7, 7, 10, 14)))
        if discharged:
            episode.ended_on = visits[-1].visit_date
            episode.discharge_reason = rng.choice(
                (
                    "Goals met; back to pain-free running at the previous weekly distance.",
                    "Goals mostly met; continuing the self-management program independently.",
                )
            )
            # Derived from the reason, so the rest of the demo draws the same numbers.
            mostly = episode.discharge_reason.startswith("Goals mostly")
            episode.program_adherence = "most" if mostly else "full"
            episode.adherence_note = (
                "Skipped the band exercises on busy work weeks." if mostly else ""
            )
            episode.follow_up = (
                "Return if pain rises above 3/10 or lasts into the next morning.\n"
                "Review in 6 weeks before the next race block."
            )
        return visits

    def _measure(
        self,
        visit: VisitRow,
        episode_side: str,
        baseline: dict[str, float],
        progress: float,
        codes: tuple[str, ...] | None,
    ) -> None:
        rng = self.rng
        involved = {"left": ("left",), "right": ("right",), "both": ("left", "right")}.get(
            episode_side, ()
        )
        full = [m.code for m in MEASURES + SINGLE_MEASURES] + [SQUAT, LIMB_LENGTH]
        visit.planned_tests = json.dumps(list(codes) if codes is not None else full)
        for measure in MEASURES:
            if codes is not None and measure.code not in codes:
                continue
            for side in ("left", "right"):
                value = baseline[measure.code] + rng.gauss(0, measure.spread / 10)
                if side in involved:
                    value *= 1 - measure.deficit * (1 - progress)
                self._add_value(visit, measure, side, value)
        if codes is None:
            for measure in SINGLE_MEASURES:
                value = baseline[measure.code] * (1 - measure.deficit * (1 - progress))
                self._add_value(visit, measure, "none", value)
            self._add_squat(visit, involved, progress)
            self._add_limb_length(visit)

    def _add_value(self, visit: VisitRow, measure: DemoMeasure, side: str, value: float) -> None:
        if measure.code in GRADE_CODES:
            value = float(max(4, min(10, round(value))))
        elif measure.code == "knee_extension":
            value = float(round(value))
        else:
            value = round(max(0.5, value), measure.decimals)
        self.session.add(
            MeasurementRow(
                visit_id=visit.id,
                test_code=measure.code,
                side=side,
                mode="active" if measure.code in ROM_CODES else "none",
                value=value,
                unit=unit_of(measure.code),
                painful=side != "none" and measure.deficit > 0.2 and self.rng.random() < 0.08,
            )
        )

    def _add_limb_length(self, visit: VisitRow) -> None:
        # The demo's leg length, for the Y-balance composite: roughly 53% of standing
        # height (a demo approximation, not a clinical rule).
        episode = self.session.get(EpisodeRow, visit.episode_id)
        height_cm = self.session.get(PatientRow, episode.patient_id).height_cm
        for side in ("left", "right"):
            self.session.add(
                MeasurementRow(
                    visit_id=visit.id,
                    test_code=LIMB_LENGTH,
                    side=side,
                    mode="none",
                    value=round(height_cm * 0.53, 1),
                    unit="cm",
                )
            )

    def _add_squat(self, visit: VisitRow, involved: tuple[str, ...], progress: float) -> None:
        for side in ("left", "right"):
            compensations = []
            if side in involved and progress < 0.7:
                compensations = ["knee_valgus", "pelvic_drop"][: 1 + (progress < 0.3)]
            self.session.add(
                MeasurementRow(
                    visit_id=visit.id,
                    test_code="single_leg_squat",
                    side=side,
                    mode="none",
                    value=0.0 if compensations else 1.0,
                    unit="pass_fail",
                    detail=json.dumps({"compensations": compensations}),
                )
            )

    def _lefs(self, visit: VisitRow, progress: float, performance: bool) -> None:
        rng = self.rng
        level = 3.6 if performance else 1.7 + 2.1 * progress
        answers = {
            str(item): max(0, min(4, round(level + rng.gauss(0, 0.6)))) for item in range(1, 21)
        }
        self.session.add(
            OutcomeResponseRow(
                visit_id=visit.id,
                instrument="lefs",
                answers=json.dumps(answers),
                total=float(sum(answers.values())),
            )
        )

    # --- the showcase patient ------------------------------------------------------------

    def _showcase_patient(self) -> None:
        patient = self._new_patient(1, "Rivera", "Sofía", "female", 34)
        patient.preferred_name = "Sofi"
        patient.search_name = search_key("Rivera", "Sofía", "Sofi")
        patient.notes = "Marathon runner, 8 years running. Works as a nurse on 12-hour shifts."
        start = self.anchor - dt.timedelta(days=120)
        episode = self._episode(patient, start, "patellofemoral_pain", "right", True)
        self._course(
            patient,
            episode,
            9,
            FOLLOW_UP_SET + DIAGNOSES[0][1],
            True,
            recovery=1.0,
            full_battery_at=frozenset({0, 4, 8}),
            may_miss=False,
        )
        goals = (
            ("Run 10 km pain-free (pain at most 2/10) on the flat", None, None, None, "met"),
            (
                "Right hip abductor strength at least 90% of the left",
                "hhd_hip_abductors",
                "right",
                180.0,
                "met",
            ),
            ("Descend stairs without knee pain", None, None, None, "met"),
            ("LEFS of at least 72", None, None, 72.0, "partly_met"),
        )
        for position, (text, code, side, value, status) in enumerate(goals):
            self.session.add(
                GoalRow(
                    episode_id=episode.id,
                    position=position,
                    text=text,
                    target_test_code=code,
                    target_side=side,
                    target_value=value,
                    target_instrument="lefs" if text.startswith("LEFS") else None,
                    target_date=start + dt.timedelta(days=84),
                    status=status,
                    status_note=(
                        "Still limited after long shifts on her feet; continues on the "
                        "self-management program."
                        if status == "partly_met"
                        else ""
                    ),
                )
            )
