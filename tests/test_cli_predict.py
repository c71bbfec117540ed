"""``xincept predict``: CSV contract, errors per file, exit codes, progress."""

import csv
import io

import pytest
from PIL import Image

from tests.tiny_bundle import class_images
from xincept_desktop.cli import main
from xincept_desktop.cli_predict import CSV_COLUMNS


@pytest.fixture
def folder(tmp_path):
    images, _ = class_images(2, seed=2)
    root = tmp_path / "case"
    (root / "sub").mkdir(parents=True)
    for index, image in enumerate(images[:5]):
        Image.fromarray(image.astype("uint8")).save(root / ("sub" if index % 2 else "") / f"img{index}.png")
    return root


def _rows(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_folder_to_csv_file(folder, tiny_bundle, tmp_path, capsys):
    out = tmp_path / "out.csv"
    code = main(["predict", str(folder), "--csv", str(out), "--model", str(tiny_bundle)])
    assert code == 0
    text = out.read_text()
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    rows = _rows(text)
    assert len(rows) == 5
    for row in rows:
        assert row["label"] in {"Benign", "Early", "Pre", "Pro"} and row["error"] == ""
        probabilities = [float(row[f"p_{c}"]) for c in ("Benign", "Early", "Pre", "Pro")]
        assert abs(sum(probabilities) - 1) < 1e-4
        assert float(row["confidence"]) == pytest.approx(max(probabilities), abs=1e-6)
        assert row["in_domain"] in {"true", "false"} and float(row["ood_score"]) >= 0
    assert "ETA" in capsys.readouterr().err


def test_bad_files_get_error_rows_and_exit_1(folder, tiny_bundle, capsys):
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff garbage")
    (folder / "empty.png").write_bytes(b"")
    code = main(["predict", str(folder), "--model", str(tiny_bundle)])
    captured = capsys.readouterr()
    rows = _rows(captured.out)
    assert code == 1
    assert len(rows) == 7
    errors = {row["path"].rsplit("/", 1)[-1]: row["error"] for row in rows if row["error"]}
    assert set(errors) == {"broken.jpg", "empty.png"}
    assert "empty" in errors["empty.png"]
    assert all(row["label"] == "" for row in rows if row["error"])
    assert "broken.jpg" in captured.err and "empty.png" in captured.err


def test_missing_path_is_a_failed_row(tiny_bundle, tmp_path, capsys):
    code = main(["predict", str(tmp_path / "nope.png"), "--model", str(tiny_bundle)])
    rows = _rows(capsys.readouterr().out)
    assert code == 1 and rows[0]["error"] == "no such file or folder"


def test_usage_error_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["predict"])
    assert exit_info.value.code == 2


def test_damaged_model_is_reported_and_exits_3(folder, tmp_path, capsys):
    code = main(["predict", str(folder), "--model", str(tmp_path / "no-model")])
    assert code == 3
    assert "cannot load the model" in capsys.readouterr().err


def test_phone_folder_heic_analysed_and_unreadable_files_named(tiny_bundle, tmp_path, capsys):
    import numpy as np
    import pillow_heif

    images, _ = class_images(1, seed=3)
    image = images[0].astype("uint8")
    folder = tmp_path / "phone"
    folder.mkdir()
    heif = pillow_heif.from_bytes(mode="RGB", size=(image.shape[1], image.shape[0]),
                                  data=np.ascontiguousarray(image).tobytes())
    heif.save(folder / "IMG_0001.HEIC", quality=90)
    (folder / "field.czi").write_bytes(b"ZISRAWFILE")
    (folder / "notes.txt").write_text("patient notes")
    code = main(["predict", str(folder), "--model", str(tiny_bundle)])
    captured = capsys.readouterr()
    rows = {row["path"].rsplit("/", 1)[-1]: row for row in _rows(captured.out)}
    assert code == 1
    assert set(rows) == {"IMG_0001.HEIC", "field.czi"}
    assert rows["IMG_0001.HEIC"]["error"] == "" and rows["IMG_0001.HEIC"]["label"] in {"Benign", "Early", "Pre", "Pro"}
    reason = "not an image file type XIncept reads (.czi, Zeiss ZEN); export it as TIFF, PNG or JPEG"
    assert rows["field.czi"]["error"] == reason and rows["field.czi"]["label"] == ""
    assert f"field.czi: {reason}" in captured.err


