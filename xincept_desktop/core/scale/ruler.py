"""The scale ruler: how large the red cells of a smear photograph are, in pixels, read from the image itself.

Red cells are 7-8 um discs that fill every smear field, so their size in pixels says at what magnification a
photograph was taken. Three estimators, each scale-covariant by construction (an image enlarged by ``f`` gives
``f`` times the reading), run on a stain-normalised darkness map and are combined per axis:

- **chords**: the interquartile mean of the runs of cell pixels along rows (x) and columns (y) of a filled
  Otsu mask of the darkness map;
- **band energy**: the width ``s`` at which the energy of the second derivative of a Gaussian,
  ``s^4 k^4 exp(-s^2 k^2)`` over the row (column) power spectrum, peaks;
- **autocorrelation**: the lag at which the row (column) autocorrelation of the darkness map falls to one half.

Each is divided by its median over the training images (:class:`ScaleReference`), and the median of the
three is the reading on that axis: 1.0 means "red cells as large as in the median training image". A single
estimator drifts on some fields (chords on pale Pro fields, band energy on crowded ones) and the median follows
the other two; where the three disagree more than on 99.5 % of the training images (at least
:data:`MAX_DISAGREEMENT`), or too little cell area is seen, the ruler says so instead of guessing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: the three estimators, in the order of :attr:`ScaleReading.raw`
ESTIMATORS = ("chords", "band_energy", "autocorrelation")
#: readings are taken on at most this many pixels along the longer side (larger images are shrunk first)
WORKING_SIDE = 1024
#: the estimators' readings may differ by at most this factor (max/min, either axis)
MAX_DISAGREEMENT = 1.6
#: at least this many cells' worth of cell area must be seen
MIN_CELLS = 6
_WIDTHS = np.exp(np.linspace(np.log(0.8), np.log(160.0), 240))


@dataclass(frozen=True)
class ScaleReading:
    """What the ruler measured on one image, in that image's own pixels."""

    raw: tuple[tuple[float, float], ...]  # per estimator: (x, y) reading in pixels; NaN where it failed
    cells: int  # cells' worth of area in the mask (see count_cells)
    cell_fraction: float  # share of the image the (filled) cell mask covers

    def as_dict(self) -> dict:
        return {"raw": [list(pair) for pair in self.raw], "cells": self.cells, "cell_fraction": self.cell_fraction}


def read_scale(rgb: np.ndarray) -> ScaleReading:
    """Measure an RGB ``uint8`` image (any size). Never raises on image content."""
    import cv2

    height, width = rgb.shape[:2]
    shrink = max(1.0, max(height, width) / WORKING_SIDE)
    if shrink > 1.0:
        rgb = cv2.resize(rgb, (max(1, round(width / shrink)), max(1, round(height / shrink))),
                         interpolation=cv2.INTER_AREA)
    darkness = darkness_map(rgb)
    mask = cell_mask(darkness)
    chords = chord_lengths(mask)
    energy, autocorrelation = spectral_widths(darkness)
    raw = tuple(tuple(float(v) * shrink for v in pair) for pair in (chords, energy, autocorrelation))
    return ScaleReading(raw=raw, cells=count_cells(mask, chords), cell_fraction=float(mask.mean()))


def darkness_map(rgb: np.ndarray) -> np.ndarray:
    """Optical density summed over the channels, relative to the bright background, scaled so that the 90th
    percentile is 1 and clipped there: pale and dark stains give the same map, and dark nuclei weigh no more
    than red cells."""
    pixels = rgb.astype(np.float32) + 1.0
    background = np.percentile(pixels.reshape(-1, 3), 95, axis=0)
    density = np.clip(-np.log(pixels / background), 0.0, None).sum(axis=2)
    top = float(np.percentile(density, 90))
    if top <= 1e-3:
        return np.zeros(density.shape, np.float32)
    return np.clip(density / top, 0.0, 1.0).astype(np.float32)


