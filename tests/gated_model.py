"""A model wrapper whose batches run only when the test lets them: analyses that stop mid-folder on purpose."""

from __future__ import annotations

import threading


class GatedModel:
    """Delegates to ``model``; ``predict_batch`` waits while ``allow`` batches are used up (None: no limit)."""

    def __init__(self, model, allow: int | None = None):
        self._model = model
        self._gate = threading.Condition()
        self._allow = allow
        self.started = 0  # batches that passed the gate

    def __getattr__(self, name):
        return getattr(self._model, name)

    def predict_batch(self, images):
        with self._gate:
            while self._allow is not None and self._allow <= 0:
                self._gate.wait()
            if self._allow is not None:
                self._allow -= 1
            self.started += 1
        return self._model.predict_batch(images)

    def release(self, batches: int | None = None) -> None:
        """Let ``batches`` more batches run (None: all of them, from now on)."""
        with self._gate:
            self._allow = None if batches is None else (self._allow or 0) + batches
            self._gate.notify_all()
