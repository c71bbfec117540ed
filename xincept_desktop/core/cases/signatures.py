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
import json
import sqlite3
from dataclasses import dataclass

from . import loading
from .export import canonical_json, content_dict
from .records import CaseRecord
from .signature_table import CONTENT_VERSION, Signature, for_case, insert

__all__ = ["CONTENT_VERSION", "MEANING", "Signature", "SignatureCheck", "content_sha256", "for_case", "insert",
           "verify_all", "verify_case"]

MEANING = "Reviewed and approved"


def content_sha256(record: CaseRecord) -> str:
    """SHA-256 (hex) of the case's signed content."""
    return hashlib.sha256(canonical_json(content_dict(record)).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class SignatureCheck:
    """The result of recomputing one signed case's content hash."""

    case_id: int
    signed_by: str
    signed_at: str
    stored_sha256: str | None
    actual_sha256: str
    problem: str = ""  # '' when the case still holds exactly what was signed
    note: str = ""  # why there is nothing to check (a sign-off made before electronic signatures were kept)

    @property
    def ok(self) -> bool:
        return not self.problem

    def describe(self) -> str:
        state = f"MISMATCH: {self.problem}" if self.problem else (f"not checked: {self.note}" if self.note else "OK")
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
        if _signed_electronically(conn, case_id, row["id"]):
            return SignatureCheck(case_id, row["signed_by"], row["signed_at"], None, actual,
                                  "the electronic signature of this sign-off is missing from the database")
        return SignatureCheck(case_id, row["signed_by"], row["signed_at"], None, actual,
                              note="signed before electronic signatures were kept; there is no hash to compare")
    problem = ""
    if signature["content_sha256"] != actual:
        problem = "the case's content changed after it was signed"
    elif (signature["printed_name"], signature["signed_at"]) != (row["signed_by"], row["signed_at"]):
        problem = "the sign-off's name or time differs from the signature's"
    return SignatureCheck(case_id, signature["printed_name"], signature["signed_at"], signature["content_sha256"],
                          actual, problem)


def _signed_electronically(conn: sqlite3.Connection, case_id: int, sign_off_id: int) -> bool:
    """Whether the audit line of the sign-off records a content hash (every sign-off since signatures exist)."""
    for (details,) in conn.execute("SELECT details FROM audit_log WHERE case_id = ? AND action = 'sign_off'",
                                   (case_id,)):
        entry = json.loads(details)
        if entry.get("sign_off_id") == sign_off_id:
            return "content_sha256" in entry
    return True  # no audit line at all: not a sign-off this program made; treat the signature as missing


def verify_all(conn: sqlite3.Connection) -> list[SignatureCheck]:
    """A check of every signed case, by case id."""
    ids = [r[0] for r in conn.execute("SELECT DISTINCT case_id FROM sign_offs WHERE reopened_at IS NULL "
                                      "ORDER BY case_id")]
    return [check for case_id in ids if (check := verify_case(conn, case_id)) is not None]
