"""``adapt(model, request)``: from a loaded bundle and the lab's labelled images to a new, site-adapted bundle.

Refuses (``LabDataError``, nothing written) when a class is missing or has fewer than 20 images, a label is
unknown, a file cannot be read, the destination exists, or the parent bundle has no training features.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

import numpy as np

from ..model.calibration import expected_calibration_error, softmax
from ..model.training_features import TRAINING_FEATURES, TrainingFeatures
from ..model.xgb_head import margins
from ..scale.tiling import aggregate
from ..verification.data import LabDataError, lab_data_digest, read_lab_data
from .bundle_writer import write_adapted_bundle
from .features import LabFeatures, embed_lab_images
from .fit import LAB_SHARE, SiteFit, fit_site
from .split import ADAPT_BLOCK_SIZE, check_counts, split_lab


@dataclass(frozen=True)
class AdaptRequest:
    data: Path
    out: Path
    name: str = ""
    seed: int = 7
    profile: object = None  # the lab's microscope profile, where the ruler cannot read an image's scale


@dataclass(frozen=True)
class AdaptOutcome:
    folder: Path
    provenance: dict


def adapt(model, request: AdaptRequest, log: Callable[[str], None] = lambda _m: None,
          progress: Callable[[int, int], None] | None = None,
          should_stop: Callable[[], bool] | None = None) -> AdaptOutcome | None:
    """Fit, measure and write the adapted bundle; None when ``should_stop`` ended it (nothing written)."""
    began = time.monotonic()
    out = Path(request.out)
    if out.exists():
        raise LabDataError(f"{out} already exists: give a new folder for the adapted model")
    if not out.parent.is_dir():
        raise LabDataError(f"the folder {out.parent} does not exist")
    if getattr(model, "folder", None) is None:
        raise LabDataError("the loaded model does not say which bundle folder it came from: load it from its folder")
    parent_folder = Path(model.folder)
    features_file = parent_folder / TRAINING_FEATURES
    if not features_file.is_file():
        raise LabDataError(f"the model {model.version_label} keeps no training features ({TRAINING_FEATURES}); "
                           f"run 'xincept training-features --data TRAINING_DATA --model {parent_folder}' first")
    classes = list(model.classes)
    images = read_lab_data(request.data, classes, block_size=ADAPT_BLOCK_SIZE, require_all_classes=True)
    check_counts(images, classes)
    split = split_lab(images, classes)
    training = TrainingFeatures.load(features_file)
    log(f"{len(images)} lab images: {len(split.fit)} to fit, {len(split.held_out)} held out to measure, "
        f"{len(split.left_out)} left out beside held-out blocks")
    used = split.fit + split.held_out
    lab = embed_lab_images(model, [images[i] for i in used], request.profile, progress=progress,
                           should_stop=should_stop)
    if lab is None:
        return None
    local = {index: position for position, index in enumerate(used)}
    labels = np.array([images[i].label for i in used])
    groups = np.array([images[i].group for i in used])
    fit_rows = lab.rows_of([local[i] for i in split.fit])
    log(f"embedded {len(used)} images in {time.monotonic() - began:.0f} s; refitting the head")
    site = fit_site(model.detector, training.embeddings, training.labels, lab.embeddings[fit_rows],
                    labels[lab.image_of_tile[fit_rows]], lab.pooled[fit_rows], lab.structure[fit_rows],
                    lab.tile_weight[fit_rows], groups[lab.image_of_tile[fit_rows]], len(classes), request.seed)
    if should_stop and should_stop():
        return None
    held = [local[i] for i in split.held_out]
    before = held_out_figures(lab, held, labels, lab.probabilities, lab.ood_scores, model.detector.threshold)
    after_probabilities = softmax(margins(site.booster, lab.embeddings), site.temperature)
    after = held_out_figures(lab, held, labels, after_probabilities, site_scores(site, lab), site.detector.threshold)
    log(f"held-out lab images: accuracy {before['accuracy']:.4f} -> {after['accuracy']:.4f}, flagged out of "
        f"domain {before['ood_rate']:.1%} -> {after['ood_rate']:.1%}")
    name = request.name.strip() or out.name
    provenance = _provenance(model, request, name, images, split, training, site, before, after)
    manifest = replace(model.manifest, name=name, version=time.strftime("%Y.%m.%d", time.gmtime()),
                       created=provenance["created"], adapted_from=f"{model.manifest.name} {model.manifest.version}",
                       parent_hash=model.manifest.short_hash, site=name, files={})
    written = write_adapted_bundle(parent_folder, model.manifest, out, site, provenance, manifest)
    log(f"adapted model {written.name} {written.version} ({written.short_hash}) written to {out} in "
        f"{time.monotonic() - began:.0f} s")
    return AdaptOutcome(out, provenance)


def site_scores(site: SiteFit, lab: LabFeatures) -> np.ndarray:
    """Per tile: the adapted detector's score (its structure check from the tiles' stored structure values)."""
    scores = site.detector.score(lab.embeddings, lab.pooled)
    if site.detector.structure_threshold > 0:
        scores = np.maximum(scores, site.detector.structure_threshold / np.maximum(lab.structure, 1e-6))
    return scores


def held_out_figures(lab: LabFeatures, images: list[int], labels: np.ndarray, probabilities: np.ndarray,
                     ood_scores: np.ndarray, threshold: float) -> dict:
    """Image-level accuracy, ECE and out-of-domain rate: tiles aggregated with their weights, as the app does."""
    per_image, flagged = [], []
    for image in images:
        rows = np.flatnonzero(lab.image_of_tile == image)
        weights = lab.tile_weight[rows] / lab.tile_weight[rows].sum()
        aggregated = aggregate(probabilities[rows], weights)
        per_image.append(aggregated / aggregated.sum())
        flagged.append(float(aggregate(ood_scores[rows], weights)) > threshold or not lab.scale_known[image])
    per_image = np.asarray(per_image)
    truth = labels[images]
    return {"n": len(images), "accuracy": float(np.mean(per_image.argmax(1) == truth)),
            "ece": expected_calibration_error(per_image, truth), "ood_rate": float(np.mean(flagged))}


def _provenance(model, request: AdaptRequest, name: str, images, split, training: TrainingFeatures, site: SiteFit,
                before: dict, after: dict) -> dict:
    return {
        "name": name,
        "site": name,
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "parent": {"name": model.manifest.name, "version": model.manifest.version, "hash": model.manifest.short_hash,
                   "label": model.version_label},
        "lab": {"data": str(request.data), "digest": lab_data_digest(images), "images": len(images),
                "fit_images": len(split.fit), "held_out_images": len(split.held_out),
                "left_out_images": len(split.left_out),
                "split": f"every third block of {ADAPT_BLOCK_SIZE} consecutive numbers (or case) per class"},
        "training_rows": int(len(training.labels)),
        "lab_share": LAB_SHARE,
        "temperature": site.temperature,
        "held_out": {"before": before, "after": after},
        "kept": "backbones and fusion trunk of the parent; XGBoost head, temperature and out-of-domain statistics refit",
        "seed": request.seed,
    }
