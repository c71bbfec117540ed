"""Compare image files on disk with the hash recorded when they were analysed."""

from __future__ import annotations

from pathlib import Path

from .codec import sha256_file
from .records import FileProblem


def check_file(image_id: int, path: Path, sha256: str, size_bytes: int) -> FileProblem | None:
    """``None`` when ``path`` still holds the analysed bytes, else what is wrong with it."""
    try:
        if not path.is_file():
            return FileProblem(image_id, path, "missing", sha256)
        if path.stat().st_size != size_bytes:
            return FileProblem(image_id, path, "changed", sha256, sha256_file(path)[0])
        actual, _ = sha256_file(path)
    except OSError:
        return FileProblem(image_id, path, "unreadable", sha256)
    return None if actual == sha256 else FileProblem(image_id, path, "changed", sha256, actual)
