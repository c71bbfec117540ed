"""``xincept train``: from a labelled folder to a verified model bundle with its model card.

Stages (each resumable): backbone features for every planned view (cached), fusion head training
(checkpointed per epoch), fused embeddings, XGBoost, temperature calibration, out-of-domain statistics,
evaluation on held-out blocks (clean and perturbed), the colour baseline, the bundle check, XGBoost refit on every
image for the shipped bundle (``refit``), and the card.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from ...config import CLASS_NAMES, INPUT_SIZE, REPO_DIR, weights_dir
from ..atomic import atomic_write_text
from ..hashing import sha256_file
from ..model.bundle import (CALIBRATION, FUSION_WEIGHTS, OOD_STATS, VALIDATION_XGBOOST, XGBOOST_MODEL, Manifest,
                            write_manifest)
from ..model.calibration import expected_calibration_error, fit_temperature, reliability_bins, softmax
from ..model.ood import DomainDetector
from ..model.xgb_head import fit_xgboost, margins, save_booster
from ..progress import format_duration
from .augment import PERTURBATION_DOC, PERTURBATIONS
from .baseline import baseline_predict, fit_colour_baseline
from .dataset import LabelledImage, data_hash, list_dataset
from .extraction import AUGMENTATION_VERSION, extract_features, plan_rows
from .head_training import train_fusion_head
from .case_figures import case_figures
from .metrics import classification_report
from .model_card import write_model_card
from .scale_calibration import calibrate_scale
from .refit import all_view_rows, neighbour_check, refit_booster
from .split import Split, block_split
from .cached_rows import SplitRun, embed_rows, row_groups, training_scale_reference
from .view_levers import added_views
from .workspace import training_workspace


@dataclass
class TrainConfig:
    data: Path
    out: Path
    seed: int = 7
    resume: bool = False
    n_augmented: int = 4
    epochs: int = 8
    channels: int = 128
    block_size: int = 20
    n_folds: int = 5
    fold: int = 0
    extra_views: str | None = None  # a kept view lever (``view_levers.VIEW_LEVERS``): its views are trained on too
    command: str = ""
    input_size: int = INPUT_SIZE
    weights_folder: Path | None = field(default_factory=weights_dir)  # None: random backbones (tests only)


@dataclass(frozen=True)
class _Data:
    """The images and how they are used: the block split, the cached rows (image x view), the row groups
    (``train``, ``validation``, ``left_out``, one per perturbation) and each row's label."""
    items: list[LabelledImage]
    split: Split
    rows: list
    groups: dict[str, list[int]]
    row_labels: np.ndarray


@dataclass(frozen=True)
class _Fit:
    """What training fitted: the fusion network's trunk and head, their embedding (and pooled backbone maps) of
    every cached row, the validation-fit XGBoost, its temperature and the out-of-domain detector."""
    trunk: object
    head: object
    embeddings: np.ndarray
    pooled: np.ndarray
    booster: object
    temperature: float
    detector: DomainDetector


@dataclass(frozen=True)
class _Provenance:
    """Where the run came from, for the model card and the manifest."""
    data_digest: str
    backbone_digests: dict[str, str]
    git_commit: str
    began: float


