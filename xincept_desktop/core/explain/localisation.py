"""Measure where the heat maps point, using the dataset's Segmented images as cell masks.

For each image with a mask (non-black pixel = cell; Segmented Pro is mostly blank and left out):

- pointing game: the heat maximum lies inside the mask dilated by 5 px;
- heat inside the mask: share of the heat map's total inside the mask itself (a random map scores the mask's area);
- scale-bar corner: the maximum lies in the bottom-right 48 x 32 px corner, away from any cell;
- deletion / insertion (faithfulness): the predicted class's probability as the hottest pixels are replaced by a
  blurred copy (deletion, lower area is better) or restored into the blurred copy (insertion, higher is better).
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from ..imaging import load_image, to_model_input
from .heatmap import upsample_cam

MASK_CLASSES = ("Benign", "Early", "Pre")
CORNER_WIDTH, CORNER_HEIGHT = 48, 32
FRACTIONS = (0.0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1.0)


def cell_mask(segmented_rgb: np.ndarray, level: int = 20) -> np.ndarray:
    """Non-black pixels of a Segmented image (JPEG noise below ``level`` counts as black)."""
    return segmented_rgb.max(axis=2) > level


def dilate(mask: np.ndarray, pixels: int) -> np.ndarray:
    import cv2

    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * pixels + 1, 2 * pixels + 1))
    return cv2.dilate(mask.astype(np.uint8), kernel).astype(bool)


def peak(heat: np.ndarray) -> tuple[int, int]:
    return tuple(int(v) for v in np.unravel_index(int(np.argmax(heat)), heat.shape))


def pointing_hit(heat: np.ndarray, mask: np.ndarray, tolerance: int = 5) -> bool:
    y, x = peak(heat)
    return bool(dilate(mask, tolerance)[y, x])


def heat_inside(heat: np.ndarray, mask: np.ndarray) -> float:
    total = float(heat.sum())
    return float(heat[mask].sum() / total) if total > 0 else 0.0


def peak_in_scale_bar_corner(heat: np.ndarray, mask: np.ndarray) -> bool:
    y, x = peak(heat)
    height, width = heat.shape
    in_corner = y >= height - CORNER_HEIGHT and x >= width - CORNER_WIDTH
    return bool(in_corner and not dilate(mask, 5)[y, x])


def faithfulness_images(image: np.ndarray, heat: np.ndarray, fractions: Sequence[float] = FRACTIONS):
    """Deletion and insertion series: images with the hottest ``fraction`` of pixels removed / restored."""
    import cv2

    blurred = cv2.GaussianBlur(image, (0, 0), 10)
    order = np.argsort(-heat.ravel(), kind="stable")
    deletion, insertion = [], []
    for fraction in fractions:
        chosen = np.zeros(heat.size, bool)
        chosen[order[: int(round(fraction * heat.size))]] = True
        chosen = chosen.reshape(heat.shape)[..., None]
        deletion.append(np.where(chosen, blurred, image))
        insertion.append(np.where(chosen, image, blurred))
    return np.stack(deletion), np.stack(insertion)


def area_under(values: Sequence[float], fractions: Sequence[float] = FRACTIONS) -> float:
    return float(np.trapezoid(values, fractions))


def evaluate_localisation(model, items, data_root: Path, segmented_root: Path, limit: int = 120,
                          method: str = "gradcam", faithfulness_limit: int = 40) -> dict:
    """Localisation metrics over up to ``limit`` images of the mask classes that have a Segmented twin."""
    pairs = _pairs_with_masks(items, Path(data_root), Path(segmented_root))[:limit]
    hits, inside, corner, areas, deletion_curves, insertion_curves = [], [], [], [], [], []
    for index, (item, mask_path) in enumerate(pairs):
        image = to_model_input(load_image(item.path), model.input_size)
        mask = cell_mask(to_model_input(load_image(mask_path), model.input_size))
        batch = model.predict_batch(image[None])
        predicted = int(batch.labels[0])
        heat = upsample_cam(batch.cams[method][0, predicted], *image.shape[:2])
        hits.append(pointing_hit(heat, mask))
        inside.append(heat_inside(heat, mask))
        corner.append(peak_in_scale_bar_corner(heat, mask))
        areas.append(float(mask.mean()))
        if index < faithfulness_limit:
            deleted, inserted = faithfulness_images(image, heat)
            deletion_curves.append(model.predict_batch(deleted).probabilities[:, predicted])
            insertion_curves.append(model.predict_batch(inserted).probabilities[:, predicted])
    deletion = np.mean(deletion_curves, axis=0) if deletion_curves else np.zeros(len(FRACTIONS))
    insertion = np.mean(insertion_curves, axis=0) if insertion_curves else np.zeros(len(FRACTIONS))
    return {
        "images": len(pairs), "method": method,
        "pointing_game": float(np.mean(hits)) if hits else float("nan"),
        "heat_inside_mask": float(np.mean(inside)) if inside else float("nan"),
        "mask_area": float(np.mean(areas)) if areas else float("nan"),
        "scale_bar_corner_peaks": float(np.mean(corner)) if corner else float("nan"),
        "deletion_curve": [float(v) for v in deletion], "insertion_curve": [float(v) for v in insertion],
        "deletion_auc": area_under(deletion), "insertion_auc": area_under(insertion),
        "fractions": list(FRACTIONS), "faithfulness_images": len(deletion_curves),
    }


def _pairs_with_masks(items, data_root: Path, segmented_root: Path):
    from ...config import CLASS_NAMES

    pairs = []
    for item in items:
        class_name = CLASS_NAMES[item.label]
        if class_name not in MASK_CLASSES:
            continue
        mask_path = segmented_root / class_name / item.path.name
        if mask_path.is_file():
            pairs.append((item, mask_path))
    return pairs
