"""Bring an image to the training scale and cut it into model inputs; put the tiles' answers back together.

- The image is resized by the :class:`ScaleDecision`'s factors.
- A side longer than the input is covered by evenly spaced tiles that overlap by at least a quarter.
- A side shorter than the input (a higher magnification) is reflection-padded. Measured against padding with the
  field's background colour on held-out images at 1.5x and 2x (model card): a plain border made the model read
  magnified Pre fields as other classes and flagged most of them out of domain; mirrored smear keeps the input
  looking like a smear.
- With the scale unknown, the whole field is fitted into one input (the behaviour before the ruler).

Aggregation rule: the image's probabilities and out-of-domain score are the means over its tiles weighted by
``cell-gate coverage x share of the tile that is image`` (tiles showing more of the cells the model reads count
more; a tile of background or padding counts little). The heat maps are stitched on the resized image's grid
(8 px per cell at 224): each tile's maps are scaled by its weight relative to the heaviest tile, overlaps are
averaged, and each class's map is scaled back to [0, 1].
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..imaging import resize, to_model_input
from .decision import ScaleDecision

MIN_OVERLAP = 0.25
PAD_BACKGROUND, PAD_REFLECT = "background", "reflect"


@dataclass(frozen=True)
class Tile:
    image: np.ndarray  # (size, size, 3) uint8 model input
    origin: tuple[int, int]  # (x, y) of the tile's top-left corner on the resized image (negative when padded)
    image_share: float  # fraction of the tile that shows the image (the rest is padding)


@dataclass(frozen=True)
class TilePlan:
    tiles: list[Tile]
    resized_shape: tuple[int, int]  # (height, width) of the image after resizing
    original_shape: tuple[int, int]
    size: int

    def boxes_on_original(self) -> list[tuple[int, int, int, int]]:
        """Each tile's part of the image as (x0, y0, x1, y1) in original pixels."""
        height, width = self.resized_shape
        ratio_y = self.original_shape[0] / height
        ratio_x = self.original_shape[1] / width
        boxes = []
        for tile in self.tiles:
            x0, y0 = max(0, tile.origin[0]), max(0, tile.origin[1])
            x1, y1 = min(width, tile.origin[0] + self.size), min(height, tile.origin[1] + self.size)
            boxes.append((round(x0 * ratio_x), round(y0 * ratio_y), round(x1 * ratio_x), round(y1 * ratio_y)))
        return boxes


def plan_tiles(rgb: np.ndarray, decision: ScaleDecision, size: int, pad: str = PAD_REFLECT) -> TilePlan:
    original = rgb.shape[:2]
    if not decision.known:
        return TilePlan([Tile(to_model_input(rgb, size), (0, 0), 1.0)], (size, size), original, size)
    height = max(1, round(original[0] * decision.resize_y))
    width = max(1, round(original[1] * decision.resize_x))
    if (height, width) != original:
        rgb = resize(rgb, width, height)
    fill = background_colour(rgb)
    tiles = [cut_tile(rgb, x, y, size, pad, fill) for y in tile_starts(height, size) for x in tile_starts(width, size)]
    return TilePlan(tiles, (height, width), original, size)


def tile_starts(length: int, size: int) -> list[int]:
    """Evenly spaced starts covering ``length`` with tiles of ``size`` overlapping by >= ``MIN_OVERLAP``; one
    centred (negative) start when the side is shorter than a tile."""
    if length <= size:
        return [-((size - length) // 2)]
    stride = size * (1.0 - MIN_OVERLAP)
    count = math.ceil((length - size) / stride) + 1
    return [round(i * (length - size) / (count - 1)) for i in range(count)]


def background_colour(rgb: np.ndarray) -> np.ndarray:
    return np.percentile(rgb.reshape(-1, 3), 95, axis=0).astype(np.uint8)


def cut_tile(rgb: np.ndarray, x: int, y: int, size: int, pad: str, fill: np.ndarray | None = None) -> Tile:
    """The ``size`` square at ``(x, y)`` of ``rgb`` (an image or a mask), padded where it leaves the field:
    mirrored (``PAD_REFLECT``) or with ``fill`` (``PAD_BACKGROUND``)."""
    import cv2

    height, width = rgb.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(width, x + size), min(height, y + size)
    crop = rgb[y0:y1, x0:x1]
    top, left = y0 - y, x0 - x
    bottom, right = size - top - crop.shape[0], size - left - crop.shape[1]
    if (top, left, bottom, right) == (0, 0, 0, 0):
        tile = np.ascontiguousarray(crop)
    elif pad == PAD_REFLECT:
        tile = cv2.copyMakeBorder(crop, top, bottom, left, right, cv2.BORDER_REFLECT_101)
    else:
        tile = cv2.copyMakeBorder(crop, top, bottom, left, right, cv2.BORDER_CONSTANT,
                                  value=tuple(int(v) for v in (fill if fill is not None else background_colour(crop))))
    share = crop.shape[0] * crop.shape[1] / float(size * size)
    return Tile(tile, (x, y), share)


def tile_weights(plan: TilePlan, gate_coverage: np.ndarray) -> np.ndarray:
    """``cell-gate coverage x image share`` per tile; equal weights when no tile shows any cell."""
    shares = np.array([t.image_share for t in plan.tiles], np.float64)
    weights = np.asarray(gate_coverage, np.float64) * shares
    if not np.isfinite(weights).all() or weights.sum() <= 1e-9:
        return shares / shares.sum()
    return weights / weights.sum()


def aggregate(values: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted mean over the first axis."""
    return np.tensordot(weights, np.asarray(values, np.float64), axes=(0, 0))


def stitch(plan: TilePlan, cams: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """(tiles, classes, g, g) maps in [0, 1] -> (classes, H, W) on the resized image's grid, each map in [0, 1]."""
    cams = np.asarray(cams, np.float32)
    if len(plan.tiles) == 1 and plan.tiles[0].image_share == 1.0:
        return cams[0]
    classes, grid = cams.shape[1], cams.shape[2]
    cell = plan.size / grid
    height, width = plan.resized_shape
    rows, cols = max(1, round(height / cell)), max(1, round(width / cell))
    total = np.zeros((classes, rows, cols), np.float32)
    count = np.zeros((rows, cols), np.float32)
    relative = weights / max(float(weights.max()), 1e-12)
    for tile, cam, weight in zip(plan.tiles, cams, relative):
        top, left = round(tile.origin[1] / cell), round(tile.origin[0] / cell)
        r0, c0 = max(0, top), max(0, left)
        r1, c1 = min(rows, top + grid), min(cols, left + grid)
        if r1 <= r0 or c1 <= c0:
            continue
        total[:, r0:r1, c0:c1] += weight * cam[:, r0 - top:r1 - top, c0 - left:c1 - left]
        count[r0:r1, c0:c1] += 1.0
    return peak_normalised(total / np.maximum(count, 1.0))


def peak_normalised(maps: np.ndarray) -> np.ndarray:
    """(classes, H, W) maps, each divided by its own peak (an all-zero map stays zero), as float32."""
    peaks = maps.reshape(maps.shape[0], -1).max(axis=1)
    return (maps / np.maximum(peaks, 1e-12)[:, None, None]).astype(np.float32)
