"""Overlay helpers shared by the GUI, the CLI and the report: pure functions on numpy arrays.

``colorize`` maps a heat map in [0, 1] to RGB with a matplotlib colormap; ``overlay`` blends it over the image at
an opacity in [0, 1], optionally only where the heat passes a threshold and with a contour line around it.
"""

from __future__ import annotations

import numpy as np

#: colormaps offered to users; "cividis" and "viridis" are colour-blind safe
COLORMAPS = ("jet", "turbo", "inferno", "viridis", "cividis")
COLOR_BLIND_SAFE = ("viridis", "cividis")


def _check_heat(heat: np.ndarray) -> np.ndarray:
    heat = np.asarray(heat, dtype=np.float32)
    if heat.ndim != 2:
        raise ValueError(f"heat map must be 2-D, got shape {heat.shape}")
    return np.clip(np.nan_to_num(heat), 0.0, 1.0)


def colorize(heat: np.ndarray, colormap: str = "jet") -> np.ndarray:
    """RGB ``uint8`` rendering of a heat map through a named matplotlib colormap."""
    if colormap not in COLORMAPS:
        raise ValueError(f"unknown colormap '{colormap}' (choose from {', '.join(COLORMAPS)})")
    from matplotlib import colormaps

    lookup = (colormaps[colormap](np.linspace(0, 1, 256))[:, :3] * 255 + 0.5).astype(np.uint8)
    return lookup[(_check_heat(heat) * 255 + 0.5).astype(np.uint8)]


def overlay(
    image: np.ndarray,
    heat: np.ndarray,
    opacity: float = 0.4,
    colormap: str = "jet",
    threshold: float | None = None,
    contour: bool = False,
) -> np.ndarray:
    """Blend a colorized heat map over an RGB ``uint8`` image of the same height and width.

    ``opacity`` 0 returns the image, 1 the heat map alone; with ``threshold`` only pixels whose heat reaches it
    are tinted; ``contour`` draws a white line around those pixels (or around heat >= 0.5 without a threshold).
    """
    image = np.asarray(image)
    heat = _check_heat(heat)
    if image.shape[:2] != heat.shape:
        raise ValueError(f"image {image.shape[:2]} and heat map {heat.shape} differ in size")
    if not 0.0 <= opacity <= 1.0:
        raise ValueError("opacity must be between 0 and 1")
    colours = colorize(heat, colormap).astype(np.float32)
    alpha = np.full(heat.shape, opacity, dtype=np.float32)
    if threshold is not None:
        alpha = np.where(heat >= threshold, alpha, 0.0)
    blended = image[..., :3].astype(np.float32) * (1 - alpha[..., None]) + colours * alpha[..., None]
    result = np.clip(blended + 0.5, 0, 255).astype(np.uint8)
    if contour:
        result = _draw_contour(result, heat >= (threshold if threshold is not None else 0.5))
    return result


def _draw_contour(image: np.ndarray, mask: np.ndarray) -> np.ndarray:
    import cv2

    contours, _ = cv2.findContours(mask.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    out = np.ascontiguousarray(image.copy())
    cv2.drawContours(out, contours, -1, (255, 255, 255), max(1, min(image.shape[:2]) // 200))
    return out
