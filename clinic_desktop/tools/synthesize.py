"""Build a large synthetic clinic for benchmarks.

    python -m clinic_desktop.tools.synthesize --patients 50000 --out big.sqlite3

About ten years of care: every patient has one to three episodes with two to twelve visits
each, and a few measurements per visit. Names mix accented and plain spellings so search is
exercised as at a real desk. Rows are written in bulk through SQLAlchemy Core; the schema
comes from the same migrations as a real clinic's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from sqlalchemy import insert

from clinic_desktop.domain.patient_rules import phone_digits
from clinic_desktop.services.demo import FAMILY_NAMES, GIVEN_NAMES_F, GIVEN_NAMES_M
from clinic_desktop.services.patients import search_key
from clinic_desktop.storage.database import open_database
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import (
    ClinicSettingsRow,
    EpisodeRow,
    MeasurementRow,
    PatientRow,
    VisitRow,
)

EXTRA_FAMILY = (
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Taylor",
    "Clark",
    "Lewis",
    "Young",
    "Allen",
    "King",
    "Wright",
    "Scott",
    "Green",
    "Baker",
    "Adams",
    "Nelson",
    "Hill",
    "Campbell",
    "Mitchell",
    "Roberts",
    "Carter",
    "Phillips",
    "Evans",
    "Turner",
    "Torres",
    "Parker",
    "Collins",
    "Edwards",
    "Stewart",
    "Flores",
    "Morris",
    "Murphy",
    "Cook",
    "Rogers",
    "Gutiérrez",
    "Ortiz",
    "Jiménez",
    "Ruiz",
    "Álvarez",
    "Romero",
    "Horváth",
    "Nagy",
    "Kovács",
    "Öztürk",
    "Çelik",
    "Şahin",
    "Dvořák",
    "Černý",
    "Wójcik",
    "Kamińska",
    "Håkansson",
    "Ødegaard",
    "Björk",
    "Virtanen",
    "Mäkinen",
    "Papadopoulos",
)
DIAGNOSES = (
    ("Patellofemoral pain", "M22.2X1"),
    ("Iliotibial band syndrome", "M76.31"),
    ("Achilles tendinopathy", "M76.62"),
    ("Plantar heel pain", "M72.2"),
    ("Medial tibial stress syndrome", "M76.891"),
    ("Hamstring strain", "S76.311A"),
)
MEASURED = (
    ("hip_abduction", "deg", 42),
    ("knee_to_wall", "cm", 11),
    ("hhd_quadriceps", "N", 420),
    ("heel_raise_reps", "reps", 28),
)
BATCH = 5000


def synthesize(out: Path, patients: int, seed: int = 7, today: dt.date | None = None) -> dict:
    """Create ``out`` with ``patients`` synthetic patients; return row counts."""
    rng = random.Random(seed)
    today = today or dt.date.today()
    if out.exists():
        raise SystemExit(f"{out} already exists; choose a new file name.")
    database = open_database(DatabaseLocation.sqlite_file(out))
    counts = {"patient": 0, "episode": 0, "visit": 0, "measurement": 0}
    families = FAMILY_NAMES + EXTRA_FAMILY
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stamps = {"version": 1, "created_at": now, "updated_at": now}
    with database.engine.begin() as connection:
        connection.execute(
            insert(ClinicSettingsRow),
            [
                {
                    "id": 1,
                    "clinic_name": "Synthetic clinic",
                    "address": "",
                    "phone": "",
                    "paper_size": "A4",
                    "distance_unit": "km",
                    "force_unit": "N",
                    "date_format": "yyyy-mm-dd",
                    "mrn_prefix": "S",
                    "next_mrn_number": patients + 1,
                    **stamps,
                }
            ],
        )
        patient_rows, episode_rows, visit_rows, measurement_rows = [], [], [], []
        visit_id = episode_id = 0
        for number in range(1, patients + 1):
            sex = rng.choice(("female", "male"))
            given = rng.choice(GIVEN_NAMES_F if sex == "female" else GIVEN_NAMES_M)
            family = rng.choice(families)
            if rng.random() < 0.2:
                family = f"{family}-{rng.choice(families)}"
            phone = f"+1 555 {rng.randrange(100, 999)} {rng.randrange(1000, 9999)}"
            birth = dt.date(rng.randrange(1950, 2010), rng.randrange(1, 13), rng.randrange(1, 29))
            last_visit = None
            for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
                episode_id += 1
                start = today - dt.timedelta(days=rng.randrange(0, 3650))
                label, code = rng.choice(DIAGNOSES)
                active = (today - start).days < 90
                episode_rows.append(
                    {
                        "id": episode_id,
                        "patient_id": number,
                        "kind": "injury",
                        "diagnosis_code": code,
                        "diagnosis_label": label,
                        "side": rng.choice(("left", "right")),
                        "mechanism": "",
                        "referral": "",
                        "status": "active" if active else "discharged",
                        "started_on": start,
                        "discharge_reason": "",
                        "ended_against_advice": False,
                        **stamps,
                    }
                )
                day = start
                for index in range(rng.randrange(2, 13)):
                    if day > today:
                        break
                    visit_id += 1
                    visit_rows.append(
                        {
                            "id": visit_id,
                            "episode_id": episode_id,
                            "visit_date": day,
                            "kind": "initial" if index == 0 else "follow_up",
                            "attendance": "attended",
                            "notes": "",
                            "status": "signed",
                            "pain_now": rng.randrange(0, 8),
                            **stamps,
                        }
                    )
                    for code_, unit, typical in rng.sample(MEASURED, 2):
                        for side in ("left", "right"):
                            measurement_rows.append(
                                {
                                    "visit_id": visit_id,
                                    "test_code": code_,
                                    "side": side,
                                    "mode": "active" if unit == "deg" else "none",
                                    "value": round(typical * rng.uniform(0.7, 1.1), 1),
                                    "unit": unit,
                                    "painful": False,
                                    "detail": "",
                                    **stamps,
                                }
                            )
                    last_visit = max(last_visit or day, day)
                    day += dt.timedelta(days=rng.choice((7, 7, 10, 14)))
            patient_rows.append(
                {
                    "id": number,
                    "mrn": f"S{number:06d}",
                    "family_name": family,
                    "given_name": given,
                    "preferred_name": "",
                    "birth_date": birth,
                    "sex": sex,
                    "phone": phone,
                    "phone_digits": phone_digits(phone),
                    "email": "",
                    "address": "",
                    "emergency_contact": "",
                    "referring_provider": "",
                    "notes": "",
                    "search_name": search_key(family, given, ""),
                    "last_visit_on": last_visit,
                    **stamps,
                }
            )
            if len(patient_rows) >= BATCH or number == patients:
                for table, rows in (
                    (PatientRow, patient_rows),
                    (EpisodeRow, episode_rows),
                    (VisitRow, visit_rows),
                    (MeasurementRow, measurement_rows),
                ):
                    if rows:
                        connection.execute(insert(table), rows)
                        counts[table.__tablename__] += len(rows)
                        rows.clear()
    with database.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=50_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = synthesize(args.out, args.patients, args.seed)
    summary = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    print(f"wrote {args.out}: {summary} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
