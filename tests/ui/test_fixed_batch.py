import numpy as np

from xincept_desktop.ui.fixed_batch import FixedBatchModel


def test_short_batches_are_padded_and_answer_only_their_rows(tiny_model):
    fixed = FixedBatchModel(tiny_model, 4)
    rng = np.random.default_rng(0)
    images = rng.integers(0, 255, (3, 75, 75, 3), dtype=np.uint8)
    padded = fixed.predict_batch(images)
    direct = tiny_model.predict_batch(np.concatenate([images, np.zeros((1, 75, 75, 3), np.uint8)]))
    assert padded.probabilities.shape == (3, 4)
    assert all(maps.shape[0] == 3 for maps in padded.cams.values())
    np.testing.assert_allclose(padded.probabilities, direct.probabilities[:3], rtol=1e-5)
    assert fixed.version_label == tiny_model.version_label and fixed.input_size == 75
