"""The compiled inference pass: calibrated probabilities, OOD scores and class-activation maps."""

import numpy as np

from tests.tiny_bundle import class_images


def test_batch_outputs_are_consistent(tiny_model):
    images, labels = class_images(2, seed=5)
    batch = tiny_model.predict_batch(images.astype(np.uint8))
    n = len(images)
    assert batch.probabilities.shape == (n, 4)
    np.testing.assert_allclose(batch.probabilities.sum(1), 1.0, atol=1e-6)
    assert batch.ood_scores.shape == (n,) and batch.in_domain.dtype == bool
    for method in ("gradcam", "gradcam++"):
        cams = batch.cams[method]
        assert cams.shape[:2] == (n, 4)
        assert cams.min() >= 0.0 and cams.max() <= 1.0 + 1e-6


def test_probabilities_are_calibrated_xgboost_on_the_embedding(tiny_model):
    from xincept_desktop.core.model.calibration import softmax
    from xincept_desktop.core.model.xgb_head import margins

    images, _ = class_images(1, seed=9)
    batch = tiny_model.predict_batch(images.astype(np.uint8))
    expected = softmax(margins(tiny_model._booster, batch.embeddings), tiny_model.temperature)
    np.testing.assert_allclose(batch.probabilities, expected, atol=1e-6)
    np.testing.assert_array_equal(batch.labels, expected.argmax(1))


def test_temperature_softens_probabilities(tiny_model):
    images, _ = class_images(1, seed=3)
    batch = tiny_model.predict_batch(images.astype(np.uint8))
    assert tiny_model.temperature == 1.5
    assert batch.probabilities.max() < 1.0


def test_another_booster_of_the_bundle_can_be_chosen(tiny_bundle, tiny_model, tmp_path):
    import shutil

    from xincept_desktop.core.model.bundle import VALIDATION_XGBOOST, read_manifest, write_manifest
    from xincept_desktop.core.model.calibration import softmax
    from xincept_desktop.core.model.predictor import XInceptModel
    from xincept_desktop.core.model.xgb_head import fit_xgboost, margins, save_booster

    folder = tmp_path / "bundle"
    shutil.copytree(tiny_bundle, folder)
    images, labels = class_images(2, seed=4)
    embeddings = tiny_model.predict_batch(images.astype(np.uint8)).embeddings
    validation_booster = fit_xgboost(embeddings, (labels + 1) % 4, 4, 0, rounds=10, max_depth=2)
    save_booster(validation_booster, folder / VALIDATION_XGBOOST)
    write_manifest(folder, read_manifest(folder))
    chosen = XInceptModel.load(folder, booster_file=VALIDATION_XGBOOST).predict_batch(images.astype(np.uint8))
    shipped = XInceptModel.load(folder).predict_batch(images.astype(np.uint8))
    expected = softmax(margins(validation_booster, chosen.embeddings), tiny_model.temperature)
    np.testing.assert_allclose(chosen.probabilities, expected, atol=1e-6)
    assert np.abs(shipped.probabilities - expected).max() > 0.05


def test_a_booster_the_bundle_does_not_list_is_refused(tiny_bundle):
    import pytest

    from xincept_desktop.core.model.bundle import VALIDATION_XGBOOST
    from xincept_desktop.core.model.predictor import XInceptModel
    from xincept_desktop.errors import ModelIntegrityError

    with pytest.raises(ModelIntegrityError, match=VALIDATION_XGBOOST):
        XInceptModel.load(tiny_bundle, booster_file=VALIDATION_XGBOOST)
