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


def test_training_augmenter_moves_cell_masks_with_the_cells():
    from xincept_desktop.core.training.augment import TrainingAugmenter

    images = np.stack([synthetic_smear(96, seed) for seed in range(8)])
    masks = (images[..., 1] < 120).astype(np.float32)  # the purple discs
    augmented, moved = TrainingAugmenter(num_ops=2, factor=0.9)(images, seed=11, masks=masks)
    assert augmented.shape == images.shape and moved.shape == masks.shape
    changed_geometry = 0
    for image, mask, original_mask in zip(augmented, moved, masks):
        # the purple discs stay the darkest green in every photometric change, so rank pixels by green
        darkest = image[..., 1] <= np.quantile(image[..., 1], 1 - original_mask.mean())
        overlap = (darkest & (mask > 0.5)).sum() / max((mask > 0.5).sum(), 1)
        assert overlap > 0.6, "the mask no longer covers the cells"
        changed_geometry += not np.array_equal(mask > 0.5, original_mask > 0.5)
    assert changed_geometry >= 4, "flips and rotations should move most masks"


def test_training_augmenter_without_masks_returns_images_only():
    from xincept_desktop.core.training.augment import TrainingAugmenter

    images = np.stack([synthetic_smear(64, seed) for seed in range(2)])
    out = TrainingAugmenter()(images, seed=3)
    assert isinstance(out, np.ndarray) and out.shape == images.shape


def test_the_harder_stain_and_lamp_ranges_move_colours_further_than_the_shipped_ones():
    from xincept_desktop.core.training.augment import HARDER_STAIN_LAMP, SHIPPED_RANGES

    image = np.full((32, 32, 3), (190, 120, 170), np.uint8)
    def spread(ranges):
        return np.std([random_photometric(image, np.random.default_rng(s), ranges).mean(axis=(0, 1))
                       for s in range(60)], axis=0).mean()
    assert spread(HARDER_STAIN_LAMP) > 1.2 * spread(SHIPPED_RANGES)
    assert np.array_equal(random_photometric(image, np.random.default_rng(3)),
                          random_photometric(image, np.random.default_rng(3), SHIPPED_RANGES))


def test_an_input_transform_sees_the_perturbed_view_and_runs_before_augmentation(tmp_path):
    from PIL import Image

    from xincept_desktop.core.imaging import to_model_input
    from xincept_desktop.core.training.dataset import LabelledImage
    from xincept_desktop.core.training.extraction import render_views
    from xincept_desktop.core.training.feature_cache import ViewRow

    rgb = np.random.default_rng(0).integers(0, 255, (40, 40, 3), dtype=np.uint8)
    Image.fromarray(rgb).save(tmp_path / "a.png")
    items = [LabelledImage(tmp_path / "a.png", 0, 1)]
    seen = []

    def transform(image):
        seen.append(image.copy())
        return 255 - image

    images, _ = render_views(items, [ViewRow(0, "stain")], 1, None, 32, input_transform=transform)
    expected = PERTURBATIONS["stain"](to_model_input(rgb, 32))
    assert np.array_equal(seen[0], expected) and np.array_equal(images[0], 255 - expected)
    received = []

    def augmenter(batch, seed, masks):
        received.append(batch.copy())
        return batch, masks

    render_views(items, [ViewRow(0, "aug1")], 1, augmenter, 32, input_transform=transform)
    assert np.array_equal(received[0][0], 255 - seen[-1])
