"""What one pass of the model gives for a batch of images, and the bundle's parts that run after the network:
shared by the TensorFlow reference (``predictor.XInceptModel``) and the runtime (``runtime.RuntimeModel``), which
differ only in how they compute the network's outputs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...errors import ModelIntegrityError
from .bundle import CALIBRATION, OOD_STATS, Manifest, verify_bundle
from .calibration import softmax
from .ood import DomainDetector
from .xgb_head import load_booster, margins

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


def verify_with_booster(folder: Path, booster_file: str) -> Manifest:
    """Check every file of the bundle and that it has ``booster_file``; its manifest."""
    manifest = verify_bundle(folder)
    if booster_file not in manifest.files:
        raise ModelIntegrityError(f"this model bundle has no {booster_file}: {folder}")
    return manifest


def read_head_files(folder: Path, booster_file: str) -> tuple:
    """The bundle's parts after the network: (XGBoost booster, temperature, out-of-domain detector)."""
    return (load_booster(folder / booster_file), read_temperature(folder / CALIBRATION),
            DomainDetector.load(folder / OOD_STATS))


def read_temperature(path: Path) -> float:
    try:
        temperature = float(json.loads(path.read_text())["temperature"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelIntegrityError(f"calibration file is damaged: {path} ({exc})") from exc
    if not np.isfinite(temperature) or temperature <= 0:
        raise ModelIntegrityError(f"calibration temperature is invalid in {path}")
    return temperature


class BundleModel:
    """What both loaded models share: the manifest's facts and, after the network, XGBoost on the embedding,
    temperature scaling and the out-of-domain score. A subclass sets ``manifest``, ``_booster``, ``temperature``
    and ``detector`` and implements ``predict_batch`` with :meth:`_prediction`."""

    manifest: Manifest

    @property
    def classes(self) -> list[str]:
        return list(self.manifest.classes)

    @property
    def input_size(self) -> int:
        return self.manifest.input_size

    @property
    def version_label(self) -> str:
        return self.manifest.version_label

    def warm_up(self) -> None:
        """One blank batch now (in the calling thread), so the first real analysis does not pay for first-run
        work (tracing, allocations)."""
        self.predict_batch(np.zeros((1, self.input_size, self.input_size, 3), np.uint8))

    def predict_batch(self, images: np.ndarray) -> BatchPrediction:
        raise NotImplementedError

    def _prediction(self, images: np.ndarray, embedding: np.ndarray, pooled: np.ndarray,
                    head_probabilities: np.ndarray, cams: dict[str, np.ndarray],
                    gate_coverage: np.ndarray) -> BatchPrediction:
        """The network's outputs for ``images`` completed with calibrated probabilities and the domain check."""
        scores = self.detector.score(embedding, pooled, np.asarray(images))
        return BatchPrediction(
            probabilities=softmax(margins(self._booster, embedding), self.temperature),
            head_probabilities=head_probabilities,
            embeddings=embedding,
            ood_scores=scores,
            in_domain=scores <= self.detector.threshold,
            cams=cams,
            gate_coverage=gate_coverage,
            pooled=pooled,
        )
