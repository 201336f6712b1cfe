"""Opening the clinic: where its data lives, and the services that work on it."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from clinic_desktop.services.access import Access, Service
from clinic_desktop.services.audit import AuditService
from clinic_desktop.services.drafts import DraftService
from clinic_desktop.services.patients import PatientService
from clinic_desktop.services.settings import SettingsService
from clinic_desktop.services.users import UserService
from clinic_desktop.storage.database import Database, OpenReport, open_database
from clinic_desktop.storage.errors import DatabaseRefused
from clinic_desktop.storage.location import (
    DATABASE_FILE,
    DEMO_DATABASE_FILE,
    DatabaseLocation,
)

__all__ = ["Clinic", "DatabaseRefused", "default_data_dir", "open_clinic", "resolve_location"]

APP_NAME = "clinic_desktop"


def default_data_dir() -> Path:
    """The per-user data folder (e.g. ~/.local/share/clinic_desktop on Linux)."""
    override = os.environ.get("CLINIC_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def resolve_location(
    data_dir: Path | None = None, database_url: str | None = None, demo: bool = False
) -> DatabaseLocation:
    """Which database to open for the command-line options given.

    ``--demo`` always means the separate demo database in the data folder, never the
    clinic's own records, even when ``--database-url`` points elsewhere.
    """
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    if demo:
        return DatabaseLocation.sqlite_file(folder / DEMO_DATABASE_FILE)
    if database_url:
        return DatabaseLocation.from_url(database_url)
    return DatabaseLocation.sqlite_file(folder / DATABASE_FILE)


class LazyService:
    """A service built the first time it is used.

    Start-up then imports only what the patient list needs; the clinical screens' services
    (and their reference data) load when a therapist first opens them.
    """

    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._service: Any = None
        self.access: Access | None = None

    def resolve(self) -> Any:
        if self._service is None:
            service = self._build()
            service.access = self.access
            self._service = service
        return self._service

    def __getattr__(self, name: str) -> Any:
        # Only reached for names the proxy itself lacks: everything the service offers.
        return getattr(self.resolve(), name)


@dataclass
class Clinic:
    """The open clinic: its database and the services the screens call."""

    database: Database
    patients: PatientService
    settings: SettingsService
    drafts: DraftService
    assessments: Any
    progress: Any
    users: UserService
    audit: AuditService
    intake: Any
    red_flags: Any
    exercises: Any
    programs: Any
    handouts: Any
    return_to_run: Any
    outcomes: Any
    goals: Any
    reports: Any
    reminders: Any
    discharge: Any
    is_demo: bool = False
    #: The folder of the SQLite file, where the clinic's own files (its battery) live.
    data_dir: Path | None = None
    #: Who is signed in at this workstation, shared by every service.
    access: Access = field(default_factory=Access)

    def __post_init__(self) -> None:
        for item in fields(self):
            service = getattr(self, item.name)
            if isinstance(service, Service) or hasattr(service, "access"):
                service.access = self.access

    @property
    def report(self) -> OpenReport:
        return self.database.report

    def close(self) -> None:
        self.database.dispose()


def open_clinic(location: DatabaseLocation, demo: bool = False) -> Clinic:
    """Open the database (creating, or backing up and upgrading, as needed).

    With ``demo`` the demo clinic is generated on first use. Raises DatabaseRefused with a
    sentence for the user when the database must not be opened.
    """
    database = open_database(location)
    try:
        if demo:
            from clinic_desktop.services.demo import ensure_demo_clinic

            ensure_demo_clinic(database)
    except BaseException:
        database.dispose()
        raise
    data_dir = location.sqlite_path.parent if location.sqlite_path is not None else None
    clinical = _clinical_services(database, location, data_dir)
    return Clinic(
        database=database,
        patients=PatientService(database),
        settings=SettingsService(database),
        drafts=DraftService(database),
        users=UserService(database),
        audit=AuditService(database),
        **clinical,
        is_demo=demo,
        data_dir=data_dir,
    )


def _clinical_services(database: Database, location: DatabaseLocation, data_dir: Path | None):
    """The clinical screens' services, each built (and its module imported) on first use."""

    def battery():
        from clinic_desktop.services.assessment import clinic_battery_file

        return clinic_battery_file(data_dir)

    def instruments():
        from clinic_desktop.services.outcome_entry import clinic_instruments_dir

        return clinic_instruments_dir(location)

    library_source: list = []

    def library():
        if not library_source:
            from clinic_desktop.services.exercise_library import LibrarySource

            library_source.append(LibrarySource(database, data_dir))
        return library_source[0]

    def assessments():
        from clinic_desktop.services.assessment import AssessmentService

        return AssessmentService(database, battery())

    def progress():
        from clinic_desktop.services.progress import ProgressService

        return ProgressService(database, battery(), instruments())

    def intake():
        from clinic_desktop.services.intake import IntakeService

        return IntakeService(database)

    def red_flags():
        from clinic_desktop.services.red_flag_screen import RedFlagService

        return RedFlagService(database)

    def exercises():
        from clinic_desktop.services.exercise_library import ExerciseLibraryService

        return ExerciseLibraryService(database, library())

    def programs():
        from clinic_desktop.services.program_templates import templates_file_for
        from clinic_desktop.services.programs import ProgramService

        return ProgramService(database, library(), templates_file_for(location.sqlite_path))

    def handouts():
        from clinic_desktop.services.handouts import HandoutService

        return HandoutService(database, library())

    def return_to_run():
        from clinic_desktop.services.return_to_run import ReturnToRunService

        return ReturnToRunService(database, battery(), data_dir)

    def outcomes():
        from clinic_desktop.services.outcome_entry import OutcomeService

        return OutcomeService(database, instruments_dir=instruments())

    def goals():
        from clinic_desktop.services.goals import GoalService

        return GoalService(database, battery(), instruments())

    def reports():
        from clinic_desktop.services.reports import ReportService

        return ReportService(database, battery(), instruments(), data_dir)

    def reminders():
        from clinic_desktop.services.reminders import ReminderService

        return ReminderService(database)

    def discharge():
        from clinic_desktop.services.discharge import DischargeService

        return DischargeService(database, battery(), instruments(), data_dir)

    builders = (
        assessments,
        progress,
        intake,
        red_flags,
        exercises,
        programs,
        handouts,
        return_to_run,
        outcomes,
        goals,
        reports,
        reminders,
        discharge,
    )
    return {build.__name__: LazyService(build) for build in builders}
