"""Patient data at rest: the case database and its folder readable by their owner only (0600 / 0700), or by a
group on a shared workstation (0660 / 2770, see ``xincept setup-shared-store``); exports and reports 0600.

A folder whose group may read, write and enter it (``xincept setup-shared-store`` makes one) is taken as
shared: the database files in it get the group's read and write bits, never the world's. Disk encryption is
the operating system's job; these modes keep other accounts of the same computer out.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
SHARED_FILE = 0o660
SHARED_FOLDER = 0o2770  # setgid: files made inside belong to the folder's group
SIDE_FILES = ("-wal", "-shm", "-journal")


def is_shared_folder(folder: Path) -> bool:
    """Whether ``folder``'s group may read, write and enter it (a shared store)."""
    try:
        return stat.S_IMODE(os.stat(folder).st_mode) & 0o070 == 0o070
    except OSError:
        return False


def database_file_mode(folder: Path) -> int:
    return SHARED_FILE if is_shared_folder(folder) else PRIVATE_FILE


def private_folder(folder: Path) -> None:
    """Create ``folder`` (0700; its missing parents as usual) when it does not exist."""
    folder = Path(folder)
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=PRIVATE_FOLDER)


def private_database(path: Path) -> None:
    """Before SQLite opens ``path``: its folder exists (0700 when created here), the file exists with the owner-
    only mode (group mode in a shared folder), and files left world-readable by older versions lose the world's
    bits. SQLite gives its -wal and -shm files the database file's mode."""
    path = Path(path)
    try:
        private_folder(path.parent)
        mode = database_file_mode(path.parent)
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode))
            os.chmod(path, mode)  # the umask may have taken the group's bits; SQLite's side files copy this mode
        except FileExistsError:
            pass
        for candidate in (path, *(path.with_name(path.name + side) for side in SIDE_FILES)):
            _tighten(candidate, mode)
    except OSError:
        return  # the database's own open reports a folder or file that cannot be made, with its message


def _tighten(path: Path, mode: int) -> None:
    """Take away the bits ``mode`` does not give (only on the user's own files)."""
    with contextlib.suppress(OSError):
        info = os.stat(path)
        current = stat.S_IMODE(info.st_mode)
        if current & ~mode & 0o077 and info.st_uid == os.getuid():
            os.chmod(path, current & mode)
