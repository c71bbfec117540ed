"""Small PNG renderings for the report: a thumbnail of each image and its class-activation overlay."""

from __future__ import annotations

import io
from dataclasses import dataclass

import numpy as np

from ...errors import ImageLoadError
from ..explain.heatmap import upsample_cam
from ..explain.overlay import overlay
from ..imaging import load_image


@dataclass(frozen=True)
class Pictures:
    """PNG bytes of one image's thumbnail and overlay (None when unavailable) and why, if not."""

    thumbnail_png: bytes | None
    overlay_png: bytes | None
    note: str = ""


def png_bytes(rgb: np.ndarray) -> bytes:
    """Encode an RGB ``uint8`` array as PNG (deterministic: no timestamps or text chunks)."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb, dtype=np.uint8), "RGB").save(buffer, format="PNG", optimize=False)
    return buffer.getvalue()


def fit_size(height: int, width: int, longest: int) -> tuple[int, int]:
    """(height, width) scaled so the longer side is at most ``longest`` pixels (never enlarged)."""
    scale = min(1.0, longest / max(height, width))
    return max(1, round(height * scale)), max(1, round(width * scale))


def shrink(rgb: np.ndarray, longest: int) -> np.ndarray:
    """The image scaled down (area interpolation) so its longer side is at most ``longest`` pixels."""
    import cv2

    height, width = fit_size(*rgb.shape[:2], longest)
    if (height, width) == rgb.shape[:2]:
        return rgb
    return cv2.resize(rgb, (width, height), interpolation=cv2.INTER_AREA)


class ThumbnailMaker:
    """Makes the thumbnail and the overlay for the explained class of an ``ImageResult``."""

    def __init__(self, longest_px: int = 240):
        self.longest_px = int(longest_px)

    def pictures(self, result, method: str, opacity: float, colormap: str) -> Pictures:
        """Thumbnail and overlay PNGs; a file that can no longer be read gives a note instead."""
        try:
            small = shrink(load_image(result.path), self.longest_px)
        except (ImageLoadError, OSError) as exc:
            return Pictures(None, None, f"image not available for the report: {exc}")
        thumbnail = png_bytes(small)
        cams = getattr(result, "cams", {}) or {}
        if method not in cams:
            return Pictures(thumbnail, None, "no explanation map was kept for this image")
        heat = upsample_cam(cams[method][self._class_index(result)], *small.shape[:2])
        return Pictures(thumbnail, png_bytes(overlay(small, heat, opacity, colormap)))

    @staticmethod
    def _class_index(result) -> int:
        """The class whose map is overlaid: the one the heat maps explain (the network's head), which is the
        given class except where the two differ (the report then says so)."""
        explained = getattr(result, "explained_class", None) or result.label
        return list(result.probabilities).index(explained)
