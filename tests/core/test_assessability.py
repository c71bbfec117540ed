"""The heading of an image that cannot be assessed names which check stopped it, read from the stored reason."""

from pathlib import Path

from xincept_desktop.core.assessability import (DEPENDS_ON_MAGNIFICATION, MAGNIFIED_UNSURE, SCALE_UNKNOWN,
                                                UNLIKE_TRAINING, not_assessable_cause,
                                                not_assessable_heading)
from xincept_desktop.core.pipeline import ImageResult
from xincept_desktop.core.scale.decision import UNKNOWN, ScaleDecision

PROBABILITIES = {"Benign": 0.1, "Early": 0.1, "Pre": 0.6, "Pro": 0.2}


def _result(**changes) -> ImageResult:
    fields = dict(path=Path("/tmp/x.png"), label="Pre", confidence=0.6, probabilities=PROBABILITIES, in_domain=False,
                  ood_score=0.5, ood_threshold=1.0, field_share=1.0)
    return ImageResult(**{**fields, **changes})


def test_each_reason_the_pipeline_gives_has_its_heading():
    unknown = ScaleDecision(UNKNOWN, None, None, 1.0, 1.0, None, "scale unknown (too few red cells to measure (2))"
                            ": set the microscope profile")
    assert not_assessable_heading(_result(scale=unknown).ood_reason) == SCALE_UNKNOWN
    sensitive = _result(label_at_scale="Pre", label_as_photographed="Pro")
    assert not_assessable_heading(sensitive.ood_reason) == DEPENDS_ON_MAGNIFICATION
    magnified = _result(field_share=0.25)  # a quarter of the input, 60 % confidence: below the floor
    assert magnified.small_field_doubt
    assert not_assessable_heading(magnified.ood_reason) == MAGNIFIED_UNSURE
    assert not_assessable_heading(_result(ood_score=3.0).ood_reason) == UNLIKE_TRAINING


def test_an_unknown_or_older_reason_keeps_the_general_heading():
    assert not_assessable_heading("") == UNLIKE_TRAINING
    assert not_assessable_heading("unlike the training images (distance 3.00 > 2.00)") == UNLIKE_TRAINING


def test_the_cause_is_the_heading_without_its_prefix():
    assert not_assessable_cause("") == "unlike the training images"
    assert not_assessable_cause("scale unknown (x): the magnification could not be brought to the training scale") \
        == "scale unknown"
