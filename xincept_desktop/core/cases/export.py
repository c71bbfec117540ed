"""Export a :class:`CaseRecord` as CSV (one row per image) or JSON, with the model's and the reviewer's class.

Both writers are pure functions of the record and the export time, and write atomically. CSV text cells that a
spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage return) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path

from ...config import CLASS_NAMES
from ..atomic import atomic_write_text
from .codec import iso_utc
from .private import PRIVATE_FILE
from .records import CaseImage, CaseRecord

FORMAT_NAME = "xincept-case"
FORMAT_VERSION = 1
EXPORT_KINDS = ("csv", "json")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def image_dict(image: CaseImage) -> dict:
    """One image's verdicts as plain JSON-ready values."""
    result = image.analysis.result if image.analysis else None
    review = image.review
    return {
        "image_id": image.image_id, "path": str(image.path), "file_name": image.path.name,
        "sha256": image.sha256, "size_bytes": image.size_bytes,
        "file_status": image.file_status,
        "model_class": image.model_class, "reviewed_class": image.reviewed_class, "overridden": image.overridden,
        "confidence": result.confidence if result else None,
        "probabilities": dict(result.probabilities) if result else {},
        "in_domain": result.in_domain if result else None,
        "ood_score": result.ood_score if result else None,
        "error": result.error if result else "not analysed",
        "model_version": image.analysis.model_version if image.analysis else None,
        "model_hash": image.analysis.model_hash if image.analysis else None,
        "analysed_at": image.analysis.analysed_at if image.analysis else None,
        "review_reason": review.reason if review else "", "review_comment": review.comment if review else "",
        "reviewer": review.reviewer if review else "", "reviewed_at": review.reviewed_at if review else "",
    }


#: what a case's content is made of, for an electronic signature: the same values as an export, without what
#: changes with time or place (file checks, export time, the case's last change, its sign-off)
_NOT_CONTENT = ("file_status",)


def content_dict(case: CaseRecord) -> dict:
    """The signed content of a case: its fields (conclusion and comments included), and per image the file's
    hash, the stored result, model and the reviewer's class with reason. One canonical serialisation for exports
    and signatures (:func:`canonical_json`)."""
    return {"case_id": case.case_id, "fields": case.fields.as_dict(),
            "images": [{key: value for key, value in image_dict(image).items() if key not in _NOT_CONTENT}
                       for image in case.images]}


def canonical_json(value) -> str:
    """Sorted keys, no spaces, UTF-8 kept: the same value always gives the same text."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def case_dict(case: CaseRecord, exported_at: datetime) -> dict:
    """The whole case as plain JSON-ready values."""
    sign_off = case.sign_off
    return {
        "format": FORMAT_NAME, "format_version": FORMAT_VERSION, "exported_at": iso_utc(exported_at),
        "case_id": case.case_id, "fields": case.fields.as_dict(),
        "created_at": case.created_at, "updated_at": case.updated_at,
        "signed_by": sign_off.signed_by if sign_off else None, "signed_at": sign_off.signed_at if sign_off else None,
        "images": [image_dict(image) for image in case.images],
    }


def to_json(case: CaseRecord, exported_at: datetime) -> str:
    """The JSON text of an export (sorted keys, UTF-8 kept readable)."""
    return json.dumps(case_dict(case, exported_at), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


CSV_CASE_COLUMNS = ("case_id", "patient_id", "patient_name", "specimen_id", "collection_date", "signed_by",
                    "signed_at")
CSV_IMAGE_COLUMNS = ("image_id", "file_name", "path", "sha256", "file_status", "model_class", "reviewed_class",
                     "overridden", "confidence", "in_domain", "ood_score", "error", "model_version",
                     "review_reason", "review_comment", "reviewer", "reviewed_at")


def csv_header() -> list[str]:
    return [*CSV_CASE_COLUMNS, *CSV_IMAGE_COLUMNS, *(f"p_{name}" for name in CLASS_NAMES)]


def csv_rows(case: CaseRecord) -> list[list]:
    """One row per image: the case columns, the image columns, then one probability per class."""
    case_values = {"case_id": case.case_id, **case.fields.as_dict(),
                   "signed_by": case.sign_off.signed_by if case.sign_off else "",
                   "signed_at": case.sign_off.signed_at if case.sign_off else ""}
    rows = []
    for image in case.images:
        values = image_dict(image)
        row = [case_values[c] for c in CSV_CASE_COLUMNS] + [values[c] for c in CSV_IMAGE_COLUMNS]
        row += [values["probabilities"].get(name) for name in CLASS_NAMES]
        rows.append([_cell(value) for value in row])
    return rows


def _cell(value) -> object:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(case: CaseRecord) -> str:
    """The CSV text of an export (with a byte-order mark so spreadsheets read non-Latin names correctly)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(csv_header())
    writer.writerows(csv_rows(case))
    return "\ufeff" + buffer.getvalue()


def write_export(case: CaseRecord, kind: str, path: Path, exported_at: datetime) -> Path:
    """Write ``case`` as ``kind`` (``csv`` or ``json``) to ``path`` atomically; return the path."""
    if kind not in EXPORT_KINDS:
        raise ValueError(f"unknown export kind {kind!r}; use one of {', '.join(EXPORT_KINDS)}")
    text = to_csv(case) if kind == "csv" else to_json(case, exported_at)
    atomic_write_text(path, text, PRIVATE_FILE)  # patient data: readable by its owner only
    return Path(path)
