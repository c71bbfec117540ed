"""Side panel listing the case's images: thumbnail, status, class, confidence and an out-of-domain mark."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from .thumbnails import THUMBNAIL_SIZE, ThumbnailLoader

QUEUED, ANALYSING, DONE, ERROR = "queued", "analysing", "done", "error"
OOD_MARK = "\u26a0 out of domain"
NOT_ASSESSABLE_MARK = "\u26a0 not assessable"
PATH_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
REVIEWED_MARK = "reviewed: "
BASE_ROLE = Qt.ItemDataRole.UserRole + 2  # the item's text without the reviewer's class
ERROR_COLOUR = QColor(176, 0, 32)
REVIEW_COLOUR = QColor(160, 90, 0)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImageList", text)


STATUS_TEXT = {QUEUED: QT_TRANSLATE_NOOP("ImageList", "queued"),
               ANALYSING: QT_TRANSLATE_NOOP("ImageList", "analysing"),
               DONE: QT_TRANSLATE_NOOP("ImageList", "done"), ERROR: QT_TRANSLATE_NOOP("ImageList", "error")}


def describe(status: str, result=None) -> str:
    """Second line of an item: status, then class and confidence; for an out-of-domain image 'not assessable'
    with the closest class after it (in the interface language)."""
    shown = _tr(STATUS_TEXT[status]) if status in STATUS_TEXT else status
    if result is None:
        return shown
    if result.error is not None:
        return QCoreApplication.translate("ImageList", "error: %1").replace("%1", result.error)
    if result.in_domain is False:
        # not the class first: the eye would read a diagnosis off an image unlike the training images
        return (QCoreApplication.translate("ImageList", "%1 \u00b7 \u26a0 not assessable (closest %2, %3)")
                .replace("%1", shown).replace("%2", result.label).replace("%3", f"{result.confidence:.0%}"))
    parts = [shown, result.label, f"{result.confidence:.0%}"]
    if result.low_confidence:
        parts.append(QCoreApplication.translate("ImageList", "low confidence"))
    return " \u00b7 ".join(parts)


class ImageList(QListWidget):
    """One item per image of the case, keyed by path. ``image_selected(path)`` follows the current item."""

    image_selected = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setUniformItemSizes(True)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # a long line ends in "…";
        self.setTextElideMode(Qt.TextElideMode.ElideRight)                         # its tooltip has it all
        self._items: dict[Path, QListWidgetItem] = {}
        self._placeholder: QIcon | None = None
        self.thumbnails = ThumbnailLoader(self)
        self.thumbnails.ready.connect(self._set_thumbnail)
        self.currentItemChanged.connect(self._on_current_changed)

    def add_paths(self, paths: list[Path]) -> list[Path]:
        """Add images not yet listed as queued; return the ones added."""
        added = [Path(p) for p in paths if Path(p) not in self._items]
        for path in added:
            item = QListWidgetItem(self._placeholder_icon(), "")
            item.setData(PATH_ROLE, path)
            item.setToolTip(str(path))
            self.addItem(item)
            self._items[path] = item
            self._show(path, QUEUED)
        self.thumbnails.request(added)
        return added

    def clear_case(self) -> None:
        self.thumbnails.pool.clear()
        self._items.clear()
        self.clear()

    def remove(self, path: Path) -> None:
        """Take one image off the list."""
        item = self._items.pop(Path(path), None)
        if item is not None:
            self.takeItem(self.row(item))

    def select_next(self) -> None:
        self.setCurrentRow(min(self.count() - 1, self.currentRow() + 1))

    def select_previous(self) -> None:
        self.setCurrentRow(max(0, self.currentRow() - 1))

    def paths(self) -> list[Path]:
        return list(self._items)

    def status(self, path: Path) -> str | None:
        item = self._items.get(Path(path))
        return item.data(STATUS_ROLE) if item else None

    def item_text(self, path: Path) -> str:
        return self._items[Path(path)].text()

    def set_status(self, paths: list[Path], status: str) -> None:
        for path in paths:
            if Path(path) in self._items:
                self._show(Path(path), status)

    def set_result(self, result) -> None:
        """Show a finished result (done or error)."""
        path = Path(result.path)
        if path in self._items:
            self._show(path, ERROR if result.error else DONE, result)

    def set_reviewed(self, path: Path, reviewed_class: str | None) -> None:
        """Lead the item with the reviewer's class, the model's after it (``None``: the model's text again)."""
        item = self._items.get(Path(path))
        if item is None:
            return
        base = item.data(BASE_ROLE) or item.text()
        if not reviewed_class:
            item.setText(base)
            return
        name, _, model = base.partition("\n")
        item.setText(f"{name}\n{REVIEWED_MARK}{reviewed_class} \u00b7 "
                     + self.tr("model: %1").replace("%1", model))

    def add_problem(self, path: Path, reason: str) -> None:
        """List a path that could not even be scanned (missing, dangling link) as an error."""
        from types import SimpleNamespace

        self.add_paths([path])
        self.set_result(SimpleNamespace(path=path, error=reason))

    def select(self, path: Path) -> None:
        item = self._items.get(Path(path))
        if item is not None:
            self.setCurrentItem(item)

    def _show(self, path: Path, status: str, result=None) -> None:
        item = self._items[path]
        item.setData(STATUS_ROLE, status)
        item.setText(f"{path.name}\n{describe(status, result)}")
        item.setData(BASE_ROLE, item.text())
        if status == ERROR:
            item.setForeground(QBrush(ERROR_COLOUR))
            item.setToolTip(f"{path}\n{result.error if result else ''}")
        elif result is not None and result.needs_review:
            item.setForeground(QBrush(REVIEW_COLOUR))
            item.setToolTip(f"{path}\n{result.ood_reason}")

    @Slot(str, QImage)
    def _set_thumbnail(self, path: str, image: QImage) -> None:
        item = self._items.get(Path(path))
        if item is not None:
            item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _placeholder_icon(self) -> QIcon:
        if self._placeholder is None:
            pixmap = QPixmap(THUMBNAIL_SIZE, THUMBNAIL_SIZE)
            pixmap.fill(QColor(220, 220, 220))
            self._placeholder = QIcon(pixmap)
        return self._placeholder

    def _on_current_changed(self, current, _previous) -> None:
        self.image_selected.emit(current.data(PATH_ROLE) if current is not None else None)
