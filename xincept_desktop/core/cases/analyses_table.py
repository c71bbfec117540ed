"""SQL for ``images``, ``analyses`` and ``heatmaps``: store an :class:`ImageResult`, and rebuild it."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..pipeline import ImageResult
from ..scale import ScaleDecision
from .codec import decode_heatmap, encode_heatmap
from .records import Analysis

_LATEST_SQL = """
SELECT a.* FROM analyses a JOIN images i ON i.id = a.image_id
WHERE i.case_id = ? AND a.id = (SELECT MAX(b.id) FROM analyses b WHERE b.image_id = a.image_id)
"""


def upsert_image(conn: sqlite3.Connection, case_id: int, path: Path, sha256: str, size: int, now: str) -> int:
    """The id of the case's image at ``path``, added or updated to the given hash and size."""
    row = conn.execute("SELECT id FROM images WHERE case_id = ? AND path = ?", (case_id, str(path))).fetchone()
    if row is None:
        cursor = conn.execute("INSERT INTO images (case_id, path, sha256, size_bytes, added_at) VALUES (?, ?, ?, ?, ?)",
                              (case_id, str(path), sha256, size, now))
        return int(cursor.lastrowid)
    conn.execute("UPDATE images SET sha256 = ?, size_bytes = ? WHERE id = ?", (sha256, size, row["id"]))
    return int(row["id"])


def insert_analysis(conn: sqlite3.Connection, image_id: int, sha256: str, result: ImageResult,
                    model_version: str, model_hash: str, now: str, user: str) -> int:
    """Store ``result`` (and its heat maps as float16 ``.npy``) for the image; return the analysis id."""
    height, width = result.image_size or (None, None)
    cursor = conn.execute(
        "INSERT INTO analyses (image_id, sha256, model_version, model_hash, label, confidence, probabilities, "
        "in_domain, ood_score, ood_threshold, error, image_height, image_width, analysed_at, analysed_by, context) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (image_id, sha256, model_version, model_hash, result.label, _float(result.confidence),
         json.dumps({k: float(v) for k, v in result.probabilities.items()}),
         None if result.in_domain is None else int(bool(result.in_domain)), _float(result.ood_score),
         _float(result.ood_threshold), result.error, height, width, now, user, json.dumps(analysis_context(result))))
    analysis_id = int(cursor.lastrowid)
    conn.executemany("INSERT INTO heatmaps (analysis_id, method, npy) VALUES (?, ?, ?)",
                     [(analysis_id, method, encode_heatmap(cam)) for method, cam in result.cams.items()])
    return analysis_id


def analysis_context(result: ImageResult) -> dict:
    """What else the screen and the report say about how the image was read (stored as JSON)."""
    return {"scale": result.scale.as_dict() if result.scale is not None else None,
            "tile_boxes": [list(box) for box in result.tile_boxes], "notes": list(result.notes),
            "explained_class": result.explained_class, "label_at_scale": result.label_at_scale,
            "label_as_photographed": result.label_as_photographed, "field_share": result.field_share}


def _context_fields(text: str | None) -> dict:
    """ImageResult fields from a stored context; an analysis stored before version 4 has none."""
    try:
        context = json.loads(text or "{}")
    except ValueError:
        return {}
    scale = ScaleDecision.from_dict(context.get("scale") or {})
    return {"scale": scale, "tile_boxes": [tuple(box) for box in context.get("tile_boxes", [])],
            "notes": list(context.get("notes", [])), "explained_class": context.get("explained_class"),
            "label_at_scale": context.get("label_at_scale"),
            "label_as_photographed": context.get("label_as_photographed"), "field_share": context.get("field_share")}


def _float(value) -> float | None:
    return None if value is None else float(value)


def latest_for_case(conn: sqlite3.Connection, case_id: int, paths: dict[int, Path],
                    heatmaps: bool = True) -> dict[int, Analysis]:
    """The latest analysis of each image of the case, keyed by image id, heat maps included unless not wanted."""
    rows = conn.execute(_LATEST_SQL, (case_id,)).fetchall()
    cams = _heatmaps(conn, [row["id"] for row in rows]) if heatmaps else {}
    return {row["image_id"]: _analysis(row, paths[row["image_id"]], cams.get(row["id"], {})) for row in rows}


def heatmaps_of(conn: sqlite3.Connection, analysis_id: int) -> dict:
    """One analysis's class-activation maps, method -> array (empty when it has none)."""
    return _heatmaps(conn, [int(analysis_id)]).get(int(analysis_id), {})


def _heatmaps(conn: sqlite3.Connection, analysis_ids: list[int]) -> dict[int, dict]:
    found: dict[int, dict] = {}
    for start in range(0, len(analysis_ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = analysis_ids[start:start + 500]
        sql = f"SELECT * FROM heatmaps WHERE analysis_id IN ({', '.join('?' * len(chunk))})"
        for row in conn.execute(sql, chunk):
            found.setdefault(row["analysis_id"], {})[row["method"]] = decode_heatmap(row["npy"])
    return found


def _analysis(row: sqlite3.Row, path: Path, cams: dict) -> Analysis:
    size = (row["image_height"], row["image_width"]) if row["image_height"] is not None else None
    result = ImageResult(path=path, label=row["label"], confidence=row["confidence"],
                         probabilities=json.loads(row["probabilities"]),
                         in_domain=None if row["in_domain"] is None else bool(row["in_domain"]),
                         ood_score=row["ood_score"], ood_threshold=row["ood_threshold"], error=row["error"],
                         cams=cams, image_size=size, **_context_fields(row["context"]))
    return Analysis(row["id"], row["sha256"], row["model_version"], row["model_hash"], row["analysed_at"],
                    row["analysed_by"], result)


def image_case(conn: sqlite3.Connection, image_id: int) -> int | None:
    """The case an image belongs to, or ``None`` when there is no such image."""
    row = conn.execute("SELECT case_id FROM images WHERE id = ?", (image_id,)).fetchone()
    return None if row is None else int(row["case_id"])


def latest_label(conn: sqlite3.Connection, image_id: int) -> tuple[int | None, str | None]:
    """The id and class of the image's latest analysis (``(None, None)`` when never analysed)."""
    row = conn.execute("SELECT id, label FROM analyses WHERE image_id = ? ORDER BY id DESC LIMIT 1",
                       (image_id,)).fetchone()
    return (None, None) if row is None else (int(row["id"]), row["label"])
