"""Lymphoblast masks for training the cell gate, from the dataset's Segmented images.

``DIR/../Segmented/<class>/<name>`` holds the same field with everything but the lymphoblasts blacked out. Benign,
Early and Pre masks are good; Segmented Pro is mostly blank, so Pro images (and images with no Segmented twin)
have no mask and do not train the gate. Masks are used for training images only, never for held-out ones.
"""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from ..explain.localisation import MASK_CLASSES, cell_mask
from ...errors import ImageLoadError
from ..imaging import load_model_input

#: value of a mask row that has no mask (the gate loss ignores it)
NO_MASK = -1.0


def segmented_twin(original: Path) -> Path:
    """``.../Original/<class>/<name>`` -> ``.../Segmented/<class>/<name>``."""
    original = Path(original)
    return original.parent.parent.parent / "Segmented" / original.parent.name / original.name


def load_cell_mask(original: Path, input_size: int) -> np.ndarray | None:
    """The cell mask (``input_size`` square, float32 0/1) for an Original image, or None where none is usable."""
    original = Path(original)
    if original.parent.name not in MASK_CLASSES:
        return None
    twin = segmented_twin(original)
    if not twin.is_file():
        return None
    try:
        segmented = load_model_input(twin, input_size)
    except ImageLoadError:
        return None
    return cell_mask(segmented).astype(np.float32)


def to_grid(mask: np.ndarray | None, grid: int) -> np.ndarray:
    """Share of each ``grid`` x ``grid`` cell covered by the mask (area average), or ``NO_MASK`` everywhere."""
    if mask is None:
        return np.full((grid, grid), NO_MASK, np.float32)
    return cv2.resize(mask.astype(np.float32), (grid, grid), interpolation=cv2.INTER_AREA)
