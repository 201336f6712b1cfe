"""Window-wide shortcuts that give way to a screen's own use of the same keys.

Qt refuses a key that two active shortcuts share ("ambiguous"), so neither would work.
``give_way_to_local_shortcuts`` watches the focus: while it sits inside a widget that has
its own action on the same keys (the assessment grid's Ctrl+P, "painful"), the window's
action drops its shortcut, and takes it back when the focus leaves.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


def _has_own(widget: QWidget | None, keys: QKeySequence, stop: QWidget) -> bool:
    while widget is not None and widget is not stop:
        if any(a.shortcut() == keys and a.isEnabled() for a in widget.actions()):
            return True
        widget = widget.parentWidget()
    return False


def give_way_to_local_shortcuts(action: QAction, window: QWidget) -> None:
    """Keep ``action``'s shortcut except while the focus is inside a widget of ``window``
    that has an action on the same keys."""
    keys = action.shortcut()

    def focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
        try:
            action.setShortcut(QKeySequence() if _has_own(new, keys, window) else keys)
        except RuntimeError:  # the window and its action are gone
            QApplication.instance().focusChanged.disconnect(focus_changed)

    QApplication.instance().focusChanged.connect(focus_changed)
