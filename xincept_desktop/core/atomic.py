"""Atomic file writes: write to a temporary file beside the destination, fsync, then rename over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator


@contextlib.contextmanager
def atomic_write_path(destination: os.PathLike | str) -> Iterator[Path]:
    """Yield a temporary path in the destination folder; on success it replaces ``destination``.

    On any error the temporary file is removed and ``destination`` is left as it was.
    """
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{destination.name}.", suffix=".part", dir=destination.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o666 & ~_current_umask())  # like open(): mkstemp's 0600 would surprise users
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(destination: os.PathLike | str, data: bytes) -> None:
    """Write ``data`` to ``destination`` atomically."""
    with atomic_write_path(destination) as tmp:
        tmp.write_bytes(data)


def atomic_write_text(destination: os.PathLike | str, text: str) -> None:
    """Write UTF-8 ``text`` to ``destination`` atomically."""
    atomic_write_bytes(destination, text.encode("utf-8"))
