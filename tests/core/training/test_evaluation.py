"""``xincept evaluate``: which XGBoost of the bundle scores the held-out blocks."""

from xincept_desktop.core.model.bundle import VALIDATION_XGBOOST, XGBOOST_MODEL, Manifest, write_manifest
from xincept_desktop.core.training.evaluation import _booster_for, _summary


def _bundle(folder, files):
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(name.encode())
    write_manifest(folder, Manifest(name="t", version="0", classes=["a"], input_size=75, preprocessing="test",
                                    fusion_channels=8, backbone_weights={}))
    return folder


def test_held_out_blocks_are_scored_with_the_validation_booster_when_the_bundle_keeps_one(tmp_path):
    both = _bundle(tmp_path / "both", [XGBOOST_MODEL, VALIDATION_XGBOOST])
    assert _booster_for(both, held_out_only=True) == VALIDATION_XGBOOST
    assert _booster_for(both, held_out_only=False) == XGBOOST_MODEL


def test_a_bundle_without_a_validation_booster_is_scored_with_its_own(tmp_path):
    assert _booster_for(_bundle(tmp_path / "one", [XGBOOST_MODEL]), held_out_only=True) == XGBOOST_MODEL
    assert _booster_for(tmp_path / "missing", held_out_only=True) == XGBOOST_MODEL


def test_the_summary_says_which_booster_scored():
    clean = {"n": 3, "accuracy": 1.0, "macro_f1": 1.0}
    report = {"clean": clean, "ece": 0.0, "flagged_out_of_domain": 0.0, "model": "m", "xgboost": VALIDATION_XGBOOST}
    assert "validation fit's XGBoost" in _summary(report)
    assert "validation fit's XGBoost" not in _summary({**report, "xgboost": XGBOOST_MODEL})
