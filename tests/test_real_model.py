"""The shipped model on real held-out images (a few targeted checks; the model card has the full figures)."""

import os

import numpy as np
import pytest

from xincept_desktop.config import CLASS_NAMES, REPO_DIR

pytestmark = pytest.mark.real_model
BUNDLE = REPO_DIR / "models" / "xincept-all"


@pytest.fixture(scope="module")
def real_model():
    if not (BUNDLE / "manifest.json").is_file():
        if os.environ.get("CI"):
            pytest.fail(f"shipped model bundle missing: {BUNDLE}")
        pytest.skip("no shipped model bundle yet")
    from xincept_desktop.core.model.predictor import XInceptModel

    return XInceptModel.load(BUNDLE)


@pytest.fixture(scope="module")
def held_out(shared_data):
    from xincept_desktop.core.hashing import sha256_file
    from xincept_desktop.core.training.dataset import list_dataset
    from xincept_desktop.core.training.split import block_split

    items = list_dataset(shared_data / "Original")
    split = block_split(items, hashes=[sha256_file(item.path) for item in items])
    picked = []
    for label in range(len(CLASS_NAMES)):
        held = [items[i] for i in split.validation if items[i].label == label]
        picked += held[:: max(1, len(held) // 4)][:4]
    return picked


def test_manifest_records_backbone_digests_and_every_file(real_model):
    manifest = real_model.manifest
    assert set(manifest.backbone_weights) == {"inception_v3", "xception"}
    assert {"fusion.weights.h5", "xgboost.ubj", "xgboost-validation.ubj", "calibration.json", "ood.npz",
            "MODEL_CARD.md"} <= set(manifest.files)


def test_held_out_images_classified(real_model, held_out):
    """By the validation fit's XGBoost, which never saw them (the shipped one was refit on every image)."""
    from xincept_desktop.core.imaging import load_model_input
    from xincept_desktop.core.model.bundle import VALIDATION_XGBOOST
    from xincept_desktop.core.model.xgb_head import load_booster, margins

    images = np.stack([load_model_input(item.path, real_model.input_size) for item in held_out])
    batch = real_model.predict_batch(images)
    labels = np.array([item.label for item in held_out])
    validation_booster = load_booster(BUNDLE / VALIDATION_XGBOOST)  # hash-checked when real_model was loaded
    assert np.mean(margins(validation_booster, batch.embeddings).argmax(1) == labels) >= 14 / 16
    assert np.mean(batch.labels == labels) >= 15 / 16
    assert np.mean(batch.in_domain) >= 14 / 16
    np.testing.assert_allclose(batch.probabilities.sum(1), 1, atol=1e-6)
    assert batch.cams["gradcam"].shape[1:] == (4, 28, 28)


def test_heat_maps_sit_on_the_cells_of_held_out_images(real_model, held_out, shared_data):
    """The Segmented masks of the held-out Benign, Early and Pre images: the heat maximum lies on a cell and most
    of the heat inside the cells (the model card has the figures on 120 images)."""
    from xincept_desktop.core.explain.heatmap import upsample_cam
    from xincept_desktop.core.explain.localisation import MASK_CLASSES, cell_mask, heat_inside, pointing_hit
    from xincept_desktop.core.imaging import load_model_input

    pairs = [(item, shared_data / "Segmented" / item.path.parent.name / item.path.name) for item in held_out
             if item.path.parent.name in MASK_CLASSES]
    images = np.stack([load_model_input(item.path, real_model.input_size) for item, _ in pairs])
    batch = real_model.predict_batch(images)
    hits, shares = [], []
    for index, (_, mask_path) in enumerate(pairs):
        mask = cell_mask(load_model_input(mask_path, real_model.input_size))
        heat = upsample_cam(batch.cams["gradcam"][index, batch.labels[index]], *mask.shape)
        hits.append(pointing_hit(heat, mask))
        shares.append(heat_inside(heat, mask))
    assert len(pairs) == 12
    assert np.mean(hits) >= 11 / 12
    assert np.mean(shares) >= 0.45, f"heat inside the cells {np.mean(shares):.3f}"


def test_non_smear_images_are_flagged(real_model):
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 256, (2, 224, 224, 3)).astype(np.uint8)
    flat = np.full((2, 224, 224, 3), 200, np.uint8)
    batch = real_model.predict_batch(np.concatenate([noise, flat]))
    assert not batch.in_domain.any()
