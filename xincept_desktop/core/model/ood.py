"""Out-of-domain score: how far an image lies from the training images, in two feature spaces.

1. Fused embedding: Mahalanobis distance to the nearest class mean (class means, one shared shrunk covariance;
   Lee et al. 2018), per dimension.
2. Pooled backbone features (ImageNet features averaged over space): a Gaussian in the top principal components
   plus the residual outside them. The fused embedding was trained to separate four classes and can map an
   image with no cells at all (a blank slide, a flat colour) close to a class mean; generic ImageNet features
   tell such images apart.

3. Image structure: the mean gradient magnitude of the grey image. Both feature spaces can place a blank slide or a
   flat colour close to real smears (most of a smear photograph is pale background); real fields always show cell
   edges. The threshold is half the lowest value among held-out images, blurred ones included.

Each score is divided by its threshold (a high quantile of held-out validation images); the reported score is the
larger ratio, so an image is in domain when it is at most 1.

A site-adapted bundle (``core/adaptation``) also describes its laboratory's images: the fused check gains the lab's
class means (same shared covariance), and the pooled-feature check a second Gaussian fitted on the lab's images
(``site_backbone``); an image is like the training images in that space when it is close to either.
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


def image_structure(images: np.ndarray) -> np.ndarray:
    """Mean gradient magnitude of each RGB ``uint8`` image's grey version (after a 1 px Gaussian blur)."""
    import cv2

    values = []
    for image in np.asarray(images):
        grey = cv2.GaussianBlur(cv2.cvtColor(image.astype(np.uint8), cv2.COLOR_RGB2GRAY).astype(np.float32),
                                (0, 0), 1.0)
        values.append(float(np.mean(np.hypot(cv2.Sobel(grey, cv2.CV_32F, 1, 0), cv2.Sobel(grey, cv2.CV_32F, 0, 1)))))
    return np.asarray(values)


@dataclass
class DomainDetector:
    """All three checks; ``score`` is the largest score-to-threshold ratio, in domain when <= ``threshold`` (1)."""

    fused: MahalanobisDetector
    backbone: PcaGaussianDetector
    backbone_threshold: float = float("inf")
    structure_threshold: float = 0.0
    threshold: float = 1.0
    site_backbone: PcaGaussianDetector | None = None  # the lab's images, for a site-adapted bundle
    site_backbone_threshold: float = float("inf")

    @classmethod
    def fit(cls, embeddings: np.ndarray, pooled: np.ndarray, labels: np.ndarray) -> "DomainDetector":
        return cls(MahalanobisDetector.fit(embeddings, labels), PcaGaussianDetector.fit(pooled))

    def set_thresholds(self, embeddings: np.ndarray, pooled: np.ndarray, quantile: float = 0.995) -> None:
        """Thresholds from held-out in-domain images; each detector alone flags ``1 - quantile`` of them."""
        self.fused.set_threshold(self.fused.score(embeddings), quantile)
        self.backbone_threshold = float(np.quantile(self.backbone.score(pooled), quantile))

    def set_structure_threshold(self, structure: np.ndarray, fraction: float = 0.5) -> None:
        """Half (``fraction``) of the least structured held-out image's value."""
        self.structure_threshold = float(np.min(structure) * fraction)

    def score(self, embeddings: np.ndarray, pooled: np.ndarray, images: np.ndarray | None = None) -> np.ndarray:
        ratio = np.maximum(self.fused.score(embeddings) / self.fused.threshold, self.backbone_ratio(pooled))
        if images is not None and self.structure_threshold > 0:
            ratio = np.maximum(ratio, self.structure_threshold / np.maximum(image_structure(images), 1e-6))
        return ratio

    def backbone_ratio(self, pooled: np.ndarray) -> np.ndarray:
        """Pooled-feature score over its threshold: the training images' Gaussian, or the lab's when closer."""
        ratio = self.backbone.score(pooled) / self.backbone_threshold
        if self.site_backbone is not None:
            ratio = np.minimum(ratio, self.site_backbone.score(pooled) / self.site_backbone_threshold)
        return ratio

    def save(self, path: Path) -> None:
        site = {}
        if self.site_backbone is not None:
            site = dict(site_pca_mean=self.site_backbone.mean, site_pca_components=self.site_backbone.components,
                        site_pca_variances=self.site_backbone.variances,
                        site_residual_scale=np.array(self.site_backbone.residual_scale),
                        site_backbone_threshold=np.array(self.site_backbone_threshold))
        with atomic_write_path(path) as tmp:
            with open(tmp, "wb") as handle:
                np.savez(handle, class_means=self.fused.class_means, precision=self.fused.precision,
                         fused_threshold=np.array(self.fused.threshold), pca_mean=self.backbone.mean,
                         pca_components=self.backbone.components, pca_variances=self.backbone.variances,
                         residual_scale=np.array(self.backbone.residual_scale),
                         backbone_threshold=np.array(self.backbone_threshold),
                         structure_threshold=np.array(self.structure_threshold), **site)

    @classmethod
    def load(cls, path: Path) -> "DomainDetector":
        try:
            with np.load(path, allow_pickle=False) as data:
                fused = MahalanobisDetector(data["class_means"], data["precision"], float(data["fused_threshold"]))
                backbone = PcaGaussianDetector(data["pca_mean"], data["pca_components"], data["pca_variances"],
                                               float(data["residual_scale"]))
                detector = cls(fused, backbone, float(data["backbone_threshold"]), float(data["structure_threshold"]))
                if "site_pca_mean" in data.files:
                    detector.site_backbone = PcaGaussianDetector(
                        data["site_pca_mean"], data["site_pca_components"], data["site_pca_variances"],
                        float(data["site_residual_scale"]))
                    detector.site_backbone_threshold = float(data["site_backbone_threshold"])
                return detector
        except (OSError, KeyError, ValueError) as exc:
            raise ModelIntegrityError(f"out-of-domain statistics are damaged: {path} ({exc})") from exc
