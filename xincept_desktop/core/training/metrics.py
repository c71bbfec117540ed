"""Classification, calibration and detection metrics in plain numpy."""

from __future__ import annotations

import numpy as np


def confusion_matrix(labels: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (np.asarray(labels), np.asarray(predicted)), 1)
    return matrix


def classification_report(labels: np.ndarray, predicted: np.ndarray, classes) -> dict:
    """Accuracy, macro-F1, per-class precision / recall / F1 / support and the confusion matrix (rows = truth)."""
    matrix = confusion_matrix(labels, predicted, len(classes))
    per_class = {}
    for index, name in enumerate(classes):
        true_positive = matrix[index, index]
        precision = true_positive / matrix[:, index].sum() if matrix[:, index].sum() else 0.0
        recall = true_positive / matrix[index].sum() if matrix[index].sum() else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[name] = {"precision": float(precision), "recall": float(recall), "f1": float(f1),
                           "support": int(matrix[index].sum())}
    return {
        "accuracy": float(np.trace(matrix) / matrix.sum()) if matrix.sum() else 0.0,
        "macro_f1": float(np.mean([c["f1"] for c in per_class.values()])),
        "per_class": per_class,
        "confusion_matrix": matrix.tolist(),
        "n": int(matrix.sum()),
    }


def auroc(negative_scores: np.ndarray, positive_scores: np.ndarray) -> float:
    """Probability that a positive scores above a negative (ties count half): the Mann-Whitney AUROC."""
    negative = np.asarray(negative_scores, dtype=np.float64)
    positive = np.asarray(positive_scores, dtype=np.float64)
    if not len(negative) or not len(positive):
        return float("nan")
    combined = np.concatenate([negative, positive])
    order = combined.argsort(kind="mergesort")
    ranks = np.empty(len(combined))
    sorted_values = combined[order]
    start = 0
    while start < len(sorted_values):  # average ranks over ties
        end = start
        while end + 1 < len(sorted_values) and sorted_values[end + 1] == sorted_values[start]:
            end += 1
        ranks[order[start:end + 1]] = (start + end) / 2 + 1
        start = end + 1
    positive_rank_sum = ranks[len(negative):].sum()
    return float((positive_rank_sum - len(positive) * (len(positive) + 1) / 2) / (len(positive) * len(negative)))
