"""What cameras write: HEIC, 12/14/16-bit and float TIFFs, RGB48, multi-page TIFFs, orientation, skipped files."""

from pathlib import Path

import numpy as np
import pillow_heif
import pytest
import tifffile
from PIL import Image, ImageOps

from xincept_desktop.core import image_formats
from xincept_desktop.core.imaging import IMAGE_EXTENSIONS, load_image, load_image_with_notes, scan_paths
from xincept_desktop.errors import ImageLoadError


def _mono_ramp(top: int, dtype=np.uint16) -> np.ndarray:
    """64x64 grey: the first row black, the last pixel ``top``, a mid value in between."""
    array = np.zeros((64, 64), dtype=dtype)
    array[32:, :] = top // 2
    array[-1, -1] = top
    return array


@pytest.mark.parametrize("top", [4095, 16383, 65535, 1023])
def test_mono_tiff_scaled_by_its_real_bit_depth(tmp_path, top):
    path = tmp_path / f"mono{top}.tif"
    tifffile.imwrite(path, _mono_ramp(top))
    rgb, notes = load_image_with_notes(path)
    assert rgb.shape == (64, 64, 3) and rgb.dtype == np.uint8
    assert rgb[-1, -1].tolist() == [255, 255, 255]
    assert rgb[0, 0].tolist() == [0, 0, 0]
    assert rgb[40, 0, 0] == round(top // 2 / top * 255)  # 127 whatever the depth
    assert notes == []


def test_twelve_bit_camera_tiff_is_bright_not_dark(tmp_path):
    array = np.full((48, 64), 3900, dtype=np.uint16)  # bright-field background of a 12-bit camera
    path = tmp_path / "camera12.tif"
    tifffile.imwrite(path, array, compression="zlib")
    assert load_image(path)[10, 10, 0] == round(3900 / 4095 * 255)  # 243, not 15


def test_max_sample_value_tag_wins_over_the_data(tmp_path):
    path = tmp_path / "tagged.tif"
    tifffile.imwrite(path, _mono_ramp(1000), extratags=[(281, "H", 1, 4095, True)])
    rgb = load_image(path)
    assert rgb[-1, -1, 0] == round(1000 / 4095 * 255)  # the tag says 12-bit: not stretched to 10-bit


@pytest.mark.parametrize("top", [4095, 65535])
def test_rgb48_tiff_stays_colour(tmp_path, top):
    array = np.zeros((40, 50, 3), dtype=np.uint16)
    array[..., 0] = top  # red
    array[..., 1] = top // 4
    array[20:, :, 2] = top  # the lower half also blue
    path = tmp_path / "rgb48.tif"
    tifffile.imwrite(path, array, photometric="rgb")
    rgb = load_image(path)
    assert rgb[0, 0].tolist() == [255, round(top // 4 / top * 255), 0]
    assert rgb[30, 0].tolist() == [255, round(top // 4 / top * 255), 255]


def test_rgb48_planar_tiff_stays_colour(tmp_path):
    array = np.zeros((3, 40, 50), dtype=np.uint16)
    array[1] = 4095  # green only
    path = tmp_path / "planar.tif"
    tifffile.imwrite(path, array, photometric="rgb", planarconfig="separate")
    assert load_image(path)[5, 5].tolist() == [0, 255, 0]


def test_float_tiff_within_unit_range_scaled_by_one(tmp_path):
    array = np.full((40, 40), 0.5, dtype=np.float32)
    array[0, 0] = 0.0
    array[-1, -1] = 0.25  # the maximum is below 1: not stretched
    path = tmp_path / "unit.tif"
    tifffile.imwrite(path, array)
    rgb, notes = load_image_with_notes(path)
    assert rgb[10, 10, 0] == 128 and rgb[0, 0, 0] == 0 and notes == []


def test_float_tiff_of_a_twelve_bit_camera(tmp_path):
    array = np.full((40, 40), 2048.0, dtype=np.float32)
    array[0, 0] = 4000.0
    path = tmp_path / "f12.tif"
    tifffile.imwrite(path, array)
    rgb = load_image(path)
    assert rgb[10, 10, 0] == round(2048 / 4095 * 255)


def test_float_tiff_a_little_over_white_divided_by_its_maximum(tmp_path):
    array = np.full((40, 40), 0.6, dtype=np.float32)
    array[0, 0] = 1.2
    path = tmp_path / "over.tif"
    tifffile.imwrite(path, array)
    rgb, notes = load_image_with_notes(path)
    assert rgb[10, 10, 0] == 128 and rgb[0, 0, 0] == 255
    assert notes == ["floating-point image with values up to 1.2: divided by that"]


def test_float_tiff_with_negative_values_is_stretched_with_a_note(tmp_path):
    array = np.full((40, 40), 0.0, dtype=np.float32)
    array[0, 0], array[-1, -1] = -2.0, 2.0
    path = tmp_path / "signed.tif"
    tifffile.imwrite(path, array)
    rgb, notes = load_image_with_notes(path)
    assert (rgb[0, 0, 0], rgb[10, 10, 0], rgb[-1, -1, 0]) == (0, 128, 255)
    assert notes == ["floating-point image with values from -2 to 2: stretched to that range"]


def test_float_rgb_tiff_stays_colour(tmp_path):
    array = np.zeros((40, 40, 3), dtype=np.float32)
    array[..., 2] = 1.0
    path = tmp_path / "frgb.tif"
    tifffile.imwrite(path, array, photometric="rgb")
    assert load_image(path)[0, 0].tolist() == [0, 0, 255]


def test_multi_page_tiff_first_page_with_a_note(tmp_path):
    pages = np.zeros((3, 40, 40), dtype=np.uint8)
    pages[0] = 200
    pages[1:] = 10
    path = tmp_path / "stack.tif"
    tifffile.imwrite(path, pages, photometric="minisblack")
    rgb, notes = load_image_with_notes(path)
    assert rgb[0, 0].tolist() == [200, 200, 200]
    assert notes == ["multi-page TIFF: page 1 of 3 analysed"]


def test_multi_page_sixteen_bit_tiff_note(tmp_path):
    path = tmp_path / "stack16.tif"
    with tifffile.TiffWriter(path) as writer:
        writer.write(np.full((40, 40), 4095, dtype=np.uint16))
        writer.write(np.full((40, 40), 100, dtype=np.uint16))
    rgb, notes = load_image_with_notes(path)
    assert rgb[0, 0, 0] == 255 and notes == ["multi-page TIFF: page 1 of 2 analysed"]


def test_sixteen_bit_tiff_orientation_tag_applied(tmp_path):
    array = np.zeros((40, 60), dtype=np.uint16)
    array[:, :10] = 4095  # bright stripe on the left
    path = tmp_path / "rot16.tif"
    tifffile.imwrite(path, array, extratags=[(274, "H", 1, 6, True)])  # rotate 90 degrees clockwise
    rgb = load_image(path)
    assert rgb.shape[:2] == (60, 40)
    assert rgb[:10].min() == 255 and rgb[10:].max() == 0  # the stripe is now along the top


@pytest.mark.parametrize("orientation", range(1, 9))
def test_orientation_matches_pillow(orientation):
    array = np.arange(4 * 6 * 3, dtype=np.uint8).reshape(4, 6, 3)
    image = Image.fromarray(array)
    exif = image.getexif()
    exif[0x0112] = orientation
    image.info["exif"] = exif.tobytes()
    expected = np.asarray(ImageOps.exif_transpose(image))
    assert np.array_equal(image_formats.apply_orientation(array, orientation), expected)


def test_exif_rotated_jpeg(tmp_path):
    image = Image.new("RGB", (60, 40), (255, 255, 255))
    image.paste((0, 0, 0), (50, 0, 60, 40))  # black stripe on the right
    exif = Image.Exif()
    exif[0x0112] = 8  # rotate 90 degrees counter-clockwise on display
    path = tmp_path / "rot8.jpg"
    image.save(path, exif=exif, quality=95)
    rgb = load_image(path)
    assert rgb.shape[:2] == (60, 40)
    assert rgb[:8].mean() < 30 and rgb[12:].mean() > 225  # the stripe is now along the top


def _heic(path, rgb, **kwargs):
    heif = pillow_heif.from_bytes(mode="RGB", size=(rgb.shape[1], rgb.shape[0]), data=rgb.tobytes())
    heif.save(path, quality=-1, **kwargs)  # quality -1: lossless
    return path


def test_heic_phone_photo_is_read(tmp_path):
    rgb = np.zeros((64, 96, 3), dtype=np.uint8)
    rgb[..., 0] = 200
    rgb[32:, :, 2] = 180
    path = _heic(tmp_path / "IMG_0001.HEIC", rgb)
    loaded, notes = load_image_with_notes(path)
    assert loaded.shape == (64, 96, 3) and notes == []
    assert np.abs(loaded.astype(int) - rgb).max() <= 3


def test_heic_exif_orientation_applied(tmp_path):
    rgb = np.full((40, 60, 3), 255, dtype=np.uint8)
    rgb[:, :10] = 0  # black stripe on the left
    exif = Image.Exif()
    exif[0x0112] = 6
    path = _heic(tmp_path / "rot.heic", rgb, exif=exif.tobytes())
    loaded = load_image(path)
    assert loaded.shape[:2] == (60, 40)
    assert loaded[:8].mean() < 30 and loaded[12:].mean() > 225


def test_heic_content_with_a_jpeg_name_is_read(tmp_path):
    rgb = np.full((40, 40, 3), 90, dtype=np.uint8)
    path = _heic(tmp_path / "exported.heic", rgb)
    renamed = path.rename(tmp_path / "exported.jpg")
    assert abs(int(load_image(renamed)[5, 5, 0]) - 90) <= 3


def test_heif_extensions_are_image_names():
    assert {".heic", ".heif"} <= IMAGE_EXTENSIONS


def test_tiff_with_unsupported_photometric_is_refused_by_name(tmp_path):
    path = tmp_path / "cmyk16.tif"
    tifffile.imwrite(path, np.zeros((40, 40, 4), dtype=np.uint16), photometric="separated")
    with pytest.raises(ImageLoadError, match="photometric interpretation 5"):
        load_image(path)


def test_folder_names_every_file_it_does_not_take(tmp_path):
    folder = tmp_path / "phone"
    folder.mkdir()
    _heic(folder / "IMG_0001.heic", np.full((40, 40, 3), 120, dtype=np.uint8))
    (folder / "field.czi").write_bytes(b"ZISRAWFILE")
    (folder / "capture.xyz").write_bytes(b"x")
    (folder / "notes.txt").write_text("patient notes")
    (folder / "Thumbs.db").write_bytes(b"\0")
    (folder / ".hidden.czi").write_bytes(b"\0")
    result = scan_paths([folder])
    assert [p.name for p in result.files] == ["IMG_0001.heic"]
    assert [(p.name, why) for p, why in result.problems] == [
        ("capture.xyz", "not an image file type XIncept reads (.xyz)"),
        ("field.czi", "not an image file type XIncept reads (.czi, Zeiss ZEN); export it as TIFF, PNG or JPEG"),
    ]


def test_heic_without_the_decoder_is_named(tmp_path, monkeypatch):
    from xincept_desktop.core import imaging

    monkeypatch.setattr(imaging, "IMAGE_EXTENSIONS", IMAGE_EXTENSIONS - image_formats.HEIF_EXTENSIONS)
    _heic(tmp_path / "IMG.heic", np.full((40, 40, 3), 120, dtype=np.uint8))
    result = scan_paths([tmp_path])
    assert result.files == []
    assert result.problems == [(tmp_path / "IMG.heic", "not an image file type XIncept reads (.heic): "
                                "the HEIF decoder (pillow-heif) is not installed")]


def test_lzw_twelve_bit_tiff_read_through_pillow_when_tifffile_lacks_the_codec(tmp_path):
    path = tmp_path / "lzw12.tif"
    Image.fromarray(_mono_ramp(4095)).save(path, compression="tiff_lzw")
    rgb = load_image(path)
    assert rgb[-1, -1, 0] == 255 and rgb[40, 0, 0] == 127


def test_rgba64_twelve_bit_colour_not_darkened_by_a_full_scale_alpha(tmp_path):
    array = np.zeros((40, 40, 4), dtype=np.uint16)
    array[..., 0] = 4095
    array[..., 3] = 65535  # opaque
    array[:20, :, 3] = 0  # the top half transparent: white
    path = tmp_path / "rgba64.tif"
    tifffile.imwrite(path, array, photometric="rgb", extrasamples=[2])
    rgb = load_image(path)
    assert rgb[30, 0].tolist() == [255, 0, 0] and rgb[0, 0].tolist() == [255, 255, 255]


def test_extra_samples_dropped_with_a_note(tmp_path):
    array = np.zeros((40, 40, 5), dtype=np.uint16)
    array[..., 1] = 4095
    array[..., 4] = 65535  # a fifth channel of another instrument must not set the scale
    path = tmp_path / "five.tif"
    tifffile.imwrite(path, array, photometric="rgb")
    rgb, notes = load_image_with_notes(path)
    assert rgb[0, 0].tolist() == [0, 255, 0]
    assert notes == ["5 samples per pixel: the first three read as red, green, blue"]


@pytest.mark.parametrize("suffix,kwargs", [(".jp2", {"irreversible": False}), (".avif", {"quality": 100})])
def test_jpeg2000_and_avif_are_read(tmp_path, suffix, kwargs):
    from PIL import features

    if suffix == ".avif" and not features.check("avif"):
        pytest.skip("this Pillow has no AVIF support")
    rgb = np.zeros((48, 48, 3), dtype=np.uint8)
    rgb[..., 1] = 160
    path = tmp_path / f"x{suffix}"
    Image.fromarray(rgb).save(path, **kwargs)
    assert suffix in IMAGE_EXTENSIONS
    assert np.abs(load_image(path).astype(int) - rgb).max() <= 4


def test_a_folder_given_twice_names_its_unreadable_file_once(tmp_path):
    (tmp_path / "field.nd2").write_bytes(b"\0")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    result = scan_paths([tmp_path, tmp_path])
    assert result.problems == [(tmp_path / "field.nd2", "not an image file type XIncept reads (.nd2, Nikon "
                                "NIS-Elements); export it as TIFF, PNG or JPEG")]


def test_unreadable_sub_folder_is_named(tmp_path, monkeypatch):
    import os

    locked = tmp_path / "locked"
    locked.mkdir()
    real_listdir = os.listdir

    def listdir(path):  # what a folder without read permission does (the tests may run as root)
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    assert scan_paths([tmp_path]).problems == [(locked, "cannot read folder: Permission denied")]


def test_animated_gif_note_and_phone_mpo_without_one(tmp_path):
    frames = [Image.new("RGB", (40, 40), colour) for colour in ((200, 0, 0), (0, 0, 200), (0, 200, 0))]
    gif = tmp_path / "anim.gif"
    frames[0].save(gif, save_all=True, append_images=frames[1:], duration=100, loop=0)
    assert load_image_with_notes(gif)[1] == ["GIF file holds 3 frames: frame 1 analysed"]
    mpo = tmp_path / "phone.jpg"
    frames[0].save(mpo, format="MPO", save_all=True, append_images=frames[1:2])
    rgb, notes = load_image_with_notes(mpo)
    assert abs(int(rgb[5, 5, 0]) - 200) <= 4 and notes == []
