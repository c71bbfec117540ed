"""The cell-gated fusion network: shapes, gate-weighted pooling, and a gate that only the masks can train."""

import numpy as np
import pytest

from xincept_desktop.core.model.fusion import GATE_FLOOR, build_training_model

SHAPES = ((3, 3, 768), (1, 1, 2048), (5, 5, 728), (3, 3, 2048), (9, 9, 256))


@pytest.fixture(scope="module")
def network():
    import keras

    keras.utils.set_random_seed(0)
    return build_training_model(8, 4, SHAPES)


def _maps(seed: int = 0, n: int = 2):
    rng = np.random.default_rng(seed)
    return [rng.random((n, *shape)).astype(np.float32) for shape in SHAPES]


def test_outputs_are_probabilities_and_a_gate_on_the_fine_grid(network):
    model, trunk, _head = network
    probabilities, gate = (np.asarray(o) for o in model(_maps()))
    assert probabilities.shape == (2, 4) and np.allclose(probabilities.sum(axis=1), 1.0, atol=1e-5)
    assert gate.shape == (2, 9, 9, 1) and 0.0 <= gate.min() and gate.max() <= 1.0
    gated, _ = trunk(_maps())
    assert tuple(gated.shape) == (2, 9, 9, 8)


def test_embedding_is_the_gate_weighted_mean(network):
    _model, trunk, head = network
    gated, gate = (np.asarray(o) for o in trunk(_maps(1)))
    embedding, _ = head([gated, gate])
    expected = gated.sum(axis=(1, 2)) / (gate.sum(axis=(1, 2)) + GATE_FLOOR)
    np.testing.assert_allclose(np.asarray(embedding), expected, rtol=1e-4, atol=1e-6)


def test_class_loss_does_not_reach_the_gate_but_the_mask_loss_does(network):
    import tensorflow as tf

    model, _trunk, _head = network
    gate_variables = [v for v in model.trainable_variables
                      if v.path.split("/")[-2].startswith(("gate_fine", "gate_mix", "cell_gate"))]
    assert gate_variables
    maps = [tf.constant(m) for m in _maps(3)]
    with tf.GradientTape(persistent=True) as tape:
        probabilities, gate = model(maps, training=True)
        class_loss = tf.reduce_sum(probabilities[:, 0])
        gate_loss = tf.reduce_sum(gate)
    assert all(g is None for g in tape.gradient(class_loss, gate_variables))
    assert all(g is not None and float(tf.reduce_sum(tf.abs(g))) > 0 for g in tape.gradient(gate_loss, gate_variables))
