"""The tiny test bundle with training features (a parent for site adaptation) and a tiny lab's class folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
from PIL import Image

from tests.tiny_bundle import class_images

CLASSES = ["Benign", "Early", "Pre", "Pro"]


def tiny_parent(tiny_bundle: Path, folder: Path) -> Path:
    """A copy of the tiny bundle with ``training_features.npz`` computed through the loaded model."""
    from xincept_desktop.core.model.bundle import read_manifest, write_manifest
    from xincept_desktop.core.model.predictor import XInceptModel
    from xincept_desktop.core.model.training_features import TRAINING_FEATURES, TrainingFeatures

    shutil.copytree(tiny_bundle, folder)
    model = XInceptModel.load(folder)
    images, labels = class_images(8, seed=3)
    embeddings = model.predict_batch(images.astype(np.uint8)).embeddings
    TrainingFeatures(embeddings.astype(np.float16), labels, np.zeros(len(labels), int)).save(folder / TRAINING_FEATURES)
    write_manifest(folder, read_manifest(folder))
    return folder


def tiny_lab(root: Path, per_class: int = 30, skip: tuple[str, ...] = ()) -> Path:
    """``root/<class>/lab-<class>-NNN.png``: numbered tinted images the tiny model can tell apart."""
    images, labels = class_images(per_class, seed=11)
    for index, (image, label) in enumerate(zip(images, labels)):
        name = CLASSES[label]
        if name in skip:
            continue
        (root / name).mkdir(parents=True, exist_ok=True)
        Image.fromarray(image.astype(np.uint8)).save(root / name / f"lab-{name}-{index % per_class:03d}.png")
    return root
