"""User accounts: roles and permissions, argon2id password hashes, the acting user (no database, no Qt here;
the accounts themselves live in the case store, :mod:`xincept_desktop.core.cases.accounts`)."""

from .actor import Actor, os_account, username_problem
from .passwords import hash_password, needs_rehash, password_problem, verify_password
from .roles import PERMISSIONS, Permission, Role, allows, why_not

__all__ = ["Actor", "PERMISSIONS", "Permission", "Role", "allows", "hash_password", "needs_rehash", "os_account",
           "password_problem", "username_problem", "verify_password", "why_not"]
