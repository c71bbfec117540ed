"""The four ways an image is read when its first reading is unsure (and the levers study's test-time views): as
taken, mirrored left-right, mirrored top-bottom, turned 90 degrees. A blood smear has no up, down or side, so each
is as valid a photograph of the same cells."""

from __future__ import annotations

from typing import Callable

import numpy as np

ORIENTATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "as taken": lambda image: image,
    "mirrored left-right": lambda image: np.ascontiguousarray(image[:, ::-1]),
    "mirrored top-bottom": lambda image: np.ascontiguousarray(image[::-1]),
    "turned 90 degrees": lambda image: np.ascontiguousarray(np.rot90(image)),
}

#: each orientation undone on maps whose last two axes are rows and columns (a heat map read on the turned image,
#: brought back over the photograph as taken)
UNDONE_ON_MAPS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "as taken": lambda maps: maps,
    "mirrored left-right": lambda maps: np.ascontiguousarray(maps[..., :, ::-1]),
    "mirrored top-bottom": lambda maps: np.ascontiguousarray(maps[..., ::-1, :]),
    "turned 90 degrees": lambda maps: np.ascontiguousarray(np.rot90(maps, k=-1, axes=(-2, -1))),
}
