"""Out-of-domain score: Mahalanobis distance to the nearest class mean in fused-embedding space.

Class means and one shared, shrunk covariance are estimated from the training embeddings (Lee et al. 2018);
the score is the smallest squared distance over classes divided by the embedding size, so about 1 for a typical
training image and far larger for an image unlike the training data. The threshold is a high quantile of the
scores of held-out validation images.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...errors import ModelIntegrityError
from ..atomic import atomic_write_path


@dataclass
class MahalanobisDetector:
    class_means: np.ndarray  # (classes, dim)
    precision: np.ndarray  # (dim, dim)
    threshold: float = float("inf")

    @classmethod
    def fit(cls, embeddings: np.ndarray, labels: np.ndarray, shrinkage: float = 0.1) -> "MahalanobisDetector":
        embeddings = np.asarray(embeddings, dtype=np.float64)
        classes = np.unique(labels)
        means = np.stack([embeddings[labels == c].mean(axis=0) for c in classes])
        centred = embeddings - means[np.searchsorted(classes, labels)]
        covariance = centred.T @ centred / max(len(embeddings) - len(classes), 1)
        target = np.eye(covariance.shape[0]) * np.trace(covariance) / covariance.shape[0]
        covariance = (1 - shrinkage) * covariance + shrinkage * target
        return cls(means, np.linalg.inv(covariance))

    def score(self, embeddings: np.ndarray) -> np.ndarray:
        """Smallest squared Mahalanobis distance to a class mean, per embedding dimension."""
        embeddings = np.asarray(embeddings, dtype=np.float64)
        distances = []
        for mean in self.class_means:
            diff = embeddings - mean
            distances.append(np.einsum("ij,jk,ik->i", diff, self.precision, diff))
        return np.min(np.stack(distances, axis=1), axis=1) / embeddings.shape[1]

    def set_threshold(self, in_domain_scores: np.ndarray, quantile: float = 0.99) -> float:
        self.threshold = float(np.quantile(in_domain_scores, quantile))
        return self.threshold

    def save(self, path: Path) -> None:
        with atomic_write_path(path) as tmp:
            with open(tmp, "wb") as handle:
                np.savez(handle, class_means=self.class_means, precision=self.precision,
                         threshold=np.array(self.threshold))

    @classmethod
    def load(cls, path: Path) -> "MahalanobisDetector":
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls(data["class_means"], data["precision"], float(data["threshold"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelIntegrityError(f"out-of-domain statistics are damaged: {path} ({exc})") from exc
