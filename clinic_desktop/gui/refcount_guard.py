"""A guard against reference-count faults in the Qt bindings on Python 3.11.

With the PySide6 6.12 wheels on Python 3.11, many calls into Qt take a reference from
``None`` (every method that returns nothing), and some from ``True`` or ``False``, without
having given one: the bindings treat them as immortal, which they are only from Python
3.12. After some tens of thousands of calls one of them would be freed and the application
stops with "Fatal Python error: none_dealloc" (or bool_dealloc), mid-session or at exit.
Screens that redraw many items, such as charts, get there within minutes.

:func:`top_up` gives the references back: whenever a count has fallen below a floor it
is raised to the floor, in place (CPython keeps it in the object's first field). Holding
references in a list instead would not do: freeing the list at exit would take them all
back at once. Call it before heavy redrawing; :func:`keep_topped_up` also does it every
few seconds while the event loop runs. From Python 3.12 both do nothing.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

FLOOR = 1_000_000
INTERVAL_MS = 2000
GUARDED = (None, True, False)
_MORTAL_SINGLETONS = sys.version_info < (3, 12)
_timer: QTimer | None = None


def top_up(floor: int = FLOOR) -> int:
    """Raise the reference counts of ``None``, ``True`` and ``False`` to at least ``floor``.

    Returns how many references were added in all.
    """
    if not _MORTAL_SINGLETONS:
        return 0
    added = 0
    for singleton in GUARDED:
        missing = floor - sys.getrefcount(singleton)
        if missing > 0:
            ctypes.c_ssize_t.from_address(id(singleton)).value += missing
            added += missing
    return added


def keep_topped_up(parent: QObject) -> None:
    """Top up now and every few seconds for the life of ``parent`` (one timer per process)."""
    global _timer
    top_up()
    if _timer is not None or not _MORTAL_SINGLETONS:
        return
    _timer = QTimer(parent)
    _timer.setInterval(INTERVAL_MS)
    _timer.timeout.connect(top_up)
    _timer.destroyed.connect(_forget_timer)
    _timer.start()


def _forget_timer() -> None:
    global _timer
    _timer = None
