"""Append to and read the audit log (the database refuses to change or delete a line once written).

Each line names the signed-in user (an account's user name) and, beside it, the operating-system account the
program ran under.
"""

from __future__ import annotations

import json
import sqlite3

from ..accounts.actor import os_account
from .records import AuditEntry

ACTIONS = ("create_case", "update_case", "analysis", "override", "propose_class", "sign_off", "reopen", "export",
           "print", "not_analysed", "image_removed",
           # accounts (no case): sign-in and the lock screen, failures, the administrators' changes
           "sign_in", "sign_in_failed", "sign_out", "lock", "unlock", "signature_failed", "account_locked",
           "user_added", "user_disabled", "user_enabled", "password_reset", "password_changed",
           "verify_signatures", "model_switch")


def append(conn: sqlite3.Connection, at: str, user, action: str, case_id: int | None,
           image_id: int | None = None, **details) -> int:
    """Write one audit line in the caller's transaction; return its id. ``user`` is an ``Actor`` (its user name is
    written) or a name."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    name = getattr(user, "username", user)
    cursor = conn.execute(
        "INSERT INTO audit_log (at, user, action, case_id, image_id, details, os_user) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (at, name, action, case_id, image_id, json.dumps(details, ensure_ascii=False, sort_keys=True),
         os_account()))
    return int(cursor.lastrowid)


def read(conn: sqlite3.Connection, case_id: int | None = None) -> list[AuditEntry]:
    """Every audit line (of one case when ``case_id`` is given), oldest first."""
    sql = "SELECT * FROM audit_log"
    params: tuple = ()
    if case_id is not None:
        sql, params = sql + " WHERE case_id = ?", (case_id,)
    rows = conn.execute(sql + " ORDER BY id", params).fetchall()
    return [AuditEntry(row["id"], row["at"], row["user"], row["action"], row["case_id"], row["image_id"],
                       json.loads(row["details"]), row["os_user"]) for row in rows]
