"""Electronic signatures: who signed a case, the meaning, when, and the SHA-256 of exactly what was signed.

A signature is written with its sign-off (:meth:`CaseStore.sign_off`) and never changed (database triggers);
re-opening the case voids it (the sign-off's ``reopened_at``), and the next sign-off needs a new signature.
:func:`verify_all` recomputes the content hash of every signed case and reports the ones that no longer match,
for instance after the database file was edited outside the program.

The hash covers :func:`.export.content_dict` (fields with conclusion and comments, each image's file hash,
stored result, model and review) in :func:`.export.canonical_json`. It detects changes made outside the
program; it is not a cryptographic seal against someone who can also rewrite the stored hash.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass

from . import loading
from .export import canonical_json, content_dict
from .records import CaseRecord

MEANING = "Reviewed and approved"
CONTENT_VERSION = 1


def content_sha256(record: CaseRecord) -> str:
    """SHA-256 (hex) of the case's signed content."""
    return hashlib.sha256(canonical_json(content_dict(record)).encode("utf-8")).hexdigest()


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


@dataclass(frozen=True)
class SignatureCheck:
    """The result of recomputing one signed case's content hash."""

    case_id: int
    signed_by: str
    signed_at: str
    stored_sha256: str | None
    actual_sha256: str
    problem: str = ""  # '' when the case still holds exactly what was signed

    @property
    def ok(self) -> bool:
        return not self.problem

    def describe(self) -> str:
        state = "OK" if self.ok else f"MISMATCH: {self.problem}"
        return f"case {self.case_id}, signed by {self.signed_by} at {self.signed_at}: {state}"


def verify_case(conn: sqlite3.Connection, case_id: int) -> SignatureCheck | None:
    """The check of a signed case (``None`` when it is not signed); call inside a read transaction."""
    row = conn.execute("SELECT id, signed_by, signed_at FROM sign_offs WHERE case_id = ? AND reopened_at IS NULL",
                       (case_id,)).fetchone()
    if row is None:
        return None
    actual = content_sha256(loading.load(conn, case_id, heatmaps=False))
    signature = conn.execute("SELECT * FROM signatures WHERE sign_off_id = ?", (row["id"],)).fetchone()
    if signature is None:
        return SignatureCheck(case_id, row["signed_by"], row["signed_at"], None, actual,
                              "no electronic signature (signed before signatures were kept, or the signature row "
                              "was removed)")
    problem = ""
    if signature["content_sha256"] != actual:
        problem = "the case's content changed after it was signed"
    elif (signature["printed_name"], signature["signed_at"]) != (row["signed_by"], row["signed_at"]):
        problem = "the sign-off's name or time differs from the signature's"
    return SignatureCheck(case_id, signature["printed_name"], signature["signed_at"], signature["content_sha256"],
                          actual, problem)


def verify_all(conn: sqlite3.Connection) -> list[SignatureCheck]:
    """A check of every signed case, by case id."""
    ids = [r[0] for r in conn.execute("SELECT DISTINCT case_id FROM sign_offs WHERE reopened_at IS NULL "
                                      "ORDER BY case_id")]
    return [check for case_id in ids if (check := verify_case(conn, case_id)) is not None]
