"""An out-of-domain image reads as 'not assessable', not as its class: the heading, the image list (issue 19,
point 3). The model's closest class stays, only as a secondary line."""

from __future__ import annotations

from pathlib import Path

from xincept_desktop.core.pipeline import ImageResult
from xincept_desktop.ui.image_list import DONE, ImageList, describe
from xincept_desktop.ui.result_panel import NOT_ASSESSABLE, ResultPanel

PROBABILITIES = {"Benign": 0.002, "Early": 0.002, "Pre": 0.994, "Pro": 0.002}


def result(in_domain: bool, name: str = "neutrophil <other lab>.png") -> ImageResult:
    return ImageResult(path=Path("/tmp") / name, label="Pre", confidence=0.994, probabilities=PROBABILITIES,
                       in_domain=in_domain, ood_score=3.0 if not in_domain else 1.0, ood_threshold=2.0)


def test_out_of_domain_heading_is_not_assessable_with_reason_and_closest_class(qtbot):
    panel = ResultPanel()
    qtbot.addWidget(panel)
    ood = result(in_domain=False)
    panel.show_result(ood)
    heading = panel.label.text()
    assert heading == NOT_ASSESSABLE  # the reason once, right below (it used to show twice)
    assert "Pre-B" not in heading
    assert "distance 3.00 > 2.00" in panel.domain_reason.text()
    assert "#a15c00" in panel.label.styleSheet()
    assert panel.confidence.text() == "Closest class: Pre-B ALL (99.4 %, not a diagnosis)"
    assert "Calibrated confidence" not in panel.confidence.text()
    assert "Out of domain" in panel.domain.text()
    assert panel.domain_reason.text() == ood.ood_reason


def test_in_domain_heading_is_still_the_class(qtbot):
    panel = ResultPanel()
    qtbot.addWidget(panel)
    panel.show_result(result(in_domain=False))
    panel.show_result(result(in_domain=True))
    assert panel.label.text().startswith("Pre-B")
    assert "#a15c00" not in panel.label.styleSheet()
    assert panel.confidence.text() == "Calibrated confidence: 99.4%"


def test_image_list_says_not_assessable_instead_of_the_class(qtbot):
    assert describe(DONE, result(in_domain=False)) == "done \u00b7 \u26a0 not assessable (closest Pre, 99%)"
    assert describe(DONE, result(in_domain=True)) == "done \u00b7 Pre \u00b7 99%"
    images = ImageList()
    qtbot.addWidget(images)
    ood = result(in_domain=False)
    images.add_paths([ood.path])
    images.set_result(ood)
    second = images.item_text(ood.path).split("\n")[1]
    assert second.startswith("done \u00b7 \u26a0 not assessable")


def test_the_heading_names_the_check_that_stopped_the_image(qtbot):
    from xincept_desktop.core.scale.decision import UNKNOWN, ScaleDecision

    panel = ResultPanel()
    qtbot.addWidget(panel)
    unknown = ScaleDecision(UNKNOWN, None, None, 1.0, 1.0, None, "scale unknown (too few red cells to measure (2)): "
                            "set the microscope profile")
    ood = result(in_domain=False)
    ood.scale = unknown
    panel.show_result(ood)
    assert panel.label.text() == "Not assessable: scale unknown"
    assert "set the microscope profile" in panel.domain_reason.text()
