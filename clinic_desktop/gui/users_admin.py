"""The admin's user list: create, change roles, reset passwords, deactivate (never delete)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.domain.access import Role, UserAccount
from clinic_desktop.domain.errors import ClinicError, ValidationErrors
from clinic_desktop.gui.field_errors import ERROR_STYLE, FieldErrors
from clinic_desktop.services.clinic import Clinic

_Index = QModelIndex | QPersistentModelIndex


class UserTableModel(QAbstractTableModel):
    COLUMNS = ("Name", "User name", "Roles", "Status")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.users: list[UserAccount] = []

    def set_users(self, users: list[UserAccount]) -> None:
        self.beginResetModel()
        self.users = users
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.COLUMNS[section]
        return None

    def data(self, index: _Index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        user = self.users[index.row()]
        name = f"{user.display_name}, {user.credentials}" if user.credentials else user.display_name
        status = "Active" if user.is_active else "Deactivated"
        if user.must_change_password and user.is_active:
            status += " (must choose a password)"
        roles = ", ".join(role.label for role in sorted(user.roles))
        return (name, user.username, roles, status)[index.column()]


class RoleChecks(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.checks = {role: QCheckBox(role.label, self) for role in Role}
        for check in self.checks.values():
            layout.addWidget(check)

    def roles(self) -> set[Role]:
        return {role for role, check in self.checks.items() if check.isChecked()}

    def set_roles(self, roles) -> None:
        for role, check in self.checks.items():
            check.setChecked(role in roles)


class NewUserDialog(QDialog):
    def __init__(self, clinic: Clinic, parent=None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.setWindowTitle("New user")
        self.username_edit = QLineEdit(self)
        self.name_edit = QLineEdit(self)
        self.credentials_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.roles = RoleChecks(self)
        form = QFormLayout()
        form.addRow("&User name", self.username_edit)
        form.addRow("Full &name", self.name_edit)
        form.addRow("&Credentials", self.credentials_edit)
        form.addRow("&Temporary password", self.password_edit)
        form.addRow("Roles", self.roles)
        self.errors = FieldErrors(
            form,
            {
                "username": self.username_edit,
                "display_name": self.name_edit,
                "password": self.password_edit,
                "roles": self.roles,
            },
        )
        note = QLabel("The new user chooses their own password at the first sign-in.", self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def save(self) -> None:
        try:
            self.clinic.users.create_user(
                self.username_edit.text(),
                self.name_edit.text(),
                self.password_edit.text(),
                self.roles.roles(),
                self.credentials_edit.text(),
            )
        except ValidationErrors as errors:
            self.errors.show(errors.by_field())
            return
        self.accept()


class UsersDialog(QDialog):
    """Users and their roles; every change is audited by the service."""

    def __init__(self, clinic: Clinic, parent=None) -> None:
        super().__init__(parent)
        self.clinic = clinic
        self.setWindowTitle("Users and roles")
        self.resize(760, 420)
        self.model = UserTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.roles = RoleChecks(self)
        self.apply_roles_button = QPushButton("Save &roles", self)
        self.reset_button = QPushButton("Reset &password…", self)
        self.temporary_edit = QLineEdit(self)
        self.temporary_edit.setPlaceholderText("temporary password")
        self.active_button = QPushButton("&Deactivate", self)
        self.new_button = QPushButton("&New user…", self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("Roles:", self))
        row.addWidget(self.roles)
        row.addWidget(self.apply_roles_button)
        row.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.temporary_edit)
        row2.addWidget(self.reset_button)
        row2.addStretch(1)
        row2.addWidget(self.active_button)
        row2.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(row2)
        layout.addWidget(self.message)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.apply_roles_button.clicked.connect(self.apply_roles)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.new_button.clicked.connect(self.new_user)
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        self.model.set_users(self.clinic.users.list_users())
        row = next((i for i, u in enumerate(self.model.users) if u.id == select_id), 0)
        if self.model.users:
            self.table.selectRow(row)
        self._show_selected()

    def selected(self) -> UserAccount | None:
        index = self.table.currentIndex()
        return self.model.users[index.row()] if index.isValid() else None

    def _show_selected(self) -> None:
        user = self.selected()
        if user is not None:
            self.roles.set_roles(user.roles)
            self.active_button.setText("&Deactivate" if user.is_active else "Re&activate")

    def _run(self, action, done: str) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            action(user)
        except ClinicError as error:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(error.message)
            return
        self.message.setStyleSheet("")
        self.message.setText(done.format(name=user.display_name))
        self.refresh(user.id)

    def apply_roles(self) -> None:
        self._run(
            lambda u: self.clinic.users.set_roles(u.id, self.roles.roles(), u.version),
            "Saved the roles of {name}.",
        )

    def reset_password(self) -> None:
        self._run(
            lambda u: self.clinic.users.reset_password(u.id, self.temporary_edit.text(), u.version),
            "{name} must choose a new password at the next sign-in.",
        )
        self.temporary_edit.clear()

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.is_active:
            self._run(
                lambda u: self.clinic.users.deactivate(u.id, u.version),
                "{name} can no longer sign in; their records stay attributed to them.",
            )
        else:
            self._run(
                lambda u: self.clinic.users.reactivate(u.id, u.version), "{name} can sign in again."
            )

    def new_user(self) -> None:
        dialog = NewUserDialog(self.clinic, self)
        if dialog.exec():
            self.refresh()
