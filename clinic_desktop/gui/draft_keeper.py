"""Keeps a screen's unsaved typing as a draft in the database.

The draft is written a few seconds after the last change and whenever the focus leaves a
field of the screen, so a crash, a power cut or a lock loses at most the field being typed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from clinic_desktop.domain.errors import ClinicError
from clinic_desktop.services.drafts import Draft, DraftService

log = logging.getLogger(__name__)

AUTOSAVE_MS = 3000


class DraftKeeper(QObject):
    """Autosave for one screen: ``mark_changed()`` after each edit, ``track()`` per record."""

    def __init__(
        self,
        drafts: DraftService,
        form: str,
        owner: QWidget,
        collect: Callable[[], dict[str, Any]],
        interval_ms: int = AUTOSAVE_MS,
    ) -> None:
        super().__init__(owner)
        self._drafts = drafts
        self.form = form
        self._owner = owner
        self._collect = collect
        self.record_key: str | None = None
        self.patient_id: int | None = None
        self.unsaved = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    def track(self, record_key: str | None, patient_id: int | None = None) -> None:
        """Drafts now belong to ``record_key``; unsaved typing of the previous one is kept."""
        if record_key != self.record_key:
            self.save_now()
        self.record_key, self.patient_id = record_key, patient_id
        self.unsaved = False
        self.timer.stop()

    def mark_changed(self) -> None:
        self.unsaved = True
        self.timer.start()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self.unsaved and old is not None and _is_inside(old, self._owner):
            self.save_now()

    def save_now(self) -> bool:
        """Write the draft if anything changed since the last one. Never raises."""
        self.timer.stop()
        if not self.unsaved or self.record_key is None:
            return False
        try:
            self._drafts.save(self.form, self.record_key, self._collect(), self.patient_id)
        except (ClinicError, OSError, RuntimeError) as error:
            log.warning("draft %s/%s not kept: %s", self.form, self.record_key, error)
            return False
        except Exception:  # a draft must never take the screen down with it
            log.exception("draft %s/%s not kept", self.form, self.record_key)
            return False
        self.unsaved = False
        return True

    def load(self) -> Draft | None:
        if self.record_key is None:
            return None
        try:
            return self._drafts.load(self.form, self.record_key)
        except ClinicError as error:
            log.warning("draft %s/%s not read: %s", self.form, self.record_key, error)
            return None

    def discard(self) -> None:
        """Forget the draft (the record was saved for real, or the person chose so)."""
        self.timer.stop()
        self.unsaved = False
        if self.record_key is not None:
            try:
                self._drafts.discard(self.form, self.record_key)
            except ClinicError as error:
                log.warning("draft %s/%s not discarded: %s", self.form, self.record_key, error)


def _is_inside(widget: QWidget, owner: QWidget) -> bool:
    try:
        return widget is owner or owner.isAncestorOf(widget)
    except RuntimeError:  # one of them is already deleted
        return False
