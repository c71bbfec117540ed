"""Stand-ins for libraries the standalone app links but never calls: OpenCV's video back end and the HEIC encoder.

OpenCV's wheel links FFmpeg (``cv2.abi3.so`` needs libavcodec, libavformat, libavutil and libswscale, which bring
libswresample, libvpx, OpenSSL and libdrm) for ``cv2.VideoCapture``/``VideoWriter``; pillow-heif's libheif links
x265 only to *write* HEIC. The app reads still images and never writes HEIC, yet the dynamic loader needs every
linked library present: together 52 MB of the app.

Each such library is replaced by a stand-in built here with the C compiler: same file and ``SONAME``, the same
version nodes (``LIBAVCODEC_62`` ...), and exactly the functions the kept libraries import from it. A stand-in
function the app does not expect to be called prints which function it was and what this build leaves out, and
aborts: a loud stop instead of a half-working video or encoder path. x265's ``x265_api_get_<n>`` returns NULL,
which libheif reports as an encoder error ("unsupported bit depth"); ``x265_cleanup`` does nothing. Libraries
that only the replaced ones needed are then left out (``unneeded``). Linux only (``readelf``, ``nm``, ``cc``);
the frozen self-test is the end-to-end check that OpenCV, pillow-heif and everything else still load and work.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: file-name prefixes of the replaced libraries -> what the app loses with them (the stand-in's message)
STUBBED = {
    "libavcodec-": "video decoding (OpenCV VideoCapture/VideoWriter)",
    "libavformat-": "video files (OpenCV VideoCapture/VideoWriter)",
    "libavutil-": "video decoding (OpenCV VideoCapture/VideoWriter)",
    "libswscale-": "video frame conversion (OpenCV VideoCapture)",
    "libx265-": "writing HEIC images (reading them uses libde265)",
}
#: functions whose stand-in returns NULL / does nothing, because the caller handles that (libheif's x265 plugin)
GRACEFUL = {re.compile(r"x265_api_get(_\d+)?"): "return (void *)0;", re.compile(r"x265_cleanup"): "return (void *)0;"}


@dataclass(frozen=True)
class Symbol:
    name: str
    version: str | None  # the version node (``LIBAVCODEC_62``), None for an unversioned symbol


def is_stubbed(name: str) -> bool:
    return any(name.startswith(prefix) for prefix in STUBBED)


def what_is_lost(name: str) -> str:
    return next(reason for prefix, reason in STUBBED.items() if name.startswith(prefix))


def _run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


@lru_cache(maxsize=None)
def needed(library: Path) -> tuple[str, ...]:
    """The ``DT_NEEDED`` names of an ELF file (read once per file)."""
    return tuple(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", _run("readelf", "-dW", str(library))))


@lru_cache(maxsize=None)
def soname(library: Path) -> str:
    found = re.findall(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", _run("readelf", "-dW", str(library)))
    return found[0] if found else library.name


def _symbols(output: str) -> set[Symbol]:
    symbols = set()
    for line in output.splitlines():
        token = line.split()[-1] if line.split() else ""
        name, _, version = token.replace("@@", "@").partition("@")
        if name:
            symbols.add(Symbol(name, version or None))
    return symbols


def defined(library: Path) -> set[Symbol]:
    return _symbols(_run("nm", "-D", "--defined-only", str(library)))


def undefined(library: Path) -> set[Symbol]:
    return _symbols(_run("nm", "-D", "--undefined-only", str(library)))


def imported_from(library: Path, consumers: list[Path]) -> set[Symbol]:
    """The symbols of ``library`` that any of ``consumers`` imports (by name and version node)."""
    offered = defined(library)
    offered_names = {s.name: s for s in offered}
    wanted = set()
    for consumer in consumers:
        for symbol in undefined(consumer):
            if symbol in offered:
                wanted.add(symbol)
            elif symbol.version is None and symbol.name in offered_names:
                wanted.add(offered_names[symbol.name])
    return wanted


def stub_source(library_name: str, symbols: set[Symbol]) -> tuple[str, str]:
    """C source and linker version script of the stand-in for ``library_name`` exporting ``symbols``."""
    lost = what_is_lost(library_name)
    lines = ["#include <stdio.h>", "#include <stdlib.h>", "",
             "static void *unavailable(const char *name) {",
             f'    fprintf(stderr, "xincept-desktop: %s called, but this build leaves out {lost} '
             f'({library_name} is a stand-in)\\n", name);',
             "    abort();", "}", ""]
    for symbol in sorted(symbols, key=lambda s: s.name):
        body = next((code for pattern, code in GRACEFUL.items() if pattern.fullmatch(symbol.name)),
                    f'return unavailable("{symbol.name}");')
        lines.append(f"void *{symbol.name}(void) {{ {body} }}")
    versions: dict[str | None, list[str]] = {}
    for symbol in symbols:
        versions.setdefault(symbol.version, []).append(symbol.name)
    script = []
    for version, names in sorted(versions.items(), key=lambda item: item[0] or ""):
        exported = " ".join(f"{name};" for name in sorted(names))
        script.append(f"{version or ''} {{ global: {exported} local: *; }};".strip())
    return "\n".join(lines) + "\n", "\n".join(script) + "\n"


def build_stub(library: Path, consumers: list[Path], target: Path, compiler: str = "cc") -> Path:
    """Compile the stand-in of ``library`` for ``consumers`` into ``target`` (same SONAME); return ``target``."""
    symbols = imported_from(library, consumers)
    source, script = stub_source(library.name, symbols)
    target.parent.mkdir(parents=True, exist_ok=True)
    c_file, map_file = target.with_suffix(".stub.c"), target.with_suffix(".stub.map")
    c_file.write_text(source)
    map_file.write_text(script)
    _run(compiler, "-shared", "-fPIC", "-O1", "-w", "-o", str(target), str(c_file),
         f"-Wl,--version-script={map_file}", f"-Wl,-soname,{soname(library)}")
    return target


def available() -> bool:
    """True where the tools are here (Linux build machines with binutils and a C compiler)."""
    return all(shutil.which(tool) for tool in ("readelf", "nm", "cc"))


def unneeded(libraries: dict[str, Path], roots: list[Path]) -> set[str]:
    """Names in ``libraries`` (name -> file) that nothing reachable from ``roots`` through ``DT_NEEDED`` needs."""
    reached, queue = set(), list(roots)
    while queue:
        current = queue.pop()
        for name in needed(current):
            if name in libraries and name not in reached:
                reached.add(name)
                queue.append(libraries[name])
    return set(libraries) - reached


@dataclass(frozen=True)
class Plan:
    stand_ins: dict[str, Path]  # library file name -> the stand-in built for it
    left_out: set[str]  # file names of libraries only the replaced ones needed
    saved_bytes: int


def plan(files: list[tuple[str, Path]], folder: Path) -> Plan:
    """Stand-ins, built into ``folder``, for the libraries of ``files`` ((destination, source) of every ELF file of
    the app) that ``STUBBED`` names, and the libraries beside them (same destination folder) that nothing else
    needs any longer."""
    stubbed = {Path(dest).name: source for dest, source in files if is_stubbed(Path(dest).name)}
    consumers = [source for dest, source in files if Path(dest).name not in stubbed]
    stand_ins = {}
    for name, source in stubbed.items():
        users = [consumer for consumer in consumers if soname(source) in needed(consumer)]
        stand_ins[name] = build_stub(source, users, folder / name)
    folders = {Path(dest).parent for dest, _ in files if Path(dest).name in stubbed}
    candidates = {Path(dest).name: source for dest, source in files
                  if Path(dest).parent in folders and Path(dest).name not in stubbed}
    roots = [source for dest, source in files if Path(dest).parent not in folders] + list(stand_ins.values())
    left_out = unneeded(candidates, roots)
    saved = sum(source.stat().st_size for source in stubbed.values()) + sum(
        candidates[name].stat().st_size for name in left_out)
    return Plan(stand_ins, left_out, saved)
