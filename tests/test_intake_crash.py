"""A crash halfway through an intake loses nothing typed.

A separate process fills half an intake in real (offscreen) widgets, waits for the autosave,
and is killed with SIGKILL, so nothing of the application gets to clean up. Reopening the
patient offers the kept typing back, with every value.
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
from PySide6.QtCore import Qt

from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.gui.intake_page import IntakePage
from clinic_desktop.services.clinic import open_clinic
from clinic_desktop.storage.location import DatabaseLocation
from tests.conftest import sign_in_as

ROOT = Path(__file__).resolve().parent.parent

HALF_AN_INTAKE = textwrap.dedent(
    """
    import sys, time
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from clinic_desktop.gui.intake_page import IntakePage
    from clinic_desktop.services.clinic import open_clinic
    from clinic_desktop.storage.location import DatabaseLocation
    from tests.conftest import sign_in_as
    from tests.gui.conftest import send_text

    app = QApplication([])
    clinic = open_clinic(DatabaseLocation.sqlite_file(sys.argv[1]))
    sign_in_as(clinic, username="crash")
    page = IntakePage(clinic, clinic.settings.load())
    page.resize(1000, 700)
    page.show()
    page.show_patient(int(sys.argv[2]))
    patient, episode, profile = page.steps[0].form.ui, page.steps[1].ui, page.steps[2].ui

    patient.emailEdit.selectAll()
    send_text(patient.emailEdit, "zoë.kim@example.com")
    QTest.keyClick(episode.kindCombo, Qt.Key.Key_Down)
    QTest.keyClicks(episode.diagnosisSearchEdit, "plantar")
    QTest.keyClick(episode.diagnosisSearchEdit, Qt.Key.Key_Return)
    for _ in range(2):
        QTest.keyClick(episode.sideCombo, Qt.Key.Key_Down)  # right
    QTest.keyClicks(episode.onsetDateEdit, "2025-08-14")
    QTest.keyClick(episode.onsetTypeCombo, Qt.Key.Key_Down)  # gradual
    send_text(episode.mechanismEdit, "Subió el kilometraje; zapatillas nuevas")
    QTest.keyClicks(profile.weeklyBeforeEdit, "55")
    QTest.keyClicks(profile.weeklyNowEdit, "12,5")
    QTest.keyClicks(profile.paceEdit, "4:50")
    QTest.keyClick(profile.runningStatusCombo, Qt.Key.Key_Down)  # stopped
    page.drafts.timer.setInterval(200)  # the autosave, sooner, so the test stays short
    page.drafts.timer.start()
    deadline = time.monotonic() + 30
    while page.drafts.unsaved and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    print("KEPT" if not page.drafts.unsaved else "NOT KEPT", flush=True)
    app.exec()  # still typing, as far as anyone knows, until the process is killed
    """
)


@pytest.mark.slow
def test_a_killed_process_leaves_every_typed_value_to_be_offered_back(qtbot, tmp_path):
    path = tmp_path / "clinic.sqlite3"
    clinic = open_clinic(DatabaseLocation.sqlite_file(path))
    sign_in_as(clinic)
    patient = clinic.patients.register(
        NewPatient("Kim", "Zoë", dt.date(1988, 2, 9), "female", email="zoe@example.com")
    )
    clinic.close()

    script = tmp_path / "half_an_intake.py"
    script.write_text(HALF_AN_INTAKE, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, str(script), str(path), str(patient.id)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline().strip()
        assert line == "KEPT", process.stderr.read() if line == "" else line
        os.kill(process.pid, signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()

    clinic = open_clinic(DatabaseLocation.sqlite_file(path))
    sign_in_as(clinic)
    try:
        assert clinic.intake.episodes(patient.id) == []  # nothing was saved for real
        page = IntakePage(clinic, clinic.settings.load())
        qtbot.addWidget(page)
        page.show()
        page.show_patient(patient.id)
        assert page.banner.isVisible()
        assert "episode" in page.banner_label.text()
        qtbot.keyClick(page.restore_button, Qt.Key.Key_Return)  # Enter restores, never discards
        assert not page.banner.isVisible()

        assert page.steps[0].form.binding.values()["email"] == "zoë.kim@example.com"
        episode = page.steps[1]
        assert episode.diagnosis_id == "plantar_fasciitis"
        typed = episode.binding.values()
        assert (typed["kind"], typed["side"], typed["onset_date"], typed["onset_type"]) == (
            "injury",
            "right",
            "2025-08-14",
            "gradual",
        )
        assert typed["diagnosis_label"] == "Plantar heel pain"
        assert typed["diagnosis_code"] == "M72.2"
        assert typed["mechanism"] == "Subió el kilometraje; zapatillas nuevas"
        profile = page.steps[2].binding.values()
        assert (profile["weekly_distance_before"], profile["weekly_distance_now"]) == ("55", "12,5")
        assert (profile["usual_pace"], profile["running_status"]) == ("4:50", "stopped")
        assert [s.dirty for s in page.steps] == [True, True, True, False, False, False]

        assert page.save_all()
        saved = clinic.intake.current_episode(patient.id)
        assert (saved.diagnosis_code, saved.side) == ("M72.2", "right")
        assert clinic.intake.running_profile(saved.id).weekly_km_now == 12.5
        assert clinic.drafts.load("intake", f"patient:{patient.id}") is None
    finally:
        clinic.close()
