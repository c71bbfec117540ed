"""The ruler on real smears from ../shared: it follows a known rescaling, and the shipped bundle's reference
describes the training images. No network is loaded."""

import numpy as np
import pytest

from xincept_desktop.config import default_model_dir
from xincept_desktop.core.imaging import load_image
from xincept_desktop.core.scale import ScaleReference, decide, read_scale
from xincept_desktop.core.scale.reference import combined

FACTORS = (0.4, 0.5, 0.75, 1.5, 2.0, 2.5)


@pytest.fixture(scope="module")
def reference():
    found = ScaleReference.load(default_model_dir())
    assert found is not None, "the shipped bundle must carry scale.json (xincept calibrate-scale)"
    return found


@pytest.fixture(scope="module")
def smears(shared_data):
    images = []
    for name in ("Benign", "Early", "Pre", "Pro"):
        files = sorted((shared_data / "Original" / name).glob("*.jpg"))
        images += [load_image(files[i]) for i in (10, 150, 300)]
    return images


def _scale(reference, image):
    x, y = combined(reference.relative(read_scale(image)))
    return float(np.sqrt(x * y))


def test_training_images_read_near_the_training_scale(reference, smears):
    scales = [_scale(reference, image) for image in smears]
    low, high = reference.training_spread
    assert all(low * 0.8 <= s <= high * 1.2 for s in scales), scales


@pytest.mark.parametrize("factor", FACTORS)
def test_ruler_follows_a_known_rescaling_of_real_smears(reference, smears, factor):
    import cv2

    ratios = []
    for image in smears:
        resized = cv2.resize(image, None, fx=factor, fy=factor,
                             interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_LINEAR)
        ratios.append(_scale(reference, resized) / _scale(reference, image) / factor)
    assert np.median(ratios) == pytest.approx(1.0, abs=0.10), ratios
    assert np.mean(np.abs(np.log(ratios)) <= np.log(1.15)) >= 0.75, ratios


def test_a_twice_magnified_real_smear_is_rescaled_by_about_half(reference, smears):
    import cv2

    image = smears[4]  # an Early field
    magnified = cv2.resize(image, None, fx=2.0, fy=2.0, interpolation=cv2.INTER_LINEAR)
    base = decide(read_scale(image), reference)
    decision = decide(read_scale(magnified), reference)
    assert decision.source == "ruler"
    assert decision.scale / base.scale == pytest.approx(2.0, rel=0.12)
    assert decision.resize_x * decision.scale_x == pytest.approx(1.0, rel=0.2)  # cells back to the training size
    assert decision.resize_y * decision.scale_y == pytest.approx(1.0, rel=0.2)
