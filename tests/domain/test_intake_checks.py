"""Intake field checks: every field refuses bad input with a sentence and keeps the rest."""

from __future__ import annotations

import datetime as dt

import pytest

from clinic_desktop.domain.clinical_history import (
    HistoryForm,
    PainLocation,
    check_history,
    check_pain_location,
    locations_from_json,
    locations_to_json,
)
from clinic_desktop.domain.episodes import EpisodeForm, check_episode
from clinic_desktop.domain.errors import ValidationError, ValidationErrors
from clinic_desktop.domain.intake_fields import read_date, read_decimal, read_whole
from clinic_desktop.domain.patients import NewPatient
from clinic_desktop.domain.registration import (
    check_mrn,
    check_patient,
    duplicate_reasons,
)
from clinic_desktop.domain.running_profile import (
    RunningProfileForm,
    check_running_profile,
    format_pace,
    profile_form,
    read_pace,
)

TODAY = dt.date(2026, 11, 2)


def errors_of(call) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as raised:
        call()
    return raised.value.by_field()


# --- readers ---------------------------------------------------------------------------------


def test_a_date_is_read_in_the_clinics_format_and_a_slip_gets_an_example():
    assert read_date("23/04/2026", "d", "the onset date", "dd/mm/yyyy") == dt.date(2026, 4, 23)
    assert read_date("  ", "d", "the onset date", "dd/mm/yyyy") is None
    with pytest.raises(ValidationError, match="as mm/dd/yyyy, for example 04/23/2026"):
        read_date("23/04/2026", "d", "the onset date", "mm/dd/yyyy")


def test_numbers_take_a_decimal_comma_and_refuse_text_and_out_of_range_values():
    assert read_decimal("12,5", "x", "Weekly distance", 0, 400, "km") == 12.5
    with pytest.raises(ValidationError, match="as a number in km"):
        read_decimal("twelve", "x", "Weekly distance", 0, 400, "km")
    with pytest.raises(ValidationError, match="between 0 and 400 km; 401 is outside"):
        read_decimal("401", "x", "Weekly distance", 0, 400, "km")
    assert read_whole("7", "p", "Pain now", 0, 10) == 7
    for typed in ("11", "-1", "6.5", "x"):
        with pytest.raises(ValidationError, match="whole number from 0 to 10"):
            read_whole(typed, "p", "Pain now", 0, 10)


# --- patient ---------------------------------------------------------------------------------


def full_patient(**changes) -> NewPatient:
    values = dict(
        family_name=" Núñez ",
        given_name="José",
        birth_date="17/05/1990",
        sex="male",
        phone="+34 600 123 456",
        email="jose@example.com",
        address="Calle Mayor 1\nMadrid",
        emergency_contact="Ana Núñez, 600 999 888",
        referring_provider="Dr. Helen Park",
        weight_kg="72,5",
        height_cm="178",
        notes="Trail runner.",
        mrn="p-12",
    )
    values.update(changes)
    return NewPatient(**values)


def test_a_complete_patient_is_tidied_and_read_in_the_clinics_units():
    checked = check_patient(full_patient(), TODAY, "dd/mm/yyyy")
    assert checked.family_name == "Núñez"
    assert checked.birth_date == dt.date(1990, 5, 17)
    assert (checked.weight_kg, checked.height_cm) == (72.5, 178.0)
    assert checked.mrn == "P-12"


def test_every_patient_field_names_its_own_failure_and_only_that_field():
    bad = full_patient(
        family_name="",
        given_name=" ",
        preferred_name="x" * 81,
        birth_date="31/02/1990",
        sex="",
        phone="12",
        email="jose@",
        address="x" * 501,
        emergency_contact="x" * 201,
        referring_provider="x" * 201,
        weight_kg="300",
        height_cm="tall",
        notes="x" * 4001,
        mrn="P 12",
    )
    errors = errors_of(lambda: check_patient(bad, TODAY, "dd/mm/yyyy"))
    assert list(errors) == [
        "family_name",
        "given_name",
        "preferred_name",
        "birth_date",
        "sex",
        "phone",
        "email",
        "address",
        "emergency_contact",
        "referring_provider",
        "weight_kg",
        "height_cm",
        "notes",
        "mrn",
    ]
    assert errors["family_name"] == "Enter the patient's family name."
    assert errors["birth_date"].startswith("Write the date of birth as dd/mm/yyyy")
    assert "between 20 and 250 kg" in errors["weight_kg"]
    assert "at most 4,000 characters" in errors["notes"]
    only_weight = errors_of(
        lambda: check_patient(full_patient(weight_kg="19"), TODAY, "dd/mm/yyyy")
    )
    assert list(only_weight) == ["weight_kg"]


