"""The demo clinic's intake: every episode has its profile, history and screen; one red flag."""

from __future__ import annotations

import hashlib

from sqlalchemy import func, select

from clinic_desktop.domain.red_flags import load_red_flags
from clinic_desktop.services.demo import ensure_demo_clinic
from clinic_desktop.storage.database import open_database
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import (
    ClinicalHistoryRow,
    EpisodeRow,
    OutcomeResponseRow,
    RedFlagAnswerRow,
    RunningProfileRow,
    VisitRow,
)
from tests.conftest import DEMO_ANCHOR


def count(session, row_type, *where) -> int:
    return session.scalar(select(func.count()).select_from(row_type).where(*where)) or 0


def test_every_episode_has_a_running_profile_history_and_complete_screen(demo_clinic):
    with demo_clinic.database.reading() as session:
        episodes = count(session, EpisodeRow)
        assert count(session, RunningProfileRow) == episodes
        assert count(session, ClinicalHistoryRow) == episodes
        assert count(session, RedFlagAnswerRow) == episodes * len(load_red_flags())
        assert count(session, RedFlagAnswerRow, RedFlagAnswerRow.answer.is_(None)) == 0
        attended = count(session, VisitRow, VisitRow.attendance == "attended")
        assert count(session, OutcomeResponseRow, OutcomeResponseRow.instrument == "lefs") == (
            attended
        )


def test_one_patient_in_care_has_an_unacknowledged_red_flag_on_the_header(demo_clinic):
    with demo_clinic.database.reading() as session:
        positives = session.scalars(
            select(RedFlagAnswerRow).where(RedFlagAnswerRow.answer.is_(True))
        ).all()
        assert len(positives) == 1
        flag = positives[0]
        episode = session.get(EpisodeRow, flag.episode_id)
    assert episode.status == "active" and flag.note and flag.acknowledged_at is None
    alerts = demo_clinic.red_flags.alerts(episode.patient_id)
    assert [a.text() for a in alerts] == [
        "RED FLAG to review: focal bone tenderness"
    ]


def test_the_showcase_history_reads_like_the_diagnosis(demo_clinic):
    patient_id = demo_clinic.patients.search("D0001")[0].id
    episode = demo_clinic.intake.episodes(patient_id)[0]
    history = demo_clinic.intake.history(episode.id)
    assert [p.label for p in history.pain_locations] == ["Right front of knee"]
    assert "Stairs" in history.aggravating and history.medications
    assert history.pain_now is not None  # the initial visit's pain


def _intake_digest(path) -> str:
    database = open_database(DatabaseLocation.sqlite_file(path))
    digest = hashlib.sha256()
    with database.reading() as session:
        for table in ("clinical_history", "red_flag_answer", "running_profile"):
            columns = [
                c
                for c in EpisodeRow.metadata.tables[table].c
                if c.name not in ("created_at", "updated_at")
            ]
            for row in session.execute(select(*columns).order_by(columns[0])):
                digest.update(repr(tuple(row)).encode())
    database.dispose()
    return digest.hexdigest()


def test_the_same_anchor_day_always_gives_the_same_intake_records(tmp_path):
    paths = [tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"]
    for path in paths:
        database = open_database(DatabaseLocation.sqlite_file(path))
        ensure_demo_clinic(database, anchor=DEMO_ANCHOR)
        database.dispose()
    assert _intake_digest(paths[0]) == _intake_digest(paths[1])
