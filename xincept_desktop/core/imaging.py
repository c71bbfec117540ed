"""The one place where files become arrays.

``load_image`` turns any supported file into an RGB ``uint8`` array (EXIF orientation applied, 10- to 16-bit and
float samples scaled by their real bit depth, colour kept, grayscale / RGBA / CMYK / palette converted) or raises
:class:`ImageLoadError` with a message that says what is wrong with the file. ``load_image_with_notes`` also
returns notes the user should see (a multi-page TIFF: page 1 of N analysed). HEIC/HEIF phone photos are read
with pillow-heif, TIFFs Pillow falls short on (RGB48, float, many samples) with tifffile; the formats and the
scaling rule live in :mod:`.image_formats`. ``scan_paths`` expands files and folders into image files without
following symlink loops, and names every file it does not take (see ``image_formats.skip_reason``).
``to_model_input`` resizes to the network's input size.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from ..errors import ImageLoadError
from . import image_formats as formats

IMAGE_EXTENSIONS = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".tif", ".tiff", ".bmp", ".dib", ".webp", ".gif", ".jp2", ".j2k"}
    | (formats.HEIF_EXTENSIONS if formats.heif_available() else set())
    | ({".avif"} if formats.avif_available() else set())
)
MIN_SIDE = 32
MAX_PIXELS = 60_000_000  # a 12000x5000 scan is fine; a 40000x40000 bomb is not
# Our limit lies below Pillow's own (MAX_IMAGE_PIXELS, 89 M by default), and ``_check_dimensions`` runs on the header's
# size before anything is decoded, so Pillow's bomb check never decides for us: decoding needs no
# ``warnings.catch_warnings`` (process-wide and not thread-safe; three threads decode at once). Pillow still raises
# DecompressionBombError past twice its limit, and may warn between once and twice; both files are refused here.
MAX_FILE_BYTES = 512 * 1024 * 1024


def is_image_name(path: Path) -> bool:
    """True when ``path`` has an image extension (any case)."""
    return path.suffix.lower() in IMAGE_EXTENSIONS


@dataclass(frozen=True)
class ScanResult:
    """Image files found under the given paths, and paths that could not be used (with the reason)."""

    files: list[Path]
    problems: list[tuple[Path, str]]


def scan_paths(paths: Iterable[os.PathLike | str]) -> ScanResult:
    """Expand files and folders (recursively) into image files, in a stable order.

    A file given explicitly is kept whatever its extension, so that the caller reports why it cannot be read.
    Inside folders only names with an image extension are taken; any other file is listed in ``problems`` with
    the reason (hidden files and sidecars such as notes.txt, *.csv, *.json, Thumbs.db are skipped silently), and
    so is a folder that cannot be listed. Symlinked folders are followed once: a loop or a dangling link never
    hangs or crashes the scan.
    """
    files: list[Path] = []
    problems: list[tuple[Path, str]] = []
    seen_files: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            _scan_folder(path, files, seen_files, problems)
        elif path.is_file() or path.is_symlink() or not path.exists():
            if not path.exists():
                problems.append((path, _missing_reason(path)))
            elif path not in seen_files:
                seen_files.add(path)
                files.append(path)
        else:
            problems.append((path, "not a regular file or folder"))
    return ScanResult(files, problems)


def _missing_reason(path: Path) -> str:
    return "dangling symbolic link" if path.is_symlink() else "no such file or folder"


def _scan_folder(root: Path, files: list[Path], seen_files: set[Path], problems: list[tuple[Path, str]]) -> None:
    visited_dirs: set[tuple[int, int]] = set()
    for folder, entries in _walk(root, visited_dirs, problems):
        for entry in entries:
            candidate = folder / entry
            if not is_image_name(candidate):
                reason = formats.skip_reason(candidate)
                if reason is not None and candidate not in seen_files and (candidate.is_file() or
                                                                            candidate.is_symlink()):
                    seen_files.add(candidate)
                    problems.append((candidate, reason))
                continue
            if candidate.is_symlink() and not candidate.exists():
                problems.append((candidate, "dangling symbolic link"))
                continue
            if candidate.is_file() and candidate not in seen_files:
                seen_files.add(candidate)
                files.append(candidate)


def _walk(root: Path, visited_dirs: set[tuple[int, int]],
          problems: list[tuple[Path, str]]) -> Iterator[tuple[Path, list[str]]]:
    try:
        stat = root.stat()
    except OSError:
        return
    key = (stat.st_dev, stat.st_ino)
    if key in visited_dirs:
        return
    visited_dirs.add(key)
    try:
        names = sorted(os.listdir(root))
    except OSError as exc:
        problems.append((root, f"cannot read folder: {exc.strerror or exc}"))
        return
    yield root, [n for n in names if not (root / n).is_dir()]
    for name in names:
        child = root / name
        if child.is_dir():
            yield from _walk(child, visited_dirs, problems)


def load_image(path: os.PathLike | str) -> np.ndarray:
    """Read an image file into an RGB ``uint8`` array of shape (height, width, 3).

    Raises
    ------
    ImageLoadError
        With a specific reason: missing, folder, empty, too large, not an image, truncated, too small.
    """
    return load_image_with_notes(path)[0]


def load_image_with_notes(path: os.PathLike | str) -> tuple[np.ndarray, list[str]]:
    """``load_image`` and the notes a user should see with the result, e.g. "multi-page TIFF: page 1 of 3
    analysed" or how a floating-point image was scaled; an empty list for an ordinary photograph.

    A multi-page TIFF (or an animated GIF / WebP, a HEIF holding several images) is analysed as its first
    (for HEIF: primary) image and the note says how many there are. Raises ImageLoadError like ``load_image``.
    """
    path = Path(path)
    size = _checked_file_size(path)
    notes: list[str] = []
    try:
        rgb = _decode(path, notes)
    except ImageLoadError:
        raise
    except Image.DecompressionBombError as exc:
        raise ImageLoadError(f"image is too large to be safe to decode (decompression bomb): {exc}") from exc
    except UnidentifiedImageError as exc:
        raise ImageLoadError(f"not an image file of a known format ({size} bytes)") from exc
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageLoadError(f"image data is truncated or corrupt: {exc}") from exc
    except MemoryError as exc:
        raise ImageLoadError("not enough memory to decode this image") from exc
    except Exception as exc:  # pillow plugins raise assorted types on hostile input
        raise ImageLoadError(f"image could not be decoded: {type(exc).__name__}: {exc}") from exc
    _check_dimensions((rgb.shape[1], rgb.shape[0]))
    return rgb, notes


def _decode(path: Path, notes: list[str]) -> np.ndarray:
    with path.open("rb") as handle:
        head = handle.read(16)
    info = formats.tiff_info(path) if formats.is_tiff_header(head) else None
    if info is not None:
        notes += info.notes
        if info.needs_tifffile:
            _check_dimensions((info.width, info.height))
            read = formats.read_tiff(path, info)
            if read is not None:
                notes += read[1]
                return read[0]
    if formats.is_heif_header(head) or path.suffix.lower() in formats.HEIF_EXTENSIONS:
        formats.ensure_heif_opener()
    with Image.open(path) as image:
        _check_dimensions(image.size)
        frames = getattr(image, "n_frames", 1)
        if image.format == "HEIF":
            if frames > 1:
                notes.append(f"HEIF file holds {frames} images: the primary one analysed")
        else:
            image.seek(0)
            if frames > 1 and info is None and image.format != "MPO":  # MPO: a phone JPEG's depth map or preview
                notes.append(f"{image.format or 'image'} file holds {frames} frames: frame 1 analysed")
        image = ImageOps.exif_transpose(image) or image
        return _to_rgb(image, info, notes)


def _checked_file_size(path: Path) -> int:
    if path.is_symlink() and not path.exists():
        raise ImageLoadError("dangling symbolic link")
    if not path.exists():
        raise ImageLoadError("file not found")
    if path.is_dir():
        raise ImageLoadError("is a folder, not an image file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImageLoadError(f"cannot read file: {exc.strerror or exc}") from exc
    if size == 0:
        raise ImageLoadError("file is empty (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise ImageLoadError(f"file is too large ({size / 2**20:.0f} MiB)")
    if not os.access(path, os.R_OK):
        raise ImageLoadError("permission denied: the file is not readable")
    return size


def _check_dimensions(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise ImageLoadError(
            f"image is too large to be safe to decode ({width}x{height} pixels; limit {MAX_PIXELS:,} pixels)"
        )
    if min(width, height) < MIN_SIDE:
        raise ImageLoadError(f"image is too small ({width}x{height} pixels; at least {MIN_SIDE} px per side)")


def _to_rgb(image: Image.Image, info: formats.TiffInfo | None, notes: list[str]) -> np.ndarray:
    mode = image.mode
    if mode.startswith("I") or mode == "F":  # 16/32-bit integer or float grey: scaled by the real bit depth
        unit, note = formats.to_unit(np.asarray(image), bits=info.bits if info else None,
                                     max_sample_value=info.max_sample_value if info else None)
        notes += [note] if note else []
        return formats.unit_array_to_rgb(unit)
    if mode in ("RGBA", "LA", "PA") or (mode == "P" and "transparency" in image.info):
        return _flatten_alpha(image.convert("RGBA"))
    converted = image.convert("RGB")
    converted.load()
    array = np.asarray(converted, dtype=np.uint8)
    if array.ndim != 3 or array.shape[2] != 3:
        raise ImageLoadError(f"unsupported pixel layout ({mode})")
    return np.ascontiguousarray(array)


def _flatten_alpha(rgba: Image.Image) -> np.ndarray:
    array = np.asarray(rgba, dtype=np.float32)
    alpha = array[..., 3:4] / 255.0
    rgb = array[..., :3] * alpha + 255.0 * (1.0 - alpha)  # transparent areas become white, like slide background
    return np.clip(rgb + 0.5, 0, 255).astype(np.uint8)


def to_model_input(rgb: np.ndarray, size: int) -> np.ndarray:
    """Resize an RGB ``uint8`` image to ``size`` x ``size`` (area interpolation when shrinking)."""
    import cv2

    height, width = rgb.shape[:2]
    if (height, width) == (size, size):
        return rgb
    interpolation = cv2.INTER_AREA if min(height, width) > size else cv2.INTER_LINEAR
    return cv2.resize(rgb, (size, size), interpolation=interpolation)


def resize(rgb: np.ndarray, width: int, height: int) -> np.ndarray:
    """Resize to ``width`` x ``height``: area interpolation when the result has fewer pixels, linear otherwise."""
    import cv2

    shrinking = width * height < rgb.shape[0] * rgb.shape[1]
    return cv2.resize(rgb, (width, height), interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)


def load_model_input(path: os.PathLike | str, size: int) -> np.ndarray:
    """``load_image`` then ``to_model_input``."""
    return to_model_input(load_image(path), size)
