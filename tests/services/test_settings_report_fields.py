"""The progress-report interval and the clinic's self-management advice in the settings."""

from __future__ import annotations

import pytest

from clinic_desktop.domain.errors import ValidationErrors
from clinic_desktop.domain.self_management import load_advice


def test_the_interval_and_advice_are_saved_and_read_back(clinic):
    fresh = clinic.settings.load()
    assert (fresh.progress_report_visits, fresh.progress_report_days) == (10, 30)
    assert fresh.self_management_advice is None and fresh.advice_lines == ()
    saved = clinic.settings.save(
        fresh.with_changes(
            progress_report_visits=8,
            progress_report_days=21,
            self_management_advice="  Run easy on Mondays.\n\n  Ice   is optional.  \n",
        )
    )
    again = clinic.settings.load()
    assert again == saved
    assert (again.progress_report_visits, again.progress_report_days) == (8, 21)
    assert again.advice_lines == ("Run easy on Mondays.", "Ice is optional.")


def test_an_emptied_advice_box_goes_back_to_the_shipped_advice(clinic):
    settings = clinic.settings.save(
        clinic.settings.load().with_changes(self_management_advice="Our own line.")
    )
    clinic.settings.save(settings.with_changes(self_management_advice="  \n "))
    assert clinic.settings.load().self_management_advice is None


@pytest.mark.parametrize(
    "changes, field, sentence",
    [
        ({"progress_report_visits": 0}, "progress_report_visits", "after 1 to 50 visits."),
        ({"progress_report_visits": 51}, "progress_report_visits", "after 1 to 50 visits."),
        ({"progress_report_days": 0}, "progress_report_days", "after 1 to 365 days."),
        ({"progress_report_days": 366}, "progress_report_days", "after 1 to 365 days."),
        (
            {"self_management_advice": "Rest.\n" * 700},
            "self_management_advice",
            "under 4000 characters",
        ),
    ],
)
def test_an_interval_or_advice_out_of_bounds_is_refused(clinic, changes, field, sentence):
    before = clinic.settings.load()
    with pytest.raises(ValidationErrors) as refused:
        clinic.settings.save(before.with_changes(**changes))
    assert sentence in refused.value.by_field()[field]
    assert clinic.settings.load() == before


def test_reports_print_the_clinics_own_advice_instead_of_the_shipped_one(demo_clinic):
    patient_id = demo_clinic.patients.search("D0001")[0].id
    shipped = demo_clinic.reports.report_data(patient_id, "progress").advice.lines
    assert shipped == load_advice()
    demo_clinic.settings.save(
        demo_clinic.settings.load().with_changes(
            self_management_advice="Two easy runs a week until the review.\nCall us if it hurts."
        )
    )
    for kind in ("progress", "discharge"):
        lines = demo_clinic.reports.report_data(patient_id, kind).advice.lines
        assert lines == ("Two easy runs a week until the review.", "Call us if it hurts.")
    demo_clinic.settings.save(demo_clinic.settings.load().with_changes(self_management_advice=""))
    assert demo_clinic.reports.report_data(patient_id, "progress").advice.lines == shipped
