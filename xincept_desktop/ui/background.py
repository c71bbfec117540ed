"""Plain-Python work (hashing files into the case store, building report snapshots) off the UI thread.

Usage::

    job = BackgroundJob(lambda: slow_call(arguments), parent=self, on_done=self._on_done)
    job.start()                     # self._on_done(result, error) on the UI thread; error is the exception or None

``on_done`` (and any callback added with :meth:`then`) is called by the job's own slot, which runs in the thread the job was created in (the UI thread):
no lambda or ``functools.partial`` is ever connected to a signal that is emitted in another thread (PySide6 runs
such a slot in the emitting thread, even with a queued connection). ``done(result, error)`` is emitted right after,
also on the UI thread, for receivers that are bound methods.

``work`` runs in a thread of its own and must not touch widgets or TensorFlow (the model stays in the one worker
thread of ``ui.worker``); anything it needs from a store it opens itself. ``done`` is emitted on the UI thread
once the thread has ended, so connecting it right after ``start()`` never misses it. A job keeps itself alive
while it runs; :meth:`stop` (at window close) waits for it and drops its ``done``.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QThread, Signal, Slot


class BackgroundJob(QThread):
    """Runs ``work()`` once in its own thread; ``result`` / ``error`` hold the outcome afterwards."""

    done = Signal(object, object)  # result, error (an Exception or None)

    _running: set["BackgroundJob"] = set()  # keeps running jobs referenced even without a Qt parent

    def __init__(self, work: Callable[[], object], parent=None,
                 on_done: Callable[[object, Exception | None], None] | None = None):
        super().__init__(parent)
        self.setObjectName("xincept-background-job")  # named in Qt's own warnings about threads
        self.work = work
        self._callbacks = [on_done] if on_done is not None else []  # called on the UI thread by ``_report``
        self.result: object = None
        self.error: Exception | None = None
        self._reporting = True
        self.finished.connect(self._report)  # queued: the job object lives in the UI thread

    def start(self) -> None:  # noqa: D102 - QThread.start, plus staying referenced until the end
        BackgroundJob._running.add(self)
        super().start()

    def run(self) -> None:
        try:
            self.result = self.work()
        except Exception as exc:  # noqa: BLE001 - every failure goes to the receiver of ``done``
            self.error = exc

    @Slot()
    def _report(self) -> None:
        BackgroundJob._running.discard(self)
        if self._reporting:
            self._reporting = False
            for callback in self._callbacks:
                callback(self.result, self.error)
            self.done.emit(self.result, self.error)

    def then(self, on_done: Callable[[object, Exception | None], None]) -> "BackgroundJob":
        """Also call ``on_done(result, error)`` on the UI thread when the work is done (after earlier callbacks)."""
        self._callbacks.append(on_done)
        return self

    def stop(self) -> None:
        """Wait until the work is finished (it is never cut short) and drop ``done``: the receiver is going away."""
        self._reporting = False
        self.wait()
        BackgroundJob._running.discard(self)

    @classmethod
    def running(cls) -> list["BackgroundJob"]:
        """The jobs started and not yet reported."""
        return list(cls._running)

    @classmethod
    def stop_children(cls, owner) -> None:
        """:meth:`stop` every running job whose Qt parent is ``owner`` (a window that is closing)."""
        for job in cls.running():
            if job.parent() is owner:
                job.stop()


def describe_error(exc: Exception) -> str:
    """A message for the user: our own errors as they are, anything else with its type."""
    from ..errors import XinceptError

    return str(exc) if isinstance(exc, XinceptError) else f"{type(exc).__name__}: {exc}"
