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


def test_a_checkpoint_resumes_only_the_run_that_made_it(tmp_path):
    import numpy as np

    from xincept_desktop.core.training.head_training import train_fusion_head

    rng = np.random.default_rng(0)
    shapes = [(3, 3, 16), (1, 1, 16), (5, 5, 16), (3, 3, 16), (9, 9, 8)]  # the five maps' grids at 75 px
    arrays = [rng.normal(size=(12, *s)).astype(np.float32) for s in shapes]
    masks = np.full((12, 9, 9), -1.0, np.float32)
    labels = np.arange(12) % 4
    logs = []
    train = lambda key, epochs: train_fusion_head(arrays, masks, list(range(12)), labels, tmp_path, 1, logs.append,
                                                  channels=8, epochs=epochs, batch_size=6, features_key=key)
    train("features-a", 2)
    logs.clear()
    train("features-a", 2)  # the same features and settings: nothing left to train
    assert any("resumed fusion head training after epoch 2" in line for line in logs)
    assert sum("fusion head epoch" in line for line in logs) == 0
    logs.clear()
    train("features-b", 2)  # other features (a new augmentation): a checkpoint of features-a is not theirs
    assert any("made from other features" in line for line in logs)
    assert sum("fusion head epoch" in line for line in logs) == 2
