"""The figures of a verification study, from the true and the model's classes (and its probabilities).

Proportions carry 95 % Wilson score intervals, which stay inside [0, 1] and behave at 0 % and 100 %; Cohen's kappa
carries its asymptotic 95 % interval (Fleiss, Cohen & Everitt 1969); both from ``intervals``, checked against
statsmodels in the tests. Sensitivity of a class: the share of its images the model gives that class; specificity: the
share of the other classes' images it does not.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..model.calibration import expected_calibration_error, reliability_bins
from .intervals import cohens_kappa, wilson_interval


def wilson(count: int, total: int) -> list[float] | None:
    """95 % Wilson interval of ``count / total`` as [low, high]; None when ``total`` is 0."""
    if total <= 0:
        return None
    return list(wilson_interval(int(count), int(total), 0.95))


def confusion_matrix(truth: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """Rows: the true class; columns: the model's class."""
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (np.asarray(truth, int), np.asarray(predicted, int)), 1)
    return matrix


def kappa_with_interval(matrix: np.ndarray) -> tuple[float | None, list[float] | None]:
    """Cohen's kappa of a confusion matrix and its 95 % interval (None when undefined, e.g. one class only)."""
    matrix = np.asarray(matrix, dtype=float)
    total = matrix.sum()
    expected = float((matrix.sum(0) * matrix.sum(1)).sum() / total ** 2) if total else 1.0
    if total == 0 or expected >= 1.0:
        return None, None
    kappa, low, high = cohens_kappa(matrix, 0.95)
    return kappa, [max(-1.0, low), min(1.0, high)]


def per_class(matrix: np.ndarray, classes: Sequence[str]) -> dict[str, dict]:
    total = int(matrix.sum())
    figures = {}
    for index, name in enumerate(classes):
        positives = int(matrix[index].sum())
        true_positive = int(matrix[index, index])
        negatives = total - positives
        true_negative = negatives - int(matrix[:, index].sum() - true_positive)
        figures[name] = {
            "n": positives,
            "sensitivity": true_positive / positives if positives else None,
            "sensitivity_ci": wilson(true_positive, positives),
            "specificity": true_negative / negatives if negatives else None,
            "specificity_ci": wilson(true_negative, negatives),
        }
    return figures


def study_figures(truth: Sequence[int], probabilities: np.ndarray, in_domain: Sequence[bool],
                  classes: Sequence[str]) -> dict:
    """Every figure of the study for the analysed images (one row of ``probabilities`` each)."""
    truth = np.asarray(truth, dtype=int)
    probabilities = np.asarray(probabilities, dtype=float)
    predicted = probabilities.argmax(axis=1)
    matrix = confusion_matrix(truth, predicted, len(classes))
    correct = int(np.trace(matrix))
    n = int(len(truth))
    kappa, kappa_ci = kappa_with_interval(matrix)
    flagged = int(np.sum(~np.asarray(in_domain, dtype=bool)))
    return {
        "n": n,
        "n_per_class": {name: int(matrix[i].sum()) for i, name in enumerate(classes)},
        "accuracy": correct / n if n else None,
        "accuracy_ci": wilson(correct, n),
        "kappa": kappa,
        "kappa_ci": kappa_ci,
        "per_class": per_class(matrix, classes),
        "confusion": matrix.tolist(),
        "ece": expected_calibration_error(probabilities, truth) if n else None,
        "reliability_bins": [list(b) for b in reliability_bins(probabilities, truth)] if n else [],
        "ood_rate": flagged / n if n else None,
        "ood_rate_ci": wilson(flagged, n),
    }
