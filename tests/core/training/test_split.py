from pathlib import Path

from xincept_desktop.core.training.dataset import LabelledImage
from xincept_desktop.core.training.split import block_split


def _items(numbers_per_class):
    return [LabelledImage(Path(f"c{label}/{n:03d}.jpg"), label, n)
            for label, numbers in enumerate(numbers_per_class) for n in numbers]


def test_blocks_of_consecutive_numbers_never_straddle():
    items = _items([range(1, 201), range(1, 151)])
    split = block_split(items, block_size=20, n_folds=5, fold=0, gap=4)
    validation = {(items[i].label, items[i].number) for i in split.validation}
    for i in split.train:
        label, number = items[i].label, items[i].number
        assert all((label, number + d) not in validation for d in range(-4, 5))
    assert set(split.train) | set(split.validation) | set(split.purged) == set(range(len(items)))
    assert not set(split.train) & set(split.validation)
    assert 0.15 < len(split.validation) / len(items) < 0.25


def test_exact_duplicates_stay_on_one_side():
    items = _items([range(0, 100)])
    hashes = [f"h{i}" for i in range(100)]
    hashes[60] = hashes[5]  # image 5 is in validation block 0 (numbers 0-19); 60 would be training
    split = block_split(items, block_size=20, n_folds=5, fold=0, gap=0, hashes=hashes)
    assert 5 in split.validation and 60 in split.purged


def test_folds_cover_every_block_once():
    items = _items([range(0, 200)])
    seen = []
    for fold in range(5):
        seen += block_split(items, block_size=20, n_folds=5, fold=fold).validation
    assert sorted(seen) == list(range(200))
