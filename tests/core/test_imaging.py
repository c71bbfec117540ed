import io
import os
import struct
import zlib
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.conftest import synthetic_smear
from xincept_desktop.core.imaging import load_image, scan_paths, to_model_input
from xincept_desktop.errors import ImageLoadError


@pytest.fixture
def rgb():
    return synthetic_smear(80, 1)


def _save(path: Path, image: Image.Image, **kwargs) -> Path:
    image.save(path, **kwargs)
    return path


@pytest.mark.parametrize("suffix,kwargs", [(".jpg", {"quality": 95}), (".png", {}), (".tif", {}), (".bmp", {}),
                                           (".webp", {"lossless": True})])
def test_common_formats_load_as_rgb(tmp_path, rgb, suffix, kwargs):
    loaded = load_image(_save(tmp_path / f"x{suffix}", Image.fromarray(rgb), **kwargs))
    assert loaded.shape == (80, 80, 3) and loaded.dtype == np.uint8
    assert np.abs(loaded.astype(int) - rgb).mean() < (6 if suffix == ".jpg" else 0.01)


def test_sixteen_bit_tiff_scaled_to_eight_bit(tmp_path):
    ramp = (np.linspace(0, 65535, 64 * 64).reshape(64, 64)).astype(np.uint16)
    path = _save(tmp_path / "x.tif", Image.fromarray(ramp))
    loaded = load_image(path)
    assert loaded.shape == (64, 64, 3)
    assert loaded[0, 0, 0] == 0 and loaded[-1, -1, 0] == 255


def test_gif_first_frame_of_animation(tmp_path):
    frames = [Image.new("RGB", (40, 40), colour) for colour in ((255, 0, 0), (0, 0, 255))]
    path = tmp_path / "anim.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:], duration=100, loop=0)
    loaded = load_image(path)
    assert loaded[20, 20, 0] > 200 and loaded[20, 20, 2] < 50


def test_exif_orientation_is_applied(tmp_path):
    image = Image.new("RGB", (60, 40), (255, 255, 255))
    image.paste((0, 0, 0), (0, 0, 10, 40))  # black stripe on the left
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 degrees clockwise on display
    path = _save(tmp_path / "rot.jpg", image, exif=exif, quality=95)
    loaded = load_image(path)
    assert loaded.shape[:2] == (60, 40)
    assert loaded[:10, :, :].mean() < 60  # the stripe is now along the top


@pytest.mark.parametrize("mode", ["L", "RGBA", "CMYK", "P", "LA", "1", "I", "F"])
def test_modes_become_rgb(tmp_path, rgb, mode):
    image = Image.fromarray(rgb).convert(mode)
    suffix = ".jpg" if mode == "CMYK" else (".tif" if mode in ("I", "F") else ".png")
    loaded = load_image(_save(tmp_path / f"m{suffix}", image))
    assert loaded.shape == (80, 80, 3) and loaded.dtype == np.uint8


def test_transparent_areas_become_white(tmp_path):
    image = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    assert load_image(_save(tmp_path / "t.png", image)).min() == 255


def _png_header_only(path: Path, width: int, height: int) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) +
                     chunk(b"IEND", b""))
    return path


@pytest.mark.parametrize("make,message", [
    (lambda p: _png_header_only(p / "bomb.png", 40000, 40000), "too large"),
    (lambda p: (p / "empty.jpg").write_bytes(b"") or p / "empty.jpg", "empty"),
    (lambda p: (p / "notes.jpg").write_text("hello, not an image") and p / "notes.jpg", "not an image"),
    (lambda p: _save(p / "tiny.png", Image.new("RGB", (16, 16))), "too small"),
    (lambda p: p / "missing.png", "not found"),
])
def test_bad_files_refused_with_specific_message(tmp_path, make, message):
    with pytest.raises(ImageLoadError, match=message):
        load_image(make(tmp_path))


def test_truncated_jpeg_refused(tmp_path, rgb):
    buffer = io.BytesIO()
    Image.fromarray(synthetic_smear(300, 2)).save(buffer, format="JPEG")
    path = tmp_path / "cut.jpg"
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 3])
    with pytest.raises(ImageLoadError, match="truncated or corrupt"):
        load_image(path)


