"""Slow work off the GUI thread: a QRunnable on the global QThreadPool, reporting through
signals of a QObject that lives on the GUI thread.

``run_in_background(job, on_done, on_failed, on_progress)`` calls ``job(progress)`` on a
pool thread, where ``progress(percent, text)`` may be called as often as wanted; the
callbacks run on the GUI thread (queued signals). Only errors the user can act on
(``ClinicError``) are handed to ``on_failed`` as a sentence; anything else is logged with
its traceback and reported as a sentence that says nothing was changed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from clinic_desktop.domain.errors import ClinicError

log = logging.getLogger(__name__)

Progress = Callable[[int, str], None]


class WorkerSignals(QObject):
    progress = Signal(int, str)
    finished = Signal(object)
    failed = Signal(str)


class Worker(QRunnable):
    """Runs ``job(progress)`` once; its result or error arrives through ``signals``."""

    def __init__(self, job: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.job = job
        self.signals = WorkerSignals()

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self.job(self.signals.progress.emit)
        except ClinicError as error:
            self.signals.failed.emit(error.message)
        except Exception:  # logged whole; the user gets a sentence, not a traceback
            log.exception("Background work failed")
            self.signals.failed.emit(
                "Something went wrong while preparing the document; nothing was changed. "
                "The details are in the log in the data folder."
            )
        else:
            self.signals.finished.emit(result)


# Workers started and not yet reported back; kept so their signals outlive the pool thread.
_running: set[Worker] = set()


def run_in_background(
    job: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None],
    on_progress: Callable[[int, str], None] | None = None,
) -> Worker:
    """Start ``job`` on the global thread pool and return its worker.

    Pass methods of a QObject that lives on the GUI thread as callbacks: the signals are
    then queued to that thread, and a deleted widget is never called back.
    """
    worker = Worker(job)
    worker.setAutoDelete(False)
    _running.add(worker)
    signals = worker.signals
    signals.finished.connect(on_done)
    signals.failed.connect(on_failed)
    signals.finished.connect(lambda _result: _running.discard(worker))
    signals.failed.connect(lambda _text: _running.discard(worker))
    if on_progress is not None:
        signals.progress.connect(on_progress)
    QThreadPool.globalInstance().start(worker)
    return worker
