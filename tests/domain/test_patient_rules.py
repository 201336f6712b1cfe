"""Patient detail rules: search folding, dates, and the sentences the front desk sees."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.patient_rules import (
    age_on,
    check_birth_date,
    check_email,
    check_height_cm,
    check_phone,
    check_weight_kg,
    fold_name,
    parse_date_text,
    phone_digits,
    require_text,
)

# --- fold_name ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("  Zoë O'Brien-Núñez ", "zoe o brien nunez"),
        ("MÜLLER", "muller"),
        ("Ørsted", "orsted"),
        ("Łukasz", "lukasz"),
        ("Straße", "strasse"),
        ("Æsa", "aesa"),
        ("François\tDupont", "francois dupont"),
        ("Jean--Luc", "jean luc"),
        ("d’Artagnan", "d artagnan"),
        ("Ștefan Țurcanu", "stefan turcanu"),
    ],
)
def test_names_fold_to_plain_lowercase_words(typed: str, folded: str) -> None:
    assert fold_name(typed) == folded


def test_accented_and_plain_spellings_find_each_other() -> None:
    assert fold_name("José Álvarez") == fold_name("jose alvarez")
    assert fold_name("Anne-Marie") == fold_name("anne marie")


def test_blank_and_punctuation_only_names_fold_to_empty_text() -> None:
    assert fold_name("") == ""
    assert fold_name("  - ' . ") == ""


@given(st.text())
def test_folding_a_folded_name_changes_nothing(text: str) -> None:
    once = fold_name(text)
    assert fold_name(once) == once


@given(st.text())
def test_folded_names_have_no_edge_or_double_spaces(text: str) -> None:
    folded = fold_name(text)
    assert folded == folded.strip()
    assert "  " not in folded


_LATIN_LETTERS = st.characters(
    min_codepoint=0x41,
    max_codepoint=0x17F,
    categories=("Lu", "Ll", "Lt"),
).filter(lambda char: "LATIN" in unicodedata.name(char, ""))


@given(st.text(alphabet=st.one_of(_LATIN_LETTERS, st.sampled_from(" -'.")), max_size=40))
def test_latin_script_names_fold_to_ascii(text: str) -> None:
    folded = fold_name(text)
    assert folded.isascii()
    assert folded == folded.lower()


# --- phone_digits ---------------------------------------------------------------------------


def test_phone_digits_keeps_only_the_digits() -> None:
    assert phone_digits("+44 (0)20 7946-0958") == "4402079460958"
    assert phone_digits("555.123.4567") == "5551234567"
    assert phone_digits("no number") == ""


def test_phone_digits_turns_full_width_digits_into_ascii() -> None:
    assert phone_digits("０１２３") == "0123"


# --- age_on and parse_date_text -------------------------------------------------------------


def test_age_counts_completed_years_only() -> None:
    born = date(1990, 6, 15)
    assert age_on(born, date(2020, 6, 14)) == 29
    assert age_on(born, date(2020, 6, 15)) == 30
    assert age_on(born, born) == 0


def test_leap_day_birthday_is_reached_on_first_of_march_in_common_years() -> None:
    born = date(2000, 2, 29)
    assert age_on(born, date(2021, 2, 28)) == 20
    assert age_on(born, date(2021, 3, 1)) == 21
    assert age_on(born, date(2024, 2, 29)) == 24


def test_age_before_birth_is_refused_with_a_sentence() -> None:
    with pytest.raises(ValidationError) as caught:
        age_on(date(2020, 1, 2), date(2020, 1, 1))
    assert caught.value.field == "birth_date"
    assert caught.value.message == "The birth date 2020-01-02 is after 2020-01-01."


@pytest.mark.parametrize(
    ("text", "clinic_format", "expected"),
    [
        ("2021-03-04", "dd/mm/yyyy", date(2021, 3, 4)),
        ("2021-03-04", "mm/dd/yyyy", date(2021, 3, 4)),
        ("04/03/2021", "dd/mm/yyyy", date(2021, 3, 4)),
        ("03/04/2021", "mm/dd/yyyy", date(2021, 3, 4)),
        ("4.3.2021", "dd/mm/yyyy", date(2021, 3, 4)),
        ("3-4-2021", "mm/dd/yyyy", date(2021, 3, 4)),
        ("  31/12/1999 ", "dd/mm/yyyy", date(1999, 12, 31)),
    ],
)
def test_dates_are_read_in_iso_and_in_the_clinic_format(
    text: str, clinic_format: str, expected: date
) -> None:
    assert parse_date_text(text, clinic_format) == expected


@pytest.mark.parametrize(
    ("text", "clinic_format"),
    [
        ("", "dd/mm/yyyy"),
        ("yesterday", "dd/mm/yyyy"),
        ("31/12/1999", "mm/dd/yyyy"),  # there is no month 31
        ("12/31/1999", "dd/mm/yyyy"),
        ("2021-02-29", "dd/mm/yyyy"),  # not a leap year
        ("04/03/21", "dd/mm/yyyy"),  # two-digit year: century unknown
        ("2021/03/04/05", "dd/mm/yyyy"),
    ],
)
def test_text_that_is_not_a_real_date_gives_none(text: str, clinic_format: str) -> None:
    assert parse_date_text(text, clinic_format) is None


def test_a_clinic_writing_iso_dates_reads_iso_only() -> None:
    assert parse_date_text("2021-03-04", "yyyy-mm-dd") == date(2021, 3, 4)
    assert parse_date_text("04/03/2021", "yyyy-mm-dd") is None


def test_an_unknown_clinic_date_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="yyyy/mm/dd"):
        parse_date_text("2021-03-04", "yyyy/mm/dd")


# --- field checks with their sentences ------------------------------------------------------

TODAY = date(2024, 5, 20)


def _refusal(check, *args) -> ValidationError:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        check(*args)
    return caught.value


def test_a_birth_date_in_the_future_is_refused() -> None:
    error = _refusal(check_birth_date, date(2024, 5, 21), TODAY)
    assert (error.field, error.message) == (
        "birth_date",
        "The birth date cannot be in the future.",
    )


def test_a_birth_date_giving_an_age_under_five_is_refused() -> None:
    error = _refusal(check_birth_date, date(2020, 5, 21), TODAY)
    assert error.field == "birth_date"
    assert error.message == (
        "The birth date makes the patient 3 years old; the clinic sees patients from 5 years. "
        "Check the year."
    )


def test_a_birth_date_giving_an_age_over_110_is_refused() -> None:
    error = _refusal(check_birth_date, date(1913, 5, 20), TODAY)
    assert error.field == "birth_date"
    assert error.message == (
        "The birth date makes the patient 111 years old, more than 110. Check the year."
    )


def test_birth_dates_at_the_age_limits_are_accepted() -> None:
    assert check_birth_date(date(2019, 5, 20), TODAY) == date(2019, 5, 20)  # 5 today
    assert check_birth_date(date(1913, 5, 21), TODAY) == date(1913, 5, 21)  # 110 for a day


@pytest.mark.parametrize(
    "email", ["runner@example.com", "a.b+clinic@mail.example.co.uk", "x_y@sub-domain.org"]
)
def test_well_formed_email_addresses_are_accepted(email: str) -> None:
    assert check_email(f"  {email} ") == email


def test_a_blank_email_is_allowed_because_email_is_optional() -> None:
    assert check_email("   ") == ""


@pytest.mark.parametrize(
    "email",
    [
        "runner",
        "runner@",
        "@example.com",
        "runner@example",
        "run ner@example.com",
        "a@b@example.com",
        "runner@example.c",
        "runner@.com",
        "runner@example..com",
    ],
)
def test_misshapen_email_addresses_are_refused(email: str) -> None:
    error = _refusal(check_email, email)
    assert (error.field, error.message) == (
        "email",
        "The email address should look like name@example.com, with no spaces.",
    )


@pytest.mark.parametrize(
    "phone", ["555 1234", "+44 (0)20 7946-0958", "555.123.4567", "+1 212 555 0100", "1234567"]
)
def test_phone_numbers_written_the_usual_ways_are_accepted(phone: str) -> None:
    assert check_phone(f" {phone} ") == phone


def test_a_blank_phone_number_is_allowed() -> None:
    assert check_phone("") == ""


@pytest.mark.parametrize("phone", ["555-CALL-NOW", "12+34567890", "555/123/4567", "#1234567"])
def test_phone_numbers_with_other_characters_are_refused(phone: str) -> None:
    error = _refusal(check_phone, phone)
    assert (error.field, error.message) == (
        "phone",
        "A phone number may only contain digits, spaces, dashes, dots, brackets "
        "and a + at the start.",
    )


@pytest.mark.parametrize(("phone", "count"), [("123 456", 6), ("+1234567890123456", 16)])
def test_phone_numbers_with_too_few_or_too_many_digits_are_refused(phone: str, count: int) -> None:
    error = _refusal(check_phone, phone, "mobile_phone")
    assert error.field == "mobile_phone"
    assert error.message == f"A phone number needs 7 to 15 digits; this one has {count}."


def test_weight_within_20_to_250_kg_is_accepted_from_numbers_and_text() -> None:
    assert check_weight_kg(20) == 20.0
    assert check_weight_kg("68,5") == 68.5
    assert check_weight_kg(" 250 ") == 250.0


@pytest.mark.parametrize("weight", [19.9, 250.1, "0", "-70"])
def test_weight_outside_the_range_is_refused(weight: float | str) -> None:
    error = _refusal(check_weight_kg, weight)
    assert (error.field, error.message) == ("weight_kg", "Weight must be between 20 and 250 kg.")


def test_weight_that_is_not_a_number_is_refused() -> None:
    error = _refusal(check_weight_kg, "seventy")
    assert (error.field, error.message) == (
        "weight_kg",
        "Enter the weight in kilograms as a number, for example 68.5.",
    )


def test_height_within_100_to_230_cm_is_accepted() -> None:
    assert check_height_cm(100) == 100.0
    assert check_height_cm("172.5") == 172.5
    assert check_height_cm(230) == 230.0


@pytest.mark.parametrize("height", [99, 230.5, "1.75"])
def test_height_outside_the_range_is_refused(height: float | str) -> None:
    error = _refusal(check_height_cm, height)
    assert (error.field, error.message) == (
        "height_cm",
        "Height must be between 100 and 230 cm.",
    )


def test_height_that_is_not_a_number_is_refused() -> None:
    error = _refusal(check_height_cm, "5ft 9")
    assert (error.field, error.message) == (
        "height_cm",
        "Enter the height in centimetres as a number, for example 172.",
    )


def test_required_names_left_blank_are_asked_for_in_plain_words() -> None:
    error = _refusal(require_text, "   ", "family_name")
    assert (error.field, error.message) == ("family_name", "Enter the patient's family name.")
    error = _refusal(require_text, None, "given_name")
    assert (error.field, error.message) == ("given_name", "Enter the patient's given name.")


def test_a_required_field_can_name_what_is_missing() -> None:
    error = _refusal(require_text, "", "referrer", "the referring doctor's name")
    assert (error.field, error.message) == ("referrer", "Enter the referring doctor's name.")


def test_required_text_is_returned_without_surrounding_spaces() -> None:
    assert require_text("  Okafor ", "family_name") == "Okafor"
