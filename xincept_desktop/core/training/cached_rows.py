"""A split's cached rows as training and the lever studies read them: the row groups, the fused embedding of every
row, the training scale, the split's own run (``SplitRun``) and two caches read as one (``RowsOf``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

from .augment import PERTURBATIONS
from .dataset import LabelledImage, data_hash, list_dataset
from .extraction import extract_features, plan_rows
from .feature_cache import ViewRow
from .split import Split, block_split
from .workspace import training_workspace


def training_scale_reference(items: list[LabelledImage], split: Split, log: Callable[[str], None]):
    """The ruler's reading of the training images: the scale every training view (and, in the app, every image)
    is brought to."""
    from ..imaging import load_image
    from ..scale import build_reference

    reference, _ = build_reference((load_image(items[i].path) for i in split.train), trained_at_scale=True)
    log(f"training scale: red cells {reference.red_cell_px:.1f} px (median of {reference.images} training images); "
        f"their own scales {reference.training_spread[0]:.2f}-{reference.training_spread[1]:.2f}x")
    return reference


def row_groups(rows, split) -> dict[str, list[int]]:
    train, validation = set(split.train), set(split.validation)
    groups: dict[str, list[int]] = {"train": [], "validation": [], "left_out": []}
    groups.update({name: [] for name in PERTURBATIONS})
    for index, row in enumerate(rows):
        if row.image in train and (row.view == "clean" or row.view.startswith("aug")):
            groups["train"].append(index)
        elif row.image in validation and row.view == "clean":
            groups["validation"].append(index)
        elif row.view in PERTURBATIONS:
            groups[row.view].append(index)
        elif row.view == "clean":
            groups["left_out"].append(index)
    return groups


def embed_rows(trunk, head, arrays, batch_size: int = 128) -> tuple[np.ndarray, np.ndarray]:
    """Fused embedding and the share of the image the cell gate opens (mean gate value), per cached row."""
    import tensorflow as tf

    @tf.function(reduce_retracing=True)
    def embed(maps):
        gated, gate = trunk(maps, training=False)
        embedding, _ = head([gated, gate], training=False)
        return embedding, tf.reduce_mean(gate, axis=(1, 2, 3))

    embeddings, coverage = [], []
    for start in range(0, arrays[0].shape[0], batch_size):
        maps = [np.asarray(a[start:start + batch_size], dtype=np.float32) for a in arrays]
        embedding, share = embed(maps)
        embeddings.append(np.asarray(embedding))
        coverage.append(np.asarray(share))
    return np.concatenate(embeddings), np.concatenate(coverage)


@dataclass(frozen=True)
class SplitRun:
    """A split's own training run as its workspace holds it: images, split, cached rows and their cache."""
    items: list
    split: object
    rows: list[ViewRow]
    workspace: Path
    reference: object
    digest: str
    cache: object


def split_run(config, log: Callable[[str], None]) -> SplitRun:
    """The split ``xincept train --out config.out --fold config.fold`` trained on, with its (complete) cache."""
    items = list_dataset(config.data)
    split = block_split(items, config.block_size, config.n_folds, config.fold)
    rows = plan_rows(split, config.n_augmented)
    workspace = training_workspace(config.out, fresh=False)
    reference = training_scale_reference(items, split, log)
    digest = data_hash(config.data)
    cache, _ = extract_features(items, rows, workspace / "features", config.weights_folder, digest, config.seed, log,
                                input_size=config.input_size, masked_images=set(split.train), reference=reference)
    return SplitRun(items, split, rows, workspace, reference, digest, cache)


class RowsOf:
    """Two row-indexed arrays (a split's cache, then a lever's extra rows) read as one: ``shape`` and
    ``array[sorted row indices]``, which is all training reads."""

    def __init__(self, first, second):
        self.first, self.second = first, second
        self.shape = (first.shape[0] + second.shape[0], *first.shape[1:])

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, rows):
        rows = np.asarray(rows)
        in_first = rows < self.first.shape[0]
        out = np.empty((len(rows), *self.shape[1:]), dtype=self.first.dtype)
        out[in_first] = self.first[rows[in_first]]
        out[~in_first] = self.second[rows[~in_first] - self.first.shape[0]]
        return out
