"""Opening the clinic database: safety settings, the three migration paths, bad files."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from clinic_desktop.storage import migrate
from clinic_desktop.storage.backup import integrity_check
from clinic_desktop.storage.database import make_engine, open_database
from clinic_desktop.storage.errors import (
    DatabaseTooNew,
    DatabaseUnreadable,
    DataFolderUnusable,
)
from clinic_desktop.storage.location import DatabaseLocation


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_connection_carries_the_safety_pragmas(tmp_path):
    database = open_database(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    database.dispose()
    # A brand-new engine and connection, as a second workstation session would get.
    engine = make_engine(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    with engine.connect() as connection:
        read = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("foreign_keys", "busy_timeout", "journal_mode", "synchronous")
        }
    engine.dispose()
    assert read == {
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "journal_mode": "wal",
        "synchronous": 2,
    }  # 2 = FULL


def test_foreign_keys_are_enforced(tmp_path):
    database = open_database(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    with pytest.raises(sa.exc.IntegrityError), database.transaction() as session:
        session.execute(
            sa.text(
                "INSERT INTO episode (patient_id, kind, diagnosis_code, diagnosis_label, side, "
                "mechanism, referral, status, started_on, discharge_reason, ended_against_advice,"
                " version, created_at, updated_at) VALUES (999, 'injury', '', '', 'left', '', '',"
                " 'active', '2026-01-01', '', 0, 1, '2026-01-01', '2026-01-01')"
            )
        )
    database.dispose()


def test_an_absent_database_is_created_at_the_newest_schema(tmp_path):
    path = tmp_path / "new-folder" / "clinic.sqlite3"
    database = open_database(DatabaseLocation.sqlite_file(path))
    assert database.report.created and database.report.revision == migrate.HEAD
    with database.reading() as session:
        tables = set(sa.inspect(session.get_bind()).get_table_names())
    database.dispose()
    assert {
        "patient",
        "running_profile",
        "episode",
        "visit",
        "measurement",
        "outcome_response",
        "goal",
        "exercise",
        "program_item",
        "user",
        "audit_event",
        "document",
        "clinic_settings",
    } <= tables


def _database_at_first_revision(path: Path) -> None:
    engine = make_engine(DatabaseLocation.sqlite_file(path))
    migrate.upgrade(engine, migrate.known_revisions()[0])
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO patient (mrn, family_name, given_name, preferred_name, birth_date, sex,"
            " phone, email, address, emergency_contact, referring_provider, notes, version,"
            " created_at, updated_at) VALUES ('P000001', 'Núñez', 'José', '', '1990-05-17',"
            " 'male', '+1 (555) 010-2000', '', '', '', '', '', 1, '2026-01-01', '2026-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO episode (patient_id, kind, diagnosis_code, diagnosis_label, side,"
            " mechanism, referral, status, started_on, discharge_reason, ended_against_advice,"
            " version, created_at, updated_at) VALUES (1, 'injury', 'M72.2', 'Plantar heel"
            " pain', 'left', '', '', 'active', '2026-02-01', '', 0, 1, '2026-01-01',"
            " '2026-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO visit (episode_id, visit_date, kind, attendance, notes, status,"
            " version, created_at, updated_at) VALUES (1, '2026-02-03', 'initial', 'attended',"
            " '', 'signed', 1, '2026-01-01', '2026-01-01')"
        )
    engine.dispose()


def test_an_older_database_is_backed_up_verified_then_upgraded_with_data_kept(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    _database_at_first_revision(path)

    database = open_database(DatabaseLocation.sqlite_file(path))
    report = database.report
    with database.reading() as session:
        row = session.execute(
            sa.text(
                "SELECT family_name, given_name, search_name, phone_digits, last_visit_on "
                "FROM patient"
            )
        ).one()
    database.dispose()

    assert report.upgraded_from == migrate.known_revisions()[0]
    assert report.revision == migrate.HEAD
    assert tuple(row) == ("Núñez", "José", "nunez jose", "15550102000", "2026-02-03")
    assert report.backup_path is not None and report.backup_path.exists()
    assert integrity_check(report.backup_path) == "ok"
    backup = sqlite3.connect(report.backup_path)
    assert backup.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert backup.execute("SELECT family_name FROM patient").fetchone()[0] == "Núñez"
    backup.close()


def test_a_database_from_a_newer_version_is_refused_and_left_byte_identical(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    open_database(DatabaseLocation.sqlite_file(path)).dispose()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = sha256_of(path)
    files_before = sorted(p.name for p in tmp_path.iterdir())

    with pytest.raises(DatabaseTooNew) as refused:
        open_database(DatabaseLocation.sqlite_file(path))

    assert "newer version" in refused.value.message and "9999" in refused.value.message
    assert sha256_of(path) == before
    assert not [p for p in tmp_path.iterdir() if "before-upgrade" in p.name]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == [
        n for n in files_before if not n.endswith(("-wal", "-shm"))
    ]


def test_a_file_that_is_not_a_database_is_named_and_left_alone(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    path.write_bytes(b"Patient list exported from the old system\n" * 50)
    before = sha256_of(path)
    with pytest.raises(DatabaseUnreadable) as refused:
        open_database(DatabaseLocation.sqlite_file(path))
    assert str(path) in refused.value.message
    assert sha256_of(path) == before


def test_a_damaged_database_is_named_and_left_alone(tmp_path):
    path = tmp_path / "clinic.sqlite3"
    open_database(DatabaseLocation.sqlite_file(path)).dispose()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    before = sha256_of(path)
    with pytest.raises(DatabaseUnreadable) as refused:
        open_database(DatabaseLocation.sqlite_file(path))
    assert str(path) in refused.value.message
    assert sha256_of(path) == before


def test_a_sqlite_database_of_another_application_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseUnreadable, match="not a clinic database"):
        open_database(DatabaseLocation.sqlite_file(path))


def test_a_data_folder_that_cannot_be_created_gets_a_sentence(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(DataFolderUnusable) as refused:
        open_database(DatabaseLocation.sqlite_file(blocker / "clinic.sqlite3"))
    assert "cannot be written" in refused.value.message and "--data-dir" in refused.value.message


def test_the_revision_list_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    assert scripts.get_current_head() == migrate.HEAD
    alembic_order = [s.revision for s in scripts.walk_revisions()][::-1]
    assert tuple(alembic_order) == migrate.known_revisions()


def test_the_migrations_build_exactly_the_models(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from clinic_desktop.storage.models import Base

    database = open_database(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    database.dispose()
    assert differences == []


def test_dates_survive_the_round_trip(tmp_path):
    database = open_database(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    from clinic_desktop.storage.models import PatientRow

    with database.transaction() as session:
        session.add(PatientRow(mrn="P1", family_name="Kim", birth_date=dt.date(1988, 2, 29)))
    with database.reading() as session:
        assert session.scalar(sa.select(PatientRow.birth_date)) == dt.date(1988, 2, 29)
    database.dispose()
