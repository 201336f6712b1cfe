"""Signing in at a shared workstation: first admin, throttling, lockout, admin changes."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select

from clinic_desktop.domain.access import Role
from clinic_desktop.domain.errors import SignInRefused, ValidationErrors
from clinic_desktop.services.clinic import open_clinic
from clinic_desktop.services.users import UserService
from clinic_desktop.storage.location import DatabaseLocation
from clinic_desktop.storage.models import AuditEventRow, UserRow


class FastHasher:
    """Argon2id with the smallest costs, so tests sign in quickly; same code path."""

    def __new__(cls):
        from argon2 import PasswordHasher

        return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 26, 9, 0, 0)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def new_clinic(tmp_path):
    opened = open_clinic(DatabaseLocation.sqlite_file(tmp_path / "clinic.sqlite3"))
    clock = Clock()
    opened.users = UserService(opened.database, opened.access, clock=clock, hasher=FastHasher())
    opened.clock = clock
    yield opened
    opened.close()


def actions(clinic) -> list[str]:
    with clinic.database.reading() as session:
        return list(session.scalars(select(AuditEventRow.action).order_by(AuditEventRow.id)))


def test_a_new_clinic_has_no_users_and_no_default_password(new_clinic):
    assert not new_clinic.users.has_users()
    with pytest.raises(SignInRefused):
        new_clinic.users.sign_in("admin", "admin")


def test_the_first_admin_is_created_once_and_can_sign_in(new_clinic):
    new_clinic.users.create_first_admin("ckoh", "Chris Koh", "a long enough phrase")
    assert new_clinic.users.has_users()
    user = new_clinic.users.sign_in("ckoh", "a long enough phrase")
    assert user.roles == {Role.ADMIN}
    with pytest.raises(ValidationErrors, match="already has an admin"):
        new_clinic.users.create_first_admin("other", "Other", "another long phrase")
    with new_clinic.database.reading() as session:
        stored = session.scalar(select(UserRow.password_hash).where(UserRow.username == "ckoh"))
    assert stored.startswith("$argon2id$") and "a long enough phrase" not in stored


def test_failed_sign_ins_are_throttled_then_the_account_locks_for_15_minutes(new_clinic):
    users, clock = new_clinic.users, new_clinic.clock
    users.create_first_admin("ckoh", "Chris Koh", "a long enough phrase")
    for _ in range(3):
        with pytest.raises(SignInRefused, match="not right"):
            users.sign_in("ckoh", "wrong guess")
    # After three misses the next attempt must wait; even the right password is refused.
    with pytest.raises(SignInRefused, match="Wait 1 second before"):
        users.sign_in("ckoh", "a long enough phrase")
    for _ in range(7):
        clock.advance(seconds=31)
        with pytest.raises(SignInRefused):
            users.sign_in("ckoh", "wrong guess")
    clock.advance(seconds=31)
    with pytest.raises(SignInRefused, match="locked"):
        users.sign_in("ckoh", "a long enough phrase")
    clock.advance(minutes=15)
    assert users.sign_in("ckoh", "a long enough phrase").username == "ckoh"
    trail = actions(new_clinic)
    assert trail.count("sign_in.failed") == 12 and trail[-1] == "sign_in"


def test_an_unknown_user_gets_the_same_sentence_as_a_wrong_password(new_clinic):
    new_clinic.users.create_first_admin("ckoh", "Chris Koh", "a long enough phrase")
    with pytest.raises(SignInRefused) as unknown:
        new_clinic.users.sign_in("nobody", "whatever it is")
    with pytest.raises(SignInRefused) as wrong:
        new_clinic.users.sign_in("ckoh", "whatever it is")
    assert unknown.value.message == wrong.value.message


def test_admin_creates_resets_and_deactivates_users_never_deleting_them(new_clinic):
    users = new_clinic.users
    users.create_first_admin("ckoh", "Chris Koh", "a long enough phrase")
    users.sign_in("ckoh", "a long enough phrase")
    dana = users.create_user("dana", "Dana Whitfield", "temporary phrase", {Role.THERAPIST},
                             "PT, DPT")
    assert dana.must_change_password
    new_clinic.access.user = None
    signed = users.sign_in("dana", "temporary phrase")
    assert signed.must_change_password
    users.change_own_password("temporary phrase", "my own running phrase")
    assert not new_clinic.access.user.must_change_password

    users.sign_in("ckoh", "a long enough phrase")
    dana = next(u for u in users.list_users() if u.username == "dana")
    dana = users.reset_password(dana.id, "another temporary", dana.version)
    dana = users.set_roles(dana.id, {Role.THERAPIST, Role.FRONT_DESK}, dana.version)
    dana = users.deactivate(dana.id, dana.version)
    assert not dana.is_active and dana.roles == {Role.THERAPIST, Role.FRONT_DESK}
    with pytest.raises(SignInRefused):
        users.sign_in("dana", "another temporary")
    assert [u.username for u in users.list_users()].count("dana") == 1
    assert {"user.create", "user.password_change", "user.password_reset", "user.roles",
            "user.deactivate"} <= set(actions(new_clinic))


def test_weak_passwords_are_refused_when_creating_or_resetting(new_clinic):
    users = new_clinic.users
    with pytest.raises(ValidationErrors) as refused:
        users.create_first_admin("ckoh", "Chris Koh", "password1")
    assert "most common" in refused.value.by_field()["password"]
    users.create_first_admin("ckoh", "Chris Koh", "x" * 64)  # 64 characters are welcome
    assert users.sign_in("ckoh", "x" * 64)


def test_verify_chain_names_the_row_edited_behind_the_applications_back(new_clinic, tmp_path):
    users = new_clinic.users
    users.create_first_admin("ckoh", "Chris Koh", "a long enough phrase")
    users.sign_in("ckoh", "a long enough phrase")
    for locked in (True, False, True, False):
        users.record_lock(locked)
    assert new_clinic.audit.verify_chain().intact
    with new_clinic.database.reading() as session:
        target = session.scalars(select(AuditEventRow.id).order_by(AuditEventRow.id)).all()[3]
    raw = sqlite3.connect(tmp_path / "clinic.sqlite3")
    raw.execute("UPDATE audit_event SET action = 'patient.open' WHERE id = ?", (target,))
    raw.commit()
    raw.close()
    check = new_clinic.audit.verify_chain()
    assert check.first_broken_id == target
    assert f"entry {target}" in check.sentence()
