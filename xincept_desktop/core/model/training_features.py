"""``training_features.npz``: the fused embeddings of the training images, kept in the bundle for site adaptation.

Site adaptation (``core/adaptation``) refits the XGBoost head on a laboratory's images *together with* the
original training images, so the head does not forget the hospital it was trained on. Only the 128-channel fused
embedding is needed (the backbones and the fusion trunk are kept), so the file is small: float16 embeddings, the
class index and the view (0 = the clean image, 1.. = augmented views) of every row. Read with
``allow_pickle=False``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...errors import ModelIntegrityError
from ..atomic import atomic_write_path

TRAINING_FEATURES = "training_features.npz"


@dataclass(frozen=True)
class TrainingFeatures:
    embeddings: np.ndarray  # (rows, channels) float16
    labels: np.ndarray  # (rows,) class index
    views: np.ndarray  # (rows,) 0 = clean, k = k-th augmented view

    def __post_init__(self):
        if not (len(self.embeddings) == len(self.labels) == len(self.views)):
            raise ValueError("training features: embeddings, labels and views differ in length")

    def save(self, path: Path) -> None:
        with atomic_write_path(path) as tmp:
            with open(tmp, "wb") as handle:
                np.savez_compressed(handle, embeddings=np.asarray(self.embeddings, np.float16),
                                    labels=np.asarray(self.labels, np.uint8), views=np.asarray(self.views, np.uint8))

    @classmethod
    def load(cls, path: Path) -> "TrainingFeatures":
        try:
            with np.load(path, allow_pickle=False) as data:
                return cls(data["embeddings"].astype(np.float32), data["labels"].astype(np.int64),
                           data["views"].astype(np.int64))
        except (OSError, KeyError, ValueError) as exc:
            raise ModelIntegrityError(f"training features are damaged: {path} ({exc})") from exc
