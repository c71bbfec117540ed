"""Stain normalisation at input: the target's colour statistics, blank fields passed through and counted."""

import numpy as np
import pytest

from xincept_desktop.core.training.stain_normalisation import METHODS, StainNormaliser, target_mosaic


def _smear(rng, tint):
    """A pale background with darker, tinted discs (cells)."""
    image = np.full((64, 64, 3), 235, np.float64)
    yy, xx = np.mgrid[:64, :64]
    for _ in range(6):
        y, x = rng.integers(8, 56, 2)
        disc = (yy - y) ** 2 + (xx - x) ** 2 < 49
        image[disc] = np.asarray(tint) * rng.uniform(0.8, 1.0)
    return np.clip(image + rng.normal(0, 3, image.shape), 0, 255).astype(np.uint8)


def test_a_mosaic_tiles_images_row_by_row():
    images = [np.full((4, 4, 3), k, np.uint8) for k in range(5)]
    mosaic = target_mosaic(images, columns=2)
    assert mosaic.shape == (8, 8, 3) and mosaic[0, 4, 0] == 1 and mosaic[4, 0, 0] == 2
    with pytest.raises(ValueError):
        target_mosaic(images[:1], columns=2)


def test_reinhard_brings_a_differently_stained_image_to_the_targets_colour():
    rng = np.random.default_rng(0)
    target = target_mosaic([_smear(rng, (120, 60, 160)) for _ in range(4)], columns=2)
    other = _smear(rng, (60, 140, 90))
    normalised = StainNormaliser(target, "reinhard")(other)
    assert normalised.shape == other.shape and normalised.dtype == np.uint8
    target_mean, before, after = (a.reshape(-1, 3).mean(0) for a in (target, other, normalised))
    assert np.abs(after - target_mean).sum() < 0.5 * np.abs(before - target_mean).sum()


@pytest.mark.parametrize("method", sorted(METHODS))
def test_a_blank_field_is_returned_unchanged_or_normalised_never_broken(method):
    rng = np.random.default_rng(1)
    normaliser = StainNormaliser(target_mosaic([_smear(rng, (120, 60, 160)) for _ in range(4)], columns=2), method)
    blank = np.full((32, 32, 3), 200, np.uint8)
    out = normaliser(blank)
    assert out.shape == blank.shape and out.dtype == np.uint8
    if method == "reinhard":  # no spread to match: passed through and counted
        assert np.array_equal(out, blank) and normaliser.unchanged == 1


def test_an_unknown_method_is_refused_by_name():
    with pytest.raises(ValueError, match="unknown stain normalisation 'vahadane'"):
        StainNormaliser(np.zeros((8, 8, 3), np.uint8), "vahadane")
