"""The lab's labelled images: class folders or a CSV; unknown labels and missing files are refused by name."""

from pathlib import Path

import pytest
from PIL import Image

from xincept_desktop.core.verification.data import LabDataError, lab_data_digest, read_lab_data

CLASSES = ["Benign", "Early", "Pre", "Pro"]


def _image(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 8), (200, 150, 180)).save(path)
    return path


def test_class_folders_give_labels_and_blocks_of_consecutive_numbers(tmp_path):
    for number in (1, 2, 19, 20, 45):
        _image(tmp_path / "Pre" / f"x-{number:03d}.jpg")
    _image(tmp_path / "benign" / "a-7.png")  # folder names match whatever their case
    images = read_lab_data(tmp_path, CLASSES, block_size=20)
    assert [(i.path.name, CLASSES[i.label], i.group) for i in images] == [
        ("a-7.png", "Benign", "Benign-block0"), ("x-001.jpg", "Pre", "Pre-block0"), ("x-002.jpg", "Pre", "Pre-block0"),
        ("x-019.jpg", "Pre", "Pre-block0"), ("x-020.jpg", "Pre", "Pre-block1"), ("x-045.jpg", "Pre", "Pre-block2")]


def test_unknown_label_folder_is_refused(tmp_path):
    _image(tmp_path / "Pre" / "a-1.jpg")
    _image(tmp_path / "Blast" / "a-2.jpg")
    with pytest.raises(LabDataError, match="unknown label folder.*Blast"):
        read_lab_data(tmp_path, CLASSES)


def test_missing_class_is_refused_only_when_every_class_is_required(tmp_path):
    for name in CLASSES[:3]:
        _image(tmp_path / name / "a-1.jpg")
    assert len(read_lab_data(tmp_path, CLASSES)) == 3
    with pytest.raises(LabDataError, match="class Pro has no images"):
        read_lab_data(tmp_path, CLASSES, require_all_classes=True)


def test_csv_with_relative_paths_cases_and_labels_in_any_case(tmp_path):
    _image(tmp_path / "imgs" / "one.jpg")
    _image(tmp_path / "imgs" / "two.jpg")
    (tmp_path / "labels.csv").write_text("path,label,case\nimgs/one.jpg,pro,P1\nimgs/two.jpg,Early,P2\n")
    images = read_lab_data(tmp_path / "labels.csv", CLASSES)
    assert [(i.path, CLASSES[i.label], i.group) for i in images] == [
        (tmp_path / "imgs" / "one.jpg", "Pro", "case P1"), (tmp_path / "imgs" / "two.jpg", "Early", "case P2")]


def test_csv_unknown_labels_are_named_with_their_lines(tmp_path):
    _image(tmp_path / "one.jpg")
    (tmp_path / "labels.csv").write_text("path,label\none.jpg,Pro\none.jpg,Blast\none.jpg,\n")
    with pytest.raises(LabDataError, match=r"unknown label.*line 3: 'Blast'; line 4: ''"):
        read_lab_data(tmp_path / "labels.csv", CLASSES)


def test_csv_missing_file_and_missing_columns_are_refused(tmp_path):
    (tmp_path / "a.csv").write_text("path,label\nnope.jpg,Pro\n")
    with pytest.raises(LabDataError, match="not found.*nope.jpg"):
        read_lab_data(tmp_path / "a.csv", CLASSES)
    (tmp_path / "b.csv").write_text("file,class\nnope.jpg,Pro\n")
    with pytest.raises(LabDataError, match="needs the columns path,label"):
        read_lab_data(tmp_path / "b.csv", CLASSES)


def test_missing_source_is_refused(tmp_path):
    with pytest.raises(LabDataError, match="data not found"):
        read_lab_data(tmp_path / "nothing", CLASSES)


def test_digest_changes_with_a_label_or_a_byte(tmp_path):
    _image(tmp_path / "Pre" / "a-1.jpg")
    first = lab_data_digest(read_lab_data(tmp_path, CLASSES))
    (tmp_path / "Pre" / "a-1.jpg").rename(tmp_path / "Pre" / "a-2.jpg")
    assert lab_data_digest(read_lab_data(tmp_path, CLASSES)) == first  # same bytes, same label, same block
    (tmp_path / "Pro").mkdir()
    (tmp_path / "Pre" / "a-2.jpg").rename(tmp_path / "Pro" / "a-2.jpg")
    assert lab_data_digest(read_lab_data(tmp_path, CLASSES)) != first
