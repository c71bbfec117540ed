"""SQL for the ``cases`` table: insert, update, read, and the searchable case list."""

from __future__ import annotations

import sqlite3
import unicodedata
from datetime import date

from ...errors import CaseStoreError
from .records import DATE_FIELDS, CaseFields, CaseListEntry

_LIST_SQL = """
SELECT c.id, c.patient_id, c.patient_name, c.collection_date, c.specimen_id, c.created_at, c.updated_at,
       (SELECT COUNT(*) FROM images i WHERE i.case_id = c.id) AS image_count, s.signed_by, s.signed_at
FROM cases c LEFT JOIN sign_offs s ON s.case_id = c.id AND s.reopened_at IS NULL
"""
_CASE_DATE = "COALESCE(c.collection_date, substr(c.created_at, 1, 10))"


def fold(text: str | None) -> str:
    """Text for case- and width-insensitive matching in any script (NFKC, then casefold)."""
    return unicodedata.normalize("NFKC", text or "").casefold()


def register_functions(conn: sqlite3.Connection) -> None:
    """Make :func:`fold` callable from SQL as ``xfold``."""
    conn.create_function("xfold", 1, fold, deterministic=True)


def _to_db(name: str, value: str) -> str | None:
    return (value or None) if name in DATE_FIELDS else value


def insert(conn: sqlite3.Connection, fields: CaseFields, now: str) -> int:
    """Insert a case; return its id."""
    names = CaseFields.names()
    cursor = conn.execute(
        f"INSERT INTO cases ({', '.join(names)}, created_at, updated_at) "
        f"VALUES ({', '.join('?' * len(names))}, ?, ?)",
        [_to_db(n, getattr(fields, n)) for n in names] + [now, now])
    return int(cursor.lastrowid)


def read(conn: sqlite3.Connection, case_id: int) -> sqlite3.Row:
    """The case's row; :class:`CaseStoreError` when there is no such case."""
    row = conn.execute("SELECT * FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise CaseStoreError(f"there is no case {case_id}")
    return row


def fields_of(row: sqlite3.Row) -> CaseFields:
    """The :class:`CaseFields` of a ``cases`` row."""
    return CaseFields(**{name: row[name] or "" for name in CaseFields.names()})


def update(conn: sqlite3.Connection, case_id: int, changes: dict[str, str], now: str) -> None:
    """Set the given fields (already normalised) and ``updated_at``."""
    assignments = ", ".join(f"{name} = ?" for name in changes)
    values = [_to_db(name, value) for name, value in changes.items()]
    conn.execute(f"UPDATE cases SET {assignments}, updated_at = ? WHERE id = ?", values + [now, case_id])


def touch(conn: sqlite3.Connection, case_id: int, now: str) -> None:
    """Record that something in the case changed."""
    conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (now, case_id))


def search(conn: sqlite3.Connection, text: str = "", date_from: date | None = None, date_to: date | None = None,
           limit: int | None = None) -> list[CaseListEntry]:
    """Cases whose patient id or name contains every word of ``text``, in a date range, newest change first.

    The date is the collection date, or the creation date when the collection date is unknown.
    """
    clauses, params = [], []
    for word in fold(text).split():
        clauses.append("(instr(xfold(c.patient_id), ?) > 0 OR instr(xfold(c.patient_name), ?) > 0)")
        params += [word, word]
    if date_from is not None:
        clauses.append(f"{_CASE_DATE} >= ?")
        params.append(date_from.isoformat())
    if date_to is not None:
        clauses.append(f"{_CASE_DATE} <= ?")
        params.append(date_to.isoformat())
    sql = _LIST_SQL + (" WHERE " + " AND ".join(clauses) if clauses else "")
    sql += " ORDER BY c.updated_at DESC, c.id DESC"
    if limit is not None:
        sql, params = sql + " LIMIT ?", params + [int(limit)]
    return [CaseListEntry(row["id"], row["patient_id"], row["patient_name"], row["collection_date"] or "",
                          row["specimen_id"], row["created_at"], row["updated_at"], row["image_count"],
                          row["signed_by"], row["signed_at"]) for row in conn.execute(sql, params)]
