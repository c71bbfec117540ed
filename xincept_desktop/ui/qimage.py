"""numpy RGB arrays to QImage / QPixmap (the only place the two meet)."""

from __future__ import annotations

from PySide6.QtGui import QImage, QPixmap


def rgb_to_qimage(rgb) -> QImage:
    """A QImage that owns a copy of an RGB ``uint8`` array of shape (h, w, 3)."""
    import numpy as np

    array = np.ascontiguousarray(rgb[..., :3], dtype=np.uint8)
    height, width = array.shape[:2]
    return QImage(array.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


def rgb_to_pixmap(rgb) -> QPixmap:
    """``rgb_to_qimage`` then ``QPixmap.fromImage`` (UI thread only)."""
    return QPixmap.fromImage(rgb_to_qimage(rgb))
