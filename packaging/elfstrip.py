"""Strip the symbol tables of the standalone app's Linux libraries, keeping any that stripping would break.

PyInstaller's ``strip=True`` strips everything, and numpy's OpenBLAS then failed to load ("ELF load command
address/offset not page-aligned"): auditwheel rewrote that library with patchelf, and ``strip`` lays such a file out
again without keeping its loadable segments' offsets congruent to their addresses modulo the page size, which the
dynamic loader requires. So each library is stripped into a copy (``strip --strip-unneeded``: the dynamic symbols
that other libraries and Python bind to stay), and the copy is used only when it is smaller and every ``PT_LOAD``
segment still satisfies ``p_offset = p_vaddr (mod p_align)`` with a page-multiple alignment. 249 libraries of the
bundle gave 40 MB this way; numpy's and scipy's OpenBLAS and numpy's libgfortran keep their symbols.
Used by ``xincept-desktop.spec``; the frozen self-test is the end-to-end check that every library still loads.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

PAGE = 4096
PT_LOAD = 1


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"\x7fELF"
    except OSError:
        return False


def load_segments_aligned(path: Path, page: int = PAGE) -> bool:
    """True when every loadable segment of a 64-bit little-endian ELF file can be mapped by the dynamic loader;
    False for a misaligned segment and for any other kind of file (not judged: not used)."""
    with open(path, "rb") as handle:
        header = handle.read(64)
        if len(header) < 64 or header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
            return False
        phoff, = struct.unpack_from("<Q", header, 0x20)
        phentsize, phnum = struct.unpack_from("<HH", header, 0x36)
        handle.seek(phoff)
        table = handle.read(phentsize * phnum)
    if phentsize < 56 or len(table) < phentsize * phnum:
        return False
    for index in range(phnum):
        kind, = struct.unpack_from("<I", table, index * phentsize)
        if kind != PT_LOAD:
            continue
        offset, address = struct.unpack_from("<QQ", table, index * phentsize + 8)
        align, = struct.unpack_from("<Q", table, index * phentsize + 48)
        if align % page or (address - offset) % max(align, page):
            return False
    return True


def stripped(source: Path, target: Path) -> Path:
    """``target``, a stripped copy of ``source``, when stripping shrank it and left it loadable; else ``source``.
    A copy made from the same file (path, size and time recorded beside it in ``<target>.from``) is reused and
    checked again; one made from another file is made again (the build once swapped XGBoost's library for the
    CPU-only one under the same name, and an mtime check kept the old copy)."""
    source, target = Path(source), Path(target)
    if not is_elf(source) or shutil.which("strip") is None:
        return source
    origin = target.with_name(target.name + ".from")
    stat = source.stat()
    identity = f"{source.resolve()}\n{stat.st_size}\n{stat.st_mtime_ns}\n"
    if not target.is_file() or not origin.is_file() or origin.read_text(encoding="utf-8") != identity:
        target.parent.mkdir(parents=True, exist_ok=True)
        origin.unlink(missing_ok=True)
        result = subprocess.run(["strip", "--strip-unneeded", "-o", str(target), str(source)], capture_output=True)
        if result.returncode != 0:
            target.unlink(missing_ok=True)
            return source
        origin.write_text(identity, encoding="utf-8")
    if target.stat().st_size < stat.st_size and load_segments_aligned(target):
        return target
    return source
