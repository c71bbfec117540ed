"""Assemble a :class:`CaseRecord` from the database, and attach file checks to it."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from . import analyses_table, cases_table, reviews_table, signature_table
from .files import check_file
from .records import CaseImage, CaseRecord


def load(conn: sqlite3.Connection, case_id: int, heatmaps: bool = True) -> CaseRecord:
    """The case with every image's latest analysis and review, and its sign-off (call inside one transaction);
    ``heatmaps=False`` leaves the results' heat maps out (a quick re-read)."""
    row = cases_table.read(conn, case_id)
    image_rows = conn.execute("SELECT * FROM images WHERE case_id = ? ORDER BY id", (case_id,)).fetchall()
    paths = {r["id"]: Path(r["path"]) for r in image_rows}
    analyses = analyses_table.latest_for_case(conn, case_id, paths, heatmaps)
    reviews = reviews_table.latest_for_case(conn, case_id)
    sign_off = reviews_table.current_sign_off(conn, case_id)
    images = tuple(CaseImage(r["id"], paths[r["id"]], r["sha256"], r["size_bytes"], analyses.get(r["id"]),
                             reviews.get(r["id"])) for r in image_rows)
    return CaseRecord(case_id, cases_table.fields_of(row), row["created_at"], row["updated_at"], images,
                      sign_off[1] if sign_off else None, reviews_table.sign_off_history(conn, case_id),
                      tuple(signature_table.for_case(conn, case_id)))


def with_file_checks(case: CaseRecord) -> CaseRecord:
    """``case`` with each image's file compared to its recorded hash (reads every file)."""
    images = tuple(dataclasses.replace(image, file_checked=True,
                                       file_problem=check_file(image.image_id, image.path, image.sha256,
                                                               image.size_bytes))
                   for image in case.images)
    return dataclasses.replace(case, images=images)
