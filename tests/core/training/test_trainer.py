"""``train`` end to end on a tiny synthetic dataset with random tiny-input backbones."""

import json

import numpy as np
import pytest
from PIL import Image

from tests.conftest import synthetic_smear
from xincept_desktop.core.model.bundle import verify_bundle
from xincept_desktop.core.training.trainer import TrainConfig, train

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def tiny_dataset(tmp_path_factory):
    root = tmp_path_factory.mktemp("data")
    tints = {"Benign": (0, 0, 0), "Early": (40, -30, 0), "Pre": (-30, 30, 20), "Pro": (30, 30, -40)}
    for label, (name, tint) in enumerate(tints.items()):
        (root / name).mkdir()
        for number in range(1, 26):
            image = np.clip(synthetic_smear(96, label * 100 + number).astype(int) + tint, 0, 255).astype(np.uint8)
            Image.fromarray(image).save(root / name / f"WBC-{name}-{number:03d}.jpg")
    return root


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
    assert 0.0 <= card["metrics"]["validation"]["accuracy"] <= 1.0
    assert (out / "reliability.png").read_bytes()[:4] == b"\x89PNG"
    markdown = (out / "MODEL_CARD.md").read_text()
    assert "Confusion matrix" in markdown and "Must not be used for" in markdown
    assert any("features" in m for m in messages) and any("epoch 1/1" in m for m in messages)
    assert not list(out.parent.glob(".tiny.*")), "staging folders must not be left behind"