def train(config: TrainConfig, log: Callable[[str], None]) -> Path:
    """Run every stage and write the bundle to ``config.out``; return its path."""
    began = time.time()
    commit = _git_commit()  # the code this run uses; later edits to the checkout do not change it
    items = list_dataset(config.data)
    hashes = [sha256_file(item.path) for item in items]
    split = block_split(items, config.block_size, config.n_folds, config.fold, hashes=hashes)
    log(f"{len(items)} images: {len(split.train)} training, {len(split.validation)} validation (held-out blocks "
        f"of {config.block_size}), {len(split.purged)} left out at block edges")
    rows = plan_rows(split, config.n_augmented)
    workspace = training_workspace(config.out, fresh=not config.resume)
    data_digest = data_hash(config.data)
    reference = training_scale_reference(items, split, log)
    cache, digests = extract_features(items, rows, workspace / "features", config.weights_folder, data_digest,
                                      config.seed, log, input_size=config.input_size,
                                      masked_images=set(split.train), reference=reference)
    labels = np.array([item.label for item in items])
    trunk_input = _trunk_input(config, SplitRun(items, split, rows, workspace, reference, data_digest, cache), log)
    rows = rows + trunk_input.rows
    data = _Data(items, split, rows, row_groups(rows, split), labels[[row.image for row in rows]])
    groups, row_labels = data.groups, data.row_labels
    _, trunk, head = train_fusion_head(trunk_input.maps, trunk_input.masks, groups["train"], row_labels[groups["train"]],
                                       trunk_input.folder, config.seed, log, channels=config.channels,
                                       epochs=config.epochs, features_key=trunk_input.features_key)
    log("computing fused embeddings")
    embedded = [embed_rows(trunk, head, part) for part in trunk_input.parts]
    embeddings, gate_coverage = (np.concatenate(parts) for parts in zip(*embedded))
    booster = fit_xgboost(embeddings[groups["train"]], row_labels[groups["train"]], len(CLASS_NAMES), config.seed)
    val_rows = groups["validation"]
    val_margins = margins(booster, embeddings[val_rows])
    temperature = fit_temperature(val_margins, row_labels[val_rows])
    pooled = np.concatenate([_pooled(part) for part in trunk_input.parts])
    detector = DomainDetector.fit(embeddings[groups["train"]], pooled[groups["train"]], row_labels[groups["train"]])
    detector.set_thresholds(embeddings[val_rows], pooled[val_rows])
    detector.set_structure_threshold(_held_out_structure(items, split, config.input_size))
    log(f"temperature {temperature:.3f}; out-of-domain thresholds: fused {detector.fused.threshold:.3f}, "
        f"backbone {detector.backbone_threshold:.3f}, structure {detector.structure_threshold:.2f}")
    fit = _Fit(trunk, head, embeddings, pooled, booster, temperature, detector)
    metrics = _evaluate_cached(config, data, fit, log)
    metrics["gate_coverage"] = _gate_coverage(gate_coverage[val_rows], row_labels[val_rows])
    log("cell gate opens on held-out images (mean share): " +
        ", ".join(f"{name} {share:.3f}" for name, share in metrics["gate_coverage"].items()))
    staging = _stage_bundle(config, fit, digests, reference)
    metrics.update(_evaluate_bundle(staging, config, data, fit.detector, log))
    metrics["refit"] = _ship_refit_booster(staging, config, data, fit, log)
    _write_training_features(staging, data, fit)
    info = _run_info(config, data, _Provenance(data_digest, digests, commit, began))
    write_model_card(staging, info, metrics)
    _finalise_manifest(staging, config, digests, info)
    calibrate_scale(staging, items, split, log, weights_folder=config.weights_folder, reference=reference)
    _replace_folder(staging, Path(config.out))
    log(f"model bundle written to {config.out} in {format_duration(time.time() - began)}")
    return Path(config.out)


@dataclass(frozen=True)
class _TrunkInput:
    """What the fusion trunk trains on: the split's cached rows, plus a kept view lever's extra rows (``rows``, after
    the split's) read as one; its checkpoint folder and features key; the arrays embedded in row order."""
    rows: list
    maps: list
    masks: object
    folder: Path
    features_key: str
    parts: list


def _trunk_input(config: TrainConfig, run: SplitRun, log: Callable[[str], None]) -> _TrunkInput:
    if not config.extra_views:
        cache = run.cache
        return _TrunkInput([], cache.arrays, cache.masks, run.workspace, cache.key, [cache.arrays])
    views = added_views(config, config.extra_views, run, log)
    return _TrunkInput(views.rows, views.maps, views.masks, views.folder, views.features_key,
                       [run.cache.arrays, views.cache.arrays])


