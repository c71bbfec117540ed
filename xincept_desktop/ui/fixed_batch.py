"""Run every batch at one fixed size so the compiled network is traced once, in the worker, and never again.

A traced ``tf.function`` retraces when a shorter last batch arrives; retracing a network that was built in
the worker thread while the rest of the app is busy crashed TensorFlow in our tests (segmentation fault), so
the worker pads short batches with blank images and drops their rows from the answer.
"""

from __future__ import annotations

from dataclasses import fields, replace

import numpy as np


class FixedBatchModel:
    """Wraps an ``XInceptModel``: same attributes, ``predict_batch`` always runs ``batch_size`` images."""

    def __init__(self, model, batch_size: int):
        self.model = model
        self.batch_size = batch_size

    def __getattr__(self, name):
        return getattr(self.model, name)

    def warm_up(self) -> None:
        """Trace the network now (a blank batch)."""
        size = self.model.input_size
        self.model.predict_batch(np.zeros((self.batch_size, size, size, 3), np.uint8))

    def predict_batch(self, images: np.ndarray):
        images = np.asarray(images)
        n = len(images)
        if n == 0 or n > self.batch_size:
            return self.model.predict_batch(images)
        if n < self.batch_size:
            padding = np.zeros((self.batch_size - n, *images.shape[1:]), images.dtype)
            images = np.concatenate([images, padding])
        return _first_rows(self.model.predict_batch(images), n)


def _first_rows(prediction, n: int):
    changes = {}
    for field in fields(prediction):
        value = getattr(prediction, field.name)
        if isinstance(value, dict):
            changes[field.name] = {key: array[:n] for key, array in value.items()}
        elif isinstance(value, np.ndarray):
            changes[field.name] = value[:n]
    return replace(prediction, **changes)
