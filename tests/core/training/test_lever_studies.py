"""The training-side lever studies end to end on a tiny trained split (random tiny-input backbones): each reads
the split's own cache, extracts only what it changes, and scores both arms on the same held-out rows."""

import pytest

from xincept_desktop.core.training.trainer import TrainConfig, train

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def trained_split(tiny_dataset, tmp_path_factory):
    root = tmp_path_factory.mktemp("levers")
    patch = pytest.MonkeyPatch()
    patch.setenv("XINCEPT_CACHE_DIR", str(root / "cache"))
    config = TrainConfig(data=tiny_dataset, out=root / "models" / "tiny", seed=3, n_augmented=1, epochs=1, channels=8,
                         input_size=75, weights_folder=None, block_size=5, resume=True)
    train(config, lambda _m: None)
    yield config
    patch.undo()


def _check_arms(report, reference, arm):
    figures = report["figures"]
    assert set(figures) == {reference, arm}
    for entry in figures.values():
        assert 0.0 <= entry["accuracy"] <= 1.0 and 0.0 <= entry["ece"] <= 1.0
        assert set(entry["perturbations"]) == {"stain", "lamp", "blur", "jpeg"}


def test_a_view_lever_extracts_only_its_extra_views(trained_split):
    from xincept_desktop.core.training.view_levers import view_lever_study

    messages = []
    report = view_lever_study(trained_split, "benign-hard", messages.append)
    assert any("feature cache complete" in m for m in messages), "the split's own cache is reused"
    benign_training = report["extra_views"] // 4
    assert benign_training > 0 and any(f"extracting backbone features: {report['extra_views']} views" in m
                                       for m in messages)
    _check_arms(report, "single", "benign-hard")


def test_the_stain_lever_normalises_every_view_and_compares_one_view_arms(trained_split):
    from xincept_desktop.core.training.stain_lever import stain_lever_study

    messages = []
    report = stain_lever_study(trained_split, "reinhard", messages.append)
    assert report["lever"] == "stain-reinhard" and report["passed_through_unnormalised"] >= 0
    assert "ms per 224 px input" in report["cost"]
    _check_arms(report, "augmentation alone", "normalised (reinhard)")


def test_fine_tuning_trains_the_last_blocks_and_leaves_the_cache_and_checkpoint_alone(trained_split):
    from xincept_desktop.core.training.finetune_lever import finetune_lever_study, last_blocks
    from xincept_desktop.core.training.workspace import training_workspace

    checkpoint = training_workspace(trained_split.out, fresh=False) / "head.weights.h5"
    before = checkpoint.read_bytes()
    report = finetune_lever_study(trained_split, lambda _m: None)
    _check_arms(report, "continued", "fine-tuned")
    assert report["lever"] == "fine-tune" and "1 epoch over" in report["description"]
    assert checkpoint.read_bytes() == before, "both arms start from the split's own run and never overwrite it"
    inception_tail, xception_tail = last_blocks(75, None)
    trainable = {layer.name for layer in inception_tail.layers if layer.trainable and layer.weights}
    assert trainable and not any(layer.trainable for layer in inception_tail.layers
                                 if layer.__class__.__name__ == "BatchNormalization")
    names = [layer.name for layer in inception_tail.layers]
    assert all(names.index(name) > names.index("mixed8") for name in trainable), "mixed8 stays frozen"
    assert any(layer.trainable and layer.weights for layer in xception_tail.layers)


def test_training_with_a_kept_view_levers_extra_views_records_them(trained_split, tmp_path):
    import dataclasses
    import json

    config = dataclasses.replace(trained_split, out=tmp_path / "models" / "tiny-hard", extra_views="benign-hard")
    messages = []
    train(config, messages.append)
    card = json.loads((config.out / "model_card.json").read_text())
    assert card["run"]["extra_views"].startswith("benign-hard: 4 extra views of each Benign training image")
    assert "extra views (a kept training lever): benign-hard" in (config.out / "MODEL_CARD.md").read_text()
    extra = int(card["run"]["extra_views"].rsplit("(", 1)[1].split()[0])
    assert extra > 0 and any(f"extracting backbone features: {extra} views" in m for m in messages)
    assert card["metrics"]["refit"]["views"] > extra, "the shipped booster is refit on the extra views too"


def test_the_longer_fine_tuning_schedule_is_named_by_its_lever(trained_split, monkeypatch):
    from xincept_desktop.core.training import finetune_lever

    monkeypatch.setitem(finetune_lever.SCHEDULES, "fine-tune-long", finetune_lever.Schedule(2, 1e-4))  # a short test
    report = finetune_lever.finetune_lever_study(trained_split, lambda _m: None, "fine-tune-long")
    _check_arms(report, "continued", "fine-tuned")
    assert report["lever"] == "fine-tune-long"
    assert "2 epochs over" in report["description"] and "learning rate 0.0001" in report["description"]
    assert report["reference_label"] == "split's own run + 2 epochs at 0.0001, backbones frozen"
