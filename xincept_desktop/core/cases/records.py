"""Plain, immutable records the case store hands out (no database handles inside).

Dates are ISO ``YYYY-MM-DD`` strings ("" when unknown); times are UTC ISO 8601 strings ending in ``+00:00``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, Mapping

from ...errors import CaseStoreError
from ..pipeline import ImageResult

DATE_FIELDS = ("date_of_birth", "collection_date")


@dataclass(frozen=True)
class CaseFields:
    """Patient and specimen details of a case, as typed by the user."""

    patient_name: str = ""
    patient_id: str = ""
    date_of_birth: str = ""
    sex: str = ""
    specimen_id: str = ""
    specimen_type: str = ""
    collection_date: str = ""
    requesting_physician: str = ""
    conclusion: str = ""  # the reviewer's conclusion, printed in the report
    comments: str = ""

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """The field names, in display order."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "CaseFields":
        """Build from a mapping, normalising dates; unknown keys raise :class:`CaseStoreError`."""
        unknown = set(values) - set(cls.names())
        if unknown:
            raise CaseStoreError(f"unknown case field(s): {', '.join(sorted(unknown))}")
        return cls(**{name: normalise_field(name, value) for name, value in values.items()})

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in self.names()}


def normalise_field(name: str, value: Any) -> str:
    """Strip text; dates become ISO ``YYYY-MM-DD`` (``date`` objects or ISO strings accepted)."""
    if value is None:
        return ""
    if name not in DATE_FIELDS:
        return str(value).strip()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return ""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise CaseStoreError(f"{name.replace('_', ' ')} {text!r} is not a date (use YYYY-MM-DD)") from None


@dataclass(frozen=True)
class CaseListEntry:
    """One row of the case list."""

    case_id: int
    patient_id: str
    patient_name: str
    collection_date: str
    specimen_id: str
    created_at: str
    updated_at: str
    image_count: int
    signed_by: str | None
    signed_at: str | None

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


@dataclass(frozen=True)
class Analysis:
    """One stored analysis of an image; ``result`` is the rebuilt :class:`ImageResult` (with heat maps)."""

    analysis_id: int
    sha256: str
    model_version: str
    model_hash: str
    analysed_at: str
    analysed_by: str
    result: ImageResult = field(compare=False)


@dataclass(frozen=True)
class Review:
    """A hematologist's class for an image, and why."""

    review_id: int
    image_id: int
    analysis_id: int | None
    model_class: str | None
    reviewed_class: str
    reason: str
    comment: str
    reviewer: str
    reviewed_at: str


@dataclass(frozen=True)
class FileProblem:
    """An image whose file is gone or differs from what was analysed (``kind``: missing/changed/unreadable)."""

    image_id: int
    path: Path
    kind: str
    expected_sha256: str
    actual_sha256: str | None = None

    def describe(self) -> str:
        """One sentence for the user."""
        if self.kind == "missing":
            return f"{self.path.name}: the file is gone from {self.path.parent}; results shown are from before"
        if self.kind == "unreadable":
            return f"{self.path.name}: the file cannot be read; its stored results cannot be checked"
        return f"{self.path.name}: the file changed since it was analysed; the stored results are out of date"


@dataclass(frozen=True)
class CaseImage:
    """An image of a case with its latest analysis, its latest review, and the outcome of a file check."""

    image_id: int
    path: Path
    sha256: str
    size_bytes: int
    analysis: Analysis | None
    review: Review | None
    file_problem: FileProblem | None = None
    file_checked: bool = False

    @property
    def file_status(self) -> str:
        """``ok``, ``missing``, ``changed`` or ``unreadable`` after a file check, ``unchecked`` without one."""
        if self.file_problem is not None:
            return self.file_problem.kind
        return "ok" if self.file_checked else "unchecked"

    @property
    def model_class(self) -> str | None:
        return self.analysis.result.label if self.analysis else None

    @property
    def reviewed_class(self) -> str | None:
        return reviewed_class(self)

    @property
    def overridden(self) -> bool:
        return self.review is not None and self.review.reviewed_class != self.model_class


def reviewed_class(image: CaseImage) -> str | None:
    """The reviewer's class when there is a review, else the model's class (``None`` if neither)."""
    if image.review is not None:
        return image.review.reviewed_class
    return image.model_class


@dataclass(frozen=True)
class SignOff:
    """The current sign-off of a case."""

    signed_by: str
    signed_at: str


@dataclass(frozen=True)
class SignOffEntry:
    """One sign-off of a case's history, with its re-opening when there was one."""

    signed_by: str
    signed_at: str
    reopened_by: str | None = None
    reopened_at: str | None = None
    reopen_reason: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    """One line of the append-only audit log; ``details`` is the decoded JSON."""

    entry_id: int
    at: str
    user: str
    action: str
    case_id: int | None
    image_id: int | None
    details: dict
    os_user: str = ""  # the operating-system account the app ran under (beside the signed-in ``user``)


@dataclass(frozen=True)
class CaseRecord:
    """Everything needed to show a case again without recomputing."""

    case_id: int
    fields: CaseFields
    created_at: str
    updated_at: str
    images: tuple[CaseImage, ...]
    sign_off: SignOff | None
    history: tuple[SignOffEntry, ...] = ()  # every sign-off, oldest first (re-opened ones included)
    signatures: tuple = ()  # every electronic signature (``signature_table.Signature``), oldest first

    @property
    def signature(self):
        """The electronic signature of the current sign-off (``None`` when not signed, or signed before
        signatures were kept)."""
        return next((s for s in self.signatures if not s.void), None) if self.signed else None

    @property
    def void_signatures(self) -> tuple:
        """Signatures voided by re-opening the case."""
        return tuple(s for s in self.signatures if s.void)

    @property
    def signed(self) -> bool:
        return self.sign_off is not None

    @property
    def state(self):
        """The :class:`~.state.CaseState` of the case."""
        from .state import state_of

        return state_of(self.signed, bool(self.history))

    @property
    def earlier_sign_offs(self) -> tuple[SignOffEntry, ...]:
        """Sign-offs that were re-opened (the current one excluded)."""
        return tuple(entry for entry in self.history if entry.reopened_at is not None)

    @property
    def amended(self) -> bool:
        """Signed again after an earlier sign-off was re-opened."""
        return self.signed and bool(self.earlier_sign_offs)

    @property
    def results(self) -> list[ImageResult]:
        """The latest :class:`ImageResult` of every analysed image, in the order they were added."""
        return [image.analysis.result for image in self.images if image.analysis is not None]

    @property
    def file_problems(self) -> list[FileProblem]:
        return [image.file_problem for image in self.images if image.file_problem is not None]
