"""Refit the last stages on the training embeddings plus the lab's fitted images.

* XGBoost (same settings as training) on every training row plus every tile of the lab's fitted images. Each
  class counts the same within each source; the lab's images together weigh ``LAB_SHARE`` of the total, so a
  couple of hundred lab images are not drowned by thousands of training views.
* Temperature on the lab's fitted images, from boosters that did not see them (two folds by group), so it is fitted
  on honest margins.
* Out-of-domain: the fused check gains the lab's class means (the training covariance is kept, so its threshold
  still applies); the pooled-feature check gains a Gaussian on the lab's images whose threshold is the largest
  out-of-fold score of the fitted images; the structure threshold is lowered to half the lab's least structured
  image when that is lower.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

import numpy as np

from ..model.calibration import fit_temperature
from ..model.ood import DomainDetector, MahalanobisDetector, PcaGaussianDetector
from ..model.xgb_head import balanced_sample_weights, fit_xgboost, margins

LAB_SHARE = 0.5
SITE_COMPONENTS = 16


@dataclass
class SiteFit:
    booster: object
    temperature: float
    detector: DomainDetector


def _weights(train_labels: np.ndarray, lab_labels: np.ndarray, lab_tile_weight: np.ndarray) -> np.ndarray:
    train = balanced_sample_weights(train_labels)
    lab = balanced_sample_weights(lab_labels) * lab_tile_weight
    lab = lab * (train.sum() * LAB_SHARE / (1 - LAB_SHARE)) / lab.sum()
    return np.concatenate([train, lab])


def fit_head(train_x, train_y, lab_x, lab_y, lab_tile_weight, n_classes: int, seed: int):
    return fit_xgboost(np.concatenate([train_x, lab_x]), np.concatenate([train_y, lab_y]), n_classes, seed,
                       weights=_weights(train_y, lab_y, lab_tile_weight))


def two_folds(groups: np.ndarray) -> np.ndarray:
    """0 or 1 per row: alternate groups in order of appearance."""
    order = {g: i % 2 for i, g in enumerate(dict.fromkeys(groups.tolist()))}
    return np.array([order[g] for g in groups.tolist()])


def fit_site(parent: DomainDetector, train_x: np.ndarray, train_y: np.ndarray, lab_x: np.ndarray, lab_y: np.ndarray,
             lab_pooled: np.ndarray, lab_structure: np.ndarray, lab_tile_weight: np.ndarray, lab_groups: np.ndarray,
             n_classes: int, seed: int) -> SiteFit:
    fold = two_folds(lab_groups)
    out_of_fold = np.zeros((len(lab_x), n_classes))
    site_scores = np.zeros(len(lab_x))
    for half in (0, 1):
        fitted, scored = fold != half, fold == half
        booster = fit_head(train_x, train_y, lab_x[fitted], lab_y[fitted], lab_tile_weight[fitted], n_classes, seed)
        out_of_fold[scored] = margins(booster, lab_x[scored])
        site_scores[scored] = _site_gaussian(lab_pooled[fitted]).score(lab_pooled[scored])
    temperature = fit_temperature(out_of_fold, lab_y)
    booster = fit_head(train_x, train_y, lab_x, lab_y, lab_tile_weight, n_classes, seed)
    detector = copy.deepcopy(parent)
    detector.fused = MahalanobisDetector(
        np.concatenate([parent.fused.class_means, _class_means(lab_x, lab_y, n_classes)]), parent.fused.precision,
        parent.fused.threshold)
    detector.site_backbone = _site_gaussian(lab_pooled)
    detector.site_backbone_threshold = float(np.max(site_scores))
    if parent.structure_threshold > 0:
        detector.structure_threshold = float(min(parent.structure_threshold, 0.5 * np.min(lab_structure)))
    return SiteFit(booster, temperature, detector)


def _class_means(x: np.ndarray, y: np.ndarray, n_classes: int) -> np.ndarray:
    return np.stack([x[y == c].mean(axis=0) for c in range(n_classes) if np.any(y == c)]).astype(np.float64)


def _site_gaussian(pooled: np.ndarray) -> PcaGaussianDetector:
    return PcaGaussianDetector.fit(pooled, components=max(2, min(SITE_COMPONENTS, len(pooled) // 4)))