def _gate_coverage(coverage: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """Mean share of the image the cell gate opens, per class (Pro has no masks: this shows the gate still
    closes on its background)."""
    return {name: float(coverage[labels == index].mean()) for index, name in enumerate(CLASS_NAMES)
            if np.any(labels == index)}


def _held_out_structure(items: list[LabelledImage], split: Split, input_size: int) -> np.ndarray:
    """Image structure of every held-out image, clean and under each perturbation."""
    from ..imaging import load_model_input
    from ..model.ood import image_structure

    images = np.stack([load_model_input(items[i].path, input_size) for i in split.validation])
    views = [images] + [np.stack([perturb(im) for im in images]) for perturb in PERTURBATIONS.values()]
    return np.concatenate([image_structure(view) for view in views])


def _pooled(arrays, batch_size: int = 512) -> np.ndarray:
    """Spatial means of the cached backbone maps, per row (what the predictor computes in its graph)."""
    parts = []
    for start in range(0, arrays[0].shape[0], batch_size):
        parts.append(np.concatenate([np.asarray(a[start:start + batch_size], dtype=np.float32).mean(axis=(1, 2))
                                     for a in arrays], axis=1))
    return np.concatenate(parts)


def _evaluate_cached(config: TrainConfig, data: _Data, fit: _Fit, log: Callable[[str], None]) -> dict:
    """Held-out-block figures from the cached features: clean, each perturbation, calibration, baseline."""
    groups, row_labels, embeddings = data.groups, data.row_labels, fit.embeddings
    booster, temperature, detector, pooled = fit.booster, fit.temperature, fit.detector, fit.pooled

    def report(row_indices):
        probabilities = softmax(margins(booster, embeddings[row_indices]), temperature)
        return probabilities, classification_report(row_labels[row_indices], probabilities.argmax(1), CLASS_NAMES)

    val_rows = groups["validation"]
    probabilities, clean = report(val_rows)
    metrics = {"validation": clean, "perturbations": {}}
    log(f"held-out blocks: accuracy {clean['accuracy']:.4f}, macro-F1 {clean['macro_f1']:.4f}")
    in_domain = detector.score(embeddings[val_rows], pooled[val_rows]) <= detector.threshold
    metrics["cases"] = case_figures([data.items[data.rows[r].image] for r in val_rows], probabilities, in_domain,
                                    CLASS_NAMES, config.block_size)
    log(f"held-out blocks as cases: {metrics['cases']['correct']} of {metrics['cases']['n_cases']} suggestions right")
    for name in PERTURBATIONS:
        perturbed_probabilities, perturbed = report(groups[name])
        flagged = float(np.mean(detector.score(embeddings[groups[name]], pooled[groups[name]]) > detector.threshold))
        metrics["perturbations"][name] = {"accuracy": perturbed["accuracy"], "macro_f1": perturbed["macro_f1"],
                                          "recall": {c: v["recall"] for c, v in perturbed["per_class"].items()},
                                          "flagged_out_of_domain": flagged, "strength": PERTURBATION_DOC[name]}
        log(f"  under {name}: accuracy {perturbed['accuracy']:.4f} (flagged out-of-domain {flagged:.1%})")
    metrics["calibration"] = _cross_fitted_calibration(config, data, fit)
    metrics["calibration"]["temperature"] = temperature
    metrics["calibration"]["ece_uncalibrated"] = expected_calibration_error(
        softmax(margins(booster, embeddings[val_rows])), row_labels[val_rows])
    metrics["baseline"] = _colour_baseline(config, data)
    log(f"calibration: ECE {metrics['calibration']['ece']:.4f} (cross-fitted); colour baseline accuracy "
        f"{metrics['baseline']['clean']:.4f}")
    return metrics


def _cross_fitted_calibration(config: TrainConfig, data: _Data, fit: _Fit) -> dict:
    """Fit the temperature on even validation blocks, measure ECE on odd ones, and the other way round."""
    items, rows, val_rows, row_labels = data.items, data.rows, data.groups["validation"], data.row_labels
    embeddings, booster = fit.embeddings, fit.booster
    block_of = np.array([items[rows[r].image].number // config.block_size for r in val_rows])
    parity = (block_of // config.n_folds) % 2
    logits = margins(booster, embeddings[val_rows])
    labels = row_labels[val_rows]
    probabilities = np.zeros_like(logits, dtype=np.float64)
    for half in (0, 1):
        fit_mask, eval_mask = parity != half, parity == half
        if fit_mask.any() and eval_mask.any():
            temperature = fit_temperature(logits[fit_mask], labels[fit_mask])
            probabilities[eval_mask] = softmax(logits[eval_mask], temperature)
    return {"ece": expected_calibration_error(probabilities, labels),
            "reliability_bins": reliability_bins(probabilities, labels),
            "probabilities_for_diagram": probabilities.tolist(), "labels_for_diagram": labels.tolist()}


def _colour_baseline(config: TrainConfig, data: _Data) -> dict:
    from ..imaging import load_model_input

    items, split, seed, input_size = data.items, data.split, config.seed, config.input_size
    train_images = [load_model_input(items[i].path, input_size) for i in split.train]
    val_images = [load_model_input(items[i].path, input_size) for i in split.validation]
    train_labels = np.array([items[i].label for i in split.train])
    val_labels = np.array([items[i].label for i in split.validation])
    model = fit_colour_baseline(train_images, train_labels, seed)
    result = {"clean": float(np.mean(baseline_predict(model, val_images) == val_labels))}
    for name, perturb in PERTURBATIONS.items():
        result[name] = float(np.mean(baseline_predict(model, [perturb(im) for im in val_images]) == val_labels))
    return result


def _stage_bundle(config: TrainConfig, fit: _Fit, digests: dict[str, str], reference) -> Path:
    from ..model.fusion import build_training_model

    trunk, head, booster, temperature, detector = fit.trunk, fit.head, fit.booster, fit.temperature, fit.detector
    out = Path(config.out)
    staging = out.parent / f".{out.name}.staging"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    model, new_trunk, new_head = build_training_model(config.channels, len(CLASS_NAMES),
                                                      tuple(tuple(i.shape[1:]) for i in trunk.inputs))
    new_trunk.set_weights(trunk.get_weights())
    new_head.set_weights(head.get_weights())
    model.save_weights(staging / FUSION_WEIGHTS)
    save_booster(booster, staging / XGBOOST_MODEL)
    atomic_write_text(staging / CALIBRATION, json.dumps({"method": "temperature", "temperature": temperature}) + "\n")
    detector.save(staging / OOD_STATS)
    reference.save(staging)
    _finalise_manifest(staging, config, digests, {})
    return staging


def _evaluate_bundle(staging: Path, config: TrainConfig, data: _Data, detector: DomainDetector,
                     log: Callable[[str], None]) -> dict:
    """Load the staged bundle like the app does and measure it on the held-out images and non-smear probes."""
    from ..model.predictor import XInceptModel
    from ..imaging import load_image
    from .evaluation import analyse_in_chunks, probability_matrix
    from .metrics import auroc
    from .ood_probes import matplotlib_samples, synthetic_non_smears

    input_size, seed, items, split = config.input_size, config.seed, data.items, data.split
    model = XInceptModel.load(staging, weights_folder=config.weights_folder)
    labels = np.array([items[i].label for i in split.validation])
    # the app's path: ruler, training scale, tiles
    results = analyse_in_chunks(model, [load_image(items[i].path) for i in split.validation])
    in_domain_scores = np.array([r.ood_score for r in results])
    report = classification_report(labels, np.array([CLASS_NAMES.index(r.label) for r in results]), CLASS_NAMES)
    probes = synthetic_non_smears(60, input_size, seed) + matplotlib_samples(input_size)
    probe_scores = np.concatenate([model.predict_batch(np.stack([im for _, im in probes[s:s + 16]])).ood_scores
                                   for s in range(0, len(probes), 16)])
    result = {
        "bundle_validation_accuracy": report["accuracy"], "bundle_validation": report,
        "bundle_cases": case_figures([items[i] for i in split.validation], probability_matrix(results, model.classes),
                                     np.array([bool(r.in_domain) for r in results]), CLASS_NAMES, config.block_size),
        "ood": {"probe_count": len(probes), "auroc_non_smear_vs_held_out": auroc(in_domain_scores, probe_scores),
                "probe_flag_rate": float(np.mean(probe_scores > detector.threshold)),
                "held_out_flag_rate": float(np.mean(in_domain_scores > detector.threshold)),
                "threshold": detector.threshold},
    }
    log(f"bundle check: held-out accuracy {report['accuracy']:.4f}; non-smear probes AUROC "
        f"{result['ood']['auroc_non_smear_vs_held_out']:.3f}, flagged {result['ood']['probe_flag_rate']:.1%}")
    segmented = Path(config.data).parent / "Segmented"
    if segmented.is_dir():
        from ..explain.localisation import evaluate_localisation

        held_out = [items[i] for i in split.validation]
        result["localisation"] = evaluate_localisation(model, held_out, config.data, segmented)
        log("Grad-CAM localisation on held-out images: pointing game "
            f"{result['localisation']['pointing_game']:.3f}, heat inside cells "
            f"{result['localisation']['heat_inside_mask']:.3f}, scale-bar corner peaks "
            f"{result['localisation']['scale_bar_corner_peaks']:.3f}")
    return result


def _ship_refit_booster(staging: Path, config: TrainConfig, data: _Data, fit: _Fit, log: Callable[[str], None]) -> dict:
    """Measure what adding neighbouring blocks buys, then ship a booster refit on every image's views (see
    ``refit``); the validation booster stays in the bundle as ``VALIDATION_XGBOOST``."""
    items, rows, groups, row_labels = data.items, data.rows, data.groups, data.row_labels
    embeddings, validation_booster, temperature = fit.embeddings, fit.booster, fit.temperature
    numbers = np.array([items[row.image].number for row in rows])
    held_out_views = sorted(set(groups["validation"]).union(*(groups[name] for name in PERTURBATIONS)))
    check = neighbour_check(embeddings, row_labels, groups["train"], held_out_views, groups["validation"], numbers,
                            config.block_size, validation_booster, len(CLASS_NAMES), config.seed, temperature)
    log(f"neighbour check: each half of the held-out blocks scores {check['accuracy_with_other_half']:.4f} with the "
        f"other half in training (ECE {check['ece_with_other_half']:.4f}), {check['accuracy_without']:.4f} without")
    shipped_rows = all_view_rows(groups)
    booster = refit_booster(embeddings, row_labels, shipped_rows, len(CLASS_NAMES), config.seed)
    os.replace(staging / XGBOOST_MODEL, staging / VALIDATION_XGBOOST)  # staged, and checked, as the validation fit
    save_booster(booster, staging / XGBOOST_MODEL)
    images = len({rows[index].image for index in shipped_rows})
    log(f"shipped XGBoost refit on {len(shipped_rows)} views of {images} images")
    return {"views": len(shipped_rows), "images": images, "neighbour_check": check}


def _write_training_features(staging: Path, data: _Data, fit: _Fit) -> None:
    """The embeddings the shipped XGBoost was fitted on, for site adaptation (``core/adaptation``)."""
    from ..model.training_features import TRAINING_FEATURES, TrainingFeatures

    rows = all_view_rows(data.groups)
    names = ["clean", *[f"aug{k}" for k in range(1, 50)], *PERTURBATIONS]
    views = np.array([names.index(data.rows[row].view) for row in rows])
    TrainingFeatures(fit.embeddings[rows].astype(np.float16), data.row_labels[rows], views).save(
        staging / TRAINING_FEATURES)


def _git_commit() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO_DIR, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                                ":(exclude)models"], cwd=REPO_DIR, capture_output=True, text=True).stdout.strip()
        return commit + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def _run_info(config: TrainConfig, data: _Data, provenance: _Provenance) -> dict:
    import tensorflow as tf
    import xgboost

    split, data_digest, digests = data.split, provenance.data_digest, provenance.backbone_digests
    return {
        "command": config.command, "git_commit": provenance.git_commit, "seed": config.seed,
        "data": str(config.data), "data_sha256sums_hash": data_digest,
        "split": {"method": f"blocks of {config.block_size} consecutive numbers per class, every "
                            f"{config.n_folds}th block (offset {config.fold}) held out; training images within 4 "
                            f"numbers of a held-out block and exact duplicates left out",
                  "block_size": config.block_size, "n_folds": config.n_folds, "offset": config.fold,
                  "train": len(split.train), "validation": len(split.validation), "left_out": len(split.purged)},
        "augmentation": AUGMENTATION_VERSION, "augmented_views_per_image": config.n_augmented,
        "extra_views": _extra_views_note(config, data),
        "epochs": config.epochs, "fusion_channels": config.channels,
        "backbone_weights": digests,
        "duration_seconds": round(time.time() - provenance.began),
        "machine": f"{platform.node()} {platform.machine()} {platform.processor() or ''} "
                   f"{_cpu_count()} CPU cores, {platform.system()} {platform.release()}",
        "software": f"Python {platform.python_version()}, TensorFlow {tf.__version__}, XGBoost {xgboost.__version__}",
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def _extra_views_note(config: TrainConfig, data: _Data) -> str:
    """The kept view lever the trunk trained on, in words ('' when none)."""
    if not config.extra_views:
        return ""
    from .view_levers import VIEW_LEVERS

    extra = sum(1 for row in data.rows if row.view.startswith("aug") and int(row.view[3:]) > config.n_augmented)
    return f"{config.extra_views}: {VIEW_LEVERS[config.extra_views].description} ({extra} views)"


def _cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 0


def _finalise_manifest(staging: Path, config, digests, info) -> Manifest:
    manifest = Manifest(
        name=Path(config.out).name, version=time.strftime("%Y.%m.%d", time.gmtime()),
        classes=list(CLASS_NAMES), input_size=config.input_size,
        preprocessing="RGB, resized to 224x224 (area), pixels scaled to [-1, 1] inside the network",
        fusion_channels=config.channels, backbone_weights=digests,
        created=info.get("created", ""), git_commit=info.get("git_commit", ""),
    )
    return write_manifest(staging, manifest)


def _replace_folder(staging: Path, out: Path) -> None:
    """Swap the staged bundle into place; the old bundle is removed only after the new one is there."""
    backup = out.parent / f".{out.name}.previous"
    if backup.exists():
        shutil.rmtree(backup)
    if out.exists():
        out.rename(backup)
    staging.rename(out)
    if backup.exists():
        shutil.rmtree(backup)
