"""Build a small but complete model bundle for tests: random backbones at 75 x 75, an 8-channel fusion head
fitted for a few steps, XGBoost, calibration and out-of-domain statistics. Never shipped."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from xincept_desktop.config import CLASS_NAMES
from xincept_desktop.core.model.backbones import build_feature_extractor
from xincept_desktop.core.model.bundle import CALIBRATION, FUSION_WEIGHTS, OOD_STATS, XGBOOST_MODEL, Manifest, write_manifest
from xincept_desktop.core.model.fusion import build_training_model
from xincept_desktop.core.model.network import build_backbones
from xincept_desktop.core.model.ood import DomainDetector, image_structure
from xincept_desktop.core.model.xgb_head import fit_xgboost, save_booster

INPUT_SIZE = 75
CHANNELS = 8


def class_images(n_per_class: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Four easy synthetic classes (different tints) so the tiny model learns something."""
    rng = np.random.default_rng(seed)
    tints = np.array([[200, 80, 80], [80, 200, 80], [80, 80, 200], [200, 200, 80]])
    images, labels = [], []
    for label, tint in enumerate(tints):
        for _ in range(n_per_class):
            images.append(np.clip(tint + rng.normal(0, 25, (INPUT_SIZE, INPUT_SIZE, 3)), 0, 255))
            labels.append(label)
    return np.asarray(images, np.float32), np.asarray(labels)


def build_tiny_bundle(folder: Path, seed: int = 0) -> Path:
    import keras
    keras.utils.set_random_seed(seed)
    folder.mkdir(parents=True, exist_ok=True)
    inception, xception, digests = build_backbones(INPUT_SIZE, None)
    extractor = build_feature_extractor(INPUT_SIZE, inception, xception)
    shapes = tuple(tuple(int(d) for d in o.shape[1:]) for o in extractor.outputs)
    model, trunk, head = build_training_model(CHANNELS, len(CLASS_NAMES), shapes)
    images, labels = class_images(6, seed)
    maps = extractor.predict(images, verbose=0)
    model.compile(optimizer="adam", loss=["sparse_categorical_crossentropy", None])  # the gate is left untrained
    model.fit(maps, labels, epochs=60, batch_size=8, verbose=0)  # enough steps for batch-norm statistics to settle
    embeddings = np.asarray(head(trunk(maps))[0])
    booster = fit_xgboost(embeddings, labels, len(CLASS_NAMES), seed, rounds=10, max_depth=2)
    model.save_weights(folder / FUSION_WEIGHTS)
    save_booster(booster, folder / XGBOOST_MODEL)
    (folder / CALIBRATION).write_text(json.dumps({"method": "temperature", "temperature": 1.5}))
    pooled = np.concatenate([m.mean(axis=(1, 2)) for m in maps], axis=1)
    detector = DomainDetector.fit(embeddings, pooled, labels)
    detector.set_thresholds(embeddings, pooled, 1.0)
    detector.set_structure_threshold(image_structure(images))
    detector.save(folder / OOD_STATS)
    write_manifest(folder, Manifest(name="tiny-test", version="0", classes=list(CLASS_NAMES),
                                    input_size=INPUT_SIZE, preprocessing="test", fusion_channels=CHANNELS,
                                    backbone_weights=digests))
    return folder
