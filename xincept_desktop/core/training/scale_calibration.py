"""Scale calibration (``xincept calibrate-scale``, command line in ``cli_calibrate``; the last stage of ``xincept
train``): give a bundle its scale reference and put the microscope-scale figures on its model card.

1. The ruler reads every training image; the medians and spreads become the bundle's ``scale.json``.
2. On the held-out blocks (images that trained nothing): how the ruler follows a known rescaling (0.4x-2.5x of the
   whole image), and the scale table of :mod:`.scale_evaluation`, before and after normalisation, scored with
   the validation fit's XGBoost.
3. The figures go into ``model_card.json`` and ``MODEL_CARD.md``; the manifest is rewritten (new model hash).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Callable

import numpy as np

from ...config import CLASS_NAMES
from ...errors import ModelIntegrityError
from ..atomic import atomic_write_text
from ..imaging import load_image, resize
from ..model.bundle import VALIDATION_XGBOOST, XGBOOST_MODEL, read_manifest, write_manifest
from ..scale import build_reference
from ..scale.reference import ScaleReference, combined
from ..scale.ruler import read_scale
from .dataset import LabelledImage

TRACKING_FACTORS = (0.4, 0.5, 0.75, 1.5, 2.0, 2.5)
#: every second training image measures the ruler's small-cell bias (7 shrunk copies each, about a minute)
SMALL_CELL_STRIDE = 2
CARD_JSON, CARD_MD = "model_card.json", "MODEL_CARD.md"


def calibrate_scale(bundle: Path, items: list[LabelledImage], split, log: Callable[[str], None],
                    weights_folder: Path | None = None, command: str = "",
                    reference: ScaleReference | None = None) -> dict:
    """Write ``scale.json`` into ``bundle``, measure, update the card and the manifest; return the figures.

    ``reference``: the one training used (``xincept train``, which brings its views to that scale); without it
    the reference is read from the training images, for a network trained on the photographs as they are."""
    from ..model.predictor import XInceptModel
    from .scale_evaluation import scale_table, table_markdown

    began = time.time()
    bundle = Path(bundle)
    training = [load_image(items[i].path) for i in split.train]
    trained_at_scale = reference.trained_at_scale if reference is not None else _trained_at_scale(bundle)
    reference, raw = build_reference(training, trained_at_scale=trained_at_scale)
    reference = with_small_cell_correction(reference, training[::SMALL_CELL_STRIDE], raw[::SMALL_CELL_STRIDE])
    reference.save(bundle)
    _rewrite_manifest(bundle)
    log(f"scale reference from {len(training)} training images: red cells {reference.red_cell_px:.1f} px, "
        f"training scales {reference.training_spread[0]:.2f}-{reference.training_spread[1]:.2f}x")
    figures = {"reference": {"red_cell_px": reference.red_cell_px, "band": list(reference.band),
                             "training_spread": list(reference.training_spread),
                             "aspect_band": list(reference.aspect_band), "images": reference.images,
                             "trained_at_scale": reference.trained_at_scale,
                             "small_cell_knots": [list(knot) for knot in reference.small_cell_knots],
                             "small_cell_images": len(training[::SMALL_CELL_STRIDE])},
               "spread_by_class": _spread_by_class(reference, raw, [items[i].label for i in split.train])}
    held_out = [items[i] for i in split.validation]
    images = [load_image(item.path) for item in held_out]
    figures["tracking"] = ruler_tracking(reference, images)
    log("ruler on rescaled held-out images (median reading / true factor, share within 10 %): " + ", ".join(
        f"{f}x {v['median_ratio']:.2f} / {v['within_10_percent']:.0%}" for f, v in figures["tracking"].items()))
    booster = VALIDATION_XGBOOST if VALIDATION_XGBOOST in read_manifest(bundle).files else XGBOOST_MODEL
    model = XInceptModel.load(bundle, weights_folder=weights_folder, booster_file=booster)
    figures["table"] = scale_table(model, images, [CLASS_NAMES[item.label] for item in held_out],
                                   [(item.label, item.number // 20) for item in held_out], progress=log)
    figures["xgboost"] = booster
    figures["command"] = command
    figures["duration_seconds"] = round(time.time() - began)
    log("scale table (held-out blocks):\n" + table_markdown(figures["table"]))
    _update_card(bundle, figures)
    _rewrite_manifest(bundle)
    return figures


def _trained_at_scale(bundle: Path) -> bool:
    """Whether the bundle's network was trained at the training scale (kept when the reference is rebuilt)."""
    try:
        existing = ScaleReference.load(bundle)
    except ModelIntegrityError:  # a damaged reference is rebuilt from the images
        return False
    return bool(existing and existing.trained_at_scale)


