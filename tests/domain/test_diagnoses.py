"""The intake diagnosis catalogue: search, codes by side, and hand-typed code checks."""

from __future__ import annotations

import pytest

from clinic_desktop.domain.diagnoses import (
    code_for_side,
    diagnosis_by_id,
    diagnosis_for_code,
    load_diagnoses,
    search_diagnoses,
    validate_icd10_code,
)
from clinic_desktop.domain.errors import NotFound, ValidationError


def ids(diagnoses) -> list[str]:  # type: ignore[no-untyped-def]
    return [d.id for d in diagnoses]


# --- the shipped data ----------------------------------------------------------------------


def test_every_catalogue_code_is_shaped_like_an_icd10_code() -> None:
    for diagnosis in load_diagnoses():
        for code in diagnosis.codes:
            assert validate_icd10_code(code) == code, diagnosis.id


def test_every_entry_names_its_source_and_ids_are_unique() -> None:
    catalogue = load_diagnoses()
    assert len({d.id for d in catalogue}) == len(catalogue)
    assert all(d.source.strip() for d in catalogue)


def test_the_reference_diagnoses_carry_the_reference_codes() -> None:
    expected = {
        "patellofemoral_pain": ("M22.2X1", "M22.2X2", "M22.2X9"),
        "it_band_syndrome": ("M76.31", "M76.32", "M76.30"),
        "achilles_tendinopathy": ("M76.61", "M76.62", "M76.60"),
        "medial_tibial_stress_syndrome": ("M76.891", "M76.892", "M76.899"),
        "hamstring_strain": ("S76.311", "S76.312", "S76.319"),
        "stress_fracture_tibia": ("M84.361", "M84.362", "M84.369"),
        "stress_fracture_femur": ("M84.351", "M84.352", "M84.353"),
    }
    for diagnosis_id, (right, left, unspecified) in expected.items():
        diagnosis = diagnosis_by_id(diagnosis_id)
        assert (diagnosis.code_right, diagnosis.code_left, diagnosis.code_unspecified) == (
            right,
            left,
            unspecified,
        )


def test_medial_tibial_stress_syndrome_says_it_has_no_code_of_its_own() -> None:
    assert "no code of its own" in diagnosis_by_id("medial_tibial_stress_syndrome").note


def test_plantar_heel_pain_has_one_code_without_a_side() -> None:
    diagnosis = diagnosis_by_id("plantar_fasciitis")
    assert not diagnosis.has_laterality
    assert diagnosis.codes == ("M72.2",)


def test_unknown_diagnosis_id_is_not_found() -> None:
    with pytest.raises(NotFound, match="no diagnosis 'gout'"):
        diagnosis_by_id("gout")


# --- search --------------------------------------------------------------------------------


def test_search_by_the_start_of_a_name_word() -> None:
    assert ids(search_diagnoses("achil")) == ["achilles_tendinopathy"]


def test_search_ignores_case_and_accents() -> None:
    assert ids(search_diagnoses("ACHÌLLES")) == ["achilles_tendinopathy"]
    assert ids(search_diagnoses("Pátellofemoral")) == ["patellofemoral_pain"]


def test_search_finds_conditions_by_their_everyday_names() -> None:
    assert ids(search_diagnoses("shin splints")) == ["medial_tibial_stress_syndrome"]
    assert "patellofemoral_pain" in ids(search_diagnoses("runner's knee"))


def test_every_query_word_must_match() -> None:
    assert ids(search_diagnoses("hamstring strain")) == ["hamstring_strain"]
    assert ids(search_diagnoses("hamstring sprain")) == []


def test_a_match_on_the_own_name_ranks_before_a_match_on_the_icd_title() -> None:
    # The pelvis shares the ICD-10-CM title "Stress fracture, pelvis and femur".
    found = ids(search_diagnoses("stress fracture fem"))
    assert found == ["stress_fracture_femur", "stress_fracture_pelvis"]


def test_entries_matching_by_their_own_name_come_first() -> None:
    found = ids(search_diagnoses("tendinopathy"))
    assert found[0] == "achilles_tendinopathy"
    # Patellar tendinopathy is matched by name; the IT band is not a tendinopathy at all.
    assert "patellar_tendinopathy" in found
    assert "it_band_syndrome" not in found


def test_search_by_code_prefix_with_or_without_dot() -> None:
    by_dot = ids(search_diagnoses("M84.36"))
    assert by_dot == ["stress_fracture_tibia", "stress_fracture_fibula"]
    assert ids(search_diagnoses("m8436")) == by_dot
    assert set(ids(search_diagnoses("M76"))) >= {
        "it_band_syndrome",
        "achilles_tendinopathy",
        "medial_tibial_stress_syndrome",
        "patellar_tendinopathy",
    }
    assert ids(search_diagnoses("M22.2X1")) == ["patellofemoral_pain"]


def test_blank_search_lists_the_whole_catalogue_and_nonsense_finds_nothing() -> None:
    assert len(search_diagnoses("  ")) == len(load_diagnoses())
    assert search_diagnoses("xyzzy") == []
    assert search_diagnoses("Z99") == []


