"""Thumbnails made on a small thread pool (not the TensorFlow worker), delivered by signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, QThreadPool, Qt, Signal
from PySide6.QtGui import QImage, QImageReader

THUMBNAIL_SIZE = 56


class _Relay(QObject):
    ready = Signal(str, QImage)


class _ThumbnailTask(QRunnable):
    def __init__(self, path: Path, relay: _Relay, size: int):
        super().__init__()
        self.path, self.relay, self.size = path, relay, size

    def run(self) -> None:
        image = read_thumbnail(self.path, self.size)
        if not image.isNull():
            self.relay.ready.emit(str(self.path), image)


def read_thumbnail(path: Path, size: int = THUMBNAIL_SIZE) -> QImage:
    """A thumbnail fitting ``size`` x ``size``; falls back to the core loader for formats Qt cannot read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    original = reader.size()
    if original.isValid() and original.width() > 0:
        reader.setScaledSize(original.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if not image.isNull():
        return image
    return _core_thumbnail(path, size)


def _core_thumbnail(path: Path, size: int) -> QImage:
    try:
        from ..core.imaging import load_image, to_model_input
        from .qimage import rgb_to_qimage

        return rgb_to_qimage(to_model_input(load_image(path), size))
    except Exception:  # an unreadable file simply has no thumbnail; the analysis reports why
        return QImage()


class ThumbnailLoader(QObject):
    """Queue thumbnail reads; ``ready(path, image)`` arrives in the UI thread."""

    ready = Signal(str, QImage)

    def __init__(self, parent: QObject | None = None, size: int = THUMBNAIL_SIZE):
        super().__init__(parent)
        self.size = size
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relay = _Relay()
        self._relay.ready.connect(self.ready)

    def request(self, paths: list[Path]) -> None:
        for path in paths:
            self.pool.start(_ThumbnailTask(path, self._relay, self.size))

    def stop(self) -> None:
        """Drop queued reads and wait for the one in progress."""
        self.pool.clear()
        self.pool.waitForDone(2000)