def test_a_future_or_implausible_birth_date_is_refused():
    assert (
        "future"
        in errors_of(lambda: check_patient(full_patient(birth_date=dt.date(2027, 1, 1)), TODAY))[
            "birth_date"
        ]
    )
    assert (
        "more than 110"
        in errors_of(lambda: check_patient(full_patient(birth_date=dt.date(1900, 1, 1)), TODAY))[
            "birth_date"
        ]
    )


def test_a_blank_record_number_asks_for_the_next_one():
    assert check_mrn("  ") == ""
    assert check_mrn("d0042") == "D0042"
    with pytest.raises(ValidationError, match="letters A to Z, digits and dashes"):
        check_mrn("D#42")


def test_the_same_folded_name_and_birth_date_or_the_same_phone_is_a_possible_duplicate():
    checked = check_patient(full_patient(), TODAY, "dd/mm/yyyy")
    born = dt.date(1990, 5, 17)
    assert duplicate_reasons(checked, "NUNEZ", "jose", born, "") == ("same name and date of birth",)
    assert duplicate_reasons(checked, "Other", "Name", TODAY, "0034 600-123-456") == ()
    assert duplicate_reasons(checked, "Other", "Name", TODAY, "+34 (600) 123 456") == (
        "same phone number",
    )
    assert duplicate_reasons(checked, "Núñez", "José", dt.date(1991, 5, 17), "") == ()


# --- episode ---------------------------------------------------------------------------------


def injury(**changes) -> EpisodeForm:
    values = dict(
        kind="injury",
        diagnosis_id="achilles_tendinopathy",
        side="left",
        onset_date="2026-09-01",
        onset_type="gradual",
        mechanism="Added hill repeats.",
        referral="Dr. Park",
        status="active",
        started_on="2026-10-30",
    )
    values.update(changes)
    return EpisodeForm(**values)


def test_a_catalogue_diagnosis_takes_its_code_from_the_side():
    checked = check_episode(injury(), TODAY)
    assert (checked.diagnosis_code, checked.diagnosis_label) == ("M76.62", "Achilles tendinopathy")
    assert check_episode(injury(side="right"), TODAY).diagnosis_code == "M76.61"


def test_a_strain_needs_its_seventh_character_on_its_own_field():
    errors = errors_of(lambda: check_episode(injury(diagnosis_id="hamstring_strain"), TODAY))
    assert list(errors) == ["seventh_character"]
    checked = check_episode(
        injury(diagnosis_id="hamstring_strain", seventh_character="A", side="right"), TODAY
    )
    assert checked.diagnosis_code == "S76.311A"


def test_a_hand_typed_code_and_free_text_diagnosis_are_kept_after_a_shape_check():
    checked = check_episode(
        injury(diagnosis_id="", diagnosis_label="Cuboid syndrome", diagnosis_code="m92.8"), TODAY
    )
    assert (checked.diagnosis_code, checked.diagnosis_label) == ("M92.8", "Cuboid syndrome")
    errors = errors_of(lambda: check_episode(injury(diagnosis_id="", diagnosis_code="928"), TODAY))
    assert "not shaped like an ICD-10 code" in errors["diagnosis_code"]


def test_every_episode_field_names_its_failure():
    errors = errors_of(
        lambda: check_episode(
            EpisodeForm(
                kind="",
                side="",
                onset_date="2027-01-01",
                mechanism="x" * 2001,
                referral="x" * 201,
                status="",
                started_on="tomorrow",
            ),
            TODAY,
        )
    )
    assert set(errors) == {
        "kind",
        "side",
        "onset_date",
        "started_on",
        "mechanism",
        "referral",
        "status",
    }
    injury_errors = errors_of(lambda: check_episode(injury(diagnosis_id="", onset_type=""), TODAY))
    assert set(injury_errors) == {"diagnosis_label", "onset_type"}


def test_the_onset_must_fall_between_birth_and_the_start_of_care():
    errors = errors_of(
        lambda: check_episode(
            injury(onset_date="2026-10-31"), TODAY, birth_date=dt.date(1990, 1, 1)
        )
    )
    assert errors == {"onset_date": "The onset date is after the start of care."}
    errors = errors_of(
        lambda: check_episode(
            injury(onset_date="1980-01-01"), TODAY, birth_date=dt.date(1990, 1, 1)
        )
    )
    assert errors == {"onset_date": "The onset date is before the patient was born."}


