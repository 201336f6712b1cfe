"""Intake on an episode discharged at another workstation while the form was open."""

from __future__ import annotations

import datetime as dt

from clinic_desktop.domain.episodes import EpisodeForm
from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.gui.intake_page import IntakePage
from clinic_desktop.storage.models import EpisodeRow


def test_a_save_after_a_discharge_elsewhere_is_refused_with_its_sentence(
    qtbot, clinic, monkeypatch
):
    patient = clinic.patients.register(
        NewPatient("Okafor", "Lena", dt.date(1986, 7, 1), "female", referring_provider="")
    )
    episode = clinic.intake.start_episode(
        patient.id,
        EpisodeForm(kind="injury", diagnosis_id="it_band_syndrome", side="right",
                    onset_type="sudden", started_on="2025-06-02"),
    )  # fmt: skip
    page = IntakePage(clinic, clinic.settings.load())
    qtbot.addWidget(page)
    page.show()
    page.show_patient(patient.id)
    warnings = []
    monkeypatch.setattr(
        "clinic_desktop.gui.intake_step.QMessageBox.warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    step = page.steps[2]
    step.binding.set_values({"weekly_distance_before": "30", "running_status": "reduced"})
    step.dirty = True
    with clinic.database.transaction() as session:  # the discharge, at the front desk PC
        row = session.get(EpisodeRow, episode.id)
        row.status, row.ended_on = "discharged", dt.date(2025, 8, 1)

    assert not page.save_all()
    assert warnings == [
        "This episode of care was discharged on 2025-08-01; its running profile can no "
        "longer be changed. A signed assessment value can still be amended, with a reason."
    ]
    assert clinic.intake.running_profile(episode.id) is None
    assert step.binding.values()["weekly_distance_before"] == "30"  # the typing is kept
    assert page.current_index == 2
