"""Caches so that heat-map controls re-blend without recomputing.

A heat map at image resolution is computed once per (image, class, method); its colour rendering once per
colormap on top of that. Opacity is applied by the viewer when it draws (no pixel work at all).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtGui import QImage

MAX_BYTES = 256 * 2**20


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


class HeatCache:
    """Heat maps (float, image size) and their colour renderings (QImage), computed on first use."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self._heat = _LruBytes(max_bytes // 2)
        self._colour = _LruBytes(max_bytes // 2)
        self.computed = 0  # heat maps computed (tests check that re-blending does not add to it)

    def heat(self, result, class_name: str, method: str):
        """The heat map of ``class_name`` by ``method`` for ``result`` (an ImageResult with CAMs)."""
        key = (Path(result.path), class_name, method)
        heat = self._heat.get(key)
        if heat is None:
            from ..core.explain.heatmap import heat_map_for

            heat = heat_map_for(result, class_name, method)
            self.computed += 1
            self._heat.put(key, heat)
        return heat

    def coloured(self, result, class_name: str, method: str, colormap: str) -> QImage:
        """The heat map rendered through ``colormap`` as an RGB QImage."""
        key = (Path(result.path), class_name, method, colormap)
        image = self._colour.get(key)
        if image is None:
            from ..core.explain.overlay import colorize
            from .qimage import rgb_to_qimage

            image = rgb_to_qimage(colorize(self.heat(result, class_name, method), colormap))
            self._colour.put(key, image)
        return image

    def clear(self) -> None:
        self._heat.clear()
        self._colour.clear()
