import numpy as np
import pytest

from xincept_desktop.core.scale.reference import build_reference, combined, red_cell_diameter
from xincept_desktop.core.scale.ruler import read_scale


@pytest.mark.parametrize("diameter", [10, 16, 24, 40])
def test_red_cell_diameter_of_synthetic_discs(make_smear, diameter):
    size = (int(diameter * 16), int(diameter * 16))
    reading = read_scale(make_smear(diameter, size, seed=diameter))
    assert red_cell_diameter(reading) == pytest.approx(diameter, rel=0.15)
    assert reading.cells >= 20


@pytest.mark.parametrize("factor", [0.5, 0.75, 1.5, 2.0, 2.5])
def test_reading_follows_a_known_rescaling_within_ten_percent(make_smear, factor):
    import cv2

    base = make_smear(16, (448, 448), seed=3)
    scaled = cv2.resize(base, None, fx=factor, fy=factor,
                        interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
    reference, _ = build_reference([base])
    x, y = combined(reference.relative(read_scale(scaled)))
    assert float(x) == pytest.approx(factor, rel=0.10)
    assert float(y) == pytest.approx(factor, rel=0.10)


def test_stretching_one_axis_moves_only_that_axis(make_smear):
    import cv2

    base = make_smear(16, (448, 448), seed=5)
    reference, _ = build_reference([base])
    x, y = combined(reference.relative(read_scale(cv2.resize(base, (896, 448)))))
    assert float(x) == pytest.approx(2.0, rel=0.10)
    assert float(y) == pytest.approx(1.0, rel=0.10)


def test_a_large_photograph_is_read_on_a_shrunk_copy_in_its_own_pixels(make_smear):
    import cv2

    base = make_smear(12, (512, 512), seed=7)
    big = cv2.resize(base, (2560, 2560), interpolation=cv2.INTER_LINEAR)  # red cells 60 px
    assert red_cell_diameter(read_scale(big)) == pytest.approx(60, rel=0.15)


@pytest.mark.parametrize("image", [np.full((224, 224, 3), 200, np.uint8),
                                   np.random.default_rng(0).integers(0, 256, (224, 224, 3), dtype=np.uint8)])
def test_flat_and_noise_images_show_no_cells(image):
    assert read_scale(image).cells < 6
