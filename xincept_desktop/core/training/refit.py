"""The shipped classifier: XGBoost refit on every cached view of every image once validation is done.

Validation needs images the model never saw, so the figures on the model card come from a booster trained on the
training blocks only. The booster that ships is then refit, with the same settings, on the fused embeddings of all
images (training, held-out and left-out ones, with every augmented or perturbed view the cache holds): new images
come from the same hospital's next blocks, and the held-out blocks hold patients the training blocks lack.
The fusion trunk, the cell gate, the temperature and the out-of-domain statistics stay those of the validation fit,
so their held-out figures still describe the shipped bundle.

``neighbour_check`` measures what the refit buys: it adds one half of every held-out block to the training views
and scores the other half, against the validation booster on the same images; it also measures the calibration
error of those boosters with the validation fit's temperature, which the shipped booster reuses.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..model.calibration import expected_calibration_error, softmax
from ..model.xgb_head import fit_xgboost, margins


def all_view_rows(groups: dict[str, list[int]]) -> list[int]:
    """Every cached row that has a label: training views, held-out clean and perturbed views."""
    return sorted({row for rows in groups.values() for row in rows})


def block_halves(numbers: np.ndarray, block_size: int) -> np.ndarray:
    """0 for numbers in the first half of their block of ``block_size``, 1 for the second half."""
    return ((np.asarray(numbers) % block_size) >= block_size // 2).astype(int)


def refit_booster(embeddings: np.ndarray, labels: np.ndarray, rows: Sequence[int], n_classes: int, seed: int):
    """The shipped booster: same settings as the validation fit, trained on ``rows``."""
    rows = np.asarray(rows)
    return fit_xgboost(embeddings[rows], labels[rows], n_classes, seed)


def neighbour_check(embeddings: np.ndarray, labels: np.ndarray, train_rows: Sequence[int],
                    held_out_rows: Sequence[int], held_out_clean_rows: Sequence[int], numbers: np.ndarray,
                    block_size: int, validation_booster, n_classes: int, seed: int, temperature: float) -> dict:
    """Accuracy on each half of the held-out blocks, with the other half's views added to training ("with") and
    from the validation booster ("without"), and the ECE of the "with" boosters at ``temperature``; ``numbers``
    gives each row's acquisition number."""
    train_rows = np.asarray(train_rows)
    held_out_rows, clean = np.asarray(held_out_rows), np.asarray(held_out_clean_rows)
    half_of_view, half_of_clean = block_halves(numbers[held_out_rows], block_size), block_halves(numbers[clean],
                                                                                               block_size)
    probabilities = np.zeros((len(clean), n_classes))
    correct_without = 0
    for half in (0, 1):
        scored = half_of_clean == half
        added = held_out_rows[half_of_view != half]
        booster = fit_xgboost(embeddings[np.concatenate([train_rows, added])],
                              labels[np.concatenate([train_rows, added])], n_classes, seed)
        probabilities[scored] = softmax(margins(booster, embeddings[clean[scored]]), temperature)
        without = margins(validation_booster, embeddings[clean[scored]]).argmax(1)
        correct_without += int(np.sum(without == labels[clean[scored]]))
    truth = labels[clean]
    return {"images": int(len(clean)), "accuracy_with_other_half": float(np.mean(probabilities.argmax(1) == truth)),
            "accuracy_without": correct_without / max(len(clean), 1),
            "ece_with_other_half": expected_calibration_error(probabilities, truth)}
