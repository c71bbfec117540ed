"""User accounts in the case store: the first administrator, adding, disabling and resetting users, signing in
with lockout, and the permission check every write of the store goes through.

Usage::

    accounts = store.accounts
    if not accounts.has_users():
        admin = accounts.create_first_administrator("admin", "Lab Admin", password)
    actor = accounts.authenticate("sara", password)          # Actor, or AuthenticationError (one message for all)
    accounts.add_user(admin, "sara", "Dr. Sara Rahimi", Role.HEMATOLOGIST, password)
    accounts.set_enabled(admin, "sara", False); accounts.reset_password(admin, "sara", new_password)
    accounts.require(actor, Permission.SIGN)                  # PermissionDeniedError when the role may not

Five failed attempts in a row lock an account for :data:`LOCKOUT` (its next attempts fail without being
counted); every failure is audited with its real reason, while the message shown is always
:data:`SIGN_IN_FAILED`, so it never tells whether a user name exists, is disabled or is locked.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ...errors import AuthenticationError, CaseStoreError, PermissionDeniedError
from ..accounts.actor import Actor, username_problem
from ..accounts.passwords import hash_password, needs_rehash, password_problem, verify_password
from ..accounts.roles import Permission, Role, allows, why_not
from . import audit, users_table
from .users_table import UserInfo

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
SIGN_IN_FAILED = ("The user name or password is not right, or the account cannot sign in now (disabled, or "
                  "locked for a while after repeated failures). Ask an administrator if this goes on.")
UNKNOWN_USER = "(unknown user name)"
PURPOSES = {"sign_in": ("sign_in", "sign_in_failed"), "unlock": ("unlock", "sign_in_failed"),
            "signature": (None, "signature_failed"), "confirm": (None, "sign_in_failed")}


class Accounts:
    """The accounts of one ``CaseStore`` (its connection, transactions and clock)."""

    def __init__(self, store):
        self._store = store

    # --- reading -----------------------------------------------------------------------------------------
    def has_users(self) -> bool:
        return users_table.any_users(self._store._conn)

    def list_users(self, admin: Actor) -> list[UserInfo]:
        """Every account (an administrator's view)."""
        self.require(admin, Permission.MANAGE_USERS)
        return users_table.all_users(self._store._conn)

    def require(self, actor: Actor, permission: Permission | None) -> Actor:
        """The account behind ``actor`` as the database has it now, when it is enabled and its role allows
        ``permission``; :class:`PermissionDeniedError` otherwise (the message says who may)."""
        if not isinstance(actor, Actor):
            raise PermissionDeniedError(why_not(None, permission or Permission.VIEW))
        row = users_table.get(self._store._conn, actor.username)
        if row is None or not row["enabled"]:
            raise PermissionDeniedError(f"the account {actor.username!r} is not enabled; sign in with an enabled "
                                        "account")
        if permission is not None and not allows(row["role"], permission):
            raise PermissionDeniedError(why_not(row["role"], permission))
        return _actor(row)

    # --- administration ------------------------------------------------------------------------------------
    def create_first_administrator(self, username: str, display_name: str, password: str) -> Actor:
        """The first account of a store that has none (an administrator); refused once any account exists."""
        with self._store.transaction() as conn:
            if users_table.any_users(conn):
                raise PermissionDeniedError("this case store already has accounts; an administrator adds users")
            return self._insert(conn, username, display_name, Role.ADMINISTRATOR, password, created_by=username)

    def add_user(self, admin: Actor, username: str, display_name: str, role: Role | str, password: str) -> Actor:
        """A new enabled account; :class:`CaseStoreError` for a taken or malformed name or a weak password."""
        with self._store.transaction() as conn:
            self.require(admin, Permission.MANAGE_USERS)
            return self._insert(conn, username, display_name, role, password, created_by=admin.username)

    def _insert(self, conn, username: str, display_name: str, role: Role | str, password: str,
                created_by: str) -> Actor:
        username = (username or "").strip().lower()
        display_name = " ".join((display_name or "").split())
        problem = username_problem(username) or (not display_name and "a printed name is required") \
            or password_problem(password, username)
        if problem:
            raise CaseStoreError(problem)
        try:
            role = Role.parse(role)
        except ValueError as exc:
            raise CaseStoreError(str(exc)) from None
        if users_table.get(conn, username) is not None:
            raise CaseStoreError(f"the user name {username!r} is taken (accounts are never deleted); choose another")
        now = self._store._now()
        users_table.insert(conn, username, display_name, role.value, hash_password(password), now, created_by)
        audit.append(conn, now, created_by, "user_added", None, username=username, display_name=display_name,
                     role=role.value)
        return Actor(username, display_name, role)

    def set_enabled(self, admin: Actor, username: str, enabled: bool) -> None:
        """Disable (or enable again) an account; an administrator cannot disable their own account."""
        with self._store.transaction() as conn:
            self.require(admin, Permission.MANAGE_USERS)
            row = self._existing(conn, username)
            if not enabled and row["username"] == admin.username:
                raise CaseStoreError("you cannot disable your own account; another administrator can")
            if bool(row["enabled"]) == enabled:
                return
            users_table.set_enabled(conn, row["username"], enabled)
            audit.append(conn, self._store._now(), admin, "user_enabled" if enabled else "user_disabled", None,
                         username=row["username"])

    def reset_password(self, admin: Actor, username: str, password: str) -> None:
        """Give an account a new password (also lifts a lockout)."""
        with self._store.transaction() as conn:
            self.require(admin, Permission.MANAGE_USERS)
            row = self._existing(conn, username)
            problem = password_problem(password, row["username"])
            if problem:
                raise CaseStoreError(problem)
            now = self._store._now()
            users_table.set_password(conn, row["username"], hash_password(password), now)
            audit.append(conn, now, admin, "password_reset", None, username=row["username"])

    @staticmethod
    def _existing(conn, username: str):
        row = users_table.get(conn, (username or "").strip().lower())
        if row is None:
            raise CaseStoreError(f"there is no account {username!r}")
        return row

    # --- signing in ----------------------------------------------------------------------------------------
    def authenticate(self, username: str, password: str, purpose: str = "sign_in") -> Actor:
        """The account when ``password`` is right and the account is enabled and not locked; otherwise the
        failure is counted and audited and :class:`AuthenticationError` raised with :data:`SIGN_IN_FAILED`.

        ``purpose``: ``sign_in`` (audited), ``unlock`` (audited), ``signature`` (the sign-off audits the success)
        or ``confirm``.
        """
        success_action, failure_action = PURPOSES[purpose]
        name = (username or "").strip().lower()
        row = users_table.get(self._store._conn, name)
        password_ok = verify_password(row["password_hash"] if row is not None else None, password or "")
        with self._store.transaction() as conn:
            row = users_table.get(conn, name)  # read again: another window may have counted a failure meanwhile
            now = self._store._clock()
            reason = _refusal(row, password_ok, now)
            if reason is None:
                if row["failed_attempts"] or row["locked_until"]:
                    users_table.set_failures(conn, name, 0, None)
                if needs_rehash(row["password_hash"]):
                    users_table.rehash(conn, name, hash_password(password))
                if success_action:
                    audit.append(conn, self._store._now(), name, success_action, None)
                return _actor(row)
            self._count_failure(conn, row, reason, now)
            audit.append(conn, self._store._now(), name if row is not None else UNKNOWN_USER, failure_action, None,
                         attempted=name, reason=reason)
        raise AuthenticationError(SIGN_IN_FAILED)

    def _count_failure(self, conn, row, reason: str, now: datetime) -> None:
        if row is None or reason == "locked":  # a locked account's attempts neither count nor extend the lock
            return
        attempts = int(row["failed_attempts"]) + 1
        locked_until = None
        if attempts >= MAX_FAILURES:
            locked_until, attempts = (now + LOCKOUT).isoformat(), 0
            audit.append(conn, self._store._now(), row["username"], "account_locked", None,
                         until=locked_until, failures=MAX_FAILURES)
        users_table.set_failures(conn, row["username"], attempts, locked_until)

    def record(self, actor: Actor, action: str, **details) -> None:
        """Audit an account event of the window (``lock``, ``sign_out``) for ``actor``."""
        if action not in ("lock", "sign_out"):
            raise ValueError(f"not an account event: {action!r}")
        with self._store.transaction() as conn:
            audit.append(conn, self._store._now(), actor, action, None, **details)

    def is_locked(self, username: str) -> bool:
        row = users_table.get(self._store._conn, (username or "").strip().lower())
        return row is not None and _locked(row, self._store._clock())


def _actor(row) -> Actor:
    return Actor(row["username"], row["display_name"], Role(row["role"]))


def _locked(row, now: datetime) -> bool:
    until = row["locked_until"]
    return bool(until) and datetime.fromisoformat(until) > now


def _refusal(row, password_ok: bool, now: datetime) -> str | None:
    """Why a sign-in is refused (kept in the audit line only), or None."""
    if row is None:
        return "unknown user name"
    if _locked(row, now):
        return "locked"
    if not password_ok:
        return "wrong password"
    if not row["enabled"]:
        return "disabled"
    return None
