"""Atomic file writes: write to a temporary file beside the destination, fsync it, rename it over the destination,
then fsync the folder so the rename itself survives a power cut.

Nothing here changes process-wide state (the GUI writes from several threads at once): the temporary file is
created with ``os.open(..., 0o666)``, so the kernel applies the process umask exactly as ``open()`` would, where
``tempfile.mkstemp`` would have made it 0600 and reading the umask would have meant setting it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path
from typing import Iterator

#: mode asked for at creation; the kernel takes the umask off it, as for any file ``open()`` creates
FILE_MODE = 0o666
_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


@contextlib.contextmanager
def atomic_write_path(destination: os.PathLike | str, mode: int = FILE_MODE) -> Iterator[Path]:
    """Yield a temporary path in the destination folder; on success it replaces ``destination``.

    ``mode``: the file's permission bits before the umask (0o600 for patient data: owner only).

    On any error the temporary file is removed and ``destination`` is left as it was.
    """
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = _create_temporary(destination, mode)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, destination)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_folder(destination.parent)


def _create_temporary(destination: Path, mode: int = FILE_MODE) -> Path:
    for _ in range(100):
        tmp = destination.parent / f".{destination.name}.{secrets.token_hex(6)}.part"
        try:
            os.close(os.open(tmp, _FLAGS, mode))
        except FileExistsError:
            continue
        return tmp
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(destination.parent))


def fsync_folder(folder: os.PathLike | str) -> None:
    """Flush a folder's entries (a rename into it) to disk; a no-op where folders cannot be opened (Windows) or
    the file system does not sync folders."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def atomic_write_bytes(destination: os.PathLike | str, data: bytes, mode: int = FILE_MODE) -> None:
    """Write ``data`` to ``destination`` atomically (``mode``: see :func:`atomic_write_path`)."""
    with atomic_write_path(destination, mode) as tmp:
        tmp.write_bytes(data)


def atomic_write_text(destination: os.PathLike | str, text: str, mode: int = FILE_MODE) -> None:
    """Write UTF-8 ``text`` to ``destination`` atomically (``mode``: see :func:`atomic_write_path`)."""
    atomic_write_bytes(destination, text.encode("utf-8"), mode)
