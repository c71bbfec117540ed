"""Append to and read the audit log (the database refuses to change or delete a line once written)."""

from __future__ import annotations

import json
import sqlite3

from .records import AuditEntry

ACTIONS = ("create_case", "update_case", "analysis", "override", "sign_off", "reopen", "export", "print",
           "not_analysed", "image_removed", "model_switch")


def append(conn: sqlite3.Connection, at: str, user: str, action: str, case_id: int | None,
           image_id: int | None = None, **details) -> int:
    """Write one audit line in the caller's transaction; return its id."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    cursor = conn.execute(
        "INSERT INTO audit_log (at, user, action, case_id, image_id, details) VALUES (?, ?, ?, ?, ?, ?)",
        (at, user, action, case_id, image_id, json.dumps(details, ensure_ascii=False, sort_keys=True)))
    return int(cursor.lastrowid)


def read(conn: sqlite3.Connection, case_id: int | None = None) -> list[AuditEntry]:
    """Every audit line (of one case when ``case_id`` is given), oldest first."""
    sql = "SELECT * FROM audit_log"
    params: tuple = ()
    if case_id is not None:
        sql, params = sql + " WHERE case_id = ?", (case_id,)
    rows = conn.execute(sql + " ORDER BY id", params).fetchall()
    return [AuditEntry(row["id"], row["at"], row["user"], row["action"], row["case_id"], row["image_id"],
                       json.loads(row["details"])) for row in rows]
