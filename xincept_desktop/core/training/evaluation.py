"""``xincept evaluate``: run a bundle on labelled class folders and report what it measured."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from ...config import CLASS_NAMES
from ..atomic import atomic_write_text
from ..imaging import load_model_input
from ..model.bundle import VALIDATION_XGBOOST, XGBOOST_MODEL, read_manifest
from ..model.calibration import expected_calibration_error
from ..progress import StderrProgress
from .augment import PERTURBATIONS
from .dataset import file_sha256, list_dataset
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


def evaluate_model(model, items, log=print, perturbations: bool = False) -> dict:
    images = np.stack([load_model_input(item.path, model.input_size) for item in items])
    labels = np.array([item.label for item in items])
    batches = predict_images(model, images, StderrProgress("evaluated", len(images)))
    probabilities = np.concatenate([b.probabilities for b in batches])
    in_domain = np.concatenate([b.in_domain for b in batches])
    report = {"clean": classification_report(labels, probabilities.argmax(1), CLASS_NAMES),
              "ece": expected_calibration_error(probabilities, labels),
              "flagged_out_of_domain": float(1 - in_domain.mean()), "model": model.version_label}
    if perturbations:
        report["perturbations"] = {}
        for name, perturb in PERTURBATIONS.items():
            perturbed = np.stack([perturb(image) for image in images])
            batches = predict_images(model, perturbed, StderrProgress(f"evaluated ({name})", len(images)))
            predicted = np.concatenate([b.probabilities for b in batches]).argmax(1)
            report["perturbations"][name] = float(np.mean(predicted == labels))
    return report


def run_evaluate(args) -> int:
    from ...cli import EXIT_OK, EXIT_SOME_FAILED, load_model_or_report
    from ...config import default_model_dir
    from ...errors import XinceptError

    try:
        items = list_dataset(args.data)
    except XinceptError as exc:
        print(f"xincept evaluate: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    if args.held_out_only:
        split = block_split(items, hashes=[file_sha256(item.path) for item in items])
        items = [items[i] for i in split.validation]
    booster_file = _booster_for(args.model or default_model_dir(), args.held_out_only)
    model = load_model_or_report(args.model, booster_file)
    if model is None:
        return EXIT_SOME_FAILED
    report = evaluate_model(model, items, perturbations=args.perturbations)
    report["xgboost"] = booster_file
    if args.segmented:
        from ..explain.localisation import evaluate_localisation

        report["localisation"] = evaluate_localisation(model, items, args.data, args.segmented)
    text = json.dumps(report, indent=2)
    print(_summary(report))
    if args.out:
        atomic_write_text(Path(args.out) / "evaluation.json", text + "\n")
        atomic_write_text(Path(args.out) / "evaluation.md", _summary(report) + "\n")
    return EXIT_OK


def _booster_for(folder: Path, held_out_only: bool) -> str:
    """The validation fit's XGBoost for held-out blocks when the bundle keeps one (the shipped XGBoost has seen
    them), else the shipped one."""
    from ...errors import XinceptError

    if not held_out_only:
        return XGBOOST_MODEL
    try:
        files = read_manifest(folder).files
    except XinceptError:
        return XGBOOST_MODEL  # loading will say what is wrong
    return VALIDATION_XGBOOST if VALIDATION_XGBOOST in files else XGBOOST_MODEL


def _summary(report: dict) -> str:
    clean = report["clean"]
    lines = [f"model {report['model']}: n = {clean['n']}, accuracy {clean['accuracy']:.4f}, "
             f"macro-F1 {clean['macro_f1']:.4f}, ECE {report['ece']:.4f}, "
             f"flagged out-of-domain {report['flagged_out_of_domain']:.1%}"]
    if report.get("xgboost") == VALIDATION_XGBOOST:
        lines.append(f"  scored with the validation fit's XGBoost ({report['xgboost']}): the shipped one was refit "
                     "on every image, these included")
    for name, accuracy in report.get("perturbations", {}).items():
        lines.append(f"  under {name}: accuracy {accuracy:.4f}")
    for name, value in report.get("localisation", {}).items():
        lines.append(f"  {name}: {value}")
    return "\n".join(lines)
