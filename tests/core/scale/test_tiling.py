import numpy as np
import pytest

from xincept_desktop.core.scale.decision import RULER, UNKNOWN, ScaleDecision
from xincept_desktop.core.scale.tiling import (
    MIN_OVERLAP, aggregate, plan_tiles, stitch, tile_starts, tile_weights)


def _decision(resize: float, source: str = RULER) -> ScaleDecision:
    return ScaleDecision(source, 1 / resize, 1 / resize, resize, resize, 18.0, "test")


@pytest.mark.parametrize("length", [225, 300, 448, 1000, 1601])
def test_tiles_cover_the_side_and_overlap_by_a_quarter(length):
    starts = tile_starts(length, 224)
    assert starts[0] == 0 and starts[-1] + 224 == length
    assert all(b - a <= 224 * (1 - MIN_OVERLAP) + 1 for a, b in zip(starts, starts[1:]))


def test_a_short_side_gets_one_centred_tile():
    assert tile_starts(112, 224) == [-56]


def test_an_image_at_training_size_is_one_untouched_tile():
    rgb = np.random.default_rng(0).integers(0, 255, (224, 224, 3), dtype=np.uint8)
    plan = plan_tiles(rgb, _decision(1.0), 224)
    assert len(plan.tiles) == 1 and plan.tiles[0].image_share == 1.0
    assert np.array_equal(plan.tiles[0].image, rgb)


def test_a_magnified_field_is_shrunk_and_reflection_padded():
    rgb = np.full((224, 224, 3), (240, 230, 220), np.uint8)
    rgb[:40, :40] = (120, 60, 140)  # a dark cell in the top-left corner
    plan = plan_tiles(rgb, _decision(0.5), 224)
    assert plan.resized_shape == (112, 112) and len(plan.tiles) == 1
    tile = plan.tiles[0]
    assert tile.image.shape == (224, 224, 3) and tile.image_share == pytest.approx(0.25)
    assert tuple(tile.image[56, 56]) == (120, 60, 140)  # the image sits in the middle
    assert tuple(tile.image[54, 54]) == (120, 60, 140)  # its corner cell is mirrored into the padding
    assert plan.boxes_on_original() == [(0, 0, 224, 224)]


def test_background_padding_is_still_available_for_comparison():
    from xincept_desktop.core.scale.tiling import PAD_BACKGROUND

    rgb = np.full((224, 224, 3), (240, 230, 220), np.uint8)
    rgb[:40, :40] = (120, 60, 140)
    tile = plan_tiles(rgb, _decision(0.5), 224, PAD_BACKGROUND).tiles[0]
    assert tuple(tile.image[0, 0]) == (240, 230, 220)


def test_a_wide_field_is_cut_into_tiles_mapped_back_onto_the_original():
    rgb = np.zeros((224, 392, 3), np.uint8)
    plan = plan_tiles(rgb, _decision(1.0), 224)
    assert [t.origin for t in plan.tiles] == [(0, 0), (168, 0)]
    assert plan.boxes_on_original() == [(0, 0, 224, 224), (168, 0, 392, 224)]
    shrunk = plan_tiles(np.zeros((448, 784, 3), np.uint8), _decision(0.5), 224)
    assert shrunk.boxes_on_original() == [(0, 0, 448, 448), (336, 0, 784, 448)]


def test_an_unknown_scale_fits_the_whole_field_into_one_input():
    rgb = np.zeros((1200, 1600, 3), np.uint8)
    plan = plan_tiles(rgb, _decision(1.0, UNKNOWN), 224)
    assert len(plan.tiles) == 1 and plan.tiles[0].image.shape == (224, 224, 3)


def test_weights_follow_the_cell_gate_and_the_share_of_image():
    rgb = np.zeros((224, 392, 3), np.uint8)
    plan = plan_tiles(rgb, _decision(1.0), 224)
    weights = tile_weights(plan, np.array([0.3, 0.1]))
    assert weights == pytest.approx([0.75, 0.25])
    assert aggregate(np.array([[1.0, 0.0], [0.0, 1.0]]), weights) == pytest.approx([0.75, 0.25])
    assert tile_weights(plan, np.zeros(2)) == pytest.approx([0.5, 0.5])


def test_stitched_heat_map_keeps_each_tiles_hot_spot_in_place():
    rgb = np.zeros((224, 392, 3), np.uint8)
    plan = plan_tiles(rgb, _decision(1.0), 224)
    cams = np.zeros((2, 1, 28, 28), np.float32)
    cams[0, 0, 5, 5] = 1.0   # left tile: hot at grid (5, 5)
    cams[1, 0, 20, 24] = 1.0  # right tile (starts at grid column 21): hot at grid (20, 45)
    stitched = stitch(plan, cams, np.array([0.5, 0.5]))
    assert stitched.shape == (1, 28, 49)
    assert stitched[0, 5, 5] == pytest.approx(1.0) and stitched[0, 20, 45] == pytest.approx(1.0)
    assert stitched.max() == pytest.approx(1.0)


def test_stitching_a_padded_tile_keeps_only_the_image_part():
    rgb = np.zeros((224, 224, 3), np.uint8)
    plan = plan_tiles(rgb, _decision(0.5), 224)
    cams = np.zeros((1, 1, 28, 28), np.float32)
    cams[0, 0, 14, 14] = 1.0  # centre of the tile = centre of the image
    cams[0, 0, 0, 0] = 0.9  # on the padding: must not appear
    stitched = stitch(plan, cams, np.array([1.0]))
    assert stitched.shape == (1, 14, 14)
    assert stitched[0, 7, 7] == pytest.approx(1.0)
    assert stitched[0].max() == pytest.approx(1.0) and np.isclose(stitched, 0.9).sum() == 0
