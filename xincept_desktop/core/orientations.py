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
