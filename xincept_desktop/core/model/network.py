"""Assemble the backbones (with their ImageNet weights) and compile the forward passes."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .backbones import build_feature_extractor, build_inception_v3, build_xception
from .imagenet_weights import INCEPTION_FILE, XCEPTION_FILE
from .weight_files import load_weight_arrays, set_model_weights, weights_digest

RANDOM_BACKBONE_SEED = 0


def build_backbones(input_size: int, weights_folder: Path | None, expected_digests: dict[str, str] | None = None):
    """InceptionV3 (exact 2015 graph) and Xception; ImageNet weights from ``weights_folder`` when given.

    ``weights_folder=None`` leaves random weights: only for tests with tiny inputs. They are drawn after seeding
    Keras with ``RANDOM_BACKBONE_SEED``, so every load of a test bundle (and its exported runtime) gets the same ones.
    Returns ``(inception, xception, digests)``.
    """
    if weights_folder is None:
        import keras

        keras.utils.set_random_seed(RANDOM_BACKBONE_SEED)
    inception = build_inception_v3(input_size, "max")
    xception = build_xception(input_size)
    digests: dict[str, str] = {}
    if weights_folder is None:
        digests = {"inception_v3": "random", "xception": "random"}
        return inception, xception, digests
    expected = expected_digests or {}
    for name, model, filename in (("inception_v3", inception, INCEPTION_FILE), ("xception", xception, XCEPTION_FILE)):
        path = Path(weights_folder) / filename
        arrays = load_weight_arrays(path, expected.get(name))
        set_model_weights(model, arrays, path)
        digests[name] = weights_digest(arrays)
    return inception, xception, digests


def make_extractor(input_size: int, weights_folder: Path | None, expected_digests: dict[str, str] | None = None):
    """Keras model: image batch (float, 0-255) -> four backbone maps, plus the weight digests."""
    inception, xception, digests = build_backbones(input_size, weights_folder, expected_digests)
    return build_feature_extractor(input_size, inception, xception), digests


def compiled_forward(model):
    """A ``tf.function`` around ``model(x, training=False)`` that retraces only on a new batch size."""
    import tensorflow as tf

    @tf.function(reduce_retracing=True)
    def forward(images):
        return model(images, training=False)

    return forward


def batched(forward, images: np.ndarray, batch_size: int = 16) -> list[np.ndarray]:
    """Run ``forward`` over ``images`` in batches; concatenate each output."""
    outputs: list[list[np.ndarray]] = []
    for start in range(0, len(images), batch_size):
        result = forward(np.asarray(images[start:start + batch_size], dtype=np.float32))
        result = result if isinstance(result, (list, tuple)) else [result]
        outputs.append([np.asarray(r) for r in result])
    return [np.concatenate(parts) for parts in zip(*outputs)]