def cell_mask(darkness: np.ndarray) -> np.ndarray:
    """Otsu threshold of the darkness map with every outer contour filled (so pale centres count as cell)."""
    import cv2

    scaled = (darkness * 255.0 + 0.5).astype(np.uint8)
    if scaled.max() == scaled.min():
        return np.zeros(darkness.shape, bool)
    _, binary = cv2.threshold(scaled, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    contours, _ = cv2.findContours(binary, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros_like(binary)
    cv2.drawContours(filled, contours, -1, 255, thickness=-1)
    return filled > 0


def chord_lengths(mask: np.ndarray) -> tuple[float, float]:
    """Interquartile mean of the runs of mask pixels along rows (x) and along columns (y)."""
    return _interquartile_mean(_runs(mask)), _interquartile_mean(_runs(mask.T))


def _runs(mask: np.ndarray) -> np.ndarray:
    padded = np.pad(mask.astype(np.int8), ((0, 0), (1, 1)))
    steps = np.diff(padded, axis=1)
    starts = np.nonzero(steps == 1)
    ends = np.nonzero(steps == -1)
    lengths = (ends[1] - starts[1]).astype(np.float64)
    return lengths[lengths >= 2]


def _interquartile_mean(values: np.ndarray) -> float:
    if values.size < 5:
        return float("nan")
    low, high = np.percentile(values, [25, 75])
    return float(values[(values >= low) & (values <= high)].mean())


def spectral_widths(darkness: np.ndarray) -> tuple[tuple[float, float], tuple[float, float]]:
    """(band-energy width, autocorrelation half-width), each as (x, y), from the row and column spectra."""
    energy, half = [], []
    for lines in (darkness, darkness.T):
        power = _line_power(lines)
        energy.append(_band_energy_peak(power, lines.shape[1]))
        half.append(_autocorrelation_half_width(power, lines.shape[1]))
    return (energy[0], energy[1]), (half[0], half[1])


def _line_power(lines: np.ndarray) -> np.ndarray:
    """Mean power spectrum of the lines (rows), each zero-padded to twice its length."""
    centred = lines - lines.mean()
    return (np.abs(np.fft.rfft(centred, n=2 * lines.shape[1], axis=1)) ** 2).mean(axis=0)


def _band_energy_peak(power: np.ndarray, length: int) -> float:
    k = 2.0 * np.pi * np.fft.rfftfreq(2 * length)
    widths = _WIDTHS[_WIDTHS < length / 3.0]
    if widths.size < 3 or power[1:].sum() <= 0:
        return float("nan")
    k2 = k * k
    energy = np.array([(power * (w ** 4) * k2 * k2 * np.exp(-w * w * k2)).sum() for w in widths])
    best = int(np.argmax(energy))
    if best in (0, widths.size - 1) or np.any(energy[best - 1:best + 2] <= 0):
        return float("nan")
    low, mid, high = np.log(energy[best - 1:best + 2])
    curvature = low - 2.0 * mid + high
    offset = 0.5 * (low - high) / curvature if curvature < 0 else 0.0
    step = np.log(widths[1]) - np.log(widths[0])
    return float(np.exp(np.log(widths[best]) + offset * step))


def _autocorrelation_half_width(power: np.ndarray, length: int) -> float:
    correlation = np.fft.irfft(power)[:length]
    if correlation[0] <= 0:
        return float("nan")
    correlation = correlation / correlation[0]
    below = np.nonzero(correlation < 0.5)[0]
    if below.size == 0 or below[0] == 0:
        return float("nan")
    i = int(below[0])
    before, after = correlation[i - 1], correlation[i]
    return float(i - 1 + (before - 0.5) / (before - after))


#: the interquartile mean of a disc's chords (random rows) is 0.849 of its diameter
CHORD_TO_DIAMETER = 1.0 / 0.849
#: below this diameter (px) there is nothing to measure: noise, not cells
MIN_DIAMETER = 4.0


def diameter_from_chords(chords: tuple[float, float]) -> float:
    return CHORD_TO_DIAMETER * float(np.sqrt(chords[0] * chords[1]))


def count_cells(mask: np.ndarray, chords: tuple[float, float]) -> int:
    """How many cells' worth of area the mask holds: the area of its objects at least a quarter of a disc as
    wide as the chord reading, divided by that disc's area (touching cells count for as many as they cover)."""
    import cv2

    if not np.all(np.isfinite(chords)):
        return 0
    diameter = diameter_from_chords(chords)
    if diameter < MIN_DIAMETER:
        return 0
    disc = np.pi * diameter * diameter / 4.0
    _, _, stats, _ = cv2.connectedComponentsWithStats(mask.astype(np.uint8), connectivity=8)
    areas = stats[1:, cv2.CC_STAT_AREA]
    return int(areas[areas >= 0.25 * disc].sum() // disc)
