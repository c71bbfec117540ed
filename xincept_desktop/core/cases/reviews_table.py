"""SQL for ``reviews`` (the hematologist's classes) and ``sign_offs``."""

from __future__ import annotations

import sqlite3

from .records import Review, SignOff, SignOffEntry

_LATEST_SQL = """
SELECT r.* FROM reviews r JOIN images i ON i.id = r.image_id
WHERE i.case_id = ? AND r.id = (SELECT MAX(q.id) FROM reviews q WHERE q.image_id = r.image_id)
"""


def insert_review(conn: sqlite3.Connection, image_id: int, analysis_id: int | None, model_class: str | None,
                  reviewed_class: str, reason: str, comment: str, reviewer: str, now: str) -> Review:
    """Store a review and return it."""
    cursor = conn.execute(
        "INSERT INTO reviews (image_id, analysis_id, model_class, reviewed_class, reason, comment, reviewer, "
        "reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (image_id, analysis_id, model_class, reviewed_class, reason, comment, reviewer, now))
    return Review(int(cursor.lastrowid), image_id, analysis_id, model_class, reviewed_class, reason, comment,
                  reviewer, now)


def latest_for_case(conn: sqlite3.Connection, case_id: int) -> dict[int, Review]:
    """The latest review of each reviewed image of the case, keyed by image id."""
    return {row["image_id"]: _review(row) for row in conn.execute(_LATEST_SQL, (case_id,))}


def latest_for_image(conn: sqlite3.Connection, image_id: int) -> Review | None:
    row = conn.execute("SELECT * FROM reviews WHERE image_id = ? ORDER BY id DESC LIMIT 1", (image_id,)).fetchone()
    return None if row is None else _review(row)


def _review(row: sqlite3.Row) -> Review:
    return Review(row["id"], row["image_id"], row["analysis_id"], row["model_class"], row["reviewed_class"],
                  row["reason"], row["comment"], row["reviewer"], row["reviewed_at"])


def current_sign_off(conn: sqlite3.Connection, case_id: int) -> tuple[int, SignOff] | None:
    """The id and details of the case's sign-off that has not been re-opened, if any."""
    row = conn.execute("SELECT id, signed_by, signed_at FROM sign_offs WHERE case_id = ? AND reopened_at IS NULL",
                       (case_id,)).fetchone()
    return None if row is None else (int(row["id"]), SignOff(row["signed_by"], row["signed_at"]))


def insert_sign_off(conn: sqlite3.Connection, case_id: int, user: str, now: str) -> int:
    cursor = conn.execute("INSERT INTO sign_offs (case_id, signed_by, signed_at) VALUES (?, ?, ?)",
                          (case_id, user, now))
    return int(cursor.lastrowid)


def mark_reopened(conn: sqlite3.Connection, sign_off_id: int, user: str, reason: str, now: str) -> None:
    conn.execute("UPDATE sign_offs SET reopened_by = ?, reopened_at = ?, reopen_reason = ? WHERE id = ?",
                 (user, now, reason, sign_off_id))


def sign_off_history(conn: sqlite3.Connection, case_id: int) -> tuple[SignOffEntry, ...]:
    """Every sign-off of the case, oldest first, with its re-opening when there was one."""
    rows = conn.execute("SELECT * FROM sign_offs WHERE case_id = ? ORDER BY id", (case_id,)).fetchall()
    return tuple(SignOffEntry(row["signed_by"], row["signed_at"], row["reopened_by"], row["reopened_at"],
                              row["reopen_reason"]) for row in rows)
