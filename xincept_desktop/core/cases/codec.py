"""Small pure helpers: heat maps to and from ``.npy`` bytes (float16, never pickled), file hashes, UTC times."""

from __future__ import annotations

import hashlib
import io
from datetime import datetime, timezone
from pathlib import Path

import numpy as np

from ...errors import CaseStoreError

HASH_CHUNK = 1 << 20


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


def sha256_file(path: Path) -> tuple[str, int]:
    """The SHA-256 hex digest and size in bytes of ``path`` (``OSError`` when it cannot be read)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def utc_now() -> datetime:
    """The current time in UTC (the store's default clock)."""
    return datetime.now(timezone.utc)


def iso_utc(moment: datetime) -> str:
    """``moment`` as an ISO 8601 UTC string with milliseconds; naive times are refused."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the audit trail needs timezone-aware times")
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")
