"""Permission checks at the service boundary, so no button can get around them.

Every public method of a service carries ``@requires(Permission.X)``; the check runs before
the method does anything. ``Access`` knows who is signed in at this workstation and is
shared by every service of the open clinic.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from clinic_desktop.domain.access import DENIED_SENTENCES, Permission, SignedInUser
from clinic_desktop.domain.errors import PermissionDenied

F = TypeVar("F", bound=Callable)


class Access:
    """Who is signed in here; None until someone signs in."""

    def __init__(self, user: SignedInUser | None = None) -> None:
        self.user = user

    @property
    def user_id(self) -> int | None:
        return self.user.id if self.user else None

    def may(self, permission: Permission) -> bool:
        return self.user is not None and self.user.may(permission)

    def require(self, permission: Permission) -> SignedInUser:
        """The signed-in user, or PermissionDenied with a sentence saying who may."""
        if self.user is None:
            raise PermissionDenied("Sign in first.")
        if not self.user.may(permission):
            raise PermissionDenied(DENIED_SENTENCES[permission])
        return self.user


def requires(permission: Permission | None) -> Callable[[F], F]:
    """Mark a service method with the permission it needs and check it on every call.

    ``None`` marks a method open to anyone, signed in or not (signing in itself).
    """

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def checked(self, *args, **kwargs):
            if permission is not None:
                self.access.require(permission)
            return method(self, *args, **kwargs)

        checked.__permission__ = permission  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return decorate


class Service:
    """Base of the clinic's services: a database, and who is asking."""

    def __init__(self, database, access: Access | None = None) -> None:
        self._db = database
        self.access = access or Access()
