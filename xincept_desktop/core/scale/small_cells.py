"""The ruler's bias on small red cells, measured on the training images themselves and undone.

Shrunk below about 0.7x of the training scale (red cells under 12 px), a field's red cells read larger than they
are: blur and whole pixels widen every chord and spectral width (on held-out images shrunk to 0.4x, the reading
was 8 % too large and only 73 % of images read within 10 % of the true factor). The factor is known by construction
when training images are shrunk, so the bias can be measured and undone:

1. :func:`fit_small_cell_correction` shrinks training images by ``FACTORS`` and reads each with the ruler. For
   each reading (per axis, relative to the training median) the truth is the factor times the image's own reading
   at full size. In log space, the median of ``truth - reading`` is taken in bins of the reading (at least
   ``MIN_PER_BIN`` readings each), and the knots ``(reading, corrected reading)`` are kept, made increasing, and end
   at ``IDENTITY_FROM`` where the correction stops: readings of training-sized cells (the training images' own
   scales start at about 0.74x) are never changed, so the network sees what it was trained on.
2. :func:`correct` interpolates between the knots in log space; below the first knot the first knot's ratio is
   used.

The knots are stored in the bundle's ``scale.json`` (hash-checked); the model card's ruler-tracking table is read
through them.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

#: how much training images are shrunk to measure the bias
FACTORS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.75)
#: bin edges (relative readings) of the fit
BIN_EDGES = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
#: readings from here on are left as they are
IDENTITY_FROM = 0.7
MIN_PER_BIN = 20


def fit_small_cell_correction(full_size: np.ndarray, shrunk: np.ndarray, factors: np.ndarray) -> tuple:
    """Knots ``((reading, corrected), ...)`` from ``full_size`` (n, 2) relative readings of images at their own
    size, ``shrunk`` (n, 2) readings of the same images shrunk by ``factors`` (n,)."""
    reading = np.log(np.asarray(shrunk, np.float64)).ravel()
    truth = np.log(np.asarray(full_size, np.float64) * np.asarray(factors, np.float64)[:, None]).ravel()
    usable = np.isfinite(reading) & np.isfinite(truth)
    reading, truth = reading[usable], truth[usable]
    knots_x, knots_y = [], []
    edges = np.log(BIN_EDGES)
    for low, high in zip(edges[:-1], edges[1:]):
        inside = (reading >= low) & (reading < high)
        if inside.sum() >= MIN_PER_BIN:
            centre = float(np.median(reading[inside]))
            knots_x.append(centre)
            knots_y.append(centre + float(np.median(truth[inside] - reading[inside])))
    if not knots_x:
        return ()
    knots_x.append(float(np.log(IDENTITY_FROM)))
    knots_y.append(float(np.log(IDENTITY_FROM)))
    knots_y = np.minimum.accumulate(np.array(knots_y)[::-1])[::-1]  # increasing, never above the identity's end
    return tuple((float(np.exp(x)), float(np.exp(y))) for x, y in zip(knots_x, knots_y))


def correct(values, knots: Sequence[Sequence[float]]) -> np.ndarray:
    """Relative readings with the small-cell bias undone (unchanged from ``IDENTITY_FROM`` on, or without knots)."""
    values = np.asarray(values, np.float64)
    if not knots:
        return values
    knots = np.asarray(knots, np.float64)
    log_x, log_y = np.log(knots[:, 0]), np.log(knots[:, 1])
    with np.errstate(invalid="ignore", divide="ignore"):
        log_values = np.log(values)
        below = log_values < log_x[0]
        corrected = np.where(below, log_values + (log_y[0] - log_x[0]), np.interp(log_values, log_x, log_y))
        return np.where(np.isfinite(values) & (values > 0) & (log_values < log_x[-1]), np.exp(corrected), values)


def shrunk_readings(images, read, own_readings=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``read`` (an image -> (x, y) relative reading) on each image and on it shrunk by each of ``FACTORS``:
    the three arrays :func:`fit_small_cell_correction` takes. ``own_readings`` ((n, 2)): the images' full-size
    readings when they were already taken (not read again)."""
    from ..imaging import resize

    full, shrunk, factors = [], [], []
    for index, image in enumerate(images):
        own = read(image) if own_readings is None else own_readings[index]
        height, width = image.shape[:2]
        for factor in FACTORS:
            full.append(own)
            shrunk.append(read(resize(image, max(1, round(width * factor)), max(1, round(height * factor)))))
            factors.append(factor)
    return np.array(full, np.float64), np.array(shrunk, np.float64), np.array(factors, np.float64)
