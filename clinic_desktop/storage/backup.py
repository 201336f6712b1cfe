"""Backups that count only once they are proven readable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from clinic_desktop.storage.errors import BackupFailed


def integrity_check(path: Path) -> str:
    """Run ``PRAGMA integrity_check`` on a SQLite file and return its first line (``ok``)."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def backup_sqlite_file(source: Path, destination: Path) -> Path:
    """Copy a live SQLite database with the online backup API and verify the copy.

    The copy is written to a temporary name and renamed only after ``integrity_check``
    reports ``ok``. Raises BackupFailed (and leaves no partial file) otherwise.
    """
    partial = destination.with_name(destination.name + ".partial")
    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        verdict = integrity_check(partial)
        if verdict != "ok":
            raise BackupFailed(
                f"The backup of {source} did not pass its integrity check ({verdict})."
            )
        partial.replace(destination)
    except (OSError, sqlite3.Error) as error:
        raise BackupFailed(f"The backup of {source} to {destination} failed: {error}.") from error
    finally:
        partial.unlink(missing_ok=True)
    return destination