def test_csv_says_the_scale_and_tiles_of_each_image(tiny_bundle, tmp_path):
    from tests.scale_images import scaled_bundle, smear

    bundle = scaled_bundle(tiny_bundle, tmp_path / "scaled")
    Image.fromarray(smear(16, (300, 300), seed=4)).save(tmp_path / "wide-2x.png")
    Image.fromarray(smear(8, (150, 150), seed=5)).resize((150, 150)).save(tmp_path / "as-trained.png")
    Image.new("RGB", (150, 150), (235, 235, 235)).save(tmp_path / "blank.png")
    out = tmp_path / "out.csv"
    main(["predict", str(tmp_path / "wide-2x.png"), str(tmp_path / "as-trained.png"), str(tmp_path / "blank.png"),
          "--csv", str(out), "--model", str(bundle)])
    rows = {row["path"].rsplit("/", 1)[-1]: row for row in _rows(out.read_text())}
    assert float(rows["wide-2x.png"]["scale_factor"]) == pytest.approx(2.0, rel=0.15)
    assert rows["wide-2x.png"]["tiles"] == "9" and rows["wide-2x.png"]["scale_source"] == "ruler"
    assert all(row["explained_class"] in {"Benign", "Early", "Pre", "Pro"} for row in rows.values())
    assert float(rows["as-trained.png"]["scale_factor"]) == pytest.approx(1.0, rel=0.1)
    assert rows["blank.png"]["scale_source"] == "unknown" and rows["blank.png"]["scale_factor"] == ""
    assert rows["blank.png"]["in_domain"] == "false" and "set the microscope profile" in rows["blank.png"]["notes"]
    main(["predict", str(tmp_path / "blank.png"), "--csv", str(out), "--model", str(bundle),
          "--um-per-pixel", "0.9"])
    [row] = _rows(out.read_text())
    assert row["scale_source"] == "profile" and "command line" in row["notes"]


def test_an_impossible_pixel_size_is_a_usage_error(tiny_bundle, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["predict", str(tmp_path), "--um-per-pixel", "-3"])
    assert exit_info.value.code == 2
    assert "micrometres per pixel must lie between" in capsys.readouterr().err


def test_an_unwritable_csv_exits_3(folder, tiny_bundle, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["predict", str(folder), "--csv", str(blocker / "out.csv"), "--model", str(tiny_bundle)]) == 3
    assert "cannot write" in capsys.readouterr().err


def test_a_batch_size_below_1_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["predict", str(tmp_path), "--batch-size", "0"])
    assert exit_info.value.code == 2 and "must be at least 1" in capsys.readouterr().err


def test_help_lists_the_exit_statuses(capsys):
    for argv in (["--help"], ["predict", "--help"], ["explain", "--help"], ["report", "--help"]):
        with pytest.raises(SystemExit) as exit_info:
            main(argv)
        assert exit_info.value.code == 0
        text = capsys.readouterr().out
        assert "exit status:" in text and "3  could not run at all" in text, argv


def test_an_out_of_domain_row_keeps_the_columns_with_the_closest_class_as_label(tmp_path):
    """Out-of-domain images read 'not assessable' in the app and the report (issue 19, point 3); the CSV keeps
    its columns for scripts: ``label`` is the closest class and ``in_domain`` false."""
    from xincept_desktop.cli_predict import result_row
    from xincept_desktop.core.pipeline import ImageResult

    probabilities = {"Benign": 0.002, "Early": 0.002, "Pre": 0.994, "Pro": 0.002}
    result = ImageResult(path=tmp_path / "neutrophil.png", label="Pre", confidence=0.994,
                         probabilities=probabilities, in_domain=False, ood_score=3.0, ood_threshold=2.0)
    row = result_row(result)
    assert list(row) == CSV_COLUMNS
    assert (row["label"], row["in_domain"], row["confidence"], row["error"]) == ("Pre", "false", "0.994000", "")


def test_the_csv_says_why_an_image_is_out_of_domain():
    from pathlib import Path

    from xincept_desktop.cli_predict import result_row
    from xincept_desktop.core.pipeline import ImageResult

    result = ImageResult(Path("field.png"), label="Early", confidence=0.62,
                         probabilities={"Benign": 0.3, "Early": 0.62, "Pre": 0.05, "Pro": 0.03}, in_domain=False,
                         ood_score=0.5, ood_threshold=1.0, field_share=0.25)
    row = result_row(result)
    assert row["in_domain"] == "false"
    assert "out of domain: a magnified field (25% of the model's input" in row["notes"]
    assert "62% confidence" in row["notes"]
