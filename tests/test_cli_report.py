"""``xincept report``: analyse a case and write its PDF; exit codes and messages like ``xincept predict``."""

from __future__ import annotations

import pytest
from PIL import Image

from tests.core.report.pdftext import pdf_text, reader
from tests.tiny_bundle import class_images
from xincept_desktop.cli import main

FIELDS = ["--patient-name", "Ann <b>O'Brien</b> & Co", "--patient-id", "P-7", "--dob", "1980-02-03",
          "--sex", "M", "--specimen-id", "S-9", "--specimen-type", "Bone marrow aspirate",
          "--collection-date", "2025-02-01", "--physician", "Dr José Ñúñez-Çelik", "--institution", "City Lab",
          "--reviewer", "王小明", "--conclusion", "Agrees with Pre-B ALL."]


@pytest.fixture
def case(tmp_path):
    images, _ = class_images(1, seed=4)
    folder = tmp_path / "case"
    folder.mkdir()
    for index, image in enumerate(images):
        Image.fromarray(image.astype("uint8")).save(folder / f"cell{index}.png")
    return folder


def test_report_with_every_field(case, tiny_bundle, tmp_path, capsys):
    out = tmp_path / "out" / "case.pdf"
    code = main(["report", str(case), "--out", str(out), "--model", str(tiny_bundle), "--opacity", "0.5", *FIELDS])
    assert code == 0, capsys.readouterr().err
    text = pdf_text(out.read_bytes())
    for value in FIELDS[1::2]:
        assert value in text, value
    assert "Page 1 of" in text and "50 % opacity" in text
    assert sum(len(page.images) for page in reader(out.read_bytes()).pages) == 2 * 4
    assert "4 analysed, 0 failed" in capsys.readouterr().err


def test_broken_file_is_listed_and_exit_is_1(case, tiny_bundle, tmp_path, capsys):
    (case / "broken.png").write_bytes(b"not a png")
    out = tmp_path / "case.pdf"
    assert main(["report", str(case), "--out", str(out), "--model", str(tiny_bundle)]) == 1
    text = pdf_text(out.read_bytes())
    assert "broken.png" in text and "Images that could not be analysed" in text
    assert "broken.png" in capsys.readouterr().err


def test_unwritable_destination_exits_3(case, tiny_bundle, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["report", str(case), "--out", str(blocker / "case.pdf"), "--model", str(tiny_bundle)]) == 3
    assert "cannot write the report to" in capsys.readouterr().err


def test_no_images_found(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert main(["report", str(tmp_path / "empty"), "--out", str(tmp_path / "x.pdf")]) == 1
    assert "no image files found" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()


def test_usage_errors_exit_2(tmp_path):
    with pytest.raises(SystemExit) as missing_out:
        main(["report", str(tmp_path)])
    with pytest.raises(SystemExit) as bad_opacity:
        main(["report", str(tmp_path), "--out", "x.pdf", "--opacity", "2"])
    assert missing_out.value.code == bad_opacity.value.code == 2
