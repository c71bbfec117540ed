"""Roles and what each may do: the one rule book the case store enforces and the window greys out from.

* technologist: open and analyse cases, enter case details, propose a class, export;
* hematologist: everything a technologist does, and override the model's class, sign off, re-open;
* administrator: users, models and settings (and opening cases to look at them). An administrator does not
  analyse or sign: a person who also signs cases has a second, hematologist account.
"""

from __future__ import annotations

from enum import Enum


class Role(str, Enum):
    TECHNOLOGIST = "technologist"
    HEMATOLOGIST = "hematologist"
    ADMINISTRATOR = "administrator"

    @classmethod
    def parse(cls, text: "Role | str") -> "Role":
        if isinstance(text, Role):
            return text
        try:
            return cls(str(text).strip().lower())
        except ValueError:
            names = ", ".join(role.value for role in cls)
            raise ValueError(f"unknown role {text!r}; use one of {names}") from None


class Permission(str, Enum):
    VIEW = "open and view cases"
    ANALYSE = "analyse images"
    EDIT_DETAILS = "enter case details"
    PROPOSE_CLASS = "propose a class"
    EXPORT = "export cases and reports"
    OVERRIDE = "override the model's class"
    SIGN = "sign off cases"
    REOPEN = "re-open signed cases"
    MANAGE_USERS = "manage users"
    MANAGE_MODELS = "change the model"
    SETTINGS = "change the settings"


_TECHNOLOGIST = frozenset({Permission.VIEW, Permission.ANALYSE, Permission.EDIT_DETAILS, Permission.PROPOSE_CLASS,
                           Permission.EXPORT})
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.TECHNOLOGIST: _TECHNOLOGIST,
    Role.HEMATOLOGIST: _TECHNOLOGIST | {Permission.OVERRIDE, Permission.SIGN, Permission.REOPEN},
    Role.ADMINISTRATOR: frozenset({Permission.VIEW, Permission.MANAGE_USERS, Permission.MANAGE_MODELS,
                                   Permission.SETTINGS}),
}


def allows(role: Role | str, permission: Permission) -> bool:
    """Whether ``role`` may take ``permission``'s action."""
    return permission in PERMISSIONS[Role(role)]


def roles_allowed(permission: Permission) -> list[Role]:
    return [role for role in Role if permission in PERMISSIONS[role]]


def why_not(role: Role | str | None, permission: Permission) -> str:
    """A sentence for a tooltip or an error: why ``role`` cannot take the action ('' when it can)."""
    if role is not None and allows(role, permission):
        return ""
    who = _a(" or ".join(r.value for r in roles_allowed(permission)))
    if role is None:
        return f"Sign in first: only {who} may {permission.value}."
    return f"Only {who} may {permission.value}; you are signed in as {_a(Role(role).value)}."


def _a(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun
