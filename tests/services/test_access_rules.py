"""Every service entry point, called as every role: allowed or refused as the roles say."""

from __future__ import annotations

import inspect
from dataclasses import fields

import pytest

from clinic_desktop.domain.access import ROLE_PERMISSIONS, Permission, Role
from clinic_desktop.domain.errors import PermissionDenied
from clinic_desktop.services.clinic import Clinic, LazyService
from tests.conftest import sign_in_as

ROLE_SETS = {
    "front desk": {Role.FRONT_DESK},
    "therapist": {Role.THERAPIST},
    "admin": {Role.ADMIN},
    "admin and therapist": {Role.ADMIN, Role.THERAPIST},
}


def services_of(clinic: Clinic) -> dict[str, object]:
    """Every service of the clinic, those built on first use included (built here)."""
    found = {}
    for item in fields(clinic):
        service = getattr(clinic, item.name)
        if isinstance(service, LazyService):
            service = service.resolve()
        if hasattr(service, "access") and item.name != "access":
            found[item.name] = service
    return found


def entry_points(service) -> list[tuple[str, object]]:
    return [
        (name, member)
        for name, member in inspect.getmembers(type(service), inspect.isfunction)
        if not name.startswith("_")
    ]


def test_every_service_entry_point_declares_who_may_call_it(clinic):
    missing = [
        f"{service_name}.{name}"
        for service_name, service in services_of(clinic).items()
        for name, method in entry_points(service)
        if not hasattr(method, "__permission__")
    ]
    assert missing == [], "entry points without @requires: " + ", ".join(missing)


def test_the_services_cover_the_whole_clinic(clinic):
    # A sanity check on the enumeration itself, so the rule test cannot pass vacuously.
    names = set(services_of(clinic))
    assert {"patients", "settings", "drafts", "users", "audit", "assessments", "intake",
            "programs", "reports"} <= names
    assert sum(len(entry_points(s)) for s in services_of(clinic).values()) >= 20


def _dummy_arguments(method) -> list:
    parameters = list(inspect.signature(method).parameters.values())[1:]
    return [
        None
        for p in parameters
        if p.default is inspect.Parameter.empty
        and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]


def _dummy_keywords(method) -> dict:
    parameters = list(inspect.signature(method).parameters.values())[1:]
    return {
        p.name: None
        for p in parameters
        if p.default is inspect.Parameter.empty and p.kind is p.KEYWORD_ONLY
    }


@pytest.mark.parametrize("role_set", list(ROLE_SETS))
def test_each_role_is_allowed_or_refused_at_every_entry_point(clinic, role_set):
    roles = ROLE_SETS[role_set]
    granted = set().union(*(ROLE_PERMISSIONS[r] for r in roles))
    outcomes = []
    for service_name, service in services_of(clinic).items():
        for name, method in entry_points(service):
            needed = getattr(method, "__permission__", "missing")
            user = sign_in_as(clinic, roles, username=f"role-{role_set.replace(' ', '-')}")
            bound = getattr(service, name)
            try:
                bound(*_dummy_arguments(method), **_dummy_keywords(method))
                refused = False
            except PermissionDenied:
                refused = True
            except Exception:  # noqa: BLE001 - allowed through; the dummy arguments failed
                refused = False
            clinic.access.user = user  # a call such as sign_out may have changed it
            expected_refused = needed is not None and needed not in granted
            outcomes.append((f"{service_name}.{name}", refused, expected_refused))
    wrong = [(name, refused) for name, refused, expected in outcomes if refused != expected]
    assert wrong == []


def test_nothing_clinical_is_open_to_the_front_desk():
    front_desk = ROLE_PERMISSIONS[Role.FRONT_DESK]
    assert Permission.CLINICAL_READ not in front_desk
    assert Permission.CLINICAL_WRITE not in front_desk


def test_a_refusal_is_a_sentence_naming_the_role_needed(clinic):
    sign_in_as(clinic, {Role.FRONT_DESK}, username="desk")
    with pytest.raises(PermissionDenied) as refused:
        clinic.settings.save(clinic.settings.load())
    assert refused.value.message == "Changing the clinic settings needs the admin role."
    clinic.access.user = None
    with pytest.raises(PermissionDenied, match="Sign in first"):
        clinic.patients.search("a")
