"""Who may do what: roles, the permissions they carry, and the sign-in rules.

Roles (a user may hold several):

* front desk — find patients, edit demographics and contact details, view and print the
  current exercise handout; nothing clinical;
* therapist — everything clinical: intake, measurements, questionnaires, goals, reports;
* admin — users and roles, clinic settings, the audit viewer; clinical rights only when
  the same person also holds the therapist role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    FRONT_DESK = "front_desk"
    THERAPIST = "therapist"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return {"front_desk": "Front desk", "therapist": "Therapist", "admin": "Admin"}[self.value]


class Permission(StrEnum):
    FIND_PATIENTS = "find_patients"
    EDIT_DEMOGRAPHICS = "edit_demographics"
    PRINT_HANDOUT = "print_handout"
    CLINICAL_READ = "clinical_read"
    CLINICAL_WRITE = "clinical_write"
    MANAGE_USERS = "manage_users"
    CLINIC_SETTINGS = "clinic_settings"
    VIEW_AUDIT = "view_audit"
    # Every signed-in user may keep their own drafts and change their own password.
    OWN_WORK = "own_work"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.FRONT_DESK: frozenset(
        {
            Permission.FIND_PATIENTS,
            Permission.EDIT_DEMOGRAPHICS,
            Permission.PRINT_HANDOUT,
            Permission.OWN_WORK,
        }
    ),
    Role.THERAPIST: frozenset(
        {
            Permission.FIND_PATIENTS,
            Permission.EDIT_DEMOGRAPHICS,
            Permission.PRINT_HANDOUT,
            Permission.CLINICAL_READ,
            Permission.CLINICAL_WRITE,
            Permission.OWN_WORK,
        }
    ),
    Role.ADMIN: frozenset(
        {
            Permission.MANAGE_USERS,
            Permission.CLINIC_SETTINGS,
            Permission.VIEW_AUDIT,
            Permission.OWN_WORK,
        }
    ),
}

# What to say when a permission is missing: which role carries it.
DENIED_SENTENCES: dict[Permission, str] = {
    Permission.FIND_PATIENTS: "Finding patients needs the front desk or therapist role.",
    Permission.EDIT_DEMOGRAPHICS: "Editing patient details needs the front desk or therapist role.",
    Permission.PRINT_HANDOUT: "Printing handouts needs the front desk or therapist role.",
    Permission.CLINICAL_READ: "Clinical records are open to therapists only.",
    Permission.CLINICAL_WRITE: "Only a therapist can record or change clinical data.",
    Permission.MANAGE_USERS: "Managing users needs the admin role.",
    Permission.CLINIC_SETTINGS: "Changing the clinic settings needs the admin role.",
    Permission.VIEW_AUDIT: "The audit trail is open to admins only.",
    Permission.OWN_WORK: "Sign in first.",
}


def parse_roles(text: str) -> frozenset[Role]:
    """Roles from their stored form, "therapist,admin"; unknown names are ignored."""
    known = {role.value: role for role in Role}
    return frozenset(known[name] for name in text.split(",") if name.strip() in known)


def format_roles(roles) -> str:
    return ",".join(sorted(role.value for role in roles))


def permissions_of(roles) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS[role]
    return frozenset(granted)


@dataclass(frozen=True)
class SignedInUser:
    """The person at the workstation, as services see them."""

    id: int
    username: str
    display_name: str
    credentials: str
    roles: frozenset[Role]
    must_change_password: bool = False

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(self.roles)

    def may(self, permission: Permission) -> bool:
        return permission in self.permissions


@dataclass(frozen=True)
class UserAccount:
    """A user as the admin screen lists them (never the password hash)."""

    id: int
    username: str
    display_name: str
    credentials: str
    roles: frozenset[Role]
    is_active: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    version: int


# --- sign-in throttling (NIST SP 800-63B 5.2.2: limit failed attempts) ---------------------

LOCKOUT_AFTER_FAILURES = 10
LOCKOUT_MINUTES = 15
MAX_DELAY_S = 30


def delay_after_failures(failures: int) -> int:
    """Seconds to wait before the next attempt after ``failures`` misses in a row.

    No wait after the first two misses, then 1, 2, 4, 8, 16 and at most 30 seconds.
    """
    if failures < 3:
        return 0
    return min(MAX_DELAY_S, 2 ** (failures - 3))
