"""Training views at the training scale: simulated microscopes and the app's normalisation, with masks following."""

import numpy as np
import pytest

from tests.scale_images import smear
from xincept_desktop.core.scale import build_reference, read_scale
from xincept_desktop.core.scale.reference import combined
from xincept_desktop.core.training.scale_views import (magnified_field, normalised_view, simulate_field,
                                                       widened_field)


@pytest.fixture(scope="module")
def reference():
    ref, _ = build_reference([smear(16, (224, 224), seed=s) for s in range(5)], trained_at_scale=True)
    return ref


def _scale(reference, image):
    x, y = combined(reference.relative(read_scale(image)))
    return float(np.sqrt(x * y))


def test_a_magnified_field_shows_the_centre_enlarged_to_the_same_size():
    image = np.zeros((100, 200, 3), np.uint8)
    image[40:60, 90:110] = 255  # a square in the centre
    field = magnified_field(image, 2.0)
    assert field.shape == image.shape
    assert field[30:70, 80:120].mean() > 200 and field[:10, :10].max() == 0  # the square is twice as large


def test_a_widened_field_shows_four_fields_shrunk_to_one():
    fields = [np.full((50, 50, 3), value, np.uint8) for value in (0, 80, 160, 240)]
    wide = widened_field(fields, 0.5)
    assert wide.shape == (50, 50, 3)
    assert wide[:20, :20].mean() == 0 and wide[-20:, -20:].mean() == 240


def test_simulated_fields_change_the_scale_the_ruler_reads(reference):
    rng = np.random.default_rng(3)
    base = smear(16, (224, 224), seed=9)
    companions = [smear(16, (224, 224), seed=s) for s in (10, 11, 12)]
    scales, changed = [], 0
    for _ in range(12):
        field, was_changed = simulate_field(base, lambda: companions, rng)
        assert field.shape == base.shape
        changed += was_changed
        scales.append(_scale(reference, field))
    assert 0 < changed < 12  # some views keep the field, some show another microscope
    assert max(scales) > 1.2 and min(scales) < 0.85


@pytest.mark.parametrize("diameter", [9, 16, 30])
def test_the_normalised_view_brings_red_cells_to_the_training_scale(reference, diameter):
    image = smear(diameter, (336, 336), seed=diameter)
    view, _ = normalised_view(image, reference, 224)
    assert view.shape == (224, 224, 3)
    assert _scale(reference, view) == pytest.approx(1.0, abs=0.15)


def test_a_mask_follows_the_view_through_resizing_and_cutting(reference):
    image = smear(32, (224, 224), seed=4)  # about 2x: shrunk to half and reflection-padded
    mask = np.zeros((224, 224), np.float32)
    mask[100:124, 100:124] = 1.0
    view, moved = normalised_view(image, reference, 224, mask=mask)
    assert moved.shape == (224, 224)
    ys, xs = np.nonzero(moved[56:168, 56:168] > 0.5)  # the image sits in the centre, its mask with it
    assert 40 <= ys.mean() <= 72 and 40 <= xs.mean() <= 72
    assert moved[56:168, 56:168].sum() == pytest.approx(mask.sum() / 4, rel=0.25)


def test_random_views_take_one_of_the_apps_tile_positions(reference):
    image = smear(8, (224, 224), seed=6)  # red cells half the training size: enlarged to about 448 px
    views = {normalised_view(image, reference, 224, np.random.default_rng(seed))[0].tobytes() for seed in range(8)}
    assert 2 <= len(views) <= 9  # a 2x2 or 3x3 tile grid


def test_without_a_reference_the_image_is_squeezed_into_one_input():
    image = smear(16, (300, 400), seed=1)
    view, mask = normalised_view(image, None, 224)
    assert view.shape == (224, 224, 3) and mask is None