def ruler_tracking(reference: ScaleReference, images: list[np.ndarray]) -> dict:
    """Per factor: median of (reading on the resized image / reading on the image) / factor, and the share of
    images within 10 % of the factor."""
    base = np.array([_scale(reference, image) for image in images])
    tracking = {}
    for factor in TRACKING_FACTORS:
        read = np.array([_scale(reference, resize(image, round(image.shape[1] * factor), round(image.shape[0] * factor)))
                         for image in images])
        ratio = read / base / factor
        ratio = ratio[np.isfinite(ratio)]
        tracking[str(factor)] = {"median_ratio": float(np.median(ratio)),
                                 "within_10_percent": float(np.mean(np.abs(np.log(ratio)) <= np.log(1.10))),
                                 "p10": float(np.percentile(ratio, 10)), "p90": float(np.percentile(ratio, 90)),
                                 "n": int(ratio.size)}
    return tracking


def _scale(reference: ScaleReference, image: np.ndarray) -> float:
    x, y = reference.scale_of(read_scale(image))
    return float(np.sqrt(x * y))


def with_small_cell_correction(reference: ScaleReference, images: list[np.ndarray],
                               raw: np.ndarray) -> ScaleReference:
    """``reference`` with the ruler's small-cell bias measured on ``images`` shrunk by known factors
    (``core/scale/small_cells``); ``raw``: the ruler's readings of ``images`` at full size (``build_reference``'s)."""
    from dataclasses import replace

    from ..scale.small_cells import fit_small_cell_correction, shrunk_readings

    own = np.stack(combined(np.asarray(raw) / np.asarray(reference.reference_px)), axis=1)
    full, shrunk, factors = shrunk_readings(images, lambda image: combined(reference.relative(read_scale(image))),
                                            own)
    return replace(reference, small_cell_knots=fit_small_cell_correction(full, shrunk, factors))


def _spread_by_class(reference: ScaleReference, raw: np.ndarray, labels: list[int]) -> dict:
    x, y = combined(raw / np.asarray(reference.reference_px))
    scale = np.sqrt(x * y)
    labels = np.array(labels)
    return {name: {"p5": float(np.nanpercentile(scale[labels == i], 5)),
                   "median": float(np.nanmedian(scale[labels == i])),
                   "p95": float(np.nanpercentile(scale[labels == i], 95)),
                   "red_cell_px_median": float(np.nanmedian(scale[labels == i]) * reference.red_cell_px)}
            for i, name in enumerate(CLASS_NAMES) if np.any(labels == i)}


def _update_card(bundle: Path, figures: dict) -> None:
    from .model_card import render_markdown

    path = bundle / CARD_JSON
    card = json.loads(path.read_text(encoding="utf-8"))
    card["metrics"]["scale"] = figures
    atomic_write_text(path, json.dumps(card, indent=2, sort_keys=True) + "\n")
    atomic_write_text(bundle / CARD_MD, render_markdown(card))


def _rewrite_manifest(bundle: Path) -> None:
    write_manifest(bundle, read_manifest(bundle))
