"""Command line, application start-up and wiring. No globals: everything is built here."""

from __future__ import annotations

import argparse
import gc
import logging
import logging.handlers
import os
import sys
import time
import traceback
from pathlib import Path

from clinic_desktop import __version__

log = logging.getLogger("clinic_desktop")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="clinic-desktop",
        description="Assessment, progress and documents for clinics that treat runners.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="folder for the clinic's SQLite database, backups and log "
        "(default: the user data folder)",
    )
    where.add_argument(
        "--database-url",
        metavar="URL",
        help="any SQLAlchemy database URL, e.g. postgresql+psycopg://user@server/clinic",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the demo clinic (a separate database, created on first use)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="start offscreen, open the database, build the main window, print what was "
        "done and exit",
    )
    parser.add_argument("--version", action="version", version=f"clinic_desktop {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    report = commands.add_parser("report", help="write a document without opening a window")
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)
    handout = kinds.add_parser("handout", help="a patient's current home-exercise handout")
    handout.add_argument("--patient", required=True, metavar="MRN", help="the record number")
    handout.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    from clinic_desktop.report_command import add_clinical_reports

    add_clinical_reports(kinds)
    return parser.parse_args(argv)


def _setup_logging(folder: Path | None) -> None:
    handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
    handlers[0].setLevel(logging.WARNING)
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            file_handler = logging.handlers.RotatingFileHandler(
                folder / "clinic_desktop.log",
                maxBytes=2_000_000,
                backupCount=3,
                encoding="utf-8",
            )
            file_handler.setLevel(logging.INFO)
            handlers.append(file_handler)
        except OSError:
            pass  # the data-folder check reports an unwritable folder in a sentence
    logging.basicConfig(
        level=logging.INFO,
        handlers=handlers,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def main(argv: list[str] | None = None) -> int:
    # Start-up builds many long-lived objects and little garbage worth a collection pass,
    # so the collector waits until the main window is up (then gc.freeze, below).
    gc.disable()
    try:
        return _run(parse_args(argv))
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    if args.smoke_test:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"

    from clinic_desktop.services.clinic import (
        DatabaseRefused,
        default_data_dir,
        open_clinic,
        resolve_location,
    )

    data_dir = args.data_dir if args.data_dir is not None else default_data_dir()
    location = resolve_location(args.data_dir, args.database_url, args.demo)
    _setup_logging(location.sqlite_path.parent if location.sqlite_path else data_dir)
    if args.command == "report" and args.report_kind != "handout":
        from clinic_desktop.report_command import write_clinical_report

        return write_clinical_report(args, location)
    if args.command == "report":
        return write_handout(args, location)

    started = time.perf_counter()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("clinic_desktop")
    app.setOrganizationName("clinic_desktop")
    app.setApplicationVersion(__version__)

    def refuse(title: str, message: str, code: int) -> int:
        if args.smoke_test:
            print(f"clinic-desktop smoke test FAILED: {message}", file=sys.stderr)
        else:
            QMessageBox.critical(None, title, message)
        return code

    if args.demo:
        gc.enable()  # generating the demo clinic on first use leaves plenty of garbage
    try:
        clinic = open_clinic(location, demo=args.demo)
    except DatabaseRefused as error:
        log.error("Database refused: %s", error.message)
        return refuse("The clinic database was not opened", error.message, 2)
    except Exception as error:  # an error nobody can fix at the desk: log it whole
        log.exception("Could not open %s", location.describe())
        return refuse(
            "The clinic database could not be opened",
            f"The database {location.describe()} could not be opened: {error}. "
            "Nothing was changed. The details are in the log in the data folder.",
            1,
        )

    from clinic_desktop.gui.main_window import MainWindow

    _install_error_dialog(args.smoke_test)
    if args.smoke_test:
        from clinic_desktop.services.users import smoke_test_identity

        clinic.access.user = smoke_test_identity()
    else:
        gc.enable()  # signing in takes as long as the person needs
        if not sign_in(clinic):
            clinic.close()
            return 0
    ui_state = QSettings()
    window = MainWindow(clinic, ui_state)
    window.load()
    window.show()
    # After the sign-in dialog closes, give the main window the keyboard (and its shortcuts).
    window.raise_()
    window.activateWindow()
    # What start-up built lives as long as the window: keep it out of every later
    # collection pass (and out of the final one at exit).
    gc.freeze()
    gc.enable()
    if args.smoke_test:
        app.processEvents()
        listed = window.patient_list.model.rowCount()
        report = clinic.report
        what = (
            "created"
            if report.created
            else (f"upgraded from {report.upgraded_from}" if report.upgraded_from else "opened")
        )
        print(
            f"clinic-desktop smoke test ok: {what} {report.location} at schema "
            f"{report.revision}, main window built, {listed} patients listed "
            f"in {time.perf_counter() - started:.2f} s"
        )
        window.close()
        clinic.close()
        return 0
    code = app.exec()
    clinic.close()
    return code


def write_handout(args: argparse.Namespace, location) -> int:
    """``report handout``: no window and no sign-in; it acts as the command-line identity,
    which may print handouts and nothing else, and the generation is audited."""
    from clinic_desktop.domain.errors import ClinicError
    from clinic_desktop.services.clinic import DatabaseRefused, open_clinic
    from clinic_desktop.services.handouts import command_line_identity

    try:
        clinic = open_clinic(location, demo=args.demo)
    except DatabaseRefused as error:
        print(f"clinic-desktop: {error.message}", file=sys.stderr)
        return 2
    try:
        clinic.access.user = command_line_identity()
        patient_id = clinic.handouts.patient_for_mrn(args.patient)
        made = clinic.handouts.generate(patient_id)
        args.out.write_bytes(made.pdf)
    except ClinicError as error:
        print(f"clinic-desktop: {error.message}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"clinic-desktop: {args.out} could not be written: {error.strerror}", file=sys.stderr)
        return 1
    finally:
        clinic.close()
    print(
        f"Wrote {args.out}: {made.exercise_count} exercises on {made.page_count} pages, "
        f"SHA-256 {made.sha256}"
    )
    return 0


def sign_in(clinic) -> bool:
    """Create the first admin of a new clinic, or sign someone in; False if they cancel."""
    from clinic_desktop.gui.sign_in import ChangePasswordDialog, FirstAdminDialog, SignInDialog

    if not clinic.users.has_users():
        if not FirstAdminDialog(clinic).exec():
            return False
    else:
        demo_accounts = None
        if clinic.is_demo:
            from clinic_desktop.services.demo import DEMO_ACCOUNTS

            demo_accounts = DEMO_ACCOUNTS
        if not SignInDialog(clinic, demo_accounts=demo_accounts).exec():
            return False
    user = clinic.access.user
    if user is not None and user.must_change_password:
        return bool(ChangePasswordDialog(clinic, required=True).exec())
    return clinic.access.user is not None


def _install_error_dialog(quiet: bool) -> None:
    """Unexpected errors are logged whole and explained; the records stay as last saved."""

    def hook(kind, value, tb) -> None:
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if quiet:
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            None,
            "Something went wrong",
            f"clinic_desktop ran into an unexpected problem: {value}\n\n"
            "Everything saved before this moment is safe in the database. The details are "
            "in the log in the data folder; please pass them on to support.",
        )

    sys.excepthook = hook


if __name__ == "__main__":
    sys.exit(main())
