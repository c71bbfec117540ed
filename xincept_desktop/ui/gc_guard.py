"""Python's cyclic garbage collector runs only on the GUI thread.

Automatic collection runs in whichever thread happens to allocate when a threshold is crossed. When that is the
worker thread (TensorFlow tracing allocates a lot) and the garbage holds Qt wrappers made on the GUI thread, Qt
objects are destroyed in the wrong thread: seen as a segmentation fault inside "Garbage-collecting" while the
worker traced the model. So automatic collection is switched off and a timer on the GUI thread collects
instead, one generation at a time as the counts cross the usual thresholds (the approach of pyqtgraph's
``GarbageCollector``).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

INTERVAL_MS = 500
_installed: "MainThreadCollector | None" = None


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect)
        self.timer.start(INTERVAL_MS)

    @Slot()
    def collect(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def collect_on_gui_thread() -> None:
    """Once per application: disable automatic collection and collect from a GUI-thread timer."""
    global _installed
    app = QCoreApplication.instance()
    if app is None or (_installed is not None and _installed.parent() is app):
        return
    gc.disable()
    _installed = MainThreadCollector(app)