# --- codes by side -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("diagnosis_id", "side", "code", "laterality"),
    [
        ("patellofemoral_pain", "right", "M22.2X1", "right"),
        ("patellofemoral_pain", "left", "M22.2X2", "left"),
        ("patellofemoral_pain", "none", "M22.2X9", "unspecified"),
        ("it_band_syndrome", "left", "M76.32", "left"),
        ("achilles_tendinopathy", "right", "M76.61", "right"),
        ("knee_osteoarthritis", "both", "M17.0", "bilateral"),
    ],
)
def test_side_chooses_the_code(diagnosis_id: str, side: str, code: str, laterality: str) -> None:
    chosen = code_for_side(diagnosis_by_id(diagnosis_id), side)
    assert (chosen.code, chosen.laterality, chosen.explanation) == (code, laterality, "")


def test_both_sides_without_a_bilateral_code_falls_back_to_unspecified_and_says_so() -> None:
    chosen = code_for_side(diagnosis_by_id("it_band_syndrome"), "both")
    assert chosen.code == "M76.30"
    assert chosen.laterality == "unspecified"
    assert chosen.separate_side_codes == ("M76.31", "M76.32")
    assert "no code for iliotibial band syndrome on both sides" in chosen.explanation
    assert "M76.31 and M76.32" in chosen.explanation


def test_a_condition_without_laterality_keeps_its_code_on_every_side() -> None:
    plantar = diagnosis_by_id("plantar_fasciitis")
    for side in ("left", "right", "both"):
        chosen = code_for_side(plantar, side)
        assert (chosen.code, chosen.laterality) == ("M72.2", "not_applicable")
        assert chosen.explanation == "M72.2 has no side in ICD-10-CM."
    assert code_for_side(plantar, "none").explanation == ""


def test_hamstring_strain_takes_the_encounter_as_seventh_character() -> None:
    hamstring = diagnosis_by_id("hamstring_strain")
    assert code_for_side(hamstring, "right", "A").code == "S76.311A"
    assert code_for_side(hamstring, "left", "d").code == "S76.312D"
    assert code_for_side(hamstring, "none", "S").code == "S76.319S"


def test_stress_fractures_take_the_fracture_seventh_characters() -> None:
    tibia = diagnosis_by_id("stress_fracture_tibia")
    assert code_for_side(tibia, "right", "A").code == "M84.361A"
    assert code_for_side(tibia, "left", "G").code == "M84.362G"
    femur = diagnosis_by_id("stress_fracture_femur")
    assert code_for_side(femur, "none", "A").code == "M84.353A"
    both = code_for_side(femur, "both", "D")
    assert both.separate_side_codes == ("M84.351D", "M84.352D")


def test_short_codes_are_filled_with_placeholder_x_before_the_seventh_character() -> None:
    pelvis = diagnosis_by_id("stress_fracture_pelvis")
    assert code_for_side(pelvis, "none", "A").code == "M84.350A"  # already six characters
    ankle_sprain = diagnosis_by_id("ankle_sprain")
    assert code_for_side(ankle_sprain, "right", "A").code == "S93.401A"


def test_a_missing_seventh_character_is_asked_for() -> None:
    with pytest.raises(ValidationError) as caught:
        code_for_side(diagnosis_by_id("hamstring_strain"), "right")
    assert caught.value.field == "diagnosis_code"
    assert caught.value.message.startswith(
        "Choose the 7th character for Hamstring strain (S76.311-): A initial encounter"
    )


def test_a_seventh_character_the_code_does_not_take_is_refused() -> None:
    with pytest.raises(ValidationError, match="'G' is not a 7th character for Hamstring"):
        code_for_side(diagnosis_by_id("hamstring_strain"), "right", "G")
    with pytest.raises(ValidationError, match=r"takes no 7th character"):
        code_for_side(diagnosis_by_id("it_band_syndrome"), "right", "A")


def test_an_unknown_side_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="Unknown side 'middle'"):
        code_for_side(diagnosis_by_id("it_band_syndrome"), "middle")


def test_a_stored_code_leads_back_to_its_diagnosis() -> None:
    assert diagnosis_for_code("M76.62").id == "achilles_tendinopathy"  # type: ignore[union-attr]
    assert diagnosis_for_code("s76311d").id == "hamstring_strain"  # type: ignore[union-attr]
    assert diagnosis_for_code("M84.350A").id == "stress_fracture_pelvis"  # type: ignore[union-attr]
    assert diagnosis_for_code("M76.61A") is None  # Achilles codes take no 7th character
    assert diagnosis_for_code("J45.909") is None


# --- hand-typed codes ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "tidy"),
    [
        ("M72.2", "M72.2"),
        ("m22.2x1", "M22.2X1"),
        (" S76.311A ", "S76.311A"),
        ("S76311A", "S76.311A"),
        ("M84.369", "M84.369"),
        ("R52", "R52"),
        ("M1A.071", "M1A.071"),
        ("T14.90XA", "T14.90XA"),
    ],
)
def test_well_shaped_codes_are_accepted_and_tidied(typed: str, tidy: str) -> None:
    assert validate_icd10_code(typed) == tidy


@pytest.mark.parametrize(
    "typed",
    ["M7", "7M2.2", "MM2.2", "M72.", "M72.22222", "M72-2", "M72 2", "knee pain", "M72.2.1"],
)
def test_misshapen_codes_are_refused_with_a_sentence(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_icd10_code(typed)
    assert caught.value.field == "diagnosis_code"
    assert caught.value.message == (
        f"'{typed}' is not shaped like an ICD-10 code: a letter, two digits, then optionally a "
        "dot and up to four letters or digits, for example M76.61 or S76.311A."
    )


def test_an_empty_code_is_asked_for() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_icd10_code("   ")
    assert caught.value.message == "Enter an ICD-10 code, for example M76.61."
