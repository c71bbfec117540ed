"""A folder of what clinics leave lying around: every real image is analysed, everything else refused by name."""

import csv
import io
import struct
import zlib

import numpy as np
import pytest
from PIL import Image

from tests.conftest import synthetic_smear
from xincept_desktop.cli import main
from xincept_desktop.core.pipeline import analyse


def _bomb_png(path, side=40000):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 4096)) +
                     chunk(b"IEND", b""))


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "clinic"
    (root / "nested" / "deeper").mkdir(parents=True)
    smear = Image.fromarray(synthetic_smear(120, 0))
    good = {
        "plain.jpg": lambda p: smear.save(p),
        "ünïcødé-细胞.png": lambda p: smear.save(p),
        "-leading-dash.png": lambda p: smear.save(p),
        "nested/camera.JPG": lambda p: Image.fromarray(np.repeat(np.repeat(synthetic_smear(300, 1), 10, 0), 10, 1)
                                                       [:3000, :4000]).save(p, quality=90),
        "nested/rotated.jpg": lambda p: smear.save(p, exif=_orientation(6)),
        "nested/anim.gif": lambda p: smear.save(p, save_all=True, append_images=[smear.rotate(90)]),
        "nested/deeper/pic.webp": lambda p: smear.save(p),
        "nested/deeper/sixteen.tif": lambda p: Image.fromarray(
            (synthetic_smear(120, 2)[..., 0].astype(np.uint16) * 257)).save(p),
    }
    for name, write in good.items():
        write(root / name)
    _bomb_png(root / "bomb.png")
    (root / "x.jpg").mkdir()
    (root / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (root / "notes.txt").write_text("patient notes")
    (root / "fake.jpg").write_text("this is text, not a JPEG")
    (root / "empty.png").write_bytes(b"")
    (root / "nested" / "loop").symlink_to(root)
    (root / "dangling.png").symlink_to(root / "gone.png")
    return root, set(good), {"bomb.png": "too large", "fake.jpg": "not an image", "empty.png": "empty",
                             "dangling.png": "dangling"}


def _orientation(value):
    exif = Image.Exif()
    exif[0x0112] = value
    return exif


def test_cli_analyses_good_files_and_names_bad_ones(corpus, tiny_bundle, capsys):
    root, good, bad = corpus
    code = main(["predict", str(root), "--model", str(tiny_bundle)])
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    by_name = {row["path"].split(str(root) + "/", 1)[1]: row for row in rows}
    assert code == 1
    assert "Traceback" not in captured.err
    for name in good:
        assert by_name[name]["error"] == "" and by_name[name]["label"], name
    for name, reason in bad.items():
        assert reason in by_name[name]["error"], (name, by_name[name]["error"])
        assert name in captured.err
    assert "x.jpg" not in by_name and "notes.txt" not in by_name and ".DS_Store" not in by_name
    assert len(rows) == len(good) + len(bad)


def test_a_failing_batch_fails_alone(tiny_model, smear_like):
    paths = [smear_like(f"i{i}.png", seed=i) for i in range(6)]

    class Flaky:
        def __init__(self, model):
            self.model, self.calls = model, 0

        def __getattr__(self, name):
            return getattr(self.model, name)

        def predict_batch(self, images):
            self.calls += 1
            if self.calls == 2:
                raise MemoryError("simulated out of memory")
            return self.model.predict_batch(images)

    results = list(analyse(paths, Flaky(tiny_model), batch_size=2))
    assert [r.ok for r in results] == [True, True, False, False, True, True]
    assert "MemoryError" in results[2].error
