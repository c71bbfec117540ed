import numpy as np
import pytest

from xincept_desktop.core.explain.heatmap import normalise, upsample_cam
from xincept_desktop.core.explain.overlay import COLOR_BLIND_SAFE, COLORMAPS, colorize, overlay


@pytest.fixture
def image():
    return np.full((40, 60, 3), 128, np.uint8)


@pytest.fixture
def heat():
    heat = np.zeros((40, 60), np.float32)
    heat[10:20, 30:50] = 1.0
    return heat


def test_opacity_zero_is_the_image_and_one_is_the_heat(image, heat):
    np.testing.assert_array_equal(overlay(image, heat, opacity=0.0), image)
    np.testing.assert_array_equal(overlay(image, heat, opacity=1.0, colormap="viridis"), colorize(heat, "viridis"))


def test_intermediate_opacity_blends_linearly(image, heat):
    half = overlay(image, heat, opacity=0.5).astype(int)
    full = colorize(heat).astype(int)
    np.testing.assert_allclose(half, (image.astype(int) + full) / 2, atol=1)


def test_threshold_limits_tint_to_hot_pixels(image, heat):
    out = overlay(image, heat, opacity=0.8, threshold=0.5)
    np.testing.assert_array_equal(out[0, 0], image[0, 0])
    assert not np.array_equal(out[15, 40], image[15, 40])


def test_contour_draws_white_outline(image, heat):
    out = overlay(image, heat, opacity=0.0, contour=True)
    assert (out == 255).all(axis=2).sum() > 20


def test_colour_blind_safe_maps_offered():
    assert set(COLOR_BLIND_SAFE) <= set(COLORMAPS)


@pytest.mark.parametrize("bad", [dict(opacity=1.5), dict(colormap="rainbow-unicorn")])
def test_invalid_arguments_refused(image, heat, bad):
    with pytest.raises(ValueError):
        overlay(image, heat, **bad)


def test_size_mismatch_refused(image):
    with pytest.raises(ValueError, match="differ in size"):
        overlay(image, np.zeros((10, 10)))


def test_upsample_cam_to_image_size_in_unit_range():
    cam = np.zeros((14, 14), np.float32)
    cam[3, 4] = 1.0
    heat = upsample_cam(cam, 224, 300)
    assert heat.shape == (224, 300) and heat.dtype == np.float32
    assert heat.min() == 0.0 and heat.max() == pytest.approx(1.0)
    peak_y, peak_x = np.unravel_index(heat.argmax(), heat.shape)
    assert abs(peak_y - (3.5 * 224 / 14)) <= 16 and abs(peak_x - (4.5 * 300 / 14)) <= 22


def test_flat_map_normalises_to_zero():
    assert normalise(np.full((5, 5), 3.0)).max() == 0.0
