"""Stage 2: train the fusion blocks and softmax head on cached backbone maps, checkpointed every epoch."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..atomic import atomic_write_text
from ..model.fusion import build_training_model
from ..model.xgb_head import balanced_sample_weights
from ..progress import format_duration


def cached_maps_dataset(*args, **kwargs):
    """Keras ``PyDataset`` over rows of a feature cache: float32 maps and one-hot labels, shuffled per epoch."""
    import keras

    class _Dataset(keras.utils.PyDataset):
        def __init__(self, arrays, rows, labels, weights, batch_size, seed, smoothing):
            super().__init__()
            self.arrays, self.rows, self.labels = arrays, np.asarray(rows), np.asarray(labels)
            self.weights, self.batch_size, self.smoothing = weights, batch_size, smoothing
            self.rng = np.random.default_rng(seed)
            self.order = np.arange(len(self.rows))
            self.on_epoch_end()

        def __len__(self):
            return int(np.ceil(len(self.rows) / self.batch_size))

        def on_epoch_end(self):
            self.rng.shuffle(self.order)

        def __getitem__(self, index):
            picked = np.sort(self.order[index * self.batch_size:(index + 1) * self.batch_size])
            rows = self.rows[picked]
            maps = tuple(np.asarray(a[rows], dtype=np.float32) for a in self.arrays)
            n_classes = 4
            target = np.full((len(rows), n_classes), self.smoothing / n_classes, dtype=np.float32)
            target[np.arange(len(rows)), self.labels[picked]] += 1.0 - self.smoothing
            return maps, target, self.weights[picked].astype(np.float32)

    return _Dataset(*args, **kwargs)


def train_fusion_head(
    arrays: Sequence[np.ndarray],
    train_rows: Sequence[int],
    train_labels: np.ndarray,
    workspace: Path,
    seed: int,
    log: Callable[[str], None],
    channels: int = 128,
    epochs: int = 8,
    batch_size: int = 64,
    shapes=None,
):
    """Fit the fusion model, resuming from ``workspace/head.weights.h5`` and ``head_state.json`` if present."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    shapes = shapes or tuple(tuple(a.shape[1:]) for a in arrays)
    model, trunk, head = build_training_model(channels, 4, shapes)
    steps = int(np.ceil(len(train_rows) / batch_size)) * epochs
    schedule = keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=steps, alpha=0.02)
    model.compile(optimizer=keras.optimizers.AdamW(schedule, weight_decay=1e-4),
                  loss=keras.losses.CategoricalCrossentropy(), metrics=["accuracy"])
    weights_path, state_path = workspace / "head.weights.h5", workspace / "head_state.json"
    start_epoch = _resume(model, weights_path, state_path, log)
    data = cached_maps_dataset(arrays, train_rows, train_labels, balanced_sample_weights(train_labels), batch_size, seed, 0.05)
    for epoch in range(start_epoch, epochs):
        data.rng = np.random.default_rng(seed * 1000 + epoch)
        data.on_epoch_end()
        began = time.monotonic()
        history = model.fit(data, epochs=epoch + 1, initial_epoch=epoch, verbose=0)
        took = time.monotonic() - began
        log(f"fusion head epoch {epoch + 1}/{epochs}: loss {history.history['loss'][-1]:.4f} "
            f"acc {history.history['accuracy'][-1]:.4f} ({format_duration(took)}, "
            f"ETA {format_duration(took * (epochs - epoch - 1))})")
        _checkpoint(model, epoch + 1, weights_path, state_path)
    return model, trunk, head


def _checkpoint(model, epoch: int, weights_path: Path, state_path: Path) -> None:
    """Model and optimizer state (``save_weights`` stores both), swapped in whole, then the epoch count."""
    staged = weights_path.with_name("next-" + weights_path.name)
    model.save_weights(staged)
    os.replace(staged, weights_path)
    atomic_write_text(state_path, json.dumps({"epoch": epoch}))


def _resume(model, weights_path: Path, state_path: Path, log) -> int:
    if not (weights_path.exists() and state_path.exists()):
        return 0
    epoch = int(json.loads(state_path.read_text())["epoch"])
    model.optimizer.build(model.trainable_variables)  # built first, so load_weights restores its variables too
    model.load_weights(weights_path)
    log(f"resumed fusion head training after epoch {epoch}")
    return epoch
