"""Case-level summary over the per-image results of one case (pure Python; shared by the GUI and reports).

The case suggestion follows :data:`SUGGESTION_RULE`: the most frequent class among the images that were
classified confidently (calibrated confidence >= ``min_confidence``) and in the training domain. When no image
qualifies, or two classes tie for the most images, the suggestion is :data:`INDETERMINATE`. Where a reviewer
overrode the model, the reviewer's class replaces the model's, and the image counts as confirmed (it takes part in
the suggestion and is no longer listed for review). An image the reviewer set to :data:`EXCLUDED` leaves the
counts and the suggestion and is listed in ``excluded`` with the reviewer's reason.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..config import CLASS_NAMES

LOW_CONFIDENCE = 0.70
EXCLUDED = "Excluded"  # a reviewer's "class" for an image that is not a lymphoblast or is unusable
EXCLUDE_CHOICE = "Exclude: not a lymphoblast / unusable image"
INDETERMINATE = "indeterminate \u2014 review"
SUGGESTION_RULE = (
    "Case suggestion = the most frequent class among images classified with calibrated confidence "
    "\u2265 70 % and inside the training domain; a reviewer's class replaces the model's and always counts. "
    f"No such image, or a tie between classes, gives '{INDETERMINATE}'."
)


@dataclass(frozen=True)
class ReviewItem:
    """An image a hematologist should look at, and why."""

    path: Path
    reason: str


@dataclass(frozen=True)
class CaseSummary:
    """Counts per class, the case-level suggestion and the images listed for review."""

    total: int
    analysed: int
    failed: int
    counts: dict[str, int]
    confident_counts: dict[str, int]
    suggestion: str
    review: list[ReviewItem] = field(default_factory=list)
    excluded: list[ReviewItem] = field(default_factory=list)

    @property
    def indeterminate(self) -> bool:
        return self.suggestion == INDETERMINATE


def summarise_case(
    results: Iterable,
    classes: Sequence[str] = CLASS_NAMES,
    min_confidence: float = LOW_CONFIDENCE,
    reviewed_class: Callable[[object], str | None] | None = None,
    excluded_reason: Callable[[object], str] | None = None,
) -> CaseSummary:
    """Summarise ``ImageResult``-like objects (``path``, ``error``, ``label``, ``confidence``, ``in_domain``).

    Parameters
    ----------
    results : iterable
        Per-image results; errored ones count as failed and are listed for review.
    classes : sequence of str
        Class order of the counts.
    min_confidence : float
        Calibrated confidence an image needs to take part in the suggestion.
    reviewed_class : callable, optional
        ``reviewed_class(result)`` is the reviewer's class where a reviewer overrode the model, else ``None``;
        :data:`EXCLUDED` takes the image out of the counts and the suggestion.
    excluded_reason : callable, optional
        ``excluded_reason(result)``: why a reviewer excluded the image (listed in ``excluded``).

    Returns
    -------
    CaseSummary
    """
    results = list(results)
    overrides = {id(r): name for r in results if reviewed_class and (name := reviewed_class(r))}
    excluded = [r for r in results if overrides.get(id(r)) == EXCLUDED]
    results = [r for r in results if overrides.get(id(r)) != EXCLUDED]
    ok = [r for r in results if r.error is None and r.label is not None]

    def label(result) -> str:
        return overrides.get(id(result), result.label)

    counts = _count(ok, classes, label)
    confident = [r for r in ok if id(r) in overrides or _is_confident(r, min_confidence)]
    confident_counts = _count(confident, classes, label)
    return CaseSummary(
        total=len(results),
        analysed=len(ok),
        failed=sum(1 for r in results if r.error is not None),
        counts=counts,
        confident_counts=confident_counts,
        suggestion=suggest(confident_counts),
        review=[item for r in results
                if id(r) not in overrides and (item := review_reason(r, min_confidence)) is not None],
        excluded=[ReviewItem(Path(r.path), f"excluded: {excluded_reason(r) if excluded_reason else ''}".rstrip(": "))
                  for r in excluded],
    )


def suggest(confident_counts: dict[str, int]) -> str:
    """The class with strictly the most confident in-domain images, else :data:`INDETERMINATE`."""
    ranked = sorted(confident_counts.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] == 0:
        return INDETERMINATE
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return INDETERMINATE
    return ranked[0][0]


def review_reason(result, min_confidence: float = LOW_CONFIDENCE) -> ReviewItem | None:
    """Why ``result`` needs a second look (error, out of domain, low confidence), or None."""
    path = Path(result.path)
    if result.error is not None:
        return ReviewItem(path, f"not analysed: {result.error}")
    if result.label is None:  # not analysed yet
        return None
    reasons = []
    if result.in_domain is False:
        reasons.append("out of domain")
    if (result.confidence or 0.0) < min_confidence:
        reasons.append(f"low confidence ({(result.confidence or 0.0):.0%})")
    return ReviewItem(path, ", ".join(reasons)) if reasons else None


def _is_confident(result, min_confidence: float) -> bool:
    return bool(result.in_domain) and (result.confidence or 0.0) >= min_confidence


def _count(results: Sequence, classes: Sequence[str], label: Callable[[object], str]) -> dict[str, int]:
    counter = Counter(label(r) for r in results)
    counts = {name: counter.get(name, 0) for name in classes}
    counts.update({label: n for label, n in counter.items() if label not in counts})
    return counts
