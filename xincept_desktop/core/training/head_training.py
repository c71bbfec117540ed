"""Stage 2: train the fusion blocks, the cell gate and the softmax head on cached backbone maps, checkpointed
every epoch.

The loss is the class cross-entropy plus ``GATE_LOSS_WEIGHT`` times the cell gate's binary cross-entropy against
the lymphoblast mask of each row; rows with no mask (Pro, held-out images) add nothing to the gate's loss.
"""

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
from .cell_masks import NO_MASK

GATE_LOSS_WEIGHT = 1.0


def masked_gate_loss(mask, gate):
    """Per-row binary cross-entropy of the gate against the mask, over the positions that have a mask value."""
    import keras

    ops = keras.ops
    valid = ops.cast(ops.greater(mask, NO_MASK / 2), gate.dtype)
    target = ops.clip(mask, 0.0, 1.0)
    gate = ops.clip(gate, 1e-6, 1.0 - 1e-6)
    cross_entropy = -(target * ops.log(gate) + (1.0 - target) * ops.log(1.0 - gate))
    counted = ops.maximum(ops.sum(valid, axis=(1, 2, 3)), 1.0)
    return ops.sum(cross_entropy * valid, axis=(1, 2, 3)) / counted


def cached_maps_dataset(*args, **kwargs):
    """Keras ``PyDataset`` over rows of a feature cache: float32 maps, then one-hot labels and cell masks as
    targets, shuffled per epoch."""
    import keras

    class _Dataset(keras.utils.PyDataset):
        def __init__(self, arrays, masks, rows, labels, weights, batch_size, seed, smoothing):
            super().__init__()
            self.arrays, self.masks = arrays, masks
            self.rows, self.labels = np.asarray(rows), np.asarray(labels)
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
            masks = np.asarray(self.masks[rows], dtype=np.float32)[..., None]
            weights = self.weights[picked].astype(np.float32)
            return maps, (target, masks), (weights, weights)

    return _Dataset(*args, **kwargs)


def train_fusion_head(
    arrays: Sequence[np.ndarray],
    masks: np.ndarray,
    train_rows: Sequence[int],
    train_labels: np.ndarray,
    workspace: Path,
    seed: int,
    log: Callable[[str], None],
    channels: int = 128,
    epochs: int = 8,
    batch_size: int = 64,
    shapes=None,
    features_key: str = "",
):
    """Fit the fusion model on the cached maps and cell ``masks`` (rows, grid, grid), resuming from
    ``workspace/head.weights.h5`` and ``head_state.json`` if present and made from the same features and settings
    (``features_key``: the feature cache's key; a checkpoint of other features is not resumed)."""
    import keras
    import tensorflow as tf

    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    shapes = shapes or tuple(tuple(a.shape[1:]) for a in arrays)
    model, trunk, head = build_training_model(channels, 4, shapes)
    steps = int(np.ceil(len(train_rows) / batch_size)) * epochs
    schedule = keras.optimizers.schedules.CosineDecay(1e-3, decay_steps=steps, alpha=0.02)
    model.compile(optimizer=keras.optimizers.AdamW(schedule, weight_decay=1e-4),
                  loss=[keras.losses.CategoricalCrossentropy(), masked_gate_loss],
                  loss_weights=[1.0, GATE_LOSS_WEIGHT], metrics=[["accuracy"], []])
    weights_path, state_path = workspace / "head.weights.h5", workspace / "head_state.json"
    run_key = json.dumps([features_key, seed, channels, epochs, batch_size, len(train_rows)])
    start_epoch = _resume(model, weights_path, state_path, log, run_key)
    data = cached_maps_dataset(arrays, masks, train_rows, train_labels, balanced_sample_weights(train_labels),
                               batch_size, seed, 0.05)
    for epoch in range(start_epoch, epochs):
        data.rng = np.random.default_rng(seed * 1000 + epoch)
        data.on_epoch_end()
        began = time.monotonic()
        history = model.fit(data, epochs=epoch + 1, initial_epoch=epoch, verbose=0)
        took = time.monotonic() - began
        last = {name: values[-1] for name, values in history.history.items()}
        log(f"fusion head epoch {epoch + 1}/{epochs}: loss {last['loss']:.4f} "
            f"(gate {_find(last, 'gate'):.4f}) acc {_find(last, 'accuracy'):.4f} ({format_duration(took)}, "
            f"ETA {format_duration(took * (epochs - epoch - 1))})")
        _checkpoint(model, epoch + 1, weights_path, state_path, run_key)
    return model, trunk, head


def _find(metrics: dict, part: str) -> float:
    """The first metric whose name contains ``part`` (Keras names them after the outputs)."""
    return next((float(v) for k, v in metrics.items() if part in k and k != "loss"), float("nan"))


def _checkpoint(model, epoch: int, weights_path: Path, state_path: Path, run_key: str = "") -> None:
    """Model and optimizer state (``save_weights`` stores both), swapped in whole, then the epoch count and what
    the run was made from."""
    staged = weights_path.with_name("next-" + weights_path.name)
    model.save_weights(staged)
    os.replace(staged, weights_path)
    atomic_write_text(state_path, json.dumps({"epoch": epoch, "run": run_key}))


def _resume(model, weights_path: Path, state_path: Path, log, run_key: str = "") -> int:
    if not (weights_path.exists() and state_path.exists()):
        return 0
    state = json.loads(state_path.read_text())
    if state.get("run") != run_key:
        log("fusion head checkpoint was made from other features or settings: training from the first epoch")
        return 0
    epoch = int(state["epoch"])
    model.optimizer.build(model.trainable_variables)  # built first, so load_weights restores its variables too
    model.load_weights(weights_path)
    log(f"resumed fusion head training after epoch {epoch}")
    return epoch
