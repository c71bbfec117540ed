"""``xincept explain``: one heat map array and overlay per image; errors and exit codes like predict."""

import numpy as np
import pytest
from PIL import Image

from tests.tiny_bundle import class_images
from xincept_desktop.cli import main
from xincept_desktop.cli_explain import unique_stems


@pytest.fixture
def images(tmp_path):
    arrays, _ = class_images(1, seed=4)
    paths = []
    for index, array in enumerate(arrays[:2]):
        folder = tmp_path / f"f{index}"
        folder.mkdir()
        path = folder / "same.png"
        Image.fromarray(np.repeat(array.astype("uint8"), 2, axis=0)).save(path)  # 150 x 75, not square
        paths.append(path)
    return paths


def test_writes_cam_and_overlay_at_image_size(images, tiny_bundle, tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["explain", *map(str, images), "--out", str(out), "--model", str(tiny_bundle),
                 "--method", "gradcam++", "--opacity", "0.5"])
    assert code == 0
    for stem in ("same", "same-2"):
        cam = np.load(out / f"{stem}.cam.npy", allow_pickle=False)
        assert cam.dtype == np.float32 and cam.shape == (150, 75)
        assert 0.0 <= cam.min() and cam.max() <= 1.0
        with Image.open(out / f"{stem}.overlay.png") as overlay:
            assert overlay.size == (75, 150)
    assert len(capsys.readouterr().out.strip().splitlines()) == 3  # header + one line per image


def test_chosen_class_and_bad_files(images, tiny_bundle, tmp_path, capsys):
    bad = tmp_path / "bad.png"
    bad.write_bytes(b"not a png")
    code = main(["explain", str(images[0]), str(bad), "--out", str(tmp_path / "o"), "--model", str(tiny_bundle),
                 "--class", "Pro"])
    captured = capsys.readouterr()
    assert code == 1
    assert "bad.png" in captured.err and "\tPro\t" in captured.out
    assert (tmp_path / "o" / "same.cam.npy").exists() and not (tmp_path / "o" / "bad.cam.npy").exists()


def test_unknown_class_is_a_usage_error_before_the_model_loads(images, tiny_bundle, tmp_path, monkeypatch, capsys):
    from xincept_desktop.core.model.predictor import XInceptModel

    def refuse(*args, **kwargs):
        raise AssertionError("the model was loaded before the arguments were checked")

    monkeypatch.setattr(XInceptModel, "load", refuse)
    assert main(["explain", str(images[0]), "--out", str(tmp_path / "o"), "--model", str(tiny_bundle),
                 "--class", "Monocyte"]) == 2
    assert "unknown class 'Monocyte' (choose from Benign, Early, Pre, Pro)" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_missing_model_exits_3(images, tmp_path, capsys):
    assert main(["explain", str(images[0]), "--out", str(tmp_path / "o"), "--model", str(tmp_path / "none")]) == 3
    assert main(["explain", str(images[0]), "--out", str(tmp_path / "o"), "--model", str(tmp_path / "none"),
                 "--class", "Pro"]) == 3
    assert "cannot load the model" in capsys.readouterr().err


def test_opacity_out_of_range_is_a_usage_error(images, tmp_path):
    with pytest.raises(SystemExit) as info:
        main(["explain", str(images[0]), "--out", str(tmp_path), "--opacity", "1.5"])
    assert info.value.code == 2


def test_unique_stems():
    from pathlib import Path

    stems = unique_stems([Path("a/x.png"), Path("b/x.jpg"), Path("c/y.png")])
    assert list(stems.values()) == ["x", "x-2", "y"]
