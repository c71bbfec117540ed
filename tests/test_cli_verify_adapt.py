"""``xincept verify`` / ``adapt`` / ``training-features`` on the tiny bundle: files written, exit statuses, refusals
that name the problem and leave nothing behind."""

import json

import pytest

from tests.tiny_site import tiny_lab, tiny_parent
from xincept_desktop.cli import main


def test_verify_writes_the_study_and_prints_the_verdict(tiny_bundle, tmp_path, capsys):
    lab = tiny_lab(tmp_path / "lab", per_class=3)
    (lab / "Pre" / "broken-999.png").write_bytes(b"not a png")
    status = main(["verify", str(lab), "--out", str(tmp_path / "study"), "--model", str(tiny_bundle),
                   "--operator", "Dr. A", "--min-agreement", "0.2"])
    out, err = capsys.readouterr()
    assert status == 1, "a file that could not be analysed is exit status 1"
    assert "broken-999.png" in err and ("PASS:" in out or "FAIL:" in out)
    record = json.loads((tmp_path / "study" / "verification.json").read_text())
    assert record["n"] == 12 and record["operator"] == "Dr. A" and record["acceptance"]["min_agreement"] == 0.2
    assert record["not_analysed"][0]["path"].endswith("broken-999.png")
    assert (tmp_path / "study" / "verification.pdf").is_file()


@pytest.mark.parametrize("value", ["0", "1.5", "lots"])
def test_verify_rejects_a_criterion_outside_0_1(tmp_path, value, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["verify", str(tmp_path), "--out", str(tmp_path / "o"), "--min-agreement", value])
    assert exit_info.value.code == 2 and "--min-agreement" in capsys.readouterr().err


def test_verify_refuses_unknown_labels_before_loading_the_model(tiny_bundle, tmp_path, capsys):
    (tmp_path / "lab" / "Blasts").mkdir(parents=True)
    assert main(["verify", str(tmp_path / "lab"), "--out", str(tmp_path / "o"), "--model", str(tiny_bundle)]) == 3
    assert "unknown label folder(s)" in capsys.readouterr().err and not (tmp_path / "o").exists()


def test_adapt_writes_a_bundle_or_refuses_with_nothing_written(tiny_bundle, tmp_path, capsys):
    parent = tiny_parent(tiny_bundle, tmp_path / "models" / "tiny")
    short = tiny_lab(tmp_path / "short", per_class=15)
    assert main(["adapt", "--data", str(short), "--out", str(tmp_path / "models" / "x"), "--model", str(parent)]) == 3
    assert "too few images to adapt" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == ["tiny"]
    status = main(["adapt", "--data", str(tiny_lab(tmp_path / "lab")), "--out", str(tmp_path / "models" / "lab-b"),
                   "--model", str(parent), "--name", "Lab B"])
    assert status == 0 and "adapted model written to" in capsys.readouterr().out
    assert json.loads((tmp_path / "models" / "lab-b" / "manifest.json").read_text())["site"] == "Lab B"
    assert main(["adapt", "--data", str(short), "--out", str(tmp_path / "models" / "lab-b")]) == 3
    assert "already exists" in capsys.readouterr().err


def test_training_features_command_adds_the_file_to_the_bundle(tiny_bundle, tmp_path, capsys):
    import shutil

    from xincept_desktop.core.model.bundle import verify_bundle

    bundle = tmp_path / "bundle"
    shutil.copytree(tiny_bundle, bundle)
    data = tiny_lab(tmp_path / "train", per_class=2)
    assert main(["training-features", "--data", str(data), "--model", str(bundle), "--views", "1"]) == 0
    assert "16 rows" in capsys.readouterr().out  # 8 images, clean and one augmented view
    assert "training_features.npz" in verify_bundle(bundle).files
