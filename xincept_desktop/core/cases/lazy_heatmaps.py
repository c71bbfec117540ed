"""A stored analysis's class-activation maps, read from the case database the first time they are used.

A case opens without decoding every heat map (``CaseStore.load_case(..., heatmaps=False)``); each result then
carries a :class:`StoredHeatmaps` in place of its ``cams`` dict. The window reads it for the image being looked at
(in a background thread), and a report made from the results reads each in the report's own thread. Every read
opens its own connection, so it is safe from any thread; the maps are read once.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path


class StoredHeatmaps(Mapping):
    """method -> array, read from ``db_path`` for ``analysis_id`` on first access."""

    def __init__(self, db_path: Path | str, analysis_id: int):
        self.db_path, self.analysis_id = Path(db_path), int(analysis_id)
        self._maps: dict | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        return self._maps is not None

    def _read(self) -> dict:
        with self._lock:
            if self._maps is None:
                from .store import CaseStore

                with CaseStore(self.db_path) as store:
                    self._maps = store.heatmaps(self.analysis_id)
            return self._maps

    def __getitem__(self, method: str):
        return self._read()[method]

    def __iter__(self):
        return iter(self._read())

    def __len__(self) -> int:
        return len(self._read())

    def __repr__(self) -> str:
        state = f"{len(self._maps)} maps" if self._maps is not None else "not read yet"
        return f"StoredHeatmaps(analysis {self.analysis_id}, {state})"


def with_stored_heatmaps(record, db_path: Path | str) -> None:
    """Give every analysed image of ``record`` (loaded without heat maps) maps that are read when first used."""
    for image in record.images:
        if image.analysis is not None and image.analysis.result.ok and not image.analysis.result.cams:
            image.analysis.result.cams = StoredHeatmaps(db_path, image.analysis.analysis_id)
