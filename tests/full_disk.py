"""Helpers that make writes fail like a full disk: the data write, the fsync or the final rename raise ENOSPC."""

from __future__ import annotations

import errno
import os
import pathlib

import pytest

STAGES = ("write", "fsync", "replace")


def no_space(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def fill_disk_at(monkeypatch, stage: str) -> None:
    """Make every atomic write fail at ``stage``; ``write`` puts half the data in the file first, as a disk
    that fills mid-write does."""
    if stage == "write":
        real = pathlib.Path.write_bytes

        def half_then_full(self, data):
            real(self, bytes(data)[: len(data) // 2])
            no_space()

        monkeypatch.setattr(pathlib.Path, "write_bytes", half_then_full)
    elif stage == "fsync":
        monkeypatch.setattr(os, "fsync", no_space)
    elif stage == "replace":
        monkeypatch.setattr(os, "replace", no_space)
    else:
        raise ValueError(stage)


skip_as_root = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                                  reason="root ignores directory permissions; the ENOSPC cases cover this path")
