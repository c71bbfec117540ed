"""Stain normalisation at input (torchstain's numpy implementations), for the stain-normalisation lever.

Two methods: Reinhard (per-channel mean and spread in L*a*b* matched to the target's) and Macenko (stain vectors
from the optical-density plane). The target is a mosaic of training images (equal numbers per class), so the
reference is the training hospital's, not one image's. An image a method cannot normalise (a flat or blank field)
is passed through unchanged and counted.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

METHODS = {
    "reinhard": "Reinhard colour transfer in L*a*b* (torchstain 1.4, numpy back end)",
    "macenko": "Macenko stain vectors, transmitted light 255 (torchstain 1.4, numpy back end)",
}


def target_mosaic(images: Sequence[np.ndarray], columns: int = 4) -> np.ndarray:
    """Equal-sized RGB images tiled into one (rows filled left to right; a short last row is left out)."""
    rows = len(images) // columns
    if rows == 0:
        raise ValueError(f"a stain target needs at least {columns} images")
    lines = [np.concatenate(images[r * columns:(r + 1) * columns], axis=1) for r in range(rows)]
    return np.concatenate(lines, axis=0)


class StainNormaliser:
    """Callable: RGB ``uint8`` image -> the same image with the target's colour statistics (``method`` one of
    ``METHODS``)."""

    def __init__(self, target: np.ndarray, method: str = "reinhard"):
        import torchstain

        if method not in METHODS:
            raise ValueError(f"unknown stain normalisation {method!r}; known: {', '.join(METHODS)}")
        self.method = method
        if method == "reinhard":
            self._normaliser = torchstain.normalizers.ReinhardNormalizer(backend="numpy")
            self._options = {}
        else:
            self._normaliser = torchstain.normalizers.MacenkoNormalizer(backend="numpy")
            self._options = {"Io": 255, "stains": False}
        with np.errstate(divide="raise", invalid="raise", over="raise"):
            self._normaliser.fit(target, **{k: v for k, v in self._options.items() if k == "Io"})
        self.unchanged = 0  # images that could not be normalised and were passed through

    def __call__(self, rgb: np.ndarray) -> np.ndarray:
        try:
            with np.errstate(divide="raise", invalid="raise", over="raise"):
                normalised = self._normaliser.normalize(rgb, **self._options)
        except (FloatingPointError, np.linalg.LinAlgError, ValueError, IndexError):
            self.unchanged += 1
            return rgb
        if isinstance(normalised, tuple):
            normalised = normalised[0]
        return np.ascontiguousarray(normalised, dtype=np.uint8)
