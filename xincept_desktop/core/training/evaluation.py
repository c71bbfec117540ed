"""Measure a bundle on labelled class folders (``xincept evaluate`` is its command line, in ``cli_evaluate``)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from ...config import CLASS_NAMES
from ...errors import XinceptError
from ..hashing import sha256_file
from ..imaging import load_model_input
from ..model.bundle import VALIDATION_XGBOOST, XGBOOST_MODEL, read_manifest
from ..model.calibration import expected_calibration_error
from .augment import PERTURBATIONS
from .case_figures import case_figures
from .metrics import classification_report
from .split import block_split


def predict_images(model, images: np.ndarray, progress=None, batch_size: int = 16):
    """Calibrated probabilities, OOD flags and batch predictions for an array of model-size images."""
    batches = []
    for start in range(0, len(images), batch_size):
        batches.append(model.predict_batch(images[start:start + batch_size]))
        if progress:
            progress(min(start + batch_size, len(images)), len(images))
    return batches


def evaluate_model(model, items, perturbations: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> dict:
    """Score ``model`` on labelled ``items`` (and, with ``perturbations``, under each perturbation).

    ``progress(done, total)`` counts images scored over all passes (the clean one and one per perturbation).
    """
    images = np.stack([load_model_input(item.path, model.input_size) for item in items])
    labels = np.array([item.label for item in items])
    passes = 1 + (len(PERTURBATIONS) if perturbations else 0)
    total = passes * len(images)

    def pass_progress(pass_index: int):
        if progress is None:
            return None
        return lambda done, _n: progress(pass_index * len(images) + done, total)

    batches = predict_images(model, images, pass_progress(0))
    probabilities = np.concatenate([b.probabilities for b in batches])
    in_domain = np.concatenate([b.in_domain for b in batches])
    report = {"clean": classification_report(labels, probabilities.argmax(1), CLASS_NAMES),
              "ece": expected_calibration_error(probabilities, labels),
              "flagged_out_of_domain": float(1 - in_domain.mean()), "model": model.version_label,
              "cases": case_figures(items, probabilities, in_domain, CLASS_NAMES)}
    if perturbations:
        report["perturbations"] = {}
        for index, (name, perturb) in enumerate(PERTURBATIONS.items(), start=1):
            perturbed = np.stack([perturb(image) for image in images])
            batches = predict_images(model, perturbed, pass_progress(index))
            predicted = np.concatenate([b.probabilities for b in batches]).argmax(1)
            report["perturbations"][name] = float(np.mean(predicted == labels))
    return report


def booster_for(folder: Path, held_out_only: bool) -> str:
    """The validation fit's XGBoost for held-out blocks when the bundle keeps one (the shipped XGBoost has seen
    them), else the shipped one."""
    if not held_out_only:
        return XGBOOST_MODEL
    try:
        files = read_manifest(folder).files
    except XinceptError:
        return XGBOOST_MODEL  # loading will say what is wrong
    return VALIDATION_XGBOOST if VALIDATION_XGBOOST in files else XGBOOST_MODEL


def held_out_items(items: list) -> list:
    """The items of the blocks training held out (the same split rule as ``xincept train``)."""
    split = block_split(items, hashes=[sha256_file(item.path) for item in items])
    return [items[i] for i in split.validation]
