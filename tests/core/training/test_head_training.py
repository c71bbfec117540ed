import numpy as np

from xincept_desktop.core.training.cell_masks import NO_MASK
from xincept_desktop.core.training.head_training import masked_gate_loss


def _loss(mask, gate):
    return np.asarray(masked_gate_loss(np.asarray(mask, np.float32)[..., None], np.asarray(gate, np.float32)[..., None]))


def test_gate_loss_is_low_when_the_gate_matches_the_mask_and_high_when_inverted():
    mask = np.zeros((1, 4, 4), np.float32)
    mask[0, 1:3, 1:3] = 1
    good = np.clip(mask, 0.02, 0.98)
    assert _loss(mask, good)[0] < 0.05
    assert _loss(mask, 1 - good)[0] > 3.0


def test_rows_without_a_mask_add_no_gate_loss():
    no_mask = np.full((2, 4, 4), NO_MASK, np.float32)
    assert np.allclose(_loss(no_mask, np.random.default_rng(0).random((2, 4, 4))), 0.0)


def test_gate_loss_is_per_row():
    mask = np.stack([np.ones((4, 4)), np.full((4, 4), NO_MASK)]).astype(np.float32)
    losses = _loss(mask, np.full((2, 4, 4), 0.5))
    assert losses.shape == (2,) and losses[0] > 0.6 and losses[1] == 0.0
