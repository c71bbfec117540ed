"""Decoding images and rendering heat maps for the viewer in background threads, so that selecting an image of
12-megapixel photographs never holds the UI thread (issue 19, point 5).

``request_image(path)`` decodes the file into a QImage (QImage, unlike QPixmap, may be made off the UI thread);
``request_heat(result, class, method)`` renders the heat map at view resolution, first reading the stored
class-activation maps of an image of a stored case (``core.cases.lazy_heatmaps``: a case opens without decoding
every heat map, they are read for the image selected). Each calls back on the UI thread; a request already in
flight is not repeated. Nothing
here touches a widget; the window decides whether the answer still applies (the user may have moved on).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject

from .background import BackgroundJob
from .heat_cache import render_heat
from .viewer import PREVIEW_MAX_SIDE


class ViewPicture:
    """A decoded picture and the preview the viewer draws until the zoom needs the full one (the same image when
    it is small). ``full`` wraps the decoded array without a copy: the picture keeps the array alive."""

    def __init__(self, full, preview, pixels=None):
        self.full, self.preview, self._pixels = full, preview, pixels

    def sizeInBytes(self) -> int:  # noqa: N802 - the size the caches count (Qt's spelling, like QImage's)
        return self.full.sizeInBytes() + (self.preview.sizeInBytes() if self.preview is not self.full else 0)


def decode_for_view(path: Path, max_side: int = PREVIEW_MAX_SIDE) -> ViewPicture:
    """The image file as a QImage and its preview (any thread: QImage, unlike QPixmap, may be made off the UI
    thread). The pixel work is done by the decoder and OpenCV, which release Python's lock, not by QImage.scaled or
    QImage.copy, which hold it (and with it the UI thread) for tens of milliseconds on a 12-megapixel picture."""
    import cv2
    import numpy as np
    from PySide6.QtGui import QImage

    from ..core.imaging import load_image
    from .qimage import rgb_to_qimage

    pixels = np.ascontiguousarray(load_image(path)[..., :3], dtype=np.uint8)
    height, width = pixels.shape[:2]
    full = QImage(pixels.data, width, height, 3 * width, QImage.Format.Format_RGB888)
    if max(width, height) <= max_side:
        return ViewPicture(full, full, pixels)
    scale = max_side / max(width, height)
    small = cv2.resize(pixels, (max(1, round(width * scale)), max(1, round(height * scale))),
                       interpolation=cv2.INTER_AREA)
    return ViewPicture(full, rgb_to_qimage(small), pixels)


class ViewLoader(QObject):
    """Background decoding and heat rendering; ``busy`` while any request runs."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._images: dict[Path, BackgroundJob] = {}
        self._heats: dict[tuple, BackgroundJob] = {}

    @property
    def busy(self) -> bool:
        return bool(self._images or self._heats)

    def request_image(self, path: Path, on_done: Callable[[Path, object, Exception | None], None]) -> None:
        """Decode ``path``; ``on_done(path, picture, error)`` on the UI thread (a :class:`ViewPicture`)."""
        path = Path(path)
        if path in self._images:
            return
        job = BackgroundJob(lambda: decode_for_view(path), parent=self.parent())
        self._images[path] = job
        job.then(lambda image, error: (self._images.pop(path, None), on_done(path, image, error)))
        job.start()

    def request_heat(self, result, class_name: str, method: str, colormap: str,
                     on_done: Callable[[object, str, str, object, Exception | None], None]) -> None:
        """Render the heat map and its colouring through ``colormap`` (reading a stored case's maps first, in the
        thread: ``StoredHeatmaps``); ``on_done(result, class_name, method, (heat, colormap, qimage), error)`` on the
        UI thread, the value None without maps."""
        key = (Path(result.path), class_name, method)
        if key in self._heats:
            return
        classes, size = list(result.probabilities), result.image_size

        def work():
            from ..core.explain.overlay import colorize
            from .qimage import rgb_to_qimage

            maps = result.cams
            if method not in maps:
                return None
            heat = render_heat(maps, classes, size, class_name, method)
            return heat, colormap, rgb_to_qimage(colorize(heat, colormap))

        job = BackgroundJob(work, parent=self.parent())
        self._heats[key] = job

        def done(heat, error):
            self._heats.pop(key, None)
            on_done(result, class_name, method, heat, error)

        job.then(done)
        job.start()
