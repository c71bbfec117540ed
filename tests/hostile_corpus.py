"""A folder of what clinics leave lying around, shared by the CLI and GUI hostile-input tests.

:func:`make_corpus` returns ``(root, good, bad)``: the folder, the relative names of the real images, and
``{relative name: words its specific error must contain}`` for the files that must be refused by name.
Folders named like images, ``.DS_Store``, text files and the symlink loop are skipped silently.
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import numpy as np
from PIL import Image

from tests.conftest import synthetic_smear


def bomb_png(path: Path, side: int = 40000) -> None:
    """A PNG whose header claims ``side`` x ``side`` pixels (a decompression bomb) but holds almost no data."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 4096)) +
                     chunk(b"IEND", b""))


def orientation(value: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = value
    return exif


def make_corpus(parent: Path) -> tuple[Path, set[str], dict[str, str]]:
    root = parent / "clinic"
    (root / "nested" / "deeper").mkdir(parents=True)
    smear = Image.fromarray(synthetic_smear(120, 0))
    good = {
        "plain.jpg": lambda p: smear.save(p),
        "ünïcødé-细胞.png": lambda p: smear.save(p),
        "-leading-dash.png": lambda p: smear.save(p),
        "nested/camera.JPG": lambda p: Image.fromarray(np.repeat(np.repeat(synthetic_smear(300, 1), 10, 0), 10, 1)
                                                       [:3000, :4000]).save(p, quality=90),
        "nested/rotated.jpg": lambda p: smear.save(p, exif=orientation(6)),
        "nested/anim.gif": lambda p: smear.save(p, save_all=True, append_images=[smear.rotate(90)]),
        "nested/deeper/pic.webp": lambda p: smear.save(p),
        "nested/deeper/sixteen.tif": lambda p: Image.fromarray(
            (synthetic_smear(120, 2)[..., 0].astype(np.uint16) * 257)).save(p),
    }
    for name, write in good.items():
        write(root / name)
    bomb_png(root / "bomb.png")
    (root / "x.jpg").mkdir()
    (root / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (root / "notes.txt").write_text("patient notes")
    (root / "fake.jpg").write_text("this is text, not a JPEG")
    (root / "empty.png").write_bytes(b"")
    (root / "nested" / "loop").symlink_to(root)
    (root / "dangling.png").symlink_to(root / "gone.png")
    return root, set(good), {"bomb.png": "too large", "fake.jpg": "not an image", "empty.png": "empty",
                             "dangling.png": "dangling"}


SKIPPED = ("x.jpg", "notes.txt", ".DS_Store")
