"""The Return to run tab on a discharged episode: said once, nothing offered for typing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from clinic_desktop.domain.dates import format_date
from clinic_desktop.gui.return_to_run_page import DRAFT_FORM, ReturnToRunPage
from clinic_desktop.storage.models import RunLogRow, RunPlanRow


def open_showcase(qtbot, clinic) -> ReturnToRunPage:
    page = ReturnToRunPage(clinic, clinic.settings.load())
    qtbot.addWidget(page)
    page.resize(1400, 860)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.messages = []
    page.status_message.connect(page.messages.append)
    page.show_patient(clinic.patients.search("D0001")[0].id)
    return page


def log_and_plans(clinic) -> tuple[list, list]:
    with clinic.database.reading() as session:
        runs = session.scalars(select(RunLogRow).order_by(RunLogRow.id)).all()
        plans = session.scalars(select(RunPlanRow).order_by(RunPlanRow.id)).all()
        return (
            [(r.id, r.run_date, r.distance_km, r.version) for r in runs],
            [(p.id, p.is_active, p.version) for p in plans],
        )


def test_a_discharged_episode_shows_its_plan_and_log_read_only(qtbot, demo_clinic):
    patient = demo_clinic.patients.search("D0001")[0]
    episode = next(e for e in demo_clinic.intake.episodes(patient.id) if e.status == "discharged")
    demo_clinic.drafts.save(  # typed before the discharge, never added
        DRAFT_FORM,
        f"episode:{episode.id}",
        {"run_date": "2026-09-18", "distance": "3", "notes": "Felt good"},
        patient.id,
    )
    before = log_and_plans(demo_clinic)
    page = open_showcase(qtbot, demo_clinic)
    assert page.episode_id == episode.id
    ended = format_date(episode.ended_on, page.settings.date_format)
    assert page.closed_note.isVisible()
    assert f"Discharged on {ended}:" in page.closed_note.text()
    assert not page.plan_panel.generate_button.isEnabled()
    assert not page.log_panel.save_button.isEnabled()
    assert not any(edit.isEnabled() for edit in page.log_panel.inputs.values())
    assert not page.readiness.walk.isEnabled()
    assert not page.readiness.answer_note.isVisible()  # no "start a follow-up visit"
    # the typed run is not put back as if it could still be added, and the person is told
    assert page.log_panel.typed()["notes"] == ""
    assert "2026-09-18, 3, Felt good" in page.messages[-1]
    assert demo_clinic.drafts.load(DRAFT_FORM, f"episode:{episode.id}") is None

    page.log_panel.table.setFocus()
    qtbot.keyClick(page.log_panel.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.log_panel.errors.isVisible()
    assert page.log_panel.errors.text().startswith(
        f"This episode of care was discharged on {ended}; its running log can no longer"
    )
    page.log_panel.table.selectRow(0)
    qtbot.keyClick(page.log_panel.table, Qt.Key.Key_Delete)  # refused without a question
    assert "its running log can no longer be changed" in page.messages[-1]
    assert log_and_plans(demo_clinic) == before


def test_an_active_episode_keeps_its_plan_and_log_open(qtbot, demo_clinic):
    patient = next(
        p
        for p in demo_clinic.patients.search("")
        if any(e.status == "active" for e in demo_clinic.intake.episodes(p.id))
    )
    page = ReturnToRunPage(demo_clinic, demo_clinic.settings.load())
    qtbot.addWidget(page)
    page.show_patient(patient.id)
    assert not page.closed_note.isVisibleTo(page)
    assert page.plan_panel.generate_button.isEnabled()
    assert page.log_panel.save_button.isEnabled()
