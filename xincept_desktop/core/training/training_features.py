"""Compute a bundle's ``training_features.npz`` from its training images through the loaded model.

The embeddings come from the model object's ``predict_batch`` (whatever runtime it uses), so they are exactly what
the app computes for an image: the clean view of every image and ``views`` augmented ones (the training
augmentation: RandAugment, stain, lamp, blur, JPEG, flips), seeded per chunk so a run is repeatable.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from ..imaging import load_model_input
from ..model.training_features import TrainingFeatures
from ..progress import EtaTracker
from .augment import TrainingAugmenter
from .dataset import LabelledImage


def compute_training_features(model, items: Sequence[LabelledImage], views: int, seed: int,
                              log: Callable[[str], None], chunk: int = 16) -> TrainingFeatures:
    augmenter = TrainingAugmenter()
    labels = np.array([item.label for item in items])
    total = len(items) * (1 + views)
    tracker = EtaTracker(total, 0)
    embeddings, row_labels, row_views = [], [], []
    done = 0
    for start in range(0, len(items), chunk):
        batch = items[start:start + chunk]
        images = np.stack([load_model_input(item.path, model.input_size) for item in batch])
        for view in range(views + 1):
            shown = images if view == 0 else augmenter(images, seed * 1_000_003 + view * 100_000 + start)
            embeddings.append(np.asarray(model.predict_batch(shown).embeddings, np.float32))
            row_labels.append(labels[start:start + chunk])
            row_views.append(np.full(len(batch), view))
            done += len(batch)
        tracker.update(done)
        if (start // chunk) % 20 == 0:
            log(tracker.describe("training features"))
    return TrainingFeatures(np.concatenate(embeddings).astype(np.float16), np.concatenate(row_labels),
                            np.concatenate(row_views))
