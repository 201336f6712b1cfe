"""Test configuration shared by every test folder."""

import os

# Qt must never try to reach a display in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402

import pytest  # noqa: E402

from clinic_desktop.services.clinic import Clinic, open_clinic  # noqa: E402
from clinic_desktop.storage.location import DatabaseLocation  # noqa: E402

# The demo clinic in tests is always dated from this day, so its content never varies.
DEMO_ANCHOR = dt.date(2026, 11, 2)


@pytest.fixture
def clinic(tmp_path) -> Clinic:
    """An empty clinic on a real temporary SQLite file."""
    opened = open_clinic(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo clinic, generated once per test run and copied for each test that needs it."""
    from clinic_desktop.services.demo import ensure_demo_clinic
    from clinic_desktop.storage.database import open_database

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite3"
    database = open_database(DatabaseLocation.sqlite_file(path))
    ensure_demo_clinic(database, anchor=DEMO_ANCHOR)
    with database.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.dispose()
    return path


@pytest.fixture
def demo_clinic(tmp_path, demo_template) -> Clinic:
    """A private copy of the demo clinic."""
    import shutil

    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    opened = open_clinic(DatabaseLocation.sqlite_file(path))
    yield opened
    opened.close()
