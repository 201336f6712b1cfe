"""Test configuration shared by every test folder."""

import os

# Qt must never try to reach a display in tests; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt  # noqa: E402

import pytest  # noqa: E402
from sqlalchemy import select  # noqa: E402

from clinic_desktop.domain.access import Role, SignedInUser, format_roles  # noqa: E402
from clinic_desktop.services.clinic import Clinic, open_clinic  # noqa: E402
from clinic_desktop.storage.location import DatabaseLocation  # noqa: E402
from clinic_desktop.storage.models import UserRow  # noqa: E402

# The demo clinic in tests is always dated from this day, so its content never varies.
DEMO_ANCHOR = dt.date(2026, 11, 2)


ALL_ROLES = frozenset({Role.THERAPIST, Role.FRONT_DESK, Role.ADMIN})


def sign_in_as(clinic: Clinic, roles=ALL_ROLES, username: str = "tester") -> SignedInUser:
    """Make a user with ``roles`` the one signed in, without the cost of a password hash."""
    with clinic.database.transaction() as session:
        row = session.scalar(select(UserRow).where(UserRow.username == username))
        if row is None:
            row = UserRow(username=username, display_name=username.title(),
                          credentials="PT", roles=format_roles(roles))
            session.add(row)
            session.flush()
        row.roles = format_roles(roles)
        user = SignedInUser(id=row.id, username=username, display_name=row.display_name,
                            credentials=row.credentials, roles=frozenset(roles))
    clinic.access.user = user
    return user


@pytest.fixture
def clinic(tmp_path) -> Clinic:
    """An empty clinic on a real temporary SQLite file, a user with every role signed in."""
    opened = open_clinic(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    sign_in_as(opened)
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
    """A private copy of the demo clinic, a user with every role signed in."""
    import shutil

    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    opened = open_clinic(DatabaseLocation.sqlite_file(path))
    sign_in_as(opened)
    yield opened
    opened.close()
