"""What a report takes from a stored case (``core.cases``): patient and specimen fields, reviewers' classes and
the sign-off, turned into the snapshot's own plain records.

Usage (the GUI's case session)::

    context = report_context(case_id, record, {path: case_image, ...})   # CaseRecord, CaseImage by result path
    context["case_fields"]        # report field name -> text, e.g. {"patient_id": "P-1", "dob": "1970-01-02"}
    context["reviews"]            # Path -> ImageReview, only where the reviewer's class differs from the model's
    context["sign_off"]           # SignOffInfo or None (with the earlier, re-opened sign-offs: amended)
    context["stored"]             # Path -> StoredAnalysis: the model and file hash of each stored analysis
    context["signed"]             # whether the case is signed (its conclusion and comments are then read-only)
    context["created"]            # the time of the case state (its last change), so one state gives one document

Only attributes are read, so this module does not import the case store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from .renderer import utc_minutes
from .snapshot import ImageReview, SignOffInfo, StoredAnalysis

# case-store field -> the report's field name (``fields_from_mapping``)
REPORT_FIELD_NAMES = {"patient_name": "patient_name", "patient_id": "patient_id", "date_of_birth": "dob",
                      "sex": "sex", "specimen_id": "specimen_id", "specimen_type": "specimen_type",
                      "collection_date": "collection_date", "requesting_physician": "physician",
                      "conclusion": "conclusion", "comments": "comments"}


def report_fields(case_fields) -> dict[str, str]:
    """A ``CaseFields`` as the report's field mapping (``dob``, ``physician`` ...)."""
    return {report: str(getattr(case_fields, stored, "") or "") for stored, report in REPORT_FIELD_NAMES.items()}


def image_review(case_image) -> ImageReview | None:
    """The reviewer's class of a ``CaseImage`` where it differs from the model's, else ``None``."""
    if not getattr(case_image, "overridden", False):
        return None
    review = case_image.review
    return ImageReview(reviewed_class=review.reviewed_class, reason=review.reason, comment=review.comment,
                       reviewer=review.reviewer, reviewed_at=review.reviewed_at)


def sign_off_info(sign_off, history=(), signature=None) -> SignOffInfo | None:
    """A case's current ``SignOff`` as a :class:`SignOffInfo` (``None`` when not signed); re-opened sign-offs of
    ``history`` are described in ``earlier``; ``signature`` (a ``Signature``) adds the electronic signature."""
    if sign_off is None:
        return None
    if signature is None:
        return SignOffInfo(sign_off.signed_by, sign_off.signed_at, void_lines(history))
    return SignOffInfo(sign_off.signed_by, sign_off.signed_at, void_lines(history), signature.username,
                       signature.role, signature.meaning, signature.content_sha256)


def void_lines(history) -> tuple[str, ...]:
    """One line per re-opened sign-off: who signed and when, who re-opened it, when and why; its signature void."""
    return tuple(f"{entry.signed_by}, {utc_minutes(entry.signed_at)}; re-opened by {entry.reopened_by}, "
                 f"{utc_minutes(entry.reopened_at)}: {entry.reopen_reason} (signature void)"
                 for entry in history if getattr(entry, "reopened_at", None))


def stored_analysis(case_image) -> StoredAnalysis | None:
    """The model and file hash of a ``CaseImage``'s latest analysis."""
    analysis = getattr(case_image, "analysis", None)
    if analysis is None:
        return None
    return StoredAnalysis(str(analysis.model_version), str(analysis.model_hash), str(analysis.sha256))


def report_context(case_id: int, record, images: Mapping[Path, object]) -> dict:
    """``case_id``, ``case_fields``, ``reviews`` and ``sign_off`` of a ``CaseRecord`` for a report.

    ``images`` maps the path of each result shown to its ``CaseImage`` (the reviews are looked up by it).
    """
    reviews = {Path(path): review for path, image in images.items() if (review := image_review(image)) is not None}
    stored = {Path(path): info for path, image in images.items() if (info := stored_analysis(image)) is not None}
    return {"case_id": case_id, "case_fields": report_fields(record.fields), "reviews": reviews,
            "sign_off": sign_off_info(record.sign_off, getattr(record, "history", ()),
                                      getattr(record, "signature", None)), "stored": stored,
            "void_signatures": () if record.sign_off is not None else void_lines(getattr(record, "history", ())),
            "signed": record.sign_off is not None, "created": state_time(record.updated_at)}


def state_time(iso_utc: str):
    """A stored ISO 8601 UTC time as an aware local ``datetime`` (None when unreadable)."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(iso_utc).astimezone()
    except (TypeError, ValueError):
        return None

