"""Drafts: what was typed is kept until the record is saved for real."""

from tests.conftest import sign_in_as


def test_a_draft_is_kept_replaced_and_discarded(clinic):
    drafts = clinic.drafts
    assert drafts.load("intake", "patient:new") is None
    drafts.save("intake", "patient:new", {"family_name": "Kim", "weight_kg": "61,5"})
    drafts.save("intake", "patient:new", {"family_name": "Kimura", "weight_kg": "61,5"})
    kept = drafts.load("intake", "patient:new")
    assert kept.payload == {"family_name": "Kimura", "weight_kg": "61,5"}
    drafts.discard("intake", "patient:new")
    assert drafts.load("intake", "patient:new") is None


def test_drafts_survive_reopening_the_database(tmp_path):
    from clinic_desktop.services.clinic import open_clinic
    from clinic_desktop.storage.location import DatabaseLocation

    location = DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3")
    first = open_clinic(location)
    sign_in_as(first)
    first.drafts.save("assessment", "visit:3", {"hip_flexion.left": "118"})
    first.close()
    second = open_clinic(location)
    sign_in_as(second)
    assert second.drafts.load("assessment", "visit:3").payload == {
        "hip_flexion.left": "118"
    }
    second.close()
