"""Zoomable, pannable image view with a heat-map layer whose opacity changes without any pixel work."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItemGroup, QGraphicsPixmapItem, QGraphicsRectItem, QGraphicsScene, QGraphicsView

ZOOM_STEP = 1.25
MIN_SCALE, MAX_SCALE = 0.02, 64.0
PREVIEW_MAX_SIDE = 2048  # a picture larger than this is drawn from a preview until the zoom needs more
NEXT_KEYS = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space)
PREVIOUS_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace)


class ImageViewer(QGraphicsView):
    """Wheel / +/- zoom, drag to pan, fit and 1:1. The heat layer sits over the image at ``heat_opacity``.

    Scene coordinates are the full image's pixels. A large picture is drawn from a preview (at most
    :data:`PREVIEW_MAX_SIDE` px, made off the UI thread) stretched over the image, and from the full picture only once
    the zoom shows more detail than the preview holds; the heat layer (view resolution) is stretched the same way."""

    zoom_changed = Signal(float)
    step_requested = Signal(int)  # +1: the next image, -1: the previous one (arrow keys, Space, Page keys)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.image_item = QGraphicsPixmapItem()
        self.image_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.heat_item = QGraphicsPixmapItem()
        self.heat_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.heat_item.setZValue(1)
        self.tiles_item = QGraphicsItemGroup()
        self.tiles_item.setZValue(2)
        for item in (self.image_item, self.heat_item, self.tiles_item):
            self.scene().addItem(item)
        self._full: QImage | None = None  # the full picture, drawn once the zoom needs it
        self._full_drawn = True
        self._fit_mode = True
        self.set_heat_opacity(0.4)

    # --- content -------------------------------------------------------------------------------------
    def set_image(self, image: QImage | None, preview: QImage | None = None) -> None:
        """Show ``image`` (None clears the view) and fit it to the window; ``preview``, a smaller copy, is drawn
        until the zoom needs the full picture."""
        self._full = image
        shown = preview if preview is not None and image is not None else image
        self._draw(shown)
        self._full_drawn = shown is image
        self.heat_item.setPixmap(QPixmap())
        self.set_tiles([])
        self.scene().setSceneRect(self.image_item.sceneBoundingRect())
        self.fit()

    def _draw(self, picture: QImage | None) -> None:
        self.image_item.setPixmap(QPixmap.fromImage(picture) if picture is not None else QPixmap())
        self.image_item.setTransform(self._stretch(picture))

    def _stretch(self, layer: QImage | None) -> QTransform:
        """The transform that lays ``layer`` over the whole (full-size) image."""
        if layer is None or layer.isNull() or self._full is None or self._full.isNull():
            return QTransform()
        return QTransform.fromScale(self._full.width() / layer.width(), self._full.height() / layer.height())

    def _full_detail_if_needed(self) -> None:
        """Draw the full picture once the preview's pixels would be enlarged on screen."""
        if self._full_drawn or self._full is None:
            return
        preview_scale = self.image_item.pixmap().width() / max(1, self._full.width())
        if self.scale_factor * self.devicePixelRatioF() > preview_scale * 1.01:
            self._draw(self._full)
            self._full_drawn = True

    def set_heat(self, heat: QImage | None) -> None:
        """Replace the heat layer, or remove it with None. The layer may be smaller than the image (it is rendered
        at view resolution): it is stretched over the whole image."""
        self.heat_item.setPixmap(QPixmap.fromImage(heat) if heat is not None else QPixmap())
        self.heat_item.setTransform(self._stretch(heat))

    def set_tiles(self, boxes: list[tuple[int, int, int, int]]) -> None:
        """Outline the parts of the image the model analysed as separate tiles (nothing for a single input)."""
        for child in self.tiles_item.childItems():
            self.tiles_item.removeFromGroup(child)
            self.scene().removeItem(child)
        if len(boxes) < 2:
            return
        pen = QPen(QColor(255, 255, 255, 200), 0)  # cosmetic: one screen pixel at any zoom
        pen.setStyle(Qt.PenStyle.DashLine)
        for x0, y0, x1, y1 in boxes:
            rect = QGraphicsRectItem(QRectF(x0, y0, x1 - x0, y1 - y0))
            rect.setPen(pen)
            self.tiles_item.addToGroup(rect)

    @property
    def tile_count(self) -> int:
        return len(self.tiles_item.childItems())

    def set_heat_opacity(self, opacity: float) -> None:
        self.heat_item.setOpacity(max(0.0, min(1.0, opacity)))

    def set_heat_visible(self, visible: bool) -> None:
        self.heat_item.setVisible(visible)

    @property
    def heat_opacity(self) -> float:
        return self.heat_item.opacity()

    def has_image(self) -> bool:
        return not self.image_item.pixmap().isNull()

    # --- zoom ---------------------------------------------------------------------------------------
    @property
    def scale_factor(self) -> float:
        return self.transform().m11()

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def actual_size(self) -> None:
        """One image pixel per screen pixel."""
        self._fit_mode = False
        self.resetTransform()
        self._full_detail_if_needed()
        self.zoom_changed.emit(self.scale_factor)

    def fit(self) -> None:
        """Fit the whole image in the view; stays fitted when the window is resized."""
        self._fit_mode = True
        if self.has_image():
            self.fitInView(self.image_item.sceneBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
            self._full_detail_if_needed()
        self.zoom_changed.emit(self.scale_factor)

    def _zoom_by(self, factor: float) -> None:
        target = self.scale_factor * factor
        if MIN_SCALE <= target <= MAX_SCALE:
            self._fit_mode = False
            self.scale(factor, factor)
            self._full_detail_if_needed()
            self.zoom_changed.emit(self.scale_factor)

    # --- events -------------------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self._zoom_by(ZOOM_STEP ** steps)
        event.accept()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key in NEXT_KEYS or key in PREVIOUS_KEYS:  # the image changes; panning is by dragging
            self.step_requested.emit(1 if key in NEXT_KEYS else -1)
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()
