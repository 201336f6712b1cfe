"""The Assessment tab on a discharged episode: read-only, said once, amendments only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from clinic_desktop.domain.dates import format_date
from clinic_desktop.gui.assessment_page import AssessmentPage
from clinic_desktop.storage.models import MeasurementAmendmentRow, MeasurementRow, VisitRow


def measurements(clinic) -> list[tuple]:
    with clinic.database.reading() as session:
        rows = session.scalars(select(MeasurementRow).order_by(MeasurementRow.id))
        return [(r.id, r.value, r.painful, r.detail, r.version) for r in rows]


def open_showcase(qtbot, clinic) -> AssessmentPage:
    page = AssessmentPage(clinic, clinic.settings.load())
    qtbot.addWidget(page)
    page.resize(1300, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    page.messages = []
    page.status_message.connect(page.messages.append)
    page.show_patient(clinic.patients.search("D0001")[0].id)
    return page


def discharged_episode(clinic):
    patient = clinic.patients.search("D0001")[0]
    return next(e for e in clinic.intake.episodes(patient.id) if e.status == "discharged")


def test_a_discharged_episodes_signed_visit_says_so_once_and_typing_saves_nothing(
    qtbot, demo_clinic, monkeypatch
):
    episode = discharged_episode(demo_clinic)
    page = open_showcase(qtbot, demo_clinic)
    assert page.episode_combo.currentData() == episode.id
    assert page.model.record.visit.signed and page.model.locked
    ended = format_date(episode.ended_on, page.settings.date_format)
    assert f"Discharged on {ended}: values change only by amendment." in page.info.text()
    assert page.info.text().count("Discharged") == 1
    assert not page.start_button.isEnabled() and not page.sign_button.isEnabled()
    assert not page.kind_combo.isEnabled()

    offered = []

    def dismissed(dialog):  # the therapist looks at the amendment dialog and closes it
        offered.append(dialog)
        return False

    monkeypatch.setattr("clinic_desktop.gui.assessment_dialogs.AmendDialog.exec", dismissed)
    before = measurements(demo_clinic)
    cell = page.grid.first_value_cell()
    page.grid.setCurrentIndex(cell)
    page.grid.setFocus()
    qtbot.keyClick(page.grid, "7")
    assert len(offered) == 1  # a digit offers the amendment, never an editor
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    qtbot.keyClick(page.grid, Qt.Key.Key_Delete)  # nor clears the value
    assert measurements(demo_clinic) == before
    with demo_clinic.database.reading() as session:
        assert session.scalars(select(MeasurementAmendmentRow)).all() == []


def test_an_unsigned_visit_left_in_a_discharged_episode_is_read_only_too(qtbot, demo_clinic):
    episode = discharged_episode(demo_clinic)
    last = demo_clinic.assessments.visits(episode.id)[-1]
    with demo_clinic.database.transaction() as session:
        row = session.get(VisitRow, last.id)
        row.status, row.signed_at, row.signed_by = "draft", None, None
    record = demo_clinic.assessments.record(last.id)
    typed = record.measurements[0]
    demo_clinic.drafts.save(
        "assessment",
        f"visit:{last.id}",
        {"test_code": typed.test_code, "side": typed.side, "mode": typed.mode, "text": "9"},
        episode.patient_id,
    )
    before = measurements(demo_clinic)
    page = open_showcase(qtbot, demo_clinic)
    assert page.model.record.visit.id == last.id and not page.model.record.visit.signed
    assert page.model.locked and "never signed and can no longer change" in page.info.text()
    assert not page.sign_button.isEnabled()
    # the draft is not offered back as if it could still be saved
    assert not isinstance(QApplication.focusWidget(), QLineEdit)
    assert demo_clinic.drafts.load("assessment", f"visit:{last.id}") is None
    page.grid.setCurrentIndex(page.model.index_of(typed.key))
    page.grid.setFocus()
    qtbot.keyClick(page.grid, "5")
    assert "discharged" in page.messages[-1]
    assert measurements(demo_clinic) == before
