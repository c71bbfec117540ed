"""Measure a bundle on labelled class folders (``xincept evaluate`` is its command line, in ``cli_evaluate``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import numpy as np

from ...config import CLASS_NAMES
from ...errors import XinceptError
from ..hashing import sha256_file
from ..imaging import load_image
from ..model.bundle import VALIDATION_XGBOOST, XGBOOST_MODEL, read_manifest
from ..model.calibration import expected_calibration_error
from ..pipeline import analyse_images
from .augment import PERTURBATIONS
from .case_figures import case_figures
from .metrics import classification_report
from .split import block_split


def analyse_in_chunks(model, images: list[np.ndarray], progress=None, chunk: int = 32) -> list:
    """Every image through the app's pipeline (ruler, training scale, tiles, aggregation), in chunks."""
    results = []
    for start in range(0, len(images), chunk):
        results += analyse_images(images[start:start + chunk], model)
        if progress:
            progress(len(results), len(images))
    return results


def probability_matrix(results, classes) -> np.ndarray:
    """(images, classes) calibrated probabilities of pipeline results, in ``classes`` order."""
    return np.array([[r.probabilities[name] for name in classes] for r in results])


def evaluate_model(model, items, perturbations: bool = False,
                   progress: Callable[[int, int], None] | None = None) -> dict:
    """Score ``model`` on labelled ``items`` (and, with ``perturbations``, under each perturbation) as the app
    reads them: every photograph measured, brought to the training scale and tiled (``core.pipeline``); a
    perturbation changes the photograph before that.

    ``progress(done, total)`` counts images scored over all passes (the clean one and one per perturbation).
    """
    images = [load_image(item.path) for item in items]
    labels = np.array([item.label for item in items])
    passes = 1 + (len(PERTURBATIONS) if perturbations else 0)
    total = passes * len(images)

    def pass_progress(pass_index: int):
        if progress is None:
            return None
        return lambda done, _n: progress(pass_index * len(images) + done, total)

    results = analyse_in_chunks(model, images, pass_progress(0))
    probabilities = probability_matrix(results, model.classes)
    in_domain = np.array([bool(r.in_domain) for r in results])
    report = {"clean": classification_report(labels, probabilities.argmax(1), CLASS_NAMES),
              "ece": expected_calibration_error(probabilities, labels),
              "flagged_out_of_domain": float(1 - in_domain.mean()), "model": model.version_label,
              "cases": case_figures(items, probabilities, in_domain, CLASS_NAMES)}
    if perturbations:
        report["perturbations"] = {}
        for index, (name, perturb) in enumerate(PERTURBATIONS.items(), start=1):
            perturbed = analyse_in_chunks(model, [perturb(image) for image in images], pass_progress(index))
            predicted = np.array([model.classes.index(r.label) for r in perturbed])
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


def held_out_items(items: list, folder: Path | None = None, hashes: list[str] | None = None) -> list:
    """The items of the blocks training held out (the same split rule as ``xincept train``, at the split offset
    the bundle in ``folder`` was trained with; 0 when its card does not say). ``hashes``: the items' sha256, when
    the caller already has them (several bundles, one data folder)."""
    hashes = hashes if hashes is not None else [sha256_file(item.path) for item in items]
    split = block_split(items, fold=split_offset(folder), hashes=hashes)
    return [items[i] for i in split.validation]


def split_offset(folder: Path | None) -> int:
    """Which block fold the bundle's training held out (``xincept train --fold``), from its model card."""
    if folder is None:
        return 0
    try:
        card = json.loads((Path(folder) / "model_card.json").read_text(encoding="utf-8"))
        return int(card["run"]["split"].get("offset", 0))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return 0
