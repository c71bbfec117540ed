import numpy as np
from PIL import Image

from tests.conftest import synthetic_smear
from xincept_desktop.core.training.cell_masks import NO_MASK, load_cell_mask, segmented_twin, to_grid


def _write_pair(root, class_name: str, name: str, segmented: np.ndarray | None):
    original = root / "Original" / class_name / name
    original.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(synthetic_smear(64, 1)).save(original)
    if segmented is not None:
        twin = root / "Segmented" / class_name / name
        twin.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(segmented).save(twin, quality=95)
    return original


def test_segmented_twin_mirrors_the_class_and_name(tmp_path):
    assert segmented_twin(tmp_path / "Original" / "Early" / "a.jpg") == tmp_path / "Segmented" / "Early" / "a.jpg"


def test_mask_is_the_non_black_part_of_the_segmented_image(tmp_path):
    segmented = np.zeros((64, 64, 3), np.uint8)
    segmented[10:30, 20:40] = (140, 60, 160)
    mask = load_cell_mask(_write_pair(tmp_path, "Early", "a.jpg", segmented), 64)
    assert mask.shape == (64, 64) and mask.dtype == np.float32
    assert mask[15:25, 25:35].all() and mask[40:, 40:].sum() == 0


def test_pro_images_and_missing_twins_have_no_mask(tmp_path):
    segmented = np.full((64, 64, 3), 150, np.uint8)
    assert load_cell_mask(_write_pair(tmp_path, "Pro", "a.jpg", segmented), 64) is None
    assert load_cell_mask(_write_pair(tmp_path, "Pre", "b.jpg", None), 64) is None


def test_an_unreadable_twin_counts_as_no_mask(tmp_path):
    original = _write_pair(tmp_path, "Benign", "c.jpg", None)
    twin = segmented_twin(original)
    twin.parent.mkdir(parents=True, exist_ok=True)
    twin.write_bytes(b"not a jpeg")
    assert load_cell_mask(original, 64) is None


def test_to_grid_averages_area_and_marks_missing_masks():
    mask = np.zeros((56, 56), np.float32)
    mask[:28, :28] = 1
    grid = to_grid(mask, 4)
    np.testing.assert_allclose(grid, [[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]], atol=1e-6)
    assert (to_grid(None, 4) == NO_MASK).all()
