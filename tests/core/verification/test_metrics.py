"""Study figures against hand-computed values (Wilson intervals and kappa from their textbook formulas)."""

import math

import numpy as np
import pytest

from xincept_desktop.core.verification.metrics import confusion_matrix, kappa_with_interval, study_figures, wilson

CLASSES = ["Benign", "Early", "Pre", "Pro"]


def _wilson_formula(k, n, z=1.959963984540054):
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


@pytest.mark.parametrize("k,n", [(0, 10), (10, 10), (47, 50), (190, 200)])
def test_wilson_interval_matches_the_formula(k, n):
    assert wilson(k, n) == pytest.approx(_wilson_formula(k, n), abs=1e-9)
    assert wilson(0, 0) is None


def test_sensitivity_specificity_and_kappa_from_a_confusion_matrix():
    truth = [0] * 10 + [1] * 10 + [2] * 10 + [3] * 10
    predicted = [0] * 9 + [1] + [1] * 10 + [2] * 8 + [3] * 2 + [3] * 10
    probabilities = np.eye(4)[predicted] * 0.7 + 0.075
    figures = study_figures(truth, probabilities, [True] * 38 + [False] * 2, CLASSES)
    assert figures["confusion"][0] == [9, 1, 0, 0] and figures["confusion"][2] == [0, 0, 8, 2]
    assert figures["n"] == 40 and figures["accuracy"] == pytest.approx(37 / 40)
    assert figures["per_class"]["Benign"]["sensitivity"] == pytest.approx(0.9)
    assert figures["per_class"]["Benign"]["specificity"] == pytest.approx(1.0)
    assert figures["per_class"]["Early"]["specificity"] == pytest.approx(29 / 30)  # one Benign read as Early
    assert figures["per_class"]["Pro"]["specificity_ci"] == pytest.approx(_wilson_formula(28, 30))
    observed, expected = 37 / 40, sum((10 / 40) * (c / 40) for c in (9, 11, 8, 12))
    assert figures["kappa"] == pytest.approx((observed - expected) / (1 - expected))
    low, high = figures["kappa_ci"]
    assert low < figures["kappa"] < high <= 1.0
    assert figures["ood_rate"] == pytest.approx(0.05)
    assert figures["ece"] == pytest.approx(abs(0.775 - 37 / 40))


def test_kappa_is_undefined_when_only_one_class_occurs():
    assert kappa_with_interval(confusion_matrix([0, 0, 0], [0, 0, 0], 4)) == (None, None)
