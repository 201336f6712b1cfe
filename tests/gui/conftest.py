"""Keyboard helpers for driving real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def send_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` as key events, accents included.

    QTest's own key clicks only handle ASCII; names such as "Núñez" need real text events.
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


@pytest.fixture
def type_text():
    return send_text
