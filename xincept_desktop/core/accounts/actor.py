"""The acting user: who is signed in, passed to every write of the case store."""

from __future__ import annotations

import getpass
import re
from dataclasses import dataclass
from functools import lru_cache

from .roles import Permission, Role, allows

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


@dataclass(frozen=True)
class Actor:
    """A signed-in account. The store checks the account's role and state in the database at every write, so
    building an ``Actor`` by hand gives no rights the account does not have."""

    username: str
    display_name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        return allows(self.role, permission)

    def __str__(self) -> str:
        return f"{self.display_name} ({self.username})"


def username_problem(username: str) -> str:
    """Why ``username`` is not a valid user name ('' when it is)."""
    if not USERNAME_PATTERN.match(username or ""):
        return ("a user name has 2 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a "
                "letter or digit")
    return ""


@lru_cache(maxsize=1)
def os_account() -> str:
    """The operating-system login name, kept beside the signed-in user in every audit line."""
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # noqa: BLE001 - no login name in some sandboxes and services
        return "unknown"
