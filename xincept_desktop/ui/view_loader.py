"""Decoding images and rendering heat maps for the viewer in background threads, so that selecting an image of
12-megapixel photographs never holds the UI thread (issue 19, point 5).

``request_image(path)`` decodes the file into a QImage (QImage, unlike QPixmap, may be made off the UI thread);
``request_heat(result, class, method)`` renders the heat map at view resolution, first reading the stored
class-activation maps of an image of a stored case (``core.cases.lazy_heatmaps``: a case opens without decoding
every heat map, they are read for the image selected). Each calls back on the UI thread; a request already in flight is not repeated. Nothing
here touches a widget; the window decides whether the answer still applies (the user may have moved on).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject

from .background import BackgroundJob
from .heat_cache import render_heat


def decode_for_view(path: Path):
    """The image file as a QImage (any thread)."""
    from ..core.imaging import load_image
    from .qimage import rgb_to_qimage

    return rgb_to_qimage(load_image(path))


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
        """Decode ``path``; ``on_done(path, qimage, error)`` on the UI thread."""
        path = Path(path)
        if path in self._images:
            return
        job = BackgroundJob(lambda: decode_for_view(path), parent=self.parent())
        self._images[path] = job
        job.then(lambda image, error: (self._images.pop(path, None), on_done(path, image, error)))
        job.start()

    def request_heat(self, result, class_name: str, method: str,
                     on_done: Callable[[object, str, str, object, Exception | None], None]) -> None:
        """Render the heat map (reading a stored case's maps first, in the thread: ``StoredHeatmaps``);
        ``on_done(result, class_name, method, heat, error)`` on the UI thread, ``heat`` None without maps."""
        key = (Path(result.path), class_name, method)
        if key in self._heats:
            return
        classes, size = list(result.probabilities), result.image_size

        def work():
            maps = result.cams
            return render_heat(maps, classes, size, class_name, method) if method in maps else None

        job = BackgroundJob(work, parent=self.parent())
        self._heats[key] = job

        def done(heat, error):
            self._heats.pop(key, None)
            on_done(result, class_name, method, heat, error)

        job.then(done)
        job.start()
