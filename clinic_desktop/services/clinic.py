"""Opening the clinic: where its data lives, and the services that work on it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from clinic_desktop.services.access import Access, Service
from clinic_desktop.services.assessment import AssessmentService, clinic_battery_file
from clinic_desktop.services.audit import AuditService
from clinic_desktop.services.drafts import DraftService
from clinic_desktop.services.exercise_library import ExerciseLibraryService, LibrarySource
from clinic_desktop.services.goals import GoalService
from clinic_desktop.services.handouts import HandoutService
from clinic_desktop.services.intake import IntakeService
from clinic_desktop.services.outcome_entry import OutcomeService, clinic_instruments_dir
from clinic_desktop.services.patients import PatientService
from clinic_desktop.services.program_templates import templates_file_for
from clinic_desktop.services.programs import ProgramService
from clinic_desktop.services.progress import ProgressService
from clinic_desktop.services.red_flag_screen import RedFlagService
from clinic_desktop.services.return_to_run import ReturnToRunService
from clinic_desktop.services.reports import ReportService
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


@dataclass
class Clinic:
    """The open clinic: its database and the services the screens call."""

    database: Database
    patients: PatientService
    settings: SettingsService
    drafts: DraftService
    assessments: AssessmentService
    progress: ProgressService
    users: UserService
    audit: AuditService
    intake: IntakeService
    red_flags: RedFlagService
    exercises: ExerciseLibraryService
    programs: ProgramService
    handouts: HandoutService
    return_to_run: ReturnToRunService
    outcomes: OutcomeService
    goals: GoalService
    reports: ReportService
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
    library = LibrarySource(database, data_dir)
    return Clinic(
        database=database,
        patients=PatientService(database),
        settings=SettingsService(database),
        drafts=DraftService(database),
        assessments=AssessmentService(database, clinic_battery_file(data_dir)),
        progress=ProgressService(
            database, clinic_battery_file(data_dir), clinic_instruments_dir(location)
        ),
        users=UserService(database),
        audit=AuditService(database),
        intake=IntakeService(database),
        red_flags=RedFlagService(database),
        exercises=ExerciseLibraryService(database, library),
        programs=ProgramService(database, library, templates_file_for(location.sqlite_path)),
        handouts=HandoutService(database, library),
        return_to_run=ReturnToRunService(database, clinic_battery_file(data_dir), data_dir),
        outcomes=OutcomeService(database, instruments_dir=clinic_instruments_dir(location)),
        goals=GoalService(
            database, clinic_battery_file(data_dir), clinic_instruments_dir(location)
        ),
        reports=ReportService(
            database, clinic_battery_file(data_dir), clinic_instruments_dir(location), data_dir
        ),
        is_demo=demo,
        data_dir=data_dir,
    )
