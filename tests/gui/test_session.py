"""Locking, unlocking and switching users at a shared workstation, with real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from clinic_desktop.domain.access import Permission, Role
from clinic_desktop.gui import main_window as main_window_module
from clinic_desktop.gui.main_window import MainWindow
from clinic_desktop.gui.overview import PatientOverviewPage
from clinic_desktop.gui.sign_in import SignInDialog
from clinic_desktop.gui.workspace import WorkspacePage
from clinic_desktop.services.demo import DEMO_ACCOUNTS


class NotesPage(WorkspacePage):
    """A clinical page with one free-text field that keeps its text as a draft."""

    title = "Notes"
    permission = Permission.CLINICAL_WRITE

    def __init__(self, clinic, settings, parent=None) -> None:
        super().__init__(clinic, settings, parent)
        self.notes = QLineEdit(self)
        QVBoxLayout(self).addWidget(self.notes)

    def keep_work(self) -> None:
        if self.patient_id is not None and self.notes.text():
            self.clinic.drafts.save("notes", f"patient:{self.patient_id}",
                                    {"notes": self.notes.text()}, patient_id=self.patient_id)


@pytest.fixture
def window(qtbot, demo_clinic, tmp_path, monkeypatch):
    monkeypatch.setattr(main_window_module, "workspace_pages",
                        lambda: [PatientOverviewPage, NotesPage])
    demo_clinic.users.sign_in("dwhitfield", "stride-therapist")
    main = MainWindow(demo_clinic, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.load()
    main.show()
    qtbot.waitExposed(main)
    return main


def open_rivera_notes(qtbot, window) -> NotesPage:
    rivera = window.clinic.patients.search("D0001")[0]
    window.open_patient(rivera.id)
    notes = window.pages[1]
    window.workspace.setCurrentWidget(notes)
    notes.notes.setFocus()
    qtbot.keyClicks(notes.notes, "Knee sore after stairs")
    return notes


def test_the_idle_lock_hides_every_record_and_unlocking_restores_the_screen(qtbot, window):
    notes = open_rivera_notes(qtbot, window)
    window.session.idle.set_interval(50)
    window.session.idle.start()
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)

    assert window.screens.currentWidget() is window.lock_screen
    assert not window.splitter.isVisible()  # the list and the patient are hidden
    assert not window.new_patient_action.isEnabled()
    draft = window.clinic.drafts.load("notes", f"patient:{notes.patient_id}")
    assert draft.payload == {"notes": "Knee sore after stairs"}

    screen = window.lock_screen
    qtbot.keyClicks(screen.password_edit, "wrong password")
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert window.session.locked and "not right" in screen.message.text()
    qtbot.keyClicks(screen.password_edit, "stride-therapist")
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)

    assert not window.session.locked
    assert window.workspace.currentWidget() is notes
    assert notes.notes.text() == "Knee sore after stairs"
    assert window.current_patient_id == notes.patient_id


def test_ctrl_l_locks_at_once(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session.locked


def test_another_user_gets_a_clean_workspace_and_the_first_users_draft_is_kept(qtbot, window):
    notes = open_rivera_notes(qtbot, window)
    patient_id = notes.patient_id
    window.session.lock()
    screen = window.lock_screen
    screen.other_user_button.click()
    qtbot.keyClicks(screen.username_edit, "mreyes")
    qtbot.keyClicks(screen.password_edit, "stride-frontdesk")
    qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)

    assert not window.session.locked
    assert window.clinic.access.user.roles == {Role.FRONT_DESK}
    assert window.current_patient_id is None
    assert [page.title for page in window.pages] == ["&Overview"]  # no clinical tabs
    assert not window.settings_action.isEnabled()
    assert "admin role" in window.settings_action.toolTip()
    assert window.clinic.drafts.load("notes", f"patient:{patient_id}").payload == {
        "notes": "Knee sore after stairs"}


def test_the_demo_sign_in_lists_the_demo_accounts_and_signs_in(qtbot, demo_clinic):
    demo_clinic.access.user = None
    dialog = SignInDialog(demo_clinic, demo_accounts=DEMO_ACCOUNTS)
    qtbot.addWidget(dialog)
    text = dialog.findChild(type(dialog.message), "demoAccounts").text()
    assert all(user in text and password in text for _r, user, password in DEMO_ACCOUNTS)
    qtbot.keyClicks(dialog.username_edit, "ckoh")
    qtbot.keyClicks(dialog.password_edit, "not it")
    dialog.try_sign_in()
    assert dialog.result() == 0 and "not right" in dialog.message.text()
    qtbot.keyClicks(dialog.password_edit, "stride-admin")
    dialog.try_sign_in()
    assert demo_clinic.access.user.username == "ckoh"


def test_an_admin_only_user_sees_no_patients(qtbot, demo_clinic, tmp_path):
    demo_clinic.users.sign_in("ckoh", "stride-admin")
    main = MainWindow(demo_clinic, QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.load()
    assert main.pages == [] and not main.patient_list.isEnabled()
    assert main.users_action.isEnabled() and main.audit_action.isEnabled()
    assert "admin role only" in main.placeholder.text()
