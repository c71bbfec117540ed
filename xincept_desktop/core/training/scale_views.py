"""Training views at the training scale: what the app's scale normalisation gives the network, and the fields other
microscopes would show.

The app measures every image's red cells and brings them to the training images' median size before the network
sees it (``core/scale``). A network trained on the photographs as they are learns their own scale, which follows
the class here (Pro fields 0.87x, Pre 1.09x of the median): normalised images then read as other classes, and a
magnified Pro field reads as Pre (model card, "Microscope scale"). So training views go through the same rule:

1. ``simulate_field`` (augmented views only, 60 % of them): the field as another microscope would show it, a
   higher magnification (70 % of those) (the central 1/f of the field enlarged back, f in 1.3-2.5) or a wider camera (the image
   and three same-class training images side by side, 1/f of that shrunk to one image, f in 0.4-0.8);
2. ``normalised_view``: the ruler reads the field, :func:`core.scale.decide` chooses the resize, and one input
   is cut from the resized field as :func:`core.scale.plan_tiles` cuts tiles (reflection padding for a small
   field; a random tile position for augmented views, the centre for the clean view). A cell mask follows the
   same resize and cut; a simulated field has no mask.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from ..imaging import resize, to_model_input
from ..scale import decide, read_scale
from ..scale.reference import ScaleReference
from ..scale.tiling import PAD_REFLECT, cut_tile, tile_starts

#: share of augmented views whose field is changed as another microscope would show it, and the share of those
#: shown magnified (the rest widened). v1 (0.5, 0.5): wider fields were read as well as the images as trained,
#: magnified ones 1.5-3.3 points worse (model card), so v2 gives magnification more views.
FIELD_CHANGE_SHARE = 0.6
MAGNIFIED_SHARE = 0.7
MAGNIFICATION = (1.3, 2.5)
WIDENING = (0.4, 0.8)


def magnified_field(rgb: np.ndarray, factor: float, centre: tuple[float, float] = (0.5, 0.5)) -> np.ndarray:
    """``1 / factor`` of the field around ``centre`` (fractions of width and height), enlarged to the image's size."""
    height, width = rgb.shape[:2]
    crop_h, crop_w = max(1, round(height / factor)), max(1, round(width / factor))
    top = int(round((height - crop_h) * centre[1]))
    left = int(round((width - crop_w) * centre[0]))
    return resize(rgb[top:top + crop_h, left:left + crop_w], width, height)


def widened_field(fields: Sequence[np.ndarray], factor: float) -> np.ndarray:
    """Four fields of one size side by side (2x2); the top-left ``1 / factor`` of one field's width and height
    of that mosaic, shrunk to one field's size (``factor`` 0.5: all four fields)."""
    a, b, c, d = fields
    mosaic = np.vstack([np.hstack([a, b]), np.hstack([c, d])])
    height, width = a.shape[:2]
    part = mosaic[:min(2 * height, round(height / factor)), :min(2 * width, round(width / factor))]
    return resize(part, width, height)


def simulate_field(rgb: np.ndarray, load_companions: Callable[[], Sequence[np.ndarray]],
                   rng: np.random.Generator) -> tuple[np.ndarray, bool]:
    """The field unchanged (``False``), or as another microscope would show it (``True``). ``load_companions``
    gives other fields of the same class and size, for a wider camera (three are needed); it is called only when
    the field is changed."""
    if rng.random() >= FIELD_CHANGE_SHARE:
        return rgb, False
    companions = load_companions()
    if len(companions) < 3 or rng.random() < MAGNIFIED_SHARE:
        factor = float(np.exp(rng.uniform(*np.log(MAGNIFICATION))))
        return magnified_field(rgb, factor, tuple(rng.uniform(0.3, 0.7, 2))), True
    chosen = [companions[i] for i in rng.choice(len(companions), 3, replace=False)]
    fields = chosen[:]
    fields.insert(int(rng.integers(0, 4)), rgb)
    return widened_field(fields, float(rng.uniform(*WIDENING))), True


def normalised_view(rgb: np.ndarray, reference: ScaleReference | None, size: int,
                    rng: np.random.Generator | None = None,
                    mask: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray | None]:
    """One ``size`` x ``size`` input of ``rgb`` at the training scale, as the app would cut it (the centre, or
    with ``rng`` a random tile position), and ``mask`` resized and cut the same way."""
    decision = decide(read_scale(rgb), reference) if reference is not None else None
    if decision is None or not decision.known:
        return to_model_input(rgb, size), (None if mask is None else to_model_input(mask, size))
    height = max(1, round(rgb.shape[0] * decision.resize_y))
    width = max(1, round(rgb.shape[1] * decision.resize_x))
    if (height, width) != rgb.shape[:2]:
        rgb = resize(rgb, width, height)
        mask = None if mask is None else resize(mask, width, height)
    x, y = _origin(width, size, rng), _origin(height, size, rng)
    image = cut_tile(rgb, x, y, size, PAD_REFLECT).image
    return image, (None if mask is None else cut_tile(mask, x, y, size, PAD_REFLECT).image)


def _origin(length: int, size: int, rng: np.random.Generator | None) -> int:
    starts = tile_starts(length, size)
    if rng is not None:
        return int(starts[int(rng.integers(0, len(starts)))])
    return starts[0] if len(starts) == 1 else (length - size) // 2