def test_folder_named_like_image_refused(tmp_path):
    (tmp_path / "x.jpg").mkdir()
    with pytest.raises(ImageLoadError, match="folder"):
        load_image(tmp_path / "x.jpg")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_refused(tmp_path, rgb):
    path = _save(tmp_path / "locked.png", Image.fromarray(rgb))
    path.chmod(0)
    with pytest.raises(ImageLoadError, match="permission"):
        load_image(path)


def test_any_size_to_model_input(rgb):
    big = np.repeat(np.repeat(rgb, 5, axis=0), 3, axis=1)
    assert to_model_input(big, 224).shape == (224, 224, 3)
    assert to_model_input(rgb, 224).shape == (224, 224, 3)


def test_scan_recursive_any_case_with_loops_and_dangling_links(tmp_path, rgb):
    (tmp_path / "a" / "b").mkdir(parents=True)
    _save(tmp_path / "a" / "one.JPG", Image.fromarray(rgb))
    _save(tmp_path / "a" / "b" / "two.Png", Image.fromarray(rgb))
    (tmp_path / "a" / "notes.txt").write_text("x")
    (tmp_path / "a" / ".DS_Store").write_bytes(b"\0\0")
    (tmp_path / "a" / "b" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "gone.jpg").symlink_to(tmp_path / "nowhere.jpg")
    result = scan_paths([tmp_path / "a"])
    assert sorted(p.name for p in result.files) == ["one.JPG", "two.Png"]
    assert [(p.name, why) for p, why in result.problems] == [("gone.jpg", "dangling symbolic link")]


def test_scan_reports_missing_and_keeps_explicit_files(tmp_path):
    (tmp_path / "notes.txt").write_text("x")
    result = scan_paths([tmp_path / "notes.txt", tmp_path / "nope.png"])
    assert [p.name for p in result.files] == ["notes.txt"]
    assert result.problems == [(tmp_path / "nope.png", "no such file or folder")]


def test_decoding_in_threads_never_touches_the_process_warning_state(tmp_path, rgb, monkeypatch):
    """Three threads decode at once in the GUI: ``warnings.catch_warnings`` / ``simplefilter`` are process-wide and
    not thread-safe, so the decoder must not use them."""
    import threading
    import warnings

    good = tmp_path / "good.png"
    Image.fromarray(rgb).save(good)
    bombs = [_png_header_only(tmp_path / "bomb.png", 40000, 40000),  # Pillow refuses it itself (error)
             _png_header_only(tmp_path / "large.png", 9000, 7000)]  # 63 M pixels: below Pillow's limit, above ours

    def forbidden(*_args, **_kwargs):
        raise AssertionError("decoding changed the process-wide warning state")

    for name in ("catch_warnings", "simplefilter", "filterwarnings", "resetwarnings"):
        monkeypatch.setattr(warnings, name, forbidden)
    filters_before = list(warnings.filters)
    outcomes, lock = [], threading.Lock()

    def decode() -> None:
        for _ in range(5):
            for path in (good, *bombs):
                try:
                    outcome = load_image(path).shape
                except ImageLoadError as exc:
                    outcome = str(exc)
                except BaseException as exc:  # noqa: BLE001 - any other failure is the test failing
                    outcome = repr(exc)
                with lock:
                    outcomes.append((path.name, outcome))

    threads = [threading.Thread(target=decode) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    monkeypatch.undo()
    assert warnings.filters == filters_before
    assert len(outcomes) == 3 * 5 * 3
    for name, outcome in outcomes:
        if name == "good.png":
            assert outcome == rgb.shape
        else:
            assert "too large to be safe to decode" in outcome, (name, outcome)


def test_our_pixel_limit_is_below_pillows_so_pillow_never_decides_for_us():
    from xincept_desktop.core.imaging import MAX_PIXELS

    assert Image.MAX_IMAGE_PIXELS is None or MAX_PIXELS <= Image.MAX_IMAGE_PIXELS
