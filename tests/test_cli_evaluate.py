"""``xincept evaluate``: which XGBoost of the bundle scores the held-out blocks, the summary, progress, exit codes."""

from PIL import Image

from tests.tiny_bundle import class_images
from xincept_desktop.cli import main
from xincept_desktop.cli_evaluate import summary
from xincept_desktop.core.model.bundle import VALIDATION_XGBOOST, XGBOOST_MODEL, Manifest, write_manifest
from xincept_desktop.core.training.dataset import LabelledImage
from xincept_desktop.core.training.evaluation import booster_for, evaluate_model


def _bundle(folder, files):
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(name.encode())
    write_manifest(folder, Manifest(name="t", version="0", classes=["a"], input_size=75, preprocessing="test",
                                    fusion_channels=8, backbone_weights={}))
    return folder


def test_held_out_blocks_are_scored_with_the_validation_booster_when_the_bundle_keeps_one(tmp_path):
    both = _bundle(tmp_path / "both", [XGBOOST_MODEL, VALIDATION_XGBOOST])
    assert booster_for(both, held_out_only=True) == VALIDATION_XGBOOST
    assert booster_for(both, held_out_only=False) == XGBOOST_MODEL


def test_a_bundle_without_a_validation_booster_is_scored_with_its_own(tmp_path):
    assert booster_for(_bundle(tmp_path / "one", [XGBOOST_MODEL]), held_out_only=True) == XGBOOST_MODEL
    assert booster_for(tmp_path / "missing", held_out_only=True) == XGBOOST_MODEL


def test_the_summary_says_which_booster_scored():
    clean = {"n": 3, "accuracy": 1.0, "macro_f1": 1.0}
    report = {"clean": clean, "ece": 0.0, "flagged_out_of_domain": 0.0, "model": "m", "xgboost": VALIDATION_XGBOOST}
    assert "validation fit's XGBoost" in summary(report)
    assert "validation fit's XGBoost" not in summary({**report, "xgboost": XGBOOST_MODEL})


def test_evaluation_reports_progress_through_the_callback_over_every_pass(tiny_model, tmp_path, capsys):
    images, labels = class_images(1, seed=5)
    items = []
    for index, (image, label) in enumerate(zip(images, labels)):
        path = tmp_path / f"{index}.png"
        Image.fromarray(image.astype("uint8")).save(path)
        items.append(LabelledImage(path, int(label), index))
    calls = []
    report = evaluate_model(tiny_model, items, perturbations=True, progress=lambda done, total: calls.append((done, total)))
    passes = 1 + len(report["perturbations"])
    assert calls[-1] == (passes * len(items), passes * len(items))
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert report["clean"]["n"] == len(items)
    assert capsys.readouterr().err == ""  # the core prints nothing; the command line shows the progress


def test_a_missing_data_folder_or_model_cannot_run(tiny_bundle, tmp_path, capsys):
    assert main(["evaluate", "--data", str(tmp_path / "none"), "--model", str(tiny_bundle)]) == 3
    data = tmp_path / "data"
    images, labels = class_images(1, seed=6)
    for index, (image, label) in enumerate(zip(images, labels)):
        folder = data / ("Benign", "Early", "Pre", "Pro")[int(label)]
        folder.mkdir(parents=True, exist_ok=True)
        Image.fromarray(image.astype("uint8")).save(folder / f"img{index + 1}.png")
    assert main(["evaluate", "--data", str(data), "--model", str(tmp_path / "no-model")]) == 3
    assert "cannot load the model" in capsys.readouterr().err