def test_a_performance_episode_needs_no_diagnosis_or_onset():
    checked = check_episode(EpisodeForm(kind="performance", side="none", status="active"), TODAY)
    assert (checked.diagnosis_code, checked.onset_type, checked.started_on) == ("", None, TODAY)


# --- running profile -------------------------------------------------------------------------


def test_miles_are_stored_as_kilometres_and_shown_back_as_typed():
    form = RunningProfileForm(
        weekly_distance_before="25",
        weekly_distance_now="10,5",
        longest_run="13.1",
        usual_pace="8:30",
        shoe_distance="300",
        running_status="reduced",
    )
    profile = check_running_profile(form, "mi")
    assert profile.weekly_km_before == pytest.approx(40.234, abs=0.001)
    assert profile.usual_pace_s_per_km == 317  # 8:30 per mile
    shown = profile_form(profile, "mi")
    assert (shown.weekly_distance_before, shown.weekly_distance_now) == ("25", "10.5")
    assert (shown.longest_run, shown.usual_pace, shown.shoe_distance) == ("13.1", "8:30", "300")


def test_a_pace_reads_as_minutes_and_seconds_per_unit():
    assert read_pace("5:30", "km") == 330
    assert format_pace(330, "km") == "5:30"
    with pytest.raises(ValidationError, match="minutes:seconds per km"):
        read_pace("5:75", "km")
    with pytest.raises(ValidationError, match="between 2:00 and 20:00 per km"):
        read_pace("1:30", "km")


def test_every_running_profile_field_names_its_failure():
    errors = errors_of(
        lambda: check_running_profile(
            RunningProfileForm(
                weekly_distance_before="-3",
                weekly_distance_now="lots",
                runs_per_week="22",
                longest_run="500",
                years_running="40",
                usual_pace="fast",
                goal_event="x" * 201,
                goal_date="next spring",
                surfaces="x" * 201,
                shoes="x" * 201,
                shoe_distance="6000",
                cross_training="x" * 1001,
                running_status="",
            ),
            "km",
            age_years=30,
        )
    )
    assert list(errors) == [
        "weekly_distance_before",
        "weekly_distance_now",
        "runs_per_week",
        "longest_run",
        "years_running",
        "usual_pace",
        "goal_event",
        "goal_date",
        "surfaces",
        "shoes",
        "shoe_distance",
        "cross_training",
        "running_status",
    ]
    assert errors["years_running"] == "Years running must be between 0 and 30; 40 is outside."
    assert errors["usual_pace"].startswith("Write the usual pace")


# --- history ---------------------------------------------------------------------------------


def test_pain_scores_must_be_ordered_best_now_worst():
    errors = errors_of(
        lambda: check_history(
            HistoryForm(pain_now="6", pain_best="7", pain_worst="5"), "performance"
        )
    )
    assert errors["pain_best"] == "Best pain (7) cannot be higher than the worst (5)."
    assert errors["pain_worst"] == "Worst pain (5) cannot be lower than pain now (6)."


def test_an_injury_history_needs_a_pain_location_and_keeps_each_once():
    assert "pain_locations" in errors_of(lambda: check_history(HistoryForm(), "injury"))
    left_heel = PainLocation("heel", "left")
    history = check_history(HistoryForm(pain_locations=(left_heel, left_heel)), "injury")
    assert history.pain_locations == (left_heel,)
    assert left_heel.label == "Left heel"
    assert locations_from_json(locations_to_json(history.pain_locations)) == (left_heel,)


def test_every_history_text_and_location_choice_has_a_failure():
    long = "x" * 2001
    errors = errors_of(
        lambda: check_history(
            HistoryForm(
                pain_now="eleven",
                aggravating=long,
                easing=long,
                pattern_24h=long,
                previous_injuries=long,
                medical_history=long,
                medications=long,
                imaging=long,
            ),
            "performance",
        )
    )
    assert set(errors) == {
        "pain_now",
        "aggravating",
        "easing",
        "pattern_24h",
        "previous_injuries",
        "medical_history",
        "medications",
        "imaging",
    }
    with pytest.raises(ValidationError, match="body region"):
        check_pain_location("", "left")
    with pytest.raises(ValidationError, match="left, right, both or central"):
        check_pain_location("heel", "")
