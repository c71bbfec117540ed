"""``train`` end to end on a tiny synthetic dataset with random tiny-input backbones."""

import json

import numpy as np
import pytest

from xincept_desktop.core.model.bundle import verify_bundle
from xincept_desktop.core.training.trainer import TrainConfig, train

pytestmark = pytest.mark.slow


def test_train_writes_a_verified_bundle_with_model_card(tiny_dataset, tmp_path, monkeypatch):
    monkeypatch.setenv("XINCEPT_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "models" / "tiny"
    messages = []
    config = TrainConfig(data=tiny_dataset, out=out, seed=3, n_augmented=1, epochs=1, channels=8, input_size=75,
                         weights_folder=None, block_size=5, command="xincept train (test)")
    train(config, messages.append)
    manifest = verify_bundle(out)
    assert manifest.input_size == 75 and manifest.fusion_channels == 8
    card = json.loads((out / "model_card.json").read_text())
    assert card["run"]["seed"] == 3 and card["run"]["command"] == "xincept train (test)"
    assert set(card["metrics"]["perturbations"]) == {"stain", "lamp", "blur", "jpeg"}
    recall = card["metrics"]["perturbations"]["blur"]["recall"]
    assert set(recall) == {"Benign", "Early", "Pre", "Pro"} and all(0.0 <= v <= 1.0 for v in recall.values())
    assert 0.0 <= card["metrics"]["validation"]["accuracy"] <= 1.0
    assert (out / "reliability.png").read_bytes()[:4] == b"\x89PNG"
    markdown = (out / "MODEL_CARD.md").read_text()
    assert "Confusion matrix" in markdown and "Must not be used for" in markdown
    assert any("features" in m for m in messages) and any("epoch 1/1" in m for m in messages)
    assert not list(out.parent.glob(".tiny.*")), "staging folders must not be left behind"
    assert "gate" in next(m for m in messages if "epoch 1/1" in m)
    assert "heat_inside_mask" in card["metrics"]["localisation"]
    coverage = card["metrics"]["gate_coverage"]
    assert set(coverage) == {"Benign", "Early", "Pre", "Pro"} and all(0.0 <= v <= 1.0 for v in coverage.values())
    assert "## Cell gate" in markdown
    refit = card["metrics"]["refit"]
    assert refit["images"] == 100, "the shipped booster is refit on every image, held-out and left-out ones too"
    assert refit["views"] > refit["images"]
    assert 0.0 <= refit["neighbour_check"]["accuracy_with_other_half"] <= 1.0
    assert "refit on every image" in markdown
    assert any("shipped XGBoost refit on" in m for m in messages)
    from xincept_desktop.core.model.bundle import VALIDATION_XGBOOST, XGBOOST_MODEL

    assert {VALIDATION_XGBOOST, XGBOOST_MODEL} <= set(manifest.files)
    assert manifest.files[VALIDATION_XGBOOST] != manifest.files[XGBOOST_MODEL]
    from xincept_desktop.core.scale import SCALE_FILE, ScaleReference

    assert SCALE_FILE in manifest.files, "the bundle carries the red-cell scale reference, hash-checked"
    reference = ScaleReference.load(out)
    assert reference.images == card["run"]["split"]["train"]
    scale = card["metrics"]["scale"]
    assert set(scale["table"]) == {"as trained", "1600x1200", "1.5x", "2x", "0.75x", "0.5x"}
    assert all({"before", "after"} <= set(cell) for cell in scale["table"].values())
    assert set(scale["tracking"]) == {"0.4", "0.5", "0.75", "1.5", "2.0", "2.5"}
    assert "## Microscope scale" in markdown and "silent errors" in markdown
    from xincept_desktop.core.model.training_features import TRAINING_FEATURES, TrainingFeatures

    assert TRAINING_FEATURES in manifest.files, "site adaptation needs the training embeddings, hash-checked"
    features = TrainingFeatures.load(out / TRAINING_FEATURES)
    assert len(features.labels) == refit["views"] and features.embeddings.shape[1] == 8
    assert np.sum(features.views == 0) == refit["images"], "every image's clean view, once"


def test_cell_masks_are_cached_for_training_images_only(tiny_dataset, tmp_path, monkeypatch):
    from xincept_desktop.core.training.cell_masks import NO_MASK
    from xincept_desktop.core.training.dataset import list_dataset
    from xincept_desktop.core.training.extraction import extract_features, plan_rows
    from xincept_desktop.core.training.split import block_split

    items = list_dataset(tiny_dataset)
    split = block_split(items, 5, 5, 0)
    rows = plan_rows(split, 1)
    cache, _ = extract_features(items, rows, tmp_path / "features", None, "test", 3, lambda _m: None,
                                input_size=75, masked_images=set(split.train))
    masks = np.asarray(cache.masks, dtype=np.float32)
    assert masks.shape[1:] == tuple(cache.shapes[-1][:2])
    for index, row in enumerate(rows):
        class_name = items[row.image].path.parent.name
        has_mask = row.image in split.train and class_name != "Pro"
        if has_mask:
            assert 0.0 <= masks[index].min() and masks[index].max() <= 1.0 and masks[index].max() > 0.5
        else:
            assert (masks[index] == NO_MASK).all(), (row, class_name)
