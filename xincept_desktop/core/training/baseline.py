"""The colour-histogram + XGBoost baseline: what colour alone achieves on the same split."""

from __future__ import annotations

import numpy as np


def colour_histogram(rgb: np.ndarray, bins: int = 32) -> np.ndarray:
    """96 features: a normalised ``bins``-bin histogram per RGB channel."""
    features = [np.histogram(rgb[..., c], bins=bins, range=(0, 256))[0] for c in range(3)]
    return np.concatenate(features).astype(np.float32) / (rgb.shape[0] * rgb.shape[1])


def fit_colour_baseline(images, labels: np.ndarray, seed: int):
    from ..model.xgb_head import fit_xgboost

    return fit_xgboost(np.stack([colour_histogram(im) for im in images]), labels, 4, seed, rounds=200)


def baseline_predict(booster, images) -> np.ndarray:
    from ..model.xgb_head import margins

    return margins(booster, np.stack([colour_histogram(im) for im in images])).argmax(1)
