import numpy as np

from xincept_desktop.core.explain import localisation as loc


def _mask():
    mask = np.zeros((100, 100), bool)
    mask[20:40, 20:40] = True
    return mask


def test_pointing_game_with_tolerance():
    heat = np.zeros((100, 100))
    heat[43, 30] = 1.0  # 3 px outside the cell: inside the 5 px tolerance
    assert loc.pointing_hit(heat, _mask())
    heat[:] = 0
    heat[60, 60] = 1.0
    assert not loc.pointing_hit(heat, _mask())


def test_heat_inside_mask_share():
    heat = np.zeros((100, 100))
    heat[20:40, 20:40] = 1.0
    heat[80:90, 80:90] = 1.0
    assert abs(loc.heat_inside(heat, _mask()) - 400 / 500) < 1e-9


def test_scale_bar_corner_peak_detection():
    heat = np.zeros((100, 100))
    heat[95, 90] = 1.0
    assert loc.peak_in_scale_bar_corner(heat, _mask())
    heat[:] = 0
    heat[30, 30] = 1.0
    assert not loc.peak_in_scale_bar_corner(heat, _mask())


def test_faithfulness_series_remove_and_restore_hot_pixels():
    image = np.random.default_rng(0).integers(0, 256, (32, 32, 3)).astype(np.uint8)
    heat = np.zeros((32, 32))
    heat[:8] = 1.0
    deletion, insertion = loc.faithfulness_images(image, heat, fractions=(0.0, 0.25, 1.0))
    np.testing.assert_array_equal(deletion[0], image)
    np.testing.assert_array_equal(insertion[-1], image)
    assert not np.array_equal(deletion[1][:8], image[:8]) and np.array_equal(deletion[1][8:], image[8:])


def test_cell_mask_ignores_jpeg_noise():
    segmented = np.zeros((10, 10, 3), np.uint8)
    segmented[2, 2] = (8, 5, 3)
    segmented[5, 5] = (120, 40, 160)
    mask = loc.cell_mask(segmented)
    assert mask.sum() == 1 and mask[5, 5]
