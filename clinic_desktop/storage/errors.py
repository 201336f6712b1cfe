"""Why a database could not be opened, in sentences for the person at the workstation."""

from __future__ import annotations

from clinic_desktop.domain.errors import ClinicError


class DatabaseRefused(ClinicError):
    """The database was not opened; nothing in it was changed."""


class DatabaseTooNew(DatabaseRefused):
    """The file was written by a newer version of the application."""


class DatabaseUnreadable(DatabaseRefused):
    """The file is not a clinic database, or it is damaged."""


class NetworkShareRefused(DatabaseRefused):
    """A SQLite file on a network share would risk corrupting the records."""


class DataFolderUnusable(DatabaseRefused):
    """The data folder cannot be created or written to."""


class BackupFailed(ClinicError):
    """A backup copy could not be written or did not pass its integrity check."""
