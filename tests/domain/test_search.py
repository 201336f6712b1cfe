"""Reading the search box: each way the typed text may match a patient."""

import datetime as dt

from clinic_desktop.domain.search import parse_patient_query


def test_a_name_is_folded_into_terms():
    query = parse_patient_query("  Núñez  José ")
    assert query.name_terms == ("nunez", "jose")
    assert (query.mrn, query.birth_date, query.phone_digits) == ("", None, "")


def test_a_date_in_iso_or_the_clinic_format_is_a_birth_date_only():
    assert parse_patient_query("1985-03-14").birth_date == dt.date(1985, 3, 14)
    query = parse_patient_query("14/03/1985", "dd/mm/yyyy")
    assert query.birth_date == dt.date(1985, 3, 14) and not query.name_terms


def test_letters_with_digits_may_be_an_mrn_and_a_name_part():
    query = parse_patient_query("d0042")
    assert query.mrn == "D0042" and query.name_terms == ()


def test_digits_may_be_a_phone_number_or_an_mrn_but_not_a_name():
    query = parse_patient_query("555-0104")
    assert query.phone_digits == "5550104" and query.mrn == "555-0104"
    assert query.name_terms == ()
    assert parse_patient_query("0104").name_terms == ()


def test_blank_text_is_empty_and_punctuation_matches_nothing():
    assert parse_patient_query("   ").is_empty
    assert parse_patient_query("%_").matches_nothing
    assert not parse_patient_query("ana").matches_nothing
