"""A crash during an evaluation loses at most the cell being typed.

A real process runs the Assessment tab offscreen, types values with key events, starts
typing one more, and is killed with SIGKILL (no clean-up, like a power cut). The clinic is
then reopened: every committed value is on file and the cell being typed comes back.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from clinic_desktop.gui.assessment_page import AssessmentPage
from clinic_desktop.services.clinic import open_clinic
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import EpisodeRow, MeasurementRow, PatientRow
from tests.conftest import sign_in_as

REPO = Path(__file__).resolve().parents[1]

CHILD = textwrap.dedent(
    """
    import os, sys, time
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from clinic_desktop.domain.access import Role, SignedInUser
    from clinic_desktop.gui.assessment_page import AssessmentPage
    from clinic_desktop.services.clinic import open_clinic
    from clinic_desktop.storage.location import DatabaseLocation

    path, user_id, patient_id = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    clinic = open_clinic(DatabaseLocation.sqlite_file(path))
    clinic.access.user = SignedInUser(user_id, "tester", "Tester", "PT",
                                      frozenset({Role.THERAPIST}))
    app = QApplication([])
    page = AssessmentPage(clinic, clinic.settings.load())
    page.resize(1200, 700)
    page.show()
    page.activateWindow()
    deadline = time.monotonic() + 20
    while not page.isActiveWindow() and time.monotonic() < deadline:
        app.processEvents()
    page.show_patient(patient_id)
    page.grid.setFocus()

    def press(key):
        QTest.keyClick(QApplication.focusWidget(), key)
        app.processEvents()

    for text in ("118", "\\t", "120", "\\t", "12", "\\t", "18", "\\t", "45"):
        if text == "\\t":
            press(Qt.Key.Key_Tab)
        else:
            for char in text:
                press(char)
    # Wait for the autosave of the cell being typed, then announce it and keep running.
    record_key = f"visit:{page.model.record.visit.id}"
    while time.monotonic() < deadline:
        app.processEvents()
        draft = clinic.drafts.load("assessment", record_key)
        if draft is not None and draft.payload.get("text") == "45":
            break
        time.sleep(0.05)
    print("READY", flush=True)
    while True:
        app.processEvents()
        time.sleep(0.05)
    """
)


@pytest.fixture
def prepared(tmp_path, clinic):
    """A clinic file with a runner, an episode and an initial evaluation started."""
    with clinic.database.transaction() as session:
        patient = PatientRow(
            mrn="P000009",
            family_name="Lindqvist",
            given_name="Erik",
            sex="male",
            birth_date=dt.date(1988, 3, 14),
        )
        session.add(patient)
        session.flush()
        episode = EpisodeRow(
            patient_id=patient.id,
            kind="injury",
            side="left",
            started_on=dt.date(2026, 1, 5),
            diagnosis_label="IT band syndrome",
            diagnosis_code="M76.32",
        )
        session.add(episode)
        session.flush()
        patient_id, episode_id = patient.id, episode.id
    visit = clinic.assessments.start_visit(episode_id, "initial", dt.date(2026, 1, 5))
    return tmp_path / "clinic.sqlite3", clinic.access.user_id, patient_id, visit.id


@pytest.mark.slow
def test_values_typed_before_a_kill_are_on_file_and_the_cell_being_typed_comes_back(
    qtbot, prepared, clinic
):
    path, user_id, patient_id, visit_id = prepared
    clinic.close()  # the child process has the database to itself, as at a workstation
    script = path.parent / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(script), str(path), str(user_id), str(patient_id)],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == "READY", child.stderr.read()
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    reopened = open_clinic(DatabaseLocation.sqlite_file(path))
    sign_in_as(reopened)
    try:
        with reopened.database.reading() as session:
            rows = session.scalars(
                select(MeasurementRow).where(MeasurementRow.visit_id == visit_id)
            )
            values = {(r.test_code, r.side): r.value for r in rows}
        assert values == {
            ("hip_flexion", "left"): 118.0,
            ("hip_flexion", "right"): 120.0,
            ("hip_extension", "left"): 12.0,
            ("hip_extension", "right"): 18.0,
        }
        page = AssessmentPage(reopened, reopened.settings.load())
        qtbot.addWidget(page)
        with qtbot.waitActive(page):
            page.show()
            page.activateWindow()
        page.show_patient(patient_id)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit) and editor.text() == "45"
        key = page.model.cell_key(page.grid.currentIndex())
        assert (key.test_code, key.side) == ("hip_abduction", "left")
    finally:
        reopened.close()
