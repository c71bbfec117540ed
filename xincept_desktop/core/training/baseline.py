"""The colour-histogram + XGBoost baseline: what colour alone achieves on the same split."""

from __future__ import annotations

import numpy as np


def colour_histogram(rgb: np.ndarray, bins: int = 32) -> np.ndarray:
    """96 features: a normalised ``bins``-bin histogram per RGB channel."""
    features = [np.histogram(rgb[..., c], bins=bins, range=(0, 256))[0] for c in range(3)]
    return np.concatenate(features).astype(np.float32) / (rgb.shape[0] * rgb.shape[1])


def fit_colour_baseline(images, labels: np.ndarray, seed: int):
    import xgboost as xgb

    model = xgb.XGBClassifier(n_estimators=200, max_depth=4, learning_rate=0.1, tree_method="hist",
                              random_state=seed, n_jobs=2)
    model.fit(np.stack([colour_histogram(im) for im in images]), labels)
    return model


def baseline_predict(model, images) -> np.ndarray:
    return model.predict(np.stack([colour_histogram(im) for im in images]))
