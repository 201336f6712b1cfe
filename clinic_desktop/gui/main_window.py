"""The main window: the patient list on the left, the open patient on the right."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop import __version__
from clinic_desktop.domain.access import DENIED_SENTENCES, Permission
from clinic_desktop.domain.errors import ClinicError, NotFound
from clinic_desktop.domain.settings import ClinicSettings
from clinic_desktop.gui.audit_viewer import AuditDialog
from clinic_desktop.gui.lock_screen import LockScreen
from clinic_desktop.gui.patient_form import PatientFormDialog
from clinic_desktop.gui.patient_header import PatientHeader, progress_report_reminder
from clinic_desktop.gui.patient_list import PatientListPanel
from clinic_desktop.gui.session import SessionController
from clinic_desktop.gui.settings_dialog import SettingsDialog
from clinic_desktop.gui.shortcuts import give_way_to_local_shortcuts
from clinic_desktop.gui.users_admin import UsersDialog
from clinic_desktop.gui.workspace import WorkspacePage
from clinic_desktop.gui.workspace_pages import workspace_pages
from clinic_desktop.services.clinic import Clinic
from clinic_desktop.services.patients import SEARCH_LIMIT


class MainWindow(QMainWindow):
    """Composes the screens and wires them to the clinic's services."""

    def __init__(self, clinic: Clinic, ui_state: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.clinic = clinic
        self.ui_state = ui_state
        self.settings: ClinicSettings = clinic.settings.load()
        self.current_patient_id: int | None = None
        # UI state is kept per database, so the demo clinic never reopens a real patient.
        self._state_key = "db-" + hashlib.sha256(clinic.report.location.encode()).hexdigest()[:12]

        self.patient_list = PatientListPanel(self)
        self.header = PatientHeader(self)
        self.workspace = QTabWidget(self)
        self.workspace.setDocumentMode(True)
        self.pages: list[WorkspacePage] = []
        self._page_patient: dict[int, int | None] = {}
        self._build_pages()
        self.workspace.currentChanged.connect(lambda _index: self._show_current_page())
        patient_area = QWidget(self)
        patient_layout = QVBoxLayout(patient_area)
        patient_layout.setContentsMargins(0, 0, 0, 0)
        patient_layout.addWidget(self.header)
        patient_layout.addWidget(self.workspace, 1)
        self.placeholder = QLabel(
            "Find a patient on the left: type part of a name, an MRN, a birth date or a "
            "phone number, then press Enter.",
            self,
        )
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.placeholder)
        self.right.addWidget(patient_area)
        self.patient_area = patient_area

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.patient_list)
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([430, 936])
        self.patient_list.setMinimumWidth(240)
        self.lock_screen = LockScreen(self)
        self.screens = QStackedWidget(self)
        self.screens.addWidget(self.splitter)
        self.screens.addWidget(self.lock_screen)
        self.setCentralWidget(self.screens)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)  # coalesce a burst of keystrokes into one query
        self._search_timer.timeout.connect(self.refresh_patient_list)
        self.patient_list.search_changed.connect(lambda _text: self._search_timer.start())
        self.patient_list.patient_opened.connect(self.open_patient)

        self._build_actions()
        self._apply_settings()
        self.user_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(QLabel(self._database_caption(), self))
        self.session = SessionController(self)
        self.apply_permissions()
        self._restore_state()

    def _build_pages(self) -> None:
        """(Re)build the workspace tabs the signed-in user may see; old pages are dropped."""
        for page in self.pages:
            page.keep_work()
            page.deleteLater()
        self.workspace.clear()
        self.pages = [
            page_type(self.clinic, self.settings, self)
            for page_type in workspace_pages()
            if self.clinic.access.may(page_type.permission)
        ]
        self._page_patient.clear()
        for page in self.pages:
            # A page may be squeezed below its ideal width rather than push the window past
            # the screen (1366 px is common at a front desk); its layout then tightens.
            page.setMinimumSize(360, 240)
            self.workspace.addTab(page, page.title)
            page.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
            page.record_changed.connect(self._record_changed)
            if hasattr(page, "visit_requested"):
                page.visit_requested.connect(self.open_visit)
        self.overview = self.pages[0] if self.pages else None

    def apply_permissions(self) -> None:
        """Show what the signed-in user may use; say why the rest is unavailable."""
        access = self.clinic.access
        user = access.user
        for action in (
            self.quit_action,
            self.about_action,
            self.lock_action,
            self.sign_out_action,
            self.password_action,
        ):
            action.setEnabled(user is not None or action in (self.quit_action, self.about_action))
        for action, permission in (
            (self.find_action, Permission.FIND_PATIENTS),
            (self.new_patient_action, Permission.EDIT_DEMOGRAPHICS),
            (self.settings_action, Permission.CLINIC_SETTINGS),
            (self.criteria_action, Permission.CLINIC_SETTINGS),
            (self.users_action, Permission.MANAGE_USERS),
            (self.audit_action, Permission.VIEW_AUDIT),
            (self.print_handout_action, Permission.PRINT_HANDOUT),
        ):
            allowed = access.may(permission)
            action.setEnabled(allowed)
            action.setToolTip(action.statusTip() if allowed else DENIED_SENTENCES[permission])
        can_find = access.may(Permission.FIND_PATIENTS)
        self.patient_list.setEnabled(can_find)
        self.patient_list.setVisible(can_find)
        self.placeholder.setText(
            "Find a patient on the left: type part of a name, an MRN, a birth date or a "
            "phone number, then press Enter."
            if can_find
            else "You are signed in with the admin role only: use the Admin menu for users, "
            "clinic settings and the audit trail."
        )
        if user is None:
            self.user_label.setText("Not signed in")
        else:
            roles = ", ".join(role.label for role in sorted(user.roles))
            self.user_label.setText(f"Signed in: {user.display_name} ({roles})")

    # --- actions -----------------------------------------------------------------------

    def _build_actions(self) -> None:
        def action(text: str, slot, shortcut=None, tip: str = "") -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.find_action = action(
            "&Find patient",
            self.patient_list.focus_search,
            QKeySequence.StandardKey.Find,
            "Search patients by name, MRN, birth date or phone",
        )
        self.new_patient_action = action(
            "&New patient…",
            self.new_patient,
            QKeySequence.StandardKey.New,
            "Register a new patient",
        )
        # Ctrl+N in the Goals tab starts a new goal.
        give_way_to_local_shortcuts(self.new_patient_action, self)
        self.settings_action = action(
            "Clinic &settings…", self.edit_settings, "Ctrl+,", "Letterhead, units and formats"
        )
        self.criteria_action = action(
            "&Return-to-run criteria…", self.edit_criteria, None,
            "Which criteria say a runner may start walk/run, and the weekly distance cap",
        )  # fmt: skip
        self.quit_action = action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.about_action = action("&About clinic_desktop", self.show_about)
        self.lock_action = action(
            "&Lock screen",
            lambda: self.session.lock(),
            "Ctrl+L",
            "Hide the records until you sign in again; your work stays as it is",
        )
        # Locking must work wherever the focus is, dialogs included.
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.sign_out_action = action(
            "Sign &out", lambda: self.session.sign_out(), None, "Save your drafts and sign out"
        )
        self.password_action = action(
            "Change &password…",
            lambda: self.session.change_password(),
            None,
            "Choose a new password",
        )
        self.users_action = action(
            "&Users and roles…", self.manage_users, None, "Create users, set roles, reset passwords"
        )
        self.audit_action = action(
            "&Audit trail…", self.show_audit, None, "Who did what, when; verify the chain"
        )
        self.print_handout_action = action(
            "&Print handout…",
            self.print_handout,
            QKeySequence.StandardKey.Print,
            "Preview and print the selected patient's home-exercise handout",
        )
        give_way_to_local_shortcuts(self.print_handout_action, self)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self.new_patient_action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(self.password_action)
        file_menu.addAction(self.sign_out_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        patient_menu = menu.addMenu("&Patient")
        patient_menu.addAction(self.find_action)
        patient_menu.addAction(self.print_handout_action)
        admin_menu = menu.addMenu("&Admin")
        admin_menu.addAction(self.settings_action)
        admin_menu.addAction(self.criteria_action)
        admin_menu.addAction(self.users_action)
        admin_menu.addAction(self.audit_action)
        help_menu = menu.addMenu("&Help")
        help_menu.addAction(self.about_action)

        toolbar = self.toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addAction(self.find_action)
        toolbar.addAction(self.new_patient_action)
        toolbar.addAction(self.print_handout_action)
        toolbar.addAction(self.lock_action)

    def _apply_settings(self) -> None:
        demo = " — DEMO CLINIC (not real patients)" if self.clinic.is_demo else ""
        self.setWindowTitle(f"{self.settings.clinic_name} — clinic_desktop{demo}")
        self.patient_list.model.date_format = self.settings.date_format
        for page in self.pages:
            page.apply_settings(self.settings)

    def _database_caption(self) -> str:
        return f"Database: {self.clinic.report.location}"

    # --- patient list and overview -------------------------------------------------------

    def refresh_patient_list(self) -> None:
        text = self.patient_list.search_box.text()
        patients = self.clinic.patients.search(text, self.settings.date_format)
        self.patient_list.show_patients(patients, SEARCH_LIMIT)

    def open_patient(self, patient_id: int) -> None:
        """Show ``patient_id`` in the workspace, keeping the previous patient's typing."""
        self.keep_work()
        try:
            overview = self.clinic.patients.overview(patient_id)
        except NotFound as error:
            self.statusBar().showMessage(error.message, 8000)
            self.refresh_patient_list()
            return
        self.clinic.audit.record_patient_opened(patient_id)
        self.current_patient_id = patient_id
        self._page_patient.clear()
        self.header.show_patient(overview, self.settings.date_format)
        self._show_alerts()
        self.right.setCurrentWidget(self.patient_area)
        self._show_current_page()
        self.statusBar().showMessage(f"Opened {overview.patient.name}", 4000)

    def _show_current_page(self) -> None:
        page = self.workspace.currentWidget()
        if not isinstance(page, WorkspacePage) or self.current_patient_id is None:
            return
        index = self.pages.index(page)
        if self._page_patient.get(index) != self.current_patient_id:
            self._page_patient[index] = self.current_patient_id
            page.show_patient(self.current_patient_id)

    def _record_changed(self) -> None:
        """Another page saved something: reload the others when next shown."""
        sender = self.sender()
        for index, page in enumerate(self.pages):
            if page is not sender:
                self._page_patient.pop(index, None)
        if self.current_patient_id is not None:
            self.header.show_patient(
                self.clinic.patients.overview(self.current_patient_id), self.settings.date_format
            )
            self._show_alerts()
        self._show_current_page()
        self.refresh_patient_list()

    def open_visit(self, visit_id: int) -> None:
        """Show one visit on the page that records visits (a chart point was clicked)."""
        for page in self.pages:
            if hasattr(page, "open_visit"):
                self.workspace.setCurrentWidget(page)
                page.open_visit(visit_id)
                return

    def keep_work(self) -> None:
        """Ask every page to keep what is typed but not saved (as drafts)."""
        for page in self.pages:
            page.keep_work()

    def reset_workspace(self) -> None:
        """A clean workspace for a newly signed-in user: no patient open, their own tabs."""
        self.current_patient_id = None
        self._build_pages()
        self.right.setCurrentWidget(self.placeholder)
        self.patient_list.search_box.clear()
        self.apply_permissions()
        if self.clinic.access.may(Permission.FIND_PATIENTS):
            self.refresh_patient_list()
            self.patient_list.focus_search()

    def manage_users(self) -> None:
        UsersDialog(self.clinic, self).exec()

    def show_audit(self) -> None:
        AuditDialog(self.clinic, self).exec()

    def edit_criteria(self) -> None:
        from clinic_desktop.gui.readiness_criteria_dialog import edit_criteria

        try:
            edit_criteria(self.clinic, self.settings.date_format, self)
        except ClinicError as error:
            self.statusBar().showMessage(error.message, 8000)

    def _show_alerts(self) -> None:
        """Positive red flags of the open patient, and a progress report due, stay in sight
        on the header; users without clinical access see neither."""
        if self.current_patient_id is not None and self.clinic.access.may(Permission.CLINICAL_READ):
            from clinic_desktop.gui.intake_red_flags import red_flag_alerts

            self.header.set_alerts(
                red_flag_alerts(self.clinic, self.current_patient_id, self.settings.date_format)
            )
            self.header.set_reminder(progress_report_reminder(self.clinic, self.current_patient_id))
        else:
            self.header.set_alerts([])
            self.header.set_reminder(None)

    def new_patient(self) -> None:
        """Register a patient (or open the one on file the desk recognised); a new patient
        goes straight on to the intake."""
        dialog = PatientFormDialog(self.clinic, self.settings, self)
        chosen = (dialog.created or dialog.open_existing) if dialog.exec() else None
        if chosen is None:
            return
        self.patient_list.search_box.setText(chosen.mrn)
        self.refresh_patient_list()
        self.open_patient(chosen.id)
        if dialog.created is not None:
            for page in self.pages:
                if getattr(page, "follows_registration", False):
                    self.workspace.setCurrentWidget(page)

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self.clinic.settings, self)
        if dialog.exec() and dialog.saved is not None:
            self.settings = dialog.saved
            self._apply_settings()
            self.session.apply_settings(self.settings)
            self.refresh_patient_list()
            self._show_alerts()  # the progress-report limits may have changed

    def print_handout(self) -> None:
        """Preview, then print, the handout of the patient selected in the list."""
        from clinic_desktop.gui.pdf_preview import open_handout_preview

        selected = self.patient_list.current_patient()
        patient_id = selected.id if selected is not None else self.current_patient_id
        if patient_id is None:
            self.statusBar().showMessage("Select a patient in the list first.", 8000)
            return
        self.handout_preview = open_handout_preview(self.clinic, patient_id, self)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About clinic_desktop",
            f"clinic_desktop {__version__}\n\nAssessment, progress and documents for "
            f"physical-therapy clinics that treat runners.\n\n{self._database_caption()}",
        )

    # --- window state ----------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.ui_state.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1360, screen.width()), min(820, screen.height()))
        state = self.ui_state.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.ui_state.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def load(self) -> None:
        """Fill the patient list and reopen the last patient of this database."""
        self.session.start_idle_watch()
        if not self.clinic.access.may(Permission.FIND_PATIENTS):
            return
        self.refresh_patient_list()
        last = self.ui_state.value(f"{self._state_key}/last_patient")
        if last is not None:
            try:
                patient_id = int(last)
            except (TypeError, ValueError):
                patient_id = None
            if patient_id is not None and self.patient_list.select_patient(patient_id):
                self.open_patient(patient_id)
        self.patient_list.focus_search()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.keep_work()
        self.ui_state.setValue("window/geometry", self.saveGeometry())
        self.ui_state.setValue("window/state", self.saveState())
        self.ui_state.setValue("window/splitter", self.splitter.saveState())
        if self.current_patient_id is not None:
            self.ui_state.setValue(f"{self._state_key}/last_patient", self.current_patient_id)
        self.ui_state.sync()
        super().closeEvent(event)
