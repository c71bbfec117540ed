"""Backbone weight files: a flat list of arrays in ``model.get_weights()`` order, stored with h5py.

The digest of the arrays (not of the file) identifies a set of weights, so the same weights give the same
digest whatever produced the file; model bundles record the digest they were trained on.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Sequence

import numpy as np

from ...errors import ModelIntegrityError
from ..atomic import atomic_write_path


def weights_digest(arrays: Sequence[np.ndarray]) -> str:
    """sha256 over dtype, shape and bytes of every array, in order."""
    digest = hashlib.sha256()
    for array in arrays:
        array = np.ascontiguousarray(array, dtype=np.float32)
        digest.update(f"{array.shape}".encode())
        digest.update(array.tobytes())
    return digest.hexdigest()


def save_weight_arrays(path: Path, arrays: Sequence[np.ndarray], **attrs: str) -> str:
    """Write arrays to ``path`` atomically; return their digest (also stored as an attribute)."""
    import h5py

    digest = weights_digest(arrays)
    with atomic_write_path(path) as tmp:
        with h5py.File(tmp, "w", track_order=True) as handle:
            for index, array in enumerate(arrays):
                handle.create_dataset(f"w{index:04d}", data=np.asarray(array, dtype=np.float32), track_times=False)
            handle.attrs["digest"] = digest
            handle.attrs["count"] = len(arrays)
            for key, value in attrs.items():
                handle.attrs[key] = value
    return digest


def load_weight_arrays(path: Path, expected_digest: str | None = None) -> list[np.ndarray]:
    """Read arrays written by :func:`save_weight_arrays`; check their digest when one is expected."""
    import h5py

    path = Path(path)
    if not path.is_file():
        raise ModelIntegrityError(f"backbone weight file missing: {path} (run `xincept weights`)")
    try:
        with h5py.File(path, "r") as handle:
            count = int(handle.attrs["count"])
            arrays = [np.asarray(handle[f"w{index:04d}"]) for index in range(count)]
    except (OSError, KeyError, ValueError) as exc:
        raise ModelIntegrityError(f"backbone weight file is damaged: {path} ({exc})") from exc
    digest = weights_digest(arrays)
    if expected_digest is not None and digest != expected_digest:
        raise ModelIntegrityError(
            f"backbone weight file does not match what the model expects: {path} "
            f"(digest {digest[:12]}, expected {expected_digest[:12]}); run `xincept weights --force`"
        )
    return arrays


def set_model_weights(model, arrays: Sequence[np.ndarray], source: os.PathLike | str) -> None:
    """``model.set_weights`` with a message naming the file when shapes disagree."""
    expected = [tuple(w.shape) for w in model.weights]
    got = [tuple(a.shape) for a in arrays]
    if expected != got:
        raise ModelIntegrityError(f"weight file {source} does not fit the {model.name} architecture")
    model.set_weights(list(arrays))
