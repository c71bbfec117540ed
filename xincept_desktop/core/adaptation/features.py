"""The lab's images through the loaded model, the way the app reads them: decoded, brought to the training scale
by the ruler (or the microscope profile), cut into tiles; every tile's embedding, pooled backbone features and
the parent's calibrated output are kept, with each tile's weight in its image (``core.scale.tiling``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ...errors import ImageLoadError
from ..imaging import load_image
from ..pipeline import prepare
from ..scale.decision import UNKNOWN
from ..scale.tiling import tile_weights
from ..verification.data import LabDataError, LabImage


@dataclass
class LabFeatures:
    """Per tile: embedding, pooled features, the parent's probabilities and OOD score, and the image it belongs to
    with its weight there; per image: whether its scale was known and its structure values (one per tile)."""
    embeddings: np.ndarray
    pooled: np.ndarray
    probabilities: np.ndarray
    ood_scores: np.ndarray
    image_of_tile: np.ndarray
    tile_weight: np.ndarray
    structure: np.ndarray
    scale_known: np.ndarray  # per image

    def rows_of(self, images: Sequence[int]) -> np.ndarray:
        return np.flatnonzero(np.isin(self.image_of_tile, np.asarray(images)))


def embed_lab_images(model, images: Sequence[LabImage], profile=None, batch_size: int = 16,
                     progress: Callable[[int, int], None] | None = None,
                     should_stop: Callable[[], bool] | None = None) -> LabFeatures | None:
    """Every image's tiles through ``model.predict_batch``; refuses naming every file that cannot be read.
    None when ``should_stop`` ended it."""
    from ..model.ood import image_structure

    plans, unreadable = [], []
    for image in images:
        try:
            rgb = load_image(image.path)
        except (ImageLoadError, MemoryError, OSError) as exc:
            unreadable.append(f"{image.path}: {exc}")
            continue
        plans.append(prepare(rgb, model, profile))
    if unreadable:
        shown = "; ".join(unreadable[:5]) + (f" and {len(unreadable) - 5} more" if len(unreadable) > 5 else "")
        raise LabDataError(f"{len(unreadable)} image(s) could not be read (fix or remove them, then adapt again): "
                           f"{shown}")
    tiles = [tile.image for plan, _ in plans for tile in plan.tiles]
    owner = np.concatenate([np.full(len(plan.tiles), index) for index, (plan, _) in enumerate(plans)])
    parts = []
    for start in range(0, len(tiles), batch_size):
        if should_stop and should_stop():
            return None
        batch = np.stack(tiles[start:start + batch_size])
        prediction = model.predict_batch(batch)
        if prediction.pooled is None:
            raise LabDataError("this model runtime does not give the pooled backbone features adaptation needs")
        parts.append((prediction, image_structure(batch)))
        if progress:
            progress(int(owner[min(start + batch_size, len(tiles)) - 1]) + 1, len(images))
    coverage = np.concatenate([p.gate_coverage if p.gate_coverage is not None else np.ones(len(p.embeddings))
                               for p, _ in parts])
    weights = np.concatenate([tile_weights(plan, coverage[owner == index]) for index, (plan, _) in enumerate(plans)])
    return LabFeatures(
        embeddings=np.concatenate([p.embeddings for p, _ in parts]).astype(np.float32),
        pooled=np.concatenate([p.pooled for p, _ in parts]).astype(np.float32),
        probabilities=np.concatenate([p.probabilities for p, _ in parts]),
        ood_scores=np.concatenate([p.ood_scores for p, _ in parts]),
        image_of_tile=owner, tile_weight=weights,
        structure=np.concatenate([s for _, s in parts]),
        scale_known=np.array([decision.source != UNKNOWN for _, decision in plans]),
    )
