"""The exercise handout carries the runner's walk/run plan, when there is one."""

from __future__ import annotations

import io

import pypdf

from clinic_desktop.domain.errors import ClinicError


def handout_text(clinic, mrn: str) -> str:
    patient_id = clinic.patients.search(mrn)[0].id
    pdf = clinic.handouts.generate(patient_id).pdf
    pages = pypdf.PdfReader(io.BytesIO(pdf)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_the_showcase_handout_ends_with_the_walk_run_plan_of_her_episode(demo_clinic):
    patient_id = demo_clinic.patients.search("D0001")[0].id
    plan = demo_clinic.return_to_run.load(patient_id).plan.plan
    text = handout_text(demo_clinic, "D0001")
    assert "Your walk/run plan" in text
    first = plan.runs[0].day.isoformat()
    assert f"Walk 2 min, run 3 min, repeated 1.6 km (1 mi) 3 2 Mon {first}" in text
    assert "After the last phase" in text and "Nielsen 2014" in text
    assert text.index("Tick each day") < text.index("Your walk/run plan")


def test_a_handout_without_a_plan_has_no_plan_pages(demo_clinic):
    others = [p for p in demo_clinic.patients.search("D00") if p.mrn != "D0001"]
    for patient in others:  # no other demo runner has a walk/run plan
        try:
            text = handout_text(demo_clinic, patient.mrn)
        except ClinicError:  # this runner has no home program to print
            continue
        assert "Your walk/run plan" not in text
        return
    raise AssertionError("no other demo runner has a home program to print")


def test_the_discharge_summary_prints_the_same_plan_as_the_handout(demo_clinic):
    from clinic_desktop.reports.discharge import discharge_summary_pdf

    patient_id = demo_clinic.patients.search("D0001")[0].id
    data = demo_clinic.reports.report_data(patient_id, "discharge")
    assert data.run_plan == demo_clinic.return_to_run.load(patient_id).plan.plan
    pages = pypdf.PdfReader(io.BytesIO(discharge_summary_pdf(data))).pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    first = data.run_plan.runs[0].day.isoformat()
    assert f"Walk 2 min, run 3 min, repeated 1.6 km (1 mi) 3 2 Mon {first}" in text
    assert "After the last phase" in text
