"""Locking, unlocking, signing out and switching users at a shared workstation.

Locking keeps every page's unsaved work as drafts first, then hides all records behind the
lock screen. The same user unlocking finds the screen exactly as they left it; another
user signing in gets a clean workspace of their own (the first user's drafts stay saved).
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from clinic_desktop.domain.access import SignedInUser
from clinic_desktop.domain.errors import SignInRefused
from clinic_desktop.gui.lock_screen import IdleWatcher
from clinic_desktop.gui.sign_in import ChangePasswordDialog


class SessionController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.clinic = window.clinic
        self.locked = False
        self._locked_user: SignedInUser | None = None
        minutes = window.settings.lock_after_minutes
        self.idle = IdleWatcher(minutes * 60_000, self)
        self.idle.idle.connect(self.lock)
        window.lock_screen.unlock_requested.connect(self.unlock)

    def start_idle_watch(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.idle.start()

    def apply_settings(self, settings) -> None:
        self.idle.set_interval(settings.lock_after_minutes * 60_000)

    def lock(self) -> None:
        """Hide every record behind the lock screen, keeping all work in progress."""
        user = self.clinic.access.user
        if self.locked or user is None:
            return
        self.window.keep_work()
        self.clinic.users.record_lock(True)
        self._locked_user = user
        self._enter_lock_screen()
        self.window.lock_screen.show_locked(user.display_name, user.username)

    def sign_out(self) -> None:
        """Save drafts, sign out, and wait on the lock screen for the next person."""
        if self.clinic.access.user is None:
            return
        self.window.keep_work()
        self.clinic.users.sign_out()
        self._locked_user = None
        self._enter_lock_screen()
        screen = self.window.lock_screen
        screen.show_locked("Nobody", "")
        screen.title.setText("<h2>Signed out</h2>")
        screen.hint.setText("Sign in to continue.")
        screen.username_edit.setReadOnly(False)
        screen.username_edit.setFocus()

    def _enter_lock_screen(self) -> None:
        self.locked = True
        self.window.statusBar().clearMessage()  # it may name the open patient
        self.idle.stop()
        self.window.screens.setCurrentWidget(self.window.lock_screen)
        # Shortcuts live on the window's actions: switch them off, not only the menus.
        for action in self.window.actions():
            action.setEnabled(action is self.window.quit_action)
        self.window.menuBar().setEnabled(False)
        self.window.toolbar.setEnabled(False)

    def unlock(self, username: str, password: str) -> None:
        """Unlock for the same user, or let another user sign in to a clean workspace."""
        previous = self._locked_user
        try:
            user = self.clinic.users.sign_in(username, password)
        except SignInRefused as refused:
            self.window.lock_screen.show_refusal(refused.message)
            return
        self.locked = False
        self.window.menuBar().setEnabled(True)
        self.window.toolbar.setEnabled(True)
        self.window.screens.setCurrentWidget(self.window.splitter)
        if previous is not None and user.id == previous.id:
            self.clinic.users.record_lock(False)
            self.window.apply_permissions()
        else:
            self.window.reset_workspace()
        self._locked_user = None
        self.idle.start()
        if user.must_change_password:
            self.change_password(required=True)

    def change_password(self, required: bool = False) -> None:
        ChangePasswordDialog(self.clinic, self.window, required=required).exec()
