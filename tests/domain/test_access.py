"""Roles, password rules and sign-in throttling."""

import pytest

from clinic_desktop.domain.access import (
    Permission,
    Role,
    delay_after_failures,
    format_roles,
    parse_roles,
    permissions_of,
)
from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.passwords import check_new_password, common_passwords


def test_front_desk_has_nothing_clinical():
    granted = permissions_of({Role.FRONT_DESK})
    assert Permission.FIND_PATIENTS in granted and Permission.PRINT_HANDOUT in granted
    assert Permission.CLINICAL_READ not in granted and Permission.CLINICAL_WRITE not in granted


def test_admin_alone_has_no_clinical_rights_but_admin_and_therapist_has_both():
    assert Permission.CLINICAL_READ not in permissions_of({Role.ADMIN})
    both = permissions_of({Role.ADMIN, Role.THERAPIST})
    assert {Permission.CLINICAL_WRITE, Permission.MANAGE_USERS} <= both


def test_roles_round_trip_through_their_stored_form():
    assert parse_roles(format_roles({Role.ADMIN, Role.THERAPIST})) == {Role.ADMIN, Role.THERAPIST}
    assert parse_roles("therapist,unknown") == {Role.THERAPIST}


@pytest.mark.parametrize(
    "password, sentence",
    [
        ("short1", "at least 8 characters"),
        ("Password1", "most common"),
        ("PASSWORD", "most common"),
        ("dana.whit", "same as the user name"),
        ("x" * 257, "at most 256"),
    ],
)
def test_bad_passwords_are_refused_with_a_sentence(password, sentence):
    with pytest.raises(ValidationError) as refused:
        check_new_password(password, username="dana.whit")
    assert sentence in refused.value.message


@pytest.mark.parametrize(
    "password", ["correct horse battery", "a" * 8, "é" * 10, "long passphrase " * 4 + "!!!!"]
)
def test_long_and_plain_passwords_are_accepted_without_composition_rules(password):
    assert check_new_password(password) == password
    assert len("long passphrase " * 4 + "!!!!") >= 64


def test_the_common_list_is_loaded_without_its_comment_lines():
    common = common_passwords()
    assert "password" in common and "123456" in common
    assert not any(line.startswith("#") and " " in line for line in common)


def test_the_delay_grows_and_is_capped():
    assert [delay_after_failures(n) for n in range(0, 10)] == [0, 0, 0, 1, 2, 4, 8, 16, 30, 30]
