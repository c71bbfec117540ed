"""A resumable on-disk cache of backbone feature maps (float16 memmaps), one row per image view.

The backbones are frozen, so their maps for each (image, view) are computed once. Rows are filled in order and
``progress.json`` records how many are done, so an interrupted run carries on where it stopped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ..atomic import atomic_write_text
from ..model.backbones import FEATURE_NAMES


@dataclass(frozen=True)
class ViewRow:
    image: int  # index into the dataset list
    view: str  # "clean", "aug1".., or a perturbation name


MASKS = "cell_masks"


class FeatureCache:
    """Memmapped arrays ``<name>.f16`` of shape (rows, h, w, c) for each backbone map, the cell mask of each row
    on the finest map's grid (``cell_masks.f16``, (rows, h, w); -1 where the row has none), plus progress."""

    def __init__(self, folder: Path, rows: Sequence[ViewRow], shapes: Sequence[tuple[int, int, int]], key: str):
        self.folder = Path(folder)
        self.rows = list(rows)
        self.shapes = [tuple(s) for s in shapes]
        self.mask_shape = tuple(self.shapes[-1][:2])
        self.key = key
        self.folder.mkdir(parents=True, exist_ok=True)
        self._progress_path = self.folder / "progress.json"
        if self._read_progress().get("key") != key:
            self._reset()
        self.arrays = [self._memmap(name, shape, "r+") for name, shape in zip(FEATURE_NAMES, self.shapes)]
        self.masks = self._memmap(MASKS, self.mask_shape, "r+")

    def _memmap(self, name: str, shape, mode: str) -> np.memmap:
        return np.memmap(self.folder / f"{name}.f16", dtype=np.float16, mode=mode, shape=(len(self.rows), *shape))

    def _reset(self) -> None:
        for name, shape in zip(FEATURE_NAMES + (MASKS,), self.shapes + [self.mask_shape]):
            self._memmap(name, shape, "w+").flush()
        self._write_progress(0)

    def _read_progress(self) -> dict:
        try:
            return json.loads(self._progress_path.read_text())
        except (OSError, ValueError):
            return {}

    def _write_progress(self, done: int) -> None:
        atomic_write_text(self._progress_path, json.dumps({"key": self.key, "done": done, "rows": len(self.rows)}))

    @property
    def done(self) -> int:
        return int(self._read_progress().get("done", 0))

    def write(self, start: int, maps: Sequence[np.ndarray], masks: np.ndarray) -> None:
        """Store maps and masks for rows ``start .. start+len`` and record them as done."""
        for array, values in zip(self.arrays + [self.masks], list(maps) + [masks]):
            array[start:start + len(values)] = values.astype(np.float16)
            array.flush()
        self._write_progress(start + len(maps[0]))

    def select(self, row_indices: Sequence[int]) -> list[np.ndarray]:
        """The four maps for the given rows, as float16 arrays in memory."""
        order = np.asarray(row_indices, dtype=np.int64)
        return [np.asarray(array[order]) for array in self.arrays]
