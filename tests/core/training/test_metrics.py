import numpy as np
import pytest

from xincept_desktop.core.training.metrics import auroc, classification_report


def test_report_per_class_and_confusion():
    labels = np.array([0, 0, 1, 1, 2, 3])
    predicted = np.array([0, 1, 1, 1, 2, 2])
    report = classification_report(labels, predicted, ["a", "b", "c", "d"])
    assert report["accuracy"] == pytest.approx(4 / 6)
    assert report["per_class"]["b"]["precision"] == pytest.approx(2 / 3)
    assert report["per_class"]["d"]["recall"] == 0.0
    assert report["confusion_matrix"][0] == [1, 1, 0, 0]


def test_auroc_with_ties_and_extremes():
    assert auroc([0, 1, 2], [3, 4]) == 1.0
    assert auroc([3, 4], [0, 1]) == 0.0
    assert auroc([1, 1], [1, 1]) == 0.5
