"""Episodes built straight in the database for discharge tests."""

from __future__ import annotations

import datetime as dt

from clinic_desktop.storage.models import EpisodeRow, MeasurementRow, PatientRow, VisitRow

START = dt.date(2026, 9, 1)


def runner_with_visits(clinic, *, signed: bool = True) -> tuple[int, int]:
    """Ana Ibáñez: right knee, three visits a week apart, the last unsigned unless
    ``signed``; knee flexion at every visit, the single hop at the first only."""
    with clinic.database.transaction() as session:
        patient = PatientRow(
            mrn="DIS01", family_name="Ibáñez", given_name="Ana", birth_date=dt.date(1990, 3, 4)
        )
        session.add(patient)
        session.flush()
        episode = EpisodeRow(
            patient_id=patient.id, diagnosis_label="Patellofemoral pain", side="right",
            diagnosis_code="M22.2X1", started_on=START,
        )  # fmt: skip
        session.add(episode)
        session.flush()
        for index in range(3):
            visit = VisitRow(
                episode_id=episode.id,
                visit_date=START + dt.timedelta(days=7 * index),
                kind="initial" if index == 0 else "follow_up",
                status="signed" if signed or index < 2 else "draft",
                pain_now=4 - index,
            )
            session.add(visit)
            session.flush()
            for side, value in (("left", 140.0), ("right", 115.0 + 5 * index)):
                session.add(
                    MeasurementRow(visit_id=visit.id, test_code="knee_flexion", side=side,
                                   mode="active", value=value, unit="deg")
                )  # fmt: skip
            if index == 0:
                session.add(
                    MeasurementRow(visit_id=visit.id, test_code="single_hop_cm", side="right",
                                   mode="none", value=90.0, unit="cm")
                )  # fmt: skip
        return patient.id, episode.id
