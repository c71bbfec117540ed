"""SQL for ``signatures``: one row per sign-off, never changed (database triggers); void once re-opened."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

CONTENT_VERSION = 1  # how the signed content is serialised (``export.content_dict`` in ``canonical_json``)


@dataclass(frozen=True)
class Signature:
    """One electronic signature; ``voided_*`` are set once the case was re-opened after it."""

    case_id: int
    sign_off_id: int
    username: str
    printed_name: str
    role: str
    signed_at: str
    meaning: str
    content_sha256: str
    voided_at: str | None = None
    voided_by: str | None = None
    void_reason: str | None = None

    @property
    def void(self) -> bool:
        return self.voided_at is not None


_SELECT = """
SELECT g.*, s.reopened_at, s.reopened_by, s.reopen_reason FROM signatures g JOIN sign_offs s ON s.id = g.sign_off_id
"""


def _signature(row: sqlite3.Row) -> Signature:
    return Signature(row["case_id"], row["sign_off_id"], row["username"], row["printed_name"], row["role"],
                     row["signed_at"], row["meaning"], row["content_sha256"], row["reopened_at"],
                     row["reopened_by"], row["reopen_reason"])


def insert(conn: sqlite3.Connection, sign_off_id: int, case_id: int, username: str, printed_name: str, role: str,
           signed_at: str, meaning: str, sha256: str) -> Signature:
    conn.execute("INSERT INTO signatures (sign_off_id, case_id, username, printed_name, role, signed_at, meaning, "
                 "content_sha256, content_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (sign_off_id, case_id, username, printed_name, role, signed_at, meaning, sha256, CONTENT_VERSION))
    return Signature(case_id, sign_off_id, username, printed_name, role, signed_at, meaning, sha256)


def for_case(conn: sqlite3.Connection, case_id: int) -> list[Signature]:
    """Every signature of the case, oldest first (voided ones too)."""
    return [_signature(row) for row in conn.execute(_SELECT + " WHERE g.case_id = ? ORDER BY g.id", (case_id,))]
