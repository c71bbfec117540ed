"""Password hashing with argon2id (argon2-cffi, RFC 9106 low-memory profile by default) and the password rule.

The hash string carries its own parameters, so hashes made with older settings still verify; after a
successful sign-in :func:`needs_rehash` says whether to store a new hash with the current settings.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 10
_hasher = PasswordHasher()  # argon2id, t=3, m=64 MiB, p=4 (argon2-cffi's RFC 9106 low-memory default)
# a hash that no password matches: unknown user names are checked against it so that they take as long as known
_DUMMY = _hasher.hash("no account has this password \u2603")


def use_hasher(hasher: PasswordHasher) -> PasswordHasher:
    """Replace the hasher (tests use a cheaper one); returns the previous one."""
    global _hasher, _DUMMY
    previous, _hasher = _hasher, hasher
    _DUMMY = hasher.hash("no account has this password \u2603")
    return previous


def hash_password(password: str) -> str:
    """The argon2id hash string of ``password`` (salted; two calls give two different strings)."""
    return _hasher.hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored_hash``; ``None`` (no such account) is checked against a dummy hash
    so that it costs the same time, and is always ``False``."""
    try:
        _hasher.verify(stored_hash or _DUMMY, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return stored_hash is not None


def needs_rehash(stored_hash: str) -> bool:
    """Whether ``stored_hash`` was made with other parameters than the current hasher's."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def password_problem(password: str, username: str = "") -> str:
    """Why ``password`` is not acceptable for a new account or a reset ('' when it is)."""
    if len(password) < MIN_LENGTH:
        return f"the password needs at least {MIN_LENGTH} characters"
    if password.strip() != password:
        return "the password must not start or end with a space"
    if username and password.casefold() == username.casefold():
        return "the password must not be the user name"
    return ""
