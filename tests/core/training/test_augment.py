import numpy as np
import pytest

from tests.conftest import synthetic_smear
from xincept_desktop.core.training.augment import PERTURBATIONS, random_photometric, stain_shift


def test_identity_stain_shift_keeps_the_image():
    image = synthetic_smear(64, 0)
    assert np.abs(stain_shift(image, (1, 1, 1), (0, 0, 0)).astype(int) - image).max() <= 1


def test_stronger_haematoxylin_darkens_purple_nuclei_more_than_background():
    image = synthetic_smear(64, 0)
    shifted = stain_shift(image, (1.5, 1.0, 1.0), (0, 0, 0)).astype(int)
    nucleus = image[..., 1] < 120
    assert (image.astype(int) - shifted)[nucleus].mean() > (image.astype(int) - shifted)[~nucleus].mean()


@pytest.mark.parametrize("name", sorted(PERTURBATIONS))
def test_perturbations_change_the_image_but_keep_its_shape(name):
    image = synthetic_smear(64, 1)
    out = PERTURBATIONS[name](image)
    assert out.shape == image.shape and out.dtype == np.uint8
    assert not np.array_equal(out, image)


def test_random_photometric_is_deterministic_for_a_seed():
    image = synthetic_smear(64, 2)
    first = random_photometric(image, np.random.default_rng(5))
    second = random_photometric(image, np.random.default_rng(5))
    np.testing.assert_array_equal(first, second)
    assert not np.array_equal(first, random_photometric(image, np.random.default_rng(6)))
