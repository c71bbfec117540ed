"""Caches so that the viewer never does full-size pixel work on the UI thread.

Heat maps are rendered at the viewer's resolution (at most :data:`HEAT_MAX_SIDE` pixels on the long side; the viewer
scales the layer over the image, and a heat map upsampled from a coarse grid loses nothing by that), computed in a
background thread once per (image, class, method) by :func:`render_heat`, and coloured once per colormap on top of
that (a lookup at that size: a few milliseconds). Opacity is applied by the viewer when it draws (no pixel work).
Decoded images are kept too (:class:`ImageCache`), so going back to an image does not decode it again.
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtGui import QImage

MAX_BYTES = 256 * 2**20
IMAGE_CACHE_BYTES = 200 * 2**20  # about five 12-megapixel photographs
HEAT_MAX_SIDE = 1024


class _LruBytes:
    """An LRU dict bounded by the summed size of its values (``nbytes`` or ``sizeInBytes()``)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._items: OrderedDict = OrderedDict()
        self._bytes = 0

    def get(self, key):
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        return None

    def put(self, key, value) -> None:
        if key in self._items:
            self._bytes -= _size(self._items.pop(key))
        self._items[key] = value
        self._bytes += _size(value)
        while self._bytes > self.max_bytes and len(self._items) > 1:
            _, dropped = self._items.popitem(last=False)
            self._bytes -= _size(dropped)

    def clear(self) -> None:
        self._items.clear()
        self._bytes = 0


def _size(value) -> int:
    return int(value.nbytes) if hasattr(value, "nbytes") else int(value.sizeInBytes())


def view_size(image_size: tuple[int, int], max_side: int = HEAT_MAX_SIDE) -> tuple[int, int]:
    """(height, width) of the image scaled so that its long side is at most ``max_side`` (never enlarged)."""
    height, width = int(image_size[0]), int(image_size[1])
    scale = min(1.0, max_side / max(1, height, width))
    return max(1, round(height * scale)), max(1, round(width * scale))


def render_heat(cams: dict, classes: list[str], image_size: tuple[int, int], class_name: str, method: str,
                max_side: int = HEAT_MAX_SIDE):
    """The heat map of ``class_name`` by ``method`` at view resolution (plain numpy: runs in any thread)."""
    from ..core.explain.heatmap import upsample_cam

    height, width = view_size(image_size, max_side)
    return upsample_cam(cams[method][classes.index(class_name)], height, width)


def heat_key(result, class_name: str, method: str) -> tuple:
    return Path(result.path), class_name, method


class HeatCache:
    """Heat maps at view resolution (float) and their colour renderings (QImage)."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self._heat = _LruBytes(max_bytes // 2)
        self._colour = _LruBytes(max_bytes // 2)
        self.computed = 0  # heat maps computed (tests check that re-blending does not add to it)

    def has_heat(self, result, class_name: str, method: str) -> bool:
        return self._heat.get(heat_key(result, class_name, method)) is not None

    def put_heat(self, result, class_name: str, method: str, heat, coloured: dict | None = None) -> None:
        """Keep a heat map :func:`render_heat` made (in a background thread) for ``result``, with the colourings
        made there too (colormap -> QImage)."""
        self._heat.put(heat_key(result, class_name, method), heat)
        for colormap, image in (coloured or {}).items():
            self._colour.put((*heat_key(result, class_name, method), colormap), image)
        self.computed += 1

    def coloured(self, result, class_name: str, method: str, colormap: str) -> QImage | None:
        """The cached heat map rendered through ``colormap`` as an RGB QImage; None while it is not computed."""
        key = (*heat_key(result, class_name, method), colormap)
        image = self._colour.get(key)
        if image is None:
            heat = self._heat.get(heat_key(result, class_name, method))
            if heat is None:
                return None
            from ..core.explain.overlay import colorize
            from .qimage import rgb_to_qimage

            image = rgb_to_qimage(colorize(heat, colormap))
            self._colour.put(key, image)
        return image

    def clear(self) -> None:
        self._heat.clear()
        self._colour.clear()


class ImageCache(_LruBytes):
    """Decoded images (QImage) by path, the most recently shown kept."""

    def __init__(self, max_bytes: int = IMAGE_CACHE_BYTES):
        super().__init__(max_bytes)
