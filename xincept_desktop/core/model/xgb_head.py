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


def fit_xgboost(embeddings: np.ndarray, labels: np.ndarray, n_classes: int, seed: int):
    import xgboost as xgb

    model = xgb.XGBClassifier(
        n_estimators=300, max_depth=4, learning_rate=0.1, subsample=0.8, colsample_bytree=0.5,
        objective="multi:softprob", num_class=n_classes, tree_method="hist", random_state=seed, n_jobs=2,
    )
    model.fit(embeddings, labels, sample_weight=balanced_sample_weights(labels))
    return model


def margins(booster, embeddings: np.ndarray) -> np.ndarray:
    """Raw per-class scores (logits) of a booster."""
    import xgboost as xgb

    return booster.predict(xgb.DMatrix(np.asarray(embeddings, dtype=np.float32)), output_margin=True)


def save_booster(model, path: Path) -> None:
    with atomic_write_path(path) as tmp:
        model.get_booster().save_model(str(tmp.with_suffix(".ubj")))
        tmp.with_suffix(".ubj").replace(tmp)


def load_booster(path: Path):
    import xgboost as xgb

    booster = xgb.Booster()
    try:
        booster.load_model(str(path))
    except xgb.core.XGBoostError as exc:
        raise ModelIntegrityError(f"XGBoost model could not be read: {path} ({exc})") from exc
    return booster
