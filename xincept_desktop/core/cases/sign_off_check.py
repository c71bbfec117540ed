"""What a sign-off would sign: images analysed / failed / not analysed, flags not reviewed, identifiers missing.

Usage (the GUI's sign-off dialog)::

    check = sign_off_check(record, failed={path: "cannot read"}, not_analysed=[path, ...])
    check.blockers        # sentences; signing is refused while there are any
    check.warnings        # sentences the signer must acknowledge (kept in the audit line)
    check.as_audit()      # what was on screen, for the sign-off's audit line

Failed and not-analysed images block signing: analyse them, remove them from the case (with a reason), or exclude
them. Out-of-domain or low-confidence images without a reviewer's class, and a missing patient name or ID, need
an explicit acknowledgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

from ..case_summary import EXCLUDED, INDETERMINATE, review_reason, summarise_case
from .records import CaseRecord


@dataclass(frozen=True)
class SignOffCheck:
    case_id: int
    analysed: int
    excluded: int
    failed: tuple[str, ...]  # "name: why"
    not_analysed: tuple[str, ...]  # file names
    unreviewed: tuple[str, ...]  # "name: out of domain, low confidence (55%)"
    missing_identifiers: tuple[str, ...]  # "patient name", "patient ID"
    suggestion: str

    @property
    def blockers(self) -> list[str]:
        lines = []
        if self.not_analysed:
            lines.append(f"{len(self.not_analysed)} image(s) not analysed: {_names(self.not_analysed)}")
        if self.failed:
            lines.append(f"{len(self.failed)} image(s) could not be analysed: {_names(self.failed)}")
        return lines

    @property
    def warnings(self) -> list[str]:
        lines = []
        if self.unreviewed:
            lines.append(f"{len(self.unreviewed)} out-of-domain or low-confidence image(s) not reviewed: "
                         f"{_names(self.unreviewed)}")
        if self.missing_identifiers:
            lines.append(f"missing {' and '.join(self.missing_identifiers)}")
        return lines

    def can_sign(self, acknowledged: bool) -> bool:
        return not self.blockers and (acknowledged or not self.warnings)

    def as_audit(self) -> dict:
        return {"analysed": self.analysed, "excluded": self.excluded, "failed": len(self.failed),
                "not_analysed": len(self.not_analysed), "unreviewed": list(self.unreviewed),
                "missing_identifiers": list(self.missing_identifiers), "suggestion": self.suggestion}


def _names(items: tuple[str, ...], shown: int = 6) -> str:
    text = "; ".join(items[:shown])
    return text + (f"; and {len(items) - shown} more" if len(items) > shown else "")


def sign_off_check(record: CaseRecord, failed: Mapping[Path, str] | None = None,
                   not_analysed: Iterable[Path] = ()) -> SignOffCheck:
    """The check of ``record`` plus the window's images that are not stored (failed, or not analysed yet)."""
    images = [image for image in record.images if image.analysis is not None]
    excluded = [image for image in images if image.reviewed_class == EXCLUDED]
    kept = [image for image in images if image.reviewed_class != EXCLUDED]
    failed_names = [f"{image.path.name}: {image.analysis.result.error}" for image in kept
                    if image.analysis.result.error is not None]
    failed_names += [f"{Path(path).name}: {why}" for path, why in (failed or {}).items()]
    unreviewed = [f"{image.path.name}: {reason.reason}" for image in kept
                  if image.review is None and image.analysis.result.error is None
                  and (reason := review_reason(image.analysis.result)) is not None]
    summary = summarise_case([image.analysis.result for image in images],
                             reviewed_class=_reviewed_lookup(images))
    fields = record.fields
    missing = tuple(name for name, value in (("patient name", fields.patient_name),
                                             ("patient ID", fields.patient_id)) if not value.strip())
    return SignOffCheck(
        case_id=record.case_id, analysed=summary.analysed, excluded=len(excluded), failed=tuple(failed_names),
        not_analysed=tuple(Path(p).name for p in not_analysed), unreviewed=tuple(unreviewed),
        missing_identifiers=missing,
        suggestion="indeterminate \u2014 review" if summary.suggestion == INDETERMINATE else summary.suggestion)


def _reviewed_lookup(images):
    by_path = {Path(image.analysis.result.path): image for image in images}

    def reviewed(result) -> str | None:
        image = by_path.get(Path(result.path))
        return image.review.reviewed_class if image is not None and image.review is not None else None

    return reviewed
