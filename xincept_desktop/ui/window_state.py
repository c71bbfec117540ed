"""The main window's size, position and dock arrangement, saved at close and restored at start (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt

from . import settings as preferences_store

STATE_VERSION = 2  # bump when docks are added or renamed: an older arrangement is then ignored, not half-applied
GEOMETRY_KEY, STATE_KEY = "window/geometry", "window/state"
DEFAULT_SIZE = (1280, 820)
LEFT_WIDTH, RIGHT_WIDTH = 260, 340


def restore(window) -> None:
    """The saved geometry and docks, else the default arrangement (Images over Heat map on the left)."""
    store = preferences_store.settings()
    geometry, state = store.value(GEOMETRY_KEY), store.value(STATE_KEY)
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        window.resize(*DEFAULT_SIZE)
    if not (isinstance(state, QByteArray) and window.restoreState(state, STATE_VERSION)):
        default_docks(window)


def default_docks(window) -> None:
    images, result, case, heat = window.docks
    window.splitDockWidget(images, heat, Qt.Orientation.Vertical)
    window.resizeDocks([images, result], [LEFT_WIDTH, RIGHT_WIDTH], Qt.Orientation.Horizontal)
    window.resizeDocks([images, heat], [3, 2], Qt.Orientation.Vertical)
    window.resizeDocks([result, case], [11, 9], Qt.Orientation.Vertical)  # the result first; the case list scrolls


def save(window) -> None:
    store = preferences_store.settings()
    store.setValue(GEOMETRY_KEY, window.saveGeometry())
    store.setValue(STATE_KEY, window.saveState(STATE_VERSION))
    store.sync()
