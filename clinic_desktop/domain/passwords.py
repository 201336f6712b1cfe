"""Password rules after NIST SP 800-63B: long enough, not a known common one, no
composition rules (no forced digits or symbols), and long passphrases welcome."""

from __future__ import annotations

from functools import cache

from clinic_desktop.domain.errors import ValidationError
from clinic_desktop.domain.resources import resource_path

MIN_LENGTH = 8
MAX_LENGTH = 256  # at least 64 must be accepted; passphrases are encouraged


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of most common passwords, lower-cased."""
    lines = resource_path("common_passwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().casefold() for line in lines if line.strip() and not line.startswith("# ")
    )


def check_new_password(password: str, username: str = "", field: str = "password") -> str:
    """Return ``password`` if it may be used; raise ValidationError with a sentence if not."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            field, f"Use at least {MIN_LENGTH} characters; a short phrase is easiest to remember."
        )
    if len(password) > MAX_LENGTH:
        raise ValidationError(field, f"Use at most {MAX_LENGTH} characters.")
    folded = password.casefold()
    if folded in common_passwords():
        raise ValidationError(
            field,
            "This password is one of the most common ones and is guessed first; choose another.",
        )
    if username and folded == username.casefold():
        raise ValidationError(field, "The password cannot be the same as the user name.")
    return password
