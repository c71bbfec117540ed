"""Validation split by blocks of consecutive acquisition numbers, with a purge gap at block edges.

Neighbouring images are near-copies of one field, so a random split leaks. Each class's images are cut into
blocks of ``block_size`` consecutive numbers; every ``n_folds``-th block (offset ``fold``) is validation. Training
images within ``gap`` numbers of a validation block are dropped (near-duplicates sit 1-4 numbers apart), and
exact duplicates (same bytes) are kept on one side.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from .dataset import LabelledImage


@dataclass(frozen=True)
class Split:
    train: list[int]
    validation: list[int]
    purged: list[int]


def block_split(
    items: Sequence[LabelledImage],
    block_size: int = 20,
    n_folds: int = 5,
    fold: int = 0,
    gap: int = 4,
    hashes: Sequence[str] | None = None,
) -> Split:
    """Indices of training, validation and purged (left out) images."""
    val_numbers: dict[int, set[int]] = {}
    is_val = []
    for item in items:
        block = item.number // block_size
        in_val = block % n_folds == fold
        is_val.append(in_val)
        if in_val:
            val_numbers.setdefault(item.label, set()).add(item.number)
    val_hashes = {hashes[i] for i, v in enumerate(is_val) if v} if hashes else set()
    train, validation, purged = [], [], []
    for index, item in enumerate(items):
        if is_val[index]:
            validation.append(index)
            continue
        near = val_numbers.get(item.label, set())
        too_close = any((item.number + d) in near for d in range(-gap, gap + 1))
        duplicate = bool(hashes) and hashes[index] in val_hashes
        (purged if too_close or duplicate else train).append(index)
    return Split(train, validation, purged)
