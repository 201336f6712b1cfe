"""Users: the first admin, signing in and out, locking, and the admin's user management.

Passwords are stored only as Argon2id hashes. Failed sign-ins are throttled with a growing
delay and the account is locked for 15 minutes after 10 misses in a row; every attempt is
audited. Users are never deleted, only deactivated, so their records stay attributed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from sqlalchemy import func, select

from clinic_desktop.domain.access import (
    LOCKOUT_AFTER_FAILURES,
    LOCKOUT_MINUTES,
    Permission,
    Role,
    SignedInUser,
    UserAccount,
    delay_after_failures,
    format_roles,
    parse_roles,
)
from clinic_desktop.domain.errors import (
    NotFound,
    SignInRefused,
    StaleRecord,
    ValidationError,
    ValidationErrors,
)
from clinic_desktop.domain.passwords import check_new_password
from clinic_desktop.services.access import Access, Service, requires
from clinic_desktop.services.audit import record_event
from clinic_desktop.storage.models import UserRow

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def make_hasher():
    """Argon2id with the library's recommended costs."""
    from argon2 import PasswordHasher

    return PasswordHasher()


class UserService(Service):
    def __init__(
        self, database, access: Access | None = None, clock: Clock = utc_now, hasher=None
    ) -> None:
        super().__init__(database, access)
        self._clock = clock
        self._hasher = hasher

    @property
    def hasher(self):
        if self._hasher is None:
            self._hasher = make_hasher()
        return self._hasher

    # --- first run and signing in --------------------------------------------------------

    @requires(None)
    def has_users(self) -> bool:
        """Whether any active admin exists; a new clinic must create one first."""
        with self._db.reading() as session:
            rows = session.scalars(select(UserRow.roles).where(UserRow.is_active)).all()
        return any(Role.ADMIN in parse_roles(roles) for roles in rows)

    @requires(None)
    def create_first_admin(
        self,
        username: str,
        display_name: str,
        password: str,
        credentials: str = "",
        also_therapist: bool = False,
    ) -> UserAccount:
        """Create the first admin account of a new clinic; refused once one exists."""
        if self.has_users():
            raise ValidationErrors(
                [ValidationError("username", "This clinic already has an admin; sign in instead.")]
            )
        roles = {Role.ADMIN} | ({Role.THERAPIST} if also_therapist else set())
        return self._create(
            username, display_name, password, credentials, roles, must_change=False, actor=None
        )

    @requires(None)
    def sign_in(self, username: str, password: str) -> SignedInUser:
        """Check the password and make the user the one signed in here.

        Raises SignInRefused with a sentence; the sentence never says whether the user name
        exists. Every attempt is audited.
        """
        now = self._clock()
        with self._db.transaction() as session:
            row = session.scalar(select(UserRow).where(UserRow.username == username.strip()))
            refusal = self._refusal(row, now)
            if refusal is None and not self._verify(row, password):
                row.failed_sign_ins += 1
                if row.failed_sign_ins >= LOCKOUT_AFTER_FAILURES:
                    row.locked_until = now + dt.timedelta(minutes=LOCKOUT_MINUTES)
                    refusal = (
                        f"Too many wrong passwords: the account is locked for "
                        f"{LOCKOUT_MINUTES} minutes. An admin can reset it sooner."
                    )
                else:
                    refusal = "The user name or password is not right."
                row.updated_at = now
            if refusal is not None:
                record_event(
                    session,
                    "sign_in.failed",
                    entity="user",
                    entity_id=row.id if row else None,
                    user_id=row.id if row else None,
                    detail={"username": username.strip(), "reason": refusal},
                )
                failed = refusal
            else:
                row.failed_sign_ins = 0
                row.locked_until = None
                user = _signed_in(row)
                record_event(session, "sign_in", entity="user", entity_id=row.id, user_id=row.id)
                failed = None
        if failed is not None:
            raise SignInRefused(failed)
        self.access.user = user
        return user

    def _refusal(self, row: UserRow | None, now: dt.datetime) -> str | None:
        if row is None or not row.is_active or not row.password_hash:
            return "The user name or password is not right."
        if row.locked_until is not None and row.locked_until > now:
            minutes = max(1, round((row.locked_until - now).total_seconds() / 60))
            return (
                f"The account is locked after too many wrong passwords; try again in "
                f"{minutes} minute{'s' if minutes != 1 else ''} or ask an admin."
            )
        wait = delay_after_failures(row.failed_sign_ins)
        if wait and row.updated_at + dt.timedelta(seconds=wait) > now:
            left = math.ceil((row.updated_at + dt.timedelta(seconds=wait) - now).total_seconds())
            return f"Wait {left} second{'s' if left != 1 else ''} before trying again."
        return None

    def _verify(self, row: UserRow, password: str) -> bool:
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return self.hasher.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    @requires(Permission.OWN_WORK)
    def sign_out(self) -> None:
        user = self.access.user
        with self._db.transaction() as session:
            record_event(session, "sign_out", entity="user", entity_id=user.id, user_id=user.id)
        self.access.user = None

    @requires(Permission.OWN_WORK)
    def record_lock(self, locked: bool) -> None:
        """Audit that the screen locked (or unlocked by the same user)."""
        user = self.access.user
        with self._db.transaction() as session:
            record_event(
                session,
                "lock" if locked else "unlock",
                entity="user",
                entity_id=user.id,
                user_id=user.id,
            )

    @requires(Permission.OWN_WORK)
    def change_own_password(self, current: str, new: str) -> None:
        user = self.access.user
        errors = []
        try:
            check_new_password(new, user.username, field="new_password")
        except ValidationError as error:
            errors.append(error)
        with self._db.transaction() as session:
            row = session.get(UserRow, user.id)
            if not self._verify(row, current):
                errors.insert(
                    0, ValidationError("current_password", "The current password is not right.")
                )
            if errors:
                raise ValidationErrors(errors)
            row.password_hash = self.hasher.hash(new)
            row.must_change_password = False
            record_event(
                session, "user.password_change", entity="user", entity_id=row.id, user_id=row.id
            )
        self.access.user = _signed_in_from(user, must_change_password=False)

    # --- admin --------------------------------------------------------------------------

    @requires(Permission.MANAGE_USERS)
    def list_users(self) -> list[UserAccount]:
        with self._db.reading() as session:
            rows = session.scalars(select(UserRow).order_by(UserRow.display_name)).all()
            return [_account(row) for row in rows]

    @requires(Permission.MANAGE_USERS)
    def create_user(
        self,
        username: str,
        display_name: str,
        temporary_password: str,
        roles: set[Role],
        credentials: str = "",
    ) -> UserAccount:
        """A new user who must choose their own password at the first sign-in."""
        return self._create(
            username,
            display_name,
            temporary_password,
            credentials,
            roles,
            must_change=True,
            actor=self.access.user_id,
        )

    @requires(Permission.MANAGE_USERS)
    def set_roles(self, user_id: int, roles: set[Role], version: int) -> UserAccount:
        if not roles:
            raise ValidationErrors([ValidationError("roles", "Give the user at least one role.")])
        return self._update(user_id, version, "user.roles", roles=format_roles(roles))

    @requires(Permission.MANAGE_USERS)
    def deactivate(self, user_id: int, version: int) -> UserAccount:
        if user_id == self.access.user_id:
            raise ValidationErrors(
                [
                    ValidationError(
                        "user", "You cannot deactivate your own account while signed in with it."
                    )
                ]
            )
        return self._update(user_id, version, "user.deactivate", is_active=False)

    @requires(Permission.MANAGE_USERS)
    def reactivate(self, user_id: int, version: int) -> UserAccount:
        return self._update(user_id, version, "user.reactivate", is_active=True)

    @requires(Permission.MANAGE_USERS)
    def reset_password(self, user_id: int, temporary_password: str, version: int) -> UserAccount:
        """Set a temporary password; the user must change it at the next sign-in."""
        with self._db.reading() as session:
            row = session.get(UserRow, user_id)
            username = row.username if row else ""
        check_new_password(temporary_password, username)
        return self._update(
            user_id,
            version,
            "user.password_reset",
            password_hash=self.hasher.hash(temporary_password),
            must_change_password=True,
            failed_sign_ins=0,
            locked_until=None,
        )

    def _create(
        self, username, display_name, password, credentials, roles, must_change, actor
    ) -> UserAccount:
        errors = []
        username = username.strip()
        if not username:
            errors.append(ValidationError("username", "Enter a user name."))
        elif len(username) > 60 or any(c.isspace() for c in username):
            errors.append(
                ValidationError("username", "A user name has no spaces and at most 60 characters.")
            )
        if not display_name.strip():
            errors.append(ValidationError("display_name", "Enter the person's name."))
        if not roles:
            errors.append(ValidationError("roles", "Give the user at least one role."))
        try:
            check_new_password(password, username)
        except ValidationError as error:
            errors.append(error)
        with self._db.transaction() as session:
            if username and session.scalar(
                select(func.count()).select_from(UserRow).where(UserRow.username == username)
            ):
                errors.append(ValidationError("username", f"The user name {username} is taken."))
            if errors:
                raise ValidationErrors(errors)
            row = UserRow(
                username=username,
                display_name=display_name.strip(),
                credentials=credentials.strip(),
                roles=format_roles(roles),
                password_hash=self.hasher.hash(password),
                must_change_password=must_change,
            )
            session.add(row)
            session.flush()
            record_event(
                session,
                "user.create",
                entity="user",
                entity_id=row.id,
                user_id=actor,
                detail={"username": username, "roles": format_roles(roles)},
            )
            return _account(row)

    def _update(self, user_id: int, version: int, action: str, **changes) -> UserAccount:
        with self._db.transaction() as session:
            row = session.get(UserRow, user_id)
            if row is None:
                raise NotFound("This user is no longer on file.")
            if row.version != version:
                raise StaleRecord(
                    "Someone else changed this user meanwhile; nothing was "
                    "saved. Look at the list again and repeat the change."
                )
            for name, value in changes.items():
                setattr(row, name, value)
            session.flush()
            shown = {k: v for k, v in changes.items() if k != "password_hash"}
            record_event(
                session,
                action,
                entity="user",
                entity_id=row.id,
                user_id=self.access.user_id,
                detail=shown,
            )
            return _account(row)


def smoke_test_identity() -> SignedInUser:
    """Who the start-up self-check acts as: it may only list patients, and writes nothing."""
    return SignedInUser(id=0, username="smoke-test", display_name="Start-up check",
                        credentials="", roles=frozenset({Role.FRONT_DESK}))


def _signed_in(row: UserRow) -> SignedInUser:
    return SignedInUser(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        credentials=row.credentials,
        roles=parse_roles(row.roles),
        must_change_password=row.must_change_password,
    )


def _signed_in_from(user: SignedInUser, **changes) -> SignedInUser:
    from dataclasses import replace

    return replace(user, **changes)


def _account(row: UserRow) -> UserAccount:
    return UserAccount(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        credentials=row.credentials,
        roles=parse_roles(row.roles),
        is_active=row.is_active,
        must_change_password=row.must_change_password,
        locked_until=row.locked_until,
        version=row.version,
    )
