"""Small pure helpers: heat maps to and from ``.npy`` bytes (float16, never pickled), file hashes (the one helper of
``core.hashing``), UTC times."""

from __future__ import annotations

import io
from datetime import datetime, timezone

import numpy as np

from ...errors import CaseStoreError
from ..hashing import sha256_file_and_size as sha256_file  # noqa: F401  ((hex, size); store and files use it)


def encode_heatmap(array: np.ndarray) -> bytes:
    """``array`` as float16 ``.npy`` bytes (heat maps are in [0, 1]; float16 keeps ~3 significant digits)."""
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(array, dtype=np.float16), allow_pickle=False)
    return buffer.getvalue()


def decode_heatmap(blob: bytes) -> np.ndarray:
    """The float32 array stored by :func:`encode_heatmap`; refuses pickled (object) arrays."""
    try:
        array = np.load(io.BytesIO(blob), allow_pickle=False)
    except ValueError as exc:
        raise CaseStoreError(f"a stored heat map is damaged: {exc}") from exc
    return array.astype(np.float32)


def utc_now() -> datetime:
    """The current time in UTC (the store's default clock)."""
    return datetime.now(timezone.utc)


def iso_utc(moment: datetime) -> str:
    """``moment`` as an ISO 8601 UTC string with milliseconds; naive times are refused."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the audit trail needs timezone-aware times")
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")
