"""Opening the clinic's database safely: checks, connection settings, migrations.

Opening follows one path for every start:

1. A SQLite file is checked first without writing to it: the place (no network share, a
   writable folder), the file (really a SQLite database), and its schema revision, read on
   a read-only connection. A revision this version does not know means a newer version
   wrote the file: it is refused and left byte-for-byte as it was.
2. An empty or absent database is created at the newest revision.
3. An older database is first copied beside itself, the copy checked with
   ``PRAGMA integrity_check``, and only then upgraded.
4. Every connection sets foreign keys, a busy timeout, WAL journaling and full sync.

Alembic is imported only when a migration is due, to keep start-up quick.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from clinic_desktop.storage import migrate
from clinic_desktop.storage.backup import backup_sqlite_file
from clinic_desktop.storage.errors import DatabaseTooNew, DatabaseUnreadable
from clinic_desktop.storage.location import (
    DatabaseLocation,
    ensure_data_folder,
    refuse_network_share,
)

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class OpenReport:
    """What opening the database did, for the log and the smoke test."""

    location: str
    revision: str
    created: bool = False
    upgraded_from: str | None = None
    backup_path: Path | None = None


class Database:
    """An open clinic database: the engine, a session factory, and what opening did."""

    def __init__(self, engine: Engine, report: OpenReport) -> None:
        self.engine = engine
        self.report = report
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed if the block ends normally, rolled back otherwise."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; anything left pending is rolled back."""
        with self._sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:
    # pysqlite would wrap these in a transaction otherwise; journal_mode cannot change there.
    previous = dbapi_connection.isolation_level
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()
        dbapi_connection.isolation_level = previous


def make_engine(location: DatabaseLocation) -> Engine:
    """An engine whose every connection carries the clinic's safety settings."""
    if location.is_sqlite:
        engine = create_engine(location.url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(location.url, pool_pre_ping=True)


def read_sqlite_revision(path: Path) -> tuple[str | None, bool]:
    """Return (schema revision or None, whether the file holds any table), read-only.

    Raises DatabaseUnreadable if the file is not a SQLite database or is damaged.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None, False
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseUnreadable(
            f"The file {path} is not a clinic database (it is not a SQLite file). "
            "It was left as it is. Check the path, or restore the database from a backup."
        )
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                return None, bool(tables)
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            return (row[0] if row else None), True
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseUnreadable(
            f"The database {path} could not be read ({error}). It may be damaged. "
            "It was left as it is; restore it from a backup or ask for support."
        ) from error


def _read_revision(engine: Engine) -> tuple[str | None, bool]:
    with engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        if "alembic_version" not in tables:
            return None, bool(tables)
        row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
        return (row[0] if row else None), True


def _refuse_unknown(revision: str | None, has_tables: bool, where: str) -> None:
    if revision is None and has_tables:
        raise DatabaseUnreadable(
            f"The database {where} holds tables but is not a clinic database. "
            "It was left as it is; check the path."
        )
    if revision is not None and revision not in migrate.known_revisions():
        raise DatabaseTooNew(
            f"The database {where} was written by a newer version of clinic_desktop "
            f"(schema {revision}; this version knows up to {migrate.HEAD}). It was not "
            "changed. Install the newer version of the application to open it."
        )


def open_database(location: DatabaseLocation) -> Database:
    """Open (creating or upgrading as needed) the database at ``location``.

    Raises a DatabaseRefused subclass, with a sentence for the user, when the database must
    not be opened; in that case nothing on disk was changed.
    """
    where = location.describe()
    path = location.sqlite_path
    if path is not None:
        refuse_network_share(path)
        ensure_data_folder(path.parent)
        revision, has_tables = read_sqlite_revision(path)
        _refuse_unknown(revision, has_tables, where)

    engine = make_engine(location)
    try:
        if path is None:
            revision, has_tables = _read_revision(engine)
            _refuse_unknown(revision, has_tables, where)
        report = _bring_to_head(engine, location, revision)
    except SADatabaseError as error:
        engine.dispose()
        raise DatabaseUnreadable(
            f"The database {where} could not be opened ({error.orig}). "
            "Nothing was overwritten; restore it from a backup or ask for support."
        ) from error
    except BaseException:
        engine.dispose()
        raise
    return Database(engine, report)


def _bring_to_head(engine: Engine, location: DatabaseLocation, revision: str | None) -> OpenReport:
    where = location.describe()
    if revision == migrate.HEAD:
        return OpenReport(location=where, revision=revision)
    if revision is None:
        migrate.upgrade_to_head(engine)
        log.info("Created a new clinic database at %s", where)
        return OpenReport(location=where, revision=migrate.HEAD, created=True)

    backup_path = None
    if location.sqlite_path is not None:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_path = location.sqlite_path.with_name(
            f"{location.sqlite_path.stem}.before-upgrade-{revision}-{stamp}.sqlite3"
        )
        backup_sqlite_file(location.sqlite_path, backup_path)
    else:
        log.warning("Upgrading %s from schema %s; back up the server first", where, revision)
    migrate.upgrade_to_head(engine)
    log.info("Upgraded %s from schema %s to %s", where, revision, migrate.HEAD)
    return OpenReport(
        location=where, revision=migrate.HEAD, upgraded_from=revision, backup_path=backup_path
    )
