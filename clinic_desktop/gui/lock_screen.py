"""The lock screen and the idle watch that brings it up.

While locked, nothing of the clinic's records is visible: the lock screen replaces the
whole window content. Work in progress stays in its widgets (and is saved as drafts when
the screen locks), so the same user finds the screen exactly as they left it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from clinic_desktop.gui.field_errors import ERROR_STYLE

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` without keyboard, mouse or touch input."""

    idle = Signal()

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.idle)

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)
        if self.timer.isActive():
            self.timer.start()

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False


class LockScreen(QFrame):
    """Asks for the password of whoever locked the screen, or lets another user sign in."""

    unlock_requested = Signal(str, str)  # user name, password

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.title = QLabel(self)
        self.title.setObjectName("lockTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.username_edit = QLineEdit(self)
        self.username_edit.setObjectName("lockUsername")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("lockPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(self)
        self.message.setObjectName("lockMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.unlock_button = QPushButton("&Unlock", self)
        self.unlock_button.setDefault(True)
        self.other_user_button = QPushButton("Sign in as &someone else", self)

        form = QFormLayout()
        form.addRow("&User name", self.username_edit)
        form.addRow("&Password", self.password_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.other_user_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        box = QFrame(self)
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.hint)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.unlock_button.clicked.connect(self._submit)
        self.password_edit.returnPressed.connect(self._submit)
        self.username_edit.returnPressed.connect(self.password_edit.setFocus)
        self.other_user_button.clicked.connect(self._other_user)

    def show_locked(self, display_name: str, username: str) -> None:
        self.title.setText(f"<h2>Locked</h2><p>{display_name} is signed in.</p>")
        self.hint.setText(
            "Enter your password to carry on where you left off. Someone else "
            "can sign in: your unsaved work is kept as drafts."
        )
        self.username_edit.setText(username)
        self.username_edit.setReadOnly(True)
        self.password_edit.clear()
        self.message.clear()
        self.password_edit.setFocus()

    def show_refusal(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.password_edit.clear()
        self.password_edit.setFocus()

    def _other_user(self) -> None:
        self.username_edit.setReadOnly(False)
        self.username_edit.clear()
        self.password_edit.clear()
        self.username_edit.setFocus()

    def _submit(self) -> None:
        self.unlock_requested.emit(self.username_edit.text().strip(), self.password_edit.text())
