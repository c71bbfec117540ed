"""The training images' scale: what the ruler read on them, stored in a model bundle as ``scale.json``.

``build_reference`` runs the ruler over the training photographs (label-free: it describes the acquisition, not
the classes) and keeps, per estimator and axis, the median reading in pixels, the band of scales left as they are
(within ``TOLERANCE`` of the median), the spread of the training images' own scales, and the 1st-99th percentile
band of the cells' aspect (y / x). ``RED_CELL_UM`` and the median red-cell diameter turn a
microscope profile's micrometres per pixel into a scale when the ruler cannot read one.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from ...errors import ModelIntegrityError
from ..atomic import atomic_write_text
from .ruler import ESTIMATORS, MAX_DISAGREEMENT, MIN_CELLS, ScaleReading, diameter_from_chords, read_scale
from .small_cells import correct

SCALE_FILE = "scale.json"
#: the diameter of a normal red cell, micrometres (7-8 um)
RED_CELL_UM = 7.5
#: an image whose red cells are within this factor of the training median is left as it is (the ruler's own
#: spread on rescaled images); anything else is rescaled to the median. Not the training images' own spread
#: (about 0.7-1.6x): scale follows the class there (Pro fields 0.87x, Pre 1.09x), so the model has learned it,
#: and leaving a magnified Pro field inside that spread reads it as Pre (measured: see the model card).
TOLERANCE = 1.10
#: the estimators may disagree as much as they do on 99.5 % of the training images (at least MAX_DISAGREEMENT)
DISAGREEMENT_PERCENTILE = 99.5


@dataclass(frozen=True)
class ScaleReference:
    reference_px: tuple[tuple[float, float], ...]  # per estimator: median (x, y) reading on the training images
    band: tuple[float, float]  # relative scales left as they are (1 / TOLERANCE, TOLERANCE)
    aspect_band: tuple[float, float]  # relative aspects (y / x) of the training images (1st-99th pct, widened
    # by TOLERANCE)
    red_cell_px: float  # median red-cell diameter of the training images, pixels (x-y geometric mean)
    images: int
    training_spread: tuple[float, float] = (float("nan"), float("nan"))  # 1st-99th percentile of training scales
    estimators: tuple[str, ...] = ESTIMATORS
    max_disagreement: float = MAX_DISAGREEMENT
    min_cells: int = MIN_CELLS
    #: the network was trained on views brought to this scale (``core/training/scale_views``): nothing is read at
    #: the photograph's own scale for comparison. False for a network trained on the photographs as they are.
    trained_at_scale: bool = False
    #: the ruler's small-cell bias undone (``core/scale/small_cells``): knots (reading, corrected reading); empty in
    #: a bundle made before it (readings then used as they are)
    small_cell_knots: tuple[tuple[float, float], ...] = ()

    def relative(self, reading: ScaleReading) -> np.ndarray:
        """(estimators, 2) array: each reading divided by its training median (NaN where it failed)."""
        return np.asarray(reading.raw, np.float64) / np.asarray(self.reference_px, np.float64)

    def scale_of(self, reading: ScaleReading) -> tuple[float, float]:
        """The (x, y) scale a reading gives: the estimators' median relative to the training median, with the
        ruler's small-cell bias undone (NaN where it failed)."""
        scale_x, scale_y = combined(self.relative(reading))
        return float(correct(scale_x, self.small_cell_knots)), float(correct(scale_y, self.small_cell_knots))

    def save(self, folder: Path) -> Path:
        path = Path(folder) / SCALE_FILE
        atomic_write_text(path, json.dumps(asdict(self), indent=2) + "\n")
        return path

    @classmethod
    def load(cls, folder: Path) -> "ScaleReference | None":
        """The bundle's reference, or ``None`` for a bundle made before the ruler existed."""
        path = Path(folder) / SCALE_FILE
        if not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            reference = cls(
                reference_px=tuple(tuple(float(v) for v in pair) for pair in data["reference_px"]),
                band=tuple(float(v) for v in data["band"]), aspect_band=tuple(float(v) for v in data["aspect_band"]),
                training_spread=tuple(float(v) for v in data["training_spread"]),
                red_cell_px=float(data["red_cell_px"]), images=int(data["images"]),
                estimators=tuple(data["estimators"]), max_disagreement=float(data["max_disagreement"]),
                min_cells=int(data["min_cells"]), trained_at_scale=bool(data.get("trained_at_scale", False)),
                small_cell_knots=tuple((float(a), float(b)) for a, b in data.get("small_cell_knots", ())))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelIntegrityError(f"scale reference is damaged: {path} ({exc})") from exc
        if reference.estimators != ESTIMATORS or len(reference.reference_px) != len(ESTIMATORS):
            raise ModelIntegrityError(f"scale reference was made by another ruler ({reference.estimators}): {path}")
        return reference


def build_reference(images: Iterable[np.ndarray], trained_at_scale: bool = False) -> tuple[ScaleReference, np.ndarray]:
    """Read every image; return the reference and the (n, estimators, 2) raw readings it came from."""
    readings = [read_scale(image) for image in images]
    raw = np.array([r.raw for r in readings], np.float64)
    if len(raw) == 0:
        raise ValueError("no images to build a scale reference from")
    reference_px = np.nanmedian(raw, axis=0)
    relative = raw / reference_px
    scale_x, scale_y = combined(relative)
    scale = np.sqrt(scale_x * scale_y)
    aspect = scale_y / scale_x
    diameters = np.array([red_cell_diameter(r) for r in readings])
    spread = float(np.nanpercentile(disagreement(relative), DISAGREEMENT_PERCENTILE))
    reference = ScaleReference(
        reference_px=tuple(tuple(float(v) for v in row) for row in reference_px),
        band=(1.0 / TOLERANCE, TOLERANCE), aspect_band=_band(aspect, TOLERANCE), red_cell_px=float(np.nanmedian(diameters)),
        images=len(raw), training_spread=_band(scale), max_disagreement=max(MAX_DISAGREEMENT, spread),
        trained_at_scale=trained_at_scale)
    return reference, raw


def combined(relative: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Median over the estimators (axis -2) of relative readings, per axis: (x, y). With three estimators the
    median follows the two that agree when one drifts."""
    with np.errstate(all="ignore"):
        return np.nanmedian(relative[..., 0], axis=-1), np.nanmedian(relative[..., 1], axis=-1)


def disagreement(relative: np.ndarray) -> np.ndarray:
    """Largest over smallest of the estimators' (x-y geometric mean) readings."""
    per_estimator = np.sqrt(relative[..., 0] * relative[..., 1])
    with np.errstate(all="ignore"):
        return np.nanmax(per_estimator, axis=-1) / np.nanmin(per_estimator, axis=-1)


def red_cell_diameter(reading: ScaleReading) -> float:
    """Red-cell diameter in pixels from the chord reading."""
    return diameter_from_chords(reading.raw[0])


def _band(values: np.ndarray, widen: float = 1.0) -> tuple[float, float]:
    low, high = np.nanpercentile(values, [1, 99])
    return float(low / widen), float(high * widen)
