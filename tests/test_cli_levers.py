"""``xincept levers`` and the split offset a bundle records (``xincept train --fold``)."""

import json
from pathlib import Path

from xincept_desktop.cli import build_parser, main
from xincept_desktop.core.model.bundle import Manifest, write_manifest
from xincept_desktop.core.training.dataset import LabelledImage
from xincept_desktop.core.training.evaluation import held_out_items, split_offset


def _bundle(folder: Path, offset: int | None) -> Path:
    folder.mkdir()
    write_manifest(folder, Manifest(name="t", version="0", classes=["a"], input_size=75, preprocessing="test",
                                    fusion_channels=8, backbone_weights={}))
    split = {"method": "blocks"} if offset is None else {"method": "blocks", "offset": offset}
    (folder / "model_card.json").write_text(json.dumps({"run": {"split": split}}))
    return folder


def test_a_bundle_says_which_blocks_it_held_out_and_older_ones_mean_offset_0(tmp_path):
    assert split_offset(_bundle(tmp_path / "b2", 2)) == 2
    assert split_offset(_bundle(tmp_path / "old", None)) == 0
    assert split_offset(tmp_path / "missing") == 0
    assert split_offset(None) == 0


def test_held_out_items_follow_the_bundles_offset(tmp_path):
    items = []
    for label in range(2):
        for number in range(200):
            path = tmp_path / f"{label}-{number}.jpg"
            path.write_bytes(f"{label}-{number}".encode())
            items.append(LabelledImage(path, label, number))
    at_0 = {item.number // 20 for item in held_out_items(items, _bundle(tmp_path / "b0", 0))}
    at_1 = {item.number // 20 for item in held_out_items(items, _bundle(tmp_path / "b1", 1))}
    assert at_0 == {0, 5} and at_1 == {1, 6}


def test_train_takes_a_split_offset_from_0_to_4():
    parser = build_parser()
    assert parser.parse_args(["train", "--data", "d", "--out", "o", "--fold", "3"]).fold == 3
    assert parser.parse_args(["train", "--data", "d", "--out", "o"]).fold == 0


def test_levers_refuse_two_bundles_of_the_same_split(tmp_path, capsys):
    for name in ("Benign", "Early", "Pre", "Pro"):
        (tmp_path / "data" / name).mkdir(parents=True)
        (tmp_path / "data" / name / "img1.jpg").write_bytes(b"x")
    first, second = _bundle(tmp_path / "a", 1), _bundle(tmp_path / "b", 1)
    assert main(["levers", "--data", str(tmp_path / "data"), "--out", str(tmp_path / "out"), str(first),
                 str(second)]) == 3
    assert "same blocks" in capsys.readouterr().err
