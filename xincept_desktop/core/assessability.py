"""The heading of an image that is not shown as in domain: why it cannot be assessed, in a few words, read first.

The reason in full (``pipeline.ImageResult.ood_reason``) follows the heading on screen, in the report and in the CSV;
the heading names which of the four checks stopped the image, so a field the model could read but whose scale is
unknown is not headed "unlike the training images". It is derived from that stored reason, so a reloaded or signed
case shows the same heading as when it was analysed.
"""

from __future__ import annotations

UNLIKE_TRAINING = "Not assessable: unlike the training images"
SCALE_UNKNOWN = "Not assessable: scale unknown"
DEPENDS_ON_MAGNIFICATION = "Not assessable: the class depends on the magnification"
MAGNIFIED_UNSURE = "Not assessable: magnified field read with too little confidence"
HEADINGS = (UNLIKE_TRAINING, SCALE_UNKNOWN, DEPENDS_ON_MAGNIFICATION, MAGNIFIED_UNSURE)

#: what each reason of ``ImageResult.ood_reason`` says (its words are part of the stored record)
SCALE_MARK = "could not be brought to the training scale"
MAGNIFICATION_MARK = "the class depends on the magnification"
MAGNIFIED_FIELD_MARK = "a magnified field"


def not_assessable_heading(ood_reason: str) -> str:
    """The heading for an out-of-domain image whose reason is ``ood_reason`` (any other text: unlike training)."""
    reason = ood_reason or ""
    if SCALE_MARK in reason:
        return SCALE_UNKNOWN
    if reason.startswith(MAGNIFICATION_MARK):
        return DEPENDS_ON_MAGNIFICATION
    if reason.startswith(MAGNIFIED_FIELD_MARK):
        return MAGNIFIED_UNSURE
    return UNLIKE_TRAINING


def not_assessable_cause(ood_reason: str) -> str:
    """The heading's cause alone ('scale unknown'), for a line such as the report's "In domain: NO: ..."."""
    return not_assessable_heading(ood_reason).split(": ", 1)[1]
