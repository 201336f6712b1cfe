"""Signing in: the first admin of a new clinic, everyday sign-in, and password changes."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.errors import SignInRefused, ValidationErrors
from clinic_desktop.gui.field_errors import ERROR_STYLE, FieldErrors
from clinic_desktop.services.clinic import Clinic


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(256)
    return edit


class SignInDialog(QDialog):
    """User name and password; in the demo clinic the demo accounts are shown."""

    def __init__(
        self,
        clinic: Clinic,
        parent: QWidget | None = None,
        demo_accounts: list[tuple[str, str, str]] | None = None,
        username: str = "",
        title: str = "Sign in",
    ) -> None:
        super().__init__(parent)
        self.clinic = clinic
        clinic_name = clinic.settings.load().clinic_name
        self.setWindowTitle(f"{title} — {clinic_name}")
        self.username_edit = QLineEdit(username, self)
        self.username_edit.setObjectName("usernameEdit")
        self.password_edit = _password_edit(self)
        self.password_edit.setObjectName("passwordEdit")
        self.message = QLabel(self)
        self.message.setObjectName("signInMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&User name", self.username_edit)
        form.addRow("&Password", self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_in_button = buttons.addButton("Sign in", QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_in_button.setDefault(True)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<h2 style='margin:0'>{escape(clinic_name)}</h2>", self)
        layout.addWidget(heading)
        if demo_accounts:
            rows = "".join(
                f"<tr><td>{escape(role)}</td><td><b>{escape(user)}</b></td>"
                f"<td><code>{escape(password)}</code></td></tr>"
                for role, user, password in demo_accounts
            )
            demo = QLabel(
                "<p><b>Demo clinic</b> — made-up patients. Sign in with one of these:</p>"
                f"<table cellspacing='6'><tr><th align='left'>Role</th><th align='left'>User"
                f"</th><th align='left'>Password</th></tr>{rows}</table>",
                self,
            )
            demo.setObjectName("demoAccounts")
            demo.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(demo)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        (self.password_edit if username else self.username_edit).setFocus()
        self.setMinimumWidth(420)

    def try_sign_in(self) -> None:
        try:
            self.clinic.users.sign_in(self.username_edit.text(), self.password_edit.text())
        except SignInRefused as refused:
            self.message.setText(refused.message)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """A new clinic has no accounts and no default password: its first admin is made here."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.setWindowTitle("Create the clinic's first admin account")
        intro = QLabel(
            "This clinic database has no user accounts yet. Create the first admin account: "
            "it manages users, roles and the clinic settings. There are no default passwords.",
            self,
        )
        intro.setWordWrap(True)
        self.username_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.credentials_edit = QLineEdit(self)
        self.credentials_edit.setPlaceholderText("e.g. PT, DPT (for therapists)")
        self.password_edit = _password_edit(self)
        self.repeat_edit = _password_edit(self)
        self.therapist_check = QCheckBox("Also a &therapist (clinical work)", self)
        form = QFormLayout()
        form.addRow("&User name", self.username_edit)
        form.addRow("Full &name", self.name_edit)
        form.addRow("&Credentials", self.credentials_edit)
        form.addRow("&Password", self.password_edit)
        form.addRow("&Repeat password", self.repeat_edit)
        form.addRow("", self.therapist_check)
        self.errors = FieldErrors(
            form,
            {
                "username": self.username_edit,
                "display_name": self.name_edit,
                "password": self.password_edit,
                "repeat": self.repeat_edit,
            },
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton("Create and sign in", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def create(self) -> None:
        if self.password_edit.text() != self.repeat_edit.text():
            self.errors.show({"repeat": "The two passwords differ; type the same one twice."})
            return
        try:
            account = self.clinic.users.create_first_admin(
                self.username_edit.text(),
                self.name_edit.text(),
                self.password_edit.text(),
                self.credentials_edit.text(),
                also_therapist=self.therapist_check.isChecked(),
            )
            self.clinic.users.sign_in(account.username, self.password_edit.text())
        except ValidationErrors as errors:
            first = self.errors.show(errors.by_field())
            if first is not None:
                first.setFocus()
            return
        self.accept()


class ChangePasswordDialog(QDialog):
    """The signed-in user's own password; required after an admin's reset."""

    def __init__(self, clinic: Clinic, parent: QWidget | None = None, required: bool = False):
        super().__init__(parent)
        self.clinic = clinic
        self.setWindowTitle("Choose a new password" if required else "Change your password")
        self.current_edit = _password_edit(self)
        self.new_edit = _password_edit(self)
        self.repeat_edit = _password_edit(self)
        form = QFormLayout()
        form.addRow("&Current password", self.current_edit)
        form.addRow("&New password", self.new_edit)
        form.addRow("&Repeat new password", self.repeat_edit)
        self.errors = FieldErrors(
            form,
            {
                "current_password": self.current_edit,
                "new_password": self.new_edit,
                "repeat": self.repeat_edit,
            },
        )
        layout = QVBoxLayout(self)
        if required:
            note = QLabel(
                "An admin set a temporary password for you. Choose your own now: "
                "at least 8 characters; a short phrase works well.",
                self,
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton("Change password", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.change)
        buttons.rejected.connect(self.reject)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def change(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.errors.show({"repeat": "The two new passwords differ; type the same one twice."})
            return
        try:
            self.clinic.users.change_own_password(self.current_edit.text(), self.new_edit.text())
        except ValidationErrors as errors:
            self.errors.show(errors.by_field())
            return
        self.accept()
