"""Atomic writes: the umask is never touched (threads write at once), the file gets open()'s mode, the folder is
fsynced after the rename, and a failed write leaves nothing behind."""

from __future__ import annotations

import os
import stat
import threading

import pytest

from xincept_desktop.core import atomic
from xincept_desktop.core.atomic import atomic_write_bytes, atomic_write_path, atomic_write_text


@pytest.fixture
def umask():
    """Set the test process's umask (only the test does this; the code under test must not)."""
    saved = os.umask(0o022)
    os.umask(saved)

    def set_to(mask: int) -> None:
        os.umask(mask)

    yield set_to
    os.umask(saved)


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077, 0o002])
def test_the_file_gets_the_mode_open_would_give_it(tmp_path, umask, mask):
    umask(mask)
    atomic_write_text(tmp_path / "a.txt", "x")
    with open(tmp_path / "plain.txt", "w") as handle:
        handle.write("x")
    expected = stat.S_IMODE((tmp_path / "plain.txt").stat().st_mode)
    assert expected == 0o666 & ~mask
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == expected


def test_the_umask_is_never_read_or_set(tmp_path, monkeypatch):
    def forbidden(*_args):
        raise AssertionError("os.umask changes process-wide state")

    monkeypatch.setattr(os, "umask", forbidden)
    atomic_write_bytes(tmp_path / "b.bin", b"data")
    assert (tmp_path / "b.bin").read_bytes() == b"data"


def test_the_folder_is_fsynced_after_the_rename(tmp_path, monkeypatch):
    events = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append(("fsync", os.path.realpath(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src, dst):
        events.append(("replace", os.path.realpath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "sub" / "c.txt"
    atomic_write_text(target, "hello")
    folder = os.path.realpath(tmp_path / "sub")
    assert [kind for kind, _ in events] == ["fsync", "replace", "fsync"]
    assert events[0][1].startswith(os.path.join(folder, ".c.txt.")) and events[0][1].endswith(".part")
    assert events[1] == ("replace", os.path.realpath(target))
    assert events[2] == ("fsync", folder)


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "d.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_write_path(target) as tmp:
            tmp.write_text("half")
            raise RuntimeError("disk on fire")
    assert target.read_text() == "old" and os.listdir(tmp_path) == ["d.txt"]


def test_many_threads_writing_at_once_each_get_their_file_with_the_same_mode(tmp_path):
    errors = []

    def write(index: int) -> None:
        try:
            for round_ in range(20):
                atomic_write_text(tmp_path / f"{index}.txt", f"{index}:{round_}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(os.listdir(tmp_path)) == sorted(f"{i}.txt" for i in range(8))
    modes = {stat.S_IMODE((tmp_path / f"{i}.txt").stat().st_mode) for i in range(8)}
    assert len(modes) == 1 and modes.pop() & 0o600 == 0o600


def test_a_folder_that_cannot_sync_is_not_an_error(tmp_path, monkeypatch):
    import errno

    def unsupported(_fd):
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.setattr(os, "fsync", unsupported)
    atomic.fsync_folder(tmp_path)  # e.g. a file system that does not sync folders
