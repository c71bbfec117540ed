"""Out-of-domain score: how far an image lies from the training images, in two feature spaces.

1. Fused embedding: Mahalanobis distance to the nearest class mean (class means, one shared shrunk covariance;
   Lee et al. 2018), per dimension.
2. Pooled backbone features (ImageNet features averaged over space): a Gaussian in the top principal components
   plus the residual outside them. The fused embedding was trained to separate four classes and can map an
   image with no cells at all (a blank slide, a flat colour) close to a class mean; generic ImageNet features
   tell such images apart.

Each score is divided by its threshold (a high quantile of held-out validation images); the reported score is the
larger ratio, so an image is in domain when it is at most 1.
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


@dataclass
class PcaGaussianDetector:
    """Single Gaussian in the top principal components, plus the squared residual outside them."""

    mean: np.ndarray  # (dim,)
    components: np.ndarray  # (k, dim)
    variances: np.ndarray  # (k,)
    residual_scale: float

    @classmethod
    def fit(cls, features: np.ndarray, components: int = 64, max_rows: int = 3000,
            seed: int = 0) -> "PcaGaussianDetector":
        """Principal components by SVD of (a deterministic sample of at most ``max_rows``) centred features."""
        features = np.asarray(features, dtype=np.float64)
        if len(features) > max_rows:
            features = features[np.sort(np.random.default_rng(seed).choice(len(features), max_rows, replace=False))]
        mean = features.mean(axis=0)
        centred = features - mean
        _, singular, vt = np.linalg.svd(centred, full_matrices=False)
        count = min(components, len(singular))
        basis = vt[:count]
        variances = np.maximum(singular[:count] ** 2 / max(len(features) - 1, 1), 1e-12)
        residual = cls._residual(centred, basis)
        return cls(mean, basis, variances, float(np.mean(residual)) or 1.0)

    @staticmethod
    def _residual(centred: np.ndarray, basis: np.ndarray) -> np.ndarray:
        projected = centred @ basis.T
        return np.sum(centred ** 2, axis=1) - np.sum(projected ** 2, axis=1)

    def score(self, features: np.ndarray) -> np.ndarray:
        centred = np.asarray(features, dtype=np.float64) - self.mean
        projected = centred @ self.components.T
        inside = np.sum(projected ** 2 / self.variances, axis=1)
        outside = np.maximum(self._residual(centred, self.components), 0.0) / self.residual_scale
        return (inside + outside) / (len(self.variances) + 1)


@dataclass
class DomainDetector:
    """Both detectors; ``score`` is the larger score-to-threshold ratio, in domain when <= ``threshold`` (1)."""

    fused: MahalanobisDetector
    backbone: PcaGaussianDetector
    backbone_threshold: float = float("inf")
    threshold: float = 1.0

    @classmethod
    def fit(cls, embeddings: np.ndarray, pooled: np.ndarray, labels: np.ndarray) -> "DomainDetector":
        return cls(MahalanobisDetector.fit(embeddings, labels), PcaGaussianDetector.fit(pooled))

    def set_thresholds(self, embeddings: np.ndarray, pooled: np.ndarray, quantile: float = 0.995) -> None:
        """Thresholds from held-out in-domain images; each detector alone flags ``1 - quantile`` of them."""
        self.fused.set_threshold(self.fused.score(embeddings), quantile)
        self.backbone_threshold = float(np.quantile(self.backbone.score(pooled), quantile))

    def score(self, embeddings: np.ndarray, pooled: np.ndarray) -> np.ndarray:
        return np.maximum(self.fused.score(embeddings) / self.fused.threshold,
                          self.backbone.score(pooled) / self.backbone_threshold)

    def save(self, path: Path) -> None:
        with atomic_write_path(path) as tmp:
            with open(tmp, "wb") as handle:
                np.savez(handle, class_means=self.fused.class_means, precision=self.fused.precision,
                         fused_threshold=np.array(self.fused.threshold), pca_mean=self.backbone.mean,
                         pca_components=self.backbone.components, pca_variances=self.backbone.variances,
                         residual_scale=np.array(self.backbone.residual_scale),
                         backbone_threshold=np.array(self.backbone_threshold))

    @classmethod
    def load(cls, path: Path) -> "DomainDetector":
        try:
            with np.load(path, allow_pickle=False) as data:
                fused = MahalanobisDetector(data["class_means"], data["precision"], float(data["fused_threshold"]))
                backbone = PcaGaussianDetector(data["pca_mean"], data["pca_components"], data["pca_variances"],
                                               float(data["residual_scale"]))
                return cls(fused, backbone, float(data["backbone_threshold"]))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelIntegrityError(f"out-of-domain statistics are damaged: {path} ({exc})") from exc
