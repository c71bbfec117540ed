"""What one pass of the model gives for a batch of images (shared by the TensorFlow reference and the runtime)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

CAM_METHODS = ("gradcam", "gradcam++")


@dataclass
class BatchPrediction:
    probabilities: np.ndarray  # (n, classes), calibrated XGBoost probabilities
    head_probabilities: np.ndarray  # (n, classes), softmax head (the Grad-CAM target)
    embeddings: np.ndarray  # (n, channels)
    ood_scores: np.ndarray  # (n,), distance-to-threshold ratio: in domain when <= 1
    in_domain: np.ndarray  # (n,) bool
    cams: dict[str, np.ndarray]  # method -> (n, classes, grid, grid), each map in [0, 1]; grid 28 at 224 px
    gate_coverage: np.ndarray | None = None  # (n,), mean of the cell gate: how much of the input shows cells
    pooled: np.ndarray | None = None  # (n, features), pooled backbone maps (site adaptation fits its OOD check on them)

    @property
    def labels(self) -> np.ndarray:
        return self.probabilities.argmax(axis=1)
