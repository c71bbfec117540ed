"""XGBoost classifier on the fused embedding (class-weighted), stored as UBJSON."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ...errors import ModelIntegrityError
from ..atomic import atomic_write_path


def balanced_sample_weights(labels: np.ndarray) -> np.ndarray:
    """Weight each sample by n / (classes * class count) so every class counts the same."""
    classes, counts = np.unique(labels, return_counts=True)
    per_class = len(labels) / (len(classes) * counts)
    return per_class[np.searchsorted(classes, labels)]


def fit_xgboost(embeddings: np.ndarray, labels: np.ndarray, n_classes: int, seed: int, rounds: int = 300,
                max_depth: int = 4, weights: np.ndarray | None = None):
    """A class-weighted multi-class booster (native API, so scikit-learn is not needed); ``weights`` replaces the
    class balancing (site adaptation weighs the lab's images against the training images)."""
    import xgboost as xgb

    params = {"objective": "multi:softprob", "num_class": n_classes, "max_depth": max_depth, "eta": 0.1,
              "subsample": 0.8, "colsample_bytree": 0.5, "tree_method": "hist", "seed": seed, "nthread": 2}
    matrix = xgb.DMatrix(np.asarray(embeddings, np.float32), label=labels,
                         weight=balanced_sample_weights(labels) if weights is None else np.asarray(weights))
    return xgb.train(params, matrix, num_boost_round=rounds)


def margins(booster, embeddings: np.ndarray) -> np.ndarray:
    """Raw per-class scores (logits) of a booster."""
    import xgboost as xgb

    return booster.predict(xgb.DMatrix(np.asarray(embeddings, dtype=np.float32)), output_margin=True)


def save_booster(booster, path: Path) -> None:
    """Write UBJSON atomically (XGBoost picks the format from the ``.ubj`` suffix)."""
    with atomic_write_path(path) as tmp:
        staged = tmp.with_name(tmp.name + ".ubj")
        booster.save_model(str(staged))
        staged.replace(tmp)


def load_booster(path: Path):
    import xgboost as xgb

    booster = xgb.Booster()
    try:
        booster.load_model(str(path))
    except xgb.core.XGBoostError as exc:
        raise ModelIntegrityError(f"XGBoost model could not be read: {path} ({exc})") from exc
    return booster
